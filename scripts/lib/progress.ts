/** Progress on stderr for inputs that take more than a couple of seconds; silent when not a TTY. */
import { performance } from 'node:perf_hooks';

const SHOW_AFTER_MS = 2000;

export interface ProgressReporter {
  update: (file: string, done: number, total: number) => void;
  done: (elapsedMs?: number) => void;
}

export function progressReporter(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
  opts: { quiet: boolean; now?: () => number },
): ProgressReporter {
  const now = opts.now ?? (() => performance.now());
  const enabled = !opts.quiet && stream.isTTY === true;
  const start = now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(file, done, total) {
      if (!enabled) return;
      const t = now();
      if (t - start < SHOW_AFTER_MS || t - lastDraw < 100) return;
      lastDraw = t;
      shown = true;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
      stream.write(`\r\x1b[Kreading ${file} ${pct}% (${(done / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB)`);
    },
    done(elapsedMs) {
      if (!enabled || !shown) return;
      stream.write(`\r\x1b[Kdone in ${((elapsedMs ?? now() - start) / 1000).toFixed(1)} s\n`);
    },
  };
}
