/** What the build (scripts/build.ts) says of its run: the quality gate's lines, the snapshot's, the output's warnings and what it kept, its timings. */
import { join } from 'node:path';
import { type CliMessage, msg } from '../../src/lib/i18n/cli-messages.ts';
import type { CliText } from '../../src/lib/i18n/cli-text.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';
import { SNAPSHOTS_DIR } from '../../src/lib/views/snapshots.ts';
import { pagesRenderedFrom } from './astro-render.ts';
import { type CliIO, EXIT } from './cli.ts';
import type { ConfigSource } from './config-option.ts';
import type { BuildManifest, Output } from './output.ts';
import type { PublishOptions } from './publish.ts';
import type { Quality } from './quality-gate.ts';
import { writeReport, writeStoppedReports } from './report-files.ts';
import type { Reports } from './reports.ts';
import type { SnapshotStore } from './snapshots.ts';

/** The gate's lines in `locale`: why it stopped the build, or how many rows went and what was warned when it let the build through. */
export async function gateLines(gate: Quality, locale: Locale): Promise<{ stop: string | null; passed: string | null; warned: string | null }> {
  const { gateMessage, passedMessage, warningsMessage } = await import('./quality-gate.ts');
  return { stop: gateMessage(gate, locale), passed: passedMessage(gate, locale), warned: warningsMessage(gate, locale) };
}

export const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;

/** Whether the quality gate (--strict, --max-rejected, --max-data-age) stops the build: said, with its summary and digest written as stopped. */
export async function stoppedByGate(
  io: CliIO,
  texts: Reports,
  { publish, configSource, locale, log }: { publish: PublishOptions; configSource: ConfigSource; locale: () => Promise<Locale>; log: (line: string) => unknown },
): Promise<boolean> {
  // In the config's language (or --lang), as the Data quality page says the same rows (their words loaded only then).
  const lines = texts.gate.failure || texts.gate.rejected > 0 || texts.gate.warnings > 0 ? await gateLines(texts.gate, await locale()) : null;
  // Said in the log too: a daily CI run that rejects rows, or reads a column other than meant, would otherwise only say so on a page.
  if (lines?.passed) log(`build: ${lines.passed}`);
  if (lines?.warned) log(`build: ${lines.warned}`);
  const stop = lines?.stop ?? null;
  if (stop !== null) {
    const summary = publish.summary;
    if (summary && texts.summary !== null) writeReport(io, summary, texts.summary);
    io.stderr.write(`build: ${stop}\n`);
    // Not the changes of a dashboard that was not replaced, nor the digest a run before left.
    if (publish.digest) await writeStoppedReports(io, { reports: [publish.digest], config: configSource }, EXIT.strict, `build: ${stop}`);
    return true;
  }
  return false;
}

/** The line on the snapshot added, or on the date `/` shows when it is not the one built. */
export function snapshotLines(
  say: (line: (text: CliText) => string) => unknown,
  { publish, asOf, manifest, store, earlier, outDir, shown }: { publish: PublishOptions; asOf: string; manifest: BuildManifest; store: SnapshotStore; earlier: readonly unknown[]; outDir: string; shown: (path: string) => string },
): void {
  if (publish.snapshot) {
    // A backfilled snapshot: `/` stays on the later date it renders (manifest.as_of).
    const top = manifest.as_of === asOf ? {} : { top: manifest.as_of };
    const folder = shown(join(outDir, SNAPSHOTS_DIR));
    say((t) => t.snapshot({ asOf, replaced: store.snapshots.length > earlier.length, count: manifest.snapshots.length, folder, ...top }));
  } else if (publish.keptSnapshot && manifest.as_of !== asOf) {
    say((t) => t.topKept({ top: manifest.as_of }));
  } else if (!publish.keptSnapshot) {
    // Asked for a past date without a snapshot: rendered as asked, said, since the site's history goes further.
    const latest = store.snapshots.map((x) => x.asOf).sort().at(-1);
    if (latest !== undefined && latest > manifest.as_of) say((t) => t.topBehind({ asOf: manifest.as_of, latest }));
  }
}

/** The output's warnings, and the entries of --out the build did not write and kept. */
export async function outputLines(
  io: CliIO,
  output: Output,
  { outDir, shown, log, sayIn }: { outDir: string; shown: (path: string) => string; log: (line: string) => unknown; sayIn: (m: CliMessage) => Promise<string> },
): Promise<void> {
  for (const warning of output.warnings) io.stderr.write(`build: ${await sayIn(msg('warning'))}: ${await sayIn(warning)}\n`);
  if (output.added) {
    const { entries, basis } = output.added;
    const kept = { out: shown(outDir), entries };
    // Without the previous build's file list this is a guess: said even with --quiet, once.
    if (basis === 'listed') log(`build: ${await sayIn(msg('kept_added', kept))}`);
    else if (basis === 'hosting') log(`build: ${await sayIn(msg('kept_hosting', kept))}`);
    else io.stderr.write(`build: ${await sayIn(msg('warning'))}: ${await sayIn(msg('kept_guessed', kept))}\n`);
  }
}

/** --timings: each step's milliseconds, as one line of JSON on stderr, with whether the build cache was used and where the pages were rendered from. */
export function timingsLine(io: CliIO, timings: Record<'read' | 'views' | 'astro' | 'write' | 'total', number>, cache: 'hit' | 'miss' | null): void {
  const ms = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]));
  const pages = pagesRenderedFrom();
  io.stderr.write(`${JSON.stringify({ timings_ms: ms, ...(cache ? { cache } : {}), ...(pages ? { pages } : {}) })}\n`);
}
