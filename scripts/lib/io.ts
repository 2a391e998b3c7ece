/** File-system helpers for the CLIs: atomic writes and argument parsing. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** Write via a temporary file in the same folder and rename, so readers never see half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export class UsageError extends Error {}

/** `--key value` and `--flag` pairs; unknown keys are usage errors. */
export function parseArgs(argv: string[], known: Record<string, 'value' | 'flag'>): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : '';
    const kind = known[name];
    if (!kind) throw new UsageError(`unknown argument "${arg}"`);
    if (kind === 'flag') out[name] = true;
    else if (eq > 0) out[name] = arg.slice(eq + 1);
    else {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}

/** A string option's value, or undefined when not given. */
export function optionalString(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The one-line reason for a fatal input problem, and any details it carries (a config snippet) after it. */
export function fatalMessage(command: string, error: unknown): string {
  const e = error as Error & { details?: unknown };
  const details = typeof e.details === 'string' && e.details !== '' ? `${e.details}\n` : '';
  return `${command}: ${e.message.split('\n').join('; ')}\n${details}`;
}
