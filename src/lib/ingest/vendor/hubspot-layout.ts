/**
 * A HubSpot deals export's header (hubspot-deals.ts reads its rows): the
 * column each canonical column comes from, the company and Pipeline columns,
 * and the `Date entered "<stage> (<pipeline>)"` columns with the stage and
 * pipeline each names.
 */
import { columnIndex, firstColumn } from './read-table.ts';
import { requireExportColumns } from './required-columns.ts';

/** The canonical deals columns, by the HubSpot column each comes from (the first present of the candidates). */
const SIMPLE_COLUMNS: [canonical: string, ...labels: string[]][] = [
  ['deal_id', 'Record ID'],
  ['deal_name', 'Deal Name'],
  ['owner', 'Deal owner'],
  ['team', 'HubSpot Team'],
  ['amount', 'Amount'],
  ['currency', 'Currency'],
  ['created_at', 'Create Date'],
  ['expected_close_at', 'Close Date'],
  ['stage', 'Deal Stage'],
  ['lost_reason', 'Closed Lost Reason'],
  ['win_reason', 'Closed Won Reason'],
  ['forecast_category', 'Forecast category'],
  ['source', 'Original Traffic Source', 'Original Source Type', 'Original Source'],
];
const COMPANY_ID = ['Associated Company IDs (Primary)', 'Associated Company IDs'];
const COMPANY_NAME = ['Associated Company (Primary)', 'Associated Company Names (Primary)', 'Associated Company', 'Associated Company Names'];

export const PIPELINE_COLUMN = 'Pipeline';

export const CURRENT_STAGE = 'date entered current stage';

export interface DateEnteredColumn {
  index: number;
  /** `<stage> (<pipeline>)` inside the quotes, as written. */
  inner: string;
  /** The column's header as written. */
  header: string;
}

export interface HubSpotLayout {
  /** Canonical column -> position, for the columns present. */
  at: Map<string, number>;
  /** Canonical column -> HubSpot column label. */
  source: Map<string, string>;
  companyId: number;
  companyName: number;
  /** Whether the company id column lists several companies (the non-primary one). */
  companyIdList: boolean;
  /** Whether the company name column lists several companies (the non-primary one). */
  companyNameList: boolean;
  pipeline: number;
  dateEntered: DateEnteredColumn[];
  /** "Date entered current stage": when the deal entered the stage it is in. */
  currentStage: number;
}

/** `headers`: the names as written (default: `names`). */
export function hubspotLayout(names: readonly string[], headers: readonly string[] = names): HubSpotLayout {
  const find = columnIndex(names);
  const at = new Map<string, number>();
  const source = new Map<string, string>();
  for (const [canonical, ...labels] of SIMPLE_COLUMNS) {
    const label = labels.find((l) => find(l) >= 0);
    if (label === undefined) continue;
    at.set(canonical, find(label));
    source.set(canonical, label);
  }
  if (source.has('expected_close_at')) source.set('closed_at', source.get('expected_close_at')!);
  const idLabel = COMPANY_ID.find((l) => find(l) >= 0);
  const nameLabel = COMPANY_NAME.find((l) => find(l) >= 0);
  if (idLabel) source.set('account_id', idLabel);
  else if (nameLabel) source.set('account_id', nameLabel);
  if (nameLabel) source.set('account_name', nameLabel);
  const dateEntered: DateEnteredColumn[] = [];
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const header = headers[index] ?? name;
    const m = /^date entered\s+(.*)$/iu.exec(header);
    // The first of duplicate columns wins, as everywhere (the header reader warns about the duplicate).
    if (!m || seen.has(name) || name === CURRENT_STAGE) return;
    seen.add(name);
    dateEntered.push({ index, inner: unquoted(m[1]!.trim()), header });
  });
  return {
    at,
    source,
    companyId: idLabel ? find(idLabel) : -1,
    companyName: nameLabel ? find(nameLabel) : -1,
    companyIdList: idLabel === 'Associated Company IDs',
    companyNameList: nameLabel === 'Associated Company' || nameLabel === 'Associated Company Names',
    pipeline: firstColumn(find, PIPELINE_COLUMN),
    dateEntered,
    currentStage: find(CURRENT_STAGE),
  };
}

/** Opening quotes and the closing quote each pairs with, around a Date entered column's `<stage> (<pipeline>)`. */
const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d', "'": "'", '\u2018': '\u2019' };

/**
 * `<stage> (<pipeline>)` without the quotes around it: HubSpot's double quotes, or the single or
 * typographic ones a label may carry (an unmatched quote is kept: it is part of the name).
 */
function unquoted(text: string): string {
  const close = QUOTES[text[0] ?? ''];
  return close !== undefined && text.length >= 2 && text.endsWith(close) ? text.slice(1, -1).trim() : text;
}

/** The pipeline a Date entered column names in its last parentheses (`Closed Won (Renewals)`: Renewals), or null. */
export function columnPipeline(column: DateEnteredColumn): string | null {
  const m = /\(([^()]*)\)$/u.exec(column.inner);
  return m ? m[1]!.trim() : null;
}

/** The stage a Date entered column is about, for a deal of `pipeline` (null: another pipeline's column). */
export function dateEnteredStage(column: DateEnteredColumn, pipeline: string | null): string | null {
  if (pipeline === null) {
    // No Pipeline column: the stage is what precedes the last parenthesized part.
    const m = /^(.*\S)\s+\([^()]*\)$/u.exec(column.inner);
    return m ? m[1]! : column.inner;
  }
  // Pipelines compare without case; the stage keeps the header's spelling.
  const suffix = ` (${pipeline})`;
  const inner = column.inner;
  if (inner.length < suffix.length || inner.slice(-suffix.length).toLowerCase() !== suffix.toLowerCase()) return null;
  return inner.slice(0, -suffix.length).trim();
}

/** The canonical deals columns this export carries (deal_id first). */
export function hubspotDealColumns(layout: HubSpotLayout): string[] {
  const columns = ['deal_id', 'account_id'];
  if (layout.companyName >= 0) columns.push('account_name');
  for (const [canonical] of SIMPLE_COLUMNS) if (canonical !== 'deal_id' && layout.at.has(canonical)) columns.push(canonical);
  // HubSpot's Close Date of a closed deal is when it closed (rule 6 uses it when no Date entered dates the close).
  if (layout.at.has('expected_close_at')) columns.push('closed_at');
  return columns;
}

/** Throws, naming the export's own columns, when `file` lacks one that deals.csv requires (the company is optional: see \`no_company\`). */
export function requireHubSpotColumns(file: string, layout: HubSpotLayout): void {
  requireExportColumns(file, 'HubSpot deals export', layout.at, ['owner', 'amount', 'created_at', 'stage'], SIMPLE_COLUMNS);
}
