/**
 * `npm run init`: a suggested pipeline.config.json for a folder of exports,
 * with the reasons for each guess. Pure: the files come in as byte sources.
 *
 * A canonical folder (deals.csv) is read as it is; vendor exports go through
 * the adapter that claims them (detected as `npm run metrics` does), so the
 * stage names are exactly those the metrics run will check. The suggestion
 * is verified before it is returned: it passes the config schema, and every
 * stage name of the exports matches one of its stages.
 */
import { DEALS_FILE, REQUIRED_FILES, STAGE_HISTORY_FILE } from '../dataset-builder.ts';
import { type Config, parseConfig } from '../config.ts';
import { normalizeStageName, stageLookup } from '../stage-names.ts';
import { canonicalNames } from '../file-names.ts';
import { IngestFatalError, IssueLog } from '../issues.ts';
import { unmatchedStages } from './assemble.ts';
import { detectExports, type ExportFile } from './load.ts';
import { readVendorTable } from './read-table.ts';
import { ADAPTERS } from './registry.ts';
import { amountCells, allCells, dealNames, type ExportView, moneyCells, stageEvidence, stageNames } from './suggest-evidence.ts';
import { guessDateOrder, guessLocale, guessTimezone } from './suggest-formats.ts';
import { guessCurrency, guessDecimal } from './suggest-money.ts';
import { type StageEvidence, type SuggestedStage, suggestStages } from './suggest-stages.ts';
import { type Adapter, CanonicalTable, type VendorTable } from './types.ts';
import { isEmpty } from './unread-files.ts';
import { PipelineFilter } from '../pipeline-filter.ts';
import type { VendorRecord } from './types.ts';
import { isSheetError } from '../sheet-errors.ts';

export interface SuggestOptions {
  /** `--format`: 'canonical' or a vendor format; default: detected. */
  format?: string | undefined;
  pipeline?: string | undefined;
  /** The `$schema` value to write (a path to pipeline.config.schema.json). */
  schema?: string | undefined;
  /** Tests pass their own; default: the registry's. */
  adapters?: readonly Adapter[];
  /** Spreadsheet workbooks in the folder: not read (named in the error when nothing else is there). */
  workbooks?: readonly string[] | undefined;
  /** ZIP archives in the folder (export-listing.ts): likewise. */
  archives?: readonly string[] | undefined;
  /** XLSX workbooks that could not be read (workbook-exports.ts): likewise, with why. */
  brokenWorkbooks?: readonly { path: string; reason: string }[] | undefined;
  /** ZIP archives that could not be read (archive-exports.ts): likewise, with why. */
  brokenArchives?: readonly { path: string; reason: string }[] | undefined;
  /** Entries whose names are not UTF-8 (export-listing.ts): likewise. */
  misnamed?: readonly { path: string; message: string }[] | undefined;
}

export interface SuggestedConfig {
  $schema?: string;
  currency: string;
  timezone: string;
  locale: string;
  date_order: 'YMD' | 'MDY' | 'DMY';
  decimal: '.' | ',';
  stages: SuggestedStage[];
  qualification_required_from?: string;
}

export interface Suggestion {
  config: SuggestedConfig;
  /** The config as pipeline.config.json text, one stage per line. */
  text: string;
  /** Why each guess was made, one line each. */
  notes: string[];
}

/** A canonical folder's file as a CanonicalTable whose rows come from its own lines. */
/** `records`: the table's records to take (with --pipeline, its pipeline's: `chosenRecords`). */
function asCanonical(table: VendorTable | undefined, records: readonly VendorRecord[] | undefined = table?.records): CanonicalTable | undefined {
  if (!table || !records) return undefined;
  const out = new CanonicalTable(table.names);
  for (const r of records) out.addCells(table.names.map((_, i) => r.cells[i] ?? ''), table.file, r.line);
  return out;
}

/**
 * init --pipeline on canonical files: the stages are suggested from the chosen pipeline's deals.csv
 * rows and from the stage_history rows of other deals than the other pipelines', as the metrics read them (pipeline-filter.ts).
 */
function chosenRecords(pipeline: string, deals: VendorTable, history: VendorTable | undefined): { deals: VendorRecord[]; history: VendorRecord[] | undefined } {
  const filter = new PipelineFilter(pipeline);
  filter.startDeals(DEALS_FILE, deals);
  const cell = (r: VendorRecord, i: number) => (r.cells[i] ?? '').trim();
  const idAt = deals.names.indexOf('deal_id');
  const seen = new Set<string>();
  const kept = deals.records.filter((r) => {
    const id = cell(r, idAt);
    // A repeated id is the metrics' duplicate_id, whichever pipeline: its first row decides.
    if (seen.has(id)) return false;
    seen.add(id);
    return !filter.leavesDeal(DEALS_FILE, (i) => cell(r, i), id, r.line);
  });
  filter.checkChosen(DEALS_FILE);
  const historyId = history?.names.indexOf('deal_id') ?? -1;
  return { deals: kept, history: history?.records.filter((r) => !filter.leavesRow(STAGE_HISTORY_FILE, cell(r, historyId))) };
}

interface Source {
  view: ExportView;
  format: string;
  /** Stage names the metrics run will check, under a config. */
  unmatched: (config: Config) => string[];
}

function readSource(exported: readonly ExportFile[], options: SuggestOptions): Source {
  const issues = new IssueLog();
  // A canonical file whatever the case of its name (`Deals.csv`), as the metrics read it (file-names.ts).
  const nameOf = canonicalNames(exported.map((f) => f.path));
  const canonical = options.format === 'canonical' || (options.format === undefined && [...nameOf.values()].includes(DEALS_FILE));
  const files = canonical ? exported.map((f) => ({ ...f, path: nameOf.get(f.path) ?? f.path })) : exported;
  if (canonical) {
    for (const name of REQUIRED_FILES) {
      if (!files.some((f) => f.path === name)) throw new IngestFatalError('missing_file', name, `${name}: required file is missing`);
    }
    const tables = files.map((f) => readVendorTable(f.path, f.source, issues));
    for (const t of tables) {
      if (REQUIRED_FILES.includes(t.file as (typeof REQUIRED_FILES)[number]) && isEmpty(t)) {
        throw new IngestFatalError('empty_file', t.file, `${t.file}: the file is empty (not even a header row)`);
      }
    }
    const dealsTable = tables.find((t) => t.file === DEALS_FILE)!;
    const historyTable = tables.find((t) => t.file === STAGE_HISTORY_FILE);
    const chosen = options.pipeline?.trim() ? chosenRecords(options.pipeline, dealsTable, historyTable) : { deals: dealsTable.records, history: historyTable?.records };
    const view = { deals: asCanonical(dealsTable, chosen.deals), history: asCanonical(historyTable, chosen.history), tables, canonical: true };
    const unmatched = (config: Config) => {
      const lookup = stageLookup(config);
      const names = new Set<string>();
      for (const t of [view.deals, view.history]) {
        const at = t?.columns.indexOf('stage') ?? -1;
        if (t && at !== -1) for (const row of t.allRows()) if (row[at] && !lookup.has(normalizeStageName(row[at]))) names.add(row[at]);
      }
      return [...names];
    };
    const format = options.pipeline?.trim() ? `canonical folder (deals.csv, stage_history.csv), --pipeline ${JSON.stringify(options.pipeline)}` : 'canonical folder (deals.csv, stage_history.csv)';
    return { view, format, unmatched };
  }
  const { adapter, roles, tables, ignored, beside } = detectExports(files, options, issues, options.adapters ?? ADAPTERS);
  const all = [...tables, ...ignored];
  // The adapter reads dates by the config: give it the date order and zone the raw cells suggest.
  const order = guessDateOrder(allCells(all));
  const formats = parseConfig({ date_order: order.reading ?? order.value, timezone: guessTimezone(allCells(all), '').value });
  const output = adapter.adapt(roles, { config: formats, pipeline: options.pipeline });
  const view = { deals: output.tables['deals.csv'], history: output.tables['stage_history.csv'], tables: all };
  const unmatched = (config: Config) => [...unmatchedStages(adapter.adapt(roles, { config, pipeline: options.pipeline }), config).keys()];
  const claimed = tables.map((t) => t.file).join(', ');
  // A full export (a Salesforce Data Export) holds a file per object: the first ten named, then how many more.
  const names = ignored.map((t) => t.file);
  const skipped = names.length > 0 ? `; not read by it: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}` : '';
  const also = beside.length > 0 ? `; ${beside.map((b) => b.path).join(', ')} read as in a canonical folder (docs/input.md)` : '';
  return { view, format: `${adapter.name} (--format ${adapter.format}): ${claimed}${also}${skipped}`, unmatched };
}

/** The suggestion for a folder's export files; throws IngestFatalError as `npm run metrics` would (no export, mixed CRMs, several pipelines). */
export function suggestConfig(files: readonly ExportFile[], options: SuggestOptions = {}): Suggestion {
  const notes: string[] = [];
  const source = readSource(files, options);
  const { view } = source;
  notes.push(`read as: ${source.format}`);

  const dateOrder = guessDateOrder(allCells(view.tables));
  const currency = guessCurrency(moneyCells(view), 'KRW');
  // Deal names are read once: the time zone's guess and each config built below use them.
  const deals = dealNames(view);
  const korean = guessLocale(stageNames(view), deals).value === 'ko';
  const timezone = guessTimezone(allCells(view.tables), currency.value, korean);
  const decimal = guessDecimal(amountCells(view));
  // Dates that read either way are read month first for the stages' order; the suggestion leaves date_order to the user.
  const evidence = stageEvidence(view, { timeZone: timezone.value, dateOrder: dateOrder.reading ?? dateOrder.value });

  const build = (ev: StageEvidence) => {
    const stages = suggestStages(ev);
    const locale = guessLocale(
      stages.stages.flatMap((s) => Object.values(s.label)),
      deals,
    );
    const config: SuggestedConfig = {
      ...(options.schema ? { $schema: options.schema } : {}),
      currency: currency.value,
      timezone: timezone.value,
      locale: locale.value,
      date_order: dateOrder.value,
      decimal: decimal.value,
      stages: stages.stages,
      ...(stages.qualificationFrom ? { qualification_required_from: stages.qualificationFrom } : {}),
    };
    return { config, notes: [...currency.notes, ...timezone.notes, ...locale.notes, ...dateOrder.notes, ...decimal.notes, ...stages.notes] };
  };

  // The suggestion must be a valid config under which no stage name of the exports is unmatched.
  // An adapter may name stages differently under the suggested config than under the first
  // guess: such names are added as stages of their own (guessed by name) and checked again.
  // A spreadsheet's error value (#N/A) in the stage column is no stage name: metrics rejects its rows.
  const unmatched = (config: ReturnType<typeof parseConfig>) => source.unmatched(config).filter((name) => !isSheetError(name));
  let result = build(evidence);
  let missing = unmatched(parseConfig(result.config));
  if (missing.length > 0) {
    const extra = missing.map((stage, i) => ({ deal: `\u0000added ${i}`, stage, vote: null, probability: null }));
    result = build({ ...evidence, deals: [...evidence.deals, ...extra] });
    missing = unmatched(parseConfig(result.config));
    if (missing.length > 0) throw new Error(`internal: the suggested stages do not match ${missing.map((n) => JSON.stringify(n)).join(', ')}`);
  }
  const { config } = result;
  notes.push(...result.notes);
  const pipeline = options.pipeline === undefined ? '' : ` --pipeline ${shellWord(options.pipeline)}`;
  notes.push(`review every line above, then run: npm run metrics -- --data <folder>${pipeline}`);
  return { config, text: configText(config), notes };
}

/**
 * `text` as one word of a POSIX shell command line, so that the suggested command can be pasted as it is: as written
 * when it holds only characters no shell reads, else in single quotes (a quote in it as '\'').
 */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** pipeline.config.json text: two-space indent, each stage on one line (as input.md writes them). */
export function configText(config: SuggestedConfig): string {
  const lines = Object.entries(config).map(([key, value]) => {
    if (key === 'stages') return `  "stages": [\n${(value as SuggestedStage[]).map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
