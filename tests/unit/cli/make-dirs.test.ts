/**
 * makeDirs: `mkdir -p` that ends with the system's answer where Node's
 * recursive mkdir spins forever (a folder under /proc, whose parent exists
 * but answers ENOENT), and the commands that write outputs through it.
 */
import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirs, type MakeDirsFs } from '../../../scripts/lib/make-dirs.ts';
import { FIXTURES, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const errno = (code: string, path: string) => Object.assign(new Error(`${code}: ${path}`), { code, path });

describe('makeDirs', () => {
  it('makes every missing folder, and leaves a folder that is there alone', () => {
    const dir = tempDir();
    makeDirs(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    writeFileSync(join(dir, 'a', 'keep.txt'), 'x');
    makeDirs(join(dir, 'a', 'b'));
    expect(existsSync(join(dir, 'a', 'keep.txt'))).toBe(true);
  });

  it('a file in the way is an error, as with mkdir -p', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => makeDirs(join(dir, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeDirs(join(dir, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('a link to nothing in the path is no such folder (ENOENT), not a file in the way', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'gone'), join(dir, 'link'));
    expect(() => makeDirs(join(dir, 'link', 'out'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });

  it('a parent that exists but refuses the folder with ENOENT ends in that error, each folder tried once', () => {
    // What procfs does: mkdir /proc/x is ENOENT though /proc is there. Node's recursive mkdir loops on it forever.
    const root = resolve('/virtual');
    const calls: string[] = [];
    const fs: MakeDirsFs = {
      statSync: ((p: string) => (p === root || p === resolve('/') ? { isDirectory: () => true } : undefined)) as unknown as MakeDirsFs['statSync'],
      mkdirSync: ((p: string) => {
        calls.push(p);
        throw errno('ENOENT', p);
      }) as MakeDirsFs['mkdirSync'],
    };
    expect(() => makeDirs(join(root, 'x', 'y'), fs)).toThrow(expect.objectContaining({ code: 'ENOENT', path: join(root, 'x') }));
    expect(calls).toEqual([join(root, 'x')]);
  });

  it('a folder another process made meanwhile is fine', () => {
    const dir = tempDir();
    const target = join(dir, 'raced');
    const fs: MakeDirsFs = {
      statSync: nodeFs.statSync,
      mkdirSync: ((p: string) => {
        mkdirSync(p);
        throw errno('EEXIST', p);
      }) as MakeDirsFs['mkdirSync'],
    };
    makeDirs(target, fs);
    expect(statSync(target).isDirectory()).toBe(true);
  });
});

// The real thing: Linux's procfs (CI runs on Linux; elsewhere there is no /proc to write under).
describe.runIf(process.platform === 'linux')('outputs under /proc (a parent that cannot hold folders)', () => {
  // In a process of its own: the old spin was synchronous, and would have stopped this test file for good.
  const run = (command: string, out: string) =>
    spawnSync(process.execPath, ['scripts/launch.mjs', command, '--data', join(FIXTURES, 'spec-example', 'data'), '--as-of', '2025-06-30', '--out', out, '--no-cache', '--lang', 'en'].filter((a) => command === 'build' || a !== '--no-cache'), {
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('metrics --out /proc/<missing>/m.json: exit 1 at once, naming the file, where it used to spin forever', () => {
    const r = run('metrics', '/proc/pipescope-none/m.json');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('metrics: cannot write /proc/pipescope-none/m.json: its folder does not exist (ENOENT)\n');
  }, 130_000);

  it('build --out /proc/<missing>/dist: one line, exit 1, no stack from the extraction started beside it', () => {
    const r = run('build', '/proc/pipescope-none/dist');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('build: cannot write /proc/pipescope-none/dist: its folder does not exist (ENOENT)\n');
  }, 130_000);
});
