import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormatter, koreanUnits } from '../../../src/lib/format/index.ts';

const enKrw = createFormatter('en', 'KRW');
const koKrw = createFormatter('ko', 'KRW');
const enUsd = createFormatter('en', 'USD');
const koUsd = createFormatter('ko', 'USD');

describe('koreanUnits (만/억/조)', () => {
  it.each([
    [0, '0'],
    [0.4, '0'],
    [5_000, '5,000'],
    [9_999.4, '9,999'],
    [9_999.6, '1만'], // rounds up into 만
    [10_000, '1만'],
    [15_000, '1.5만'], // one decimal below 10만
    [15_050, '1.5만'],
    [15_051, '1.5만'],
    [15_500, '1.6만'], // half up
    [99_999, '10만'],
    [100_000, '10만'],
    [123_456, '12만'],
    [400_054.25, '40만'],
    [4_888_888.9, '489만'],
    [45_000_000, '4,500만'],
    [99_950_000, '9,995만'], // exact in 만: no rounding involved
    [99_994_999, '9,999만'],
    [99_995_000, '1억'], // rounds to 10,000만: shown as 1억, never '10,000만'
    [100_000_000, '1억'],
    // Three significant digits in 억, as in English ('₩123M'): '1.23억' beside '9,870만', not '1.2억'.
    [123_456_789, '1.23억'],
    [125_000_000, '1.25억'],
    [125_710_000, '1.26억'], // half up
    [102_000_000, '1.02억'],
    [110_000_000, '1.1억'], // trailing zero dropped
    [999_999_999, '10억'],
    [1_230_000_000, '12.3억'],
    [9_999_999_999, '100억'],
    [12_345_678_900, '123억'],
    [999_940_000_000, '9,999억'],
    [999_950_000_000, '1조'], // rounds up into 조
    [1e12, '1조'],
    [1.5e12, '1.5조'],
    [1.234e12, '1.23조'],
    [123.4e12, '123조'],
    [12_345e12, '12,345조'],
  ])('%d -> %s', (amount, expected) => {
    expect(koreanUnits(amount)).toBe(expected);
  });
});

describe('money (full)', () => {
  it('KRW: 원 suffix in Korean, ₩ in English, rounded to whole won', () => {
    expect(koKrw.money(1_230_000_000)).toBe('1,230,000,000원');
    expect(enKrw.money(1_230_000_000)).toBe('₩1,230,000,000');
    expect(koKrw.money(4_888_888.889)).toBe('4,888,889원');
    expect(enKrw.money(4_888_888.889)).toBe('₩4,888,889');
    expect(koKrw.money(0)).toBe('0원');
    expect(enKrw.money(0)).toBe('₩0');
  });
  it('USD keeps cents only when there are cents, with the plain $ in both locales', () => {
    expect(enUsd.money(12_000)).toBe('$12,000');
    expect(enUsd.money(1_234.5)).toBe('$1,234.50');
    expect(koUsd.money(1_234.5)).toBe('$1,234.50');
    expect(koUsd.money(12_000)).toBe('$12,000');
  });
  it('negatives use the typographic minus', () => {
    expect(enKrw.money(-1_500)).toBe('−₩1,500');
    expect(koKrw.money(-1_500)).toBe('−1,500원');
    expect(enUsd.money(-1_234.5)).toBe('−$1,234.50');
    expect(koKrw.money(-0.2)).toBe('0원'); // rounds to zero: no sign
  });
  it('missing values are an em dash', () => {
    for (const f of [enKrw, koKrw, enUsd, koUsd]) {
      expect(f.money(null)).toBe('—');
      expect(f.money(undefined)).toBe('—');
      expect(f.money(Number.NaN)).toBe('—');
      expect(f.money(Number.POSITIVE_INFINITY)).toBe('—');
    }
  });
});

describe('moneyCompact', () => {
  it('Korean KRW reads in 만/억/조 with 원 attached', () => {
    expect(koKrw.moneyCompact(1_230_000_000)).toBe('12.3억원');
    expect(koKrw.moneyCompact(45_000_000)).toBe('4,500만원');
    expect(koKrw.moneyCompact(0)).toBe('0원');
    expect(koKrw.moneyCompact(1.5e12)).toBe('1.5조원');
    expect(koKrw.moneyCompact(99_950_000)).toBe('9,995만원');
    expect(koKrw.moneyCompact(99_996_000)).toBe('1억원');
    expect(koKrw.moneyCompact(5_000)).toBe('5,000원');
    expect(koKrw.moneyCompact(-45_000_000)).toBe('−4,500만원');
    expect(koKrw.moneyCompact(null)).toBe('—');
  });
  it('English KRW uses K/M/B/T with 3 significant digits', () => {
    expect(enKrw.moneyCompact(1_230_000_000)).toBe('₩1.23B');
    expect(enKrw.moneyCompact(45_000_000)).toBe('₩45M');
    expect(enKrw.moneyCompact(400_054.25)).toBe('₩400K');
    expect(enKrw.moneyCompact(4_888_888.9)).toBe('₩4.89M');
    expect(enKrw.moneyCompact(1.5e12)).toBe('₩1.5T');
    expect(enKrw.moneyCompact(999_950)).toBe('₩1M');
    expect(enKrw.moneyCompact(500)).toBe('₩500');
    expect(enKrw.moneyCompact(0)).toBe('₩0');
    expect(enKrw.moneyCompact(-45_000_000)).toBe('−₩45M');
    expect(enKrw.moneyCompact(Number.NaN)).toBe('—');
  });
  it('groups thousands past the largest unit, as the Korean 조 does', () => {
    expect(enKrw.moneyCompact(1.01e15)).toBe('₩1,010T');
    expect(enKrw.moneyCompact(-1e15)).toBe('−₩1,000T');
    expect(enKrw.signedMoney(1.01e15)).toBe('+₩1,010T');
    expect(enUsd.moneyCompact(2.5e16)).toBe('$25,000T');
    expect(koKrw.moneyCompact(1.006e15)).toBe('1,006조원');
    expect(createFormatter('ko', 'CHF').moneyCompact(1.01e15)).toMatch(/^CHF\s1,010조$/);
  });
  it('USD: $1.2M in English, Korean units + 달러 in Korean', () => {
    expect(enUsd.moneyCompact(1_200_000)).toBe('$1.2M');
    expect(koUsd.moneyCompact(1_200_000)).toBe('120만\u00a0달러');
    expect(koUsd.moneyCompact(1_500_000_000)).toBe('15억\u00a0달러');
    expect(koUsd.moneyCompact(3_500)).toBe('3,500\u00a0달러');
    expect(koUsd.moneyCompact(-1_200_000)).toBe('−120만\u00a0달러');
  });
  it('other currencies: Korean names for the major ones, Intl compact otherwise', () => {
    expect(createFormatter('ko', 'JPY').moneyCompact(25_000_000)).toBe('2,500만\u00a0엔');
    expect(createFormatter('ko', 'EUR').moneyCompact(1_200_000)).toBe('120만\u00a0유로');
    expect(createFormatter('en', 'EUR').moneyCompact(1_200_000)).toBe('€1.2M');
    expect(createFormatter('ko', 'CHF').moneyCompact(1_200_000)).toMatch(/^CHF\s120만$/);
    expect(createFormatter('en', 'CHF').moneyCompact(1_200_000)).toMatch(/1\.2M$/);
  });
  it('accepts a lower-case currency code', () => {
    expect(createFormatter('ko', 'krw').moneyCompact(45_000_000)).toBe('4,500만원');
    expect(createFormatter('ko', 'krw').currency).toBe('KRW');
  });
});

describe('perDay and signedMoney', () => {
  it('velocity per day', () => {
    expect(enKrw.perDay(400_054.25)).toBe('₩400K/day');
    expect(koKrw.perDay(400_054.25)).toBe('하루 40만원');
    expect(koUsd.perDay(1_200_000)).toBe('하루 120만\u00a0달러');
    expect(enKrw.perDay(null)).toBe('—');
    expect(koKrw.perDay(null)).toBe('—');
  });
  it('signed compact amounts', () => {
    expect(enKrw.signedMoney(5_000_000)).toBe('+₩5M');
    expect(koKrw.signedMoney(5_000_000)).toBe('+500만원');
    expect(koKrw.signedMoney(-45_000_000)).toBe('−4,500만원');
    expect(enKrw.signedMoney(0)).toBe('₩0');
    expect(koKrw.signedMoney(0.3)).toBe('0원');
  });
});

describe('koreanUnits properties', () => {
  const UNIT: Record<string, number> = { '': 1, 만: 1e4, 억: 1e8, 조: 1e12 };
  const parse = (s: string) => {
    const m = /^([\d,.]+)(만|억|조)?$/.exec(s);
    if (!m) throw new Error(`unparseable ${s}`);
    return Number(m[1]!.replace(/,/g, '')) * UNIT[m[2] ?? '']!;
  };
  it('reads back within the shown precision, never 10,000 of a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e16, noNaN: true }), (amount) => {
        const text = koreanUnits(amount);
        expect(text).not.toMatch(/^10,000(만|억)$/);
        const back = parse(text);
        // Half a step of the shown digit: at most 5% below 10 units, 0.5% otherwise, 0.5 won below 1만.
        expect(Math.abs(back - amount)).toBeLessThanOrEqual(Math.max(0.5, amount * 0.05) + 1e-6);
      }),
    );
  });
  it('is monotonic', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.double({ min: 0, max: 1e15, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(parse(koreanUnits(lo))).toBeLessThanOrEqual(parse(koreanUnits(hi)));
      }),
    );
  });
});
