import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/lib/dataset.ts';
import { qualityFacts, SUMMARY_ISSUES } from '../../../src/lib/views/quality-facts.ts';

const issue = (line: number, severity: Issue['severity']): Issue => ({ file: 'stage_history.csv', line, column: 'deal_id', code: severity === 'error' ? 'unknown_deal' : 'stage_mismatch', severity, message: `line ${line}` });

describe('the data-quality facts a build keeps', () => {
  it('the files, the number of warnings, and the first errors then the first warnings, however many issues there are', () => {
    // 200,000 issues in report order: every third a warning.
    const issues = Array.from({ length: 200_000 }, (_, i) => issue(i + 2, i % 3 === 0 ? 'warning' : 'error'));
    const files = { 'stage_history.csv': { rows: 200_000, accepted: 66_667, rejected: 133_333 } };
    const facts = qualityFacts({ files, issues }, { asOf: '2026-06-30', newestChange: '2026-06-29' });
    expect(facts.files).toBe(files);
    expect(facts.warnings).toBe(66_667);
    expect(SUMMARY_ISSUES).toBe(10);
    expect(facts.firstIssues.map((i) => `${i.severity[0]}${i.line}`)).toEqual([
      ...['e3', 'e4', 'e6', 'e7', 'e9', 'e10', 'e12', 'e13', 'e15', 'e16'],
      ...['w2', 'w5', 'w8', 'w11', 'w14', 'w17', 'w20', 'w23', 'w26', 'w29'],
    ]);
    expect(qualityFacts({ files: {}, issues: [] }, { asOf: '2026-06-30', newestChange: null })).toEqual({ files: {}, warnings: 0, firstIssues: [], asOf: '2026-06-30', newestChange: null });
  });
});
