/** The filter data file written from the build's Dataset (filter-data.ts describes the format). */
import type { Dataset, Deal, FieldChange } from '../dataset.ts';
import type { Config } from '../config.ts';
import { TextCoder } from '../deal-table.ts';
import { dayNumber, type LocalDate } from '../time.ts';
import { perAccountFact } from '../metrics/deal-codes.ts';
import { configJson } from './filter-config.ts';
import { type Dict, FILTER_DATA_FORMAT, FILTER_DATA_VERSION, type FilterData, type FilterSiteFacts, type Relative, type Scaled, utcDay } from './filter-data.ts';

function dict(values: readonly (string | null)[]): Dict {
  const coder = new TextCoder();
  const codes = values.map((v) => (v === null ? null : coder.code(v)));
  return { values: coder.names, codes };
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

/** `column[i]` for each `i` of `order`, as a plain array (what the JSON needs): `Array.from` of a typed array with a mapping function took ~5x as long (~150 ms for a 100k-deal stage history). */
function gathered<T>(order: Int32Array, column: ArrayLike<T>): T[] {
  const out = new Array<T>(order.length);
  for (let k = 0; k < order.length; k++) out[k] = column[order[k]!]!;
  return out;
}

const sortedEntries = <V>(record: Record<string, V>): [string, V][] =>
  Object.keys(record)
    .sort()
    .map((k) => [k, record[k]!]);

function accounts(deals: readonly Deal[], named: (d: Deal) => boolean, facts: Dataset['accounts']): FilterData['deals']['account'] {
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
  if (facts === null) return { ids, names, codes, facts: null };
  const byId = new Map(facts.map((a) => [a.accountId, a]));
  return { ids, names, codes, facts: perAccountFact((fact) => dict(ids.map((id) => byId.get(id)?.[fact] ?? ''))) };
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
      account: accounts(deals, isNamed, dataset.accounts),
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
      source: dict(deals.map((d) => d.source)),
      has_keyman: deals.map((d) => (d.keyman.trim() === '' ? 0 : 1)),
      budget_confirmed: deals.map((d) => (d.budgetConfirmed ? 1 : 0)),
      forecast_category: dict(deals.map((d) => d.forecastCategory)),
      lifecycle_months: deals.map((d) => d.lifecycleMonths),
    },
    history: {
      rows,
      stage: gathered(order, h.stage),
      entered: relative(gathered(order, h.enteredAt), (k) => enteredRef[k]!),
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
