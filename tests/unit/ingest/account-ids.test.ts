/**
 * accounts.csv's ids written otherwise than the deals write them (`a0002` for A-0002, an id with a zero-width
 * space, `00123` for 123 after Excel): such a row's facts reach no deal, so each gets an `account_id_unmatched`
 * warning naming the deals' spelling. An account no deal comes near (one without deals yet) says nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-account-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unmatched = async (folder: string) => {
  const { dataset } = await readFolder(folder);
  return dataset.issues.filter((i) => i.code === 'account_id_unmatched').map((i) => [i.file, i.line, i.column, i.severity, i.message]);
};

describe('accounts whose ids the deals write otherwise', () => {
  it('a warning on each such line, naming the deals’ spelling; none for an account no deal has or comes near', async () => {
    const sample = join(dir, 'sample');
    cpSync('data/sample', sample, { recursive: true });
    const file = join(sample, 'accounts.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Lines 3 and 4: A-0002 and A-0003, with deals in the sample.
    lines[2] = lines[2]!.replace('A-0002', 'a0002');
    lines[3] = lines[3]!.replace('A-0003', 'A-00\u200b03');
    lines.splice(lines.length - 1, 0, 'B-7777,신규고객사,,,,,,,,');
    writeFileSync(file, lines.join('\n'));
    const warned = await unmatched(sample);
    expect(warned).toEqual([
      ['accounts.csv', 3, 'account_id', 'warning', 'account_id "a0002" names no deal\'s account; the deals write it "A-0002", so this row\'s facts reach none of its deals and the account is listed twice: write it as the deals do'],
      ['accounts.csv', 4, 'account_id', 'warning', 'account_id "A-00\\u200b03" names no deal\'s account; the deals write it "A-0003", so this row\'s facts reach none of its deals and the account is listed twice: write it as the deals do'],
    ]);
    expect(issueMessage({ code: 'account_id_unmatched', message: warned[0]![4] as string }, 'ko')).toBe(
      'account_id "a0002"는 어느 딜의 고객사와도 같지 않아 이 행의 정보가 그 고객사의 딜에 닿지 않고 고객사가 두 번 표시됩니다(딜의 표기: "A-0002"). 딜과 같게 적으세요',
    );
  });

  it('names the numeric id Excel rewrote (its leading zeros dropped, or a decimal ".0" added)', async () => {
    const small = join(dir, 'small');
    cpSync('tests/fixtures/bad/totals-row-in-deals/data', small, { recursive: true });
    const deals = readFileSync(join(small, 'deals.csv'), 'utf8').replace(',A1,', ',00123,').replace(/\nTotal.*\n/u, '\n');
    writeFileSync(join(small, 'deals.csv'), deals);
    writeFileSync(join(small, 'accounts.csv'), 'account_id,account_name\n123,Acme\n123.0,Acme again\nA2,Beta\n');
    expect((await unmatched(small)).map((w) => [w[1], w[4]])).toEqual([
      [2, 'account_id "123" names no deal\'s account; the deals write it "00123", so this row\'s facts reach none of its deals and the account is listed twice: write it as the deals do'],
      [3, 'account_id "123.0" names no deal\'s account; the deals write it "00123", so this row\'s facts reach none of its deals and the account is listed twice: write it as the deals do'],
    ]);
  });
});
