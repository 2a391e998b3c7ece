/**
 * What every row parser reads of the config, built once per ingest: the
 * date and number options, and the parsers of a stage cell (id or label, in
 * any case and spacing) and of a currency cell (with its exchange rate).
 */
import type { Config } from './config.ts';
import { normalizeStageName, stageLookup } from './stage-names.ts';
import type { FieldParser } from './schema.ts';
import { type DateOptions, Invalid, parseCurrencyCode, quoteValue } from './values.ts';
import type { NumberOptions } from './money.ts';

/** Everything a row parser needs from the config, built once per ingest. */
export interface RowContext {
  config: Config;
  dates: DateOptions;
  numbers: NumberOptions;
  /** Stage cell to config stage index (memoized: a history has few distinct spellings). */
  stage: FieldParser<number>;
  /** Currency cell ('' = config currency) to its code and rate into config currency. */
  currency: FieldParser<{ code: string; fxRate: number }>;
}

/** Each stage's id, and its labels that read differently ('prospect ("Prospect", "가망 고객")'): what a stage cell may say. */
function knownStages(config: Config): string {
  return config.stages
    .map((s) => {
      const labels = [...new Set(Object.values(s.label))].filter((l) => normalizeStageName(l) !== normalizeStageName(s.id));
      return labels.length === 0 ? s.id : `${s.id} (${labels.map((l) => JSON.stringify(l)).join(', ')})`;
    })
    .join(', ');
}

/**
 * The one stage whose id or a label is part of `cell`, or has it as a part ("협상중" and 협상, "Proposal sent"
 * and Proposal), said as a hint: the row is still rejected, since a guess could place a deal in the wrong stage.
 */
function nearStage(config: Config, cell: string): string {
  const text = normalizeStageName(cell);
  if (text.length < 2) return '';
  const near = config.stages.flatMap((s) => {
    const names = [s.id, ...Object.values(s.label)].filter((n) => {
      const name = normalizeStageName(n);
      return name.length >= 2 && (text.includes(name) || name.includes(text));
    });
    return names.length > 0 ? [{ stage: s, name: names.at(-1)! }] : [];
  });
  if (near.length !== 1) return '';
  const { stage, name } = near[0]!;
  return `; it looks like ${stage.id} (${JSON.stringify(name)}): to read it as that stage, add ${quoteValue(cell.trim())} to the stage's "aliases" in pipeline.config.json`;
}

/** What to do about a stage name no stage has, when none looks like it. */
const ADD_STAGE = '; add it to "stages" in pipeline.config.json or, if it is another name of a configured stage (its name before a rename), to that stage\'s "aliases"';

export function rowContext(config: Config): RowContext {
  const lookup = stageLookup(config);
  const known = knownStages(config);
  const cache = new Map<string, number | Invalid>();
  const stage: FieldParser<number> = (cell) => {
    let v = cache.get(cell);
    if (v === undefined) {
      const s = lookup.get(normalizeStageName(cell));
      v = s ? s.index : new Invalid('unknown_stage', `${quoteValue(cell)} is not a configured stage id or label (${known})${nearStage(config, cell) || ADD_STAGE}`);
      cache.set(cell, v);
    }
    return v;
  };
  const currency: FieldParser<{ code: string; fxRate: number }> = (cell) => {
    if (cell === '') return { code: config.currency, fxRate: 1 };
    const code = parseCurrencyCode(cell);
    if (code instanceof Invalid) return code;
    if (code === config.currency) return { code, fxRate: 1 };
    const rate = config.fx[code];
    if (rate === undefined) {
      return new Invalid(
        'missing_fx_rate',
        `${code} has no rate in the config "fx" (amounts are reported in ${config.currency}); add "fx": {"${code}": <${config.currency} for 1 ${code}>} to pipeline.config.json to read the row`,
      );
    }
    return { code, fxRate: rate };
  };
  return {
    config,
    dates: { timeZone: config.timezone, dateOrder: config.date_order },
    // Every amount a row parser reads is checked against its currency (a deal's, the config's): a leading `\` is read as ₩ in won.
    numbers: { decimal: config.decimal, backslash: true },
    stage,
    currency,
  };
}
