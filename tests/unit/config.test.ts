import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../../src/lib/ingest/config-json-schema.ts';
import { ConfigError, defaultConfig, parseConfig, parseConfigText } from '../../src/lib/ingest/config.ts';
import { normalizeStageName, stageLookup } from '../../src/lib/ingest/stage-names.ts';
import { fatalText } from '../../src/lib/i18n/fatal-text.ts';

const errorOf = (raw: unknown) => {
  try {
    parseConfig(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('pipeline.config.json', () => {
  it('has the defaults of input.md', () => {
    const c = defaultConfig();
    expect(c.currency).toBe('KRW');
    expect(c.timezone).toBe('UTC');
    expect(c.window_days).toBe(365);
    expect(c.waterfall_days).toBe(30);
    expect(c.stages.map((s) => `${s.id}:${s.kind}:${s.probability}`)).toEqual([
      'prospect:open:0.1',
      'qualify:open:0.25',
      'propose:open:0.5',
      'negotiate:open:0.75',
      'won:won:1',
      'lost:lost:0',
    ]);
    expect(c.openStages.map((s) => s.openIndex)).toEqual([0, 1, 2, 3]);
    expect(c.products).toEqual({ 'EXAMPLE-PRODUCT': { lifecycle_months: 36 } });
  });

  it('replaces a key whole (no deep merge) and defaults probability by kind', () => {
    const c = parseConfig({ stages: [{ id: 'a', kind: 'open' }, { id: 'w', kind: 'won' }, { id: 'l', kind: 'lost' }], qualification_required_from: 'a' });
    expect(c.stages.map((s) => s.probability)).toEqual([0, 1, 0]);
    expect(c.stages).toHaveLength(3);
  });

  it('matches stages by id or any label, ignoring case and whitespace', () => {
    const lookup = stageLookup(defaultConfig());
    expect(lookup.get('가망고객')?.id).toBe('prospect');
    expect(lookup.get('negotiation')?.id).toBe('negotiate');
    expect(lookup.get('qualify')?.id).toBe('qualify');
  });

  it('reads a stage name with zero-width characters or fullwidth letters as the stage it shows', () => {
    const lookup = stageLookup(defaultConfig());
    const find = (cell: string) => lookup.get(normalizeStageName(cell))?.id;
    expect(find('prospect\u200b')).toBe('prospect');
    expect(find('Pro\u00adspect')).toBe('prospect');
    expect(find('ｎｅｇｏｔｉａｔｉｏｎ')).toBe('negotiate');
    expect(find('가망\u200b\u3000고객')).toBe('prospect');
    // Letters that differ are still another stage.
    expect(find('prospekt')).toBeUndefined();
  });

  it('names the key and the problem', () => {
    expect(errorOf({ window_days: -3 })).toMatchInlineSnapshot(`"pipeline.config.json: window_days: must be more than 0, not -3"`);
    expect(errorOf({ timezone: 'Mars/Olympus' })).toMatchInlineSnapshot(
      `"pipeline.config.json: timezone: must be an IANA time zone such as "Asia/Seoul" or "UTC", not "Mars/Olympus""`,
    );
    expect(errorOf({ stages: [{ id: 'a', kind: 'open' }, { id: 'b', kind: 'open' }] })).toMatchInlineSnapshot(`
      "pipeline.config.json: stages: needs exactly one stage of kind "won" (has 0)
      pipeline.config.json: stages: needs at least one stage of kind "lost""
    `);
    expect(errorOf({ stall_days: { won: 3 } })).toMatchInlineSnapshot(
      `"pipeline.config.json: stall_days.won: "won" is not an open stage id (prospect, qualify, propose, negotiate)"`,
    );
    expect(errorOf({ fx: { usd: 1350 } })).toMatchInlineSnapshot(`"pipeline.config.json: fx.usd: key must be an ISO 4217 code such as "KRW""`);
    expect(errorOf({ stages: [{ id: 'x', kind: 'maybe' }] })).toContain('stages[0].kind');
    expect(errorOf({ colour: 'blue' })).toMatchInlineSnapshot(`"pipeline.config.json: colour: unknown key "colour": the keys here are "currency", "timezone", "locale", "window_days", "waterfall_days", "stages", "date_order", "decimal", "qualification_required_from", "stall_days", "products", "fx", "labels", "deal_url", "redaction" (docs/input.md lists them)"`);
  });

  it('takes a deal_url with https:// and {deal_id}, and says what a wrong one lacks, in English and Korean', () => {
    expect(defaultConfig().deal_url).toBeNull();
    expect(parseConfig({ deal_url: 'https://acme.lightning.force.com/lightning/r/Opportunity/{deal_id}/view' }).deal_url).toBe('https://acme.lightning.force.com/lightning/r/Opportunity/{deal_id}/view');
    const wrong = (url: string) => {
      try {
        parseConfig({ deal_url: url });
      } catch (e) {
        return [(e as ConfigError).message, fatalText(e as ConfigError, 'ko')];
      }
      return null;
    };
    expect(wrong('app.hubspot.com/contacts/1234567/record/0-3/{deal_id}')).toEqual([
      'pipeline.config.json: deal_url: must be a web address starting with https:// and without spaces, such as "https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}"',
      'pipeline.config.json: deal_url: https://로 시작하고 공백이 없는 웹 주소여야 합니다(예: "https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}")',
    ]);
    expect(wrong('https://acme.pipedrive.com/deal/')).toEqual([
      'pipeline.config.json: deal_url: must say where the deal\'s id goes with {deal_id}, such as "https://yourcompany.pipedrive.com/deal/{deal_id}"',
      'pipeline.config.json: deal_url: 딜 ID가 들어갈 자리를 {deal_id}로 적어야 합니다(예: "https://yourcompany.pipedrive.com/deal/{deal_id}")',
    ]);
    expect(wrong('javascript:alert(1)//{deal_id}')?.[0]).toContain('must be a web address starting with https://');
  });

  it('refuses two stages sharing a name once case and spaces are ignored: a cell naming it would go to the first', () => {
    const stages = [
      { id: 'a', kind: 'open', label: { en: 'Same' } },
      { id: 'b', kind: 'open', label: { en: 'same', ko: '같은 단계' } },
      { id: 'A c', kind: 'open' },
      { id: 'ac', kind: 'open' },
      { id: 'w', kind: 'won', label: { en: 'B' } },
      { id: 'l', kind: 'lost', label: { ko: '같은단계' } },
    ];
    expect(errorOf({ stages })).toMatchInlineSnapshot(`
      "pipeline.config.json: stages[1].label.en: "same" of stage "b" and "Same" of stage "a" are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own
      pipeline.config.json: stages[3].id: "ac" of stage "ac" and "A c" of stage "A c" are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own
      pipeline.config.json: stages[4].label.en: "B" of stage "w" and "b" of stage "b" are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own
      pipeline.config.json: stages[5].label.ko: "같은단계" of stage "l" and "같은 단계" of stage "b" are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own"
    `);
    // One stage may repeat its own names (its id as its English label, the same label in two languages).
    const own = parseConfig({ stages: [{ id: 'open', kind: 'open', label: { en: 'Open', ko: 'open' } }, { id: 'won', kind: 'won', label: { en: 'WON' } }, { id: 'lost', kind: 'lost' }] });
    expect(own.stages.map((s) => s.id)).toEqual(['open', 'won', 'lost']);
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(() => parseConfigText('{ "currency": ')).toThrow(/^pipeline\.config\.json: not valid JSON/);
  });

  it('says where a JSON syntax error is, and what people most often write there', () => {
    const errorOf = (text: string) => {
      try {
        parseConfigText(text);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('parsed');
    };
    expect(errorOf('')).toBe('pipeline.config.json: the file is empty; write a JSON object such as {"currency": "KRW"}, or delete the file to use the defaults');
    expect(errorOf('\ufeff \n')).toContain('the file is empty');
    // JSON.parse gives no position for these: found outside strings (the "/" inside the label is not it).
    expect(errorOf('{\n  "currency": "KRW/x",\n  "locale": // why\n "ko"}')).toBe('pipeline.config.json: not valid JSON: unexpected "/" at line 3 column 13: JSON has no comments; remove them');
    expect(errorOf("{\r\n  \"currency\": \"it's\",\r\n  \"locale\": 'ko'\n}")).toBe('pipeline.config.json: not valid JSON: unexpected "\'" at line 3 column 13: JSON strings take double quotes (")');
    // Where it does give one, its message stands, with the same hint.
    expect(errorOf('{\n  "currency": "KRW", /* note */\n}')).toMatch(/\(line 2 column 22\): JSON has no comments; remove them$/);
    expect(errorOf('{\n  "labels": {"a/b": {"en": "x"}}, // why\n}')).toMatch(/\(line 2 column 35\): JSON has no comments; remove them$/);
    expect(errorOf('{"currency": "KRW",}')).toMatch(/\(line 1 column 20\): JSON allows no comma after the last item; remove the comma before this "}"$/);
  });

  it('publishes a JSON Schema generated from the zod schema (run `npm run config-schema` after changing it)', () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')).toBe(configJsonSchema());
  });
});
