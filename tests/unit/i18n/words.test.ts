/**
 * Words, not codes: config `labels`, humanised codes, and data-quality
 * messages translated by their stable code (English kept for a code or
 * wording without a translation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLabel, codeLabels, humanizeCode, isCode } from '../../../src/lib/i18n/index.ts';
import { hasTranslation, issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { ConfigError, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { fieldCountMessage, problemMessage, truncatedMessage } from '../../../src/lib/ingest/csv-messages.ts';
import { decodeBytes } from '../../../src/lib/ingest/decode.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { rowContext } from '../../../src/lib/ingest/schema.ts';
import { Invalid, parseBoolean, parseInstant, parsePeriod } from '../../../src/lib/ingest/values.ts';
import { parseMoney } from '../../../src/lib/ingest/money.ts';
import { exportFile, load, quotedCsv } from '../ingest/export-helpers.ts';

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
    // Every vendor export case (read as the fixture runner reads it) and every bad input that is read at all.
    for (const name of readdirSync('tests/fixtures/exports')) {
      const spec = JSON.parse(readFileSync(join('tests/fixtures/exports', name, 'case.json'), 'utf8')) as { format?: string; pipeline?: string };
      issues.push(...(await readFolder(join('tests/fixtures/exports', name, 'data'), { format: spec.format, pipeline: spec.pipeline })).dataset.issues);
    }
    for (const name of readdirSync('tests/fixtures/bad')) {
      const folder = join('tests/fixtures/bad', name, 'data');
      if (!existsSync(folder)) continue;
      try {
        issues.push(...(await readFolder(folder)).dataset.issues);
      } catch (e) {
        if (!(e instanceof IngestFatalError)) throw e;
      }
    }
    expect(issues.length).toBeGreaterThan(200);
    // The kinds of message this covers, among them the CSV reader's, the encodings' and the adapters'.
    for (const code of ['field_count', 'malformed_csv', 'quote_text', 'mixed_encoding', 'invalid_encoding', 'no_company', 'report_footer', 'deal_removed', 'deleted_record']) {
      expect(issues.some((i) => i.code === code), code).toBe(true);
    }
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
    expect(say('unknown_stage', 'stage "보류" is not a configured stage id or label (prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주"))')).toBe(
      'stage "보류"는 설정된 단계 ID나 이름이 아닙니다(prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주"))',
    );
    expect(say('negative_number', 'amount "-45000000" is negative; only 0 or more is allowed')).toBe('amount "-45000000"은 음수입니다. 0 이상만 허용됩니다');
    // Messages in the export's terms (vendor/assemble.ts) and the warnings of the 2026-12 fixes.
    const examples: [code: string, en: string, ko: string][] = [
      ['stage_mismatch', '"Deal Stage" is "qualified_to_buy" but the latest stage entry (deals-export.csv line 4) is "appointment_scheduled"; the history wins', '"Deal Stage"는 "qualified_to_buy"이지만 마지막 단계 기록(deals-export.csv 4행)은 "appointment_scheduled"입니다. 이력을 따릅니다'],
      ['unknown_deal', '"Opportunity ID" "006X" belongs to a rejected row (opps.csv line 3)', '"Opportunity ID" "006X"는 제외된 행(opps.csv 3행)의 딜입니다'],
      ['unknown_deal', '"Opportunity ID" "006Y" is not among the export\'s deals', '"Opportunity ID" "006Y"는 내보내기의 딜 가운데 없습니다'],
      ['synthesized_history', 'no stage entries in the export; the history is made from "Create Date", "Deal Stage" and "Close Date"', '내보내기에 단계 기록이 없어 이력을 "Create Date", "Deal Stage", "Close Date" 열에서 만들었습니다'],
      ['report_footer', 'line 40 ("Grand Totals (37 records)") is the report\'s footer, not opportunities; skipped', '40행("Grand Totals (37 records)")은 보고서의 꼬리말이며 딜이 아니어서 건너뛰었습니다'],
      ['rounded_id', 'account_id "2.34E+11": the id is a rounded number, as Excel writes long numeric ids, so ids that differed in the lost digits look the same: export the file again without opening it in Excel', 'account_id "2.34E+11": 이 ID는 Excel이 긴 숫자 ID를 쓰는 방식대로 반올림된 숫자여서, 잘린 자릿수만 달랐던 ID들이 같아 보입니다. 파일을 Excel에서 열지 말고 CRM에서 다시 내보내세요'],
      ['close_on_open_stage', 'closed_at is set but stage "propose" is open: closed_at is not used (an open deal has no close; an expected close date belongs in expected_close_at)', 'stage "propose"는 진행 중 단계인데 closed_at에 값이 있습니다. 이 값은 쓰지 않습니다(진행 중인 딜에는 마감일이 없습니다. 예상 마감일은 expected_close_at에 적으세요)'],
      ['close_on_open_stage', 'closed_at is set but stage "plan" is open: closed_at is not used (an open deal has no close; an expected close date belongs in expected_close_at)', 'stage "plan"은 진행 중 단계인데 closed_at에 값이 있습니다. 이 값은 쓰지 않습니다(진행 중인 딜에는 마감일이 없습니다. 예상 마감일은 expected_close_at에 적으세요)'],
      ['history_before_create', "created_at is after the deal's first stage_history row (entered 2024-12-02 09:30 in Asia/Seoul): the deal counts as created then, the earlier of the two", 'created_at이 이 딜의 첫 stage_history 행(Asia/Seoul 기준 2024-12-02 09:30 진입)보다 늦습니다. 둘 중 이른 그 시점에 생성된 딜로 봅니다'],
      ['ambiguous_amount', 'amount "12.000" is read as 12 (a decimal point); if the dot separates thousands (12000), set "decimal": "," in pipeline.config.json', 'amount "12.000"은 소수점으로 읽어 12입니다. 점이 천 단위 구분 기호라면(12000) pipeline.config.json의 "decimal"을 ","로 지정하세요'],
      ['ambiguous_amount', 'old_value "12.000" is read as 12 (a decimal point); if the dot separates thousands (12000), set "decimal": "," in pipeline.config.json', 'old_value "12.000"은 소수점으로 읽어 12입니다. 점이 천 단위 구분 기호라면(12000) pipeline.config.json의 "decimal"을 ","로 지정하세요'],
      ['ambiguous_amount', 'target_amount "12,000" is read as 12 (a decimal comma); if the comma separates thousands (12000), set "decimal": "." in pipeline.config.json', 'target_amount "12,000"은 쉼표를 소수점으로 읽어 12입니다. 쉼표가 천 단위 구분 기호라면(12000) pipeline.config.json의 "decimal"을 "."으로 지정하세요'],
      ['ambiguous_amount', '"Deal - Value" "12.000" is read as 12 (a decimal point); if the dot separates thousands (12000), set "decimal": "," in pipeline.config.json', '"Deal - Value" "12.000"은 소수점으로 읽어 12입니다. 점이 천 단위 구분 기호라면(12000) pipeline.config.json의 "decimal"을 ","로 지정하세요'],
    ];
    for (const [code, en, ko] of examples) expect(say(code, en), en).toBe(ko);
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
      'created_at "45123"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). Excel이 날짜를 일련번호로 저장한 것으로 보입니다(45123 → 2023-07-16). CSV로 저장하기 전에 열 서식을 날짜(yyyy-mm-dd)로 지정하세요',
    );
    expect(ko('2025-03-04 오후 2:05')).toBe(
      'created_at "2025-03-04 오후 2:05": 시간을 읽을 수 없습니다(형식: HH:mm[:ss][Z|±HH:MM]). 시간은 24시간제로 적으세요(오후 2:05나 2:05 PM은 14:05)',
    );
    expect(ko('2025년 3월 4일')).toBe(
      'created_at "2025년 3월 4일"은 날짜가 아닙니다(형식: YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM], YYYY/MM/DD 또는 YYYY.MM.DD). 한국어로 쓴 날짜로 보입니다. 2025-03-04처럼 적고, 시각은 24시간제로 2025-03-04 14:05처럼 덧붙이세요. Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요',
    );
    // Without the hints, the plain wordings.
    expect(ko('next week')).toMatch(/는 날짜가 아닙니다\(형식: [^)]+\)$/);
    expect(ko('2025-03-04T10')).toMatch(/: 시간을 읽을 수 없습니다\(형식: HH:mm\[:ss\]\[Z\|±HH:MM\]\)$/);
  });

  it('says an unknown stage that looks like a configured one in Korean, as schema.ts words it', () => {
    const why = rowContext(defaultConfig()).stage('협상중');
    if (!(why instanceof Invalid)) throw new Error('read');
    expect(issueMessage({ code: why.code, message: `stage ${why.reason}` }, 'ko')).toBe(
      'stage "협상중"은 설정된 단계 ID나 이름이 아닙니다(prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주")). negotiate("협상") 단계로 보입니다. 그 단계로 읽으려면 pipeline.config.json에서 그 단계의 "aliases"에 "협상중"을 추가하세요',
    );
  });

  it('says what to do about a stage name no stage has in Korean: add it to the stages, or to the aliases of the stage it was renamed from', () => {
    const why = rowContext(defaultConfig()).stage('정보탐색');
    if (!(why instanceof Invalid)) throw new Error('read');
    expect(why.reason).toBe(
      '"정보탐색" is not a configured stage id or label (prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주")); add it to "stages" in pipeline.config.json or, if it is another name of a configured stage (its name before a rename), to that stage\'s "aliases"',
    );
    expect(issueMessage({ code: why.code, message: `stage ${why.reason}` }, 'ko')).toBe(
      'stage "정보탐색"은 설정된 단계 ID나 이름이 아닙니다(prospect ("가망 고객"), qualify ("Qualification", "구매의사 확인·내부 검증"), propose ("Proposal", "제안"), negotiate ("Negotiation", "협상"), won ("수주"), lost ("실주")). pipeline.config.json의 "stages"에 추가하거나, 설정된 단계의 다른 이름(이름을 바꾸기 전의 이름 등)이면 그 단계의 "aliases"에 추가하세요',
    );
  });

  it('says the period hint in Korean, as values.ts words it', () => {
    const why = parsePeriod('2025년 3분기');
    if (!(why instanceof Invalid)) throw new Error('read');
    expect(issueMessage({ code: why.code, message: `period ${why.reason}` }, 'ko')).toBe('period "2025년 3분기"는 기간이 아닙니다(형식: YYYY-MM 또는 YYYY-Qn). 2025-Q3처럼 적으세요');
  });

  it('says the boolean messages in Korean, as values.ts words them', () => {
    const ko = (cell: string) => {
      const why = parseBoolean(cell);
      if (!(why instanceof Invalid)) throw new Error(`${cell} was read`);
      return issueMessage({ code: why.code, message: `budget_confirmed ${why.reason}` }, 'ko');
    };
    expect(ko('maybe')).toBe('budget_confirmed "maybe"는 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다');
    expect(ko('예')).toBe(
      'budget_confirmed "예"는 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다. 예(yes)로 보입니다. 예/아니오, はい/いいえ 같은 한국어·일본어 낱말이나 O/X 표시는 읽지 않으니 yes로 적으세요',
    );
    expect(ko('いいえ')).toBe(
      'budget_confirmed "いいえ"는 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다. 아니오(no)로 보입니다. 예/아니오, はい/いいえ 같은 한국어·일본어 낱말이나 O/X 표시는 읽지 않으니 no로 적으세요',
    );
    expect(ko('미확인')).toBe(
      'budget_confirmed "미확인"은 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다. 아니오(no)로 보입니다. 예/아니오, はい/いいえ 같은 한국어·일본어 낱말이나 O/X 표시는 읽지 않으니 no로 적으세요',
    );
  });

  it('says the Korean-units hint in Korean, as values.ts words it', () => {
    const why = parseMoney('3,500만원', { decimal: '.' });
    if (!(why instanceof Invalid)) throw new Error('read');
    expect(issueMessage({ code: why.code, message: `amount ${why.reason}` }, 'ko')).toBe(
      'amount "3,500만원"은 숫자가 아닙니다(만·억 같은 단위는 읽지 않습니다. 금액을 35000000처럼 단위 없이 모두 적으세요)',
    );
  });

  it('says a doubled currency symbol in Korean, as values.ts words it', () => {
    const ko = (cell: string) => {
      const why = parseMoney(cell, { decimal: '.' });
      if (!(why instanceof Invalid)) throw new Error(`${cell} was read`);
      return issueMessage({ code: why.code, message: `amount ${why.reason}` }, 'ko');
    };
    expect(ko('$$100')).toBe('amount "$$100"에 통화 기호가 숫자 앞에 두 개 이상 있습니다');
    expect(ko('100원원')).toBe('amount "100원원"에 통화 기호가 숫자 뒤에 두 개 이상 있습니다');
  });

  it("says the CSV reader's and the encodings' messages in Korean, as ingest words them", () => {
    const ko = (code: string, message: string) => issueMessage({ code, message }, 'ko');
    const names = ['deal_id', 'deal_name', 'stage'];
    const open = { kind: 'unclosed_quote' as const, openLine: 7, openColumn: 4, cell: 1, closeLine: 9 };
    expect(ko('malformed_csv', problemMessage({ ...open, reason: 'text_after' }, 7, 9, names))).toBe(
      '7~9행: 7행 4번째 글자에서 시작한 따옴표 셀(열 "deal_name")이 닫히지 않았습니다. 닫는 따옴표로 보이는 9행의 따옴표 뒤에 다른 글자가 있습니다. 3개 행을 제외했고, 그 뒤의 행은 그대로 읽었습니다. 따옴표를 닫거나, 따옴표 셀 안의 따옴표는 두 번("") 적으세요',
    );
    expect(ko('malformed_csv', problemMessage({ ...open, reason: 'long', cell: 5 }, 7, 7, names, false, { maxChars: 1000, maxCellLines: 50 }))).toBe(
      '7행: 7행 4번째 글자에서 시작한 따옴표 셀이 50줄 또는 1,000자 안에 닫히지 않았습니다. 1개 행을 제외했고, 그 뒤의 행은 그대로 읽었습니다. 따옴표를 닫거나, 따옴표 셀 안의 따옴표는 두 번("") 적으세요',
    );
    expect(ko('record_too_long', problemMessage({ kind: 'too_long', cell: 0 }, 12, 12, names))).toBe(
      '12행: 행이 한 행에 담을 수 있는 최대 길이(16,777,216자)보다 깁니다. 1개 행을 제외했습니다. CSV 내보내기 파일인지, 닫히지 않은 따옴표가 없는지 확인하세요',
    );
    expect(ko('field_count', fieldCountMessage(4, 4, 5, 3, ['x', 'y'], ';'))).toBe(
      '4행: 셀이 5개로 머리글의 3개보다 많습니다(남는 셀: "x", "y"). 세미콜론(;)이 들어 있는 셀은 "Rival; Inc"처럼 큰따옴표로 감싸야 합니다. 이 행은 제외했습니다',
    );
    expect(ko('truncated_row', truncatedMessage(4, 7, 18))).toBe(
      '4행: 파일이 이 행의 셀 7개(머리글은 18개)에서 줄바꿈 없이 끝납니다. 파일이 중간에 잘린 것으로 보이며(내려받기나 복사가 중단됨) 이 행의 마지막 셀도 잘렸을 수 있습니다. 이 행은 제외했습니다. 파일을 다시 내보내세요(행이 적힌 그대로 완전하다면 끝에 줄바꿈을 넣으세요)',
    );
    // A UTF-16 file (its byte-order mark says so) with a lone surrogate on line 2.
    const notice = decodeBytes(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x00, 0xd8, 0x62, 0, 0x0a, 0])).notice!;
    expect(ko(notice.code, notice.message)).toBe('파일이 올바른 UTF-16 LE 인코딩이 아닙니다(처음 나온 곳: 2행). 읽을 수 없는 바이트는 U+FFFD로 바꾸었습니다');
    expect(ko('mixed_encoding', 'lines 3, 4 and 9 are not UTF-8 and were read as CP949; the rest is UTF-8. Re-export the file as UTF-8 to be sure')).toBe(
      '3, 4, 9행은 UTF-8이 아니어서 CP949로 읽었습니다(나머지는 UTF-8). 확실하게 하려면 파일을 UTF-8로 다시 내보내세요',
    );
  });

  // Wordings as the adapters write them, for messages no test input of theirs raises.
  it.each([
    ['missing_id', '"Record ID" is empty, so the row cannot be told apart from other deals; row rejected', '"Record ID" 값이 비어 있어 이 행을 다른 딜과 구별할 수 없습니다. 이 행은 제외했습니다'],
    ['missing_stage', '"Deal - Stage" is empty for open deal "41", so it cannot be placed in the pipeline; row rejected', '진행 중 딜 "41"의 "Deal - Stage" 값이 비어 있어 파이프라인에 넣을 수 없습니다. 이 행은 제외했습니다'],
    ['missing_stage', '"To Stage" is empty; row skipped', '"To Stage" 값이 비어 있어 이 행을 건너뛰었습니다'],
    ['missing_opportunity', 'the row names no opportunity; row skipped', '어느 딜의 행인지 적혀 있지 않아 이 행을 건너뛰었습니다'],
    ['deleted_record', 'belongs to opportunity 006B, which is deleted; not used', '삭제된 딜 006B의 행이어서 쓰지 않았습니다'],
    ['account_stand_in', '3 opportunities have no "Account Name"; each one\'s name stands in for its account', '딜 3건에 "Account Name" 값이 없어 딜마다 딜 이름을 고객사 이름으로 대신 씁니다'],
    ['unknown_account', '2 AccountId value(s) are not in Account.csv and have no name: 001X, 001Y', 'AccountId 값 2개가 Account.csv에 없어 이름이 없습니다: 001X, 001Y'],
    ['undated_stage', 'no date says when the deal entered its stage "Proposal Made"; it is taken as entered at 2025-06-09', '딜이 현재 단계 "Proposal Made"에 들어간 날짜가 없어 2025-06-09에 들어간 것으로 봅니다'],
    ['no_company', '12 deals have no organization (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ... (12 in all)): each stands for its own account "deal-<Deal - ID>"', '딜 12건에 조직(organization)이 없습니다(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ...행(모두 12개 행)). 딜마다 자체 고객사 "deal-<Deal - ID>"로 봅니다'],
    ['invalid_date', '"Last Modified" is empty; the row cannot be placed in the history and is skipped', '"Last Modified" 값이 비어 있습니다. 이 행은 이력에 넣을 수 없어 건너뛰었습니다'],
    ['invalid_date', '"Last Modified" "13/45/2025" has month 13, not 1-12; the row cannot be placed in the history and is skipped', '"Last Modified" "13/45/2025": 13월은 없습니다(1~12월). 이 행은 이력에 넣을 수 없어 건너뛰었습니다'],
    ['invalid_date', '"Deal - Won time" "2025-02-30" has day 30, which 2025-02 does not have; it is not used', '"Deal - Won time" "2025-02-30": 2025년 2월에는 30일이 없습니다. 이 값은 쓰지 않았습니다'],
    ['invalid_number', '"Amount" "12k" is not a number; this export\'s value is not used in the history', '"Amount" "12k"는 숫자가 아닙니다. 이 내보내기의 값은 이력에 쓰지 않았습니다'],
    ['no_history', "no OpportunityHistory.csv: only each deal's current stage is known (export OpportunityHistory for conversion, time in stage and past replays)", 'OpportunityHistory.csv가 없어 딜마다 현재 단계만 알 수 있습니다(전환율, 단계별 체류 기간, 과거 시점의 재현을 보려면 OpportunityHistory를 내보내세요)'],
    ['no_pipelines', 'Salesforce reports have no pipelines; --pipeline "Sales" is ignored (filter the report instead)', 'Salesforce 보고서에는 파이프라인이 없어 --pipeline "Sales" 옵션을 무시했습니다(보고서에서 필터하세요)'],
    ['unordered_history', 'opportunity "Acme - Renewal": the 2 rows of 6/3/2025 (lines 14, 15) do not link up "From Stage" -> "To Stage", so their order that day is unknown; kept in file order', '딜 "Acme - Renewal": 6/3/2025의 행 2개(14, 15행)가 "From Stage" → "To Stage"로 이어지지 않아 그날의 순서를 알 수 없습니다. 파일 순서대로 두었습니다'],
  ])("says the adapters' %s message in Korean", (code, english, korean) => {
    expect(issueMessage({ code, message: english }, 'ko')).toBe(korean);
  });

  it("says in Korean a value of an export's row that the canonical readers reject, under the export's column label", () => {
    // A HubSpot export opened and saved again in Excel, as users send it: each problem is a canonical row problem
    // that vendor/assemble.ts words with the HubSpot column in front ("Amount" "12k" is not a number).
    const entered = 'Date entered "Contract Sent (Sales Pipeline)"';
    const header = ['Record ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company IDs (Primary)', entered];
    const row = (id: string, cells: Partial<Record<string, string>>) =>
      header.map((h) => cells[h] ?? { 'Record ID': id, 'Deal Name': `Deal ${id}`, Pipeline: 'Sales Pipeline', 'Deal Stage': 'Contract Sent', Amount: '1000', 'Close Date': '2025-07-31', 'Create Date': '2025-05-02 09:00', 'Deal owner': 'Dana Whitfield', 'Associated Company IDs (Primary)': '9001', [entered]: '2025-05-02 09:00' }[h]!);
    const text = quotedCsv([
      header,
      row('1', { Amount: '12k' }),
      row('2', { 'Close Date': '7/15/2025' }),
      row('3', { 'Deal owner': '' }),
      row('4', { 'Create Date': '2025-13-01' }),
      row('5', { Amount: '-5' }),
      row('6', { [entered]: '2025-02-30' }),
    ]);
    const stages = [
      { id: 'contract', kind: 'open', label: { en: 'Contract Sent' } },
      { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
      { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
    ];
    const { issues } = load([exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', text)], { currency: 'USD', stages });
    expect(issues.map((i) => [i.line, i.column, issueMessage(i, 'ko')])).toEqual([
      [2, 'Amount', '"Amount" "12k"는 숫자가 아닙니다'],
      [3, 'Close Date', '"Close Date" "7/15/2025"는 월이 먼저 오는 형식(MM/DD/YYYY)입니다. pipeline.config.json의 "date_order"를 "MDY"로 지정하세요'],
      [4, 'Deal owner', '"Deal owner" 값이 비어 있습니다(필수 항목)'],
      [5, 'Create Date', '"Create Date" "2025-13-01": 13월은 없습니다(1~12월)'],
      [6, 'Amount', '"Amount" "-5"는 음수입니다. 0 이상만 허용됩니다'],
      [7, entered, `"${entered}" "2025-02-30": 2025년 2월에는 30일이 없습니다. 그 단계 기록은 쓰지 않았습니다`],
      [7, 'Deal Stage', '내보내기에 단계 기록이 없어 이력을 "Create Date", "Deal Stage", "Close Date" 열에서 만들었습니다'],
    ]);
    // The English stays as ingest wrote it.
    expect(issueMessage(issues[0]!, 'en')).toBe('"Amount" "12k" is not a number');
  });

  it("keeps an adapter's message in English when no rule says the reason in it", () => {
    const unknown = '"Amount" "12k" is something new; it is not used';
    expect(issueMessage({ code: 'invalid_number', message: unknown }, 'ko')).toBe(unknown);
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
