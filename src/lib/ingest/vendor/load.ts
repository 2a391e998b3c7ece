/**
 * A folder of vendor exports into a Dataset (pure: the files come in as
 * byte sources, see read-folder.ts). Each file's format and role are
 * detected from its header row (`format` overrides the format); a series of
 * exports of one kind, dated by a `YYYY-MM-DD` in the file name or by a
 * dated subfolder, is handed to the adapter as snapshots, oldest first.
 */
import type { Dataset, Issue } from '../../dataset.ts';
import { byCodePoint } from '../../stats.ts';
import { isLocalDate, type LocalDate } from '../../time.ts';
import type { Config } from '../config.ts';
import type { ByteSource } from '../decode.ts';
import { IngestFatalError, IssueLog } from '../issues.ts';
import { workbookMessage } from '../export-listing.ts';
import { assembleDataset } from './assemble.ts';
import { type KeepColumns, readVendorTable } from './read-table.ts';
import { ADAPTERS } from './registry.ts';
import type { Adapter, Signature, VendorFile, VendorTable } from './types.ts';

export interface ExportFile {
  /** Path relative to the data folder, `/`-separated. */
  path: string;
  source: ByteSource;
  /** Already read, with what reading it found (a large file read in parts: read-split.ts). */
  read?: { table: VendorTable; issues: readonly Issue[] } | undefined;
}

export interface LoadExportsOptions {
  /** `--format`: skip detection and read every file as this format. */
  format?: string | undefined;
  pipeline?: string | undefined;
  /** Keep only the columns the adapter reads (`Adapter.columns`); `npm run init` looks at every column. */
  lean?: boolean | undefined;
  /** Spreadsheet workbooks found in the folder (export-listing.ts): not read, each reported. */
  workbooks?: readonly string[] | undefined;
}

/** The export date a path carries: the last `YYYY-MM-DD` (or `YYYY_MM_DD`, `YYYYMMDD`) in its file name, else in its folders. */
export function snapshotDateOf(path: string): LocalDate | null {
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const matches = [...parts[i]!.matchAll(/(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/gu)];
    for (let k = matches.length - 1; k >= 0; k--) {
      const m = matches[k]!;
      const date = `${m[1]}-${m[2]}-${m[3]}`;
      if (isLocalDate(date)) return date;
    }
  }
  return null;
}

/** The adapters `--format` allows. */
export function allowedAdapters(format: string | undefined, adapters: readonly Adapter[] = ADAPTERS): readonly Adapter[] {
  return format ? adapters.filter((a) => a.format === format) : adapters;
}

/** For a header, the columns its adapter reads (`Adapter.columns`): what a lean read keeps. */
export function keptColumns(adapters: readonly Adapter[]): KeepColumns {
  return (names) => {
    const found = detectFormat(names, adapters);
    return found?.adapter.columns?.(found.role, names) ?? null;
  };
}

/**
 * When most of a header's names are written in another script (a CRM used in
 * Korean exports its column labels in Korean), why no adapter knows it and
 * what to do; null for a header in English. The adapters read the column
 * names each CRM documents, in English: a guessed translation could read the
 * wrong column.
 */
export function notInEnglish(headers: readonly string[]): string | null {
  const names = headers.filter((h) => h !== '');
  const foreign = names.filter((h) => /[^\u0000-\u007f]/u.test(h));
  if (names.length < 2 || foreign.length * 2 < names.length) return null;
  const shown = foreign.slice(0, 3).map((h) => JSON.stringify(h)).join(', ');
  return `its column names are not in English (${shown}${foreign.length > 3 ? ', ...' : ''}): set the CRM's language to English, export again, and replace this file (docs/exports.md)`;
}

const EMPTY_FILE = 'the file is empty (not even a header row); ignored';

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

/** A file with no header and no record (0 bytes, a byte order mark, blank lines). */
const isEmpty = (table: VendorTable) => table.rows === 0 && table.names.every((n) => n === '');

/** Which adapter reads a header, and as what; the first adapter that claims it wins. */
export function detectFormat(names: readonly string[], adapters: readonly Adapter[] = ADAPTERS): { adapter: Adapter; role: string } | null {
  for (const adapter of adapters) {
    const role = adapter.role(names);
    if (role !== null) return { adapter, role };
  }
  return null;
}

export function loadExports(files: readonly ExportFile[], config: Config, options: LoadExportsOptions = {}): Dataset {
  const issues = new IssueLog();
  const { adapter, roles, tables } = detectExports(files, { ...options, lean: true }, issues);
  const output = adapter.adapt(roles, { config, pipeline: options.pipeline });
  return assembleDataset({ output, tables, config, format: adapter.format, readIssues: issues.issues });
}

export interface DetectedExports {
  adapter: Adapter;
  /** The adapter's files by role, each list sorted by snapshot date, then path. */
  roles: Map<string, VendorFile[]>;
  tables: VendorTable[];
  /** Files no adapter claimed (reported as unknown exports). */
  ignored: VendorTable[];
}

/**
 * Read every file and group the ones an adapter claims by role (also used by
 * `npm run init`). Throws when no file is an export, or when the folder
 * mixes the exports of different CRMs.
 */
export function detectExports(files: readonly ExportFile[], options: LoadExportsOptions, issues: IssueLog, adapters: readonly Adapter[] = ADAPTERS): DetectedExports {
  const candidates = allowedAdapters(options.format, adapters);
  if (options.format && candidates.length === 0) {
    throw new IngestFatalError('', `unknown --format "${options.format}" (one of: canonical, ${adapters.map((a) => a.format).join(', ')})`);
  }
  const byFormat = new Map<Adapter, Map<string, VendorFile[]>>();
  const tables: VendorTable[] = [];
  const ignored: VendorTable[] = [];
  const workbooks = options.workbooks ?? [];
  for (const path of workbooks) issues.warning(path, 0, '', 'not_csv', workbookMessage());
  for (const file of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    if (file.read) issues.issues.push(...file.read.issues);
    const table = file.read?.table ?? readVendorTable(file.path, file.source, issues, options.lean ? keptColumns(candidates) : undefined);
    const found = detectFormat(table.names, candidates);
    if (!found && isEmpty(table)) {
      ignored.push(table);
      issues.warning(file.path, 0, '', 'empty_file', EMPTY_FILE);
      continue;
    }
    if (!found) {
      ignored.push(table);
      const why = notInEnglish(table.headers) ?? nearMiss(table.headers, candidates);
      issues.warning(
        file.path,
        0,
        '',
        'unknown_export',
        `not a file this tool reads (its columns match no ${options.format ?? 'supported'} export); the file is ignored${why ? `: ${why}` : ''}`,
      );
      continue;
    }
    tables.push(table);
    let roles = byFormat.get(found.adapter);
    if (!roles) byFormat.set(found.adapter, (roles = new Map()));
    let list = roles.get(found.role);
    if (!list) roles.set(found.role, (list = []));
    list.push({ table, snapshotDate: snapshotDateOf(file.path) });
  }
  if (byFormat.size === 0) {
    const names = [...files.map((f) => f.path), ...workbooks].join(', ') || 'no CSV file';
    const why = ignored.flatMap((t) => {
      const language = isEmpty(t) ? EMPTY_FILE : (notInEnglish(t.headers) ?? nearMiss(t.headers, candidates));
      return language ? [` ${t.file}: ${language}.`] : [];
    });
    for (const path of workbooks) why.push(` ${path}: ${workbookMessage()}.`);
    throw new IngestFatalError(
      names,
      `no export found: ${names}. Put deals.csv and stage_history.csv (docs/input.md) or the files your CRM exports (docs/exports.md) in the folder.${why.join('')}`.replace(/\.$/u, ''),
    );
  }
  if (byFormat.size > 1) {
    const which = [...byFormat].map(([a, roles]) => `${a.name} (${[...roles.values()].flat().map((f) => f.table.file).join(', ')})`).join('; ');
    throw new IngestFatalError('', `the folder mixes exports of different CRMs: ${which}. Keep one CRM's files per folder, or choose one with --format`);
  }
  const [adapter, roles] = [...byFormat][0]!;
  for (const list of roles.values()) {
    list.sort((a, b) => byCodePoint(a.snapshotDate ?? '', b.snapshotDate ?? '') || byCodePoint(a.table.file, b.table.file));
  }
  return { adapter, roles, tables, ignored };
}
