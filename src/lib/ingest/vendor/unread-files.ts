/**
 * Why a file of an exports folder that no adapter claims is not read, and
 * what to do, for the warning (or the fatal error, when nothing else is
 * readable) that names it (load.ts): an empty file, a web page or JSON saved
 * as .csv, a header in another language, or an export that lacks a column its
 * adapter needs. Workbooks never get this far (export-listing.ts).
 */
import { firstNames, foreignHeaderNames, notCsv } from '../header-hints.ts';
import { DEAL_REQUIRED, FIELD_HISTORY_COLUMNS, STAGE_HISTORY_COLUMNS, TARGET_REQUIRED } from '../schema.ts';
import { renamedSaid } from '../renamed-files.ts';
import { COMPANY_EXPORTS } from '../other-files.ts';
import { ADAPTERS } from './registry.ts';
import { isFieldHistoryReport } from './salesforce-common.ts';
import { type Adapter, CANONICAL_FILES, isBesideName, type Signature, type VendorTable } from './types.ts';

const EMPTY_FILE = 'the file is empty (not even a header row); ignored';

/** A file with no header and no record (0 bytes, a byte order mark, blank lines). */
export const isEmpty = (table: VendorTable) => table.rows === 0 && table.names.every((n) => n === '');

export interface NotRead {
  code: 'empty_file' | 'unknown_export';
  /** What is wrong and what to do; '' when nothing more precise than "matches no export" can be said. */
  reason: string;
}

/** `all`: every adapter, when `--format` chose `adapters` among them (so a file of another format is named as such). */
export function whyNotRead(table: VendorTable, adapters: readonly Adapter[] = ADAPTERS, all: readonly Adapter[] = ADAPTERS): NotRead {
  if (isEmpty(table)) return { code: 'empty_file', reason: EMPTY_FILE };
  return {
    code: 'unknown_export',
    reason: notCsv(table.headers) ?? otherFormat(table, adapters, all) ?? notInEnglish(table.headers) ?? otherReport(table.headers) ?? nearMiss(table.headers, adapters) ?? '',
  };
}

/** The canonical files (docs/input.md), by name: what `--format <vendor>` does not read. */
const CANONICAL_NAMES = new Set<string>(CANONICAL_FILES);

/** One file of a format, for messages: "a Salesforce report" (the adapter's name is the plural "Salesforce reports"). */
const oneOf = (adapter: Adapter) => {
  const one = adapter.name.replace(/s$/u, '');
  return `${/^[AEIOU]/u.test(one) ? 'an' : 'a'} ${one}`;
};
/** Files of a format: "Salesforce reports", "HubSpot deals exports". */
const manyOf = (adapter: Adapter) => (adapter.name.endsWith('s') ? adapter.name : `${adapter.name}s`);

/**
 * The CRM export that a file under a canonical name is instead (a HubSpot deals export saved as deals.csv):
 * its format and its words ("a HubSpot deals export"), or null when its header is not an export's, or is the
 * canonical file's.
 */
export function exportUnderCanonicalName(table: VendorTable): { format: string; one: string } | null {
  if (canonicalFileOf(table.names) !== null) return null;
  const adapter = ADAPTERS.find((a) => a.role(table.names) !== null);
  return adapter ? { format: adapter.format, one: oneOf(adapter) } : null;
}

/** A file that `--format` does not read but another format does: which, and the words for it. */
export interface OtherFormat {
  /** The --format to give, 'canonical' for the canonical files. */
  format: string;
  /** "it looks like a HubSpot deals export, not a Pipedrive deals export: run with ..." */
  one: string;
  /** The same for several files: "they look like HubSpot deals exports, not ...". */
  many: string;
}

/**
 * When `--format` chose adapters that do not read a file another adapter
 * does (a HubSpot export read with `--format pipedrive`), or the file is one
 * of the canonical files: what it is, and the --format to use; null otherwise.
 * `adapters` empty: `--format canonical`, and the file is a CRM's export.
 */
export function otherFormatOf(table: VendorTable, adapters: readonly Adapter[], all: readonly Adapter[] = ADAPTERS): OtherFormat | null {
  const nested = canonicalInSubfolder(table.file);
  if (nested !== null) return nested;
  const renamed = renamedCanonical(table);
  if (renamed !== null) return renamed;
  if (adapters.length === all.length) return null;
  // No adapter: --format canonical.
  const wanted = adapters.length === 0 ? 'one of the canonical files' : adapters.length === 1 ? oneOf(adapters[0]!) : 'the format --format names';
  const other = all.find((a) => !adapters.includes(a) && a.role(table.names) !== null);
  if (other) {
    const run = `run with --format ${other.format}, or without --format to detect it`;
    return { format: other.format, one: `it looks like ${oneOf(other)}, not ${wanted}: ${run}`, many: `they look like ${manyOf(other)}, not ${wanted.replace(/^one of the /u, '')}: ${run}` };
  }
  const base = table.file.split('/').pop()!.toLowerCase();
  if (adapters.length === 0 || !CANONICAL_NAMES.has(base)) return null;
  const run = 'run with --format canonical, or without --format';
  return { format: 'canonical', one: `it is one of the canonical files (docs/input.md), not ${wanted}: ${run}`, many: `they are the canonical files (docs/input.md), not ${wanted}: ${run}` };
}

/**
 * A canonical file one folder down (`sample/deals.csv`: the folder given to --data is the one above
 * the data): read only at the top of the data folder, so the way to read it is to point --data at
 * its folder. Said for every file of that folder together, whatever --format says.
 */
function canonicalInSubfolder(file: string): OtherFormat | null {
  const slash = file.lastIndexOf('/');
  if (slash < 0 || !CANONICAL_NAMES.has(file.slice(slash + 1).toLowerCase())) return null;
  const folder = file.slice(0, slash);
  // In a ZIP archive (archive-exports.ts): read only once extracted.
  const archive = /^(?:.*\/)?[^/]+\.zip(?=\/|$)/iu.exec(folder)?.[0];
  if (archive !== undefined) {
    const inArchive = `in the ZIP archive "${archive}", and canonical files are read only at the top of the data folder: extract the archive there`;
    return {
      format: `canonical in ${archive}`,
      one: `it is one of the canonical files (docs/input.md), ${inArchive}`,
      many: `they are the canonical files (docs/input.md), ${inArchive}`,
    };
  }
  const where = `in a subfolder, and canonical files are read only at the top of the data folder: point --data at`;
  return {
    format: `canonical in ${folder}`,
    one: `it is one of the canonical files (docs/input.md), ${where} its folder, "${folder}"`,
    many: `they are the canonical files (docs/input.md), ${where} their folder, "${folder}"`,
  };
}

/**
 * The canonical files a header tells, by their required columns (input.md). Not accounts.csv: an
 * `account_id` column alone tells nothing.
 */
const CANONICAL_COLUMNS: readonly (readonly [file: string, columns: readonly string[]])[] = [
  ['deals.csv', DEAL_REQUIRED],
  ['stage_history.csv', STAGE_HISTORY_COLUMNS],
  ['field_history.csv', FIELD_HISTORY_COLUMNS],
  ['targets.csv', TARGET_REQUIRED],
];

/** The canonical file whose required columns a header (lower-cased names) has, or null. */
export function canonicalFileOf(names: readonly string[]): string | null {
  return CANONICAL_COLUMNS.find(([, columns]) => columns.every((c) => names.includes(c)))?.[0] ?? null;
}

/**
 * A canonical file under another name: `Pipeline - deals.csv` (a Google Sheets download is named
 * after the spreadsheet and the sheet), `deals (1).csv` (a browser's second download). Read by name
 * only, it was "no export found" beside the very file.
 */
function renamedCanonical(table: VendorTable): OtherFormat | null {
  const base = table.file.slice(table.file.lastIndexOf('/') + 1).toLowerCase();
  const file = canonicalFileOf(table.names);
  if (file === null || CANONICAL_NAMES.has(base)) return null;
  return { format: `renamed ${file}`, one: renamedSaid(file), many: `they have the columns of ${file} (docs/input.md) under other names: keep one and rename it ${file}` };
}


/**
 * Of the canonical files, only accounts.csv and targets.csv are read beside a CRM's exports (load.ts): a file at the top of
 * such a folder that is another canonical file, by name or by its columns (`field_history (1).csv`), says
 * so rather than "its columns match no export" or "rename it", which would not get it read, as does
 * accounts.csv or targets.csv in a subfolder ("point --data at its folder" would lose the exports); null for
 * any other file.
 */
export function canonicalBesideExports(table: VendorTable): string | null {
  const slash = table.file.lastIndexOf('/');
  const base = table.file.slice(slash + 1).toLowerCase();
  const named = CANONICAL_NAMES.has(base);
  const file = named ? base : canonicalFileOf(table.names);
  if (file === null) return null;
  if (isBesideName(file)) {
    // Read at the top (types.ts BESIDE_EXPORTS); a copy there under another name says to rename it (renamedCanonical).
    return slash < 0 ? null : `not read: ${file} is read at the top of an exports folder, not in a subfolder (a dated export's folder): move it there`;
  }
  // The others one folder down are a canonical folder's files: canonicalInSubfolder names that folder.
  if (slash >= 0) return null;
  const what = named ? 'one of the canonical files (docs/input.md)' : `it has the columns of ${file}, one of the canonical files (docs/input.md)`;
  return `not read: ${what}, which are read only in a folder with deals.csv (and without exports); beside a CRM's exports, only accounts.csv and targets.csv are read`;
}

/** `otherFormatOf`'s sentence for one file; null when the file is not of another format. */
export function otherFormat(table: VendorTable, adapters: readonly Adapter[], all: readonly Adapter[] = ADAPTERS): string | null {
  return otherFormatOf(table, adapters, all)?.one ?? null;
}

/** Files of other formats than `--format` names, grouped by format: `"a.csv, b.csv: they look like ..."` (or one file's `"a.csv: it looks like ..."`). */
export function otherFormatsSaid(files: readonly { file: string; other: OtherFormat }[]): string[] {
  const byFormat = new Map<string, { files: string[]; other: OtherFormat }>();
  for (const { file, other } of files) {
    const group = byFormat.get(other.format);
    if (group) group.files.push(file);
    else byFormat.set(other.format, { files: [file], other });
  }
  return [...byFormat.values()].map((g) => `${g.files.join(', ')}: ${g.files.length === 1 ? g.other.one : g.other.many}`);
}

/**
 * A CRM report that is not one an adapter reads, though it shares columns with one (so `nearMiss` would
 * name the wrong report and what to add to it): what it is and what to export instead; null otherwise.
 */
export function otherReport(headers: readonly string[]): string | null {
  const names = headers.map((h) => h.toLowerCase());
  if (isFieldHistoryReport(names)) {
    return 'it is a Salesforce Opportunity Field History report ("Field / Event", "Old Value", "New Value"), which is not read: export the Opportunity History report (with "From Stage" and "To Stage") instead (docs/exports.md)';
  }
  // A CRM's company export beside its deals export: an accounts.csv under another name (other-files.ts reads its columns so).
  const company = COMPANY_EXPORTS.find((c) => names.includes(c.id) && names.includes(c.name) && !names.includes(c.deal));
  if (company) {
    const [id, name] = [company.id, company.name].map((n) => headers[names.indexOf(n)]!);
    return `it is ${company.what} ("${id}", "${name}"), which is read only as accounts.csv: rename it accounts.csv to read each company's industry with its deals (docs/exports.md)`;
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
