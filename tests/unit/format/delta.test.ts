import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';

const en = createFormatter('en', 'KRW');
const ko = createFormatter('ko', 'KRW');

describe('signedDelta (tile changes): the change carries the unit of its tile', () => {
  it('money: compact absolute change and relative change', () => {
    expect(en.signedDelta(39_000_000, 34_000_000, 'money')).toEqual({ absolute: '+₩5M', percent: '+15%', text: '+₩5M (+15%)', direction: 'up' });
    expect(ko.signedDelta(39_000_000, 34_000_000, 'money')).toEqual({ absolute: '+500만원', percent: '+15%', text: '+500만원 (+15%)', direction: 'up' });
    expect(ko.signedDelta(30_000_000, 75_000_000, 'money')).toEqual({ absolute: '−4,500만원', percent: '−60%', text: '−4,500만원 (−60%)', direction: 'down' });
  });
  it('an amount per day (sales velocity) changes per day, in the tile’s words', () => {
    expect(en.signedDelta(450_000, 400_000, 'perDay')).toEqual({ absolute: '+₩50K/day', percent: '+13%', text: '+₩50K/day (+13%)', direction: 'up' });
    expect(ko.signedDelta(450_000, 400_000, 'perDay')).toEqual({ absolute: '하루 +5만원', percent: '+13%', text: '하루 +5만원 (+13%)', direction: 'up' });
    // The sign is read before the words go around it.
    expect(ko.signedDelta(350_000, 400_000, 'perDay')).toEqual({ absolute: '하루 −5만원', percent: '−13%', text: '하루 −5만원 (−13%)', direction: 'down' });
    expect(ko.signedDelta(400_000.2, 400_000, 'perDay')).toEqual({ absolute: '하루 0원', percent: '0%', text: '하루 0원 (0%)', direction: 'flat' });
  });
  it('a count of deals changes by deals (건)', () => {
    expect(en.signedDelta(30, 32, 'deals')).toEqual({ absolute: '−2\u00a0deals', percent: '−6%', text: '−2\u00a0deals (−6%)', direction: 'down' });
    expect(ko.signedDelta(30, 32, 'deals')).toEqual({ absolute: '−2건', percent: '−6%', text: '−2건 (−6%)', direction: 'down' });
    expect(en.signedDelta(9, 8, 'deals')).toEqual({ absolute: '+1\u00a0deal', percent: '+13%', text: '+1\u00a0deal (+13%)', direction: 'up' });
    expect(en.signedDelta(5, 5, 'deals')).toEqual({ absolute: '0\u00a0deals', percent: '0%', text: '0\u00a0deals (0%)', direction: 'flat' });
    expect(ko.signedDelta(1_234, 0, 'deals')).toEqual({ absolute: '+1,234건', percent: '—', text: '+1,234건', direction: 'up' });
  });
  it('a multiple (coverage) changes by a multiple', () => {
    expect(en.signedDelta(2.53, 2.2, 'multiple')).toEqual({ absolute: '+0.3×', percent: '+15%', text: '+0.3× (+15%)', direction: 'up' });
    expect(ko.signedDelta(1.8, 2.5, 'multiple')).toEqual({ absolute: '−0.7배', percent: '−28%', text: '−0.7배 (−28%)', direction: 'down' });
  });
  it('rates change in percentage points', () => {
    expect(en.signedDelta(0.69, 0.64, 'rate')).toEqual({ absolute: '+5 pp', percent: '+8%', text: '+5 pp (+8%)', direction: 'up' });
    expect(ko.signedDelta(0.6, 0.652, 'rate')).toEqual({ absolute: '−5.2%p', percent: '−8%', text: '−5.2%p (−8%)', direction: 'down' });
  });
  it('days', () => {
    expect(en.signedDelta(76.1, 73.6, 'days')).toEqual({ absolute: '+2.5\u00a0days', percent: '+3%', text: '+2.5\u00a0days (+3%)', direction: 'up' });
    expect(ko.signedDelta(70, 73.6, 'days')).toEqual({ absolute: '−3.6일', percent: '−5%', text: '−3.6일 (−5%)', direction: 'down' });
  });
  it('a change that rounds to zero is flat and unsigned', () => {
    expect(en.signedDelta(10.01, 10, 'days')).toEqual({ absolute: '0\u00a0days', percent: '0%', text: '0\u00a0days (0%)', direction: 'flat' });
    expect(ko.signedDelta(45_000_000.3, 45_000_000, 'money')).toEqual({ absolute: '0원', percent: '0%', text: '0원 (0%)', direction: 'flat' });
  });
  it('from zero: absolute only', () => {
    expect(en.signedDelta(3, 0, 'deals')).toEqual({ absolute: '+3\u00a0deals', percent: '—', text: '+3\u00a0deals', direction: 'up' });
  });
  it('relative change is against the magnitude of the earlier value', () => {
    expect(en.signedDelta(-5, -10, 'days')).toEqual({ absolute: '+5\u00a0days', percent: '+50%', text: '+5\u00a0days (+50%)', direction: 'up' });
  });
  it('missing on either side', () => {
    const none = { absolute: '—', percent: '—', text: '—', direction: null };
    expect(en.signedDelta(null, 1, 'rate')).toEqual(none);
    expect(en.signedDelta(1, undefined, 'money')).toEqual(none);
    expect(ko.signedDelta(Number.NaN, 1, 'deals')).toEqual(none);
  });
});

describe('deals: a count with its unit', () => {
  it('English says deal or deals by the count shown; Korean 건', () => {
    expect(en.deals(1)).toBe('1\u00a0deal');
    expect(en.deals(0)).toBe('0\u00a0deals');
    expect(en.deals(1_234)).toBe('1,234\u00a0deals');
    expect(ko.deals(32)).toBe('32건');
    expect(en.signedDeals(-1)).toBe('−1\u00a0deal');
    expect(ko.signedDeals(3)).toBe('+3건');
    expect(en.deals(null)).toBe('—');
  });
});
