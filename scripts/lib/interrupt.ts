/**
 * Cleanups for an interrupted command: Ctrl-C (SIGINT), a cancelled CI job
 * (SIGTERM), a closed terminal (SIGHUP). Node's default for these signals
 * ends the process at once, without running `finally` blocks, and a build
 * left its folders behind: the output it was building beside --out (a
 * hidden folder, hundreds of MB for a large site), the account CSV files,
 * Astro's server chunks in .astro. While a cleanup is registered, such a
 * signal runs every cleanup (synchronous; the last registered first), then
 * is raised again with its default action, so the process still ends by
 * that signal, as the shell and npm report it (exit status 128 + its number).
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  listen(false);
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // The others still run: each removes what it made, and the signal ends the process either way.
    }
  }
  process.kill(process.pid, signal);
  // Only if the signal did not end the process (its action was set to ignore it): the exit status it would have given.
  process.exit(128 + (constants.signals[signal] ?? 0));
}

function listen(on: boolean): void {
  for (const signal of SIGNALS) {
    if (on) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

/**
 * Run `cleanup` if the process is interrupted before the returned function is
 * called (call it when what `cleanup` removes is done with, or handed over).
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) listen(true);
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) listen(false);
  };
}
