import { describe, expect, it } from 'vitest';
import { koLineList, koLines, LINE_LIST, LINES } from '../../../src/lib/i18n/issue-rules.ts';
import { lineList, LineRuns } from '../../../src/lib/ingest/line-runs.ts';
import { lineList as vendorLineList } from '../../../src/lib/ingest/vendor/snapshots.ts';

/** The message of lines noted in order, as a file's warning lists them. */
function listed(lines: number[], cap?: number): string {
  const runs = new LineRuns();
  for (const line of lines) runs.addLine(line);
  return lineList(runs.runs, runs.count, cap);
}

const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k);

describe('lineList', () => {
  it('lists single lines and pairs by number, and a run of three or more as a range', () => {
    expect(listed([4])).toBe('line 4');
    expect(listed([4, 4])).toBe('line 4');
    expect(listed([4, 5])).toBe('lines 4 and 5');
    expect(listed([4, 17, 203])).toBe('lines 4, 17 and 203');
    expect(listed(span(5, 9))).toBe('lines 5-9');
    expect(listed([2, ...span(17, 19), 203])).toBe('lines 2, 17-19 and 203');
    expect(listed([2, 3, ...span(10, 20)])).toBe('lines 2, 3 and 10-20');
    expect(listed(span(2, 100_001))).toBe('lines 2-100001');
  });

  it('shows at most `cap` numbers and ranges, and counts the lines not shown', () => {
    // Every other line: 30 lines, 30 runs; LineRuns keeps 21 runs and counts the rest.
    const odd = span(0, 29).map((k) => 3 + 2 * k);
    expect(listed(odd)).toBe(`lines ${odd.slice(0, 20).join(', ')} and 10 more`);
    // Lines 2-4 then 6, 8, 10: the range counts as three lines shown.
    expect(listed([...span(2, 4), 6, 8, 10], 2)).toBe('lines 2-4, 6 and 2 more');
    // A pair cut by the cap: its second line is one more.
    expect(listed([2, 3], 1)).toBe('lines 2 and 1 more');
  });
});

describe('koLines', () => {
  const ko = (en: string) => {
    // The pattern of every issue rule matches what lineList writes, whole.
    expect(new RegExp(`^${LINES}$`, 'u').test(en)).toBe(true);
    return koLines(en);
  };

  it('says lines, ranges and lines not shown in Korean', () => {
    expect(ko('line 4')).toBe('4행');
    expect(ko('lines 4 and 5')).toBe('4, 5행');
    expect(ko('lines 5-9')).toBe('5~9행');
    expect(ko('lines 2, 17-19 and 203')).toBe('2, 17~19, 203행');
    expect(ko('lines 2, 3 and 10-20')).toBe('2, 3, 10~20행');
    expect(ko('lines 2-4, 6 and 2 more')).toBe('2~4, 6행 외 2개 행');
  });
});

describe("a vendor adapter's line list", () => {
  const ko = (en: string) => {
    expect(new RegExp(`^${LINE_LIST}$`, 'u').test(en)).toBe(true);
    return koLineList(en);
  };

  it('shows ten numbers and ranges, then how many lines in all (en, ko)', () => {
    expect(vendorLineList([5])).toBe('5');
    expect(vendorLineList([5, 9])).toBe('5, 9');
    expect(vendorLineList([2, ...span(4, 9)])).toBe('2, 4-9');
    const odd = span(0, 11).map((k) => 3 + 2 * k);
    expect(vendorLineList(odd)).toBe('3, 5, 7, 9, 11, 13, 15, 17, 19, 21, ... (12 in all)');
    expect(vendorLineList([...span(2, 400), 402])).toBe('2-400, 402');
    expect(ko('2, 4-9')).toBe('2, 4~9행');
    expect(ko('1, 4-9, ... (25 in all)')).toBe('1, 4~9, ...행(모두 25개 행)');
  });
});
