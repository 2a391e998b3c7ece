/**
 * npm run init -- --data <folder> [--out <file>|-] [--force] [--format <format>] [--pipeline <name>] [--lang en|ko]
 *
 * Inspects the exports in a data folder and writes a suggested
 * pipeline.config.json into it for the user to review (never over an existing
 * one without --force; `--out -` prints it instead), and prints on stderr, as
 * `# ...` comment lines, why each guess was made. The notes, and a problem
 * that stops it, are said in `--lang`'s language (English by default: there
 * is no config to read the language from yet; i18n/init-notes-text.ts has
 * the notes' Korean). The guessing is
 * src/lib/ingest/vendor/suggest-config.ts; this file only does I/O, through
 * the `io` it is given, so tests run it in-process.
 * Exit codes: 0 written, 1 the folder cannot be read, a config exists or the output cannot be written,
 * 2 bad arguments (an --out that is a file of the data folder other than its config).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_SCHEMA_FILE } from '../src/lib/ingest/config-json-schema.ts';
import { CONFIG_FILE, STAGE_HISTORY_FILE } from '../src/lib/ingest/dataset-builder.ts';
import { DEALS_FILE } from '../src/lib/ingest/deals.ts';
import { byteSource } from '../src/lib/ingest/decode.ts';
import { dealsHeadExport, entryKind, exportsNotRead } from '../src/lib/ingest/folder-notes.ts';
import { DATA_FOLDER_FILES } from '../src/lib/ingest/file-names.ts';
import { IngestFatalError, IssueLog } from '../src/lib/ingest/issues.ts';
import { ARCHIVE_MESSAGE, brokenArchiveMessage, brokenWorkbookMessage, byproductMessage, HEAD_BYTES, listExports, notAFolder, UNREADABLE_MESSAGE, WORKBOOK_MESSAGE } from '../src/lib/ingest/export-listing.ts';
import type { ExportFile } from '../src/lib/ingest/vendor/load.ts';
import { shellWord, suggestConfig } from '../src/lib/ingest/vendor/suggest-config.ts';
import { containerFiles } from '../src/lib/ingest/export-containers.ts';
import { memoryZip } from '../src/lib/ingest/archive/zip-entries.ts';
import { guardStandardOutput, isErrnoError, outputError, saidIn } from './lib/cli.ts';
import { argvLocale } from './lib/fatal-words.ts';
import { fatalMessage, optionalString, parseArgs, UsageError, writeFileAtomic } from './lib/io.ts';
import { cliMessage, msg } from '../src/lib/i18n/cli-messages.ts';
import { langOption } from './lib/config-option.ts';
import { fatalText } from '../src/lib/i18n/fatal-text.ts';
import { readFolder } from '../src/lib/ingest/read-folder.ts';
import { checkSuggestion, type FolderReader } from './lib/init-check.ts';
import { INIT_TEXT, initNote } from '../src/lib/i18n/init-notes-text.ts';
import type { Locale } from '../src/lib/i18n/locales.ts';

const USAGE =
  'usage: npm run init -- --data <folder> [--out <file>|-] [--force] [--format canonical|salesforce-report|salesforce-api|hubspot|pipedrive] [--pipeline <name>] [--lang en|ko]';

/** The file-system calls init makes. */
export interface InitFs {
  readdir(path: string): string[];
  kind(path: string): 'file' | 'folder' | null;
  /** A folder's entry names as bytes (a name that is not UTF-8 is shown as its bytes read); optional for a test's facade. */
  rawNames?(path: string): Uint8Array[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
}

export interface InitIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  fs: InitFs;
  /** Where pipeline.config.schema.json is, for the `$schema` the file points at. */
  schemaFile: string;
  /** The folder read with the suggested config, as the build reads it (scripts/lib/init-check.ts). */
  readFolder: FolderReader;
}

const nodeFs: InitFs = {
  readdir: (path) => readdirSync(path),
  kind: entryKind,
  rawNames: (path) => readdirSync(path, { encoding: 'buffer' }),
  readFile: (path) => readFileSync(path),
  writeFile: (path, text) => writeFileAtomic(path, text),
};

export function nodeIo(): InitIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    fs: nodeFs,
    schemaFile: join(dirname(fileURLToPath(import.meta.url)), '..', CONFIG_SCHEMA_FILE),
    readFolder,
  };
}

/**
 * The export files of the folder (export-listing.ts), workbooks read as exports among them (XLSX, XLS), and the files not
 * read. A canonical folder's other CSV files are not read (as `metrics` reads none of them): each is a warning, worded
 * as the metrics' (folder-notes.ts), one the system will not let us open included.
 */
function exportFiles(folder: string, fs: InitFs, format: string | undefined, read: (path: string) => Uint8Array) {
  // A file that cannot be opened has no first bytes here: reading it, if it is read, says why.
  const head = (path: string) => {
    try {
      return read(path).subarray(0, HEAD_BYTES);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      return new Uint8Array(0);
    }
  };
  const listing = listExports(folder, { ...fs, join, head });
  // A canonical folder reads its own files alone (as read-folder.ts does): a workbook there is named, not read.
  const canonical = format === 'canonical' || (format === undefined && listing.exports.some((path) => path.toLowerCase() === DEALS_FILE));
  const contained = canonical
    ? null
    : containerFiles(listing.workbooks, listing.archives, { read: (path) => read(join(folder, path)), openZip: (path) => memoryZip(read(join(folder, path))) }, () => {});
  // Names that differ only by case (Deals.csv and deals.csv) are both kept: suggestConfig says which to keep.
  const exported = canonical ? listing.exports.filter((path) => (DATA_FOLDER_FILES as readonly string[]).includes(path.toLowerCase())) : listing.exports;
  const notRead = new IssueLog();
  if (canonical) exportsNotRead(folder, listing.exports, new Set(exported), notRead, (path) => head(join(folder, path)));
  const files: ExportFile[] = [...exported.map((path) => ({ path, source: byteSource(read(join(folder, path))) })), ...(contained?.files ?? [])];
  return {
    files,
    workbooks: contained?.workbooks ?? listing.workbooks,
    brokenWorkbooks: contained?.brokenWorkbooks ?? [],
    brokenArchives: contained?.brokenArchives ?? [],
    // Said before the notes of the guesses: what the workbooks and archives hold that is not read.
    fileNotes: [...(contained?.files.flatMap((file) => file.notes ?? []) ?? []), ...(contained?.archiveNotes ?? []), ...notRead.issues],
    archives: contained === null ? listing.archives : [],
    unreadable: listing.unreadable,
    misnamed: listing.misnamed,
    byproducts: listing.byproducts,
  };
}

/**
 * A CRM's export saved as deals.csv with no stage_history.csv beside it: its format, so that it is read as the
 * export it is (as read-folder.ts reads it); undefined otherwise.
 */
function renamedExportFormat(folder: string, fs: InitFs, read: (path: string) => Uint8Array): string | undefined {
  const names = fs.readdir(folder);
  const deals = names.find((name) => name.toLowerCase() === DEALS_FILE);
  if (deals === undefined || names.some((name) => name.toLowerCase() === STAGE_HISTORY_FILE) || fs.kind(join(folder, deals)) !== 'file') return undefined;
  return dealsHeadExport(deals, read(join(folder, deals)))?.format;
}

/** `$schema`: relative (`/`-separated) when the config is inside this repository, else the schema's file URL. */
function schemaReference(configFolder: string, schemaFile: string): string {
  const inRepo = relative(dirname(resolve(schemaFile)), resolve(configFolder));
  if (inRepo.startsWith('..') || isAbsolute(inRepo)) return pathToFileURL(resolve(schemaFile)).href;
  return relative(resolve(configFolder), resolve(schemaFile)).split(sep).join('/');
}

export async function main(argv: string[], io: InitIo = nodeIo()): Promise<number> {
  let args: Record<string, string | true>;
  let locale: Locale;
  try {
    args = parseArgs(argv, { data: 'value', out: 'value', force: 'flag', format: 'value', pipeline: 'value', lang: 'value', help: 'flag' });
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (typeof args.data !== 'string') throw new UsageError(msg('data_required'));
    locale = langOption(args.lang) ?? 'en';
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`init: ${saidIn(e, argvLocale(argv) ?? 'en')}\n${USAGE}\n`);
    return 2;
  }
  const folder = args.data;
  const out = typeof args.out === 'string' ? args.out : join(folder, CONFIG_FILE);
  if (io.fs.kind(folder) !== 'folder') {
    const message = `${folder}: ${io.fs.kind(folder) === null ? 'the data folder does not exist' : notAFolder(folder)}`;
    io.stderr.write(`init: ${fatalText({ code: 'data_folder_unreadable', message }, locale)}\n`);
    return 1;
  }
  if (out !== '-' && isDataFile(out, folder)) {
    io.stderr.write(`init: ${INIT_TEXT[locale].outIsData({ out, config: join(folder, CONFIG_FILE) })}\n${USAGE}\n`);
    return 2;
  }
  // A folder is no file to write, with --force or without: said, with the file to give instead.
  if (out !== '-' && io.fs.kind(out) === 'folder') {
    io.stderr.write(`init: ${INIT_TEXT[locale].outIsFolder({ out, file: join(out, CONFIG_FILE) })}\n${USAGE}\n`);
    return 2;
  }
  if (out !== '-' && io.fs.kind(out) !== null && args.force !== true) {
    io.stderr.write(`init: ${INIT_TEXT[locale].exists({ out })}\n`);
    return 1;
  }
  let suggestion;
  let exports: ReturnType<typeof exportFiles>;
  let format: string | undefined;
  try {
    // Each file is read once: its first bytes tell a workbook saved under a .csv name (or deals.csv an export), the rest is the export.
    const bytes = new Map<string, Uint8Array>();
    const read = (path: string) => bytes.get(path) ?? bytes.set(path, io.fs.readFile(path)).get(path)!;
    format = optionalString(args.format) ?? renamedExportFormat(folder, io.fs, read);
    exports = exportFiles(folder, io.fs, format, read);
  } catch (e) {
    // The system refusing a file or a subfolder (no permission): a problem with the files, as `metrics` says it.
    if (!isErrnoError(e)) throw e;
    io.stderr.write(`init: ${cliMessage(msg('cannot_read_data', { detail: e.message }), locale)}\n`);
    return 1;
  }
  const { files, workbooks, brokenWorkbooks, brokenArchives, fileNotes, archives, unreadable, byproducts, misnamed } = exports;
  const pipeline = optionalString(args.pipeline);
  try {
    suggestion = suggestConfig(files, {
      workbooks,
      brokenWorkbooks,
      brokenArchives,
      archives,
      misnamed,
      format,
      pipeline,
      schema: schemaReference(out === '-' ? folder : dirname(out), io.schemaFile),
    });
  } catch (e) {
    if (!(e instanceof IngestFatalError)) throw e;
    io.stderr.write(fatalMessage('init', e, locale === 'en' ? undefined : { locale, say: (error) => fatalText(error, locale) }));
    return 1;
  }
  const skipped = [
    ...workbooks.map((path) => `WARNING: ${path}: ${WORKBOOK_MESSAGE}`),
    ...brokenWorkbooks.map(({ path, reason }) => `WARNING: ${path}: ${brokenWorkbookMessage(reason)}`),
    ...brokenArchives.map(({ path, reason }) => `WARNING: ${path}: ${brokenArchiveMessage(reason)}`),
    ...fileNotes.map((issue) => `WARNING: ${issue.file}: ${issue.message}`),
    ...archives.map((path) => `WARNING: ${path}: ${ARCHIVE_MESSAGE}`),
    ...unreadable.map((path) => `WARNING: ${path}: ${UNREADABLE_MESSAGE}`),
    ...misnamed.map(({ path, message }) => `WARNING: ${path}: ${message}`),
    ...byproducts.map((path) => `WARNING: ${path}: ${byproductMessage(path)!}`),
  ];
  // Said in the user's language before the folder fills in `<folder>`: a rule reads the note as the guess wrote it.
  // The folder as one word of the command (a path with a space or a Korean name quoted), to paste as it is.
  const notes = [...skipped, ...suggestion.notes].map((n) => `# ${initNote(n, locale).replace('<folder>', shellWord(folder))}\n`).join('');
  const read = { folder, text: suggestion.text, out, format, pipeline };
  const checked = (await checkSuggestion(io.readFolder, read, locale)).map((line) => `# ${line}\n`).join('');
  if (out === '-') {
    io.stderr.write(notes + checked);
    io.stdout.write(suggestion.text);
  } else {
    try {
      io.fs.writeFile(out, suggestion.text);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      io.stderr.write(`init: ${saidIn(outputError(out, e), locale)}\n`);
      return 1;
    }
    const config = resolve(out) === resolve(join(folder, CONFIG_FILE)) ? undefined : join(folder, CONFIG_FILE);
    io.stderr.write(`${notes}${checked}# ${INIT_TEXT[locale].wrote({ out, config })}\n`);
  }
  return 0;
}

/**
 * `--out` inside the data folder under any name but the config's: an export (or a file that would be read
 * as one next time), which --force must not replace either.
 */
function isDataFile(out: string, folder: string): boolean {
  const path = resolve(out);
  const inFolder = relative(resolve(folder), path);
  if (inFolder === '' || inFolder.startsWith('..') || isAbsolute(inFolder)) return false;
  return basename(path).toLowerCase() !== CONFIG_FILE.toLowerCase();
}

if (import.meta.main) {
  guardStandardOutput('init', process.stdout, process.stderr, argvLocale(process.argv.slice(2)));
  process.exitCode = await main(process.argv.slice(2));
}
