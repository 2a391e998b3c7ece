/**
 * The ingest module that reads a data folder of CRM exports from the file
 * system (read-folder.ts hands it every folder without canonical files):
 * lists the exports, workbooks and archives, reads each (a large one in two
 * parts, read-split.ts) and hashes them on the way.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../dataset.ts';
import type { Config } from './config.ts';
import { givenConfigBytes } from './config-file.ts';
import { CONFIG_FILE, configFromFiles } from './dataset-builder.ts';
import { allowedAdapters, type ExportFile, keptColumns, loadExports } from './vendor/load.ts';
import { readVendorFileSplit } from './read-split.ts';
import { listExports, notAFolder, UNREADABLE_MESSAGE } from './export-listing.ts';
import { containerFiles } from './export-containers.ts';
import { appendAll } from '../append.ts';
import { fileZip } from './archive/zip-entries.ts';
import { byproductWarnings, fileHead, listingFs, statFile } from './folder-notes.ts';
import { fileSource } from './file-source.ts';
import { wholeFileHash } from './file-ranges.ts';
import { entriesByName } from './file-names.ts';
import { compareIssues, IngestFatalError, IssueLog } from './issues.ts';
import type { ReadFolderOptions } from './read-folder.ts';

/**
 * A folder of vendor exports: every CSV file in it and in its subfolders one
 * level down (a series of exports in dated folders), plus the config.
 * `renamed`: the folder's deals.csv, which is a CRM's export (`one`: "a
 * HubSpot deals export"), read as one and said so in a warning.
 */
export async function readExports(folder: string, options: ReadFolderOptions, renamed: { file: string; one: string } | null = null): Promise<{ dataset: Dataset; config: Config }> {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the data folder does not exist' : code === 'ENOTDIR' ? notAFolder(folder) : `cannot be read (${code ?? (e as Error).message})`;
    throw new IngestFatalError('data_folder_unreadable', folder, `${folder}: ${why}`, { cause: e });
  }
  const hashes: Record<string, string> = Object.create(null) as Record<string, string>;
  // As in a canonical folder, the config whatever the case of its name.
  // Any entry of that name (a link to nothing too) is the config: statFile says what is wrong with one that is no file.
  const configEntry = entriesByName(entries, [CONFIG_FILE]).get(CONFIG_FILE);
  let configBytes: Uint8Array | undefined;
  if (options.config) configBytes = givenConfigBytes(options.config, hashes);
  else if (configEntry !== undefined) {
    const configPath = join(folder, configEntry);
    statFile(CONFIG_FILE, configPath);
    configBytes = readFileSync(configPath);
    hashes[CONFIG_FILE] = createHash('sha256').update(configBytes).digest('hex');
  }
  const config = configFromFiles({ [CONFIG_FILE]: configBytes }, options.config?.name);
  // The folder itself was read above (to say clearly when it cannot be); a .csv file's first bytes tell a workbook.
  const { exports: paths, workbooks: allWorkbooks, archives, unreadable, byproducts, misnamed } = listExports(folder, { ...listingFs(folder, entries), head: fileHead });
  // Workbooks and ZIP archives are read as the exports they hold; an archive stays on disk, each file unpacked as its reading reaches it.
  const opened: ReturnType<typeof fileZip>[] = [];
  const open = (relative: string) => {
    const zip = fileZip(join(folder, relative));
    opened.push(zip);
    return zip;
  };
  const contained = containerFiles(allWorkbooks, archives, { read: (relative) => readFileSync(join(folder, relative)), openZip: open }, (path, hex) => (hashes[path] = hex));
  const files: ExportFile[] = contained.files;
  /** Hashes of files read in two parts, made by their worker while the exports are read (read-split.ts). */
  const hashing: [string, Promise<string>][] = [];
  const keep = keptColumns(allowedAdapters(options.format));
  for (const relative of paths) {
    const path = join(folder, relative);
    const size = statSync(path).size;
    const source = fileSource(path, size, (hex) => (hashes[relative] = hex));
    // A large export is read in two parts at once; null: read whole, below.
    const log = new IssueLog();
    const split = await readVendorFileSplit(relative, path, size, log, keep);
    if (split) hashing.push([relative, split.sha256]);
    files.push({ path: relative, source, read: split ? { table: split.table, issues: log.issues } : undefined });
  }
  let dataset: Dataset;
  try {
    dataset = loadExports(files, config, {
      format: options.format,
      pipeline: options.pipeline,
      workbooks: contained.workbooks,
      brokenWorkbooks: contained.brokenWorkbooks,
      brokenArchives: contained.brokenArchives,
      configName: options.config?.name,
      misnamed,
    });
  } finally {
    for (const zip of opened) zip.close();
  }
  if (unreadable.length > 0 || byproducts.length > 0 || misnamed.length > 0 || contained.archiveNotes.length > 0 || renamed !== null) {
    const log = new IssueLog();
    if (renamed !== null) log.warning(renamed.file, 0, '', 'renamed_export', `read as ${renamed.one}: its columns are not those of the canonical deals.csv (docs/input.md)`);
    appendAll(log.issues, contained.archiveNotes);
    for (const path of unreadable) log.warning(path, 0, '', 'file_not_read', UNREADABLE_MESSAGE);
    for (const { path, message } of misnamed) log.warning(path, 0, '', 'file_not_read', message);
    byproductWarnings(byproducts, log);
    dataset.issues = [...dataset.issues, ...log.issues].sort(compareIssues);
  }
  for (const [relative, sha256] of hashing) hashes[relative] = await sha256;
  // An archive read is an input too: its own hash beside its files' (the build's reuse checks it against the folder's).
  const archivesRead = new Set(archives.filter((archive) => !contained.brokenArchives.some((b) => b.path === archive)));
  for (const archive of archivesRead) {
    const path = join(folder, archive);
    const hex = wholeFileHash(path, statSync(path).size);
    if (hex !== null) hashes[archive] = hex;
  }
  dataset.fileHashes = Object.fromEntries(Object.entries(hashes).filter(([name]) => name === CONFIG_FILE || name in dataset.files || archivesRead.has(name)));
  return { dataset, config };
}
