/**
 * What the build's data-quality gate and summary read of the data (scripts/lib/publish.ts qualityGate,
 * digest.ts summaryMarkdown), kept with a cached build: the files' counts, the number of warnings and
 * the first issues only. Every issue would be gigabytes for a large folder whose every row is rejected
 * (they went to the build's own process and into its cache); metrics.json lists them all.
 */
import type { Dataset, Issue } from '../dataset.ts';
import type { LocalDate } from '../time.ts';

/** At most this many rejected rows and warnings are listed in the summary. */
export const SUMMARY_ISSUES = 10;

export interface QualityFacts {
  files: Dataset['files'];
  warnings: number;
  /** The first SUMMARY_ISSUES errors, then the first SUMMARY_ISSUES warnings, each in report order. */
  firstIssues: Issue[];
  /** The as-of date, and the newest change the data records before it (site data `inputs.newest_change`): --max-data-age. */
  asOf: LocalDate;
  newestChange: LocalDate | null;
}

export function qualityFacts(dataset: Pick<Dataset, 'files' | 'issues'>, dates: Pick<QualityFacts, 'asOf' | 'newestChange'>): QualityFacts {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let warningCount = 0;
  for (const issue of dataset.issues) {
    if (issue.severity === 'warning') {
      warningCount++;
      if (warnings.length < SUMMARY_ISSUES) warnings.push(issue);
    } else if (errors.length < SUMMARY_ISSUES) errors.push(issue);
  }
  return { files: dataset.files, warnings: warningCount, firstIssues: [...errors, ...warnings], asOf: dates.asOf, newestChange: dates.newestChange };
}
