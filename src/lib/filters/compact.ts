/**
 * The filter data file (`data/filter-data.<hash>.json`): the deals and
 * their history in a compact, columnar JSON that a filtered page loads only
 * when a filter is used, rebuilt into a `Dataset` for the very same engine.
 *
 * Only what the metrics and the filtered pages need: dates, amounts, stages,
 * owners, teams, products, reasons, and the names of the deals a filtered
 * page can list (those open at as_of or removed before it; other deals'
 * names and account names are left empty, their account ids kept). Repeated text (owners, teams, products, accounts,
 * reasons, competitors) is dictionary-coded; instants are whole units
 * (minutes when they allow) relative to the deal's `created_at`; amounts are
 * scaled by the largest power of ten that divides them all; stage history is
 * grouped by deal (file order within each deal: the timelines depend on
 * nothing else). Left out: what no metric reads (deals.csv `source`, `cost`,
 * `purchase_type`, `currency`, line numbers, accounts.csv, the data-quality
 * issues) and the keyman's name (the metrics only ask whether there is one).
 * Every number round-trips exactly (tests/unit/filters/compact.test.ts).
 *
 * Decoding checks the shape as it goes and throws `FilterDataError` on a file
 * that is not one: the page then says so and keeps its unfiltered figures.
 */
import type { Dataset, Deal, FieldChange, FileStats, ForecastCategory, StageHistory, Target } from '../dataset.ts';
import { FORECAST_CATEGORIES } from '../dataset.ts';
import type { Config, Stage } from '../ingest/config.ts';
import { DAY_MS, formatDate, type LocalDate } from '../time.ts';

export const FILTER_DATA_FORMAT = 'pipescope-filter-data';
export const FILTER_DATA_VERSION = 1;

/** What a filtered page needs of the full build besides the deals (filters/recompute.ts). */
export interface FilterSiteFacts {
  as_of: LocalDate;
  data_label: string;
  /** The full data's stall threshold per open stage (config order) at as_of and 30 days earlier: filtered views keep them. */
  stall_now: (number | null)[];
  stall_previous: (number | null)[];
  /** How each open stage's threshold was set, by stage id, as [id, basis]. */
  stall_basis: [string, string][];
  /** Owner name -> slug of the owner's page. */
  owner_slugs: [string, string][];
  /** Every account of the site: [id, name, slug of its page or '' without one]. */
  accounts: [string, string, string][];
}

interface Dict {
  values: string[];
  codes: (number | null)[];
}

/** Numbers divided by `scale` (a power of ten that divides every value; 1 otherwise). */
interface Scaled {
  scale: number;
  values: (number | null)[];
}

/** Instants as `(value - reference) / unit`; unit 0: the values as they are. */
interface Relative {
  unit: number;
  values: (number | null)[];
}

export interface FilterData {
  format: typeof FILTER_DATA_FORMAT;
  version: typeof FILTER_DATA_VERSION;
  site: FilterSiteFacts;
  /** The resolved config (`Config` without its derived stage lists, rebuilt when read). */
  config: Record<string, unknown>;
  source: { format: string; limitations: string[] };
  columns: [string, string[]][];
  files: [string, FileStats][];
  file_hashes: [string, string][];
  deals: {
    count: number;
    id: string[];
    /** '' for a deal no filtered page lists. */
    name: string[];
    /** Each deal's (account id, account name) pair. */
    account: { ids: string[]; names: string[]; codes: number[] };
    owner: Dict;
    team: Dict;
    product: Dict;
    amount: Scaled;
    /** created_at: delta from the previous deal's. */
    created: Relative;
    /** Day number (days since 1970-01-01) minus the UTC day of created_at. */
    expected_close: (number | null)[];
    closed: Relative;
    removed: Relative;
    installed: Relative;
    stage: number[];
    lost_reason: Dict;
    win_reason: Dict;
    competitor: Dict;
    /** 1 when the deal names a keyman (the name itself is not needed). */
    has_keyman: number[];
    budget_confirmed: number[];
    forecast_category: Dict;
    lifecycle_months: (number | null)[];
  };
  /** Stage history grouped by deal: rows per deal, then each row's stage and entry (relative to the deal's previous row, the first to created_at). */
  history: { rows: number[]; stage: number[]; entered: Relative };
  fields: {
    /** Delta from the previous row's deal. */
    deal: number[];
    /** 0 amount, 1 expected_close_at. */
    field: number[];
    /** 1 when the old value is the new value of the previous change of the same deal and field (file order); `old` lists the others. */
    old_chained: number[];
    /** Amounts scaled by `amount_scale`; dates as day numbers. */
    old: (number | null)[];
    new: (number | null)[];
    amount_scale: number;
    changed: Relative;
    /** Delta from the previous row's line. */
    line: number[];
  } | null;
  targets: [string, string, string, number, number][] | null;
}

export class FilterDataError extends Error {
  constructor(message: string) {
    super(`filter data: ${message}`);
    this.name = 'FilterDataError';
  }
}

// ---------------------------------------------------------------- encode

function dict(values: readonly (string | null)[]): Dict {
  const index = new Map<string, number>();
  const out: string[] = [];
  const codes = values.map((v) => {
    if (v === null) return null;
    let code = index.get(v);
    if (code === undefined) {
      code = out.length;
      index.set(v, code);
      out.push(v);
    }
    return code;
  });
  return { values: out, codes };
}

function scaled(values: readonly (number | null)[]): Scaled {
  let scale = 1;
  for (let k = 9; k >= 1; k--) {
    const s = 10 ** k;
    if (values.every((v) => v === null || (Number.isSafeInteger(v) && v % s === 0))) {
      scale = s;
      break;
    }
  }
  return { scale, values: scale === 1 ? [...values] : values.map((v) => (v === null ? null : v / scale)) };
}

const UNITS = [60_000, 1000, 1];

function relative(values: readonly (number | null)[], reference: (i: number) => number): Relative {
  const exact = values.every((v, i) => v === null || (Number.isSafeInteger(v) && Number.isSafeInteger(reference(i))));
  if (!exact) return { unit: 0, values: [...values] };
  const unit = UNITS.find((u) => values.every((v, i) => v === null || (v - reference(i)) % u === 0))!;
  return { unit, values: values.map((v, i) => (v === null ? null : (v - reference(i)) / unit)) };
}

const utcDay = (t: number) => Math.floor(t / DAY_MS);

function dayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const dates = new Map<number, LocalDate>();

function dateOfDay(day: number): LocalDate {
  let date = dates.get(day);
  if (date === undefined) {
    const d = new Date(day * DAY_MS);
    dates.set(day, (date = formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())));
  }
  return date;
}

/**
 * What the engine reads of the config, as JSON (its derived lists are rebuilt
 * by `restoreConfig`). Named field by field: nothing else of the config (the
 * secret `redaction.salt` above all) ever reaches the published file.
 */
export function configJson(config: Config): Record<string, unknown> {
  const { currency, timezone, locale, window_days, waterfall_days, date_order, decimal, qualification_required_from, stall_days, products, fx, labels, stages } = config;
  return { currency, timezone, locale, window_days, waterfall_days, date_order, decimal, qualification_required_from, stall_days, products, fx, labels, stages };
}

const sortedEntries = <V>(record: Record<string, V>): [string, V][] =>
  Object.keys(record)
    .sort()
    .map((k) => [k, record[k]!]);

function accounts(deals: readonly Deal[], named: (d: Deal) => boolean): FilterData['deals']['account'] {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const names: string[] = [];
  const codes = deals.map((d) => {
    const name = named(d) ? d.accountName : '';
    const key = `${d.accountId}\u0000${name}`;
    let code = index.get(key);
    if (code === undefined) {
      code = ids.length;
      index.set(key, code);
      ids.push(d.accountId);
      names.push(name);
    }
    return code;
  });
  return { ids, names, codes };
}

/** Whether each change's old value is the new value of the previous change of its deal and field. */
function chained(changes: readonly FieldChange[]): boolean[] {
  const last = new Map<string, number | LocalDate | null>();
  return changes.map((c) => {
    const key = `${c.field}\u0000${c.deal}`;
    const same = last.has(key) && last.get(key) === c.oldValue;
    last.set(key, c.newValue);
    return same;
  });
}

/** `named`: the ids of the deals whose deal and account names are kept (the deals a filtered page lists). */
export function encodeFilterData(dataset: Dataset, config: Config, site: FilterSiteFacts, named: ReadonlySet<string>): FilterData {
  const { deals } = dataset;
  const isNamed = (d: Deal) => named.has(d.id);
  const created = deals.map((d) => d.createdAt);
  const h = dataset.stageHistory;
  // Group the history by deal, keeping file order within each deal.
  const rows = new Array<number>(deals.length).fill(0);
  for (let i = 0; i < h.length; i++) rows[h.deal[i]!]!++;
  const start = new Int32Array(deals.length + 1);
  for (let d = 0; d < deals.length; d++) start[d + 1] = start[d]! + rows[d]!;
  const order = new Int32Array(h.length);
  const fill = start.slice(0, deals.length);
  for (let i = 0; i < h.length; i++) order[fill[h.deal[i]!]!++] = i;
  const enteredRef = new Float64Array(h.length);
  for (let d = 0; d < deals.length; d++) {
    for (let k = start[d]!; k < start[d + 1]!; k++) enteredRef[k] = k === start[d] ? created[d]! : h.enteredAt[order[k - 1]!]!;
  }
  const changes = dataset.fieldHistory;
  const amountChanges = (changes ?? []).flatMap((c) => (c.field === 'amount' ? [c.oldValue as number | null, c.newValue as number | null] : []));
  const amountScale = scaled(amountChanges).scale;
  const changeValue = (c: FieldChange, v: number | LocalDate | null): number | null =>
    v === null ? null : c.field === 'amount' ? (v as number) / amountScale : dayNumber(v as LocalDate);
  const oldChained = changes ? chained(changes) : [];

  return {
    format: FILTER_DATA_FORMAT,
    version: FILTER_DATA_VERSION,
    site,
    config: configJson(config),
    source: { format: dataset.source.format, limitations: [...dataset.source.limitations] },
    columns: sortedEntries(dataset.columns).map(([file, set]) => [file, [...set].sort()]),
    files: sortedEntries(dataset.files).map(([file, s]) => [file, { rows: s.rows, accepted: s.accepted, rejected: s.rejected }]),
    file_hashes: sortedEntries(dataset.fileHashes),
    deals: {
      count: deals.length,
      id: deals.map((d) => d.id),
      name: deals.map((d) => (isNamed(d) ? d.name : '')),
      account: accounts(deals, isNamed),
      owner: dict(deals.map((d) => d.owner)),
      team: dict(deals.map((d) => d.team)),
      product: dict(deals.map((d) => d.product)),
      amount: scaled(deals.map((d) => d.amount)),
      created: relative(created, (i) => (i === 0 ? 0 : created[i - 1]!)),
      expected_close: deals.map((d) => (d.expectedCloseAt === null ? null : dayNumber(d.expectedCloseAt) - utcDay(d.createdAt))),
      closed: relative(deals.map((d) => d.closedAt), (i) => created[i]!),
      removed: relative(deals.map((d) => d.removedAt), (i) => created[i]!),
      installed: relative(deals.map((d) => d.installedAt), (i) => created[i]!),
      stage: deals.map((d) => d.stage),
      lost_reason: dict(deals.map((d) => d.lostReason)),
      win_reason: dict(deals.map((d) => d.winReason)),
      competitor: dict(deals.map((d) => d.competitor)),
      has_keyman: deals.map((d) => (d.keyman.trim() === '' ? 0 : 1)),
      budget_confirmed: deals.map((d) => (d.budgetConfirmed ? 1 : 0)),
      forecast_category: dict(deals.map((d) => d.forecastCategory)),
      lifecycle_months: deals.map((d) => d.lifecycleMonths),
    },
    history: {
      rows,
      stage: Array.from(order, (i) => h.stage[i]!),
      entered: relative(
        Array.from(order, (i) => h.enteredAt[i]!),
        (k) => enteredRef[k]!,
      ),
    },
    fields: changes && {
      deal: changes.map((c, i) => c.deal - (i === 0 ? 0 : changes[i - 1]!.deal)),
      field: changes.map((c) => (c.field === 'amount' ? 0 : 1)),
      old_chained: oldChained.map((x) => (x ? 1 : 0)),
      old: changes.flatMap((c, i) => (oldChained[i] ? [] : [changeValue(c, c.oldValue)])),
      new: changes.map((c) => changeValue(c, c.newValue)),
      amount_scale: amountScale,
      changed: relative(
        changes.map((c) => c.changedAt),
        (i) => created[changes[i]!.deal]!,
      ),
      line: changes.map((c, i) => c.line - (i === 0 ? 0 : changes[i - 1]!.line)),
    },
    targets: dataset.targets && dataset.targets.map((t) => [t.period, t.owner, t.team, t.targetAmount, t.line]),
  };
}

// ---------------------------------------------------------------- decode

function fail(what: string): never {
  throw new FilterDataError(what);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function list<T>(v: unknown, what: string, n: number | null, ok: (x: unknown) => boolean): T[] {
  if (!Array.isArray(v) || (n !== null && v.length !== n)) fail(`${what}: expected ${n ?? 'a'} list`);
  for (const x of v) if (!ok(x)) fail(`${what}: unexpected value ${JSON.stringify(x)?.slice(0, 40)}`);
  return v as T[];
}

const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const isNumOrNull = (x: unknown) => x === null || isNum(x);
const isStr = (x: unknown) => typeof x === 'string';

function readDict(v: unknown, what: string, n: number, nullable = false): (string | null)[] {
  if (!isRecord(v)) fail(`${what}: expected a dictionary`);
  const values = list<string>(v.values, `${what}.values`, null, isStr);
  const codes = list<number | null>(v.codes, `${what}.codes`, n, (x) => (x === null ? nullable : Number.isInteger(x) && (x as number) >= 0 && (x as number) < values.length));
  return codes.map((c) => (c === null ? null : values[c]!));
}

function readStrings(v: unknown, what: string, n: number): string[] {
  return readDict(v, what, n) as string[];
}

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
  const owners = readStrings(D.owner, 'deals.owner', n);
  const teams = readStrings(D.team, 'deals.team', n);
  const products = readStrings(D.product, 'deals.product', n);
  const amounts = readScaled(D.amount, 'deals.amount', n);
  const created = readRelative(D.created, 'deals.created', n, (_i, previous) => previous);
  if (created.some((t) => t === null)) fail('deals.created: a deal without created_at');
  const createdAt = created as number[];
  const expected = list<number | null>(D.expected_close, 'deals.expected_close', n, isNumOrNull);
  const closed = readRelative(D.closed, 'deals.closed', n, (i) => createdAt[i]!);
  const removed = readRelative(D.removed, 'deals.removed', n, (i) => createdAt[i]!);
  const installed = readRelative(D.installed, 'deals.installed', n, (i) => createdAt[i]!);
  const stages = list<number>(D.stage, 'deals.stage', n, (x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) < config.stages.length);
  const lost = readStrings(D.lost_reason, 'deals.lost_reason', n);
  const won = readStrings(D.win_reason, 'deals.win_reason', n);
  const competitors = readStrings(D.competitor, 'deals.competitor', n);
  const keyman = list<number>(D.has_keyman, 'deals.has_keyman', n, (x) => x === 0 || x === 1);
  const budget = list<number>(D.budget_confirmed, 'deals.budget_confirmed', n, (x) => x === 0 || x === 1);
  const categories = readDict(D.forecast_category, 'deals.forecast_category', n, true);
  if (!categories.every(isForecastCategory)) fail('deals.forecast_category: unknown category');
  const lifecycles = list<number | null>(D.lifecycle_months, 'deals.lifecycle_months', n, isNumOrNull);

  const deals: Deal[] = new Array(n);
  for (let d = 0; d < n; d++) {
    deals[d] = {
      id: ids[d]!,
      name: names[d]!,
      accountId: accountIds[accountCodes[d]!]!,
      accountName: accountNames[accountCodes[d]!]!,
      owner: owners[d]!,
      team: teams[d]!,
      product: products[d]!,
      amount: amounts[d]!,
      currency: config.currency,
      fxRate: 1,
      createdAt: createdAt[d]!,
      expectedCloseAt: expected[d] === null ? null : dateOfDay(expected[d]! + utcDay(createdAt[d]!)),
      closedAt: closed[d]!,
      removedAt: removed[d]!,
      stage: stages[d]!,
      lostReason: lost[d]!,
      winReason: won[d]!,
      competitor: competitors[d]!,
      source: '',
      // The metrics only ask whether a keyman is named.
      keyman: keyman[d] === 1 ? '•' : '',
      budgetConfirmed: budget[d] === 1,
      forecastCategory: categories[d] as ForecastCategory | null,
      purchaseType: '',
      installedAt: installed[d]!,
      lifecycleMonths: lifecycles[d]!,
      cost: null,
      line: 0,
    };
  }
  return {
    config,
    site,
    dataset: {
      source: readSource(data.source),
      deals,
      stageHistory: readHistory(data.history, n, createdAt, config),
      fieldHistory: data.fields === null ? null : readFields(data.fields, n, createdAt),
      accounts: null,
      targets: data.targets === null ? null : readTargets(data.targets),
      columns: Object.fromEntries(list<[string, string[]]>(data.columns, 'columns', null, Array.isArray).map(([file, cols]) => [String(file), new Set(list<string>(cols, 'columns', null, isStr))])),
      fileHashes: Object.fromEntries(list<[string, string]>(data.file_hashes, 'file_hashes', null, Array.isArray).map(([file, hash]) => [String(file), String(hash)])),
      files: Object.fromEntries(list<[string, FileStats]>(data.files, 'files', null, Array.isArray).map(([file, s]) => [String(file), { rows: s.rows, accepted: s.accepted, rejected: s.rejected }])),
      issues: [],
    },
  };
}

/** A copy without a prototype (as ingest/config.ts makes them): names from the config never hit Object.prototype. */
function nameTable<V>(v: unknown, what: string, ok: (x: unknown) => boolean): Record<string, V> {
  if (!isRecord(v)) fail(`${what}: expected an object`);
  const out = Object.create(null) as Record<string, V>;
  for (const [k, x] of Object.entries(v)) {
    if (!ok(x)) fail(`${what}.${k}: unexpected value`);
    out[k] = x as V;
  }
  return out;
}

const STAGE_KINDS = ['open', 'won', 'lost'];

/** The Config of `configJson`, with its null-prototype tables and derived stage lists rebuilt. */
export function restoreConfig(v: unknown): Config {
  if (!isRecord(v)) fail('config: expected an object');
  const text = (k: string) => (isStr(v[k]) ? (v[k] as string) : fail(`config.${k}: expected text`));
  const int = (k: string) => (Number.isInteger(v[k]) && (v[k] as number) > 0 ? (v[k] as number) : fail(`config.${k}: expected a whole number`));
  const stages = list<Record<string, unknown>>(v.stages, 'config.stages', null, isRecord).map((s, i): Stage => {
    if (!isStr(s.id) || !STAGE_KINDS.includes(s.kind as string) || !isNum(s.probability) || typeof s.parked !== 'boolean' || s.index !== i) fail(`config.stages[${i}]: unexpected stage`);
    if (!Number.isInteger(s.openIndex) || !Number.isInteger(s.seqIndex)) fail(`config.stages[${i}]: unexpected stage`);
    return {
      id: s.id as string,
      kind: s.kind as Stage['kind'],
      probability: s.probability as number,
      parked: s.parked as boolean,
      label: nameTable(s.label, `config.stages[${i}].label`, isStr),
      buyer_step: s.buyer_step === null ? null : nameTable(s.buyer_step, `config.stages[${i}].buyer_step`, isStr),
      index: i,
      openIndex: s.openIndex as number,
      seqIndex: s.seqIndex as number,
    };
  });
  const wonStage = stages.find((s) => s.kind === 'won') ?? fail('config.stages: no won stage');
  const sequence = stages.filter((s) => s.seqIndex >= 0);
  if (sequence.length === 0 || sequence.some((s, i) => s.seqIndex !== i)) fail('config.stages: unexpected sequence');
  const from = v.qualification_required_from;
  if (from !== null && !isStr(from)) fail('config.qualification_required_from: expected a stage id or null');
  const dateOrder = text('date_order');
  const decimal = text('decimal');
  if (!['YMD', 'MDY', 'DMY'].includes(dateOrder) || !['.', ','].includes(decimal)) fail('config: unexpected date order or decimal mark');
  const products = nameTable<{ lifecycle_months: number }>(v.products, 'config.products', (p) => isRecord(p) && Number.isInteger(p.lifecycle_months));
  return {
    currency: text('currency'),
    timezone: text('timezone'),
    locale: text('locale'),
    window_days: int('window_days'),
    waterfall_days: int('waterfall_days'),
    date_order: dateOrder as Config['date_order'],
    decimal: decimal as Config['decimal'],
    qualification_required_from: from as string | null,
    stall_days: nameTable(v.stall_days, 'config.stall_days', isNum),
    products: Object.assign(Object.create(null) as typeof products, Object.fromEntries(Object.entries(products).map(([k, p]) => [k, { lifecycle_months: p.lifecycle_months }]))),
    fx: nameTable(v.fx, 'config.fx', isNum),
    labels: Object.assign(
      Object.create(null) as Config['labels'],
      Object.fromEntries(Object.entries(nameTable<unknown>(v.labels, 'config.labels', isRecord)).map(([code, t]) => [code, nameTable<string>(t, `config.labels.${code}`, isStr)])),
    ),
    stages,
    openStages: stages.filter((s) => s.kind === 'open'),
    sequence,
    wonStage,
  };
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
    owner_slugs: pairs(v.owner_slugs, 'site.owner_slugs'),
    accounts: list<[string, string, string]>(v.accounts, 'site.accounts', null, (p) => Array.isArray(p) && p.length === 3 && p.every(isStr)),
  };
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
