import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';

const en = createFormatter('en', 'KRW');
const ko = createFormatter('ko', 'KRW');
const missing = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('count and number', () => {
  it('groups thousands in both locales', () => {
    expect(en.count(1234567)).toBe('1,234,567');
    expect(ko.count(1234567)).toBe('1,234,567');
    expect(en.count(0)).toBe('0');
    expect(en.count(-3)).toBe('−3');
    expect(en.count(-0.2)).toBe('0');
  });
  it('number keeps at most the given decimals', () => {
    expect(en.number(12.345)).toBe('12.3');
    expect(en.number(12)).toBe('12');
    expect(en.number(12.345, 2)).toBe('12.35');
    expect(ko.number(-1234.56)).toBe('−1,234.6');
  });
});

describe('a win rate with its deals', () => {
  it('writes the rate, then won / closed; a rate of no deals is a dash alone', () => {
    expect(en.rateOf(20 / 83, 20, 83)).toBe('24% (20 / 83)');
    expect(ko.rateOf(1234 / 5678, 1234, 5678)).toBe('22% (1,234 / 5,678)');
    expect(en.rateOf(null, 0, 0)).toBe('—');
  });
});

describe('percent and multiple', () => {
  it('percent of a ratio, integer by default', () => {
    expect(en.percent(0.6923076923076923)).toBe('69%');
    expect(ko.percent(0.6923076923076923)).toBe('69%');
    expect(en.percent(1)).toBe('100%');
    expect(en.percent(0)).toBe('0%');
    expect(en.percent(0.8095, 1)).toBe('81%');
    expect(en.percent(0.80951, 1)).toBe('81%');
    expect(en.percent(0.8125, 1)).toBe('81.3%');
    expect(en.percent(-0.05)).toBe('−5%');
    expect(en.percent(-0.001)).toBe('0%');
  });
  it('coverage multiple', () => {
    expect(en.multiple(2.53)).toBe('2.5×');
    expect(ko.multiple(2.53)).toBe('2.5배');
    expect(en.multiple(3)).toBe('3×');
  });
  it('null ratios are an em dash', () => {
    for (const v of missing) {
      expect(en.percent(v)).toBe('—');
      expect(ko.percent(v)).toBe('—');
      expect(en.multiple(v)).toBe('—');
      expect(en.count(v)).toBe('—');
      expect(en.number(v)).toBe('—');
    }
  });
});

describe('days', () => {
  it('one decimal, pluralised in English', () => {
    expect(en.days(12.34)).toBe('12.3\u00a0days');
    expect(ko.days(12.34)).toBe('12.3일');
    expect(en.days(1)).toBe('1\u00a0day');
    expect(en.days(1.04)).toBe('1\u00a0day');
    expect(en.days(1.05)).toBe('1.1\u00a0days');
    expect(en.days(0)).toBe('0\u00a0days');
    expect(en.days(1234.5)).toBe('1,234.5\u00a0days');
    expect(ko.days(76.14351851851852)).toBe('76.1일');
    expect(en.days(null)).toBe('—');
    expect(ko.days(Number.NaN)).toBe('—');
  });
});

describe('inDays', () => {
  it('names the unit of a column of bare days once, in the header: as the Korean headers write it, no space before the parenthesis', () => {
    expect(en.inDays('Median')).toBe('Median (days)');
    expect(ko.inDays('중앙값')).toBe('중앙값(일)');
    expect(ko.inDays('P90')).toBe('P90(일)');
  });
});

describe('signed numbers', () => {
  it('signed counts, percents, points and days', () => {
    expect(en.signedCount(3)).toBe('+3');
    expect(en.signedCount(-2)).toBe('−2');
    expect(en.signedCount(0)).toBe('0');
    expect(en.signedPercent(0.147)).toBe('+15%');
    expect(ko.signedPercent(-0.08)).toBe('−8%');
    expect(en.signedPoints(0.052)).toBe('+5.2 pp');
    expect(ko.signedPoints(0.052)).toBe('+5.2%p');
    expect(ko.signedPoints(-0.1)).toBe('−10%p');
    expect(en.signedDays(2.5)).toBe('+2.5\u00a0days');
    expect(ko.signedDays(-1)).toBe('−1일');
    expect(en.signedDays(-1)).toBe('−1\u00a0day');
    expect(en.signedNumber(0.04)).toBe('0');
    expect(en.signedCount(null)).toBe('—');
  });
});
