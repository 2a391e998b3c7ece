/**
 * The repurchase schedule on a phone: the page shows every repurchase overdue or due within 12 months (at least
 * LIST_TOP rows) and puts the later ones behind "Show all N" (TableModel `fold`); the follow-ups' table its first
 * LIST_TOP rows. Hand-built: deals won on 2025-04-01, as of 2025-06-30, each in its own account, so a lifecycle of
 * 1-2 months is overdue (May 1, June 1), 3-14 months due within 12 months (July 1, 2025 to June 1, 2026), 36 later.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/lib/ingest/config.ts';
import { pageContext, repurchaseModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { LIST_TOP } from '../../../src/lib/views/table.ts';
import { type DealSpec, makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const config = defaultConfig();

/** Won on 2025-04-01 by account `A<i>`, with a lifecycle of `months`. */
const won = (i: number, months: number): DealSpec => ({
  id: `W${String(i).padStart(2, '0')}`,
  accountId: `A${String(i).padStart(2, '0')}`,
  createdAt: at('2025-01-05'),
  closedAt: at('2025-04-01'),
  amount: 1_000_000,
  product: 'CNC',
  lifecycleMonths: months,
  history: [
    ['prospect', at('2025-01-05')],
    ['won', at('2025-04-01')],
  ],
});

function dueTable(lifecycles: number[]) {
  const dataset = makeDataset(config, lifecycles.map((months, i) => won(i, months)));
  const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
  const due = repurchaseModel(pageContext(site, 'en')).tables.find((t) => t.id === 'repurchase-due')!;
  return { due, statuses: due.rows.map((r) => r[3]!.text) };
}
const times = (n: number, months: number) => Array.from({ length: n }, () => months);

describe('the repurchase schedule folds after the repurchases due within 12 months', () => {
  it('shows every overdue and upcoming row, the later ones behind "Show all"', () => {
    // 12 due within 12 months (lifecycles 3 to 14), then 5 later.
    const { due, statuses } = dueTable([...Array.from({ length: 12 }, (_, i) => i + 3), ...times(5, 36)]);
    expect(due.rows).toHaveLength(17);
    expect(due.fold).toBe(12);
    expect(statuses.slice(0, 12).every((s) => s === 'Due within 12\u00a0months')).toBe(true);
    expect(statuses.slice(12)).toEqual(times(5, 0).map(() => 'Later'));
  });

  it('shows at least LIST_TOP rows when few are due soon', () => {
    // 2 overdue, 1 upcoming, 15 later: the first 10 rows (the 3 due soon and 7 later ones), 8 behind "Show all 18".
    const { due, statuses } = dueTable([1, 2, 3, ...times(15, 36)]);
    expect(LIST_TOP).toBe(10);
    expect(due.fold).toBe(10);
    expect(statuses.slice(0, 3)).toEqual(['Overdue', 'Overdue', 'Due within 12\u00a0months']);
  });

  it('does not fold when fewer than three rows would be hidden', () => {
    // 12 upcoming and 2 later: two rows take less room than the disclosure.
    expect(dueTable([...Array.from({ length: 12 }, (_, i) => i + 3), ...times(2, 36)]).due.fold).toBeUndefined();
    expect(dueTable([1, 2, 36]).due.fold).toBeUndefined();
  });
});
