import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../../src/lib/format/index.ts';

const en = createFormatter('en', 'KRW');
const ko = createFormatter('ko', 'KRW');

describe('signedDelta (tile changes)', () => {
  it('money: compact absolute change and relative change', () => {
    expect(en.signedDelta(39_000_000, 34_000_000, 'money')).toEqual({ absolute: '+₩5M', percent: '+15%', direction: 'up' });
    expect(ko.signedDelta(39_000_000, 34_000_000, 'money')).toEqual({ absolute: '+500만원', percent: '+15%', direction: 'up' });
    expect(ko.signedDelta(30_000_000, 75_000_000, 'money')).toEqual({ absolute: '−4,500만원', percent: '−60%', direction: 'down' });
  });
  it('count', () => {
    expect(en.signedDelta(9, 8, 'count')).toEqual({ absolute: '+1', percent: '+13%', direction: 'up' });
    expect(en.signedDelta(5, 5, 'count')).toEqual({ absolute: '0', percent: '0%', direction: 'flat' });
  });
  it('rates change in percentage points', () => {
    expect(en.signedDelta(0.69, 0.64, 'rate')).toEqual({ absolute: '+5 pp', percent: '+8%', direction: 'up' });
    expect(ko.signedDelta(0.6, 0.652, 'rate')).toEqual({ absolute: '−5.2%p', percent: '−8%', direction: 'down' });
  });
  it('days', () => {
    expect(en.signedDelta(76.1, 73.6, 'days')).toEqual({ absolute: '+2.5 days', percent: '+3%', direction: 'up' });
    expect(ko.signedDelta(70, 73.6, 'days')).toEqual({ absolute: '−3.6일', percent: '−5%', direction: 'down' });
  });
  it('a change that rounds to zero is flat and unsigned', () => {
    expect(en.signedDelta(10.01, 10, 'days')).toEqual({ absolute: '0 days', percent: '0%', direction: 'flat' });
    expect(ko.signedDelta(45_000_000.3, 45_000_000, 'money')).toEqual({ absolute: '0원', percent: '0%', direction: 'flat' });
  });
  it('from zero: absolute only', () => {
    expect(en.signedDelta(3, 0, 'count')).toEqual({ absolute: '+3', percent: '—', direction: 'up' });
  });
  it('relative change is against the magnitude of the earlier value', () => {
    expect(en.signedDelta(-5, -10, 'number')).toEqual({ absolute: '+5', percent: '+50%', direction: 'up' });
  });
  it('missing on either side', () => {
    const none = { absolute: '—', percent: '—', direction: null };
    expect(en.signedDelta(null, 1, 'rate')).toEqual(none);
    expect(en.signedDelta(1, undefined, 'money')).toEqual(none);
    expect(ko.signedDelta(Number.NaN, 1, 'count')).toEqual(none);
  });
});
