/**
 * Canonical files where they are not read: one folder down (`--data` given
 * the folder above the data, or a series of dated folders), or under another
 * name (`Pipeline - deals.csv` from Google Sheets, `deals (1).csv` from a
 * second download). Every message that names them says what to do (the
 * folder to point --data at, the name to give), never "put deals.csv in the
 * folder" beside a deals.csv the user can see.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { EXPORTS } from './export-helpers.ts';

const SPEC = join(EXPORTS, '..', 'spec-example', 'data');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new data folder holding the spec example's canonical files in each of `subfolders`. */
function folderWith(subfolders: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipescope-nested-'));
  made.push(dir);
  for (const sub of subfolders) {
    mkdirSync(join(dir, sub));
    for (const file of ['deals.csv', 'stage_history.csv']) writeFileSync(join(dir, sub, file), readFileSync(join(SPEC, file)));
  }
  return dir;
}

async function failure(folder: string, format?: string): Promise<string> {
  try {
    await readFolder(folder, format === undefined ? {} : { format });
  } catch (e) {
    return (e as Error).message;
  }
  return '(read without an error)';
}

const THEY_ARE = 'they are the canonical files (docs/input.md), in a subfolder, and canonical files are read only at the top of the data folder: point --data at their folder';

describe('canonical files in a subfolder', () => {
  it('names their folder as the one to point --data at, in place of "put deals.csv in the folder"', async () => {
    const dir = folderWith(['sample']);
    expect(await failure(dir)).toBe(`no export found. sample/deals.csv, sample/stage_history.csv: ${THEY_ARE}, "sample"`);
    // What it says works: the same files read from their folder.
    const read = await readFolder(join(dir, 'sample'));
    const ids = readFileSync(join(SPEC, 'deals.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(ids).toHaveLength(24);
    expect(read.dataset.deals.map((d) => d.id)).toEqual(ids);
  });

  it('says so whatever --format names (not "run with --format canonical", which would not read them either)', async () => {
    const dir = folderWith(['sample']);
    expect(await failure(dir, 'hubspot')).toBe(`no HubSpot deals export found (--format hubspot). sample/deals.csv, sample/stage_history.csv: ${THEY_ARE}, "sample"`);
    // --format canonical: deals.csv is missing at the top, and the hint says where it is.
    expect(await failure(dir, 'canonical')).toBe(`${join(dir, 'deals.csv')}: required file is missing. sample/deals.csv, sample/stage_history.csv: ${THEY_ARE}, "sample"`);
  });

  it('names each folder of a series with its own files, one file said in the singular', async () => {
    const dir = folderWith(['2026-11-01', '2026-11-02']);
    rmSync(join(dir, '2026-11-02', 'stage_history.csv'));
    writeFileSync(join(dir, 'notes.csv'), 'note\nhello\n');
    expect(await failure(dir)).toBe(
      'no export found: 2026-11-01/deals.csv, 2026-11-01/stage_history.csv, 2026-11-02/deals.csv, notes.csv. ' +
        `2026-11-01/deals.csv, 2026-11-01/stage_history.csv: ${THEY_ARE}, "2026-11-01". ` +
        '2026-11-02/deals.csv: it is one of the canonical files (docs/input.md), in a subfolder, and canonical files are read only at the top of the data folder: point --data at its folder, "2026-11-02"',
    );
  });

  it('beside a CRM export that is read: a warning on each file, in English and Korean', async () => {
    const dir = folderWith([]);
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), dir, { recursive: true });
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'deals.csv'), readFileSync(join(SPEC, 'deals.csv')));
    const { dataset } = await readFolder(dir);
    expect(dataset.source.format).toBe('pipedrive');
    const warnings = dataset.issues.filter((i) => i.file === 'old/deals.csv');
    expect(warnings).toEqual([
      {
        file: 'old/deals.csv',
        line: 0,
        column: '',
        code: 'unknown_export',
        severity: 'warning',
        message:
          'not a file this tool reads (its columns match no supported export); the file is ignored: it is one of the canonical files (docs/input.md), in a subfolder, and canonical files are read only at the top of the data folder: point --data at its folder, "old"',
      },
    ]);
    expect(issueMessage(warnings[0]!, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 표준 파일(docs/input.md)이지만 하위 폴더에 있습니다. 표준 파일은 데이터 폴더에 바로 들어 있을 때만 읽습니다. --data로 그 폴더("old")를 가리키세요',
    );
  });
});

/** A new data folder holding the spec example's files under the names given (name -> spec file). */
function folderNamed(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipescope-renamed-'));
  made.push(dir);
  for (const [name, spec] of Object.entries(files)) writeFileSync(join(dir, name), readFileSync(join(SPEC, spec)));
  return dir;
}

describe('canonical files under another name', () => {
  it('a Google Sheets download (named after the spreadsheet and the sheet): the name to give each', async () => {
    const dir = folderNamed({ 'Pipeline - deals.csv': 'deals.csv', 'Pipeline - stage_history.csv': 'stage_history.csv' });
    expect(await failure(dir)).toBe(
      'no export found. ' +
        'Pipeline - deals.csv: it has the columns of deals.csv (docs/input.md) under another name: rename it deals.csv. ' +
        'Pipeline - stage_history.csv: it has the columns of stage_history.csv (docs/input.md) under another name: rename it stage_history.csv',
    );
    renameSync(join(dir, 'Pipeline - deals.csv'), join(dir, 'deals.csv'));
    renameSync(join(dir, 'Pipeline - stage_history.csv'), join(dir, 'stage_history.csv'));
    expect((await readFolder(dir)).dataset.deals).toHaveLength(24);
  });

  it("a second download beside stage_history.csv: deals.csv is missing, and this is it; two copies: keep one", async () => {
    const dir = folderNamed({ 'deals (1).csv': 'deals.csv', 'stage_history.csv': 'stage_history.csv' });
    expect(await failure(dir)).toBe(
      'deals.csv: required file is missing (the folder has stage_history.csv; docs/input.md). deals (1).csv: it has the columns of deals.csv (docs/input.md) under another name: rename it deals.csv',
    );
    writeFileSync(join(dir, 'deals (2).csv'), readFileSync(join(SPEC, 'deals.csv')));
    expect(await failure(dir)).toBe(
      'deals.csv: required file is missing (the folder has stage_history.csv; docs/input.md). deals (1).csv, deals (2).csv: they have the columns of deals.csv (docs/input.md) under other names: keep one and rename it deals.csv',
    );
  });

  it('beside deals.csv: a missing stage_history.csv is found under its other name; an unread targets copy says to rename it', async () => {
    const dir = folderNamed({ 'deals.csv': 'deals.csv', 'stage_history (1).csv': 'stage_history.csv' });
    expect(await failure(dir)).toBe(
      `${join(dir, 'stage_history.csv')}: required file is missing. stage_history (1).csv: it has the columns of stage_history.csv (docs/input.md) under another name: rename it stage_history.csv`,
    );
    renameSync(join(dir, 'stage_history (1).csv'), join(dir, 'stage_history.csv'));
    writeFileSync(join(dir, 'targets (1).csv'), 'period,owner,target_amount\n2024-Q3,Lee,1000000\n');
    writeFileSync(join(dir, 'deals (1).csv'), readFileSync(join(SPEC, 'deals.csv')));
    const { dataset } = await readFolder(dir);
    const notRead = dataset.issues.filter((i) => i.code === 'file_not_read');
    expect(notRead.map((i) => [i.file, i.message])).toEqual([
      ['deals (1).csv', 'not read: a folder with deals.csv is read as the canonical files (deals.csv, stage_history.csv, field_history.csv, accounts.csv, targets.csv, pipeline.config.json) alone; to read vendor exports, put them in a folder without deals.csv (docs/exports.md)'],
      ['targets (1).csv', 'not read: it has the columns of targets.csv (docs/input.md) under another name: rename it targets.csv'],
    ]);
    expect(issueMessage(notRead[1]!, 'ko')).toBe('읽지 않았습니다. targets.csv의 열(docs/input.md)을 가졌지만 이름이 다릅니다. 이름을 targets.csv로 바꾸세요');
  });
});
