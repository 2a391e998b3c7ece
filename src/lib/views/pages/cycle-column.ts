/**
 * The median sales cycle of a group's closed deals as a table column (the owners' and teams' tables, the lead
 * sources'): marked `*` and muted when it is the median of fewer than MIN_QUANTILE_VALUES deals.
 */
import { ROUGH_MARK } from '../../charts/table-format.ts';
import type { Column } from '../table.ts';
import { isFewValues } from './absence.ts';
import type { PageContext } from './context.ts';

export interface ClosedGroup {
  won_count: number;
  lost_count: number;
  median_cycle_days: number | null;
}

/** Whether a group's median cycle is of too few closed deals to rely on (the page's note says what `*` means). */
export function isRoughCycle(r: ClosedGroup): boolean {
  return r.median_cycle_days !== null && isFewValues(r.won_count + r.lost_count);
}

export function medianCycleColumn<R extends ClosedGroup>({ m, f }: PageContext): Column<R> {
  return {
    label: m.columns.median_cycle_days,
    csvLabel: f.inDays(m.columns.median_cycle_days),
    numeric: true,
    value: (r) => r.median_cycle_days,
    text: (r) => f.days(r.median_cycle_days) + (isRoughCycle(r) ? ROUGH_MARK : ''),
    digits: 1,
    tone: (r) => (isRoughCycle(r) ? 'muted' : undefined),
  };
}
