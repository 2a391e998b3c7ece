/**
 * Dated snapshots: the manifest each snapshot folder carries
 * (`snapshots/<as-of>/snapshot.json`), and the entry the snapshots index
 * shows for it. A snapshot is a whole report for one date; a later build
 * copies it byte for byte and only reads this manifest.
 */
import { z } from 'zod';
import type { Metrics } from '../metrics/types.ts';

export const SNAPSHOT_FILE = 'snapshot.json';
/** The folder below the output that holds one folder per snapshot date. */
export const SNAPSHOTS_DIR = 'snapshots';

// Messages in the user's terms, each known to the Korean rules (fatal-text-config.ts SCHEMA_TEXT).
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest: 64 lowercase hexadecimal digits');
const count = z.int().nonnegative();

/** The few figures the snapshots index shows per date. */
export const snapshotFiguresSchema = z.looseObject({
  open_count: count,
  open_amount: z.number(),
  weighted_amount: z.number(),
  won_count: count,
  won_amount: z.number(),
  win_rate_by_count: z.number().nullable(),
  stalled_count: count,
});
export type SnapshotFigures = z.infer<typeof snapshotFiguresSchema>;

/**
 * snapshot.json. Read loosely (a later Pipescope may add keys); written with
 * exactly these keys, in this order, so two builds of the same input are
 * byte-identical.
 */
export const snapshotManifestSchema = z.looseObject({
  generator: z.literal('pipescope'),
  kind: z.literal('snapshot'),
  as_of: localDate,
  pipescope_version: z.string(),
  /** sha256 of the resolved config (defaults applied), as canonical JSON. */
  config_sha256: sha256,
  /** sha256 of each input file, by file name (metrics.json `generated_from`). */
  inputs: z.record(z.string(), sha256),
  currency: z.string(),
  /** The date its "What changed" page compares with. */
  compared_with: localDate,
  figures: snapshotFiguresSchema,
  /** Built with --redact: names are pseudonyms. */
  redacted: z.boolean().optional(),
  /** With `redacted`: the band its amounts were rounded to (null: exact). Absent from snapshots made before it was recorded. */
  amount_band: z.number().positive().nullable().optional(),
});
export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;

/** One row of the snapshots index (site data). */
export const snapshotEntrySchema = z.strictObject({
  as_of: localDate,
  pipescope_version: z.string(),
  currency: z.string(),
  figures: z.strictObject(snapshotFiguresSchema.shape),
  redacted: z.boolean(),
});
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

/** The index's figures of one date's metrics. */
export function snapshotFigures(m: Metrics): SnapshotEntry['figures'] {
  return {
    open_count: m.pipeline.open_count,
    open_amount: m.pipeline.open_amount,
    weighted_amount: m.pipeline.weighted_amount,
    won_count: m.win_rate.won_count,
    won_amount: m.win_rate.won_amount,
    win_rate_by_count: m.win_rate.by_count,
    stalled_count: m.stalled.length,
  };
}

/** The index entry of a snapshot manifest (only the keys the index shows). */
export function snapshotEntry(manifest: SnapshotManifest): SnapshotEntry {
  const f = manifest.figures;
  return {
    as_of: manifest.as_of,
    pipescope_version: manifest.pipescope_version,
    currency: manifest.currency,
    figures: {
      open_count: f.open_count,
      open_amount: f.open_amount,
      weighted_amount: f.weighted_amount,
      won_count: f.won_count,
      won_amount: f.won_amount,
      win_rate_by_count: f.win_rate_by_count,
      stalled_count: f.stalled_count,
    },
    redacted: manifest.redacted === true,
  };
}

/**
 * Files of a build that belong to the live site, not to a dated report: the
 * snapshots index (its pages and CSV), the snapshots themselves and the 404
 * page. A snapshot leaves them out, and its links to them point to the live
 * site's (site-root paths, e.g. `en/snapshots/`).
 */
export function isOutsideSnapshot(sitePath: string): boolean {
  return /^[a-z]{2}\/(csv\/)?snapshots\//u.test(sitePath) || sitePath.startsWith(`${SNAPSHOTS_DIR}/`) || sitePath === '404.html';
}
