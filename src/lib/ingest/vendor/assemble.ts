/**
 * An adapter's canonical tables into a Dataset: the stage names are checked
 * first (one fatal error listing every unmatched name, with a snippet to
 * paste), then the tables' rows are read by the same builder and validators
 * as a canonical folder's files, and finally every issue is pointed back at
 * the vendor file, line and column it came from.
 */
import type { Dataset, FileStats, Issue } from '../../dataset.ts';
import type { Config } from '../config.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { buildDataset, type FileInput } from '../dataset-builder.ts';
import { rowContext } from '../schema.ts';
import { compareIssues, IngestFatalError, IssueLog } from '../issues.ts';
import { stagesSnippet } from './stage-snippet.ts';
import {
  type AdapterOutput,
  type BesideFile,
  type BesideName,
  type CanonicalName,
  type CanonicalRows,
  CanonicalTable,
  type Origin,
  StageHistoryTable,
  type VendorTable,
} from './types.ts';
import { isSheetError } from '../sheet-errors.ts';
import { withDateOrderEvidence } from '../date-order-evidence.ts';
import { isRewrittenCell, quotingAsWritten } from './clock.ts';
import { quoteValue } from '../date-messages.ts';

/**
 * Every stage cell that matches no configured stage, with the number of
 * vendor rows it stands in (a vendor row often yields both a deal and a
 * history row: it counts once), in first-seen order.
 */
export function unmatchedStages(output: AdapterOutput, config: Config): Map<string, number> {
  const lookup = stageLookup(config);
  // A few stage names on a million rows: each distinct cell is matched once.
  const matched = new Map<string, boolean>();
  const matches = (cell: string) => {
    let m = matched.get(cell);
    // A spreadsheet's error value (#N/A) is no stage name to configure: the row is rejected as what it is (sheet_error).
    if (m === undefined) matched.set(cell, (m = cell === '' || isSheetError(cell) || lookup.has(normalizeStageName(cell))));
    return m;
  };
  const rows = new Map<string, Set<string>>();
  for (const name of ['deals.csv', 'stage_history.csv'] as const) {
    const table = output.tables[name];
    const col = table?.columns.indexOf('stage') ?? -1;
    if (!table || col === -1) continue;
    // Stage history keeps its distinct names: when all match, no row needs a look.
    if (table instanceof StageHistoryTable && table.stages.texts.every(matches)) continue;
    for (let i = 0; i < table.length; i++) {
      const cell = table.cell(i, col);
      if (matches(cell)) continue;
      let seen = rows.get(cell);
      if (!seen) rows.set(cell, (seen = new Set()));
      const origin = table.origin(i);
      seen.add(`${origin.file}\u0000${origin.line}`);
    }
  }
  return new Map([...rows].map(([name, seen]) => [name, seen.size]));
}

export interface AssembleInput {
  output: AdapterOutput;
  tables: readonly VendorTable[];
  config: Config;
  format: string;
  /** Issues found while reading the vendor files (malformed records, encodings). */
  readIssues: readonly Issue[];
  /** `--config`'s file, when the config is not the folder's pipeline.config.json. */
  configName?: string | undefined;
  /** The canonical files beside the exports (types.ts `BESIDE_EXPORTS`), read as a canonical folder reads them. */
  beside?: readonly BesideFile[] | undefined;
}

export function assembleDataset({ output, tables, config, format, readIssues, configName, beside = [] }: AssembleInput): Dataset {
  const unmatched = unmatchedStages(output, config);
  if (unmatched.size > 0) {
    const list = [...unmatched].map(([name, rows]) => `"${name}" (${rows} row${rows === 1 ? '' : 's'})`).join(', ');
    const files = tables.map((t) => t.file).join(', ');
    throw new IngestFatalError(
      'unmatched_stages',
      files,
      `${files}: ${unmatched.size} stage name${unmatched.size === 1 ? ' matches' : 's match'} no configured stage: ${list}. ` +
        // With --config, init writes beside it: printed (--out -) for the stages to be copied into that file.
        `Add them to "stages" in ${configName ?? 'pipeline.config.json'} (a snippet follows), or run \`npm run init -- --data <folder>${configName ? ' --out -' : ''}\`${configName ? ` and copy its stages into ${configName}` : ''}; ` +
        'a name a configured stage had before it was renamed goes into that stage\'s "aliases" instead (`"aliases": ["Old name"]`).',
      { details: stagesSnippet(config, [...unmatched.keys()]) },
    );
  }

  // The rows go to the canonical readers as they are: row r reads as line r + 2 of its file.
  const files: Partial<Record<CanonicalName, FileInput>> = {};
  const byName = new Map<string, CanonicalRows>();
  for (const [name, table] of Object.entries(output.tables) as [CanonicalName, CanonicalRows][]) {
    if (table instanceof CanonicalTable) files[name] = { names: table.columns, cells: table.cells, length: table.length };
    byName.set(name, table);
  }
  const history = output.tables['stage_history.csv'];
  if (history) {
    const prepass = history.prepass(rowContext(config));
    // The cells are made only if the prepass were refused, which it never is.
    files['stage_history.csv'] = { prepared: () => prepass, get source() { return history.rowsSource(); } };
  }
  // Their rows are their own files' lines: their issues and counts need no remapping.
  const besideIssues = new IssueLog();
  const read: BesideName[] = [];
  for (const { name, path, source } of beside) {
    const own = output.tables[name];
    if (own) {
      // Only accounts.csv can be: the export's own accounts (Salesforce's Account object) are read; two sources of one account would disagree.
      besideIssues.warning(path, 0, '', 'file_not_read', `not read: the export has accounts of its own (${own.length > 0 ? own.origin(0).file : 'its Account file'}), which are read instead`);
      continue;
    }
    files[name] = source;
    read.push(name);
  }
  const dataset = buildDataset(files, config, { fromExport: true });

  const fallbackFile = tables[0]?.file ?? '';
  // A stage as the export names it (its label; the id the config gives it otherwise).
  const stageNames = new Map(config.stages.map((st) => [st.id, st.label.en ?? Object.values(st.label)[0] ?? st.id]));
  const stageName = (id: string) => stageNames.get(id) ?? id;
  const written = writtenCells(tables);
  const remapped = withoutRepeats(withoutEchoes(dataset.issues.map((issue) => remapIssue(issue, byName, fallbackFile, stageName, written))));
  const issues = withDateOrderEvidence([...readIssues, ...output.issues, ...remapped, ...besideIssues.issues].sort(compareIssues));
  return {
    ...dataset,
    source: { format, limitations: [...new Set([...output.limitations, ...dataset.source.limitations])] },
    files: withBesideStats(vendorStats(tables, issues, output.dropped, output.notRows), read, dataset.files),
    issues,
  };
}

/**
 * One vendor record often yields a deal and its history rows (a HubSpot deal
 * row and its "Date entered" cells). When the deal is rejected, its history
 * rows are rejected as `unknown_deal` "belonging to a rejected row": on the
 * same vendor line, that only repeats the first error, so it is left out.
 */
function withoutEchoes(issues: Issue[]): Issue[] {
  const causes = new Set<string>();
  for (const i of issues) if (i.severity === 'error' && i.code !== 'unknown_deal') causes.add(`${i.file}\u0000${i.line}`);
  return issues.filter((i) => i.code !== 'unknown_deal' || !causes.has(`${i.file}\u0000${i.line}`));
}

/**
 * One export column often fills two canonical ones (HubSpot's Close Date is expected_close_at and, for a closed deal,
 * closed_at): an unreadable cell is then one problem, which remapping makes two identical issues; one is kept.
 */
function withoutRepeats(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\u0000${i.line}\u0000${i.column}\u0000${i.code}\u0000${i.severity}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The cell under vendor column `column` (its header, any case) on `line` of vendor file `file`, as written; null when not found. */
type WrittenCell = (file: string, line: number, column: string) => string | null;

function writtenCells(tables: readonly VendorTable[]): WrittenCell {
  return (file, line, column) => {
    const table = tables.find((t) => t.file === file);
    const c = table?.names.indexOf(column.trim().toLowerCase()) ?? -1;
    if (!table || c < 0) return null;
    // Records are in line order.
    let lo = 0;
    let hi = table.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = table.line(mid);
      if (at === line) return table.cell(mid, c);
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  };
}

function remapIssue(issue: Issue, byName: Map<string, CanonicalRows>, fallbackFile: string, stageName: (id: string) => string, written: WrittenCell): Issue {
  const table = byName.get(issue.file);
  if (!table) return issue;
  const row = issue.line - 2;
  const origin: Origin = row >= 0 && row < table.length ? table.origin(row) : { file: table.length > 0 ? table.origin(0).file : fallbackFile, line: 0 };
  const source = table.sourceColumns.get(issue.column);
  const message = source && row >= 0 && row < table.length ? quotingCellAsWritten(issue.message, table, row, issue.column, () => written(origin.file, origin.line, source)) : issue.message;
  const relabelled = source && message.startsWith(`${issue.column} `) ? `"${source}" ${message.slice(issue.column.length + 1)}` : message;
  // A closed deal without a close date, from an export with no close date column (a history report): its stage's column is the one to look at.
  const column = source ?? (issue.code === 'missing_close' ? table.sourceColumns.get('stage') : undefined) ?? issue.column;
  return { ...issue, file: origin.file, line: origin.line, column, message: inExportTerms(relabelled, byName, issue.file, origin.file, stageName) };
}

/**
 * A message about a cell the adapter rewrote for the canonical reader (a 12-hour clock, clock.ts), quoting the
 * export's cell as written, which the user can find in the file; other messages as they are.
 */
function quotingCellAsWritten(message: string, table: CanonicalRows, row: number, column: string, written: () => string | null): string {
  const c = table.columns.indexOf(column);
  if (c < 0) return message;
  const rewritten = table.cell(row, c);
  // Most messages quote no cell, or one as written: the export's file is looked at only for the others.
  if (!message.includes(quoteValue(rewritten))) return message;
  const cell = written();
  return cell !== null && isRewrittenCell(rewritten, cell) ? quotingAsWritten(message, rewritten, cell) : message;
}

/**
 * The canonical files a message names (a line of stage_history.csv, a rejected row of deals.csv), which the user of a
 * CRM export never saw, as the export's own file and line.
 */
function inExportTerms(message: string, byName: Map<string, CanonicalRows>, canonical: string, file: string, stageName: (id: string) => string): string {
  const where = (name: string, line: string): string | null => {
    const table = byName.get(name);
    const row = Number(line) - 2;
    if (!table || row < 0 || row >= table.length) return null;
    const origin = table.origin(row);
    return `${origin.file} line ${origin.line}`;
  };
  return message
    .replace(/ is after the deal's first stage_history row \(entered /u, " is after the deal's first stage entry (entered ")
    .replace(/the latest stage_history row \(line (\d+)\)/u, (text, line: string) => {
      const at = where('stage_history.csv', line);
      return at === null ? text : `the latest stage entry (${at})`;
    })
    .replace(/ already appears on line (\d+); this later row is rejected/u, (text, line: string) => {
      // The first row of a repeated id (a deal's, an account's), as the export's line (its own file's, or another export's):
      // a line of the same canonical file as the message's.
      const table = byName.get(canonical);
      const row = Number(line) - 2;
      if (!table || row < 0 || row >= table.length) return text;
      const origin = table.origin(row);
      return ` already appears on ${origin.file === file ? '' : `${origin.file} `}line ${origin.line}; this later row is rejected`;
    })
    .replace(/belongs to a rejected deals\.csv row \(line (\d+)\)/u, (text, line: string) => {
      const at = where('deals.csv', line);
      return at === null ? text : `belongs to a rejected row (${at})`;
    })
    .replace(/ is not in deals\.csv$/u, " is not among the export's deals")
    .replace(/^(?:"[^"]*"|closed_at) is empty for a deal in closed stage "(.+)" that has no stage_history rows, so its close date is unknown$/u, (text, stage: string) => {
      const column = byName.get('deals.csv')?.sourceColumns.get('stage');
      return column === undefined
        ? text
        : `the deal is in the closed stage "${stageName(stage)}" ("${column}"), but the export has no stage entry that dates it and no close date, so when it closed is unknown: export its whole history (a report filtered by date leaves earlier changes out)`;
    })
    .replace(/^no stage_history rows; the history is synthesized from created_at, stage and closed_at$/u, (text) => {
      const columns = byName.get('deals.csv')?.sourceColumns;
      const named = ['created_at', 'stage', 'closed_at'].map((c) => columns?.get(c)).filter((c) => c !== undefined);
      return named.length === 0 ? text : `no stage entries in the export; the history is made from ${named.map((c) => `"${c}"`).join(', ').replace(/, ([^,]*)$/u, ' and $1')}`;
    });
}

/** The vendor files' counts, and those of the canonical files read beside them (counted by their own read). */
function withBesideStats(stats: Record<string, FileStats>, read: readonly BesideName[], canonical: Record<string, FileStats>): Record<string, FileStats> {
  for (const name of read) if (Object.hasOwn(canonical, name)) stats[name] = canonical[name]!;
  return stats;
}

/** Per vendor file: a record is rejected when it was dropped or any error names its line. */
function vendorStats(tables: readonly VendorTable[], issues: readonly Issue[], dropped: readonly Origin[], notRows: readonly Origin[]): Record<string, FileStats> {
  const rejected = new Map<string, Set<number>>(tables.map((t) => [t.file, new Set<number>()]));
  const skipped = new Map<string, Set<number>>(tables.map((t) => [t.file, new Set<number>()]));
  for (const o of notRows) skipped.get(o.file)?.add(o.line);
  for (const i of issues) if (i.severity === 'error' && i.line > 0 && !skipped.get(i.file)?.has(i.line)) rejected.get(i.file)?.add(i.line);
  for (const o of dropped) rejected.get(o.file)?.add(o.line);
  const stats: Record<string, FileStats> = Object.create(null) as Record<string, FileStats>;
  for (const t of tables) {
    const rows = t.rows - skipped.get(t.file)!.size;
    const n = rejected.get(t.file)!.size;
    stats[t.file] = { rows, accepted: rows - n, rejected: n };
  }
  return stats;
}
