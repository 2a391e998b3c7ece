/**
 * What a canonical file's header says when required columns are missing:
 * the most likely cause, and what to do (a web page or JSON saved as .csv,
 * another delimiter, a column written another way, names in another
 * language). Also what an exports folder's unread files are told
 * (vendor/unread-files.ts).
 */
import { quoteValue } from './date-messages.ts';
import { looseName } from './header-spelling.ts';
import { IngestFatalError } from './issues.ts';

/** The fatal error for a header that lacks `missing` (`names`: the header's names, trimmed and lower-cased). */
export function missingColumns(file: string, missing: readonly string[], headers: readonly string[], names: readonly string[]): IngestFatalError {
  return missingColumnsError(file, missing, notCsvHint(headers) || delimiterHint(names) || unreadableHint(headers) || spellingHint(missing, headers) || notEnglishHint(headers));
}

/** A header name with bytes that could not be read (U+FFFD, from a damaged or mis-encoded file): that, not the spelling, is what to mend. */
function unreadableHint(headers: readonly string[]): string {
  const damaged = headers.filter((h) => h.includes('\uFFFD'));
  if (damaged.length === 0) return '';
  const shown = damaged.map((h) => JSON.stringify(h)).join(', ');
  return `; the header has ${shown}, with bytes that could not be read (shown as \uFFFD): write the column's name again, or save the file as UTF-8`;
}

/** The fatal error that names the missing columns, then `note`. */
export function missingColumnsError(file: string, missing: readonly string[], note = ''): IngestFatalError {
  const list = missing.map((c) => `"${c}"`).join(', ');
  return new IngestFatalError('missing_columns', file, `${file}: missing required column${missing.length > 1 ? 's' : ''} ${list}${note}`);
}

/**
 * When header names hold another delimiter (`deal_id;stage` read with `,`),
 * the missing columns are most likely joined into one: say so, since
 * "missing required columns" alone points at the wrong problem.
 */
function delimiterHint(names: readonly string[]): string {
  const sep = names.length === 1 ? /^sep=(.*)$/i.exec(names[0]!) : null;
  if (sep) return `; line 1 is Excel's delimiter hint "${names[0]}", and Pipescope reads only "," ";" or tab as the delimiter: save the file as CSV with one of them`;
  const others = [';', '\t', ','].filter((d) => names.some((n) => n.includes(d)));
  if (others.length === 0) return '';
  const shown = others.map((d) => (d === '\t' ? 'tab' : `"${d}"`)).join(' and ');
  return `; the header line also contains ${shown} inside column names, so the delimiter may have been read wrongly: use one delimiter (, ; or tab) throughout the header`;
}

function notCsvHint(headers: readonly string[]): string {
  const why = notCsv(headers);
  return why === null ? '' : `; ${why}`;
}

/**
 * Why a file whose first line is the start of a web page or of JSON is not a
 * CSV export at all (an export link that needed a sign-in saves the sign-in
 * page), or null; also for an exports folder's files (vendor/unread-files.ts).
 */
export function notCsv(headers: readonly string[]): string | null {
  const first = (headers[0] ?? '').trimStart().toLowerCase();
  if (/^<(?:!doctype|html|\?xml|head|body)\b/u.test(first)) return 'the file is a web page (HTML), not CSV: a download link that needed a sign-in saves the sign-in page. Export the file again from the CRM';
  if (/^[{[]/u.test(first)) return 'the file is JSON, not CSV: export it again as CSV';
  return null;
}

/**
 * The names of a header written mostly in another script (column names
 * typed in Korean, a CRM used in Korean), or null for a header mostly in
 * English; also for an exports folder's files (vendor/unread-files.ts).
 */
export function foreignHeaderNames(headers: readonly string[]): string[] | null {
  const names = headers.filter((h) => h !== '');
  const foreign = names.filter((h) => /[^\u0000-\u007f]/u.test(h));
  return names.length < 2 || foreign.length * 2 < names.length ? null : foreign;
}

/** `"a", "b", "c", ...`: the first three names of a list, for a message. */
export function firstNames(names: readonly string[]): string {
  return `${names.slice(0, 3).map((h) => JSON.stringify(h)).join(', ')}${names.length > 3 ? ', ...' : ''}`;
}

/** A canonical file whose columns are named in another language: the names are never guessed, so say how to name them. */
function notEnglishHint(headers: readonly string[]): string {
  const foreign = foreignHeaderNames(headers);
  return foreign === null ? '' : `; its column names are not in English (${firstNames(foreign)}): name the columns as docs/input.md does, in English (the required ones above)`;
}

/** Header names that are a missing column written another way (`Deal ID` for deal_id): say how to write them. */
function spellingHint(missing: readonly string[], headers: readonly string[]): string {
  const pairs = missing.flatMap((column) => {
    const written = headers.find((h) => looseName(h) === looseName(column));
    return written === undefined ? [] : [[written, column] as const];
  });
  if (pairs.length === 0) return '';
  return `; the header has ${pairs.map(([h]) => quoteValue(h)).join(', ')}: name ${pairs.length > 1 ? 'them' : 'it'} exactly ${pairs.map(([, c]) => c).join(', ')}`;
}
