/**
 * pipeline.config.json: the zod schema with the defaults of input.md, and
 * friendly errors that name the key and the problem.
 */
import { DEAL_ID } from '../deal-url.ts';
import { z } from 'zod';
import { isValidTimeZone } from '../time.ts';
import type { Config, ConfigFields, Stage } from '../config.ts';
import { normalizeStageName } from './stage-names.ts';
import { MAX_LIFECYCLE_MONTHS } from './dates.ts';
import { jsonLayout, jsonSyntaxMessage, type JsonLayout } from './config-json-text.ts';

export { jsonSyntaxMessage };
import { configIssueLines, duplicateKeyLines, protoKeyLine, type ConfigKeys } from './config-messages.ts';
import type { FatalCode } from './fatal-codes.ts';

/** The largest exchange rate accepted in `fx`. */
export const MAX_FX_RATE = 1e6;

/** Text per language code, in any languages (`{"de": "Angebot", "en": "Proposal"}`). */
const localized = z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en", "ko" or "de"'), z.string().trim().min(1, 'must be a non-empty text'));

const stageSchema = z.strictObject({
  id: z.string().trim().min(1, 'must be a non-empty string'),
  kind: z.enum(['open', 'won', 'lost']),
  probability: z.number().min(0).max(1).optional(),
  /** An open stage outside the sequence (Salesforce "On Hold"): open, but not a step of the funnel. */
  parked: z.boolean().optional(),
  label: localized.optional(),
  buyer_step: localized.optional(),
  /** Other names of the stage in the data (a name it had before it was renamed): read as the stage, never shown. */
  aliases: z.array(z.string().trim().min(1, 'must be a non-empty name')).optional(),
});

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "KRW"');

export const DEFAULT_STAGES = [
  { id: 'prospect', kind: 'open', probability: 0.1, label: { en: 'Prospect', ko: '가망 고객' }, buyer_step: { en: 'Need arises', ko: '구매 니즈 발생' } },
  { id: 'qualify', kind: 'open', probability: 0.25, label: { en: 'Qualification', ko: '구매의사 확인·내부 검증' }, buyer_step: { en: 'Requirements and solution search', ko: '요구사항 구체화·솔루션 탐색' } },
  { id: 'propose', kind: 'open', probability: 0.5, label: { en: 'Proposal', ko: '제안' }, buyer_step: { en: 'Request for quote', ko: '견적 요청' } },
  { id: 'negotiate', kind: 'open', probability: 0.75, label: { en: 'Negotiation', ko: '협상' }, buyer_step: { en: 'Comparison', ko: '비교 검토' } },
  { id: 'won', kind: 'won', probability: 1, label: { en: 'Won', ko: '수주' }, buyer_step: { en: 'Supplier selected', ko: '공급자 선정' } },
  { id: 'lost', kind: 'lost', probability: 0, label: { en: 'Lost', ko: '실주' } },
] as const satisfies z.input<typeof stageSchema>[];

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    currency: currencyCode.default('KRW'),
    timezone: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as "Asia/Seoul" or "UTC"')
      .default('UTC'),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en", "ko" or "de"')
      .default('en'),
    window_days: z.int().positive().default(365),
    waterfall_days: z.int().positive().default(30),
    stages: z
      .array(stageSchema)
      .min(2)
      .default(() => DEFAULT_STAGES.map((s) => ({ ...s })))
      .superRefine((stages, ctx) => {
        const ids = new Set<string>();
        stages.forEach((s, i) => {
          if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate stage id "${s.id}"` });
          ids.add(s.id);
        });
        // A cell names a stage by its id or any label, ignoring case and spaces: two stages must not share such a name.
        const owners = new Map<string, { stage: number; name: string }>();
        stages.forEach((s, i) => {
          const names: [string, (string | number)[]][] = [
            [s.id, [i, 'id']],
            ...Object.entries(s.label ?? {}).map(([lang, label]): [string, (string | number)[]] => [label, [i, 'label', lang]]),
            ...(s.aliases ?? []).map((alias, n): [string, (string | number)[]] => [alias, [i, 'aliases', n]]),
          ];
          for (const [name, path] of names) {
            const key = normalizeStageName(name);
            const first = owners.get(key);
            if (first === undefined) owners.set(key, { stage: i, name });
            else if (first.stage !== i) {
              const other = stages[first.stage]!;
              if (other.id === s.id) continue; // a duplicate id, said above
              ctx.addIssue({
                code: 'custom',
                path,
                message: `"${name}" of stage "${s.id}" and "${first.name}" of stage "${other.id}" are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own`,
              });
            }
          }
        });
        const won = stages.filter((s) => s.kind === 'won').length;
        if (won !== 1) ctx.addIssue({ code: 'custom', message: `needs exactly one stage of kind "won" (has ${won})` });
        if (!stages.some((s) => s.kind === 'lost')) ctx.addIssue({ code: 'custom', message: 'needs at least one stage of kind "lost"' });
        if (!stages.some((s) => s.kind === 'open' && s.parked !== true)) {
          ctx.addIssue({ code: 'custom', message: 'needs at least one stage of kind "open" that is not parked' });
        }
        stages.forEach((s, i) => {
          if (s.parked === true && s.kind !== 'open') {
            ctx.addIssue({ code: 'custom', path: [i, 'parked'], message: `only an open stage can be parked ("${s.id}" is ${s.kind})` });
          }
        });
      }),
    date_order: z.enum(['YMD', 'MDY', 'DMY']).default('YMD'),
    decimal: z.enum(['.', ',']).default('.'),
    // undefined = not given: input.md's default depends on the stages (see resolveConfig).
    qualification_required_from: z.string().nullable().optional(),
    stall_days: z.record(z.string(), z.number().positive()).default({}),
    products: z
      .record(z.string(), z.strictObject({ lifecycle_months: z.int().positive().max(MAX_LIFECYCLE_MONTHS) }))
      .default({ 'EXAMPLE-PRODUCT': { lifecycle_months: 36 } }),
    // Bounded so that amount x rate, summed over any number of deals, stays finite (see MAX_AMOUNT).
    fx: z.record(currencyCode, z.number().positive().max(MAX_FX_RATE)).default({}),
    /**
     * Pipescope extension: words for the codes the data holds (loss and win
     * reasons, sources, forecast categories, ...), per language. A code
     * without a label is shown humanised (`after_sales` -> "After sales").
     */
    labels: z.record(z.string().regex(/\S/, 'must be a non-empty code'), localized).default({}),
    /**
     * Pipescope extension: a deal's page in the CRM, `{deal_id}` where its id
     * goes; deal names on the pages link there.
     */
    deal_url: z
      .string()
      .regex(/^https?:\/\/[^\s/]+\/\S*$/u, 'must be a web address starting with https:// and without spaces, such as "https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}"')
      .refine((url) => url.includes(DEAL_ID), `must say where the deal's id goes with ${DEAL_ID}, such as "https://yourcompany.pipedrive.com/deal/${DEAL_ID}"`)
      .nullable()
      .default(null),
    /**
     * Pipescope extension: `--redact` (shareable builds with pseudonyms). `salt`
     * is a secret that keeps pseudonyms from being guessed by hashing known
     * names; `amount_band` rounds every deal amount to a multiple of it.
     */
    redaction: z
      .strictObject({
        salt: z.string().min(16, 'must be a secret of at least 16 characters, such as 32 random hex digits'),
        amount_band: z.number().positive().optional(),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    const openIds = c.stages.filter((s) => s.kind === 'open').map((s) => s.id);
    const sequenceIds = c.stages.filter((s) => s.kind === 'open' && s.parked !== true).map((s) => s.id);
    const from = c.qualification_required_from;
    if (typeof from === 'string' && !sequenceIds.includes(from)) {
      ctx.addIssue({
        code: 'custom',
        path: ['qualification_required_from'],
        message: `must be the id of an open stage that is not parked (${sequenceIds.join(', ')}) or null, not "${from}"`,
      });
    }
    for (const id of Object.keys(c.stall_days)) {
      if (!openIds.includes(id)) {
        // A stage's label written for its id ("문제인식" for "awareness"): say which id.
        const named = c.stages.find((s) => s.id !== id && [...Object.values(s.label ?? {}), ...(s.aliases ?? [])].some((l) => normalizeStageName(l) === normalizeStageName(id)));
        const fix = named?.kind === 'open' ? `: it is a label of "${named.id}"; write "${named.id}"` : '';
        ctx.addIssue({ code: 'custom', path: ['stall_days', id], message: `"${id}" is not an open stage id (${openIds.join(', ')})${fix}` });
      }
    }
  });

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;

export type { Config, ConfigFields, Stage, StageKind } from '../config.ts';

/** The schema's output is exactly the Config's own keys: a key added to one and not the other does not compile. */
type SchemaFields = Omit<ParsedConfig, 'stages' | '$schema' | 'qualification_required_from'>;
const schemaGivesConfigFields: [SchemaFields, ConfigFields] extends [ConfigFields, SchemaFields] ? true : never = true;
void schemaGivesConfigFields;

export class ConfigError extends Error {
  /** Which message this is (the command line says it in the user's language by it). */
  code: FatalCode;
  constructor(code: FatalCode, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.code = code;
  }
}

/** One line per problem: `pipeline.config.json: stages[2].kind: ...`, with its line and column when the text is known. */
export function formatConfigIssues(error: z.ZodError, file = 'pipeline.config.json', raw?: unknown, layout?: JsonLayout): string {
  return configIssueLines(error, raw, CONFIG_KEYS, file, layout);
}

const CONFIG_KEYS: ConfigKeys = {
  top: Object.keys(configSchema.shape),
  stage: Object.keys(stageSchema.shape),
  product: ['lifecycle_months'],
  redaction: ['salt', 'amount_band'],
};

/**
 * `__proto__` cannot be a name: JSON.parse keeps it as an own key, but any
 * plain object it is copied into takes it as the prototype instead, so the
 * setting would vanish silently. Refuse it, naming where it is.
 */
function protoKeyPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [...path, key];
    const found = protoKeyPath((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

/** Validate raw JSON (already parsed; `undefined` = no file) into a Config; throws ConfigError. */
export function parseConfig(raw: unknown, file = 'pipeline.config.json', layout?: JsonLayout): Config {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    const what = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    throw new ConfigError('config_not_object', `${file}: (top level): must be a JSON object ({ ... }), not ${what}`);
  }
  const proto = protoKeyPath(raw);
  if (proto) throw new ConfigError('config_proto_key', protoKeyLine(proto, file, layout));
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError('config_invalid', formatConfigIssues(result.error, file, raw, layout));
  return resolveConfig(result.data, raw !== undefined && Object.hasOwn(raw as object, 'currency'));
}

/** Parse config text; a JSON syntax error names the file too. */
export function parseConfigText(text: string, file = 'pipeline.config.json'): Config {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new ConfigError('config_empty', `${file}: the file is empty; write a JSON object such as {"currency": "KRW"}, or delete the file to use the defaults`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new ConfigError('config_not_json', `${file}: not valid JSON: ${jsonSyntaxMessage(json, (e as Error).message)}`);
  }
  const layout = jsonLayout(json);
  if (layout.duplicates.length > 0) throw new ConfigError('config_duplicate_key', duplicateKeyLines(layout, file));
  return parseConfig(raw, file, layout);
}

export function defaultConfig(): Config {
  return parseConfig(undefined);
}

/** A copy without a prototype: names from the config (stage ids, products, currencies) never hit Object.prototype. */
function nameTable<V>(record: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, record);
}

function resolveConfig(parsed: ParsedConfig, currencyGiven: boolean): Config {
  const { $schema: _schema, stages: rawStages, qualification_required_from: from, stall_days, products, fx, labels, ...rest } = parsed;
  let openIndex = 0;
  let seqIndex = 0;
  const stages: Stage[] = rawStages.map((s, index) => {
    const parked = s.kind === 'open' && s.parked === true;
    return {
      id: s.id,
      kind: s.kind,
      probability: s.probability ?? (s.kind === 'won' ? 1 : 0),
      parked,
      label: nameTable(s.label ?? {}),
      buyer_step: s.buyer_step ? nameTable(s.buyer_step) : null,
      aliases: s.aliases ?? [],
      index,
      openIndex: s.kind === 'open' ? openIndex++ : -1,
      seqIndex: s.kind === 'open' && !parked ? seqIndex++ : -1,
    };
  });
  const sequence = stages.filter((s) => s.seqIndex >= 0);
  return {
    ...rest,
    stall_days: nameTable(stall_days),
    products: nameTable(products),
    fx: nameTable(fx),
    labels: nameTable(Object.fromEntries(Object.entries(labels).map(([code, text]) => [code.trim(), nameTable(text)]))),
    stages,
    openStages: stages.filter((s) => s.kind === 'open'),
    sequence,
    wonStage: stages.find((s) => s.kind === 'won')!,
    // input.md: when not given, `propose` if an unparked open stage has exactly that id, else off.
    qualification_required_from: from === undefined ? (sequence.some((s) => s.id === 'propose') ? 'propose' : null) : from,
    currencyGiven,
  };
}
