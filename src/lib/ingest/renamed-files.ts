/**
 * A canonical file the data folder lacks, there under another name
 * (`targets (1).csv`, `Pipeline - stage_history.csv`): the words of its
 * warning, and the files such warnings name, for the pages that would
 * otherwise say "add targets.csv" beside the very file (views/site-data.ts).
 * No imports: the browser's filtered views load this module too.
 */
import type { Issue } from '../dataset.ts';

/** What one file with `file`'s columns under another name is, and what to do. */
export const renamedSaid = (file: string) => `it has the columns of ${file} (docs/input.md) under another name: rename it ${file}`;

/** The file_not_read warning of a file in a canonical folder that is `file` under another name. */
export const renamedNotRead = (file: string) => `not read: ${renamedSaid(file)}`;

/** renamedSaid at the end of the warning on a file not read beside deals.csv (`file_not_read`), or beside a CRM's exports (`unknown_export`, vendor/unread-files.ts). */
const NOT_READ = /(?:^not read: |; the file is ignored: )it has the columns of (\S+) \(docs\/input\.md\) under another name: rename it \1$/u;
const CODES = new Set(['file_not_read', 'unknown_export']);

/** A file not read that is a canonical file under another name, and which. */
export interface RenamedFile {
  /** Its path in the data folder. */
  file: string;
  /** The canonical file it has the columns of. */
  canonical: string;
}

/** The files the warnings of `issues` name as canonical files under another name (renamedNotRead), in their order. */
export function renamedFilesIn(issues: readonly Issue[]): RenamedFile[] {
  const out: RenamedFile[] = [];
  for (const issue of issues) {
    if (!CODES.has(issue.code)) continue;
    const canonical = NOT_READ.exec(issue.message)?.[1];
    if (canonical !== undefined) out.push({ file: issue.file, canonical });
  }
  return out;
}
