/**
 * Words, not codes: config `labels`, humanised codes, and data-quality
 * messages translated by their stable code (English kept for a code or
 * wording without a translation).
 */
import { describe, expect, it } from 'vitest';
import { codeLabel, codeLabels, humanizeCode, isCode } from '../../../src/lib/i18n/index.ts';
import { hasTranslation, issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { ConfigError, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { rowContext } from '../../../src/lib/ingest/schema.ts';
import { Invalid, parseInstant, parseMoney } from '../../../src/lib/ingest/values.ts';

describe('codes in words', () => {
  it('humanises snake_case and single lower-case words, and leaves other text as written', () => {
    expect(humanizeCode('after_sales')).toBe('After sales');
    expect(humanizeCode('no_budget')).toBe('No budget');
    expect(humanizeCode('price')).toBe('Price');
    expect(humanizeCode('  competitor_relationship ')).toBe('Competitor relationship');
    expect(humanizeCode('CLOSED_LOST')).toBe('Closed lost');
    for (const text of ['Price too high', '가격', 'Hanwha Precision', 'CNC-5X', 'ABB', '(unspecified)', 'e-mail']) {
      expect(isCode(text), text).toBe(false);
      expect(humanizeCode(text)).toBe(text);
    }
  });

  it('a label in the page language, else English, else any; else the humanised code', () => {
    const labels = codeLabels({ after_sales: { en: 'After-sales service', ko: '사후 서비스' }, delivery: { ko: '납기' }, brand: { de: 'Marke' } });
    expect(codeLabel(labels, 'after_sales', 'ko')).toBe('사후 서비스');
    expect(codeLabel(labels, ' after_sales ', 'en')).toBe('After-sales service');
    expect(codeLabel(labels, 'delivery', 'en')).toBe('납기');
    expect(codeLabel(labels, 'brand', 'ko')).toBe('Marke');
    expect(codeLabel(labels, 'timing', 'ko')).toBe('Timing');
    // Codes that are Object.prototype's names are just codes.
    expect(codeLabel(labels, 'constructor', 'en')).toBe('Constructor');
    expect(codeLabel(labels, '__proto__', 'en')).toBe('__proto__');
  });

  it('pipeline.config.json `labels`: validated, defaulting to none, never on Object.prototype', () => {
    expect(defaultConfig().labels).toEqual({});
    const config = parseConfig({ labels: { price: { en: 'Price', ko: '가격' } } });
    expect(config.labels['price']).toEqual({ en: 'Price', ko: '가격' });
    expect(Object.getPrototypeOf(config.labels)).toBeNull();
    expect(() => parseConfig({ labels: { price: { english: 'Price' } } })).toThrow(/labels\.price\.english: key must be a language code/);
    expect(() => parseConfig({ labels: { price: { en: ' ' } } })).toThrow(/labels\.price\.en: must be a non-empty text/);
    expect(() => parseConfig({ labels: { ' ': { en: 'x' } } })).toThrow(ConfigError);
    expect(() => parseConfig(JSON.parse('{"labels": {"__proto__": {"en": "x"}}}'))).toThrow(/labels\.__proto__: "__proto__" is not allowed/);
  });
});

describe('data-quality messages in Korean', () => {
  it('translates every issue the fixtures and the sample raise, with its parameters', async () => {
    const issues = [];
    for (const folder of ['tests/fixtures/rejected-rows/data', 'tests/fixtures/ingest-all-files', 'data/sample']) {
      issues.push(...(await readFolder(folder)).dataset.issues);
    }
    expect(issues.length).toBeGreaterThan(10);
    const untranslated = issues.filter((i) => !hasTranslation(i, 'ko')).map((i) => `${i.code}: ${i.message}`);
    expect(untranslated).toEqual([]);
    for (const i of issues) {
      const ko = issueMessage(i, 'ko');
      expect(ko, i.message).toMatch(/[가-힣]/);
      expect(ko).not.toMatch(/undefined/);
      expect(issueMessage(i, 'en')).toBe(i.message);
    }
  });

  it('examples, with the values and lines of the English message', () => {
    const say = (code: string, message: string) => issueMessage({ code, message }, 'ko');
    expect(say('invalid_date', 'expected_close_at "2026-13-01" has month 13, not 1-12')).toBe('expected_close_at "2026-13-01": 13월은 없습니다(1~12월)');
    expect(say('unknown_stage', 'stage "보류" is not a configured stage id or label (prospect, qualify, propose, negotiate, won, lost)')).toBe(
      'stage "보류"는 설정된 단계 ID나 이름이 아닙니다(prospect, qualify, propose, negotiate, won, lost)',
    );
    expect(say('negative_number', 'amount "-45000000" is negative; only 0 or more is allowed')).toBe('amount "-45000000"은 음수입니다. 0 이상만 허용됩니다');
    expect(say('stage_mismatch', 'stage is "negotiate" but the latest stage_history row (line 5767) is "propose"; the history wins')).toBe(
      'stage는 "negotiate"이지만 마지막 stage_history 행(5767행)은 "propose"입니다. 이력을 따릅니다',
    );
    expect(say('duplicate_id', 'deal_id "D1" already appears on line 2; this later row is rejected')).toBe('deal_id "D1"이 이미 2행에 있어 뒤의 이 행을 제외했습니다');
  });

  it("says the date hints in Korean, as dates.ts words them (Excel serial numbers, 12-hour times)", () => {
    const ko = (cell: string) => {
      const why = parseInstant(cell, rowContext(defaultConfig()).dates);
      if (!(why instanceof Invalid)) throw new Error(`${cell} was read`);
      return issueMessage({ code: why.code, message: `created_at ${why.reason}` }, 'ko');
    };
    expect(ko('45123')).toBe(
      'created_at "45123"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD or YYYY.MM.DD). Excel이 날짜를 일련번호로 저장한 것으로 보입니다(45123 → 2023-07-16). CSV로 저장하기 전에 열 서식을 날짜(yyyy-mm-dd)로 지정하세요',
    );
    expect(ko('2025-03-04 오후 2:05')).toBe(
      'created_at "2025-03-04 오후 2:05": 시간을 읽을 수 없습니다(형식: HH:mm[:ss][Z|±HH:MM]). 시간은 24시간제로 적으세요(오후 2:05나 2:05 PM은 14:05)',
    );
    // Without the hints, the plain wordings.
    expect(ko('next week')).toMatch(/는 날짜가 아닙니다\(형식: [^)]+\)$/);
    expect(ko('2025-03-04T10')).toMatch(/: 시간을 읽을 수 없습니다\(형식: HH:mm\[:ss\]\[Z\|±HH:MM\]\)$/);
  });

  it('says the Korean-units hint in Korean, as values.ts words it', () => {
    const why = parseMoney('3,500만원', { decimal: '.' });
    if (!(why instanceof Invalid)) throw new Error('read');
    expect(issueMessage({ code: why.code, message: `amount ${why.reason}` }, 'ko')).toBe(
      'amount "3,500만원"은 숫자가 아닙니다(만·억 같은 단위는 읽지 않습니다. 금액을 35000000처럼 단위 없이 모두 적으세요)',
    );
  });

  it('says a repeated header in Korean', () => {
    expect(issueMessage({ code: 'repeated_header', message: 'line 102 repeats the header of line 1 (were two files joined into one?); it is not a row' }, 'ko')).toBe(
      '102행은 1행의 머리글을 되풀이합니다(두 파일을 하나로 합쳤나요?). 행으로 읽지 않았습니다',
    );
  });

  it('keeps the English message for a code or a wording it does not know', () => {
    expect(issueMessage({ code: 'some_new_code', message: 'something new happened' }, 'ko')).toBe('something new happened');
    expect(issueMessage({ code: 'invalid_date', message: 'a wording from a later version' }, 'ko')).toBe('a wording from a later version');
    expect(issueMessage({ code: 'constructor', message: 'x' }, 'ko')).toBe('x');
  });
});
