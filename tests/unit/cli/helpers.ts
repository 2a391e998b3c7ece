/** A fake CliIO for running the CLIs' main in-process, and temporary folders to run them on. */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliFs, CliIO } from '../../../scripts/lib/cli.ts';

export const FIXTURES = resolve('tests/fixtures');
/** 2025-07-01T00:00:00Z: the fake clock. */
export const FAKE_NOW = Date.UTC(2025, 6, 1);

export interface FakeIO {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

export function fakeIO(cwd: string, fs: CliFs = nodeFs): FakeIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      now: () => FAKE_NOW,
      cwd,
      env: {},
      isTTY: false,
      fs,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const made: string[] = [];

/** A new folder under the OS temporary folder, removed by `removeTempDirs`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipescope-cli-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of a fixture's data folder at `<dir>/<name>`. */
export function copyFixture(fixture: string, dir: string, name = 'data'): string {
  const to = join(dir, name);
  cpSync(join(FIXTURES, fixture, 'data'), to, { recursive: true });
  return to;
}

/** Every file under `dir` (names starting with "." included) with its content's sha256. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** An errno-shaped error, as node:fs throws. */
export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, syscall, path });
}
