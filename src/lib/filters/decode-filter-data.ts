/**
 * A filter data file (parsed JSON) read back into the Dataset and Config the
 * engine takes, its shape checked as it goes (filter-data.ts describes the
 * format): anything else is a `FilterDataError`.
 */
import { type Account, blankAccount, type Dataset, FORECAST_CATEGORIES, type FieldChange, type FileStats, type ForecastCategory, type StageHistory, type Target } from '../dataset.ts';
import { assembleTable, NUMBER_COLUMNS, type NumberColumn, TEXT_COLUMNS, type TextColumn, TextCoder } from '../deal-table.ts';
import { datasetOfTable } from '../dataset-deal-table.ts';
import type { TextCodes } from '../text-codes.ts';
import type { Config } from '../config.ts';
import { dateOfDay, isLocalDate, type LocalDate } from '../time.ts';
import { perAccountFact } from '../metrics/deal-codes.ts';
import { restoreConfig } from './filter-config.ts';
import { FILTER_DATA_FORMAT, FILTER_DATA_VERSION, type FilterData, type FilterSiteFacts, utcDay } from './filter-data.ts';
import { fail, isNum, isNumOrNull, isRecord, isStr, list } from './filter-data-checks.ts';

/** A dictionary-coded column as the table's codes: values written twice (or null, read as '') share one code. */
function readDict(v: unknown, what: string, n: number, nullable = false): TextCodes {
  if (!isRecord(v)) fail(`${what}: expected a dictionary`);
  const values = list<string>(v.values, `${what}.values`, null, isStr);
  const codes = list<number | null>(v.codes, `${what}.codes`, n, (x) => (x === null ? nullable : Number.isInteger(x) && (x as number) >= 0 && (x as number) < values.length));
  const coder = new TextCoder();
  const byValue = values.map((value) => coder.code(value));
  const empty = nullable ? coder.code('') : -1;
  const out = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const c = codes[d]!;
    out[d] = c === null ? empty : byValue[c]!;
  }
  return { codes: out, names: coder.names };
}

/** Every deal the same text. */
const sameText = (n: number, text: string): TextCodes => ({ codes: new Int32Array(n), names: [text] });

/** Numbers with null as NaN. */
const numbers = (values: readonly (number | null)[]): Float64Array => {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? NaN;
  return out;
};

function readScaled(v: unknown, what: string, n: number): (number | null)[] {
  if (!isRecord(v) || !isNum(v.scale)) fail(`${what}: expected scaled numbers`);
  const scale = v.scale as number;
  return list<number | null>(v.values, `${what}.values`, n, isNumOrNull).map((x) => (x === null ? null : scale === 1 ? x : x * scale));
}

function readRelative(v: unknown, what: string, n: number, reference: (i: number, value: number) => number): (number | null)[] {
  if (!isRecord(v) || !isNum(v.unit)) fail(`${what}: expected instants`);
  const unit = v.unit as number;
  const values = list<number | null>(v.values, `${what}.values`, n, isNumOrNull);
  const out: (number | null)[] = new Array(n);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    out[i] = x === null ? null : unit === 0 ? x : reference(i, previous) + x * unit;
    if (out[i] !== null) previous = out[i]!;
  }
  return out;
}

const isForecastCategory = (v: string | null): v is ForecastCategory | null => v === null || (FORECAST_CATEGORIES as readonly string[]).includes(v);

export interface DecodedFilterData {
  dataset: Dataset;
  config: Config;
  site: FilterSiteFacts;
}

/** The Dataset and Config of a filter data file (parsed JSON). Throws FilterDataError on anything else. */
export function decodeFilterData(raw: unknown): DecodedFilterData {
  if (!isRecord(raw) || raw.format !== FILTER_DATA_FORMAT) fail('not a Pipescope filter data file');
  if (raw.version !== FILTER_DATA_VERSION) fail(`version ${String(raw.version)} (this page reads ${FILTER_DATA_VERSION})`);
  const data = raw as unknown as FilterData;
  const config = restoreConfig(data.config);
  const site = readSite(data.site);
  const D = data.deals;
  if (!isRecord(D) || !Number.isInteger(D.count) || D.count < 0) fail('deals: expected a count');
  const n = D.count;
  const ids = list<string>(D.id, 'deals.id', n, isStr);
  const names = list<string>(D.name, 'deals.name', n, isStr);
  if (!isRecord(D.account)) fail('deals.account: expected accounts');
  const accountIds = list<string>(D.account.ids, 'deals.account.ids', null, isStr);
  const accountNames = list<string>(D.account.names, 'deals.account.names', accountIds.length, isStr);
  const accountCodes = list<number>(D.account.codes, 'deals.account.codes', n, (x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < accountIds.length);
  const accounts = D.account.facts === null ? null : readAccountFacts(D.account.facts, accountIds);
  const owners = readDict(D.owner, 'deals.owner', n);
  const teams = readDict(D.team, 'deals.team', n);
  const products = readDict(D.product, 'deals.product', n);
  const amounts = readScaled(D.amount, 'deals.amount', n);
  const created = readRelative(D.created, 'deals.created', n, (_i, previous) => previous);
  if (created.some((t) => t === null)) fail('deals.created: a deal without created_at');
  const createdAt = created as number[];
  const expected = list<number | null>(D.expected_close, 'deals.expected_close', n, isNumOrNull);
  const closed = readRelative(D.closed, 'deals.closed', n, (i) => createdAt[i]!);
  const removed = readRelative(D.removed, 'deals.removed', n, (i) => createdAt[i]!);
  const installed = readRelative(D.installed, 'deals.installed', n, (i) => createdAt[i]!);
  const stages = list<number>(D.stage, 'deals.stage', n, (x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < config.stages.length);
  const lost = readDict(D.lost_reason, 'deals.lost_reason', n);
  const won = readDict(D.win_reason, 'deals.win_reason', n);
  const competitors = readDict(D.competitor, 'deals.competitor', n);
  const sources = readDict(D.source, 'deals.source', n);
  const keyman = list<number>(D.has_keyman, 'deals.has_keyman', n, (x) => x === 0 || x === 1);
  const budget = list<number>(D.budget_confirmed, 'deals.budget_confirmed', n, (x) => x === 0 || x === 1);
  const categories = readDict(D.forecast_category, 'deals.forecast_category', n, true);
  if (!categories.names.every((c) => c === '' || isForecastCategory(c))) fail('deals.forecast_category: unknown category');
  const lifecycles = list<number | null>(D.lifecycle_months, 'deals.lifecycle_months', n, isNumOrNull);

  // The deals as the table the engine reads (deal-table.ts): their Deal objects are made only if a page model asks.
  // The file's accounts are (id, name) pairs: an id written with two names is two of them, one account here.
  const accountIdCoder = new TextCoder();
  const accountIdOf = accountIds.map((id) => accountIdCoder.code(id));
  const accountNameCoder = new TextCoder();
  const accountNameOf = accountNames.map((name) => accountNameCoder.code(name));
  const byAccount = (codeOf: readonly number[]) => {
    const codes = new Int32Array(n);
    for (let d = 0; d < n; d++) codes[d] = codeOf[accountCodes[d]!]!;
    return codes;
  };
  const closeCoder = new TextCoder();
  const expectedCodes = new Int32Array(n);
  const categoryOf = categories.names.map((c) => (c === '' ? -1 : FORECAST_CATEGORIES.indexOf(c as ForecastCategory)));
  // Expected closes by day number: each distinct day made a date once.
  const closeByDay = new Map<number, number>();
  const category = new Int8Array(n);
  for (let d = 0; d < n; d++) {
    category[d] = categoryOf[categories.codes[d]!]!;
    const offset = expected[d]!;
    if (offset === null) {
      expectedCodes[d] = closeCoder.code('');
      continue;
    }
    const day = offset + utcDay(createdAt[d]!);
    let code = closeByDay.get(day);
    if (code === undefined) closeByDay.set(day, (code = closeCoder.code(dateOfDay(day))));
    expectedCodes[d] = code;
  }
  const table = assembleTable(
    {
      id: ids,
      name: names,
      // The metrics only ask whether a keyman is named.
      keyman: keyman.map((k) => (k === 1 ? '•' : '')),
      stage: Int32Array.from(stages),
      budgetConfirmed: Uint8Array.from(budget),
      forecastCategory: category,
      line: new Int32Array(n),
    },
    (k) => {
      const texts: Record<TextColumn, TextCodes> = {
        accountId: { codes: byAccount(accountIdOf), names: accountIdCoder.names },
        accountName: { codes: byAccount(accountNameOf), names: accountNameCoder.names },
        owner: owners,
        team: teams,
        product: products,
        currency: sameText(n, config.currency),
        expectedCloseAt: { codes: expectedCodes, names: closeCoder.names },
        lostReason: lost,
        winReason: won,
        competitor: competitors,
        source: sources,
        purchaseType: sameText(n, ''),
      };
      return texts[TEXT_COLUMNS[k]!];
    },
    (k) => {
      const columns: Record<NumberColumn, Float64Array> = {
        amount: numbers(amounts),
        fxRate: new Float64Array(n).fill(1),
        createdAt: Float64Array.from(createdAt),
        closedAt: numbers(closed),
        removedAt: numbers(removed),
        installedAt: numbers(installed),
        lifecycleMonths: numbers(lifecycles),
        cost: new Float64Array(n).fill(NaN),
      };
      return columns[NUMBER_COLUMNS[k]!];
    },
  );
  const dataset = datasetOfTable(
    {
      source: readSource(data.source),
      stageHistory: readHistory(data.history, n, createdAt, config),
      fieldHistory: data.fields === null ? null : readFields(data.fields, n, createdAt),
      accounts,
      targets: data.targets === null ? null : readTargets(data.targets),
      columns: Object.fromEntries(list<[string, string[]]>(data.columns, 'columns', null, Array.isArray).map(([file, cols]) => [String(file), new Set(list<string>(cols, 'columns', null, isStr))])),
      fileHashes: Object.fromEntries(list<[string, string]>(data.file_hashes, 'file_hashes', null, Array.isArray).map(([file, hash]) => [String(file), String(hash)])),
      files: Object.fromEntries(list<[string, FileStats]>(data.files, 'files', null, Array.isArray).map(([file, s]) => [String(file), { rows: s.rows, accepted: s.accepted, rejected: s.rejected }])),
      issues: [],
    },
    table,
  );
  return { config, site, dataset };
}

/** The accounts of the file's (id, name) pairs with their segment, industry and region: the facts the pages group deals by. */
function readAccountFacts(v: unknown, ids: readonly string[]): Account[] {
  if (!isRecord(v)) fail('deals.account.facts: expected the segments, industries and regions');
  const dicts = perAccountFact((fact) => readDict(v[fact], `deals.account.facts.${fact}`, ids.length));
  const seen = new Set<string>();
  const out: Account[] = [];
  ids.forEach((accountId, k) => {
    if (seen.has(accountId)) return;
    seen.add(accountId);
    out.push({ ...blankAccount(accountId), ...perAccountFact((fact) => dicts[fact].names[dicts[fact].codes[k]!]!) });
  });
  return out;
}

function readSite(v: unknown): FilterSiteFacts {
  if (!isRecord(v) || !isStr(v.as_of) || !isStr(v.data_label)) fail('site: expected the build facts');
  const pairs = (x: unknown, what: string) => list<[string, string]>(x, what, null, (p) => Array.isArray(p) && p.length === 2 && p.every(isStr));
  return {
    as_of: v.as_of as string,
    data_label: v.data_label as string,
    stall_now: list(v.stall_now, 'site.stall_now', null, isNumOrNull),
    stall_previous: list(v.stall_previous, 'site.stall_previous', null, isNumOrNull),
    stall_basis: pairs(v.stall_basis, 'site.stall_basis'),
    stall_visits: list<[string, number]>(v.stall_visits, 'site.stall_visits', null, (p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && Number.isInteger(p[1]) && (p[1] as number) >= 0),
    owner_slugs: pairs(v.owner_slugs, 'site.owner_slugs'),
    quiet_owners: list<[string, LocalDate]>(v.quiet_owners, 'site.quiet_owners', null, (p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isLocalDate(p[1])),
    accounts: list<[string, string, string]>(v.accounts, 'site.accounts', null, (p) => Array.isArray(p) && p.length === 3 && p.every(isStr)),
    oldest_record: dateOrNull(v.oldest_record, 'site.oldest_record'),
    newest_change: dateOrNull(v.newest_change, 'site.newest_change'),
  };
}

function dateOrNull(v: unknown, what: string): LocalDate | null {
  if (v !== null && !(isStr(v) && isLocalDate(v as string))) fail(`${what}: expected a date (YYYY-MM-DD) or null`);
  return v as LocalDate | null;
}

function readSource(v: unknown): Dataset['source'] {
  if (!isRecord(v) || !isStr(v.format)) fail('source: expected the export format');
  return { format: v.format as string, limitations: list<string>(v.limitations, 'source.limitations', null, isStr) };
}

/** The stage history (the large part: a million rows is normal), straight into typed arrays. */
function readHistory(v: unknown, n: number, createdAt: readonly number[], config: Config): StageHistory {
  if (!isRecord(v) || !isRecord(v.entered) || !isNum(v.entered.unit)) fail('history: expected the stage history');
  const rows = list<number>(v.rows, 'history.rows', n, (x) => Number.isInteger(x) && (x as number) >= 0);
  const total = rows.reduce((a, b) => a + b, 0);
  const stages = v.stage;
  const values = v.entered.values;
  const unit = v.entered.unit as number;
  if (!Array.isArray(stages) || stages.length !== total) fail('history.stage: expected a stage per row');
  if (!Array.isArray(values) || values.length !== total) fail('history.entered: expected a time per row');
  const deal = new Int32Array(total);
  const stage = new Int32Array(total);
  const enteredAt = new Float64Array(total);
  const stageCount = config.stages.length;
  let k = 0;
  for (let d = 0; d < n; d++) {
    let previous = createdAt[d]!;
    for (let end = k + rows[d]!; k < end; k++) {
      const s: unknown = stages[k];
      const x: unknown = values[k];
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s >= stageCount) fail('history.stage: no such stage');
      if (typeof x !== 'number' || !Number.isFinite(x)) fail('history.entered: a row without a time');
      deal[k] = d;
      stage[k] = s;
      previous = unit === 0 ? x : previous + x * unit;
      enteredAt[k] = previous;
    }
  }
  return { deal, stage, enteredAt, length: total };
}

function readFields(v: unknown, n: number, createdAt: readonly number[]): FieldChange[] {
  if (!isRecord(v) || !isNum(v.amount_scale)) fail('fields: expected the field history');
  const deltas = list<number>(v.deal, 'fields.deal', null, Number.isInteger);
  const m = deltas.length;
  const fields = list<number>(v.field, 'fields.field', m, (x) => x === 0 || x === 1);
  const chainedOld = list<number>(v.old_chained, 'fields.old_chained', m, (x) => x === 0 || x === 1);
  const olds = list<number | null>(v.old, 'fields.old', m - chainedOld.reduce((a, b) => a + b, 0), isNumOrNull);
  const news = list<number | null>(v.new, 'fields.new', m, isNumOrNull);
  const lines = list<number>(v.line, 'fields.line', m, Number.isInteger);
  const scale = v.amount_scale as number;
  const deals = new Int32Array(m);
  let d = 0;
  for (let i = 0; i < m; i++) {
    d += deltas[i]!;
    if (d < 0 || d >= n) fail('fields.deal: no such deal');
    deals[i] = d;
  }
  const changed = readRelative(v.changed, 'fields.changed', m, (i) => createdAt[deals[i]!]!);
  const out: FieldChange[] = new Array(m);
  // The last new value per deal and field (index deal * 2 + field), for chained old values.
  const last: (number | LocalDate | null)[] = new Array(2 * n).fill(null);
  const seen = new Uint8Array(2 * n);
  let line = 0;
  let k = 0;
  for (let i = 0; i < m; i++) {
    line += lines[i]!;
    const amount = fields[i] === 0;
    const value = (x: number | null) => (x === null ? null : amount ? (scale === 1 ? x : x * scale) : dateOfDay(x));
    if (changed[i] === null) fail('fields.changed: a change without a time');
    const slot = deals[i]! * 2 + fields[i]!;
    if (chainedOld[i] === 1 && !seen[slot]) fail('fields.old_chained: no earlier change');
    const oldValue = chainedOld[i] === 1 ? last[slot]! : value(olds[k++]!);
    const newValue = value(news[i]!);
    last[slot] = newValue;
    seen[slot] = 1;
    out[i] = { deal: deals[i]!, field: amount ? 'amount' : 'expected_close_at', oldValue, newValue, changedAt: changed[i]!, line };
  }
  return out;
}

function readTargets(v: unknown): Target[] {
  return list<[string, string, string, number, number]>(v, 'targets', null, (t) => Array.isArray(t) && t.length === 5).map(([period, owner, team, targetAmount, line]) => {
    if (!isStr(period) || !isStr(owner) || !isStr(team) || !isNum(targetAmount) || !isNum(line)) fail('targets: unexpected row');
    return { period, owner, team, targetAmount, line };
  });
}
