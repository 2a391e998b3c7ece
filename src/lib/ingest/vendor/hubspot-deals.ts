/**
 * One HubSpot deals export ("Export" on the Deals index, every property as
 * its label) read row by row into SeenDeals: the deal's canonical cells and
 * the stage entries its `Date entered "<stage> (<pipeline>)"` columns date.
 *
 * Quirks: every cell is quoted; dates are `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`
 * in the account's time zone; `(No value)` means empty; the Date entered
 * columns exist for every stage of every pipeline, so only the deal's own
 * pipeline's columns apply to it; HubSpot keeps the latest entry per stage.
 */
import type { Issue } from '../../dataset.ts';
import type { Config } from '../config.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { Invalid } from '../values.ts';
import { cellAt } from './read-table.ts';
import { type DatedStage, lineList, type SeenDeal } from './snapshots.ts';
import type { Origin, VendorRecord, VendorTable } from './types.ts';
import { localeDateCell, readLocaleInstant } from './clock.ts';
import { IngestFatalError } from '../issues.ts';
import { pipelineKey, pipelineList } from './pipeline-choice.ts';
import { noteMissingCurrency } from './currency-column.ts';
import { columnPipeline, CURRENT_STAGE, dateEnteredStage, type HubSpotLayout, PIPELINE_COLUMN } from './hubspot-layout.ts';

/** HubSpot writes this for an empty property in some exports. */
const NO_VALUE = '(no value)';

/** A cell, with `(No value)` read as empty. */
export function hubspotCell(record: VendorRecord, i: number): string {
  const cell = cellAt(record, i);
  return cell.toLowerCase() === NO_VALUE ? '' : cell;
}

/** HubSpot's forecast categories (labels and internal values) to input.md's; closed deals have none. */
const FORECAST = new Map<string, string>([
  ['pipeline', 'pipeline'],
  ['best case', 'best_case'],
  ['commit', 'commit'],
  ['not forecasted', 'omitted'],
  ['omit', 'omitted'],
  ['omitted', 'omitted'],
  ['closed won', ''],
  ['closed', ''],
]);

export function hubspotForecast(cell: string): string {
  const key = cell.toLowerCase().replace(/[\s_-]+/gu, ' ').trim();
  // Anything else goes through as written: the deals reader warns about it.
  return FORECAST.get(key) ?? cell;
}

/**
 * Without a Pipeline column, deals can only be told apart by the Date entered columns HubSpot filled, which are
 * their own pipeline's: dates in the columns of two pipelines or more would mix them into one funnel, so reading stops.
 */
function refuseMixedPipelines(file: string, dated: ReadonlyMap<string, { name: string; deals: number }>): void {
  if (dated.size < 2) return;
  const list = pipelineList([...dated.values()].map((p) => [p.name, p.deals] as const));
  throw new IngestFatalError(
    'pipeline_column_needed',
    file,
    `the HubSpot deals export has no "${PIPELINE_COLUMN}" column, but its "Date entered" columns date the stages of ${dated.size} pipelines: ${list}. Metrics are about one pipeline's stages, and without that column these deals would be mixed into one funnel: add "${PIPELINE_COLUMN}" to the exported columns, then choose one with --pipeline "<name>"`,
  );
}

export interface ReadDeals {
  deals: SeenDeal[];
  issues: Issue[];
  dropped: Origin[];
}

/** Canonical columns holding dates or datetimes, which an export saved by Excel may write with a 12-hour clock. */
const DATE_COLUMNS = new Set(['created_at', 'expected_close_at']);

export function readHubSpotDeals(table: VendorTable, records: readonly VendorRecord[], layout: HubSpotLayout, config: Config): ReadDeals {
  const file = table.file;
  const lookup = stageLookup(config);
  const dateOptions = { timeZone: config.timezone, dateOrder: config.date_order };
  const issues: Issue[] = [];
  const dropped: Origin[] = [];
  const deals: SeenDeal[] = [];
  const standIns: number[] = [];
  const several: number[] = [];
  /** Lines of deals whose Date entered dates are all in other pipelines' columns, and those deals' Pipeline cells. */
  const elsewhere: number[] = [];
  const elsewherePipelines = new Set<string>();
  /** Without a Pipeline column: the pipelines whose Date entered columns hold dates, by key, with their deals. */
  const datedPipelines = new Map<string, { name: string; deals: number }>();
  // Stage names as HubSpot writes them (the header reader lower-cases the Date entered columns).
  const spelled = new Map<string, string>();
  const stageCol = layout.at.get('stage') ?? -1;
  noteMissingCurrency(issues, table, layout, 'Currency', config);
  for (const record of records) {
    const name = hubspotCell(record, stageCol);
    if (name !== '' && !spelled.has(normalizeStageName(name))) spelled.set(normalizeStageName(name), name);
  }
  for (const record of records) {
    const origin = { file, line: record.line };
    const cell = (canonical: string) => hubspotCell(record, layout.at.get(canonical) ?? -1);
    const id = cell('deal_id');
    const error = (column: string, code: string, message: string) => {
      issues.push({ ...origin, column, code, severity: 'error', message });
      dropped.push(origin);
    };
    if (id === '') {
      error('Record ID', 'missing_id', '"Record ID" is empty, so the row cannot be told apart from other deals; row rejected');
      continue;
    }
    const stage = cell('stage');
    if (stage === '') {
      error('Deal Stage', 'missing_stage', `"Deal Stage" is empty for deal "${id}", so it cannot be placed in the pipeline; set its stage in HubSpot and export again. Row rejected`);
      continue;
    }
    const cells: Partial<Record<string, string>> = {};
    for (const canonical of layout.at.keys()) cells[canonical] = DATE_COLUMNS.has(canonical) ? localeDateCell(cell(canonical)) : cell(canonical);
    if (layout.at.has('forecast_category')) cells.forecast_category = hubspotForecast(cells.forecast_category!);
    if (layout.at.has('expected_close_at')) {
      const kind = lookup.get(normalizeStageName(stage))?.kind;
      cells.closed_at = kind === 'won' || kind === 'lost' ? cells.expected_close_at : '';
    }
    // The account: the (primary) company's id, else its name, else the deal stands for its own account.
    let companyId = hubspotCell(record, layout.companyId);
    let companyName = hubspotCell(record, layout.companyName);
    // A list of ids, or of names where no id column is exported (the names are then the account), is several companies.
    const listed = layout.companyId >= 0 ? layout.companyIdList && companyId.includes(';') : layout.companyNameList && companyName.includes(';');
    if (listed) {
      several.push(record.line);
      companyId = companyId.split(';')[0]!.trim();
      companyName = companyName.split(';')[0]!.trim();
    }
    cells.account_id = companyId || companyName;
    if (layout.companyName >= 0) cells.account_name = companyName;
    if (cells.account_id === '') {
      cells.account_id = `deal-${id}`;
      standIns.push(record.line);
    }
    const pipeline = layout.pipeline >= 0 ? hubspotCell(record, layout.pipeline) : null;
    const history: DatedStage[] = [];
    const entry = (index: number, header: string, name: string) => {
      const { text, at } = readLocaleInstant(hubspotCell(record, index), dateOptions);
      if (text === '') return;
      if (at instanceof Invalid) {
        issues.push({ ...origin, column: header, code: at.code, severity: 'warning', message: `"${header}" ${at.reason}; that stage entry is left out` });
        return;
      }
      history.push({ stage: spelled.get(normalizeStageName(name)) ?? name, text, at, origin });
    };
    let own = false;
    let others = false;
    // Without a Pipeline column: the pipelines this deal's dates are in, each counted once.
    const counted = pipeline === null ? new Set<string>() : null;
    for (const column of layout.dateEntered) {
      const lower = dateEnteredStage(column, pipeline);
      const dated = hubspotCell(record, column.index) !== '';
      if (lower !== null) {
        own ||= dated;
        entry(column.index, column.header, lower);
      } else others ||= dated;
      const named = counted !== null && dated ? columnPipeline(column) : null;
      const key = named === null ? null : pipelineKey(named);
      if (key !== null && !counted!.has(key)) {
        counted!.add(key);
        const seen = datedPipelines.get(key);
        if (seen) seen.deals++;
        else datedPipelines.set(key, { name: named!, deals: 1 });
      }
    }
    // HubSpot fills only the deal's own pipeline's columns: dates in others alone mean its Pipeline cell names no column's pipeline.
    if (others && !own) {
      elsewhere.push(record.line);
      elsewherePipelines.add(pipeline ?? '');
    }
    if (layout.currentStage >= 0) entry(layout.currentStage, CURRENT_STAGE, stage);
    deals.push({ id, origin, cells, history, deleted: false });
  }
  refuseMixedPipelines(file, datedPipelines);
  if (standIns.length > 0) {
    issues.push({
      file,
      line: 0,
      column: '',
      code: 'no_company',
      severity: 'warning',
      message: `${standIns.length} deal${standIns.length === 1 ? ' has' : 's have'} no associated company (line${standIns.length === 1 ? '' : 's'} ${lineList(standIns)}): each stands for its own account "deal-<Record ID>", so repurchase cycles and account pages see them apart`,
    });
  }
  if (elsewhere.length > 0) {
    const n = elsewhere.length;
    const names = [...elsewherePipelines].slice(0, 3).map((p) => `"${p}"`).join(', ');
    issues.push({
      file,
      line: 0,
      column: PIPELINE_COLUMN,
      code: 'stage_dates_other_pipeline',
      severity: 'warning',
      message: `${n} deal${n === 1 ? ' has' : 's have'} "Date entered" dates only in columns of other pipelines than ${n === 1 ? 'its' : 'their'} "${PIPELINE_COLUMN}" (line${n === 1 ? '' : 's'} ${lineList(elsewhere)}; ${names}): those dates are not used, and the history is made from "Create Date" and "Deal Stage". A column applies to the deals whose "${PIPELINE_COLUMN}" it names in parentheses: export "${PIPELINE_COLUMN}" as HubSpot shows it`,
    });
  }
  if (several.length > 0) {
    issues.push({
      file,
      line: 0,
      column: layout.source.get('account_id') ?? 'Associated Company IDs',
      code: 'several_companies',
      severity: 'warning',
      message: `${several.length} deal${several.length === 1 ? ' has' : 's have'} several associated companies (line${several.length === 1 ? '' : 's'} ${lineList(several)}); the first listed is taken as the account. Export "Associated Company IDs (Primary)" to get the primary one`,
    });
  }
  return { deals, issues, dropped };
}
