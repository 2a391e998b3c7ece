/**
 * A CRM's export saved as deals.csv (the README names that file, so users
 * rename their export to it). Alone, it is read as the export it is, with
 * a warning saying so, and gives what the export gives under the name the
 * CRM gave it. Beside canonical stage history, the run stops and says what
 * the file is, not how to rename the export's columns.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { fatalText } from '../../../src/lib/i18n/fatal-text.ts';
import { main as initMain, nodeIo } from '../../../scripts/init.ts';
import { EXPORTS } from './export-helpers.ts';

const PIPEDRIVE = join(EXPORTS, 'pipedrive-deals', 'data');
const EXPORT_NAME = readdirSync(PIPEDRIVE).find((name) => name.endsWith('.csv'))!;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with the Pipedrive fixture's config and its export as `name`, and `extra` files. */
function folderWith(name: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipescope-renamed-'));
  made.push(dir);
  copyFileSync(join(PIPEDRIVE, 'pipeline.config.json'), join(dir, 'pipeline.config.json'));
  copyFileSync(join(PIPEDRIVE, EXPORT_NAME), join(dir, name));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}

const SAID = 'read as a Pipedrive deals export: its columns are not those of the canonical deals.csv (docs/input.md)';

describe('a CRM export saved as deals.csv', () => {
  it('is read as the export it is, as under its own name, with a warning that says so', async () => {
    const renamed = await readFolder(folderWith('deals.csv'));
    const own = await readFolder(folderWith(EXPORT_NAME));
    expect(renamed.dataset.source.format).toBe('pipedrive');
    expect(renamed.dataset.deals.length).toBe(own.dataset.deals.length);
    expect(renamed.dataset.deals.length).toBeGreaterThan(0);
    expect(renamed.dataset.deals.map((d) => [d.id, d.stage, d.amount])).toEqual(own.dataset.deals.map((d) => [d.id, d.stage, d.amount]));
    const warning = renamed.dataset.issues.filter((i) => i.code === 'renamed_export');
    expect(warning).toEqual([{ file: 'deals.csv', line: 0, column: '', code: 'renamed_export', severity: 'warning', message: SAID }]);
    expect(own.dataset.issues.some((i) => i.code === 'renamed_export')).toBe(false);
    expect(issueMessage(warning[0]!, 'ko')).toBe('Pipedrive 딜 내보내기로 읽었습니다. 열이 표준 deals.csv(docs/input.md)의 열이 아닙니다');
  });

  it('beside canonical stage history, stops and says what it is and how to read it', async () => {
    const dir = folderWith('deals.csv', { 'stage_history.csv': 'deal_id,stage,entered_at\n' });
    let error: unknown;
    try {
      await readFolder(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestFatalError);
    const e = error as IngestFatalError;
    expect(e.code).toBe('missing_columns');
    expect(e.message).toBe(
      'deals.csv: missing required columns "deal_id", "account_id", "owner", "amount", "created_at", "stage"; it is a Pipedrive deals export, not the canonical deals.csv: keep a CRM\'s exports in a folder without the canonical files, or run with --format pipedrive to read the export alone',
    );
    expect(fatalText(e, 'ko')).toBe(
      'deals.csv: 필수 열 "deal_id", "account_id", "owner", "amount", "created_at", "stage"가 없습니다. 표준 deals.csv가 아니라 Pipedrive 딜 내보내기입니다. CRM 내보내기 파일은 표준 파일이 없는 폴더에 두거나, 내보내기 파일만 읽으려면 --format pipedrive로 실행하세요',
    );
    // What it says works: the export read alone with --format.
    expect((await readFolder(dir, { format: 'pipedrive' })).dataset.source.format).toBe('pipedrive');
  });

  it('is told by its header line alone, in UTF-16 too (Excel\'s "Unicode text")', async () => {
    const dir = folderWith('deals.csv');
    const text = readFileSync(join(dir, 'deals.csv'), 'utf8').replace(/^\uFEFF/u, '');
    writeFileSync(join(dir, 'deals.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const read = await readFolder(dir);
    expect(read.dataset.source.format).toBe('pipedrive');
    expect(read.dataset.deals.length).toBe((await readFolder(folderWith(EXPORT_NAME))).dataset.deals.length);
  });

  it('is not taken for an export when it is the canonical deals.csv', async () => {
    const dir = folderWith('deals.csv');
    writeFileSync(join(dir, 'deals.csv'), 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Ann,100,2025-01-01,won\n');
    writeFileSync(join(dir, 'stage_history.csv'), 'deal_id,stage,entered_at\nD1,won,2025-01-01\n');
    writeFileSync(join(dir, 'pipeline.config.json'), '{}');
    const read = await readFolder(dir);
    expect(read.dataset.source.format).toBe('canonical');
    expect(read.dataset.issues.some((i) => i.code === 'renamed_export')).toBe(false);
  });

  it('init reads it as the export it is', async () => {
    const dir = folderWith('deals.csv');
    const out: string[] = [];
    const err: string[] = [];
    const code = await initMain(['--data', dir, '--out', '-'], {
      ...nodeIo(),
      stdout: { write: (text: string) => (out.push(text), true) },
      stderr: { write: (text: string) => (err.push(text), true) },
    });
    expect(code).toBe(0);
    expect(err.join('').split('\n')[0]).toBe('# read as: Pipedrive deals export (--format pipedrive): deals.csv');
  });
});
