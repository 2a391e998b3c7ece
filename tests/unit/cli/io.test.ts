/** The CLIs' helpers: argument parsing that cannot be tricked, option checks, atomic writes that clean up. */
import * as nodeFs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardStandardOutput, reportError } from '../../../scripts/lib/cli.ts';
import { asOfOption, fatalMessage, lenientArgs, parseArgs, UsageError, wholeNumberOption, writeFileAtomic } from '../../../scripts/lib/io.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { errnoError, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const KNOWN = { data: 'value', quiet: 'flag' } as const;

describe('parseArgs', () => {
  it('returns only the given options, on an object without a prototype', () => {
    const args = parseArgs(['--data', 'x', '--quiet'], KNOWN);
    expect(Object.getPrototypeOf(args)).toBe(null);
    expect({ ...args }).toEqual({ data: 'x', quiet: true });
    expect(parseArgs(['--data=a=b'], KNOWN).data).toBe('a=b');
    expect(parseArgs(['--data', '-'], KNOWN).data).toBe('-');
  });

  it.each([
    [['--__proto__', 'x'], 'unknown argument "--__proto__"'],
    [['--__proto__=x'], 'unknown argument "--__proto__=x"'],
    [['--constructor', 'x'], 'unknown argument "--constructor"'],
    [['--toString'], 'unknown argument "--toString"'],
    [['--valueOf'], 'unknown argument "--valueOf"'],
    [['--'], 'unknown argument "--"'],
    [['data'], 'unknown argument "data"'],
    [['--data', 'a', '--data=b'], '--data is given twice'],
    [['--quiet=yes'], '--quiet takes no value'],
    [['--data'], '--data needs a value'],
    [['--data', '--quiet'], '--data needs a value'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv, KNOWN)).toThrow(new UsageError(message));
  });
});

describe('lenientArgs: the known options of a command line parseArgs refused', () => {
  it('reads past an unknown option, and past a value of it', () => {
    expect({ ...lenientArgs(['--strcit', '--data', 'x', '--quiet'], KNOWN) }).toEqual({ data: 'x', quiet: true });
    expect({ ...lenientArgs(['--colour', 'blue', '--data=a=b'], KNOWN) }).toEqual({ data: 'a=b' });
    expect(Object.getPrototypeOf(lenientArgs(['--__proto__', 'x'], KNOWN))).toBe(null);
    expect({ ...lenientArgs(['--__proto__', 'x', '--constructor'], KNOWN) }).toEqual({});
  });

  it('leaves out an option given twice, or without its value: which one was meant is not known', () => {
    expect({ ...lenientArgs(['--data', 'a', '--data=b', '--quiet'], KNOWN) }).toEqual({ quiet: true });
    expect({ ...lenientArgs(['--data', '--quiet'], KNOWN) }).toEqual({ quiet: true });
    expect({ ...lenientArgs(['--quiet=yes', '--data', 'x'], KNOWN) }).toEqual({ data: 'x' });
    expect({ ...lenientArgs(['--data'], KNOWN) }).toEqual({});
  });
});

describe('option checks', () => {
  it('--as-of: a real date from 1001-01-01 to 9998-12-31', () => {
    expect(asOfOption(undefined)).toBeUndefined();
    expect(asOfOption('1001-01-01')).toBe('1001-01-01');
    expect(asOfOption('9998-12-31')).toBe('9998-12-31');
    for (const bad of ['0000-01-01', '1000-12-31', '9999-01-01', '9999-12-31', '2025-02-29', '2025-6-30', '+02025-06-30', ' 2025-06-30']) {
      expect(() => asOfOption(bad), bad).toThrow(UsageError);
    }
  });

  it('whole numbers: digits only', () => {
    expect(wholeNumberOption('n', undefined)).toBeUndefined();
    expect(wholeNumberOption('n', '0')).toBe(0);
    expect(wholeNumberOption('n', '2000')).toBe(2000);
    for (const bad of ['abc', '-1', '1.5', '', ' 1', '1e3', '0x10', 'Infinity', '99999999999999999']) {
      expect(() => wholeNumberOption('n', bad), bad).toThrow(UsageError);
    }
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file and leaves nothing else', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old');
    writeFileAtomic(join(dir, 'a.json'), 'new');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('removes its temporary file when the rename fails (the path is a folder), and leaves the folder alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'keep.txt'), 'keep');
    expect(() => writeFileAtomic(join(dir, 'out'), 'x')).toThrow(expect.objectContaining({ code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/u) }));
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['keep.txt']);
  });

  it('removes its temporary file when writing fails half-way', () => {
    const dir = tempDir();
    const fs = {
      ...nodeFs,
      writeFileSync: (path: nodeFs.PathOrFileDescriptor) => {
        nodeFs.writeFileSync(path, 'half');
        throw errnoError('ENOSPC', 'write', String(path));
      },
    };
    expect(() => writeFileAtomic(join(dir, 'a.json'), 'x', fs)).toThrow(/ENOSPC/u);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a document given in pieces, and leaves the old file whole when a later piece fails', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'a.json'), ['{', '"a": 1', '}']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a": 1}');
    function* failing() {
      yield 'new';
      throw errnoError('ENOSPC', 'write', 'a.json');
    }
    expect(() => writeFileAtomic(join(dir, 'a.json'), failing())).toThrow(/ENOSPC/u);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a": 1}');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('writes pieces as UTF-8 through a buffer they overflow: characters of 2, 3 and 4 bytes across its edges', () => {
    const dir = tempDir();
    // The buffer holds 1 MiB: a piece of 1.5 MiB of mixed widths, then pieces that put characters across its next edge.
    const long = 'é가😀a'.repeat(150_000);
    const pieces = ['{', long, ...Array.from({ length: 400 }, (_, i) => `${i}:한글 ✓ 😀 ü`.repeat(100)), '}'];
    writeFileAtomic(join(dir, 'a.json'), pieces);
    const written = readFileSync(join(dir, 'a.json'));
    expect(written.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(written.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
});

describe('messages', () => {
  it('a fatal input problem: one line naming the file, then its details', () => {
    const e = new IngestFatalError('unmatched_stages', 'deals.csv', 'the stage "Won" is not in the config', { details: '{\n  "stages": []\n}\n' });
    expect(fatalMessage('metrics', e)).toBe('metrics: deals.csv: the stage "Won" is not in the config\n{\n  "stages": []\n}\n');
    expect(fatalMessage('metrics', new IngestFatalError('config_invalid', 'deals.csv', 'deals.csv: line 1\nline 2'))).toBe('metrics: deals.csv: line 1; line 2\n');
  });

  it('anything unexpected is an internal error with its stack (exit 70), even an Error subclass from ingest', () => {
    const out: string[] = [];
    const code = reportError('build', new SyntaxError('Unexpected token'), { write: (s: string) => out.push(s) }, 'usage');
    expect(code).toBe(70);
    expect(out.join('')).toMatch(/^build: internal error: Unexpected token\nThis is a bug in Pipescope, not a problem with your data; please report it with the lines below\.\nSyntaxError: Unexpected token\n\s+at /u);
    const thrown: string[] = [];
    expect(reportError('build', 'a string', { write: (s: string) => thrown.push(s) }, 'usage')).toBe(70);
    expect(thrown.join('')).toMatch(/^build: internal error: a string\n/u);
  });
});

describe('guardStandardOutput', () => {
  function emitter() {
    const listeners: ((e: unknown) => void)[] = [];
    return { on: (_event: string, fn: (e: unknown) => void) => (listeners.push(fn), undefined as never), emit: (e: unknown) => listeners.forEach((fn) => fn(e)) };
  }
  const saved = process.exitCode;
  afterEach(() => {
    process.exitCode = saved;
  });

  it('drops the rest quietly when the reader stopped reading (EPIPE): status unchanged', () => {
    const stdout = emitter();
    const lines: string[] = [];
    process.exitCode = 0;
    guardStandardOutput('metrics', stdout, { write: (s: string) => lines.push(s) });
    stdout.emit(errnoError('EPIPE', 'write', ''));
    stdout.emit(errnoError('EPIPE', 'write', ''));
    expect(lines).toEqual([]);
    expect(process.exitCode).toBe(0);
  });

  it('reports any other write error once, in a line, and sets exit status 1', () => {
    const stdout = emitter();
    const lines: string[] = [];
    process.exitCode = 0;
    guardStandardOutput('metrics', stdout, { write: (s: string) => lines.push(s) });
    stdout.emit(errnoError('ENOSPC', 'write', ''));
    stdout.emit(errnoError('ENOSPC', 'write', ''));
    expect(lines).toEqual(['metrics: cannot write standard output: no space left on the device (ENOSPC)\n']);
    expect(process.exitCode).toBe(1);
  });
});
