/**
 * Deals as one export, or a series of exports of the same kind, shows them,
 * into the canonical deals, stage_history and field_history tables.
 *
 * One export: each deal's row, and the stage entries the export itself dates
 * (HubSpot's `Date entered` columns, Pipedrive's last stage change and won /
 * lost times).
 *
 * A series (several exports dated by their file names, oldest first) is read
 * as snapshots: a deal's row comes from the latest export it appears in; a
 * stage, amount or close-date change between two exports becomes a history
 * event dated at the later export's date, 00:00 local (unless the exports'
 * own history already dates the move); a deal missing from a later export
 * is removed from that export's date (`removed_at`). Replaying the metrics
 * at each export's date then shows that export's open deals, stages and
 * amounts (tests/unit/ingest/snapshots.test.ts).
 */
import { isRoundedNumber, ROUNDED_HINT } from '../deals.ts';
import type { Issue } from '../../dataset.ts';
import { cutoffOf, type LocalDate, startOfLocalDate } from '../../time.ts';
import type { Config } from '../config.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { IngestFatalError } from '../issues.ts';
import { Invalid, parseInstant, parseLocalDate, parseMoney, thousandsDoubt } from '../values.ts';
import { checkCurrency, wonBackslash } from '../currency-check.ts';
import { lineItems, LineRuns } from '../line-runs.ts';
import { CanonicalTable, type Limitation, type Origin, StageHistoryTable } from './types.ts';
import { appendAll } from '../../append.ts';

/** A stage entry an export dates itself. */
export interface DatedStage {
  stage: string;
  /** The date cell as written (already checked to parse). */
  text: string;
  at: number;
  origin: Origin;
}

/** One deal as one export shows it. */
export interface SeenDeal {
  id: string;
  origin: Origin;
  /** deals.csv cells by canonical column, in the vendor's formats. */
  cells: Partial<Record<string, string>>;
  history: DatedStage[];
  /** Deleted in the CRM (Pipedrive's status `deleted`; `cells.removed_at` says when): its stage is not compared. */
  deleted: boolean;
}

export interface SeenExport {
  file: string;
  date: LocalDate | null;
  deals: SeenDeal[];
  /** Deals of this export set aside as another pipeline's (--pipeline): id to that pipeline's name. */
  elsewhere?: ReadonlyMap<string, string>;
}

export interface DealsSpec {
  config: Config;
  /** The deals.csv columns the export carries (deal_id first); `removed_at` is added when a deal is removed. */
  columns: readonly string[];
  /** Canonical deals column to the vendor column, for messages. */
  sourceColumns: ReadonlyMap<string, string>;
  /** The vendor columns stage_history's `stage` and `entered_at` come from, for messages. */
  historyColumns: { stage: string; enteredAt: string };
  /** What the vendor calls a deal's id ("Record ID"), for messages. */
  idColumn: string;
  /** What the vendor calls the pipeline column ("Pipeline", "Deal - Pipeline"), for messages. */
  pipelineColumn?: string;
}

export interface CanonicalDeals {
  tables: { 'deals.csv': CanonicalTable; 'stage_history.csv': StageHistoryTable; 'field_history.csv'?: CanonicalTable };
  issues: Issue[];
  dropped: Origin[];
  limitations: Limitation[];
}

interface Appearance {
  /** Index of the export. */
  k: number;
  deal: SeenDeal;
}

interface StageEvent {
  stage: string;
  key: string;
  text: string;
  at: number;
  /** Order of addition: ties in time keep it, as equal times keep file order in stage_history.csv. */
  seq: number;
  origin: Origin;
}

/** Line numbers (in file order) for a message: three or more in a row as a range (`4-9`), the first ten numbers and ranges, then how many in all. */
export function lineList(lines: readonly number[]): string {
  const runs = new LineRuns();
  for (const line of lines) runs.addLine(line);
  const { items, shown } = lineItems(runs.runs, 10);
  return items.join(', ') + (shown < runs.count ? `, ... (${runs.count} in all)` : '');
}

const warning = (origin: Origin, column: string, code: string, message: string): Issue => ({ ...origin, column, code, severity: 'warning', message });

/** A series needs each export dated, one export per date; `exports` come sorted by date. */
function checkSeries(exports: readonly SeenExport[], what: string): void {
  if (exports.length < 2) return;
  const undated = exports.filter((e) => e.date === null).map((e) => e.file);
  if (undated.length > 0) {
    throw new IngestFatalError(
      'undated_exports',
      undated.join(', '),
      `${exports.length} ${what} exports found, but ${undated.join(', ')} carr${undated.length === 1 ? 'ies' : 'y'} no date: ` +
        'a series of exports is ordered by the YYYY-MM-DD in each file name (or its folder). Rename the files, or keep only one export',
    );
  }
  for (let i = 1; i < exports.length; i++) {
    if (exports[i]!.date === exports[i - 1]!.date) {
      throw new IngestFatalError(
        'exports_same_date',
        exports[i]!.file,
        `${exports[i - 1]!.file} and ${exports[i]!.file} are both dated ${exports[i]!.date}: keep one export per date`,
      );
    }
  }
}

export function dealsFromExports(exports: readonly SeenExport[], spec: DealsSpec, what: string): CanonicalDeals {
  checkSeries(exports, what);
  const { config } = spec;
  const tz = config.timezone;
  const dateOptions = { timeZone: tz, dateOrder: config.date_order };
  const lookup = stageLookup(config);
  // Stages compare by the configured stage they match (an id and its labels are one stage), else by name.
  const keyOf = (name: string) => {
    const n = normalizeStageName(name);
    return lookup.get(n)?.id ?? `?${n}`;
  };
  const kindOf = (name: string) => lookup.get(normalizeStageName(name))?.kind ?? 'open';
  const instant = (text: string | undefined) => {
    if (!text) return NaN;
    const t = parseInstant(text, dateOptions);
    return t instanceof Invalid ? NaN : t;
  };
  const issues: Issue[] = [];
  const dropped: Origin[] = [];
  const series = exports.length > 1;

  const byId = new Map<string, Appearance[]>();
  exports.forEach((ex, k) => {
    const lineOf = new Map<string, number>();
    for (const deal of ex.deals) {
      const first = lineOf.get(deal.id);
      if (first !== undefined) {
        // An id Excel rounded (`1.23457E+11`) repeats because digits were lost: said, as deals.csv's reader says it.
        const hint = isRoundedNumber(deal.id) ? `; ${ROUNDED_HINT}` : '';
        const message = `${spec.idColumn} "${deal.id}" appears again (first on line ${first}); this row is not used${hint}`;
        issues.push({ ...deal.origin, column: spec.idColumn, code: 'duplicate_id', severity: 'error', message });
        dropped.push(deal.origin);
        continue;
      }
      lineOf.set(deal.id, deal.origin.line);
      let list = byId.get(deal.id);
      if (!list) byId.set(deal.id, (list = []));
      list.push({ k, deal });
    }
  });

  const removed = exports.map(() => [] as string[]);
  const rows: { cells: Partial<Record<string, string>>; origin: Origin }[] = [];
  const history: StageEvent[][] = [];
  const changes: { cells: Record<string, string>; origin: Origin }[] = [];
  for (const [id, seen] of byId) {
    const last = seen[seen.length - 1]!;
    const cells = { ...last.deal.cells };
    if (series) {
      for (let i = 1; i < seen.length; i++) {
        const gap = seen[i]!.k - seen[i - 1]!.k;
        if (gap > 1) {
          issues.push(
            warning(seen[i]!.deal.origin, spec.idColumn, 'deal_reappeared', `deal "${id}" is missing from ${exports[seen[i - 1]!.k + 1]!.file} but back in this export; it is taken as never removed`),
          );
        }
      }
      if (last.k < exports.length - 1 && !cells.removed_at) {
        cells.removed_at = exports[last.k + 1]!.date!;
        removed[last.k + 1]!.push(id);
      }
    }
    rows.push({ cells, origin: last.deal.origin });
    history.push(stageEvents(seen));
    if (series) appendAll(changes, fieldChanges(id, seen));
  }

  exports.forEach((ex, k) => {
    const ids = removed[k]!;
    if (ids.length === 0) return;
    const shown = ids.slice(0, 5).map((id) => `"${id}"`).join(', ') + (ids.length > 5 ? ', ...' : '');
    // In this export under another pipeline: moved there, or the pipeline renamed; not deleted from the CRM.
    const moved = ids.filter((id) => ex.elsewhere?.has(id));
    const to = [...new Set(moved.map((id) => ex.elsewhere!.get(id)!))].slice(0, 3).map((name) => `"${name}"`).join(', ');
    const movedNote =
      moved.length === 0
        ? ''
        : `; ${moved.length === ids.length ? (ids.length === 1 ? 'it is' : 'all of them are') : `${moved.length} of them ${moved.length === 1 ? 'is' : 'are'}`} in another pipeline here (${to}), moved there or this pipeline renamed, not deleted from the CRM: if it was renamed, write its new name in the earlier exports' "${spec.pipelineColumn ?? 'Pipeline'}" column and choose it with --pipeline`;
    issues.push(
      warning(
        { file: ex.file, line: 0 },
        '',
        'deal_removed',
        `${ids.length} deal${ids.length === 1 ? ' is' : 's are'} in ${exports[k - 1]!.file} but not in this export (${shown}): each is taken as deleted on ${ex.date}, and no longer counts from that day${movedNote}`,
      ),
    );
  });

  const anyRemoved = rows.some((r) => r.cells.removed_at);
  const columns = anyRemoved && !spec.columns.includes('removed_at') ? [...spec.columns, 'removed_at'] : spec.columns;
  const deals = new CanonicalTable(columns);
  for (const [c, v] of spec.sourceColumns) deals.sourceColumns.set(c, v);
  for (const r of rows) deals.add(r.cells, r.origin);

  const stageHistory = new StageHistoryTable();
  stageHistory.sourceColumns.set('deal_id', spec.idColumn);
  stageHistory.sourceColumns.set('stage', spec.historyColumns.stage);
  stageHistory.sourceColumns.set('entered_at', spec.historyColumns.enteredAt);
  rows.forEach((r, i) => {
    for (const e of history[i]!) stageHistory.add({ deal_id: r.cells.deal_id!, stage: e.stage, entered_at: e.text }, e.origin);
  });

  const tables: CanonicalDeals['tables'] = { 'deals.csv': deals, 'stage_history.csv': stageHistory };
  if (changes.length > 0) {
    const fieldHistory = new CanonicalTable(['deal_id', 'field', 'old_value', 'new_value', 'changed_at']);
    fieldHistory.sourceColumns.set('deal_id', spec.idColumn);
    for (const c of changes) fieldHistory.add(c.cells, c.origin);
    tables['field_history.csv'] = fieldHistory;
  }
  return { tables, issues, dropped, limitations: series ? ['history_from_snapshots'] : [] };

  /**
   * A deal's stage entries: the ones its exports date, plus one for each
   * stage an export shows that no dated entry explains.
   */
  function stageEvents(seen: readonly Appearance[]): StageEvent[] {
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
  function fieldChanges(id: string, seen: readonly Appearance[]): { cells: Record<string, string>; origin: Origin }[] {
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
  }

  /** A money cell as read, written so that it reads the same with no doubt (`20.000` read as 20: `20`; `1.234`: `1.2340`). */
  function amountAsRead(text: string, decimal: Config['decimal']): string {
    const m = parseMoney(text, { decimal });
    if (m instanceof Invalid) return text;
    const [whole, fraction] = String(m.value).split('.');
    const number = fraction === undefined ? whole! : `${whole}${decimal}${fraction.length === 3 ? `${fraction}0` : fraction}`;
    return m.code === null ? number : `${m.code} ${number}`;
  }

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
