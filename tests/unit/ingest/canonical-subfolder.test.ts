/**
 * Canonical files one folder down (`--data` given the folder above the data,
 * or a series of dated folders of canonical files): they are not read there,
 * and every message that names them says which folder to point --data at,
 * never "put deals.csv in the folder" beside a deals.csv the user can see.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
