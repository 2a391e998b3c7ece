/**
 * Why a file of an exports folder that no adapter claims is not read, and
 * what to do, for the warning (or the fatal error, when nothing else is
 * readable) that names it (load.ts): an empty file, a web page or JSON saved
 * as .csv, a header in another language, or an export that lacks a column its
 * adapter needs. Workbooks never get this far (export-listing.ts).
 */
import { firstNames, foreignHeaderNames, notCsv } from '../header-hints.ts';
import { ADAPTERS } from './registry.ts';
import { isFieldHistoryReport } from './salesforce-common.ts';
import type { Adapter, Signature, VendorTable } from './types.ts';

const EMPTY_FILE = 'the file is empty (not even a header row); ignored';

/** A file with no header and no record (0 bytes, a byte order mark, blank lines). */
export const isEmpty = (table: VendorTable) => table.rows === 0 && table.names.every((n) => n === '');

export interface NotRead {
  code: 'empty_file' | 'unknown_export';
  /** What is wrong and what to do; '' when nothing more precise than "matches no export" can be said. */
  reason: string;
}

export function whyNotRead(table: VendorTable, adapters: readonly Adapter[] = ADAPTERS): NotRead {
  if (isEmpty(table)) return { code: 'empty_file', reason: EMPTY_FILE };
  return { code: 'unknown_export', reason: notCsv(table.headers) ?? notInEnglish(table.headers) ?? otherReport(table.headers) ?? nearMiss(table.headers, adapters) ?? '' };
}

/**
 * A CRM report that is not one an adapter reads, though it shares columns with one (so `nearMiss` would
 * name the wrong report and what to add to it): what it is and what to export instead; null otherwise.
 */
export function otherReport(headers: readonly string[]): string | null {
  if (isFieldHistoryReport(headers.map((h) => h.toLowerCase()))) {
    return 'it is a Salesforce Opportunity Field History report ("Field / Event", "Old Value", "New Value"), which is not read: export the Opportunity History report (with "From Stage" and "To Stage") instead (docs/exports.md)';
  }
  return null;
}

/**
 * When most of a header's names are written in another script (a CRM used in
 * Korean exports its column labels in Korean), why no adapter knows it and
 * what to do; null for a header in English. The adapters read the column
 * names each CRM documents, in English: a guessed translation could read the
 * wrong column.
 */
export function notInEnglish(headers: readonly string[]): string | null {
  const foreign = foreignHeaderNames(headers);
  if (foreign === null) return null;
  return `its column names are not in English (${firstNames(foreign)}): set the CRM's language to English, export again, and replace this file (docs/exports.md)`;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * When a header has columns only one kind of vendor file has (`Signature.marks`)
 * but lacks some it needs (an export of a view without its stage column), what
 * it looks like and what it lacks; null otherwise.
 */
export function nearMiss(headers: readonly string[], adapters: readonly Adapter[] = ADAPTERS): string | null {
  const present = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const has = (name: string) => present.has(name.toLowerCase());
  const signatures: Signature[] = adapters.flatMap((a) => a.signatures ?? []);
  for (const s of signatures) {
    const marks = s.marks.filter(has);
    if (marks.length === 0) continue;
    const lacking = s.needs.filter((group) => !group.some(has));
    if (lacking.length === 0) continue;
    // `"Stage" and "Opportunity Name" (or "Opportunity ID")`: each needed column, with its alternatives.
    const lacks = lacking.map(([first, ...others]) => `"${first}"${others.length > 0 ? ` (or ${others.map((n) => `"${n}"`).join(', ')})` : ''}`).join(' and ');
    return `it looks like ${s.what} (it has ${quoted(marks.map((m) => present.get(m.toLowerCase())!))}) but lacks ${lacks}: add ${lacking.length > 1 ? 'them' : 'it'} to the exported columns and export again (docs/exports.md)`;
  }
  return null;
}
