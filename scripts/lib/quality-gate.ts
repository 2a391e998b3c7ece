/**
 * The build's data-quality gate (--strict, --max-rejected, --max-data-age):
 * whether the output may replace the dashboard, and the line that says why
 * not, or how many rows went and what was warned, in the config's language
 * (src/lib/i18n/cli-text.ts).
 */
import type { Issue } from '../../src/lib/dataset.ts';
import { CLI_TEXT, issuesQuoted, warningsSaid } from '../../src/lib/i18n/cli-text.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
import { daysFromTo, type LocalDate } from '../../src/lib/time.ts';
import type { QualityResult } from '../../src/lib/views/digest.ts';
import type { QualityFacts } from '../../src/lib/views/quality-facts.ts';
import type { PublishOptions } from './publish.ts';

export interface Quality {
  rows: number;
  rejected: number;
  warnings: number;
  /** The reason the build stops (exit 3), or null. */
  failure: Exclude<QualityResult, { status: 'passed' }> | null;
  /** The first issues found, errors first, whose first errors and warnings the lines quote (`issuesQuoted`, `warningsSaid`). */
  first: Issue[];
  asOf: LocalDate;
}

/** --strict and --max-rejected against the rows read and rejected; --max-data-age against the newest change in the data. */
export function qualityGate(quality: QualityFacts, options: Pick<PublishOptions, 'strict' | 'maxRejected' | 'maxDataAge'>): Quality {
  const files = Object.values(quality.files);
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const rejected = files.reduce((n, f) => n + f.rejected, 0);
  const share = rows === 0 ? 0 : rejected / rows;
  const facts = { rows, rejected, warnings: quality.warnings, first: quality.firstIssues, asOf: quality.asOf };
  if (options.strict && rejected > 0) return { ...facts, failure: { status: 'strict' } };
  if (options.maxRejected !== null && share > options.maxRejected) return { ...facts, failure: { status: 'share', max: options.maxRejected } };
  const age = quality.newestChange === null ? null : daysFromTo(quality.newestChange, quality.asOf);
  if (options.maxDataAge !== null && (age === null || age > options.maxDataAge)) {
    return { ...facts, failure: { status: 'stale', max: options.maxDataAge, newest: quality.newestChange, age } };
  }
  return { ...facts, failure: null };
}

const percent = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

/** Why the gate stopped the build, in `locale` (null when it did not). */
export function gateMessage(gate: Quality, locale: Locale): string | null {
  const text = CLI_TEXT[locale];
  const { failure, rows, rejected } = gate;
  if (failure === null) return null;
  const detail = () => issuesQuoted(gate.first, rejected, locale);
  switch (failure.status) {
    case 'strict':
      return text.strict({ rejected, rows, detail: detail() });
    case 'share':
      return text.share({ rejected, rows, share: percent(rows === 0 ? 0 : rejected / rows), max: failure.max, limit: percent(failure.max), detail: detail() });
    case 'stale':
      return failure.newest === null || failure.age === null
        ? text.staleNone({ max: failure.max, asOf: gate.asOf })
        : text.stale({ max: failure.max, asOf: gate.asOf, newest: failure.newest, age: failure.age });
  }
}

/** How many rows a build the gate let through rejected, in `locale` (null: none, or the gate stopped it). */
export function passedMessage(gate: Quality, locale: Locale): string | null {
  return gate.failure === null && gate.rejected > 0 ? CLI_TEXT[locale].passedRejected(gate) : null;
}

/** The warnings of a build the gate let through, the first of each kind quoted, in `locale` (null: none, or the gate stopped it). */
export function warningsMessage(gate: Quality, locale: Locale): string | null {
  return gate.failure === null ? warningsSaid(gate.first, gate.warnings, 'page', locale) : null;
}
