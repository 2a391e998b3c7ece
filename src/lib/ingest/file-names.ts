/**
 * A data folder's canonical files found whatever the case of their names:
 * tools on Windows and macOS, whose file systems ignore case, write
 * `Deals.csv` or `STAGE_HISTORY.CSV`, and the folder then moves to a Linux
 * CI machine where `deals.csv` would not be found.
 */
import { IngestFatalError } from './issues.ts';

/**
 * The files a canonical data folder may hold (dataset-builder.ts's required and
 * optional files; a test keeps the two equal), here so that the build's input
 * hashes can name them without loading the ingest modules.
 */
export const DATA_FOLDER_FILES = ['deals.csv', 'stage_history.csv', 'field_history.csv', 'accounts.csv', 'targets.csv', 'pipeline.config.json'] as const;

/** The history files, named where the threads that read them can import them without the readers of other files. */
export const STAGE_HISTORY_FILE = DATA_FOLDER_FILES[1];
export const FIELD_HISTORY_FILE = DATA_FOLDER_FILES[2];

/** The config's name in a data folder, and in the input hashes whatever file it was read from (`--config`). */
export const CONFIG_FILE_NAME = DATA_FOLDER_FILES[5];

/**
 * The folder entry each of `names` is (an exact match first, else the one
 * entry equal to it ignoring case). Two entries for one name that only case
 * tells apart (`deals.csv` and `Deals.csv`) are an error naming both.
 */
export function entriesByName(entries: readonly string[], names: readonly string[]): Map<string, string> {
  // A Map, not an object: entries are file names anyone can choose.
  const found = new Map<string, string>();
  for (const name of names) {
    if (entries.includes(name)) {
      const others = entries.filter((e) => e !== name && e.toLowerCase() === name);
      if (others.length > 0) throw bothCases(name, [name, ...others]);
      found.set(name, name);
      continue;
    }
    const matches = entries.filter((e) => e.toLowerCase() === name);
    if (matches.length > 1) throw bothCases(name, matches);
    if (matches.length === 1) found.set(name, matches[0]!);
  }
  return found;
}

function bothCases(name: string, entries: readonly string[]): IngestFatalError {
  const listed = entries.map((e) => `"${e}"`).join(' and ');
  return new IngestFatalError('names_differ_by_case', name, `${name}: the folder has ${listed}, which only the case of letters tells apart: keep one of them`);
}

/** The canonical name of each folder entry that is one (`Deals.csv` -> deals.csv), by entry: for keying files as the read names them. */
export function canonicalNames(entries: readonly string[]): Map<string, string> {
  return new Map([...entriesByName(entries, DATA_FOLDER_FILES)].map(([name, entry]) => [entry, name]));
}
