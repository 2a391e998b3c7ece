/**
 * CRM exports that hold several pipelines (HubSpot, Pipedrive): metrics are
 * about one pipeline's stages, so the pipelines are never mixed. With more
 * than one pipeline and no `--pipeline`, reading stops with the list of
 * pipelines and their deal counts; with `--pipeline`, the other pipelines'
 * rows are deliberately left out: not data errors, so they are not rejected
 * but set aside (`notRows`), with one warning per file saying how many.
 * The matching, the list of pipelines and the messages are shared with
 * `--pipeline` on canonical files (../pipeline-filter.ts).
 */
import type { Issue } from '../../dataset.ts';
import { IngestFatalError } from '../issues.ts';
import { cellAt } from './read-table.ts';
import type { Origin, VendorFile, VendorRecord } from './types.ts';
import { normalizeStageName } from '../stage-names.ts';

export interface PipelineChoice {
  /** Per file, the records of the chosen pipeline (all of them when there is one pipeline). */
  records: Map<VendorFile, readonly VendorRecord[]>;
  notRows: Origin[];
  issues: Issue[];
  /** Per file of a series, the deals set aside as another pipeline's: id to that pipeline's name (a deal moved is told from one deleted). */
  elsewhere: Map<VendorFile, Map<string, string>>;
}

/** A row's pipeline when its cell is empty, as messages name it. */
export const NO_PIPELINE = '(no pipeline)';

/** What pipelines are read from, as messages name it (`the HubSpot deals export`, `deals.csv`), and what to add a column to. */
export interface PipelineSource {
  name: string;
  column: string;
  addTo: string;
}

/** `"Sales" (7 deals), "Renewals" (1 deal)`: each pipeline by its name as first written, with its deals. */
export function pipelineList(pipelines: Iterable<readonly [name: string, deals: number]>): string {
  return [...pipelines].map(([name, n]) => `"${name}" (${n} deal${n === 1 ? '' : 's'})`).join(', ');
}

/** `--pipeline` for a source without a pipeline column. */
export function noPipelineColumnMessage(pipeline: string, source: PipelineSource): string {
  return `--pipeline "${pipeline}" cannot be applied: ${source.name} has no "${source.column}" column. Add that column to ${source.addTo}, or leave out --pipeline`;
}

/** `--pipeline` naming no pipeline of the source; `list`: its pipelines (`pipelineList`), '' when it holds no deals. */
export function pipelineNotFoundMessage(pipeline: string, source: PipelineSource, list: string): string {
  const holds =
    list === ''
      ? ': it holds no deals at all (only its header row). Check that the view you exported is not empty or filtered, and export it again'
      : `, whose "${source.column}" column holds: ${list}`;
  return `--pipeline "${pipeline}" is not in ${source.name}${holds}`;
}

/**
 * The one warning of a file's rows of other pipelines left out (`left`: rows per pipeline key;
 * `names`: each key's name as first written; `chosen`: the chosen pipeline's), or null when none was.
 */
export function otherPipelineIssue(file: string, column: string, left: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>, chosen: string): Issue | null {
  if (left.size === 0) return null;
  const which = [...left].map(([key, n]) => `${n} of "${names.get(key)!}"`).join(', ');
  const total = [...left.values()].reduce((a, b) => a + b, 0);
  return {
    file,
    line: 0,
    column,
    code: 'other_pipeline',
    severity: 'warning',
    message: `${total} row${total === 1 ? '' : 's'} of other pipelines left out (${which}): only --pipeline "${chosen}" is read`,
  };
}

/**
 * `--pipeline` for data whose exports hold no pipelines (Salesforce): refused, not
 * ignored, since the user asked for some of the deals and would be shown all of them. `what`: what the data is.
 */
export function refusePipelineOption(pipeline: string | undefined, files: string, what: string): void {
  if (pipeline === undefined || pipeline.trim() === '') return;
  throw new IngestFatalError(
    'pipeline_not_applicable',
    files,
    `--pipeline ${JSON.stringify(pipeline)} cannot be applied to ${what}: only HubSpot and Pipedrive exports, and canonical files whose deals.csv has a "pipeline" column, hold pipelines to choose from; leave out --pipeline`,
  );
}

/** Pipelines compare as stage names do: ignoring case and spaces (`영업파이프라인` = `영업 파이프라인`). */
export const pipelineKey = normalizeStageName;
const keyOf = pipelineKey;

export function choosePipeline(
  files: readonly VendorFile[],
  column: (file: VendorFile) => number,
  options: {
    pipeline?: string | undefined;
    product: string;
    columnName: string;
    idColumn: (file: VendorFile) => number;
    /** How the export's cells read (HubSpot's `(No value)` is empty). */
    cell?: (record: VendorRecord, i: number) => string;
    /** A file's records to choose among (default: all; vendor/totals-rows.ts leaves its totals rows out). */
    records?: (file: VendorFile) => readonly VendorRecord[];
  },
): PipelineChoice {
  const cell = options.cell ?? cellAt;
  const recordsOf = options.records ?? ((file: VendorFile) => file.table.records);
  // Deals per pipeline (distinct ids over the whole series), by pipeline name as written first.
  const names = new Map<string, string>();
  const deals = new Map<string, Set<string>>();
  for (const file of files) {
    const col = column(file);
    const idCol = options.idColumn(file);
    for (const record of recordsOf(file)) {
      const name = col < 0 ? '' : cell(record, col);
      const key = keyOf(name);
      if (!names.has(key)) names.set(key, name || NO_PIPELINE);
      let ids = deals.get(key);
      if (!ids) deals.set(key, (ids = new Set()));
      ids.add(cellAt(record, idCol) || `line ${file.table.file}:${record.line}`);
    }
  }
  const list = () => pipelineList([...deals].map(([key, ids]) => [names.get(key)!, ids.size] as const));
  const source = { name: `the ${options.product} export`, column: options.columnName, addTo: 'the export' };
  const asked = options.pipeline ?? '';
  const wanted = keyOf(asked);
  if (wanted === '') {
    if (deals.size > 1) {
      throw new IngestFatalError(
        'pipeline_needed',
        files.map((f) => f.table.file).join(', '),
        `the ${options.product} export holds ${deals.size} pipelines: ${list()}. Metrics are about one pipeline's stages: choose one with --pipeline "<name>"`,
      );
    }
    return { records: new Map(files.map((f) => [f, recordsOf(f)])), notRows: [], issues: [], elsewhere: new Map() };
  }
  if (files.every((f) => column(f) < 0)) {
    throw new IngestFatalError('pipeline_column_missing', files.map((f) => f.table.file).join(', '), noPipelineColumnMessage(asked, source));
  }
  if (!deals.has(wanted)) {
    throw new IngestFatalError('pipeline_not_found', files.map((f) => f.table.file).join(', '), pipelineNotFoundMessage(asked, source, deals.size === 0 ? '' : list()));
  }
  const records = new Map<VendorFile, readonly VendorRecord[]>();
  const notRows: Origin[] = [];
  const issues: Issue[] = [];
  const elsewhere = new Map<VendorFile, Map<string, string>>();
  for (const file of files) {
    const col = column(file);
    const idCol = options.idColumn(file);
    const kept: VendorRecord[] = [];
    const left = new Map<string, number>();
    // Only a series says where a deal went: a single export keeps no such map.
    const others = files.length > 1 ? new Map<string, string>() : null;
    for (const record of recordsOf(file)) {
      const key = keyOf(col < 0 ? '' : cell(record, col));
      if (key === wanted) kept.push(record);
      else {
        notRows.push({ file: file.table.file, line: record.line });
        left.set(key, (left.get(key) ?? 0) + 1);
        const id = others === null ? '' : cellAt(record, idCol);
        if (id !== '') others!.set(id, names.get(key)!);
      }
    }
    records.set(file, kept);
    if (others !== null) elsewhere.set(file, others);
    const issue = otherPipelineIssue(file.table.file, options.columnName, left, names, names.get(wanted)!);
    if (issue) issues.push(issue);
  }
  return { records, notRows, issues, elsewhere };
}
