/**
 * `npm run init`'s last check: the folder read with the config it suggests, as `npm run metrics` and the build will
 * read it, so that rows the build would leave out (an amount or a date in a form the export's settings wrote) or a
 * stop are said while the user reviews the config, not at the first build. Its line is a `# ...` comment as init's
 * notes are.
 */
import { basename } from 'node:path';
import type { FolderRead, ReadFolderOptions } from '../../src/lib/ingest/read-folder.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import { issuesQuoted, warningCount, warningsQuoted } from '../../src/lib/i18n/cli-text.ts';
import { fatalText } from '../../src/lib/i18n/fatal-text.ts';
import { INIT_TEXT } from '../../src/lib/i18n/init-notes-text.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';

export type FolderReader = (folder: string, options: ReadFolderOptions) => Promise<FolderRead>;

export interface SuggestionRead {
  folder: string;
  /** The suggested config's text, read in place of the folder's (it may be printed, or written elsewhere). */
  text: string;
  /** Where the config was written ('-': printed), to name it in a message about it. */
  out: string;
  format: string | undefined;
  pipeline: string | undefined;
}

/**
 * The check's lines: every row read, or how many the build would leave out and the first of them, then the warnings
 * the reading gives (a close-date field named otherwise, an empty amount), if any; or why it would stop.
 */
export async function checkSuggestion(read: FolderReader, s: SuggestionRead, locale: Locale): Promise<string[]> {
  const text = INIT_TEXT[locale];
  const path = s.out === '-' ? 'pipeline.config.json' : s.out;
  try {
    const { dataset } = await read(s.folder, {
      format: s.format,
      pipeline: s.pipeline,
      config: { path, name: basename(path), bytes: new TextEncoder().encode(s.text) },
    });
    const files = Object.values(dataset.files);
    const rows = files.reduce((sum, f) => sum + f.rows, 0);
    const rejected = files.reduce((sum, f) => sum + f.rejected, 0);
    const warnings = warningCount(dataset.issues);
    const warned = warningsQuoted(dataset.issues, warnings, locale);
    return [
      rejected === 0 ? text.checkedAll({ rows }) : text.checkedRejected({ rows, rejected, detail: issuesQuoted(dataset.issues, rejected, locale) }),
      ...(warned === null ? [] : [text.checkedWarnings({ warnings, detail: warned })]),
    ];
  } catch (e) {
    if (!(e instanceof IngestFatalError)) throw e;
    return [text.checkedStop({ message: fatalText({ code: e.code, message: e.message, file: e.file }, locale).split('\n').join('; ') })];
  }
}
