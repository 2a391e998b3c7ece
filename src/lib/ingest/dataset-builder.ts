/**
 * bytes -> Dataset, with no file system (runs in the browser too). Order
 * matters: deals.csv gives candidate deals, stage_history.csv is checked
 * against them, then closed deals without closed_at and without history are
 * rejected (resolveDeals), and only then are field_history.csv rows matched,
 * against the deals that were finally accepted.
 */
import type { Dataset, FileStats } from '../dataset.ts';
import { type Config, ConfigError, defaultConfig, parseConfigText, type Stage } from './config.ts';
import { normalizeStageName } from './stage-names.ts';
import { withDateOrderEvidence } from './date-order-evidence.ts';
import { localizedText, type Locale, uiLocale } from '../i18n/locales.ts';
import { type ByteSource, byteSource, decodeBytes } from './decode.ts';
import { utf16ConfigMessage, utf16WithoutBom } from './config-bytes.ts';
import { DEALS_FILE, idIndex, readDeals, resolveDeals, severalPipelinesWarning } from './deals.ts';
import type { DealTable } from '../deal-table.ts';
import { datasetOfTable } from '../dataset-deal-table.ts';
import { giveFieldTable } from '../field-table.ts';
import type { HistoryPrepass } from './history-prepass.ts';
import { finishFieldHistory, finishStageHistory } from './prepass-finish.ts';
import { FIELD_HISTORY_FILE, STAGE_HISTORY_FILE } from './file-names.ts';
import { koreanLocaleWarning } from './locale-check.ts';
import { unknownProductWarnings } from './product-check.ts';
import { IngestFatalError, IssueLog } from './issues.ts';
import { invisibleTwinWarnings } from './invisible-names.ts';
import { ACCOUNTS_FILE, readAccounts, readFieldHistory, readTargets, TARGETS_FILE } from './other-files.ts';
import { type OtherFileRead, takeOtherFile } from './other-files-prepass.ts';
import { rowContext } from './schema.ts';
import { PipelineFilter } from './pipeline-filter.ts';
import { readStageHistory, type StageHistoryRead } from './stage-history.ts';
import { historyBeforeCreateWarnings } from './history-before-create.ts';
import { isRowsSource, type ProgressCallback, type Table, type TableOptions, type TableSource } from './table.ts';
import { appendAll } from '../append.ts';
import { targetNameWarnings } from './target-names.ts';
import { accountIdWarnings } from './account-ids.ts';

export { ACCOUNTS_FILE, DEALS_FILE, FIELD_HISTORY_FILE, STAGE_HISTORY_FILE, TARGETS_FILE };
export const CONFIG_FILE = 'pipeline.config.json';
export const REQUIRED_FILES = [DEALS_FILE, STAGE_HISTORY_FILE] as const;
export const OPTIONAL_FILES = [FIELD_HISTORY_FILE, ACCOUNTS_FILE, TARGETS_FILE, CONFIG_FILE] as const;

/**
 * stage_history.csv being read on another thread while deals.csv is read
 * here (read-folder.ts, history-thread.ts): `prepared` waits for that
 * reading; null means it did not finish (an error to report, a thread that
 * could not start), and `source` is then read here as usual.
 */
export interface PreparedHistory {
  prepared: () => HistoryPrepass | null;
  source: TableSource;
  /**
   * Asked once deals.csv is read: true when field_history.csv is to be read here; false when the
   * other thread has taken it, and its reading comes with `prepared()` (`field`), or, failing that, is read here then.
   */
  claimFieldHistory?: () => boolean;
  /** Likewise for accounts.csv and targets.csv, together (`others` of `prepared()`). */
  claimOtherFiles?: () => boolean;
}

/** A file's content: all its bytes, a source that streams them (read-folder.ts), its rows already split (vendor adapters), or stage history read elsewhere. */
export type FileInput = Uint8Array | TableSource | PreparedHistory;

const isPrepared = (input: FileInput): input is PreparedHistory => !(input instanceof Uint8Array) && 'prepared' in input;
const asSource = (input: FileInput): TableSource => (input instanceof Uint8Array ? byteSource(input) : isPrepared(input) ? input.source : input);

export interface BuildOptions {
  onProgress?: ProgressCallback | undefined;
  /** sha256 hex per file name, copied into Dataset.fileHashes (hashing is the caller's, see read-folder.ts). */
  fileHashes?: Record<string, string> | undefined;
  /** Read every file row by row through zod (TableOptions.rowByRow): the reference for tests. */
  rowByRow?: boolean | undefined;
  /** `--pipeline`: read only the deals whose deals.csv `pipeline` cell names it, and the history rows of those (pipeline-filter.ts). */
  pipeline?: string | undefined;
  /**
   * The files are an adapter's canonical tables, whose issues the caller points back at the export's lines
   * (vendor/assemble.ts): the messages that cite another line (date-order-evidence.ts) are made there, after that.
   */
  fromExport?: boolean | undefined;
}

/**
 * The config from the files (`pipeline.config.json`, else defaults); invalid = IngestFatalError.
 * `name`: the file as messages name it (the path given to `--config`, when the config is not the folder's).
 */
export function configFromFiles(files: Record<string, FileInput | undefined>, name: string = CONFIG_FILE): Config {
  const input = files[CONFIG_FILE];
  if (!input) return defaultConfig();
  if (!(input instanceof Uint8Array) && (isPrepared(input) || isRowsSource(input))) throw new Error(`internal: ${CONFIG_FILE} given as rows`);
  const bytes = input instanceof Uint8Array ? input : concatChunks(input);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) throw new IngestFatalError('config_utf16', name, utf16ConfigMessage(name, utf16));
  try {
    return parseConfigText(decodeBytes(bytes).text, name);
  } catch (e) {
    if (e instanceof ConfigError) throw new IngestFatalError(e.code, name, e.message.split('\n').join('; '), { cause: e });
    throw e;
  }
}

/** Config and Dataset from a set of files by name. */
export function loadDataset(files: Record<string, FileInput | undefined>, options: BuildOptions = {}): { dataset: Dataset; config: Config } {
  const config = configFromFiles(files);
  return { dataset: buildDataset(files, config, options), config };
}

export function buildDataset(files: Record<string, FileInput | undefined>, config: Config, options: BuildOptions = {}): Dataset {
  for (const name of REQUIRED_FILES) {
    if (!files[name]) throw new IngestFatalError('missing_file', name, `${name}: required file is missing`);
  }
  const issues = new IssueLog();
  const opts = { issues, onProgress: options.onProgress, rowByRow: options.rowByRow };
  const ctx = rowContext(config);
  const tables: Table[] = [];

  const pipeline = options.pipeline === undefined || options.pipeline.trim() === '' ? null : new PipelineFilter(options.pipeline);
  const dealsRead = readDeals(asSource(files[DEALS_FILE]!), ctx, opts, pipeline);
  tables.push(dealsRead.table);
  const candidates = dealsRead.candidates;
  const historyInput = files[STAGE_HISTORY_FILE]!;
  const optional = (name: string) => (files[name] ? asSource(files[name]) : null);
  const fieldSource = optional(FIELD_HISTORY_FILE);
  // While stage history is still read on its thread, field_history.csv is read here, against the candidates,
  // unless that thread was free first and took it.
  const threaded = isPrepared(historyInput);
  const fieldsHere = !threaded || (historyInput.claimFieldHistory?.() ?? true);
  const early =
    fieldSource && threaded && fieldsHere
      ? meanwhile(opts, (o) => readFieldHistory(fieldSource, ctx, candidates, dealsRead.ids, dealsRead.rejectedIds, pipeline, o))
      : null;
  // accounts.csv and targets.csv need no deal: read meanwhile too, rather than after waiting, unless
  // the other thread was free first and took them.
  const accountSource = optional(ACCOUNTS_FILE);
  const targetSource = optional(TARGETS_FILE);
  const othersHere = threaded && (historyInput.claimOtherFiles?.() ?? true);
  const accountsEarly = accountSource && othersHere ? meanwhile(opts, (o) => readAccounts(accountSource, o)) : null;
  const targetsEarly = targetSource && othersHere ? meanwhile(opts, (o) => readTargets(targetSource, ctx, o)) : null;
  const prepared = threaded ? historyInput.prepared() : null;
  const historyRead = prepared
    ? finishStageHistory(prepared, ctx, dealsRead.ids, dealsRead.rejectedIds, pipeline, issues)
    : readStageHistory(asSource(historyInput), ctx, dealsRead.ids, dealsRead.rejectedIds, pipeline, opts);
  tables.push(historyRead.table);

  const { deals, remap } = resolveDeals(dealsRead, historyRead.rowCount, ctx, issues);
  const history = historyRead.history;
  // Rejected candidates have no history rows, so every row maps to an accepted deal.
  for (let i = 0; i < history.length; i++) history.deal[i] = remap[history.deal[i]!]!;

  historyWarnings(candidates, remap, historyRead, config, issues);
  historyBeforeCreateWarnings(deals, history, config.timezone, issues);
  // A vendor adapter's history has its own rules for deals without entries (a HubSpot deal with no stage dates).
  if (threaded || !isRowsSource(asSource(historyInput))) checkHistoryCoverage(remap, historyRead, issues);
  severalPipelinesWarning(dealsRead, issues);
  unknownProductWarnings(config, deals, issues);
  invisibleTwinWarnings(deals, issues);
  koreanLocaleWarning(config, issues);

  // No candidate rejected: the candidate index is the deal index.
  const dealIds = deals.length === candidates.length ? dealsRead.ids : idIndex(deals.id);
  // The early reading stands when no candidate was rejected (the candidates are then the deals, in order);
  // otherwise its rows may name a rejected deal, and the file is read again against the deals.
  const fieldRead = !fieldSource
    ? null
    : prepared?.field
      ? finishFieldHistory(prepared.field, ctx, deals, dealIds, dealsRead.rejectedIds, pipeline, issues)
      : early && deals.length === candidates.length
        ? early.take(issues)
        : readFieldHistory(fieldSource, ctx, deals, dealIds, dealsRead.rejectedIds, pipeline, opts);
  const accountsRead = accountSource && inTurn(accountsEarly, prepared?.others?.accounts, issues, () => readAccounts(accountSource, opts));
  const targetsRead = targetSource && inTurn(targetsEarly, prepared?.others?.targets, issues, () => readTargets(targetSource, ctx, opts));
  for (const read of [fieldRead, accountsRead, targetsRead]) if (read) tables.push(read.table);
  if (targetsRead) targetNameWarnings(targetsRead.targets, deals, issues);
  if (accountsRead) accountIdWarnings(accountsRead.accounts, deals, issues);
  pipeline?.warn(issues);

  const columns: Record<string, Set<string>> = {};
  const stats: Record<string, FileStats> = {};
  for (const t of tables) {
    columns[t.file] = t.columns;
    stats[t.file] = t.stats;
  }
  // No stage_history.csv row read (a file of only its header, or every row rejected): the data knows each
  // deal's current stage only, as a CRM export without stage history, and the pages say what that hides.
  const limitations = deals.length > 0 && history.length === 0 ? ['current_visit_only'] : [];
  const fields: Omit<Dataset, 'deals'> = {
    source: { format: 'canonical', limitations },
    stageHistory: history,
    fieldHistory: fieldRead && 'changes' in fieldRead ? fieldRead.changes : null,
    accounts: accountsRead ? accountsRead.accounts : null,
    targets: targetsRead ? targetsRead.targets : null,
    columns,
    fileHashes: { ...options.fileHashes },
    files: stats,
    issues: options.fromExport ? issues.sorted() : withDateOrderEvidence(issues.sorted()),
  };
  const dataset = datasetOfTable(fields, deals);
  if (fieldRead && 'fieldTable' in fieldRead) giveFieldTable(dataset, fieldRead.fieldTable);
  return dataset;
}

/**
 * A file read before its turn, while stage history is still read on its
 * thread: its issues kept apart (and a problem that stops ingest held back)
 * until `take` says the reading stands, in the file's turn. They are then the
 * ones a reading in turn gives, and a problem of an earlier file is still
 * the one reported.
 */
function meanwhile<T>(opts: TableOptions, read: (opts: TableOptions) => T): { take(issues: IssueLog): T } {
  const log = new IssueLog();
  let result: { value: T } | null = null;
  let fatal: unknown = null;
  try {
    result = { value: read({ ...opts, issues: log }) };
  } catch (e) {
    // Thrown in the file's turn, where a reading in turn would throw it.
    if (!(e instanceof IngestFatalError)) throw e;
    fatal = e;
  }
  return {
    take(issues) {
      if (result === null) throw fatal;
      appendAll(issues.issues, log.issues);
      return result.value;
    },
  };
}

/**
 * A file's reading in its turn: the one made meanwhile on this thread, or the one made on the other
 * thread, or, when neither was made (or the one there stopped ingest), one made now.
 */
function inTurn<Rows>(
  early: { take(issues: IssueLog): { table: Table } & Rows } | null,
  there: OtherFileRead<Rows> | null | undefined,
  issues: IssueLog,
  now: () => { table: Table } & Rows,
): { table: Table } & Rows {
  return early ? early.take(issues) : there ? takeOtherFile(there, issues) : now();
}

/** metrics.md "Reconstructing each deal", steps 6 and 10: say when deals.csv's stage is not what the model will use. */
function historyWarnings(candidates: DealTable, remap: Int32Array, history: StageHistoryRead, config: Config, issues: IssueLog): void {
  const locale = uiLocale(config.locale);
  for (let c = 0; c < candidates.length; c++) {
    if (remap[c] === -1) continue;
    const line = candidates.line[c]!;
    if (history.rowCount[c] === 0) {
      issues.warning(DEALS_FILE, line, 'stage', 'synthesized_history', 'no stage_history rows; the history is synthesized from created_at, stage and closed_at');
      continue;
    }
    const last = history.lastStage[c]!;
    const stage = candidates.stage[c]!;
    if (last !== stage) {
      const said = stageNamed(config.stages[stage]!, locale);
      const was = stageNamed(config.stages[last]!, locale);
      const where = `the latest stage_history row (line ${history.lastLine[c]})`;
      issues.warning(DEALS_FILE, line, 'stage', 'stage_mismatch', `stage is ${said} but ${where} is ${was}; the history wins`);
    }
  }
}

/** Deals without a stage_history.csv row, from which on (and from a twentieth of the deals) the file looks cut short. */
export const MISSING_HISTORY_MIN = 10;

/**
 * Every deal of an export has a history, so a stage_history.csv without rows for many deals while it has rows for the
 * others was most likely cut short at a line end (a download or an API export that stopped early), which no row's
 * check sees: each such deal gets only its synthesized_history warning, and a run passes --strict and
 * --max-rejected with a third of its histories made up. One warning on the file says so, at its last row.
 */
function checkHistoryCoverage(remap: Int32Array, history: StageHistoryRead, issues: IssueLog): void {
  let deals = 0;
  let missing = 0;
  let lastLine = 0;
  for (let c = 0; c < remap.length; c++) {
    if (remap[c] === -1) continue;
    deals++;
    if (history.rowCount[c] === 0) missing++;
    else if (history.lastLine[c]! > lastLine) lastLine = history.lastLine[c]!;
  }
  if (missing === deals || missing < MISSING_HISTORY_MIN || missing * 20 < deals) return;
  issues.warning(
    STAGE_HISTORY_FILE,
    lastLine,
    '',
    'history_incomplete',
    `no rows for ${missing} of the ${deals} deals (${Math.round((missing / deals) * 100)}%), whose histories are synthesized from deals.csv (synthesized_history): ` +
      'an export holds every deal\'s history, so was the file cut short (a download or an API export that stopped early) or filtered? Export it again whole',
  );
}

/** A stage in a message: its id, and the name the data likely writes when that differs (`"decide" (구매결정)`). */
function stageNamed(stage: Stage, locale: Locale): string {
  const label = localizedText(stage.label, locale);
  const shown = label !== null && normalizeStageName(label) !== normalizeStageName(stage.id) && !/[()]/u.test(label) ? ` (${label})` : '';
  return `"${stage.id}"${shown}`;
}

function concatChunks(source: ByteSource): Uint8Array {
  const out = new Uint8Array(source.size);
  let at = 0;
  for (const chunk of source.chunks()) {
    out.set(chunk.subarray(0, out.length - at), at);
    at += chunk.length;
  }
  return out.subarray(0, Math.min(at, out.length));
}
