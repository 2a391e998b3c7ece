/**
 * What a build reports besides its output: the data-quality gate (--strict,
 * --max-rejected), the digest and the summary (markdown).
 */
import type { QualityFacts } from '../../src/lib/views/quality-facts.ts';
import type { SiteData } from '../../src/lib/views/schema.ts';
import { SNAPSHOTS_DIR } from '../../src/lib/views/snapshots.ts';
import type { PublishOptions } from './publish.ts';
import { qualityGate, type Quality } from './quality-gate.ts';

export type { QualityFacts };

export interface Reports {
  gate: Quality;
  /** The digest and summary texts (null when not asked for, and the digest when the gate fails). */
  digest: string | null;
  summary: string | null;
}

/** The link root of the digest and summary (--site), inside this date's snapshot with --snapshot. */
export function linkRootOf(publish: PublishOptions, asOf: string): string | null {
  return publish.siteUrl === null ? null : publish.snapshot || publish.keptSnapshot ? `${publish.siteUrl}${SNAPSHOTS_DIR}/${asOf}/` : publish.siteUrl;
}

/** The quality gate's verdict, and the digest and summary texts the build writes after the output (null when not asked for; `site` is read only then). */
export async function reports(site: () => SiteData, quality: QualityFacts, publish: PublishOptions, asOf: string): Promise<Reports> {
  const gate = qualityGate(quality, publish);
  const linkRoot = linkRootOf(publish, asOf);
  if (!publish.digest && !publish.summary) return { gate, digest: null, summary: null };
  // The markdown writers (and the page models and charts they use) are loaded only when asked for.
  const { digestMarkdown, summaryMarkdown } = await import('../../src/lib/views/digest.ts');
  return {
    gate,
    digest: publish.digest && !gate.failure ? digestMarkdown(site(), { linkRoot }) : null,
    summary: publish.summary
      ? summaryMarkdown(site(), quality, gate.failure ? { linkRoot, quality: gate.failure, snapshot: null } : { linkRoot, quality: { status: 'passed' }, snapshot: publish.snapshot ? asOf : null })
      : null,
  };
}
