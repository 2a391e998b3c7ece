/**
 * A canonical data folder reads its canonical files alone; every other CSV
 * file or workbook in it (or one folder down) is a warning naming it, never
 * skipped without a word (read-folder.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-unread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEALS = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-02,prospect\n';
const HISTORY = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\n';

describe('files a canonical folder does not read', () => {
  it('are each a warning, with what to do, in English and Korean; the canonical files and other kinds of file are not', async () => {
    writeFileSync(join(dir, 'Deals.csv'), DEALS);
    writeFileSync(join(dir, 'stage_history.csv'), HISTORY);
    writeFileSync(join(dir, 'deals-2025-q3.csv'), DEALS);
    writeFileSync(join(dir, 'pipeline.xlsx'), 'PK');
    writeFileSync(join(dir, 'README.md'), '# notes\n');
    mkdirSync(join(dir, '2025-06'));
    writeFileSync(join(dir, '2025-06', 'deals.csv'), DEALS);
    const { dataset } = await readFolder(dir);
    const notRead = dataset.issues.filter((i) => i.code === 'file_not_read');
    expect(notRead.map((i) => [i.file, i.line, i.severity])).toEqual([
      ['2025-06/deals.csv', 0, 'warning'],
      ['deals-2025-q3.csv', 0, 'warning'],
      ['pipeline.xlsx', 0, 'warning'],
    ]);
    expect(notRead[0]!.message).toBe(
      'not read: a folder with deals.csv is read as the canonical files (deals.csv, stage_history.csv, field_history.csv, accounts.csv, targets.csv, pipeline.config.json) alone; to read vendor exports, put them in a folder without deals.csv (docs/exports.md)',
    );
    expect(issueMessage(notRead[0]!, 'ko')).toBe(
      '읽지 않았습니다. deals.csv가 있는 폴더에서는 표준 파일(deals.csv, stage_history.csv, field_history.csv, accounts.csv, targets.csv, pipeline.config.json)만 읽습니다. CRM 내보내기 파일을 읽으려면 deals.csv가 없는 폴더에 두세요(docs/exports.md)',
    );
    // The canonical files were read as usual.
    expect(dataset.deals.map((d) => d.id)).toEqual(['D1']);
    expect(Object.keys(dataset.files).sort()).toEqual(['deals.csv', 'stage_history.csv']);
  });
});
