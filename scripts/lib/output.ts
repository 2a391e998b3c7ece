/**
 * The build's output folder, put together: rendered by Astro (and the
 * files the build adds beside the pages), or the files of a cache entry;
 * with the dated snapshots and build-manifest.json; then swapped in
 * (scripts/lib/out-dir.ts). Or left alone when it already is this output.
 */
import { join, resolve } from 'node:path';
import { type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import { SNAPSHOT_FILE, SNAPSHOTS_DIR } from '../../src/lib/views/snapshots.ts';
import type { RenderOptions } from './astro-render.ts';
import type { BuildCache, CachedBuild } from './build-cache.ts';
import { type CliIO, isErrnoError, outputError, writingTo } from './cli.ts';
import type { Extraction, ManifestFacts, RenderJob } from './extract.ts';
import { addedEntries, type AddedEntries } from './added-files.ts';
import { checkOutDir, GENERATOR, isWithin, listFiles, MANIFEST_FILE, type ProtectedFolder, removeQuietly, swapIn } from './out-dir.ts';
import { PROJECT_ROOT } from './project.ts';
import { emitLiveInPlace, emitTree, moveTree, type PublishOptions } from './publish.ts';
import type { EarlyRender } from './render-beside.ts';
import { checkNoneGained, copySnapshot, type EarlierSnapshot } from './snapshots.ts';

/** build-manifest.json: only what the input and as-of determine, so two builds of them are byte-identical. */
export interface BuildManifest {
  /** The marker that lets a later build replace this folder. */
  generator: typeof GENERATOR;
  as_of: string;
  data: string;
  inputs: Record<string, string>;
  pages: number;
  account_pages: number;
  accounts: number;
  bytes: number;
  /** Present when built with --redact: names are pseudonyms; amounts rounded to this band (null = exact). */
  redacted?: { amount_band: number | null };
  /** The dated snapshots in `snapshots/`, oldest first: a later build refuses to drop one. */
  snapshots: string[];
  /** The path the site is served under (--base, percent-encoded; '/' without it): `npm run preview` serves it there. */
  base: string;
  /** Every file the build wrote, besides this manifest (sorted): a later build keeps any other file it finds (added-files.ts). */
  files: string[];
}

/** The manifest of an output of `files` (paths and sizes; build-manifest.json not among them), and its text. */
export function manifestOf(facts: ManifestFacts, files: readonly { path: string; size: number }[], snapshots: string[], base: string): { manifest: BuildManifest; text: string } {
  const manifest: BuildManifest = {
    generator: GENERATOR,
    as_of: facts.as_of,
    data: facts.data,
    inputs: facts.inputs,
    pages: files.filter((f) => f.path.endsWith('.html') && !f.path.startsWith(`${SNAPSHOTS_DIR}/`)).length,
    account_pages: facts.account_pages,
    accounts: facts.accounts,
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    ...(facts.redacted ? { redacted: facts.redacted } : {}),
    snapshots,
    base,
    files: files.map((f) => f.path),
  };
  return { manifest, text: `${JSON.stringify(manifest, null, 2)}\n` };
}

export interface OutputRequest {
  io: CliIO;
  outDir: string;
  outArg: string;
  protectedFolders: ProtectedFolder[];
  publish: PublishOptions;
  quiet: boolean;
  asOf: string;
  facts: ManifestFacts;
  /** Earlier snapshots (copied byte for byte) and where they are, for messages. */
  earlier: EarlierSnapshot[];
  storeShown: string;
  render: (options: RenderOptions) => Promise<void>;
  /** Where the pages' server bundles are kept (scripts/lib/page-bundles.ts); absent: bundled by every build. */
  pageBundles?: string;
  /** A new folder beside --out, removed at the end of the build unless moved into the output. */
  scratchDir: () => string;
  /** What to put in: the extraction's to render (its date perhaps already rendering: `early`), or a cache entry's files. */
  from: { extraction: Extraction; early?: EarlyRender | null } | { cached: CachedBuild; cache: BuildCache };
  /** Where this output goes for the next build of the same inputs: the cache, its key, and the facts it keeps. */
  store: { cache: BuildCache; key: string } | null;
}

export interface Output {
  manifest: BuildManifest;
  /** When the pages were in place (rendered, or linked from the cache). */
  placedAt: number;
  /** --out already was this output: nothing was written. */
  upToDate: boolean;
  /** Warnings for the build to say in its language: the output not stored in the cache, the previous output not removed (swapIn). */
  warnings: CliMessage[];
  /** What someone had added to the previous output, moved into this one (null: there was none, or nothing was written). */
  added: AddedEntries | null;
}

/** What Astro renders a date with: the site data at `siteDataPath`, into the new folder `outDir`. */
export function renderOptions(
  { quiet, publish, pageBundles }: Pick<OutputRequest, 'quiet' | 'publish' | 'pageBundles'>,
  outDir: string,
  siteDataPath: string,
  { relativeLinks, accountCsvsWritten }: { relativeLinks: boolean; accountCsvsWritten: boolean },
): RenderOptions {
  return { root: PROJECT_ROOT, outDir, siteDataPath, quiet, base: publish.base, relativeLinks, accountCsvsWritten, ...(pageBundles ? { pageBundles } : {}) };
}

/** The live site's pages are rendered with relative links; with --snapshot, site-absolute ones, from which the snapshot's copy is made. */
export const relativeLinksFor = (publish: PublishOptions) => !publish.snapshot;

/** Put the output together in a new folder beside --out and swap it in (or leave --out when it already is this output). */
export async function writeOutput(req: OutputRequest): Promise<Output> {
  const { io, outDir, outArg, publish, asOf, facts, earlier } = req;
  const snapshotDates = [...new Set([...earlier.map((x) => x.asOf), ...(publish.snapshot ? [asOf] : [])])].sort();
  if ('cached' in req.from && earlier.length === 0) {
    const { cached, cache } = req.from;
    const expected = manifestOf(facts, cached.files, snapshotDates, publish.base);
    if (isOutput(io, cache, cached, outDir, outArg, expected.text)) return { manifest: expected.manifest, placedAt: io.now(), upToDate: true, warnings: [], added: null };
  }
  // One of the build's scratch folders: removed if the build is interrupted (once swapped in, it is gone from there).
  const staging = req.scratchDir();
  const warnings: CliMessage[] = [];
  try {
    if ('cached' in req.from) {
      const { cached, cache } = req.from;
      writingTo(outArg, () => cache.linkInto(cached, staging));
    } else await render(req, req.from.extraction, req.from.early ?? null, staging);
    const placedAt = io.now();
    // Then every earlier snapshot byte for byte.
    for (const x of earlier) writingTo(outArg, () => copySnapshot(io.fs, x.dir, join(staging, SNAPSHOTS_DIR, x.asOf), `${req.storeShown}/${x.asOf}`));
    if (req.store && 'extraction' in req.from) {
      // Kept for the next build of the same inputs: this output without the manifest and the earlier snapshots (copied every time).
      const { cache, key } = req.store;
      const { extraction } = req.from;
      const skip = earlier.map((x) => `${SNAPSHOTS_DIR}/${x.asOf}/`);
      const meta = { asOf, facts, quality: extraction.quality, snapshotManifest: extraction.snapshotManifest };
      try {
        cache.store(key, staging, (file) => file !== MANIFEST_FILE && !skip.some((p) => file.startsWith(p)), extraction.current.dataPath, meta);
      } catch (e) {
        // The cache only saves time: a build it cannot be stored in still succeeds.
        if (!isErrnoError(e)) throw e;
        warnings.push(msg('cache_not_stored', { dir: cache.dir, errno: e.code }));
      }
    }
    const files = listFiles(io.fs, staging).map((path) => ({ path, size: io.fs.statSync(join(staging, path)).size }));
    // Timings go to stderr (--timings), not here.
    const made = manifestOf(facts, files, snapshotDates, publish.base);
    writingTo(outArg, () => io.fs.writeFileSync(join(staging, MANIFEST_FILE), made.text));
    // Again, just before replacing it: --out may have changed while Astro ran.
    const state = checkOutDir(io.fs, outDir, req.protectedFolders, outArg);
    // And by another build, which added a snapshot this one would drop.
    checkNoneGained(io.fs, outDir, state, snapshotDates, outArg.replace(/\/+$/u, ''));
    // An earlier snapshot read from --out itself is copied whole, whatever was added to it: its files are the build's now.
    const carriedDirs = earlier.filter((x) => resolve(x.dir) === join(outDir, SNAPSHOTS_DIR, x.asOf)).map((x) => `${SNAPSHOTS_DIR}/${x.asOf}/`);
    const carried = (rel: string) => carriedDirs.some((dir) => `${rel.split('\\').join('/')}/`.startsWith(dir));
    const added =
      state === 'previous' || state === 'hosting'
        ? writingTo(outArg, () => addedEntries(io.fs, outDir, made.manifest.files, outArg, { hosting: state === 'hosting', carried }))
        : null;
    const warning = swapIn(io.fs, staging, outDir, outArg, added?.entries);
    if (warning) warnings.push(warning);
    return { manifest: made.manifest, placedAt, upToDate: false, warnings, added: added && added.entries.length > 0 ? added : null };
  } catch (e) {
    removeQuietly(io.fs, staging);
    throw e;
  }
}

/** Render the extraction's date(s) and put the live site (and this date's snapshot) into `staging`. */
async function render(req: OutputRequest, ex: Extraction, early: EarlyRender | null, staging: string): Promise<void> {
  const { io, outArg, publish, asOf } = req;
  /** Astro renders one date into a folder of its own (`early`: already begun); then the extraction's files (metrics.json, the filter data and script, account CSV files) are moved in. */
  const one = async (job: RenderJob, relativeLinks: boolean, early: EarlyRender | null): Promise<string> => {
    const options = renderOptions(req, early?.options.outDir ?? req.scratchDir(), job.dataPath, { relativeLinks, accountCsvsWritten: job.filesDir !== null });
    if (early && JSON.stringify(early.options) !== JSON.stringify(options)) throw new Error(`Astro was started with ${JSON.stringify(early.options)} where ${JSON.stringify(options)} was needed`);
    const dir = options.outDir;
    try {
      await (early ? early.done : req.render(options));
    } catch (e) {
      // The OS refusing a write into the new output is an output problem; any other failure is a bug.
      if (isErrnoError(e) && typeof e.path === 'string' && (isWithin(resolve(e.path), dir) || isWithin(resolve(e.path), staging))) throw outputError(outArg, e);
      throw e;
    }
    // Written by the extraction's process while the pages rendered, perhaps not yet all.
    await ex.filesWritten;
    if (job.filesDir !== null) writingTo(outArg, () => moveTree(io.fs, job.filesDir!, dir));
    return dir;
  };
  const { current, top } = ex;
  const currentDir = await one(current, relativeLinksFor(publish), early);
  const topDir = top === current ? currentDir : await one(top, true, null);
  if (publish.snapshot) {
    // This date's snapshot first: the live site's pages are then rewritten where they are.
    const folder = join(staging, SNAPSHOTS_DIR, asOf);
    writingTo(outArg, () => {
      emitTree(io.fs, currentDir, folder, asOf);
      io.fs.writeFileSync(join(folder, SNAPSHOT_FILE), ex.snapshotManifest!);
    });
  }
  // The live site, with relative links, moved into place.
  writingTo(outArg, () => emitLiveInPlace(io.fs, topDir, staging, top === current && publish.snapshot ? 'absolute' : 'relative'));
}

/**
 * Whether `outDir` already is the output of `cached`: its files the cache entry's very files, and its manifest
 * `manifestText`; besides them, only entries someone added that the manifest does not list (added-files.ts),
 * which stay where they are. Refuses (UsageError) when the build writes where one of those is.
 */
function isOutput(io: CliIO, cache: BuildCache, cached: CachedBuild, outDir: string, outArg: string, manifestText: string): boolean {
  try {
    if (io.fs.readFileSync(join(outDir, MANIFEST_FILE), 'utf8') !== manifestText) return false;
  } catch (e) {
    if (isErrnoError(e)) return false;
    throw e;
  }
  if (cached.files.length === 0) return false;
  const added = writingTo(outArg, () => addedEntries(io.fs, outDir, cached.files.map((f) => f.path), outArg));
  return cache.holds(cached, outDir, [MANIFEST_FILE], added.entries);
}
