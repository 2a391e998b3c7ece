/**
 * The site data on disk, as the build hands it to Astro: the manifest
 * (`site-data-<out>.json`, zod-validated) and the account pages' slices
 * beside it (`site-data-<out>.accounts.jsonl`, one line per account page,
 * written as each slice is computed and validated where a page reads it, so
 * neither side ever holds them all), both written through a temporary file
 * and a rename; and the account pages' CSV files, made from each slice as
 * it is written (by a thread of their own in the extraction's process:
 * file-writer.ts).
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { LOCALES } from '../../src/lib/i18n/index.ts';
import { type AccountSlice, accountSlicesPath, sliceLine } from '../../src/lib/views/account-pages.ts';
// The account page's model and context alone, not the pages' index: the extraction loads no chart code.
import { accountCsvFiles } from '../../src/lib/views/account-csv.ts';
import { pageContext } from '../../src/lib/views/pages/context.ts';
import { accountModel } from '../../src/lib/views/pages/accounts.ts';
import { type SiteData, siteDataSchema } from '../../src/lib/views/schema.ts';
import type { ExtractedSite } from '../../src/lib/views/site-data.ts';
import type { CliFs } from './cli.ts';
import { type FileWriter, inlineFileWriter } from './file-writer.ts';
import { writeFileAtomic } from './io.ts';
import { makeDirs } from './make-dirs.ts';

/** Lines are appended to the file in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20;

/**
 * Validate and write the manifest of `extracted` (with `extra` fields, such
 * as the filters) to `path`, and its account slices beside it. Returns the
 * validated manifest. With `filesDir`, also each account page's CSV files in
 * every language, as its slice is written, at `<filesDir>/<locale>/csv/...`
 * as the output has them (src/lib/views/csv-files.ts), through a writer
 * from `fileWriter` (default: `fs.writeFileSync`, file by file); with
 * `later` too, they are written by the function given to it instead, once
 * called, file by file (the slices are kept until then: for a data folder
 * small enough to be extracted beside Astro, whose pages need only the site
 * data).
 */
export function writeSiteFiles(
  fs: CliFs,
  path: string,
  extracted: ExtractedSite,
  extra: Partial<SiteData> = {},
  filesDir?: string,
  later?: (write: () => void) => void,
  fileWriter: () => FileWriter = () => inlineFileWriter(fs),
): SiteData {
  const site = siteDataSchema.parse({ ...extracted.site, ...extra });
  // Its folders made now: nothing is made later in a folder the build may have removed meanwhile.
  const writer = filesDir === undefined ? null : accountCsvWriter(fs, filesDir, site);
  const kept: AccountSlice[] = [];
  const slices = accountSlicesPath(path);
  const tmp = join(dirname(slices), `.${basename(slices)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  makeDirs(dirname(slices), fs);
  // Written with the slices: through `fileWriter` (a thread of its own in the extraction's process), finished or aborted below.
  const files = writer === null || later ? null : fileWriter();
  // With `later` (and no writer of its own), the slices are kept for it.
  const writeCsvs = writer === null ? () => {} : files !== null ? (slice: AccountSlice) => writer(slice, files) : (slice: AccountSlice) => void kept.push(slice);
  try {
    fs.writeFileSync(tmp, '', { flag: 'wx' });
    let chunk = '';
    for (const slice of extracted.accountSlices()) {
      // Validated where it is read (src/site/site-data.ts), each slice once per page.
      chunk += sliceLine(slice);
      writeCsvs(slice);
      if (chunk.length >= CHUNK_CHARS) {
        fs.appendFileSync(tmp, chunk);
        chunk = '';
      }
    }
    if (chunk !== '') fs.appendFileSync(tmp, chunk);
    files?.finish();
    fs.renameSync(tmp, slices);
  } catch (e) {
    // Nothing more is written into the folder, which the build may now remove.
    files?.abort();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  writeFileAtomic(path, JSON.stringify(site), fs);
  if (later && writer !== null) {
    const inline = inlineFileWriter(fs);
    later(() => kept.forEach((slice) => writer(slice, inline)));
  }
  return site;
}

/** Writes an account slice's CSV files in each language through `files` (CSV text holds no links, so the base path does not matter). */
function accountCsvWriter(fs: CliFs, dir: string, site: SiteData): (slice: AccountSlice, files: FileWriter) => void {
  const contexts = LOCALES.map((locale) => pageContext(site, locale));
  for (const ctx of contexts) makeDirs(join(dir, ctx.locale, 'csv', 'accounts'), fs);
  return (slice, files) => {
    for (const ctx of contexts) {
      for (const file of accountCsvFiles(ctx, accountModel(ctx, slice))) files.write(join(dir, ctx.locale, 'csv', file.path), file.text);
    }
  };
}
