/**
 * CRM exports that hold several pipelines (HubSpot, Pipedrive): metrics are
 * about one pipeline's stages, so the pipelines are never mixed. With more
 * than one pipeline and no `--pipeline`, reading stops with the list of
 * pipelines and their deal counts; with `--pipeline`, the other pipelines'
 * rows are deliberately left out: not data errors, so they are not rejected
 * but set aside (`notRows`), with one warning per file saying how many.
 */
import type { Issue } from '../../dataset.ts';
import { IngestFatalError } from '../issues.ts';
import { cellAt } from './read-table.ts';
import type { Origin, VendorFile, VendorRecord } from './types.ts';
import { normalizeStageName } from '../config.ts';

export interface PipelineChoice {
  /** Per file, the records of the chosen pipeline (all of them when there is one pipeline). */
  records: Map<VendorFile, VendorRecord[]>;
  notRows: Origin[];
  issues: Issue[];
}

const NONE = '(no pipeline)';

/**
 * `--pipeline` for data whose exports hold no pipelines (a folder of canonical files, Salesforce): refused, not
 * ignored, since the user asked for some of the deals and would be shown all of them. `what`: what the data is.
 */
export function refusePipelineOption(pipeline: string | undefined, files: string, what: string): void {
  if (pipeline === undefined || pipeline.trim() === '') return;
  throw new IngestFatalError(
    'pipeline_not_applicable',
    files,
    `--pipeline ${JSON.stringify(pipeline)} cannot be applied to ${what}: only HubSpot and Pipedrive exports hold pipelines to choose from; leave out --pipeline`,
  );
}

/** Pipelines compare as stage names do: ignoring case and spaces (`영업파이프라인` = `영업 파이프라인`). */
const keyOf = normalizeStageName;

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
  },
): PipelineChoice {
  const cell = options.cell ?? cellAt;
  // Deals per pipeline (distinct ids over the whole series), by pipeline name as written first.
  const names = new Map<string, string>();
  const deals = new Map<string, Set<string>>();
  for (const file of files) {
    const col = column(file);
    const idCol = options.idColumn(file);
    for (const record of file.table.records) {
      const name = col < 0 ? '' : cell(record, col);
      const key = keyOf(name);
      if (!names.has(key)) names.set(key, name || NONE);
      let ids = deals.get(key);
      if (!ids) deals.set(key, (ids = new Set()));
      ids.add(cellAt(record, idCol) || `line ${file.table.file}:${record.line}`);
    }
  }
  const list = () =>
    [...deals]
      .map(([key, ids]) => `"${names.get(key)!}" (${ids.size} deal${ids.size === 1 ? '' : 's'})`)
      .join(', ');
  const wanted = options.pipeline === undefined ? undefined : keyOf(options.pipeline);
  if (wanted === undefined || wanted === '') {
    if (deals.size > 1) {
      throw new IngestFatalError(
        'pipeline_needed',
        files.map((f) => f.table.file).join(', '),
        `the ${options.product} export holds ${deals.size} pipelines: ${list()}. Metrics are about one pipeline's stages: choose one with --pipeline "<name>"`,
      );
    }
    return { records: new Map(files.map((f) => [f, f.table.records])), notRows: [], issues: [] };
  }
  if (files.every((f) => column(f) < 0)) {
    throw new IngestFatalError(
      'pipeline_column_missing',
      files.map((f) => f.table.file).join(', '),
      `--pipeline "${options.pipeline}" cannot be applied: the ${options.product} export has no "${options.columnName}" column. Add that column to the export, or leave out --pipeline`,
    );
  }
  if (!deals.has(wanted)) {
    const holds =
      deals.size === 0
        ? ': it holds no deals at all (only its header row). Check that the view you exported is not empty or filtered, and export it again'
        : `, whose "${options.columnName}" column holds: ${list()}`;
    throw new IngestFatalError('pipeline_not_found', files.map((f) => f.table.file).join(', '), `--pipeline "${options.pipeline}" is not in the ${options.product} export${holds}`);
  }
  const records = new Map<VendorFile, VendorRecord[]>();
  const notRows: Origin[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const col = column(file);
    const kept: VendorRecord[] = [];
    const left = new Map<string, number>();
    for (const record of file.table.records) {
      const key = keyOf(col < 0 ? '' : cell(record, col));
      if (key === wanted) kept.push(record);
      else {
        notRows.push({ file: file.table.file, line: record.line });
        left.set(key, (left.get(key) ?? 0) + 1);
      }
    }
    records.set(file, kept);
    if (left.size > 0) {
      const which = [...left].map(([key, n]) => `${n} of "${names.get(key)!}"`).join(', ');
      const total = [...left.values()].reduce((a, b) => a + b, 0);
      issues.push({
        file: file.table.file,
        line: 0,
        column: options.columnName,
        code: 'other_pipeline',
        severity: 'warning',
        message: `${total} row${total === 1 ? '' : 's'} of other pipelines left out (${which}): only --pipeline "${names.get(wanted)!}" is read`,
      });
    }
  }
  return { records, notRows, issues };
}
