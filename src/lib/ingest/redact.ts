/**
 * Redacted sharing (`--redact`): a Dataset in which every name and id that
 * could identify a customer, a person or a deal is replaced by a stable
 * pseudonym, applied by the CLIs right after reading, before anything is
 * computed, so every output (pages, metrics.json, CSV downloads, data files,
 * file names) is redacted by construction.
 *
 * A pseudonym is a prefix saying what the value is and the first hex digits
 * of HMAC-SHA-256(salt, kind + NUL + value): "Account 3f9a2c", "deal-81b04e".
 * The same value of the same kind always gets the same pseudonym (so every
 * grouping and join, deals to accounts, owners to targets, competitors to
 * installed competitors, is kept, and the metrics do not change); without
 * the config's secret salt nobody can recompute a pseudonym from a guessed
 * name. Six hex digits by default, more for the values whose six collide
 * with another value's of the same kind, so two values never share one.
 *
 * Redacted (docs/input.md "Redaction"):
 * - deals: deal_id, deal_name, account_id, account_name, owner, team,
 *   competitor, keyman; accounts: account_id, account_name, keyman,
 *   installed_competitor, and notes (emptied: free text); targets: owner, team.
 * - data-quality messages: a quoted cell value becomes its pseudonym when it
 *   is a redacted value, else "…" (unless it is a stage, a column name or a
 *   word of Pipescope's own messages); a redacted value anywhere else in the
 *   text becomes its pseudonym.
 * - other text from the data (product, reasons, source, purchase type,
 *   industry, segment, region): kept, with any redacted value inside it
 *   replaced by its pseudonym.
 * - amounts, with an amount band: every deal amount, cost and amount change
 *   rounded to the nearest multiple of the band (at least one band when
 *   positive).
 * Kept: file names (the export's own names) and their SHA-256 (but not the
 * config's, which holds the salt), stage names, codes, dates and (without a
 * band) amounts.
 *
 * The pseudonyms themselves are made in pseudonyms.ts. Node only (node:crypto,
 * there), like read-folder.ts.
 */
import type { Account, Dataset, Deal, FieldChange, Issue, Target } from '../dataset.ts';
import { type Config, ConfigError } from './config.ts';
import { CONFIG_FILE } from './dataset-builder.ts';
import { uiLocale } from '../i18n/locales.ts';
import { PSEUDONYM_PREFIXES, Pseudonyms, type RedactedKind, Scrubber } from './pseudonyms.ts';

/** The shortest salt accepted: enough that nobody can try every salt. */
export const MIN_SALT_LENGTH = 16;

/** What a quoted value that is not a redacted value becomes in a message. */
export const REDACTED_VALUE = '…';

/**
 * Words Pipescope's own messages quote (config keys and values, export
 * column names): kept in messages, as are column names the issues name.
 */
const MESSAGE_WORDS = new Set([
  'date_order', 'YMD', 'MDY', 'DMY', 'decimal', ',', '.', 'fx', 'stages', 'labels', 'aliases', 'currency', 'timezone', 'locale', 'parked',
  'Account Name', 'Opportunity Name', 'Opportunity ID', 'Record ID', 'Deal Stage', 'Last Modified', 'From Stage', 'To Stage', 'Associated Company IDs (Primary)',
  'Deal - ID', 'Deal - Organization', 'Organization - Name', 'Deal - Organization ID', 'Organization - ID', 'Deal - Update time', 'Deal - Status', 'Deal - Stage',
]);

/** How to add a salt (the refusal's second half), to `file` (the data folder's pipeline.config.json, or `--config`'s file). */
const redactHowTo = (file: string | undefined) =>
  `add "redaction": { "salt": "<at least 16 random characters>" } to ${file ?? "the data folder's pipeline.config.json"} ` +
  '(for instance the output of: node -e "console.log(crypto.randomBytes(16).toString(\'hex\'))") and keep that file out of what you share';

export interface RedactOptions {
  /** Round amounts to this band (config currency); overrides config `redaction.amount_band`; null = no rounding. */
  amountBand?: number | null | undefined;
  /** The config file as messages name it when it is `--config`'s (default: the data folder's pipeline.config.json). */
  configName?: string | undefined;
}

/** The settings `--redact` runs with: the config's salt (a ConfigError without one) and the amount band. */
export function redactionSettings(config: Config, options: RedactOptions = {}): { salt: string; amountBand: number | null; prefixes: Record<RedactedKind, string> } {
  const salt = config.redaction?.salt;
  if (salt === undefined) {
    const file = options.configName ?? 'pipeline.config.json';
    throw new ConfigError('redaction_salt_missing', `${file}: redaction.salt: --redact needs a secret salt, so that nobody can recompute a pseudonym from a name they know: ${redactHowTo(options.configName)}`);
  }
  const amountBand = options.amountBand !== undefined ? options.amountBand : (config.redaction?.amount_band ?? null);
  return { salt, amountBand, prefixes: PSEUDONYM_PREFIXES[uiLocale(config.locale)] };
}

/** An amount rounded to the nearest multiple of `band`, and at least one band when positive; null stays null. */
export function roundToBand(amount: number | null, band: number | null): number | null {
  if (amount === null || band === null || amount === 0) return amount;
  const rounded = Math.round(amount / band) * band;
  return rounded === 0 ? Math.sign(amount) * band : rounded;
}

/** The pseudonym table of a dataset (for tests and for redacting the config). */
export function pseudonymsOf(dataset: Dataset, salt: string, prefixes: Record<RedactedKind, string> = PSEUDONYM_PREFIXES.en): Pseudonyms {
  const p = new Pseudonyms(salt, prefixes);
  for (const d of dataset.deals) {
    p.add('deal_id', d.id);
    p.add('deal_name', d.name);
    p.add('account_id', d.accountId);
    p.add('account_name', d.accountName);
    p.add('owner', d.owner);
    p.add('team', d.team);
    p.add('keyman', d.keyman);
    p.add('competitor', d.competitor);
  }
  for (const a of dataset.accounts ?? []) {
    p.add('account_id', a.accountId);
    p.add('account_name', a.accountName);
    p.add('keyman', a.keyman);
    p.add('competitor', a.installedCompetitor);
  }
  for (const t of dataset.targets ?? []) {
    p.add('owner', t.owner);
    p.add('team', t.team);
  }
  return p.seal();
}

/** The column an issue names, as the kind of value it holds. */
const COLUMN_KINDS: Record<string, RedactedKind> = Object.assign(Object.create(null) as Record<string, RedactedKind>, {
  deal_id: 'deal_id',
  deal_name: 'deal_name',
  account_id: 'account_id',
  account_name: 'account_name',
  owner: 'owner',
  team: 'team',
  keyman: 'keyman',
  competitor: 'competitor',
  installed_competitor: 'competitor',
});

const QUOTED = /"(?:[^"\\]|\\.)*"/gu;

/**
 * The redacted copy of a dataset (see the file comment). Pure apart from
 * hashing: the same dataset, salt and band always give the same result.
 * Throws ConfigError when the config has no `redaction.salt`.
 */
export function redactDataset(dataset: Dataset, config: Config, options: RedactOptions = {}): Dataset {
  const { salt, amountBand, prefixes } = redactionSettings(config, options);
  const names = pseudonymsOf(dataset, salt, prefixes);
  const scrubber = new Scrubber(names.entries());
  const text = (s: string) => scrubber.scrub(s);
  const amount = (x: number | null) => roundToBand(x, amountBand);

  const deals = dataset.deals.map(
    (d): Deal => ({
      ...d,
      id: names.of('deal_id', d.id),
      name: names.of('deal_name', d.name),
      accountId: names.of('account_id', d.accountId),
      accountName: names.of('account_name', d.accountName),
      owner: names.of('owner', d.owner),
      team: names.of('team', d.team),
      keyman: names.of('keyman', d.keyman),
      competitor: names.of('competitor', d.competitor),
      product: text(d.product),
      lostReason: text(d.lostReason),
      winReason: text(d.winReason),
      source: text(d.source),
      purchaseType: text(d.purchaseType),
      amount: amount(d.amount),
      cost: amount(d.cost),
    }),
  );
  const accounts =
    dataset.accounts?.map(
      (a): Account => ({
        ...a,
        accountId: names.of('account_id', a.accountId),
        accountName: names.of('account_name', a.accountName),
        keyman: names.of('keyman', a.keyman),
        installedCompetitor: names.of('competitor', a.installedCompetitor),
        industry: text(a.industry),
        segment: text(a.segment),
        region: text(a.region),
        notes: '',
      }),
    ) ?? null;
  const targets = dataset.targets?.map((t): Target => ({ ...t, owner: names.of('owner', t.owner), team: names.of('team', t.team) })) ?? null;
  const fieldHistory =
    dataset.fieldHistory?.map((c): FieldChange => (c.field === 'amount' ? { ...c, oldValue: amount(c.oldValue as number | null), newValue: amount(c.newValue as number | null) } : { ...c })) ?? null;

  const kept = keptWords(dataset, config);
  const issues = dataset.issues.map((i): Issue => ({ ...i, message: redactMessage(i, names, scrubber, kept) }));

  return {
    source: { format: dataset.source.format, limitations: [...dataset.source.limitations] },
    deals,
    stageHistory: dataset.stageHistory,
    fieldHistory,
    accounts,
    targets,
    columns: dataset.columns,
    // The config holds the salt: its hash would let anyone who can guess the rest of the file test salts offline.
    fileHashes: Object.fromEntries(Object.entries(dataset.fileHashes).filter(([name]) => name !== CONFIG_FILE)),
    files: dataset.files,
    issues,
  };
}

/** Quoted words a message may keep: stages, column names, currency codes, Pipescope's own words. */
function keptWords(dataset: Dataset, config: Config): Set<string> {
  const kept = new Set(MESSAGE_WORDS);
  for (const s of config.stages) {
    kept.add(s.id);
    for (const label of [...Object.values(s.label), ...s.aliases]) kept.add(label);
  }
  for (const columns of Object.values(dataset.columns)) for (const c of columns) kept.add(c.toLowerCase());
  for (const issue of dataset.issues) if (issue.column !== '') kept.add(issue.column).add(issue.column.toLowerCase());
  for (const code of Intl.supportedValuesOf('currency')) kept.add(code);
  return kept;
}

/** An issue's message with its quoted cell values and any redacted value in it replaced. */
function redactMessage(issue: Issue, names: Pseudonyms, scrubber: Scrubber, kept: Set<string>): string {
  const kind = COLUMN_KINDS[issue.column.toLowerCase()];
  let out = '';
  let from = 0;
  for (const m of issue.message.matchAll(QUOTED)) {
    let value: string;
    try {
      value = JSON.parse(m[0]) as string;
    } catch {
      value = m[0].slice(1, -1);
    }
    const pseudonym = names.find(value, kind);
    const keep = pseudonym === undefined && (kept.has(value) || kept.has(value.toLowerCase()) || /<[^<>]+>/u.test(value));
    out += scrubber.scrub(issue.message.slice(from, m.index)) + (keep ? m[0] : JSON.stringify(pseudonym ?? REDACTED_VALUE));
    from = m.index + m[0].length;
  }
  return out + scrubber.scrub(issue.message.slice(from));
}

/**
 * The config the redacted build computes with: without the salt, and without
 * the `labels` of codes that are redacted values (a label could spell out a
 * competitor's name).
 */
export function redactConfig(config: Config, original: Dataset): Config {
  // No secret in the output, and no links to the CRM: the ids are pseudonyms, and the readers are not the CRM's users.
  const { redaction: _redaction, ...rest } = config;
  const codes = new Set(Object.keys(config.labels).map((code) => code.trim()));
  const drop = new Set<string>();
  const check = (v: string) => codes.has(v.trim()) && drop.add(v.trim());
  if (codes.size > 0) {
    for (const d of original.deals) [d.id, d.name, d.accountId, d.accountName, d.owner, d.team, d.keyman, d.competitor].forEach(check);
    for (const a of original.accounts ?? []) [a.accountId, a.accountName, a.keyman, a.installedCompetitor].forEach(check);
    for (const t of original.targets ?? []) [t.owner, t.team].forEach(check);
  }
  const labels = Object.create(null) as Config['labels'];
  for (const [code, text] of Object.entries(config.labels)) if (!drop.has(code.trim())) labels[code] = text;
  return { ...rest, labels, deal_url: null };
}

/** Redact a dataset and its config together, as the CLIs do with `--redact`. */
export function redact(dataset: Dataset, config: Config, options: RedactOptions = {}): { dataset: Dataset; config: Config; amountBand: number | null } {
  const { amountBand } = redactionSettings(config, options);
  return { dataset: redactDataset(dataset, config, options), config: redactConfig(config, dataset), amountBand };
}
