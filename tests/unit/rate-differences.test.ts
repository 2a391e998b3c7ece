/**
 * Whether groups' win rates differ by more than chance would (rate-differences.ts), against values computed by hand
 * and the chi-square law's known points.
 */
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, contingencyP, fisherExactP, rateDifferenceP, winRatesClearlyDiffer } from '../../src/lib/rate-differences.ts';

describe('Fisher’s exact test of two groups', () => {
  it('sums the tables as likely as the one seen or less (hand-computed)', () => {
    // The tea-tasting table, 3 of 4 against 1 of 4: weights C(4,x) C(4,4−x) = 1, 16, 36, 16, 1 of 70; the seen table's 16
    // and those less likely: (1 + 16 + 16 + 1) / 70.
    expect(fisherExactP({ won: 3, closed: 4 }, { won: 1, closed: 4 })).toBeCloseTo(34 / 70, 12);
    // 6 of 12 against 1 of 10: C(12,x) C(10,7−x) = 120, 2,520, 16,632, 46,200, 59,400, 35,640, 9,240, 792 of 170,544.
    expect(fisherExactP({ won: 6, closed: 12 }, { won: 1, closed: 10 })).toBeCloseTo((120 + 2520 + 9240 + 792) / 170544, 12);
    // The order of the groups does not matter.
    expect(fisherExactP({ won: 1, closed: 10 }, { won: 6, closed: 12 })).toBeCloseTo((120 + 2520 + 9240 + 792) / 170544, 12);
    // 1 of 10 against 11 of 14 (the dieting table of Fisher's test's textbooks): p = 0.002759.
    expect(fisherExactP({ won: 1, closed: 10 }, { won: 11, closed: 14 })).toBeCloseTo(0.0027595, 6);
    // Equal rates: every table is as likely or less than the most likely one.
    expect(fisherExactP({ won: 5, closed: 10 }, { won: 5, closed: 10 })).toBeCloseTo(1, 12);
  });

  it('stays finite with thousands of deals (weights in logarithms)', () => {
    const p = fisherExactP({ won: 3000, closed: 10000 }, { won: 3150, closed: 10000 });
    // The normal approximation: z = 0.015 / sqrt(0.3075 × 0.6925 × 2 / 10000) = 2.30, two-sided p = 0.021.
    expect(p).toBeGreaterThan(0.018);
    expect(p).toBeLessThan(0.024);
  });
});

describe('the chi-square law', () => {
  it('gives its known points and closed forms', () => {
    // The 5% critical values of 1, 2 and 3 degrees of freedom.
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 7);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 7);
    expect(chiSquareSurvival(7.814728, 3)).toBeCloseTo(0.05, 7);
    // Two degrees of freedom: e^(−x/2). Four: e^(−x/2) (1 + x/2).
    expect(chiSquareSurvival(7.2, 2)).toBeCloseTo(Math.exp(-3.6), 12);
    expect(chiSquareSurvival(0.5, 4)).toBeCloseTo(Math.exp(-0.25) * 1.25, 12);
    expect(chiSquareSurvival(40, 10)).toBeCloseTo(1.6944744e-5, 11);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe('whether win rates differ', () => {
  it('tests three or more groups at once by chi-square (hand-computed)', () => {
    // 2, 5 and 8 won of 10: 15 of 30, 5 won and 5 lost expected of each; (9 + 0 + 9) / 5 × 2 = 7.2 on 2 degrees of freedom.
    const groups = [
      { won: 2, closed: 10 },
      { won: 5, closed: 10 },
      { won: 8, closed: 10 },
    ];
    expect(rateDifferenceP(groups)).toBeCloseTo(Math.exp(-3.6), 12);
    expect(winRatesClearlyDiffer(groups)).toBe(true);
    // 4, 5 and 6 of 10: (1 + 0 + 1) / 5 × 2 = 0.8, p = e^(−0.4) = 0.67.
    expect(rateDifferenceP([{ won: 4, closed: 10 }, { won: 5, closed: 10 }, { won: 6, closed: 10 }])).toBeCloseTo(Math.exp(-0.4), 12);
    expect(winRatesClearlyDiffer([{ won: 4, closed: 10 }, { won: 5, closed: 10 }, { won: 6, closed: 10 }])).toBe(false);
  });

  it('tests two groups exactly, with the 5% line between clear and not', () => {
    // 8 of 12 against 3 of 13: p = 210,300 / 4,457,400 = 0.047 (the weights C(12,x) C(13,11−x) summed by hand).
    expect(rateDifferenceP([{ won: 8, closed: 12 }, { won: 3, closed: 13 }])).toBeCloseTo(210300 / 4457400, 12);
    expect(winRatesClearlyDiffer([{ won: 8, closed: 12 }, { won: 3, closed: 13 }])).toBe(true);
    expect(winRatesClearlyDiffer([{ won: 6, closed: 12 }, { won: 1, closed: 10 }])).toBe(false);
  });

  it('has nothing to compare with fewer than two groups of closed deals, or when every deal was won or every one lost', () => {
    expect(rateDifferenceP([])).toBe(1);
    expect(rateDifferenceP([{ won: 3, closed: 10 }])).toBe(1);
    expect(rateDifferenceP([{ won: 3, closed: 10 }, { won: 0, closed: 0 }])).toBe(1);
    expect(rateDifferenceP([{ won: 10, closed: 10 }, { won: 20, closed: 20 }, { won: 5, closed: 5 }])).toBe(1);
    expect(rateDifferenceP([{ won: 0, closed: 10 }, { won: 0, closed: 20 }])).toBe(1);
  });
});

describe('whether a mix changed (a table of counts)', () => {
  it('tests rows by columns at once by chi-square (hand-computed)', () => {
    // Rows of 60 and 50, columns of 30, 40 and 40, 110 in all: expected 16.36, 21.82, 21.82 and 13.64, 18.18, 18.18.
    // (10 − 16.36)²/16.36 + (20 − 21.82)²/21.82 + (30 − 21.82)²/21.82 + (20 − 13.64)²/13.64 + (20 − 18.18)²/18.18 +
    // (10 − 18.18)²/18.18 = 2.475 + 0.152 + 3.068 + 2.970 + 0.182 + 3.682 = 12.528 (451/36 exactly), 2 degrees of freedom.
    expect(contingencyP([[10, 20, 30], [20, 20, 10]])).toBeCloseTo(Math.exp(-451 / 72), 12);
    // Its two-column case is the k × 2 test of win rates: 2, 5 and 8 won of 10 as above.
    expect(contingencyP([[2, 8], [5, 5], [8, 2]])).toBeCloseTo(Math.exp(-3.6), 12);
  });

  it('leaves out rows and columns without a count, and has nothing to compare with fewer than two of either', () => {
    // The same mix in both rows: chi-square 0 whatever the empty column.
    expect(contingencyP([[5, 0, 5], [5, 0, 5]])).toBe(1);
    // An empty row and an empty column change nothing: 12.528 as above.
    expect(contingencyP([[10, 0, 20, 30], [0, 0, 0, 0], [20, 0, 20, 10]])).toBeCloseTo(Math.exp(-451 / 72), 12);
    expect(contingencyP([])).toBe(1);
    expect(contingencyP([[3, 4]])).toBe(1);
    expect(contingencyP([[3, 0], [4, 0]])).toBe(1);
  });
});
