import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { messages } from '../../../src/lib/i18n/index.ts';
import { filterFormModel, filterSummary, MAX_FILTER_OPTIONS } from '../../../src/lib/views/pages/filter-form.ts';

const meta = (owners: string[]) => ({ data: 'data/filter-data.ab12.json', owners, teams: ['영업1팀', '(unspecified)'], products: [], periods: ['2026-Q2', '2026-Q1', '2026', '2025'] });

describe('the filter form', () => {
  it('lists each name with its words, the quarters and the years in words (2026년 in Korean)', () => {
    const model = filterFormModel(meta(['김민수', '이서연']), messages('ko'), createFormatter('ko', 'KRW'));
    expect(model.fields.map((f) => [f.key, f.label, f.options?.map((o) => o.label) ?? null])).toEqual([
      ['owner', messages('ko').filters.owner, ['김민수', '이서연']],
      ['team', messages('ko').filters.team, ['영업1팀', messages('ko').common.unspecified]],
      ['product', messages('ko').filters.product, []],
    ]);
    expect(model.fields[1]!.options!.map((o) => o.value)).toEqual(['영업1팀', '(unspecified)']);
    expect(model.quarters.map((o) => o.value)).toEqual(['2026-Q2', '2026-Q1']);
    expect(model.quarters[0]!.label).toBe(createFormatter('ko', 'KRW').period('2026-Q2'));
    expect(model.quarters[0]!.label).not.toBe('2026-Q2');
    expect(model.years).toEqual([
      { value: '2026', label: '2026년' },
      { value: '2025', label: '2025년' },
    ]);
  });

  it('makes a text field of a list too long for a select', () => {
    const many = Array.from({ length: MAX_FILTER_OPTIONS + 1 }, (_, i) => `Rep ${i}`);
    const model = filterFormModel(meta(many), messages('en'), createFormatter('en', 'KRW'));
    expect(model.fields[0]!.options).toBeNull();
    expect(filterFormModel(meta(many.slice(1)), messages('en'), createFormatter('en', 'KRW')).fields[0]!.options).toHaveLength(MAX_FILTER_OPTIONS);
  });
});

describe('the filter status line', () => {
  const filter = { owner: '강도윤', team: null, product: null, period: '2026-Q1' };
  it('names the period in the words of the form’s list, not its code', () => {
    const en = createFormatter('en', 'KRW');
    const ko = createFormatter('ko', 'KRW');
    expect(filterSummary(filter, messages('en'), en)).toBe('Owner: 강도윤\u00a0· Created in: Q1 2026');
    expect(filterSummary(filter, messages('ko'), ko)).toBe(`${messages('ko').filters.owner}: 강도윤\u00a0· ${messages('ko').filters.period}: ${ko.period('2026-Q1')}`);
    expect(ko.period('2026-Q1')).toMatch(/^2026년\s1분기$/u);
    // The very label of the form's option.
    const form = filterFormModel(meta([]), messages('ko'), ko);
    expect(filterSummary({ ...filter, owner: null }, messages('ko'), ko)).toBe(`${messages('ko').filters.period}: ${form.quarters.find((o) => o.value === '2026-Q1')!.label}`);
    expect(filterSummary({ owner: null, team: null, product: null, period: '2026' }, messages('en'), en)).toBe('Created in: 2026');
    expect(filterSummary({ owner: null, team: null, product: null, period: '2026' }, messages('ko'), ko)).toBe(`${messages('ko').filters.period}: 2026년`);
    expect(filterSummary({ owner: null, team: null, product: null, period: '2026-03' }, messages('en'), en)).toBe('Created in: Mar 2026');
    expect(filterSummary({ owner: null, team: '(unspecified)', product: null, period: null }, messages('en'), en)).toBe(`Team: ${messages('en').common.unspecified}`);
  });
});
