/** A script of this project run in a process of its own, for what it leaves behind (a kept bundle), not for its output. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project.ts';

/** A bundle being made in a process of its own (the pages', the filter script's). */
export interface Bundling {
  /** Settles when the process has ended, whatever it did (never rejects). */
  done: Promise<void>;
}

/**
 * Run `script` (a path below the project root, run from its sources as the compiled commands cannot name it) with
 * `args`, its output unheard. Settles when the process has ended, whatever it did, and never rejects: what it failed
 * to make is made again, and reported, by whoever needs it next.
 */
export function runApart(script: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, script), ...args], { stdio: 'ignore' });
  return new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
}
