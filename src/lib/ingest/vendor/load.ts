/**
 * A folder of vendor exports into a Dataset (pure: the files come in as
 * byte sources, see read-exports.ts). Each file's format and role are
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
import { ARCHIVE_MESSAGE, brokenArchiveMessage, brokenWorkbookMessage, unmatchedInArchive, WORKBOOK_MESSAGE } from '../export-listing.ts';
import { assembleDataset } from './assemble.ts';
import { type KeepColumns, readVendorTable } from './read-table.ts';
import { ADAPTERS } from './registry.ts';
import { type Adapter, type BesideFile, type BesideName, isBesideName, type VendorFile, type VendorTable } from './types.ts';
import { canonicalBesideExports, canonicalFileOf, isEmpty, type OtherFormat, otherFormatOf, otherFormatsSaid, whyNotRead } from './unread-files.ts';
import { notCsv } from '../header-hints.ts';
import { appendAll } from '../../append.ts';
import { refusePipelineOption } from './pipeline-choice.ts';

export interface ExportFile {
  /** Path relative to the data folder, `/`-separated. */
  path: string;
  source: ByteSource;
  /** Already read, with what reading it found (a large file read in parts: read-split.ts). */
  read?: { table: VendorTable; issues: readonly Issue[] } | undefined;
  /** Said about the file before its rows (a workbook's sheets left unread: workbook-exports.ts). */
  notes?: readonly Issue[] | undefined;
  /** The ZIP archive that holds it (archive/archive-exports.ts), whose files no export matches are named together. */
  archive?: string | undefined;
}

export interface LoadExportsOptions {
  /** `--format`: skip detection and read every file as this format. */
  format?: string | undefined;
  pipeline?: string | undefined;
  /** Keep only the columns the adapter reads (`Adapter.columns`); `npm run init` looks at every column. */
  lean?: boolean | undefined;
  /** Spreadsheet workbooks found in the folder (export-listing.ts): not read, each reported. */
  workbooks?: readonly string[] | undefined;
  /** ZIP archives found in the folder (export-listing.ts): not read, each reported. */
  archives?: readonly string[] | undefined;
  /** XLSX workbooks that could not be read (workbook-exports.ts): each reported with why. */
  brokenWorkbooks?: readonly { path: string; reason: string }[] | undefined;
  /** ZIP archives that could not be read (archive-exports.ts): likewise. */
  brokenArchives?: readonly { path: string; reason: string }[] | undefined;
  /** Entries whose names are not UTF-8 (export-listing.ts `misnamed`): reported by the caller, named here when nothing else is read. */
  misnamed?: readonly { path: string; message: string }[] | undefined;
  /** `--config`'s file as given, when the config is not the folder's (named where messages say to edit the config). */
  configName?: string | undefined;
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
  const { adapter, roles, tables, beside } = detectExports(files, { ...options, lean: true }, issues);
  const output = adapter.adapt(roles, { config, pipeline: options.pipeline });
  const dataset = assembleDataset({ output, tables, config, format: adapter.format, readIssues: issues.issues, configName: options.configName, beside });
  return { ...dataset, dealFiles: dealFiles(roles) };
}

/** The roles of the files deals are read from: a deals export (HubSpot, Pipedrive), Salesforce's Opportunity object or Opportunities report. */
const DEAL_ROLES = ['deals', 'opportunity', 'opportunities'];

/** The files an adapter reads the deals from (a Salesforce Opportunity History report alone makes them too). */
function dealFiles(roles: ReadonlyMap<string, readonly VendorFile[]>): string[] {
  const files = DEAL_ROLES.flatMap((role) => roles.get(role) ?? []);
  return (files.length > 0 ? files : (roles.get('history') ?? [])).map((f) => f.table.file);
}

/** The canonical name of a file read beside the exports (types.ts BESIDE_EXPORTS): at the top of the folder, in any case. */
const besideName = (path: string): BesideName | undefined => {
  const name = path.toLowerCase();
  return isBesideName(name) ? name : undefined;
};

export interface DetectedExports {
  adapter: Adapter;
  /** The adapter's files by role, each list sorted by snapshot date, then path. */
  roles: Map<string, VendorFile[]>;
  tables: VendorTable[];
  /** Files no adapter claimed (reported as unknown exports). */
  ignored: VendorTable[];
  /** The canonical files beside the exports, read as a canonical folder's (types.ts BESIDE_EXPORTS), in path order. */
  beside: BesideFile[];
}

/**
 * Read every file and group the ones an adapter claims by role (also used by
 * `npm run init`). Throws when no file is an export, or when the folder
 * mixes the exports of different CRMs.
 */
/** The canonical files other than deals.csv (input.md), as a folder names them in any case. */
const CANONICAL_WITHOUT_DEALS = new Set(['stage_history.csv', 'field_history.csv', 'accounts.csv', 'targets.csv']);

export function detectExports(files: readonly ExportFile[], options: LoadExportsOptions, issues: IssueLog, adapters: readonly Adapter[] = ADAPTERS): DetectedExports {
  const candidates = allowedAdapters(options.format, adapters);
  if (options.format && candidates.length === 0) {
    throw new IngestFatalError('unknown_format', '', `unknown --format "${options.format}" (one of: canonical, ${adapters.map((a) => a.format).join(', ')})`);
  }
  const byFormat = new Map<Adapter, Map<string, VendorFile[]>>();
  const tables: VendorTable[] = [];
  const ignored: VendorTable[] = [];
  const beside: (BesideFile & { table: VendorTable })[] = [];
  /** Per archive, its CSV files no export matches. */
  const unmatched = new Map<string, string[]>();
  const workbooks = options.workbooks ?? [];
  const archives = options.archives ?? [];
  // Each workbook or archive, in path order, with what it is.
  const notCsvFiles = [
    ...workbooks.map((path) => ({ path, message: WORKBOOK_MESSAGE })),
    ...(options.brokenWorkbooks ?? []).map(({ path, reason }) => ({ path, message: brokenWorkbookMessage(reason) })),
    ...(options.brokenArchives ?? []).map(({ path, reason }) => ({ path, message: brokenArchiveMessage(reason) })),
    ...archives.map((path) => ({ path, message: ARCHIVE_MESSAGE })),
  ].sort((a, b) => byCodePoint(a.path, b.path));
  for (const { path, message } of notCsvFiles) issues.warning(path, 0, '', 'not_csv', message);
  for (const file of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    // A file read beside the exports is read again as a canonical file, which says what is wrong with it: its first reading's words are kept apart.
    const name = besideName(file.path);
    const log = name ? new IssueLog() : issues;
    if (file.notes) appendAll(log.issues, file.notes);
    if (file.read) appendAll(log.issues, file.read.issues);
    const table = file.read?.table ?? readVendorTable(file.path, file.source, log, options.lean ? keptColumns(candidates) : undefined);
    const found = detectFormat(table.names, candidates);
    // Read with the exports, not reported: unless no export is found, when it is one of the files named.
    if (!found && name) {
      beside.push({ name, path: file.path, source: file.source, table });
      continue;
    }
    if (log !== issues) appendAll(issues.issues, log.issues);
    if (!found) {
      ignored.push(table);
      // Said only if the folder is read as exports (else the run stops, naming it otherwise).
      const canonical = isEmpty(table) ? null : canonicalBesideExports(table);
      if (canonical !== null) {
        issues.warning(file.path, 0, '', 'file_not_read', canonical);
        continue;
      }
      const why = whyNotRead(table, candidates, adapters);
      // In an archive (a Salesforce Data Export holds a file per object): named together on the archive, below.
      if (file.archive !== undefined && why.code === 'unknown_export' && why.reason === '') {
        unmatched.set(file.archive, [...(unmatched.get(file.archive) ?? []), file.path.slice(file.archive.length + 1)]);
        continue;
      }
      if (why.code === 'empty_file') issues.warning(file.path, 0, '', why.code, why.reason);
      else issues.warning(file.path, 0, '', why.code, `not a file this tool reads (its columns match no ${options.format ?? 'supported'} export); the file is ignored${why.reason ? `: ${why.reason}` : ''}`);
      continue;
    }
    tables.push(table);
    let roles = byFormat.get(found.adapter);
    if (!roles) byFormat.set(found.adapter, (roles = new Map()));
    let list = roles.get(found.role);
    if (!list) roles.set(found.role, (list = []));
    list.push({ table, snapshotDate: snapshotDateOf(file.path) });
  }
  for (const [archive, names] of unmatched) {
    issues.warning(archive, 0, '', 'unknown_export', unmatchedInArchive(names, options.format));
  }
  if (byFormat.size === 0 && beside.length > 0) {
    ignored.push(...beside.map((b) => b.table));
    ignored.sort((a, b) => byCodePoint(a.file, b.file));
  }
  if (byFormat.size === 0) {
    // Canonical files without deals.csv: the folder is meant canonical, and deals.csv is what is missing.
    const canonical = files.map((f) => f.path).filter((p) => CANONICAL_WITHOUT_DEALS.has(p.toLowerCase()));
    // With --format <vendor>, deals.csv itself is in the list: each canonical file is named as such below.
    const hasDeals = files.some((f) => f.path.toLowerCase() === 'deals.csv');
    if (canonical.length > 0 && !hasDeals) {
      // deals.csv under another name (`deals (1).csv`): said, with what to do.
      const renamed = ignored.filter((t) => canonicalFileOf(t.names) === 'deals.csv').map((t) => ({ file: t.file, other: otherFormatOf(t, candidates, adapters)! }));
      const said = otherFormatsSaid(renamed).map((s) => `. ${s}`).join('');
      throw new IngestFatalError('missing_file', 'deals.csv', `deals.csv: required file is missing (the folder has ${canonical.join(', ')}; docs/input.md)${said}`);
    }
    const misnamed = options.misnamed ?? [];
    const names = [...files.map((f) => f.path), ...notCsvFiles.map((f) => f.path), ...misnamed.map((f) => f.path)].join(', ') || 'no CSV file';
    // Files of another format than --format names: grouped, what they are says what to do.
    const others: { file: string; other: OtherFormat }[] = [];
    const why = ignored.flatMap((t) => {
      const other = otherFormatOf(t, candidates, adapters);
      if (other && !isEmpty(t) && notCsv(t.headers) === null) {
        others.push({ file: t.file, other });
        return [];
      }
      const { reason } = whyNotRead(t, candidates, adapters);
      return reason ? [` ${t.file}: ${reason}.`] : [];
    });
    why.unshift(...otherFormatsSaid(others).map((said) => ` ${said}.`));
    const otherFormats = others.length;
    for (const { path, message } of [...notCsvFiles, ...misnamed]) why.push(` ${path}: ${message}.`);
    const what = options.format && candidates.length === 1 ? `no ${candidates[0]!.name} found (--format ${options.format})` : 'no export found';
    const put = otherFormats > 0 ? '' : ' Put deals.csv and stage_history.csv (docs/input.md) or the files your CRM exports (docs/exports.md) in the folder.';
    // Every file named in a group of another format: listed there only, not twice.
    const listed = otherFormats > 0 && otherFormats === files.length + notCsvFiles.length + misnamed.length ? '' : `: ${names}`;
    // The files: named in the message (`listed`, or each in its group), never again in front of it.
    throw new IngestFatalError('no_export', listed === '' ? '' : names, `${what}${listed}.${put}${why.join('')}`.replace(/\.$/u, ''));
  }
  if (byFormat.size > 1) {
    const which = [...byFormat].map(([a, roles]) => `${a.name} (${[...roles.values()].flat().map((f) => f.table.file).join(', ')})`).join('; ');
    throw new IngestFatalError('mixed_exports', '', `the folder mixes exports of different CRMs: ${which}. Keep one CRM's files per folder, or choose one with --format`);
  }
  const [adapter, roles] = [...byFormat][0]!;
  // Here, so that the metrics and init refuse it alike.
  if (!adapter.pipelines) refusePipelineOption(options.pipeline, tables.map((t) => t.file).join(', '), adapter.name);
  for (const list of roles.values()) {
    list.sort((a, b) => byCodePoint(a.snapshotDate ?? '', b.snapshotDate ?? '') || byCodePoint(a.table.file, b.table.file));
  }
  return { adapter, roles, tables, ignored, beside: beside.map(({ table: _table, ...file }) => file) };
}
