/**
 * The build's extract step: read the data folder, compute the site data of
 * each date the build renders (this as-of date, and the latest date's
 * when an older snapshot is backfilled), write it for Astro
 * (scripts/lib/site-files.ts) with the files the output has besides its
 * pages (metrics.json, the filter data, the account pages' CSV files), and
 * return only what the rest of the build needs (where those are, the
 * manifest's facts, the data-quality counts, the digest and summary texts).
 * The Dataset and the site data go out of scope with it (or with its
 * process: scripts/lib/extract-child.ts), so rendering does not hold them too.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { redact, type RedactOptions } from '../../src/lib/ingest/redact.ts';
import type { readFolder } from '../../src/lib/ingest/read-folder.ts';
import { metricsChunks } from '../../src/lib/metrics/serialize.ts';
import { filterChoices, filterDataPath, filterDataText } from '../../src/lib/filters/build-data.ts';
import { localDateOf, type LocalDate } from '../../src/lib/time.ts';
import type { SiteData } from '../../src/lib/views/schema.ts';
import { extractSite, type SiteDataOptions } from '../../src/lib/views/site-data.ts';
import { snapshotEntry, snapshotFigures } from '../../src/lib/views/snapshots.ts';
import { type CliFs, readingInput, writingTo } from './cli.ts';
import { GENERATOR } from './out-dir.ts';
import type { PublishOptions } from './publish.ts';
import { type QualityFacts, type Reports, reports } from './reports.ts';
import type { FilterScript } from './filter-script.ts';
import { configSha256, type EarlierSnapshot, snapshotManifestText } from './snapshots.ts';
import { siteDataFile } from './site-data-file.ts';
import { qualityFacts } from '../../src/lib/views/quality-facts.ts';
import type { FileWriter } from './file-writer.ts';
import { writeSiteFiles } from './site-files.ts';
import { UsageError, writeFileAtomic } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import { makeDirs } from './make-dirs.ts';

/** One date Astro renders: its site data file, and the files the build adds beside the pages. */
export interface RenderJob {
  dataPath: string;
  /**
   * The files the build adds beside the pages, as the output has them: metrics.json, the filter data
   * (`data/filter-data.<hash>.json`) and the account pages' CSV files (`<locale>/csv/...`), written with
   * the slices, to be moved into the rendered site; null with --extract-only.
   */
  filesDir: string | null;
}

/** What build-manifest.json takes from the data (the rest is counted from the files). */
export interface ManifestFacts {
  as_of: string;
  data: string;
  inputs: Record<string, string>;
  account_pages: number;
  accounts: number;
  redacted?: { amount_band: number | null };
}

export interface Extraction {
  asOf: LocalDate;
  /** Milliseconds spent reading the data folder. */
  readMs: number;
  deals: number;
  current: RenderJob;
  /** The date `/` shows: `current`, or the latest date (a snapshot's, or the one `/` showed) when this build adds an older snapshot. */
  top: RenderJob;
  facts: ManifestFacts;
  quality: QualityFacts;
  /** The input files' SHA-256, as metrics.json `generated_from` names them. */
  inputs: Record<string, string>;
  /** snapshot.json of this date (with --snapshot). */
  snapshotManifest: string | null;
  reports: Reports;
  /**
   * Settles when the account pages' CSV files are in `filesDir`: when the extraction's process writes them after
   * its reply (`ExtractJob.csvsLater`), while the pages render. Absent: written already. Never crosses processes.
   */
  filesWritten?: Promise<void>;
}

export interface ExtractRequest {
  fs: CliFs;
  read: () => ReturnType<typeof readFolder>;
  dataDir: string;
  asOfArg: LocalDate | undefined;
  /** The clock at the start of the build (ms since the epoch): the as-of date without --as-of. */
  clock: number;
  /** For the read's time. */
  now: () => number;
  maxPages: number;
  /** Filters in the URL only when their data file is at most this many MB (`--max-filter-mb`). */
  maxFilterMb: number;
  redaction: RedactOptions | undefined;
  publish: PublishOptions;
  /** Earlier snapshots of a date, oldest first (the one of this date left out when this build replaces it). */
  earlierOf: (asOf: LocalDate) => EarlierSnapshot[];
  /** The date `/` shows when not the as-of date's (scripts/lib/extract-child.ts `datedRules`). */
  topOf: (asOf: LocalDate) => LocalDate | undefined;
  /** Called with the as-of date as soon as it is known (a UsageError refuses it). */
  checkDate: (asOf: LocalDate) => void;
  version: string;
  /** Where the site data goes: `<dir>/site-data-<name>.json` (and `-latest` for the top date). */
  cacheDir: string;
  name: string;
  /** A new folder for the files a date's output has besides its pages (none with --extract-only: `npm run dev` serves the pages alone). */
  makeFilesDir?: () => string;
  /** The filter form's script (scripts/lib/filter-script.ts): named in the site data, its files put in each of those folders. */
  filterScript?: FilterScript;
  /** Given the writing of the account pages' CSV files into those folders, to be done after the extraction returns (site-files.ts); absent: written as the slices are. */
  later?: (write: () => void) => void;
  /** What writes the account pages' CSV files written with the slices (site-files.ts); absent: `fs.writeFileSync`, one at a time. */
  fileWriter?: () => FileWriter;
}

/** "What changed" compares with --compare-to, else the latest snapshot before `date`, else the waterfall's period. */
function compareFor(date: string, dates: string[], explicit?: string): SiteDataOptions['compareTo'] {
  if (explicit !== undefined) return { date: explicit, basis: 'compare_to' };
  const before = dates.filter((d) => d < date).sort().at(-1);
  return before === undefined ? undefined : { date: before, basis: 'snapshot' };
}

export async function extract(req: ExtractRequest): Promise<Extraction> {
  const { fs, publish } = req;
  const t0 = req.now();
  const read = await readingInput(req.read());
  const readMs = req.now() - t0;
  // --redact: pseudonyms before anything is computed, so every output is redacted by construction.
  const redacted = req.redaction ? redact(read.dataset, read.config, req.redaction) : undefined;
  const { dataset, config } = redacted ?? read;
  // The clock is read here, in the CLI, and nowhere in the engine.
  const asOf = req.asOfArg ?? localDateOf(req.clock, config.timezone);
  req.checkDate(asOf);
  const earlier = req.earlierOf(asOf);
  if (publish.compareTo !== undefined && publish.compareTo >= asOf) throw new UsageError(msg('compare_to_not_before', { compareTo: publish.compareTo, asOf }));
  const earlierDates = earlier.map((x) => x.asOf);
  const dataLabel = basename(req.dataDir);
  const one = (date: string, dataPath: string, options: Partial<SiteDataOptions>): { job: RenderJob; site: SiteData } => {
    const extracted = extractSite(dataset, config, date, { dataLabel, maxAccountPages: req.maxPages, ...options });
    // Filters in the URL: the data file a filtered page loads (named after its content) and the form's choices;
    // none past --max-filter-mb, and the pages say so.
    const filterData = filterDataText(dataset, config, extracted.site);
    const filterBytes = Buffer.byteLength(filterData);
    const filterOn = filterBytes <= req.maxFilterMb * 1e6;
    // Named only when written: a million deals' 180 MB left out need no hash.
    const filterPath = filterOn ? filterDataPath(createHash('sha256').update(filterData).digest('hex').slice(0, 12)) : '';
    const filesDir = req.makeFilesDir?.() ?? null;
    const script = req.filterScript;
    const filters = filterOn
      ? { filters: { data: filterPath, ...(script ? { script: script.script } : {}), ...filterChoices(dataset, config, extracted.closeDays()) } }
      : { filters_off: { deals: dataset.deals.length, mb: Math.ceil(filterBytes / 1e5) / 10, limit_mb: req.maxFilterMb } };
    const later = req.later && filesDir !== null ? (write: () => void) => req.later!(() => writingTo(filesDir, write)) : undefined;
    const site = writingTo(dataPath, () => writeSiteFiles(fs, dataPath, extracted, filters, filesDir ?? undefined, later, req.fileWriter));
    if (filesDir !== null) {
      writingTo(filesDir, () => {
        // In pieces, as `npm run metrics` writes it: with every rejected row listed it can be gigabytes.
        writeFileAtomic(join(filesDir, 'metrics.json'), metricsChunks(extracted.metrics), fs);
        const filterFiles = filterOn ? [[filterPath, filterData] as const, ...(script?.files ?? []).map((f) => [f.path, f.bytes] as const)] : [];
        for (const [path, bytes] of filterFiles) {
          makeDirs(join(filesDir, dirname(path)), fs);
          fs.writeFileSync(join(filesDir, path), bytes);
        }
      });
    }
    return { job: { dataPath, filesDir }, site };
  };
  const current = one(asOf, siteDataFile(req.cacheDir, req.name), {
    compareTo: compareFor(asOf, earlierDates, publish.compareTo),
    snapshots: earlier.map((x) => snapshotEntry(x.manifest)),
    ...(publish.snapshot ? { currentSnapshot: { pipescope_version: req.version, redacted: redacted !== undefined } } : {}),
  });
  // A build that adds an older snapshot renders the latest date for `/` too.
  const topDate = req.topOf(asOf);
  const top =
    topDate !== undefined
      ? one(topDate, siteDataFile(req.cacheDir, req.name, true), { compareTo: compareFor(topDate, [...earlierDates, asOf]), snapshots: current.site.snapshots })
      : current;
  let snapshotManifest: string | null = null;
  if (publish.snapshot) {
    const { redaction: _secret, ...hashed } = read.config;
    snapshotManifest = snapshotManifestText({
      generator: GENERATOR,
      kind: 'snapshot',
      as_of: asOf,
      pipescope_version: req.version,
      config_sha256: configSha256(hashed),
      inputs: current.site.metrics.generated_from,
      currency: config.currency,
      compared_with: current.site.changes.from,
      figures: snapshotFigures(current.site.metrics),
      ...(redacted ? { redacted: true, amount_band: redacted.amountBand } : {}),
    });
  }
  const quality = qualityFacts(dataset, { asOf, newestChange: current.site.inputs.newest_change });
  return {
    asOf,
    readMs,
    deals: dataset.deals.length,
    current: current.job,
    top: top.job,
    facts: {
      as_of: top.site.as_of,
      data: top.site.data_label,
      inputs: top.site.metrics.generated_from,
      account_pages: top.site.accounts_with_pages,
      accounts: top.site.accounts.length,
      ...(redacted ? { redacted: { amount_band: redacted.amountBand } } : {}),
    },
    quality,
    inputs: current.site.metrics.generated_from,
    snapshotManifest,
    reports: await reports(() => current.site, quality, publish, asOf),
  };
}
