/**
 * redactDataset in-process: pseudonyms are stable, salted, unique per kind
 * and keep every join, so the metrics do not change; messages and free text
 * keep no original value; amounts round to a band only when asked.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { type Config, ConfigError, parseConfig } from '../../../src/lib/ingest/config.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { isSearchable, PSEUDONYM_HEX_DIGITS, Pseudonyms, Scrubber } from '../../../src/lib/ingest/pseudonyms.ts';
import { pseudonymsOf, redact, redactConfig, redactDataset, roundToBand } from '../../../src/lib/ingest/redact.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { utf8 } from './helpers.ts';

const SALT = 'test-salt-0123456789abcdef';
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const withSalt = (config: Config, salt = SALT, extra: { amount_band?: number } = {}): Config => ({ ...config, redaction: { salt, ...extra } });

let read: Promise<{ dataset: Dataset; config: Config }> | undefined;
/** data/sample with a salt, read once (redaction never changes its input). */
async function sample(): Promise<{ dataset: Dataset; config: Config }> {
  read ??= readFolder(join(FIXTURES, '../../data/sample'));
  const { dataset, config } = await read;
  return { dataset, config: withSalt(config) };
}

/** Every identifying value of a dataset, by field. */
function identifying(d: Dataset): string[] {
  return [
    ...d.deals.flatMap((x) => [x.id, x.name, x.accountId, x.accountName, x.owner, x.team, x.keyman, x.competitor]),
    ...(d.accounts ?? []).flatMap((a) => [a.accountId, a.accountName, a.keyman, a.installedCompetitor, a.notes]),
    ...(d.targets ?? []).flatMap((t) => [t.owner, t.team]),
  ].filter((v) => v !== '');
}

describe('redactDataset', () => {
  it('replaces every name and id by a readable pseudonym, the same for the same value', async () => {
    const { dataset, config } = await sample();
    const r = redactDataset(dataset, config);
    expect(r.deals).toHaveLength(dataset.deals.length);
    const original = new Set(identifying(dataset));
    for (const v of identifying(r)) expect(original.has(v)).toBe(false);
    // The sample's config is Korean: Korean labels, ASCII ids.
    const hex = `[0-9a-f]{${PSEUDONYM_HEX_DIGITS},}`;
    const shapes = [
      ['id', `^deal-${hex}$`],
      ['name', `^딜 ${hex}$`],
      ['accountId', `^acct-${hex}$`],
      ['accountName', `^고객사 ${hex}$`],
      ['owner', `^담당자 ${hex}$`],
      ['team', `^팀 ${hex}$`],
      ['keyman', `^(키맨 ${hex})?$`],
      ['competitor', `^(경쟁사 ${hex})?$`],
    ] as const;
    for (const [field, shape] of shapes) expect(r.deals.filter((d) => !new RegExp(shape, 'u').test(d[field])).map((d) => d[field])).toEqual([]);
    expect(r.accounts!.every((a) => a.notes === '')).toBe(true);
    // The same value, the same pseudonym; different values, different ones (per field, a bijection).
    for (const field of ['id', 'name', 'accountId', 'accountName', 'owner', 'team', 'keyman', 'competitor'] as const) {
      const pairs = new Set(dataset.deals.map((d, i) => `${d[field]}\u0000${r.deals[i]![field]}`));
      const before = new Set(dataset.deals.map((d) => d[field]));
      const after = new Set(r.deals.map((d) => d[field]));
      expect([pairs.size, after.size]).toEqual([before.size, before.size]);
    }
    // Joins are kept: deals to accounts, installed competitors to deal competitors, target owners to deal owners.
    const accountIds = new Set(r.accounts!.map((a) => a.accountId));
    const joined = dataset.deals.filter((d) => dataset.accounts!.some((a) => a.accountId === d.accountId)).length;
    expect(r.deals.filter((d) => accountIds.has(d.accountId)).length).toBe(joined);
    const competitors = new Set(r.deals.map((d) => d.competitor));
    expect(r.accounts!.filter((a) => a.installedCompetitor !== '' && competitors.has(a.installedCompetitor)).length).toBe(
      dataset.accounts!.filter((a) => a.installedCompetitor !== '' && dataset.deals.some((d) => d.competitor === a.installedCompetitor)).length,
    );
  });

  it('is deterministic, and another salt gives other pseudonyms', async () => {
    const { dataset, config } = await sample();
    const a = redactDataset(dataset, config);
    const b = redactDataset(dataset, config);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = redactDataset(dataset, withSalt(config, 'another-salt-for-the-test'));
    dataset.deals.forEach((_, i) => {
      expect(c.deals[i]!.id).not.toBe(a.deals[i]!.id);
      expect(c.deals[i]!.accountName).not.toBe(a.deals[i]!.accountName);
      expect(c.deals[i]!.owner).not.toBe(a.deals[i]!.owner);
    });
  });

  it('is an HMAC-SHA-256 of the kind and the value with the salt, so it cannot be recomputed without the salt', () => {
    const p = new Pseudonyms(SALT, { deal_id: 'deal-', deal_name: 'Deal ', account_id: 'acct-', account_name: 'Account ', owner: 'Owner ', team: 'Team ', keyman: 'Keyman ', competitor: 'Competitor ' });
    p.add('account_name', 'Acme Corp');
    p.add('owner', 'Acme Corp');
    p.seal();
    const hex = createHmac('sha256', SALT).update('account_name\u0000Acme Corp').digest('hex');
    expect(p.of('account_name', 'Acme Corp')).toBe(`Account ${hex.slice(0, 6)}`);
    // The same text as another kind is another pseudonym: kinds are not linkable.
    expect(p.of('owner', 'Acme Corp').slice(6)).not.toBe(hex.slice(0, 6));
    expect(p.of('owner', '')).toBe('');
  });

  it('lengthens the pseudonyms whose first six hex digits collide, so two values never share one', () => {
    const p = new Pseudonyms(SALT, { deal_id: 'deal-', deal_name: 'Deal ', account_id: 'acct-', account_name: 'Account ', owner: 'Owner ', team: 'Team ', keyman: 'Keyman ', competitor: 'Competitor ' });
    // 30,000 values in 2^24 six-digit pseudonyms: about 27 colliding pairs expected.
    const values = Array.from({ length: 30_000 }, (_, i) => `D-${i}`);
    for (const v of values) p.add('deal_id', v);
    p.seal();
    const out = values.map((v) => p.of('deal_id', v));
    expect(new Set(out).size).toBe(values.length);
    const longer = out.filter((x) => x.length > 'deal-'.length + 6);
    expect(longer.length).toBeGreaterThan(0);
    expect(longer.length).toBeLessThan(200);
  });

  it('refuses without a salt, saying how to add one', async () => {
    const { dataset, config } = await sample();
    const { redaction: _, ...noSalt } = config;
    expect(() => redactDataset(dataset, noSalt)).toThrow(ConfigError);
    expect(() => redactDataset(dataset, noSalt)).toThrow(/redaction.*"salt"/u);
  });

  it('the config accepts a salt of 16 characters or more and a positive amount band', () => {
    expect(parseConfig({ redaction: { salt: 'x'.repeat(16), amount_band: 1000 } }).redaction).toEqual({ salt: 'x'.repeat(16), amount_band: 1000 });
    expect(() => parseConfig({ redaction: { salt: 'short' } })).toThrow(/redaction\.salt: must be a secret of at least 16 characters/u);
    expect(() => parseConfig({ redaction: { salt: 'x'.repeat(16), amount_band: 0 } })).toThrow(/redaction\.amount_band/u);
    expect(() => parseConfig({ redaction: { salt: 'x'.repeat(16), band: 5 } })).toThrow(/redaction/u);
  });

  it('leaves the metrics unchanged: every number equal, with each name read as its pseudonym', async () => {
    const { dataset, config } = await sample();
    const asOf = '2026-06-30';
    const plain = computeMetrics(dataset, config, asOf);
    // The one intended difference: no hash of the config, which holds the salt.
    const { 'pipeline.config.json': configHash, ...inputs } = plain.generated_from;
    expect(configHash).toMatch(/^[0-9a-f]{64}$/u);
    plain.generated_from = inputs;
    const { dataset: rd, config: rc } = redact(dataset, config);
    const redacted = computeMetrics(rd, rc, asOf);
    const names = pseudonymsOf(dataset, SALT, { deal_id: 'deal-', deal_name: '딜 ', account_id: 'acct-', account_name: '고객사 ', owner: '담당자 ', team: '팀 ', keyman: '키맨 ', competitor: '경쟁사 ' });
    const table = new Map(names.entries());
    const redactedIssues = new Map(dataset.issues.map((iss, i) => [iss.message, rd.issues[i]!.message]));
    // Translate the plain metrics: names to pseudonyms, issue messages to their redacted text.
    const translate = (v: unknown): unknown => {
      if (typeof v === 'string') return table.get(v) ?? redactedIssues.get(v) ?? v;
      if (Array.isArray(v)) return v.map(translate).map((x) => JSON.stringify(x)).sort();
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [table.get(k) ?? k, translate(x)]));
      return v;
    };
    const canonical = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(canonical).map((x) => JSON.stringify(x)).sort();
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
      return v;
    };
    expect(JSON.stringify(canonical(redacted))).toBe(JSON.stringify(translate(plain)));
    const numbers = (v: unknown, out: number[] = []): number[] => {
      if (typeof v === 'number') out.push(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
      return out;
    };
    expect(numbers(redacted).sort((a, b) => a - b)).toEqual(numbers(plain).sort((a, b) => a - b));
  });
});

describe('every field is decided', () => {
  // A new text field on Deal, Account or Target (a "next step", a description) must be added to
  // redact.ts and here: otherwise it would reach a redacted build as written.
  const decided = {
    deal: {
      redacted: ['id', 'name', 'accountId', 'accountName', 'owner', 'team', 'keyman', 'competitor'],
      scrubbed: ['product', 'lostReason', 'winReason', 'source', 'purchaseType'],
      codes: ['currency', 'expectedCloseAt', 'forecastCategory'],
    },
    account: { redacted: ['accountId', 'accountName', 'keyman', 'installedCompetitor', 'notes'], scrubbed: ['industry', 'segment', 'region'], codes: ['relationship'] },
    target: { redacted: ['owner', 'team'], scrubbed: [], codes: ['period'] },
  };
  const textFields = (rows: object[]) => [...new Set(rows.flatMap((r) => Object.entries(r).filter(([, v]) => typeof v === 'string').map(([k]) => k)))].sort();
  const all = (d: { redacted: string[]; scrubbed: string[]; codes: string[] }) => [...d.redacted, ...d.scrubbed, ...d.codes].sort();

  it('the text fields of deals, accounts and targets are the ones redact.ts knows', async () => {
    const { dataset, config } = await sample();
    expect(textFields(dataset.deals)).toEqual(all(decided.deal));
    expect(textFields(dataset.accounts!)).toEqual(all(decided.account));
    expect(textFields(dataset.targets!)).toEqual(all(decided.target));
    const r = redactDataset(dataset, config);
    const changed = (before: object[], after: object[], field: string) =>
      before.some((b, i) => (b as Record<string, string>)[field] !== '' && (b as Record<string, string>)[field] === (after[i] as Record<string, string>)[field]);
    for (const f of decided.deal.redacted) expect(changed(dataset.deals, r.deals, f), f).toBe(false);
    for (const f of decided.account.redacted) expect(changed(dataset.accounts!, r.accounts!, f), f).toBe(false);
    for (const f of decided.target.redacted) expect(changed(dataset.targets!, r.targets!, f), f).toBe(false);
  });
});

describe('redacted text', () => {
  it('data-quality messages keep no quoted cell value: a redacted value becomes its pseudonym, anything else "…"', async () => {
    const { dataset, config } = await readFolder(join(FIXTURES, 'rejected-rows', 'data'));
    const r = redactDataset(dataset, withSalt(config));
    const messages = r.issues.map((i) => i.message);
    expect(messages).toHaveLength(dataset.issues.length);
    for (const original of ['"D1"', '"D42"', '"D9"', '"Discovery"', '"Closing"', '"2025-13-45"', '"2025-02-30"']) {
      expect(messages.join('\n')).not.toContain(original);
    }
    expect(messages).toContain(`deal_id "${r.deals[0]!.id}" already appears on line 2; this later row is rejected`);
    expect(messages).toContain('stage "…" is not a configured stage id or label (prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주")); add it to "stages" in pipeline.config.json or, if it is another name of a configured stage (its name before a rename), to that stage\'s "aliases"');
    expect(messages).toContain('created_at "…" has month 13, not 1-12');
    // The Korean pages still translate them.
    const unknown = r.issues.find((i) => i.code === 'unknown_stage')!;
    expect(issueMessage(unknown, 'ko')).toMatch(/^stage "…"는 설정된 단계 ID나 이름이 아닙니다/u);
  });

  it('keeps stage names, column names and the config words Pipescope quotes', () => {
    const config = withSalt(parseConfig({}));
    const files = {
      'deals.csv': utf8('deal_id,account_id,owner,amount,created_at,stage,expected_close_at\nD-1,A-1,Dana Whitfield,10,2025-01-01,prospect,2025-03-04\n'),
      'stage_history.csv': utf8('deal_id,stage,entered_at\nD-1,prospect,2025-01-01\n'),
    };
    const { dataset } = loadDataset(files);
    expect(dataset.deals).toHaveLength(1);
    const message = (text: string, column = '') => redactDataset({ ...dataset, issues: [{ file: 'deals.csv', line: 2, column, code: 'x', severity: 'warning', message: text }] }, config).issues[0]!.message;
    expect(message('expected_close_at "03/04/2025" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json', 'expected_close_at')).toBe(
      'expected_close_at "…" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json',
    );
    expect(message('closed_at is empty for a deal in closed stage "won" that has no stage_history rows')).toContain('"won"');
    expect(message('amount "USD 5" is in USD, not "KRW"')).toBe('amount "…" is in USD, not "KRW"');
    expect(message('"Deal - Value" is empty; it counts as 0', 'Deal - Value')).toBe('"Deal - Value" is empty; it counts as 0');
    // A name outside quotes is replaced too; a long quoted value (cut with "…" by ingest) is never kept.
    expect(message('owner Dana Whitfield has no team; "Dana Whitfield" again; "Dana Whitfield and a very long tail of text …"')).toMatch(/^owner Owner [0-9a-f]{6} has no team; "Owner [0-9a-f]{6}" again; "…"$/u);
  });

  it('scrubs names out of the other text from the data, whole words only for ASCII names', () => {
    const s = new Scrubber([
      ['Fanuc', 'Competitor aaaaaa'],
      ['영진테크', '고객사 bbbbbb'],
      ['Kim', 'Owner cccccc'],
    ]);
    expect(s.scrub('Lost to Fanuc on price')).toBe('Lost to Competitor aaaaaa on price');
    expect(s.scrub('Fanucs')).toBe('Fanucs');
    expect(s.scrub('영진테크의 2공장')).toBe('고객사 bbbbbb의 2공장');
    // Too short to search for inside text (3 ASCII characters).
    expect(s.scrub('Kim')).toBe('Kim');
    expect(isSearchable('Kim')).toBe(false);
    expect(isSearchable('임재현')).toBe(true);
  });

  it('drops the salt and the labels of redacted codes from the config', async () => {
    const { dataset, config } = await sample();
    const competitor = dataset.deals.find((d) => d.competitor !== '')!.competitor;
    const labelled: Config = { ...config, labels: Object.assign(Object.create(null), { [competitor]: { en: competitor }, price: { en: 'Price' } }) };
    const rc = redactConfig(labelled, dataset);
    expect(rc).not.toHaveProperty('redaction');
    expect(Object.keys(rc.labels)).toEqual(['price']);
    expect(JSON.stringify(rc)).not.toContain(SALT);
  });
});

describe('amount bands', () => {
  it('round to the nearest multiple, at least one band when positive', () => {
    expect(roundToBand(608_900_000, 100_000_000)).toBe(600_000_000);
    expect(roundToBand(650_000_000, 100_000_000)).toBe(700_000_000);
    expect(roundToBand(4_000_000, 100_000_000)).toBe(100_000_000);
    expect(roundToBand(0, 100)).toBe(0);
    expect(roundToBand(null, 100)).toBe(null);
    expect(roundToBand(1234, null)).toBe(1234);
  });

  it('apply to deal amounts, costs and amount changes only with a band', async () => {
    const { dataset, config } = await sample();
    const band = 10_000_000;
    const none = redactDataset(dataset, config);
    expect(none.deals.map((d) => d.amount)).toEqual(dataset.deals.map((d) => d.amount));
    for (const r of [redactDataset(dataset, config, { amountBand: band }), redactDataset(dataset, withSalt(config, SALT, { amount_band: band }))]) {
      for (const d of r.deals) {
        if (d.amount !== null) expect(d.amount % band).toBe(0);
        if (d.cost !== null) expect(d.cost % band).toBe(0);
      }
      for (const c of r.fieldHistory!) if (c.field === 'amount' && c.newValue !== null) expect((c.newValue as number) % band).toBe(0);
    }
    // The command line's band wins over the config's; null turns it off.
    expect(redactDataset(dataset, withSalt(config, SALT, { amount_band: band }), { amountBand: null }).deals.map((d) => d.amount)).toEqual(dataset.deals.map((d) => d.amount));
  });
});
