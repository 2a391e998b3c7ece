/**
 * "What changed" on a phone listed every new deal (71 on the sample) and every stage move in full, in deals.csv
 * order: about 23,700 px of rows, the biggest changes anywhere among them. Each list now puts its largest deals
 * first (amount now; an amount change by its size), says so, and shows its first LIST_TOP rows, the rest
 * behind "Show all N" (TableModel `fold`); every row stays in the page's full table and in the CSV.
 */
import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../../src/lib/dataset.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { digestMarkdown } from '../../../src/lib/views/digest.ts';
import { changesModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { LIST_TOP } from '../../../src/lib/views/table.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { FOLD_MIN_HIDDEN, table } from '../../../src/lib/views/table.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();
// 15 new deals in June, in deals.csv order of rising amount (N1 the smallest); two older deals whose amounts moved.
const NEW = Array.from({ length: 15 }, (_, i) => ({
  id: `N${i + 1}`,
  createdAt: at(`2025-06-${String(i + 2).padStart(2, '0')}`),
  amount: (i + 1) * 100_000,
  expectedCloseAt: '2025-09-30',
  history: [['prospect', at(`2025-06-${String(i + 2).padStart(2, '0')}`)]] as [string, number][],
}));
const dataset = makeDataset(
  config,
  [
    ...NEW,
    // Up by 50,000 (the larger deal) and by 900,000 (the smaller): the bigger change first.
    { id: 'U1', createdAt: at('2025-01-10'), amount: 5_050_000, expectedCloseAt: '2025-09-30', history: [['prospect', at('2025-01-10')]] },
    { id: 'U2', createdAt: at('2025-01-10'), amount: 1_000_000, expectedCloseAt: '2025-09-30', history: [['prospect', at('2025-01-10')]] },
  ],
  [
    { deal: 15, field: 'amount', oldValue: 5_000_000, newValue: 5_050_000, changedAt: at('2025-06-15'), line: 2 },
    { deal: 16, field: 'amount', oldValue: 100_000, newValue: 1_000_000, changedAt: at('2025-06-15'), line: 3 },
  ] satisfies FieldChange[],
);
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));

describe('What changed lists the biggest changes first, the rest behind "Show all N"', () => {
  it('new deals: largest amount first, said in the intro, the first 10 shown and all 15 kept', () => {
    const model = changesModel(pageContext(site, 'en'));
    const s = model.sections.find((x) => x.kind === 'new')!;
    expect(s.count).toBe(15);
    expect(s.order).toBe('Largest amount first.');
    const ids = NEW.map((d) => d.id).reverse();
    // Every row in the page's table (behind "Show all 15") and in the CSV, in the same order.
    expect(s.table.rows.map((r) => r[0]!.text)).toEqual(ids);
    expect(s.table.csv.rows.map((r) => r[0])).toEqual(ids);
    expect(s.table.fold).toBe(LIST_TOP);
    expect(s.table.truncated).toBe(0);
    expect(changesModel(pageContext(site, 'ko')).sections.find((x) => x.kind === 'new')!.order).toBe('금액이 큰 순서입니다.');
  });

  it('amount changes: the largest change first, whatever the amount; short lists are not folded', () => {
    const model = changesModel(pageContext(site, 'en'));
    const up = model.sections.find((x) => x.kind === 'amount_up')!;
    expect(up.table.csv.rows.map((r) => r[0])).toEqual(['U2', 'U1']);
    expect(up.order).toBe('Largest change first.');
    expect(up.table.fold).toBeUndefined();
    expect(changesModel(pageContext(site, 'ko')).sections.find((x) => x.kind === 'amount_up')!.order).toBe('금액 변동이 큰 순서입니다.');
    // A list of one deal has no order to state.
    expect(model.sections.find((x) => x.kind === 'won')!.order).toBeNull();
  });

  it('the digest states the order too, its first rows the largest', () => {
    const md = digestMarkdown(site, { locale: 'en', linkRoot: null });
    expect(md).toContain('Created during the period. Largest amount first.');
    expect(md.indexOf('| N15 |')).toBeGreaterThan(0);
    expect(md.indexOf('| N15 |')).toBeLessThan(md.indexOf('| N14 |'));
  });

  it('"Show all N" in both languages', () => {
    expect(en.common.showAll({ count: 1234 }, createFormatter('en', 'KRW'))).toBe('Show all 1,234');
    expect(ko.common.showAll({ count: 71 }, createFormatter('ko', 'KRW'))).toBe('71건 모두 보기');
  });

  it('a table folds only when at least FOLD_MIN_HIDDEN rows would be behind "Show all"', () => {
    const cols = [{ label: 'n', value: (r: number) => r }];
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(table('t', 't', cols, rows(10 + FOLD_MIN_HIDDEN - 1), { empty: 'none', fold: 10 }).fold).toBeUndefined();
    expect(table('t', 't', cols, rows(10 + FOLD_MIN_HIDDEN), { empty: 'none', fold: 10 }).fold).toBe(10);
  });
});
