/** `npm run metrics` in-process: exit codes, messages on stderr, and what is (not) written. */
import * as nodeFs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/metrics.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { copyFixture, errnoError, fakeIO, FIXTURES, hashTree, removeTempDirs, tempDir } from './helpers.ts';

afterEach(removeTempDirs);

const SPEC = join(FIXTURES, 'spec-example', 'data');

describe('metrics: exit 0, processed', () => {
  it('writes metrics.json for the as-of date, creating its folder, and leaves no temporary file', async () => {
    const dir = tempDir();
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'out/metrics.json'], f.io)).toBe(0);
    expect(f.stderr()).toBe('');
    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8'));
    expect(metrics.as_of).toBe('2025-06-30');
    expect(readdirSync(join(dir, 'out'))).toEqual(['metrics.json']);
  });

  it('writes to stdout with --out - (the default), and reads the clock only for a missing --as-of', async () => {
    const f = fakeIO(tempDir());
    expect(await main(['--data', SPEC], f.io)).toBe(0);
    // The fake clock is 2025-07-01T00:00Z; the fixture's time zone is UTC.
    expect(JSON.parse(f.stdout()).as_of).toBe('2025-07-01');
  });

  it('accepts the first and last supported as-of dates with a correct (empty) result', async () => {
    for (const asOf of ['1001-01-01', '9998-12-31']) {
      const f = fakeIO(tempDir());
      expect(await main(['--data', SPEC, '--as-of', asOf], f.io), f.stderr()).toBe(0);
      expect(JSON.parse(f.stdout()).as_of).toBe(asOf);
    }
  });
});

describe('metrics: --out through a symbolic link', () => {
  it('writes the file the link points to, and the link stays a link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'latest.json'), 'old');
    symlinkSync(join(dir, 'reports', 'latest.json'), join(dir, 'current.json'));
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'current.json'], f.io)).toBe(0);
    expect(lstatSync(join(dir, 'current.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'latest.json'), 'utf8')).as_of).toBe('2025-06-30');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['latest.json']);
  });

  it('refuses a link to nothing (exit 1), and leaves it as it was', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'missing.json'), join(dir, 'current.json'));
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'current.json'], f.io)).toBe(1);
    expect(f.stderr()).toBe('metrics: cannot write current.json: it is a symbolic link to a file that does not exist; give the path of the file itself (EDANGLING)\n');
    expect(readlinkSync(join(dir, 'current.json'))).toBe(join(dir, 'missing.json'));
    expect(readdirSync(dir)).toEqual(['current.json']);
  });
});

describe('metrics: exit 1, a problem with the files', () => {
  it('names the missing required file in one line', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    rmSync(join(data, 'stage_history.csv'));
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/^metrics: .*stage_history\.csv: required file is missing\n$/u);
    expect(f.stdout()).toBe('');
  });

  it('names deals.csv as missing when the folder has the other canonical files, not "no export found"', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    rmSync(join(data, 'deals.csv'));
    writeFileSync(join(data, 'notes.csv'), 'x,y\n');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30'], f.io)).toBe(1);
    expect(f.stderr()).toBe('metrics: deals.csv: required file is missing (the folder has stage_history.csv; docs/input.md)\n');
  });

  it('says that an input named as a CSV file is a FIFO, not that it "cannot be read"', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    rmSync(join(data, 'stage_history.csv'));
    execFileSync('mkfifo', [join(data, 'stage_history.csv')]);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/^metrics: .*stage_history\.csv: is not a file \(a FIFO, a device or a socket\), not the CSV file it is named after\n$/u);
  });

  it('stops on a symbolic link to nothing named as a data file or the config, rather than reading on without it', async () => {
    // A config left behind by a moved folder: read as absent, every figure would come from the defaults, unsaid.
    const cases: [fixture: string, file: string][] = [
      ['spec-example', 'pipeline.config.json'],
      ['spec-example', 'targets.csv'],
      ['spec-example', 'stage_history.csv'],
      ['exports/hubspot-deals', 'pipeline.config.json'],
    ];
    for (const [fixture, file] of cases) {
      const dir = tempDir();
      const data = copyFixture(fixture, dir);
      rmSync(join(data, file), { force: true });
      symlinkSync(join(dir, 'moved', file), join(data, file));
      const f = fakeIO(dir);
      expect(await main(['--data', 'data', '--as-of', '2025-06-30'], f.io), `${fixture} ${file}`).toBe(1);
      const kind = file.endsWith('.json') ? 'config' : 'CSV';
      expect(f.stderr()).toBe(`metrics: ${join(dir, 'data', file)}: is a symbolic link to nothing (${join(dir, 'moved', file)} does not exist), not the ${kind} file it is named after\n`);
      expect(f.stdout()).toBe('');
    }
  });

  it('names the config file and the key of an invalid config, one line', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    writeFileSync(join(data, 'pipeline.config.json'), '{ "timezone": "Mars/Olympus" }');
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/^metrics: pipeline\.config\.json: timezone at line 1 column 15: [^\n]+\n$/u);
  });

  it('reports a data folder that does not exist', async () => {
    const f = fakeIO(tempDir());
    expect(await main(['--data', 'nowhere'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/^metrics: .*nowhere: the data folder does not exist\n$/u);
  });

  it('given one of the data files as --data, names the folder that holds it; another file is only "not a folder"', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    const f = fakeIO(dir);
    expect(await main(['--data', join(data, 'deals.csv')], f.io)).toBe(1);
    expect(f.stderr()).toBe(`metrics: ${join(data, 'deals.csv')}: not a folder: --data takes the folder that holds the files, here ${data}\n`);
    writeFileSync(join(dir, 'notes'), 'x');
    const g = fakeIO(dir);
    expect(await main(['--data', 'notes'], g.io)).toBe(1);
    expect(g.stderr()).toBe(`metrics: ${join(dir, 'notes')}: not a folder\n`);
  });

  it('reports an --out below a file as not writable, with no stack and no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'a-file/metrics.json'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/^metrics: cannot write a-file\/metrics\.json: a part of its path is a file, not a folder \((EEXIST|ENOTDIR)\)\n$/u);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('reports a permission error on write, and removes the temporary file when the rename fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'metrics.json'), 'previous');
    const denied = fakeIO(dir, { ...nodeFs, openSync: (p: nodeFs.PathLike) => { throw errnoError('EACCES', 'open', String(p)); } });
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'metrics.json'], denied.io)).toBe(1);
    expect(denied.stderr()).toBe('metrics: cannot write metrics.json: permission denied (EACCES)\n');

    const crossDevice = fakeIO(dir, { ...nodeFs, renameSync: (from: nodeFs.PathLike) => { throw errnoError('EXDEV', 'rename', String(from)); } });
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'metrics.json'], crossDevice.io)).toBe(1);
    expect(crossDevice.stderr()).toBe('metrics: cannot write metrics.json: it is on another device (EXDEV)\n');
    expect(readdirSync(dir)).toEqual(['metrics.json']);
    expect(readFileSync(join(dir, 'metrics.json'), 'utf8')).toBe('previous');
  });
});

describe('metrics: exit 2, bad arguments', () => {
  const bad: [string[], RegExp][] = [
    [['--data', SPEC, '--__proto__', 'x'], /unknown argument "--__proto__"/u],
    [['--data', SPEC, '--constructor', 'x'], /unknown argument "--constructor"/u],
    [['--data', SPEC, '--toString'], /unknown argument "--toString"/u],
    [['--data', SPEC, '--hasOwnProperty=x'], /unknown argument "--hasOwnProperty=x"/u],
    [['--data', SPEC, '--data', SPEC], /--data is given twice/u],
    [['--data', SPEC, '--strict=no'], /--strict takes no value/u],
    [['--data', '--strict'], /--data needs a value/u],
    [['--as-of', '2025-06-30'], /--data <folder> is required/u],
    [['--data', SPEC, '--as-of', '2025-02-30'], /--as-of must be a date YYYY-MM-DD, not "2025-02-30"/u],
    [['--data', SPEC, '--as-of', '0000-01-01'], /--as-of must be between 1001-01-01 and 9998-12-31, not 0000-01-01/u],
    [['--data', SPEC, '--as-of', '1000-06-30'], /--as-of must be between 1001-01-01 and 9998-12-31/u],
    [['--data', SPEC, '--as-of', '9999-12-31'], /--as-of must be between 1001-01-01 and 9998-12-31, not 9999-12-31/u],
    [['--data', SPEC, '--format', 'toString'], /--format must be one of canonical/u],
  ];
  it.each(bad)('%j', async (argv, message) => {
    const f = fakeIO(tempDir());
    expect(await main(argv, f.io)).toBe(2);
    expect(f.stderr()).toMatch(message);
    expect(f.stderr()).toMatch(/^metrics: [^\n]+\nusage: npm run --silent metrics -- --data <folder>/u);
    expect(f.stdout()).toBe('');
  });

  it('refuses an --out that is a folder, and leaves it alone', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'q1.txt'), 'keep me');
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--out', 'reports'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/^metrics: --out reports is a folder; give a file, such as reports\/metrics\.json, or - for standard output\n/u);
    expect(hashTree(join(dir, 'reports'))).toEqual({ 'q1.txt': expect.any(String) });
    expect(readFileSync(join(dir, 'reports', 'q1.txt'), 'utf8')).toBe('keep me');
  });

  it('writes into an --out that is a FIFO or a device (/dev/null), as a shell redirection does, and leaves it in place', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    // A reader in another process, as at the other end of a named pipe.
    const reader = spawn('cat', [join(dir, 'pipe')]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const ended = new Promise((resolve) => reader.on('close', resolve));
    const f = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'pipe'], f.io)).toBe(0);
    await ended;
    expect(JSON.parse(read).as_of).toBe('2025-06-30');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
    const devNull = fakeIO(dir);
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', '/dev/null'], devNull.io)).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses to overwrite an input of the data folder', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    const before = hashTree(data);
    const f = fakeIO(dir);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', 'data/deals.csv'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/^metrics: --out data\/deals\.csv is an input in the data folder/u);
    expect(hashTree(data)).toEqual(before);
    // A workbook or a ZIP archive of exports is read too (a HubSpot .xlsx, a Salesforce export's .zip): never written over.
    for (const name of ['export.xlsx', 'Deals.XLS', 'crm-export.zip', 'board.ods']) {
      writeFileSync(join(data, name), 'the export');
      const g = fakeIO(dir);
      expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', `data/${name}`], g.io), name).toBe(2);
      expect(g.stderr()).toMatch(new RegExp(`^metrics: --out data/${name.replace('.', '\\.')} is an input in the data folder`, 'u'));
      expect(readFileSync(join(data, name), 'utf8')).toBe('the export');
    }
  });

  it('reads the canonical files whatever the case of their names, and never overwrites one named another way', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    const f = fakeIO(dir);
    writeFileSync(join(data, 'pipeline.config.json'), '{"window_days": 180}\n');
    expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', 'lower.json'], f.io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'lower.json'), 'utf8')).window_days).toBe(180);
    // As a Windows tool names them.
    nodeFs.renameSync(join(data, 'deals.csv'), join(data, 'Deals.csv'));
    nodeFs.renameSync(join(data, 'stage_history.csv'), join(data, 'STAGE_HISTORY.CSV'));
    nodeFs.renameSync(join(data, 'pipeline.config.json'), join(data, 'Pipeline.Config.json'));
    const before = hashTree(data);
    expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', 'upper.json'], f.io)).toBe(0);
    expect(readFileSync(join(dir, 'upper.json'), 'utf8')).toBe(readFileSync(join(dir, 'lower.json'), 'utf8'));
    expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', 'data/Pipeline.Config.json'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/metrics: --out data\/Pipeline\.Config\.json is an input in the data folder/u);
    expect(hashTree(data)).toEqual(before);
    // Two files that only case tells apart: which one is meant is not guessed.
    writeFileSync(join(data, 'deals.csv'), readFileSync(join(data, 'Deals.csv')));
    expect(await main(['--data', 'data', '--as-of', '2025-06-30', '--out', 'both.json'], f.io)).toBe(1);
    expect(f.stderr()).toMatch(/metrics: deals\.csv: the folder has "deals\.csv" and "Deals\.csv", which only the case of letters tells apart: keep one of them/u);
  });
});

describe('metrics: exit 3, --strict with rejected rows', () => {
  it('still writes the file, then says how many rows were rejected, quoting the first three where they are', async () => {
    const dir = tempDir();
    const f = fakeIO(dir);
    const code = await main(['--data', join(FIXTURES, 'rejected-rows', 'data'), '--as-of', '2025-06-30', '--out', 'm.json', '--strict'], f.io);
    expect(code).toBe(3);
    expect(f.stderr()).toMatch(
      /^metrics: --strict: 9 of 25 rows rejected \(deals\.csv line 3 column "stage": stage "Discovery" is not a configured stage id .*; deals\.csv line 4 column "created_at": created_at "2025-13-45" has month 13, not 1-12; deals\.csv line 5 column "deal_id": deal_id "D1" already appears on line 2; this later row is rejected; \.\.\.\); every rejected row is listed in data_quality in the output\n$/u,
    );
    expect(existsSync(join(dir, 'm.json'))).toBe(true);
  });

  it('exits 0 without --strict, and says the same count in one line, and the warnings in another, unless --quiet', async () => {
    const f = fakeIO(tempDir());
    expect(await main(['--data', join(FIXTURES, 'rejected-rows', 'data'), '--as-of', '2025-06-30', '--out', 'm.json'], f.io)).toBe(0);
    expect(f.stderr()).toMatch(
      new RegExp(String.raw`^metrics: 9 of 25 rows rejected \(deals\.csv line 3 column "stage": .*; deals\.csv line 5 column "deal_id": deal_id "D1" already appears on line 2; this later row is rejected; \.\.\.\); every figure leaves them out and data_quality in the output lists them all \(--strict exits with code 3 instead\)\n` +
        // The one warning (deals.csv line 8's empty amount, counted as 0) in a line of its own, nothing else said.
        String.raw`metrics: 1 warning on what was read \(deals\.csv line 8 column "amount": amount is empty; it counts as 0\); data_quality in the output lists them all\n$`,
        'u',
      ),
    );
    const quiet = fakeIO(tempDir());
    expect(await main(['--data', join(FIXTURES, 'rejected-rows', 'data'), '--as-of', '2025-06-30', '--out', 'm.json', '--quiet'], quiet.io)).toBe(0);
    expect(quiet.stderr()).toBe('');
  });
});

describe('metrics: exit 70, an internal error', () => {
  it('reports a non-input error from reading as internal, with its stack, not as a bad CSV', async () => {
    const f = fakeIO(tempDir());
    const broken: typeof readFolder = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'stage')");
    };
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30'], f.io, { readFolder: broken })).toBe(70);
    expect(f.stderr()).toMatch(/^metrics: internal error: Cannot read properties of undefined \(reading 'stage'\)\nThis is a bug in Pipescope, not a problem with your data/u);
    expect(f.stderr()).toMatch(/\nTypeError: Cannot read properties[^\n]*\n\s+at /u);
  });

  it('reports a file-system facade that throws a non-errno error as internal, and leaves no temporary file', async () => {
    const dir = tempDir();
    const f = fakeIO(dir, {
      ...nodeFs,
      renameSync: () => {
        throw new RangeError('facade bug');
      },
    });
    expect(await main(['--data', SPEC, '--as-of', '2025-06-30', '--out', 'metrics.json'], f.io)).toBe(70);
    expect(f.stderr()).toMatch(/^metrics: internal error: facade bug\n/u);
    expect(f.stderr()).toContain('RangeError: facade bug');
    expect(readdirSync(dir)).toEqual([]);
  });
});
