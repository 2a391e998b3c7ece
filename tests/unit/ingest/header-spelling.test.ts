/**
 * A canonical file's optional columns written another way (`Expected Close At`, `lost-reason`): read as the
 * columns they are, with one `column_written_otherwise` warning, rather than left out while the pages ask for
 * them; names a letter or two off (`closed_date`, `competitors`) are not read and each gets a `column_not_read`
 * warning naming the column it may be. In English and Korean.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { headerSpelling, looseName } from '../../../src/lib/ingest/header-spelling.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-header-spelling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A hand-made export: every optional column's name written as people write them, two of them misspelt.
writeFileSync(
  join(dir, 'deals.csv'),
  [
    'deal_id,account_id,owner,amount,currency,created_at,Expected Close At,closed_date,stage,Lost Reason,forecast-category,budget confirmed,Team Name,competitors',
    'D1,A1,kim,1000000,KRW,2026-05-01,2026-07-15,,negotiate,price,commit,yes,east,Rival',
    'D2,A2,lee,2000000,KRW,2026-05-02,2026-07-20,,propose,,best case,no,west,Rival',
  ].join('\n'),
);
writeFileSync(join(dir, 'stage_history.csv'), ['deal_id,stage,entered_at', 'D1,negotiate,2026-05-01', 'D2,propose,2026-05-02'].join('\n'));

describe('optional columns written another way', () => {
  it('reads them: the July forecast holds both deals, D1 commit, both best case, D1 with its budget confirmed', async () => {
    const { dataset, config } = await readFolder(dir);
    const metrics = computeMetrics(dataset, config, '2026-06-30');
    // Negotiation 0.75 × ₩1M + Proposal 0.5 × ₩2M = ₩1.75M weighted.
    expect(metrics.forecast.find((b) => b.bucket === '2026-07')).toEqual({ bucket: '2026-07', count: 2, amount: 3_000_000, weighted_amount: 1_750_000, commit_amount: 1_000_000, best_case_amount: 3_000_000 });
    expect(dataset.deals.map((d) => [d.id, d.budgetConfirmed, d.lostReason])).toEqual([
      ['D1', true, 'price'],
      ['D2', false, ''],
    ]);
    expect(dataset.columns['deals.csv']!.has('expected_close_at')).toBe(true);
  });

  it('says so once, and names each near miss with the column it may be, in English and Korean', async () => {
    const { dataset } = await readFolder(dir);
    const issues = dataset.issues.map((i) => ({ line: i.line, column: i.column, code: i.code, severity: i.severity, message: i.message }));
    expect(issues).toEqual([
      {
        line: 1,
        column: 'Expected Close At',
        code: 'column_written_otherwise',
        severity: 'warning',
        message:
          'columns "Expected Close At" read as expected_close_at, "Lost Reason" as lost_reason, "budget confirmed" as budget_confirmed and "forecast-category" as forecast_category, their names written with other capitals, spaces, hyphens or underscores',
      },
      { line: 1, column: 'closed_date', code: 'column_not_read', severity: 'warning', message: 'column "closed_date" is not read: if it is closed_at, name it so' },
      { line: 1, column: 'competitors', code: 'column_not_read', severity: 'warning', message: 'column "competitors" is not read: if it is competitor, name it so' },
    ]);
    expect(issues.map((i) => issueMessage(i, 'ko'))).toEqual([
      '"Expected Close At" 열을 expected_close_at으로, "Lost Reason" 열을 lost_reason으로, "budget confirmed" 열을 budget_confirmed로, "forecast-category" 열을 forecast_category로 읽었습니다(대소문자, 공백, 하이픈이나 밑줄만 다르게 쓴 열 이름)',
      '"closed_date" 열은 읽지 않았습니다. closed_at 열이라면 이름을 closed_at으로 바꾸세요',
      '"competitors" 열은 읽지 않았습니다. competitor 열이라면 이름을 competitor로 바꾸세요',
    ]);
  });
});

describe('field_history.csv fields written by hand', () => {
  it('reads "Close Date" (Salesforce’s label) and "expected close at" as expected_close_at: two pushes of D1; other fields left alone', async () => {
    const folder = join(dir, 'fields');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'deals.csv'),
      ['deal_id,account_id,owner,amount,currency,created_at,expected_close_at,closed_at,stage', 'D1,A1,kim,1000000,KRW,2026-05-01,2026-07-15,,negotiate', 'D2,A2,lee,2000000,KRW,2026-05-02,2026-07-20,,propose'].join('\n'),
    );
    writeFileSync(join(folder, 'stage_history.csv'), ['deal_id,stage,entered_at', 'D1,negotiate,2026-05-01', 'D2,propose,2026-05-02'].join('\n'));
    writeFileSync(
      join(folder, 'field_history.csv'),
      [
        'deal_id,field,old_value,new_value,changed_at',
        'D1,Close Date,2026-06-15,2026-07-15,2026-05-12',
        'D1,expected close at,2026-06-01,2026-06-15,2026-05-10',
        'D2,Amount (KRW),1500000,2000000,2026-05-16',
        'D2,stage,propose,negotiate,2026-05-17',
      ].join('\n'),
    );
    const { dataset, config } = await readFolder(folder);
    // D1 pushed Jun 1 → Jun 15 (May 10) and Jun 15 → Jul 15 (May 12), both in the 90 days to Jun 30; D2 never: 1 of 2 open deals.
    expect(computeMetrics(dataset, config, '2026-06-30').slippage).toEqual({ pushes_in_window: 2, open_deals_pushed: 1, share_pushed: 0.5 });
    // "Amount (KRW)" is no spelling of amount: ignored, as input.md says of other fields, D2's amount not replayed from it.
    expect(dataset.fieldHistory!.map((c) => c.field)).toEqual(['expected_close_at', 'expected_close_at']);
  });
});

describe('headerSpelling', () => {
  const known = ['deal_id', 'team', 'name', 'expected_close_at', 'closed_at', 'competitor'];
  const optional = known.slice(1);
  const spell = (names: string[], taken: number[] = []) => {
    const lower = names.map((n) => n.toLowerCase());
    return headerSpelling(optional, known, lower, (c) => lower.includes(c), taken);
  };

  it('reads a name that is the column but for case, spaces, underscores, hyphens, dots and invisible characters', () => {
    expect(looseName('Expected-Close.At\u200b')).toBe('expectedcloseat');
    expect(spell(['deal_id', 'Expected Close At'])).toEqual({ readAs: [[1, 'expected_close_at']], lookalikes: [] });
  });

  it('guesses no near miss of a short name past one letter, nor one of another first letter', () => {
    // "Team Name" is two letters from deal_name-like names and is no misspelling of team or name: left alone.
    expect(spell(['deal_id', 'Team Name', 'nmae', 'teams'])).toEqual({ readAs: [], lookalikes: [[3, 'team']] });
    expect(spell(['deal_id', 'losed_at'])).toEqual({ readAs: [], lookalikes: [] });
  });

  it('never takes a name that is a column itself, or one read under a CRM alias', () => {
    expect(spell(['deal_id', 'name', 'Closed-At'], [2])).toEqual({ readAs: [], lookalikes: [] });
    // A file that has the column as written: the other spelling is left alone.
    expect(spell(['deal_id', 'closed_at', 'Closed At'])).toEqual({ readAs: [], lookalikes: [] });
  });
});
