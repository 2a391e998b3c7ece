/**
 * A deal's history across a series of exports (snapshots.ts): its stage
 * entries, the ones the exports date and one for each stage an export shows
 * undated, and its amount and close-date changes between two exports.
 */
import type { StageKind } from '../../config.ts';
import type { Issue } from '../../dataset.ts';
import { cutoffOf, startOfLocalDate } from '../../time.ts';
import type { Config } from '../config.ts';
import type { DateOptions } from '../dates.ts';
import { Invalid, parseLocalDate } from '../values.ts';
import { parseMoney, thousandsDoubt } from '../money.ts';
import { checkCurrency, wonBackslash } from '../currency-check.ts';
import type { DealsSpec, SeenDeal, SeenExport } from './snapshots.ts';
import type { Origin } from './types.ts';

export interface Appearance {
  /** Index of the export. */
  k: number;
  deal: SeenDeal;
}

export interface StageEvent {
  stage: string;
  key: string;
  text: string;
  at: number;
  /** Order of addition: ties in time keep it, as equal times keep file order in stage_history.csv. */
  seq: number;
  origin: Origin;
}

export const warning = (origin: Origin, column: string, code: string, message: string): Issue => ({ ...origin, column, code, severity: 'warning', message });

/** What a deal's history reads of its series, from `dealsFromExports`: its issues are added to `issues`. */
export interface SeriesContext {
  exports: readonly SeenExport[];
  spec: DealsSpec;
  config: Config;
  tz: string;
  dateOptions: DateOptions;
  /** The configured stage a name matches, else the name: what stages compare by. */
  keyOf: (name: string) => string;
  kindOf: (name: string) => StageKind;
  instant: (text: string | undefined) => number;
  issues: Issue[];
}

/**
 * A deal's stage entries: the ones its exports date, plus one for each
 * stage an export shows that no dated entry explains.
 */
export function stageEvents(seen: readonly Appearance[], context: SeriesContext): StageEvent[] {
  const { exports, tz, keyOf, kindOf, instant, issues, spec } = context;
  const events: StageEvent[] = [];
  const known = new Set<string>();
  for (const { deal } of seen) {
    for (const h of deal.history) {
      const key = keyOf(h.stage);
      // Each export repeats the entries the previous one had: keep one of each.
      const dedupe = `${key}\u0000${h.at}`;
      if (known.has(dedupe)) continue;
      known.add(dedupe);
      events.push({ stage: h.stage, key, text: h.text, at: h.at, seq: events.length, origin: h.origin });
    }
  }
  const own = events.slice();
  const live = seen.filter((s) => !s.deal.deleted);
  // Nothing dated and never a change: the canonical rule (metrics.md rule 6) synthesizes the history.
  if (own.length === 0 && new Set(live.map((s) => keyOf(s.deal.cells.stage ?? ''))).size <= 1) return [];
  let prev: Appearance | null = null;
  for (const s of live) {
    const stage = s.deal.cells.stage ?? '';
    const key = keyOf(stage);
    const date = exports[s.k]!.date;
    const upper = date === null ? Infinity : cutoffOf(date, tz);
    // Replaying at the export's date must show its stage: nothing to add when it does.
    let current: StageEvent | null = null;
    for (const e of events) if (e.at < upper && (current === null || laterOfTies(e, current, key))) current = e;
    // A move into this stage after the previous export (from that export's day on) that the exports date themselves is
    // trusted even when the replay differs: a later export then dates another move on this export's day, after it was taken.
    const lower = prev === null ? -Infinity : startOfLocalDate(exports[prev.k]!.date!, tz);
    if (current?.key !== key && !own.some((e) => e.key === key && lower <= e.at && e.at < upper)) {
      // Undated: at the export's date for a move seen between two exports; at creation (or the close) for a deal first seen.
      const candidates: { at: number; text: string }[] = [];
      if (prev !== null && date !== null) candidates.push({ at: startOfLocalDate(date, tz), text: date });
      else {
        const base = kindOf(stage) === 'open' ? s.deal.cells.created_at : (s.deal.cells.closed_at || s.deal.cells.created_at);
        const at = instant(base);
        if (!Number.isNaN(at)) candidates.push({ at, text: base! });
        else if (date !== null) candidates.push({ at: startOfLocalDate(date, tz), text: date });
      }
      // After every entry dated before the cut-off, so that replaying at the export's date shows its stage.
      for (const e of events) if (e.at < upper) candidates.push({ at: e.at, text: e.text });
      const best = candidates.filter((c) => c.at < upper).reduce<{ at: number; text: string } | null>((a, c) => (a === null || c.at > a.at ? c : a), null);
      if (best !== null) {
        events.push({ stage, key, text: best.text, at: best.at, seq: events.length, origin: s.deal.origin });
        if (prev === null && s.deal.history.length > 0) {
          issues.push(
            warning(s.deal.origin, spec.historyColumns.stage, 'undated_stage', `no date says when the deal entered its stage "${stage}"; it is taken as entered at ${best.text}`),
          );
        }
      }
    }
    prev = s;
  }
  // Entries of one time (a minute-precision export: a rep dragged the deal through two stages in a minute) are ordered
  // toward the stage the deal is shown in, so the export's column order never decides which is the latest: the latest
  // time's entries end with the deal's current stage; other ties keep their order of addition.
  const latestAt = events.reduce((m, e) => Math.max(m, e.at), -Infinity);
  const finalKey = keyOf(seen[seen.length - 1]!.deal.cells.stage ?? '');
  const towardCurrent = (e: StageEvent) => (e.at === latestAt && e.key === finalKey ? 1 : 0);
  return events.sort((a, b) => a.at - b.at || towardCurrent(a) - towardCurrent(b) || a.seq - b.seq);
}

/** Whether `e` comes after `c` in a deal's history shown in stage `key`: later, or of the same time and that stage (else added later). */
function laterOfTies(e: StageEvent, c: StageEvent, key: string): boolean {
  if (e.at !== c.at) return e.at > c.at;
  const rank = (x: StageEvent) => (x.key === key ? 1 : 0);
  return rank(e) > rank(c) || (rank(e) === rank(c) && e.seq > c.seq);
}

/** Amount and close-date changes between consecutive exports of a deal, dated at the later export's date. */
export function fieldChanges(id: string, seen: readonly Appearance[], context: SeriesContext): { cells: Record<string, string>; origin: Origin }[] {
  const { spec, issues, exports, config, dateOptions } = context;
  const out: { cells: Record<string, string>; origin: Origin }[] = [];
  const tracked: [field: string, column: string, key: (text: string, cells: SeenDeal['cells']) => string | Invalid][] = [];
  if (spec.columns.includes('amount')) tracked.push(['amount', 'amount', moneyKey]);
  if (spec.columns.includes('expected_close_at')) tracked.push(['expected_close_at', 'expected_close_at', dateKey]);
  for (const [field, column, key] of tracked) {
    let before: { text: string; key: string } | null = null;
    for (let i = 0; i < seen.length; i++) {
      const s = seen[i]!;
      const written = s.deal.cells[column] ?? '';
      const k = key(written, s.deal.cells);
      const vendor = spec.sourceColumns.get(column) ?? column;
      if (k instanceof Invalid) {
        // The latest row goes to deals.csv, whose reader reports it; an earlier one is reported here.
        if (i < seen.length - 1) issues.push(warning(s.deal.origin, vendor, k.code, `"${vendor}" ${k.reason}; this export's value is not used in the history`));
        continue;
      }
      // An amount that may be a thousand times more (`20.000`) is warned where it is written: the latest by deals.csv's
      // reader, an earlier one here. The history gets the amount as read, written without the doubt: field_history.csv's
      // reader would warn of it again, on the later export's line (amount-doubt.ts).
      const doubt = field === 'amount' ? thousandsDoubt(written, config.decimal) : null;
      if (doubt !== null && i < seen.length - 1) issues.push(warning(s.deal.origin, vendor, 'ambiguous_amount', `"${vendor}" ${doubt}`));
      const text = doubt === null ? written : amountAsRead(written, config.decimal);
      if (before !== null && before.key !== k) {
        out.push({ cells: { deal_id: id, field, old_value: before.text, new_value: text, changed_at: exports[s.k]!.date! }, origin: s.deal.origin });
      }
      before = { text, key: k };
    }
  }
  return out;

  function moneyKey(text: string, cells: SeenDeal['cells']): string | Invalid {
    if (text === '') return '';
    const m = parseMoney(text, { decimal: config.decimal, backslash: true });
    if (m instanceof Invalid) return m;
    // A leading `\` is ₩ in a deal in KRW only, as deals.csv's reader has it (currency-check.ts `BACKSLASH`).
    const refused = wonBackslash(m) ? checkCurrency(m, (cells.currency || config.currency).toUpperCase(), "the deal's currency") : null;
    return refused ?? `${m.value} ${m.code ?? cells.currency ?? ''}`;
  }

  function dateKey(text: string): string | Invalid {
    return text === '' ? '' : parseLocalDate(text, dateOptions);
  }
}

/** A money cell as read, written so that it reads the same with no doubt (`20.000` read as 20: `20`; `1.234`: `1.2340`). */
function amountAsRead(text: string, decimal: Config['decimal']): string {
  const m = parseMoney(text, { decimal });
  if (m instanceof Invalid) return text;
  const [whole, fraction] = String(m.value).split('.');
  const number = fraction === undefined ? whole! : `${whole}${decimal}${fraction.length === 3 ? `${fraction}0` : fraction}`;
  return m.code === null ? number : `${m.code} ${number}`;
}
