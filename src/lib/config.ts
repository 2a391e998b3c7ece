/**
 * The Config: pipeline.config.json as the engine, the views and the filters
 * read it, validated and with its stages resolved. Ingest makes it
 * (ingest/config.ts: the zod schema, its defaults and its messages, which
 * are checked to give exactly these fields); everything after ingest only
 * reads it.
 */

export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  id: string;
  kind: StageKind;
  probability: number;
  /** Open, but outside the sequence of stages (metrics.md rules 4 and 7). */
  parked: boolean;
  /** Text per language code. */
  label: Record<string, string>;
  buyer_step: Record<string, string> | null;
  /** Other names of the stage in the data (an earlier name): matched as its labels are, never shown. */
  aliases: readonly string[];
  /** Position in config order. */
  index: number;
  /** Position among all open stages, parked included (config order), or -1 for won/lost: the row of per-stage lists. */
  openIndex: number;
  /** metrics.md's stage *index*: position in the sequence (open, not parked), or -1 for parked, won and lost stages. */
  seqIndex: number;
}

/** The config's own keys, as validated (input.md "pipeline.config.json"). */
export interface ConfigFields {
  currency: string;
  timezone: string;
  locale: string;
  window_days: number;
  waterfall_days: number;
  date_order: 'YMD' | 'MDY' | 'DMY';
  decimal: '.' | ',';
  /** Days in an open stage after which a deal is stalled, by stage id. */
  stall_days: Record<string, number>;
  products: Record<string, { lifecycle_months: number }>;
  /** Units of config currency per unit of each other currency. */
  fx: Record<string, number>;
  /** Words for the codes the data holds, per language. */
  labels: Record<string, Record<string, string>>;
  /**
   * A deal's page in the CRM, `{deal_id}` standing for its id (`https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}`):
   * deal names link there. Null: no links.
   */
  deal_url: string | null;
  /** `--redact`: the secret that keys the pseudonyms, and the band amounts are rounded to. */
  redaction?: { salt: string; amount_band?: number | undefined } | undefined;
}

/** The validated config with derived lookups the engine needs everywhere. */
export interface Config extends ConfigFields {
  stages: Stage[];
  /** Every open stage, parked included, in config order. */
  openStages: Stage[];
  /** The open stages that are not parked, in config order: the funnel. */
  sequence: Stage[];
  wonStage: Stage;
  /** An unparked open stage id, or null when the qualification flags are off. */
  qualification_required_from: string | null;
  /**
   * Whether the config file gives `currency` itself (not its default): then an export without a currency
   * column is in it by the user's word (vendor/currency-column.ts). Only ingest reads it; absent = not given.
   */
  currencyGiven?: boolean;
}
