/**
 * Data-quality issues as the site shows them. A folder whose every row is rejected has an issue per
 * row: a million for a large export whose deal ids match no history row, which no page and no
 * download of a page can usefully hold. The site counts every issue by kind (file, code, severity)
 * and lists the first ISSUES_PER_KIND of each kind; metrics.json lists every one.
 */
import type { Issue } from '../dataset.ts';
import { figuresOf, type Metrics } from '../metrics/schema.ts';

/** The issues of one kind the site lists (in report order: by line). */
export const ISSUES_PER_KIND = 1000;

export interface IssueKind {
  file: string;
  code: string;
  severity: Issue['severity'];
  count: number;
  /** The first issue of the kind, as an example. */
  first: Issue;
}

const kindOf = (issue: Issue) => `${issue.file}\u0000${issue.code}\u0000${issue.severity}`;

/** Every kind of issue with its count, in the order of its first issue (issues come in report order: by file, then line). */
export function issueKinds(issues: readonly Issue[]): IssueKind[] {
  const kinds = new Map<string, IssueKind>();
  for (const issue of issues) {
    const key = kindOf(issue);
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { file: issue.file, code: issue.code, severity: issue.severity, count: 1, first: issue });
  }
  return [...kinds.values()];
}

/**
 * `metrics` with at most `perKind` issues of each kind (the first ones); `metrics` itself when it has no
 * more. A copy keeps the other fields as they are defined (a filtered page's are computed when read).
 */
export function withListedIssues(metrics: Metrics, perKind = ISSUES_PER_KIND): Metrics {
  const { issues } = metrics.data_quality;
  const seen = new Map<string, number>();
  const listed = issues.filter((issue) => {
    const key = kindOf(issue);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n <= perKind;
  });
  if (listed.length === issues.length) return metrics;
  // data_quality is metrics.json's last key: added after the other figures, it keeps its place.
  const data_quality = { files: metrics.data_quality.files, issues: listed };
  return Object.defineProperty(figuresOf(metrics), 'data_quality', { value: data_quality, enumerable: true, writable: true, configurable: true }) as Metrics;
}
