/**
 * How a build uses its cache (scripts/lib/build-cache.ts): the folder, the
 * key of everything that makes the output (the data folder's and the
 * code's SHA-256, the date and the options), and the check that the files
 * read are those the key was made from.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import * as nodeFs from 'node:fs';
import { canonicalNames, CONFIG_FILE_NAME } from '../../src/lib/ingest/file-names.ts';
import { IngestFatalError } from '../../src/lib/ingest/issues.ts';
import type { RedactOptions } from '../../src/lib/ingest/redact.ts';
import { localDateOf } from '../../src/lib/time.ts';
import { uiLocale } from '../../src/lib/i18n/locales.ts';
import { BuildCache, type CachedBuild, FORMAT } from './build-cache.ts';
import { type CliIO, isErrnoError, OutputError, writingTo } from './cli.ts';
import { type ConfigFile, configBytes, configFileHash, type ConfigSource } from './config-option.ts';
import { UsageError } from './io.ts';
import { PROJECT_ROOT } from './project.ts';
import type { PublishOptions } from './publish.ts';
import type { Reports } from './reports.ts';
import type { EarlierSnapshot } from './snapshots.ts';

/**
 * The build cache at `dir`. --cache: refused when it is not the build's own
 * folder (exit 2) or cannot be made (exit 1). The default: left unused, with
 * a warning, in either case (a read-only node_modules, say).
 */
export function openCache(io: CliIO, dir: string, explicit: boolean): BuildCache | null {
  const shown = relative(io.cwd, dir) || '.';
  try {
    return writingTo(shown, () => BuildCache.open(io.fs, dir, shown, () => io.now()));
  } catch (e) {
    if (explicit || !(e instanceof UsageError || e instanceof OutputError)) throw e;
    io.stderr.write(`build: warning: ${e.message.replace(/^--cache /u, 'the build cache ')}; building without it\n`);
    return null;
  }
}

/**
 * Today in the config's time zone, for the key of a build without --as-of,
 * the config read as the data folder's read reads it (undefined when it
 * cannot be: the read reports why). The build stores its output only when
 * its as-of date is this one.
 */
export async function todayFor(source: ConfigSource, io: CliIO): Promise<string | undefined> {
  const config = await readConfig(source, io);
  return config && localDateOf(io.now(), config.timezone);
}

/** The config's language, as the read reads the config (English when it cannot be read: the summary of a build that stopped). */
export async function configLocale(source: ConfigSource, io: CliIO): Promise<'en' | 'ko'> {
  const config = await readConfig(source, io);
  return config ? uiLocale(config.locale) : 'en';
}

/** The band a --redact build rounds amounts to (null: exact): --redact-amounts, else the config's; undefined when the config cannot be read. */
export async function configAmountBand(source: ConfigSource, io: CliIO, redaction: RedactOptions): Promise<number | null | undefined> {
  if (redaction.amountBand !== undefined) return redaction.amountBand;
  const config = await readConfig(source, io);
  return config && (config.redaction?.amount_band ?? null);
}

/** The config (--config's, else the data folder's), read as the data folder's read reads it; undefined when it cannot be (the read reports why). */
export async function readConfig(source: ConfigSource, io: Pick<CliIO, 'fs'>) {
  // The ingest modules are loaded only here: a build with --as-of reads the config in its extraction alone.
  const { CONFIG_FILE, configFromFiles } = await import('../../src/lib/ingest/dataset-builder.ts');
  try {
    return configFromFiles({ [CONFIG_FILE]: configBytes(source, io.fs) }, source.file?.name);
  } catch {
    return undefined;
  }
}

export interface KeyRequest {
  dataDir: string;
  /** `--config`: its file is keyed as the data folder's config, which the build then does not read. */
  config: ConfigFile | undefined;
  asOf: string;
  version: string;
  maxPages: number;
  maxFilterMb: number;
  format: string | undefined;
  pipeline: string | undefined;
  redaction: RedactOptions | undefined;
  publish: PublishOptions;
  earlier: EarlierSnapshot[];
  /** The date `/` shows when not `asOf` (a backfilled snapshot), or null. */
  top: string | null;
}

/** The cache key of a build (null when the data folder cannot be read: the read reports it), with the input hashes it was made from. */
export function buildKey(req: KeyRequest): { key: string; inputs: Record<string, string> } | null {
  let inputs: Record<string, string>;
  try {
    inputs = dataFolderHashes(req.dataDir);
    if (req.config) inputs[CONFIG_FILE_NAME] = configFileHash(req.config, nodeFs);
  } catch (e) {
    if (isErrnoError(e) || e instanceof IngestFatalError) return null;
    throw e;
  }
  const { publish } = req;
  const key = cacheKey({
    code: codeVersion(PROJECT_ROOT, req.version),
    node_env: process.env.NODE_ENV ?? null,
    inputs,
    data_label: basename(req.dataDir),
    as_of: req.asOf,
    options: {
      max_account_pages: Number.isFinite(req.maxPages) ? req.maxPages : 'all',
      max_filter_mb: req.maxFilterMb,
      format: req.format ?? null,
      pipeline: req.pipeline ?? null,
      redact: req.redaction ? { amount_band: req.redaction.amountBand ?? null } : null,
      snapshot: publish.snapshot,
      compare_to: publish.compareTo ?? null,
      site: publish.site ?? null,
      base: publish.base,
    },
    earlier_snapshots: req.earlier.map((x) => [x.asOf, x.manifest]),
    top: req.top,
  });
  return { key, inputs };
}

/**
 * Whether the files the build read are those the key was made from (a file changed meanwhile is never stored under that key).
 * A file of a ZIP archive (`WE_1.zip/Opportunity.csv`) is checked by its archive, which the read hashed too.
 */
export function sameInputs(read: Record<string, string>, hashed: Record<string, string>): boolean {
  const inArchive = (name: string) => {
    for (let cut = name.indexOf('/'); cut > 0; cut = name.indexOf('/', cut + 1)) {
      const archive = name.slice(0, cut);
      if (Object.hasOwn(read, archive) && Object.hasOwn(hashed, archive)) return true;
    }
    return false;
  };
  return Object.entries(read).every(([name, sha]) => hashed[name] === sha || (!Object.hasOwn(hashed, name) && inArchive(name)));
}

/** The quality gate, digest and summary of a reused output, from the site manifest stored with its cache entry (read only for the digest and summary). */
export async function reusedReports(io: CliIO, hit: CachedBuild, publish: PublishOptions, asOf: string): Promise<Reports> {
  const [{ reports }, { siteDataSchema }] = await Promise.all([import('./reports.ts'), import('../../src/lib/views/schema.ts')]);
  return reports(() => siteDataSchema.parse(JSON.parse(io.fs.readFileSync(hit.sitePath, 'utf8'))), hit.meta.quality, publish, asOf);
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A file's SHA-256, read through one buffer (never whole in memory). */
function fileSha256(path: string, buffer: Buffer): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every file the build could read in `dataDir`: its files, and its folders' files one level down (relative paths, sorted). */
function dataFiles(dataDir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    const stat = statSync(join(dataDir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) out.push({ path: name, size: stat.size });
    else if (stat?.isDirectory()) {
      for (const inner of readdirSync(join(dataDir, name)).sort()) {
        const innerStat = statSync(join(dataDir, name, inner), { throwIfNoEntry: false });
        if (innerStat?.isFile()) out.push({ path: `${name}/${inner}`, size: innerStat.size });
      }
    }
  }
  return out;
}

/** Every file the build could read in `dataDir` with its SHA-256. */
export function dataFolderHashes(dataDir: string): Record<string, string> {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const files = dataFiles(dataDir);
  // Keyed as the read names them: a canonical file by its canonical name, whatever the case of its name on disk.
  const nameOf = canonicalNames(files.map((f) => f.path));
  return Object.fromEntries(files.map((f) => [nameOf.get(f.path) ?? f.path, fileSha256(join(dataDir, f.path), buffer)]));
}

/** The bytes of every file the build could read in `dataDir` (0 when it cannot be listed: the read reports it). */
export function dataFolderBytes(dataDir: string): number {
  try {
    return dataFiles(dataDir).reduce((sum, f) => sum + f.size, 0);
  } catch (e) {
    if (isErrnoError(e)) return 0;
    throw e;
  }
}

/** Pipescope's code as this build runs it: the package version, a hash of the files that make the output, and the Node version. */
export function codeVersion(root: string, version: string): string {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const hash = createHash('sha256');
  const add = (rel: string) => hash.update(`${rel}\0${fileSha256(join(root, rel), buffer)}\0`);
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(rel, e.name));
      else if (e.isFile()) add(join(rel, e.name));
    }
  };
  for (const dir of ['src', 'scripts', 'public']) walk(dir);
  for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) if (statSync(join(root, file), { throwIfNoEntry: false })) add(file);
  return `${version}+${hash.digest('hex').slice(0, 16)} node ${process.version}`;
}

/** The cache key of everything that makes the output (canonical JSON, so the same material always gives the same key). */
export function cacheKey(material: Record<string, unknown>): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return sha256(JSON.stringify(canonical({ cache_format: FORMAT, ...material })));
}
