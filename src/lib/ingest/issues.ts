/**
 * Issues (data_quality) and the fatal error. Every issue names its file,
 * the record's first physical line (0 = the file as a whole), the column
 * ('' = the row as a whole), a stable code and a message.
 */
import type { Issue, Severity } from '../dataset.ts';
import { byCodePoint } from '../stats.ts';
import type { FatalCode } from './fatal-codes.ts';

/**
 * A problem that stops ingest: a missing required file or column, an
 * invalid config. The message is one line naming the file.
 */
export class IngestFatalError extends Error {
  /** Which message this is (the command line says it in the user's language by it). */
  code: FatalCode;
  file: string;
  /** Further lines the user needs (e.g. a ready-to-paste config snippet), printed after the message. */
  details: string;
  constructor(code: FatalCode, file: string, message: string, options?: { cause?: unknown; details?: string }) {
    super(message, options);
    this.name = 'IngestFatalError';
    this.code = code;
    this.file = file;
    this.details = options?.details ?? '';
  }
}

/** Collects issues for one ingest run. */
export class IssueLog {
  readonly issues: Issue[] = [];

  add(file: string, line: number, column: string, code: string, severity: Severity, message: string): void {
    this.issues.push({ file, line, column, code, severity, message });
  }

  error(file: string, line: number, column: string, code: string, message: string): void {
    this.add(file, line, column, code, 'error', message);
  }

  warning(file: string, line: number, column: string, code: string, message: string): void {
    this.add(file, line, column, code, 'warning', message);
  }

  /** A point to roll back to when a file is read again (see table.ts, encodings). */
  mark(): number {
    return this.issues.length;
  }

  rollback(mark: number): void {
    this.issues.length = mark;
  }

  /** The issues in report order (see `compareIssues`). */
  sorted(): Issue[] {
    return this.issues.slice().sort(compareIssues);
  }
}

/**
 * Report order: file name, line, column, code, then message, each by code
 * point. It is a total order on the issue's content, so the report never
 * depends on the order in which checks happened to run.
 */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    byCodePoint(a.file, b.file) ||
    a.line - b.line ||
    byCodePoint(a.column, b.column) ||
    byCodePoint(a.code, b.code) ||
    byCodePoint(a.message, b.message) ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
  );
}
