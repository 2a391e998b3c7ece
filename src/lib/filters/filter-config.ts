/**
 * The config inside a filter data file: what the engine reads of it, written
 * as JSON (`configJson`), and rebuilt when the page reads it
 * (`restoreConfig`), with the null-prototype tables and derived stage lists
 * ingest/config.ts makes.
 */
import type { Config, Stage } from '../config.ts';
import { fail, isNum, isRecord, isStr, list } from './filter-data-checks.ts';

/**
 * What the engine reads of the config, as JSON (its derived lists are rebuilt
 * by `restoreConfig`). Named field by field: nothing else of the config (the
 * secret `redaction.salt` above all) ever reaches the published file.
 */
export function configJson(config: Config): Record<string, unknown> {
  const { currency, timezone, locale, window_days, waterfall_days, date_order, decimal, qualification_required_from, stall_days, products, fx, labels, deal_url, stages } = config;
  // A stage's aliases only match names while reading the files: the page never reads a file.
  const engineStages = stages.map(({ aliases: _aliases, ...stage }) => stage);
  // A redacted build's config has no deal_url (redact.ts `redactConfig`): no deal links in a filtered view either.
  return { currency, timezone, locale, window_days, waterfall_days, date_order, decimal, qualification_required_from, stall_days, products, fx, labels, deal_url, stages: engineStages };
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
      aliases: [],
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
    // Absent from filter data written before deal_url was (a kept site, a dated snapshot): no links, as null says.
    deal_url: v.deal_url === undefined || v.deal_url === null ? null : isStr(v.deal_url) ? v.deal_url : fail('config.deal_url: expected text or null'),
    stages,
    openStages: stages.filter((s) => s.kind === 'open'),
    sequence,
    wonStage,
  };
}
