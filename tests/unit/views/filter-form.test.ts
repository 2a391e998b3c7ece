import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { messages } from '../../../src/lib/i18n/index.ts';
import { NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { filterFormModel, filterSummary, invalidNotes, MAX_FILTER_OPTIONS } from '../../../src/lib/views/pages/filter-form.ts';

const meta = (owners: string[], sources: string[] = [], segments: string[] = [], industries: string[] = [], regions: string[] = []) => ({
  data: 'data/filter-data.ab12.json',
  owners,
  teams: ['영업1팀', '(unspecified)'],
  products: [],
  sources,
  segments,
  industries,
  regions,
  periods: ['2026-Q2', '2026-Q1', '2026', '2025'],
  closings: [] as string[],
});
/** A lead source's words, as the config's labels give them (pageContext's `label`). */
const sourceWords = (code: string) => (code === 'exhibition' ? 'Trade show' : code === '(unspecified)' ? '(unspecified)' : `${code[0]!.toUpperCase()}${code.slice(1)}`);

describe('the filter form', () => {
  it('lists each name with its words, the quarters and the years in words (2026년 in Korean)', () => {
    const model = filterFormModel(meta(['김민수', '이서연']), messages('ko'), createFormatter('ko', 'KRW'), sourceWords);
    expect(model.fields.map((f) => [f.key, f.label, f.options?.map((o) => o.label) ?? null])).toEqual([
      ['owner', messages('ko').filters.owner, ['김민수', '이서연']],
      ['team', messages('ko').filters.team, ['영업1팀', messages('ko').common.unspecified]],
      ['product', messages('ko').filters.product, []],
    ]);
    expect(model.fields[1]!.options!.map((o) => o.value)).toEqual(['영업1팀', '(unspecified)']);
    expect(model.periods[0]!.quarters.map((o) => o.value)).toEqual(['2026-Q2', '2026-Q1']);
    expect(model.periods[0]!.quarters[0]!.label).toBe(createFormatter('ko', 'KRW').period('2026-Q2'));
    expect(model.periods[0]!.quarters[0]!.label).not.toBe('2026-Q2');
    expect(model.periods[0]!.years).toEqual([
      { value: '2026', label: '2026년' },
      { value: '2025', label: '2025년' },
    ]);
  });

  it('has a lead source field only where some deal has a source, each source in the words the pages use', () => {
    expect(filterFormModel(meta([]), messages('en'), createFormatter('en', 'KRW'), sourceWords).fields.map((f) => f.key)).toEqual(['owner', 'team', 'product']);
    const model = filterFormModel(meta([], ['exhibition', 'inbound', '(unspecified)']), messages('en'), createFormatter('en', 'KRW'), sourceWords);
    expect(model.fields.at(-1)).toEqual({
      key: 'source',
      label: 'Lead source',
      options: [
        { value: 'exhibition', label: 'Trade show' },
        { value: 'inbound', label: 'Inbound' },
        { value: '(unspecified)', label: '(unspecified)' },
      ],
    });
    expect(filterSummary({ owner: null, team: null, product: null, source: 'exhibition', segment: null, industry: null, region: null, period: '2026', closing: null }, messages('en'), createFormatter('en', 'KRW'), sourceWords)).toBe('Lead source: Trade show\u00a0· Created in: 2026');
  });

  it('has a segment, an industry and a region field only where some deal’s account has one in accounts.csv', () => {
    const ko = messages('ko');
    const model = filterFormModel(meta([], [], ['대기업', '중소기업', '(unspecified)'], ['조선'], ['충남', '(unspecified)']), ko, createFormatter('ko', 'KRW'), sourceWords);
    expect(model.fields.map((f) => [f.key, f.label])).toEqual([
      ['owner', '담당자'],
      ['team', '팀'],
      ['product', '제품'],
      ['segment', '고객 세그먼트'],
      ['industry', '업종'],
      ['region', '지역'],
    ]);
    expect(model.fields[5]!.options!.map((o) => o.label)).toEqual(['충남', '(unspecified)']);
    expect(filterSummary({ ...NO_FILTER, region: '충남', period: '2026-Q1', closing: null }, ko, createFormatter('ko', 'KRW'), sourceWords)).toBe(
      `지역: 충남\u00a0· ${ko.filters.period}: ${createFormatter('ko', 'KRW').period('2026-Q1')}`,
    );
    expect(model.fields[3]!.options!.map((o) => o.label)).toEqual(['대기업', '중소기업', '(unspecified)']);
    expect(filterSummary({ owner: null, team: null, product: null, source: null, segment: '대기업', industry: '조선', region: null, period: null, closing: null }, ko, createFormatter('ko', 'KRW'), sourceWords)).toBe(
      '고객 세그먼트: 대기업\u00a0· 업종: 조선',
    );
    const en = filterFormModel(meta([], ['inbound'], [], ['exhibition']), messages('en'), createFormatter('en', 'KRW'), sourceWords);
    expect(en.fields.map((f) => f.key)).toEqual(['owner', 'team', 'product', 'source', 'industry']);
    // An industry's words as the config's labels give them, as the Win / loss page's table names it.
    expect(en.fields.at(-1)!.options).toEqual([{ value: 'exhibition', label: 'Trade show' }]);
  });

  it('lists the close periods after the creation periods, and none when no deal has a close date', () => {
    const en = createFormatter('en', 'KRW');
    expect(filterFormModel(meta([]), messages('en'), en, sourceWords).periods.map((p) => p.key)).toEqual(['period']);
    const model = filterFormModel({ ...meta([]), closings: ['2026-Q4', '2026-Q3', '2027', '2026'] }, messages('en'), en, sourceWords);
    expect(model.periods.map((p) => [p.key, p.label])).toEqual([
      ['period', 'Created in'],
      ['closing', 'Close date in'],
    ]);
    expect(model.periods[1]!.quarters).toEqual([
      { value: '2026-Q4', label: 'Q4 2026' },
      { value: '2026-Q3', label: 'Q3 2026' },
    ]);
    expect(model.periods[1]!.years.map((o) => o.value)).toEqual(['2027', '2026']);
    const ko = createFormatter('ko', 'KRW');
    expect(filterSummary({ ...NO_FILTER, owner: '강도윤', closing: '2026-Q3' }, messages('en'), en, sourceWords)).toBe('Owner: 강도윤\u00a0· Close date in: Q3 2026');
    expect(filterSummary({ ...NO_FILTER, period: '2026', closing: '2027' }, messages('ko'), ko, sourceWords)).toBe('생성 시기: 2026년\u00a0· 마감 시기: 2027년');
  });

  it('makes a text field of a list too long for a select', () => {
    const many = Array.from({ length: MAX_FILTER_OPTIONS + 1 }, (_, i) => `Rep ${i}`);
    const model = filterFormModel(meta(many), messages('en'), createFormatter('en', 'KRW'), sourceWords);
    expect(model.fields[0]!.options).toBeNull();
    expect(filterFormModel(meta(many.slice(1)), messages('en'), createFormatter('en', 'KRW'), sourceWords).fields[0]!.options).toHaveLength(MAX_FILTER_OPTIONS);
  });
});

describe('the filter status line', () => {
  const filter = { owner: '강도윤', team: null, product: null, source: null, segment: null, industry: null, region: null, period: '2026-Q1', closing: null };
  it('names the period in the words of the form’s list, not its code', () => {
    const en = createFormatter('en', 'KRW');
    const ko = createFormatter('ko', 'KRW');
    expect(filterSummary(filter, messages('en'), en, sourceWords)).toBe('Owner: 강도윤\u00a0· Created in: Q1 2026');
    expect(filterSummary(filter, messages('ko'), ko, sourceWords)).toBe(`${messages('ko').filters.owner}: 강도윤\u00a0· ${messages('ko').filters.period}: ${ko.period('2026-Q1')}`);
    expect(ko.period('2026-Q1')).toMatch(/^2026년\s1분기$/u);
    // The very label of the form's option.
    const form = filterFormModel(meta([]), messages('ko'), ko, sourceWords);
    expect(filterSummary({ ...filter, owner: null }, messages('ko'), ko, sourceWords)).toBe(`${messages('ko').filters.period}: ${form.periods[0]!.quarters.find((o) => o.value === '2026-Q1')!.label}`);
    expect(filterSummary({ owner: null, team: null, product: null, source: null, segment: null, industry: null, region: null, period: '2026', closing: null }, messages('en'), en, sourceWords)).toBe('Created in: 2026');
    expect(filterSummary({ owner: null, team: null, product: null, source: null, segment: null, industry: null, region: null, period: '2026', closing: null }, messages('ko'), ko, sourceWords)).toBe(`${messages('ko').filters.period}: 2026년`);
    expect(filterSummary({ owner: null, team: null, product: null, source: null, segment: null, industry: null, region: null, period: '2026-03', closing: null }, messages('en'), en, sourceWords)).toBe('Created in: Mar 2026');
    expect(filterSummary({ owner: null, team: '(unspecified)', product: null, source: null, segment: null, industry: null, region: null, period: null, closing: null }, messages('en'), en, sourceWords)).toBe(`Team: ${messages('en').common.unspecified}`);
  });
});

describe('the keys a link gave that are not periods', () => {
  it('are named by the form’s labels, one sentence each, in English and Korean', () => {
    expect(invalidNotes([], messages('en'))).toEqual([]);
    expect(invalidNotes(['closing'], messages('en'))).toEqual(['The link’s “Close date in” is not YYYY, YYYY-Qn or YYYY-MM, so it is left out.']);
    expect(invalidNotes(['period', 'closing'], messages('ko'))).toEqual([
      '링크의 ‘생성 시기’ 값이 YYYY, YYYY-Qn, YYYY-MM 형식이 아니어서 적용하지 않았습니다.',
      '링크의 ‘마감 시기’ 값이 YYYY, YYYY-Qn, YYYY-MM 형식이 아니어서 적용하지 않았습니다.',
    ]);
  });
});
