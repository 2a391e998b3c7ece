/**
 * pipeline.config.json mistakes a sales-ops lead makes when writing their
 * own config: each names the key, its line and column, the value written
 * and what to write instead; a key written twice is never read silently.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/lib/ingest/config.ts';
import { jsonLayout } from '../../src/lib/ingest/config-json-text.ts';
import { closest } from '../../src/lib/ingest/config-messages.ts';
import { configLine } from '../../src/lib/i18n/fatal-text-config.ts';

const CONFIG = `{
  "currency": "KRW",
  "timezone": "Asia/Seoul",
  "stages": [
    {"id": "awareness", "kind": "open", "probability": 0.05, "label": {"ko": "문제인식"}},
    {"id": "evaluate", "kind": "open", "probability": 0.5, "label": {"ko": "대안평가"}},
    {"id": "contract", "kind": "won", "label": {"ko": "계약"}},
    {"id": "fail", "kind": "lost", "label": {"ko": "실패"}}
  ],
  "stall_days": {"awareness": 20, "evaluate": 45},
  "products": {"CNC-5X": {"lifecycle_months": 60}},
  "fx": {"USD": 1380, "JPY": 9.2}
}
`;

const errorOf = (text: string) => {
  try {
    parseConfigText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

/** The config with `from` (which must be in it) replaced by `to`. */
const edit = (from: string, to: string) => {
  expect(CONFIG).toContain(from);
  return CONFIG.replace(from, to);
};

describe('pipeline.config.json mistakes', () => {
  it('reads the config as written', () => {
    const c = parseConfigText(CONFIG);
    expect(c.stages.map((s) => s.id)).toEqual(['awareness', 'evaluate', 'contract', 'fail']);
    expect(c.stall_days.evaluate).toBe(45);
  });

  it('refuses a key written twice in one object, naming both places, instead of keeping the last silently', () => {
    expect(errorOf(edit('"currency": "KRW",', '"currency": "KRW",\n  "currency": "USD",'))).toBe(
      'pipeline.config.json: currency at line 3 column 3: "currency" is written twice in the same object (first at line 2 column 3); keep one of them',
    );
    // A former stage name given as a second Korean label: the first would be lost, and its rows rejected.
    expect(errorOf(edit('"label": {"ko": "대안평가"}', '"label": {"ko": "대안평가", "ko": "제안검토"}'))).toBe(
      'pipeline.config.json: stages[1].label.ko at line 6 column 84: "ko" is written twice in the same object (first at line 6 column 70); keep one of them',
    );
  });

  it('names the line and column of a value the schema refuses, the value written and what to write', () => {
    expect(errorOf(edit('"kind": "won"', '"kind": "Won"'))).toBe('pipeline.config.json: stages[2].kind at line 7 column 32: "Won" is not one of "open", "won", "lost": write "won"');
    expect(errorOf(edit('"probability": 0.5,', '"probability": 50,'))).toBe(
      'pipeline.config.json: stages[1].probability at line 6 column 55: must be from 0 to 1, not 50: a probability is a fraction; write 0.5 for 50 %',
    );
    expect(errorOf(edit('"probability": 0.05', '"probability": "5%"'))).toBe(
      'pipeline.config.json: stages[0].probability at line 5 column 56: must be a number, not the text "5%": write 0.05 (without quotes)',
    );
    expect(errorOf(edit('"USD": 1380', '"USD": "1,380"'))).toBe('pipeline.config.json: fx.USD at line 12 column 17: must be a number, not the text "1,380": write 1380 (without quotes)');
    expect(errorOf(edit('{"lifecycle_months": 60}', '60'))).toBe('pipeline.config.json: products.CNC-5X at line 11 column 26: must be an object ({ ... }), not the number 60');
    // zod's own words would be "a int" and "Invalid input: expected ...": a whole number, and the values a missing key takes.
    expect(errorOf(edit('{"lifecycle_months": 60}', '{"lifecycle_months": 60.5}'))).toBe(
      'pipeline.config.json: products.CNC-5X.lifecycle_months at line 11 column 47: must be a whole number, not the number 60.5',
    );
    expect(errorOf(edit('"id": "awareness", "kind": "open",', '"id": "awareness",'))).toBe('pipeline.config.json: stages[0].kind at line 5 column 5: is missing: add one of "open", "won", "lost"');
    expect(configLine('pipeline.config.json: stages[0].kind at line 5 column 5: is missing: add one of "open", "won", "lost"')).toBe(
      'pipeline.config.json: stages[0].kind(5행 5열): 값이 없습니다. "open", "won", "lost" 중 하나를 추가하세요',
    );
    // JSON reads 1e309 as infinity: said so, not "the number null" (JSON.stringify's spelling of it).
    expect(errorOf(edit('"evaluate": 45}', '"evaluate": 1e309}'))).toBe(
      'pipeline.config.json: stall_days.evaluate at line 10 column 47: must be a finite number, not one too large to hold (beyond 1.8e308, read as infinity)',
    );
    expect(errorOf(edit('"JPY": 9.2', '"JPY": -1e400'))).toBe(
      'pipeline.config.json: fx.JPY at line 12 column 30: must be a finite number, not one too large to hold (beyond -1.8e308, read as infinity)',
    );
    expect(configLine('pipeline.config.json: stall_days.evaluate at line 10 column 47: must be a finite number, not one too large to hold (beyond 1.8e308, read as infinity)')).toBe(
      'pipeline.config.json: stall_days.evaluate(10행 47열): 유한한 숫자여야 합니다. 적힌 수가 너무 커서(1.8e308 초과) 무한대로 읽힙니다',
    );
    expect(configLine('pipeline.config.json: window_days at line 2 column 3: must be a whole number, not the number 1.5')).toBe('pipeline.config.json: window_days(2행 3열): 정수여야 합니다. 지금은 숫자 1.5입니다');
  });

  it('gives the code of a currency written in lower case or as its sign, in English and Korean', () => {
    const said = (currency: string) => errorOf(edit('"currency": "KRW"', `"currency": ${JSON.stringify(currency)}`));
    const line = (end: string) => `pipeline.config.json: currency at line 2 column 15: must be an ISO 4217 code such as "KRW", not ${end}`;
    expect(said('krw')).toBe(line('"krw": write "KRW"'));
    expect(said('₩')).toBe(line('"₩": write "KRW"'));
    expect(said('€')).toBe(line('"€": write "EUR"'));
    // 円 is the yen's alone (the yuan writes 元).
    expect(said('円')).toBe(line('"円": write "JPY"'));
    expect(said('¥')).toBe(line('"¥": write "JPY" for the yen or "CNY" for the yuan'));
    expect(said('$')).toBe(line('"$": write the dollar\'s code, such as "USD"'));
    // No code to give: "won" in capitals is none.
    for (const currency of ['won', 'KR', 'Korean won']) expect(said(currency)).toBe(line(JSON.stringify(currency)));
    expect(configLine(said('krw'))).toBe('pipeline.config.json: currency(2행 15열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "krw"). "KRW"로 적으세요');
    expect(configLine(said('¥'))).toBe('pipeline.config.json: currency(2행 15열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "¥"). 엔화는 "JPY", 위안화는 "CNY"로 적으세요');
    expect(configLine(said('$'))).toBe('pipeline.config.json: currency(2행 15열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "$"). 달러는 "USD" 같은 통화 코드로 적으세요');
    expect(configLine(said('won'))).toBe('pipeline.config.json: currency(2행 15열): "KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 "won")');
  });

  it('suggests the key or time zone a typo meant', () => {
    expect(errorOf(edit('"stall_days"', '"stall_day"'))).toMatch(
      /^pipeline\.config\.json: stall_day at line 10 column 3: unknown key "stall_day": did you mean "stall_days"\? the keys here are "currency", "timezone", .*"redaction" \(docs\/input\.md lists them\)$/u,
    );
    expect(errorOf(edit('"probability": 0.5,', '"probabilty": 0.5,'))).toMatch(
      /^pipeline\.config\.json: stages\[1\]\.probabilty at line 6 column 40: unknown key "probabilty": did you mean "probability"\? the keys here are "id", "kind", "probability", "parked", "label", "buyer_step"/u,
    );
    expect(errorOf(edit('Asia/Seoul', 'Asia/Soeul'))).toBe(
      'pipeline.config.json: timezone at line 3 column 15: must be an IANA time zone such as "Asia/Seoul" or "UTC", not "Asia/Soeul": did you mean "Asia/Seoul"?',
    );
    expect(errorOf(edit('Asia/Seoul', 'KST'))).toBe(
      'pipeline.config.json: timezone at line 3 column 15: must be an IANA time zone such as "Asia/Seoul" or "UTC", not "KST": an abbreviation is not a zone; write the zone, such as "Asia/Seoul" for KST',
    );
    expect(errorOf(edit('"awareness": 20', '"문제인식": 20'))).toBe(
      'pipeline.config.json: stall_days.문제인식 at line 10 column 18: "문제인식" is not an open stage id (awareness, evaluate): it is a label of "awareness"; write "awareness"',
    );
  });

  it('reads what a CRM or a person would write: a stage kind in CRM words, a label as plain text, a city for its time zone', () => {
    expect(errorOf(edit('"kind": "lost"', '"kind": "Closed Lost"'))).toBe('pipeline.config.json: stages[3].kind at line 8 column 28: "Closed Lost" is not one of "open", "won", "lost": write "lost"');
    expect(errorOf(edit('"kind": "won"', '"kind": "closed_won"'))).toMatch(/"closed_won" is not one of "open", "won", "lost": write "won"$/u);
    expect(errorOf(edit('"kind": "won"', '"kind": "parked"'))).toMatch(/"parked" is not one of "open", "won", "lost": an on-hold stage is "kind": "open" with "parked": true$/u);
    expect(errorOf(edit('"label": {"ko": "계약"}', '"label": "계약"'))).toBe(
      'pipeline.config.json: stages[2].label at line 7 column 48: must be an object of text per language, not the text "계약": write {"ko": "계약"}',
    );
    expect(errorOf(edit('Asia/Seoul', 'Seoul'))).toMatch(/not "Seoul": did you mean "Asia\/Seoul"\?$/u);
    expect(errorOf(edit('Asia/Seoul', 'new york'))).toMatch(/not "new york": did you mean "America\/New_York"\?$/u);
  });

  it('says what a JSON syntax slip is: a comma after the last item, typographic quotes, a full-width character', () => {
    expect(errorOf(edit('"JPY": 9.2}', '"JPY": 9.2,}'))).toBe(
      'pipeline.config.json: not valid JSON: Expected double-quoted property name in JSON at position 498 (line 12 column 34): JSON allows no comma after the last item; remove the comma before this "}"',
    );
    expect(errorOf(edit('"label": {"ko": "실패"}}', '"label": {"ko": "실패"}},'))).toBe(
      'pipeline.config.json: not valid JSON: unexpected "]" at line 9 column 3: JSON allows no comma after the last item; remove the comma before this "]"',
    );
    expect(errorOf(edit('"currency": "KRW"', '“currency”: “KRW”'))).toMatch(/\(line 2 column 3\): typographic quotes \(“ ” ‘ ’\) are not JSON quotes; write straight double quotes/u);
    expect(errorOf(edit('"currency": "KRW"', '"currency"： "KRW"'))).toMatch(/\(line 2 column 13\): "：" is a full-width character \(typed in a Korean or Japanese input mode\); write ":"$/u);
  });
});

describe('jsonLayout', () => {
  it('locates keys and values through arrays and nested objects, and the nearest enclosing value of a path the text lacks', () => {
    const layout = jsonLayout('{\r\n "a": [1, {"b": true}],\r\n "c": {}\r\n}');
    expect(layout.positionOf(['a', 1, 'b'])).toEqual({ line: 2, column: 17 });
    expect(layout.positionOf(['a', 1, 'b'], true)).toEqual({ line: 2, column: 12 });
    expect(layout.positionOf(['c', 'missing'])).toEqual({ line: 3, column: 7 });
    expect(layout.duplicates).toEqual([]);
  });

  it('finds a duplicate key in an array item, with the item index in its path', () => {
    expect(jsonLayout('[{"x": 1, "y": 2, "x": "\\"x\\""}]').duplicates).toEqual([{ path: [0], key: 'x', first: { line: 1, column: 3 }, again: { line: 1, column: 19 } }]);
  });
});

describe('closest', () => {
  it('takes the one candidate a few letters away, and none when two are as close or none is near', () => {
    expect(closest('stall_day', ['stall_days', 'window_days'])).toBe('stall_days');
    expect(closest('WON', ['open', 'won', 'lost'])).toBe('won');
    expect(closest('ab', ['ac', 'ad'])).toBeUndefined();
    expect(closest('closed_lost', ['open', 'won', 'lost'])).toBeUndefined();
  });
});
