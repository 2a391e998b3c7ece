/**
 * The build's publishing options: dated snapshots, "What changed", the
 * digest and summary files, the data-quality gate's options (--strict,
 * --max-rejected, --max-data-age: quality-gate.ts), and hosting (--site, --base), with the step that writes
 * the rendered pages into the output with relative links.
 */
import { DATA_FILE_NAME } from '../../src/lib/ingest/export-listing.ts';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isLocalDate } from '../../src/lib/time.ts';
import { isOutsideSnapshot, SNAPSHOTS_DIR } from '../../src/lib/views/snapshots.ts';
import type { CliFs } from './cli.ts';
import { type Args, optionalString, UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { isWithin, listFiles } from './out-dir.ts';
import { normalizeBase, relativizeHtml, RENDERED_BASE, snapshotPageHtml } from './relative-links.ts';
import { weekdayOption } from './snapshot-weekday.ts';
import { makeDirs } from './make-dirs.ts';

export const PUBLISH_ARGS = {
  snapshot: 'flag',
  snapshots: 'value',
  replace: 'flag',
  'new-history': 'flag',
  'snapshot-weekday': 'value',
  'compare-to': 'value',
  digest: 'value',
  summary: 'value',
  strict: 'flag',
  'max-rejected': 'value',
  'max-data-age': 'value',
  site: 'value',
  base: 'value',
} as const satisfies Record<string, 'value' | 'flag'>;

export const PUBLISH_USAGE =
  '[--snapshot [--snapshots <folder>] [--replace] [--new-history] [--snapshot-weekday 1-7]] [--compare-to YYYY-MM-DD] [--digest <file.md|->] [--summary <file.md|->] [--strict] [--max-rejected <0..1>] [--max-data-age <days>] [--site <url>] [--base </path/>]';

export interface FileArg {
  path: string;
  shown: string;
}

export interface PublishOptions {
  snapshot: boolean;
  snapshots: FileArg | null;
  replace: boolean;
  newHistory: boolean;
  /** `--snapshot-weekday`: --snapshot adds the snapshot only when the as-of date is this ISO weekday (1 Monday to 7 Sunday), or null. */
  snapshotWeekday: number | null;
  /**
   * The as-of date's snapshot is there already and kept as it is (`--snapshot-weekday` run again on its weekday):
   * this build adds none, but its digest and summary link to that snapshot, as the run that added it did.
   */
  keptSnapshot: boolean;
  compareTo: string | undefined;
  digest: FileArg | null;
  summary: FileArg | null;
  strict: boolean;
  maxRejected: number | null;
  /** `--max-data-age`: the most days the newest change in the data may lie before the as-of date, or null. */
  maxDataAge: number | null;
  /** The site's public address with the base path (`https://acme.github.io/pipescope/`), or null. */
  siteUrl: string | null;
  /** Astro's `site` (the origin and any path, as given). */
  site: string | undefined;
  /** The base path, `/` or `/pipescope/`. */
  base: string;
}

/** Files in a data folder the build may read (an export, a workbook, a ZIP archive, the config): a digest or summary never overwrites one. */
const isInputFile = (path: string) => DATA_FILE_NAME.test(path) || /\.json$/iu.test(path);

/** A `--digest` or `--summary` of `-`: written to standard output, as `npm run metrics --out -` writes. */
export const STDOUT = '-';

function fileArg(name: string, value: string | true | undefined, cwd: string, outDir: string, dataDir: string): FileArg | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value === '') throw new UsageError(msg('report_needs_file', { name }));
  if (value === STDOUT) return { path: STDOUT, shown: 'standard output' };
  const path = resolve(cwd, value);
  if (isWithin(path, outDir)) throw new UsageError(msg('report_inside_out', { name, value, beside: basename(value) }));
  if (isWithin(path, dataDir) && isInputFile(path)) throw new UsageError(msg('report_in_data', { name, value }));
  return { path, shown: value };
}

/** `--max-rejected`: a fraction from 0 to 1 (0.01 = 1% of the rows read). */
export function fractionOption(name: string, value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const n = typeof value === 'string' && /^(\d+(\.\d*)?|\.\d+)$/u.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) throw new UsageError(msg('fraction', { name, value: String(value) }));
  return n;
}

/** `--max-data-age`: whole days, 0 or more (0: the data must have changed on the as-of date). */
export function daysOption(name: string, value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const n = typeof value === 'string' && /^\d{1,5}$/u.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n)) throw new UsageError(msg('whole_days', { name, value: String(value) }));
  return n;
}

/** `--site` and `--base`: a site URL's own path is the base when --base is not given. */
export function hostingOptions(siteArg: string | true | undefined, baseArg: string | true | undefined): Pick<PublishOptions, 'site' | 'base' | 'siteUrl'> {
  let base: string | null = '/';
  if (baseArg !== undefined) {
    base = typeof baseArg === 'string' ? normalizeBase(baseArg) : null;
    if (base === null && typeof baseArg === 'string' && /^https?:\/\//iu.test(baseArg)) {
      throw new UsageError(msg('base_is_address', { base: baseArg }));
    }
    if (base === null) throw new UsageError(msg('base_invalid', { base: String(baseArg) }));
  }
  if (siteArg === undefined) return { site: undefined, base, siteUrl: null };
  let url: URL | null = null;
  try {
    url = typeof siteArg === 'string' ? new URL(siteArg) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    throw new UsageError(msg('site_invalid', { site: String(siteArg) }));
  }
  const sitePath = normalizeBase(url.pathname);
  if (sitePath === null) {
    throw new UsageError(msg('site_path_invalid', { site: String(siteArg), path: url.pathname }));
  }
  if (sitePath !== '/') {
    if (baseArg !== undefined && sitePath !== base) throw new UsageError(msg('site_base_disagree', { site: String(siteArg), base: String(baseArg) }));
    base = sitePath;
  }
  return { site: url.origin + (sitePath === '/' ? '' : sitePath.replace(/\/$/u, '')), base, siteUrl: `${url.origin}${base}` };
}

/** `--digest` and `--summary`, read before the other options: a build stopped by any of them says so in these files too. */
export function reportOptions(args: Args, cwd: string, outDir: string, dataDir: string): Pick<PublishOptions, 'digest' | 'summary'> {
  const digest = fileArg('digest', args.digest, cwd, outDir, dataDir);
  const summary = fileArg('summary', args.summary, cwd, outDir, dataDir);
  if (digest && summary && digest.path === summary.path) throw new UsageError(msg('reports_same', { stdout: digest.path === STDOUT }));
  return { digest, summary };
}

/** The publishing options; `reports` from reportOptions. */
export function publishOptions(args: Args, reports: Pick<PublishOptions, 'digest' | 'summary'>, cwd: string): PublishOptions {
  const snapshot = args.snapshot === true;
  if (args.replace === true && !snapshot) throw new UsageError(msg('replace_without_snapshot'));
  if (args.snapshots === '') throw new UsageError(msg('needs_folder', { name: 'snapshots' }));
  const snapshotWeekday = weekdayOption(args['snapshot-weekday'], { snapshot, replace: args.replace === true, newHistory: args['new-history'] === true });
  const compareTo = optionalString(args['compare-to']);
  if (args['compare-to'] !== undefined && (compareTo === undefined || !isLocalDate(compareTo) || compareTo < '1000-01-01')) {
    throw new UsageError(msg('date_option', { name: 'compare-to', value: String(args['compare-to']) }));
  }
  const snapshotsArg = optionalString(args.snapshots);
  return {
    snapshot,
    snapshots: snapshotsArg === undefined ? null : { path: resolve(cwd, snapshotsArg), shown: snapshotsArg },
    replace: args.replace === true,
    newHistory: args['new-history'] === true,
    snapshotWeekday,
    keptSnapshot: false,
    compareTo,
    ...reports,
    strict: args.strict === true,
    maxRejected: fractionOption('max-rejected', args['max-rejected']),
    maxDataAge: daysOption('max-data-age', args['max-data-age']),
    ...hostingOptions(args.site, args.base),
  };
}

/**
 * Write the rendered site in `renderDir` into `dest` with relative links:
 * the live site (`snapshot` false: every file) or a dated snapshot at
 * `snapshots/<date>/` (`snapshot` true: without the snapshots index and the
 * 404 page, whose links point to the live site's). The pages were rendered
 * under `RENDERED_BASE`; the 404 page keeps its site-absolute links, with
 * `--base` (a host serves it at any address). Returns the bytes written.
 */
export function emitTree(fs: CliFs, renderDir: string, dest: string, snapshot: string | null): number {
  const prefix = snapshot === null ? '' : `${SNAPSHOTS_DIR}/${snapshot}/`;
  let bytes = 0;
  for (const file of listFiles(fs, renderDir)) {
    const path = file.split('\\').join('/');
    if (snapshot !== null && isOutsideSnapshot(path)) continue;
    const to = join(dest, file);
    makeDirs(dirname(to), fs);
    if (path.endsWith('.html') && path !== '404.html') {
      const text = fs.readFileSync(join(renderDir, file), 'utf8');
      const html = snapshot === null ? relativizeHtml(text, path, RENDERED_BASE, { prefix }) : snapshotPageHtml(text, path, RENDERED_BASE, prefix);
      fs.writeFileSync(to, html);
      bytes += Buffer.byteLength(html);
    } else {
      fs.copyFileSync(join(renderDir, file), to);
      bytes += fs.statSync(to).size;
    }
  }
  return bytes;
}

/**
 * The live site as `emitTree(fs, renderDir, dest, null)` writes it,
 * without a second copy of the files: the pages' links made relative in
 * `renderDir` itself, then its files moved into `dest` (renames: both are
 * folders of the build beside --out). `renderDir` is left empty. Pages
 * Astro rendered with relative links already (`rendered` 'relative',
 * src/middleware.ts) are left as they are; that is checked on the first
 * page, and had they not been, they are rewritten like the others.
 */
export function emitLiveInPlace(fs: CliFs, renderDir: string, dest: string, rendered: 'absolute' | 'relative'): void {
  let rewrite = rendered === 'absolute';
  for (const file of listFiles(fs, renderDir)) {
    const path = file.split('\\').join('/');
    if (!path.endsWith('.html') || path === '404.html') continue;
    const full = join(renderDir, file);
    const html = fs.readFileSync(full, 'utf8');
    const relative = relativizeHtml(html, path, RENDERED_BASE);
    if (!rewrite && relative === html) break;
    rewrite = true;
    if (relative !== html) fs.writeFileSync(full, relative);
  }
  moveTree(fs, renderDir, dest);
}

/** Move every entry of `from` into `to`, merging folders that are in both. */
export function moveTree(fs: CliFs, from: string, to: string): void {
  makeDirs(to, fs);
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dest = join(to, e.name);
    const there = fs.lstatSync(dest, { throwIfNoEntry: false });
    if (!there) fs.renameSync(src, dest);
    else if (e.isDirectory() && there.isDirectory()) moveTree(fs, src, dest);
    else throw new Error(`internal: ${dest} would be written twice`);
  }
}

/** A path as the user would write it from `cwd`. */
export function shownPath(cwd: string, path: string): string {
  return relative(cwd, path) || '.';
}
