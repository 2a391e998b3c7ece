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
import type { LocalDate } from '../../time.ts';
import type { Config } from '../config.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { IngestFatalError } from '../issues.ts';
import { Invalid, parseInstant } from '../values.ts';
import { lineItems, LineRuns } from '../line-runs.ts';
import { type Appearance, fieldChanges, type SeriesContext, type StageEvent, stageEvents, warning } from './snapshot-history.ts';
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

/** Line numbers (in file order) for a message: three or more in a row as a range (`4-9`), the first ten numbers and ranges, then how many in all. */
export function lineList(lines: readonly number[]): string {
  const runs = new LineRuns();
  for (const line of lines) runs.addLine(line);
  const { items, shown } = lineItems(runs.runs, 10);
  return items.join(', ') + (shown < runs.count ? `, ... (${runs.count} in all)` : '');
}

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
  // What a deal's history reads of the series (snapshot-history.ts).
  const context: SeriesContext = { exports, spec, config, tz, dateOptions, keyOf, kindOf, instant, issues };

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
    history.push(stageEvents(seen, context));
    if (series) appendAll(changes, fieldChanges(id, seen, context));
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
}
