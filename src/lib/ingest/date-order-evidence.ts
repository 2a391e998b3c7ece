/**
 * Without `date_order`, a date such as `3/4/2025` is refused as ambiguous (date-messages.ts), and one such as
 * `5/20/2025`, whose order shows, as "written month first". A file usually holds both: its ambiguous dates'
 * messages then say which order the file's other dates show, with one of them, instead of leaving the reader
 * to choose between "MDY" and "DMY" (the first messages a run prints are often the ambiguous ones).
 */
import type { Issue } from '../dataset.ts';

const AMBIGUOUS = ' is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json';
/** date-messages.ts `ambiguousReason`'s wording of a date whose order shows: the value quoted before it. */
const SHOWN = /(?<v>"(?:[^"\\]|\\.)*") is written (?<o>month|day) first \((?:MM|DD)\S+\); set "date_order" to "(?:MDY|DMY)"/u;

interface Shown {
  order: 'MDY' | 'DMY';
  words: 'month' | 'day';
  line: number;
  value: string;
}

/** `issues` with each ambiguous date's message naming the order its file's other dates show, when they show one only. */
export function withDateOrderEvidence(issues: Issue[]): Issue[] {
  if (!issues.some((i) => i.code === 'invalid_date' && i.message.includes(AMBIGUOUS))) return issues;
  // By file: the first date of each order shown, or null once the file shows both.
  const shown = new Map<string, Shown | null>();
  for (const issue of issues) {
    if (issue.code !== 'invalid_date') continue;
    const m = SHOWN.exec(issue.message);
    if (m === null) continue;
    const order = m.groups!.o === 'month' ? 'MDY' : 'DMY';
    const before = shown.get(issue.file);
    if (before === undefined) shown.set(issue.file, { order, words: m.groups!.o as Shown['words'], line: issue.line, value: m.groups!.v! });
    else if (before !== null && before.order !== order) shown.set(issue.file, null);
  }
  return issues.map((issue) => {
    const evidence = shown.get(issue.file);
    if (!evidence || issue.code !== 'invalid_date' || !issue.message.includes(AMBIGUOUS)) return issue;
    const advice = ` is ambiguous (month or day first?); the file's other dates are written ${evidence.words} first (line ${evidence.line}: ${evidence.value}): set "date_order" to "${evidence.order}" in pipeline.config.json`;
    return { ...issue, message: issue.message.replace(AMBIGUOUS, () => advice) };
  });
}
