/**
 * The snapshots a build keeps: where the earlier ones come from, the checks
 * that make sure none is ever dropped silently, and the byte-for-byte copy.
 *
 * A snapshots folder holds one `<YYYY-MM-DD>/` folder per snapshot, each
 * with its `snapshot.json` (src/lib/views/snapshots.ts); the output's
 * `snapshots/` folder is one, so the published site, a CI cache or a bucket
 * copy of it can be given back with `--snapshots`. Names starting with "."
 * are ignored; anything else is refused, so a wrong folder is never taken
 * for an empty history.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { formatConfigIssues, jsonSyntaxMessage } from '../../src/lib/ingest/config.ts';
import { jsonLayout } from '../../src/lib/ingest/config-json-text.ts';
import { isLocalDate } from '../../src/lib/time.ts';
import { SNAPSHOT_FILE, SNAPSHOTS_DIR, type SnapshotManifest, snapshotManifestSchema } from '../../src/lib/views/snapshots.ts';
import { type CliFs, InputReadError, isErrnoError, writingTo } from './cli.ts';
import { UsageError } from './io.ts';
import { type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import { MANIFEST_FILE, type OutState } from './out-dir.ts';
import { makeDirs } from './make-dirs.ts';

/** A problem with the snapshots (missing, unreadable, not a snapshot): exit 1, one line saying what to pass, in the run's language. */
export class SnapshotsError extends InputReadError {
  constructor(message: CliMessage) {
    super(message);
    this.name = 'SnapshotsError';
  }
}

export interface EarlierSnapshot {
  asOf: string;
  /** Its folder (absolute). */
  dir: string;
  manifest: SnapshotManifest;
}

export interface SnapshotStore {
  /** The folder earlier snapshots are read from (absolute), or null when there is none. */
  dir: string | null;
  /** As given or found, for messages. */
  shown: string;
  /** Earlier snapshots, oldest first. */
  snapshots: EarlierSnapshot[];
  /** The date the previous output's `/` shows (null: no previous output in --out, or its manifest does not say). */
  shownBefore: string | null;
}

export interface StoreRequest {
  /** `--snapshots` (absolute) and as given. */
  given: { path: string; shown: string } | null;
  outDir: string;
  outShown: string;
  outState: OutState;
  /** `--snapshot`: this build adds one. */
  snapshot: boolean;
  /** `--new-history`: this build starts the history (no earlier snapshots anywhere). */
  newHistory: boolean;
}

/** The dates the previous output in `--out` says it has: its manifest's list and its snapshots folder. */
export function previousDates(fs: CliFs, req: Pick<StoreRequest, 'outDir' | 'outState'>): Set<string> {
  return previousOutput(fs, req).dates;
}

/** The previous output in `--out`: the snapshot dates it says it has, and the date its `/` shows (null: none, or its manifest does not say). */
function previousOutput(fs: CliFs, req: Pick<StoreRequest, 'outDir' | 'outState'>): { dates: Set<string>; shown: string | null } {
  const dates = new Set<string>();
  let shown: string | null = null;
  if (req.outState !== 'previous') return { dates, shown };
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(join(req.outDir, MANIFEST_FILE), 'utf8'));
    const { snapshots: listed, as_of: asOf } = (manifest ?? {}) as { snapshots?: unknown; as_of?: unknown };
    if (Array.isArray(listed)) for (const d of listed) if (typeof d === 'string') dates.add(d);
    if (typeof asOf === 'string' && isLocalDate(asOf)) shown = asOf;
  } catch (e) {
    if (!isErrnoError(e) && !(e instanceof SyntaxError)) throw e;
  }
  const folder = join(req.outDir, SNAPSHOTS_DIR);
  if (isDirectory(fs, folder)) for (const name of fs.readdirSync(folder)) if (!name.startsWith('.')) dates.add(name);
  return { dates, shown };
}

function isDirectory(fs: CliFs, path: string): boolean {
  return fs.lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Where the earlier snapshots are, checked: a given folder must exist and
 * hold only snapshots; it must hold every snapshot the previous output has;
 * a first snapshot needs `--new-history`: a given folder that holds none (a
 * cache restored empty) is refused, as a missing one is.
 */
export function findSnapshots(fs: CliFs, req: StoreRequest): SnapshotStore {
  if (req.newHistory && !req.snapshot) throw new UsageError(msg('new_history_without_snapshot'));
  if (req.newHistory && req.given) throw new UsageError(msg('new_history_and_snapshots'));
  const { dates: known, shown: shownBefore } = previousOutput(fs, req);
  const own = join(req.outDir, SNAPSHOTS_DIR);
  let dir: string | null = null;
  let shown = '';
  if (req.given) {
    const stat = writingTo(req.given.shown, () => fs.lstatSync(req.given!.path, { throwIfNoEntry: false }));
    if (!stat) {
      throw new SnapshotsError(msg('snapshots_missing', { store: req.given.shown, folder: SNAPSHOTS_DIR }));
    }
    if (!stat.isDirectory()) throw new SnapshotsError(msg('snapshots_not_folder', { store: req.given.shown }));
    dir = req.given.path;
    shown = req.given.shown;
  } else if (isDirectory(fs, own)) {
    dir = own;
    shown = `${req.outShown}/${SNAPSHOTS_DIR}`;
  }
  const snapshots = dir === null ? [] : readSnapshots(fs, dir, shown, !req.given);
  const have = new Set(snapshots.map((s) => s.asOf));
  const lost = [...known].filter((d) => !have.has(d)).sort();
  if (lost.length > 0) {
    throw new SnapshotsError(msg('snapshots_would_drop', { out: req.outShown, lost, store: dir === null ? null : shown, folder: SNAPSHOTS_DIR }));
  }
  if (req.given && snapshots.length === 0) throw new SnapshotsError(msg('snapshots_empty', { store: shown }));
  if (req.snapshot && dir === null && !req.newHistory) {
    throw new SnapshotsError(msg('snapshots_none_found', { out: req.outShown, folder: SNAPSHOTS_DIR }));
  }
  if (req.newHistory && snapshots.length > 0) {
    throw new UsageError(msg('new_history_has_snapshots', { store: shown, dates: snapshots.map((s) => s.asOf) }));
  }
  return { dir, shown, snapshots, shownBefore };
}

/**
 * Just before the swap: the snapshots `--out` has now that this build's output (`dates`) lacks, which another
 * build writing `--out` meanwhile added (a cron job and a run by hand). Replacing `--out` would drop them: refused.
 */
export function checkNoneGained(fs: CliFs, outDir: string, outState: OutState, dates: readonly string[], outShown: string): void {
  const gained = [...previousDates(fs, { outDir, outState })].filter((d) => !dates.includes(d)).sort();
  if (gained.length === 0) return;
  throw new SnapshotsError(msg('snapshots_gained', { out: outShown, gained }));
}

/** Every snapshot in `dir`, oldest first; a SnapshotsError for anything that is not one (`ownOfOut`: `dir` is --out's own snapshots folder, no --snapshots given). */
export function readSnapshots(fs: CliFs, dir: string, shown: string, ownOfOut = false): EarlierSnapshot[] {
  const names = writingTo(shown, () => fs.readdirSync(dir)).filter((n) => !n.startsWith('.'));
  const out: EarlierSnapshot[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    const what = `${shown}/${name}`;
    const stat = fs.lstatSync(path);
    if (!stat.isDirectory() || !isLocalDate(name)) {
      throw new SnapshotsError(msg('snapshot_not_dated', { entry: what, ...(ownOfOut ? { own: shown } : {}) }));
    }
    const manifest = readManifest(fs, path, what);
    if (manifest.as_of !== name) throw new SnapshotsError(msg('snapshot_other_date', { entry: what, file: SNAPSHOT_FILE, asOf: manifest.as_of, date: name }));
    out.push({ asOf: name, dir: path, manifest });
  }
  return out;
}

/**
 * A snapshot's `snapshot.json`, checked; a SnapshotsError naming what is wrong in it (one may have edited it by
 * hand, as docs/publish.md says for `amount_band`): its line and column, or the key. A byte order mark is skipped.
 */
function readManifest(fs: CliFs, dir: string, what: string): SnapshotManifest {
  const file = `${what}/${SNAPSHOT_FILE}`;
  let text: string;
  try {
    text = fs.readFileSync(join(dir, SNAPSHOT_FILE), 'utf8');
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    throw new SnapshotsError(e.code === 'ENOENT' ? msg('snapshot_no_manifest', { entry: what, file: SNAPSHOT_FILE }) : msg('snapshot_unreadable', { file, errno: e.code }));
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new SnapshotsError(msg('snapshot_not_json', { file, syntax: jsonSyntaxMessage(json, e.message) }));
  }
  const result = snapshotManifestSchema.safeParse(raw);
  // The value written and where (line, column), as a config's problems are said: their Korean rules then know each line.
  if (!result.success) throw new SnapshotsError(msg('snapshot_invalid', { entry: what, issues: formatConfigIssues(result.error, file, raw, jsonLayout(json)).split('\n') }));
  return result.data;
}

/**
 * A redacted build (`amountBand`: the band its amounts are rounded to, null: exact) carries only
 * earlier snapshots redacted at least as strictly: built with --redact (no real names), and with
 * amounts rounded to this band or a larger one. A snapshot made before snapshots recorded their
 * band (no `amount_band`) cannot say it: fine for an exact build, refused for a rounded one.
 * `replacing`: the date this build replaces (--snapshot --replace), not carried.
 */
export function checkRedactedSnapshots(snapshots: readonly EarlierSnapshot[], amountBand: number | null, replacing: string | undefined, shown: string): void {
  const carried = snapshots.filter((x) => x.asOf !== replacing);
  const plain = carried.filter((x) => x.manifest.redacted !== true).map((x) => x.asOf);
  if (plain.length > 0) {
    throw new SnapshotsError(msg('snapshots_not_redacted', { store: shown, dates: plain }));
  }
  if (amountBand === null) return;
  const finer = carried.filter((x) => x.manifest.amount_band !== undefined && (x.manifest.amount_band === null || x.manifest.amount_band < amountBand));
  if (finer.length > 0) {
    throw new SnapshotsError(msg('snapshots_less_rounded', { band: amountBand, store: shown, finer: finer.map((x) => ({ asOf: x.asOf, band: x.manifest.amount_band ?? null })) }));
  }
  const unknown = carried.filter((x) => x.manifest.amount_band === undefined).map((x) => x.asOf);
  if (unknown.length > 0) throw new SnapshotsError(msg('snapshots_band_unknown', { band: amountBand, store: shown, dates: unknown }));
}

/**
 * A build without --redact carries no redacted snapshot: a history of redacted snapshots is a
 * dashboard shared outside, and this build's pages beside them would have the real names. The
 * check on `--out` (a redacted output is never replaced) does not see a CI job that builds into a
 * new folder each run with the history from its store. `replacing`: as above.
 */
export function checkPlainBuildSnapshots(snapshots: readonly EarlierSnapshot[], replacing: string | undefined, shown: string): void {
  const redacted = snapshots.filter((x) => x.asOf !== replacing && x.manifest.redacted === true).map((x) => x.asOf);
  if (redacted.length > 0) throw new SnapshotsError(msg('snapshots_redacted', { store: shown, dates: redacted }));
}

/**
 * Copy a snapshot folder byte for byte (regular files and folders only: a
 * symbolic link or anything else is refused). Returns the bytes copied.
 */
export function copySnapshot(fs: CliFs, from: string, to: string, shown: string): number {
  let bytes = 0;
  const walk = (rel: string) => {
    const src = join(from, rel);
    const dest = join(to, rel);
    const stat = fs.lstatSync(src);
    if (stat.isDirectory()) {
      makeDirs(dest, fs);
      for (const name of fs.readdirSync(src).sort()) walk(join(rel, name));
    } else if (stat.isFile()) {
      fs.copyFileSync(src, dest);
      bytes += stat.size;
    } else {
      throw new SnapshotsError(msg('snapshot_not_file', { entry: `${shown}/${rel}` }));
    }
  };
  walk('');
  return bytes;
}

/** JSON with object keys sorted (arrays kept in order): the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** sha256 of the resolved config as canonical JSON. */
export function configSha256(config: unknown): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

/** snapshot.json: fixed key order, so two builds of the same input write the same bytes. */
export function snapshotManifestText(m: SnapshotManifest): string {
  const ordered = {
    generator: m.generator,
    kind: m.kind,
    as_of: m.as_of,
    pipescope_version: m.pipescope_version,
    config_sha256: m.config_sha256,
    inputs: m.inputs,
    currency: m.currency,
    compared_with: m.compared_with,
    figures: m.figures,
    ...(m.redacted === undefined ? {} : { redacted: m.redacted }),
    ...(m.amount_band === undefined ? {} : { amount_band: m.amount_band }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
