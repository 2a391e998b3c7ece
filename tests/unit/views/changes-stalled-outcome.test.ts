/**
 * What changed: "No longer stalled" and what became of the deals stalled at the earlier date, which a
 * weekly review asks of the deals it flagged ("did they move?"). On the sample as of 2026-06-30 against
 * the waterfall's period (2026-05-31): the parts are checked against the engine's own stalled lists at
 * both dates and deals.csv's closed_at (34 stalled on May 31; 26 of them stalled on June 30; 5 closed in
 * June: 1 won, 4 lost; 3 open and moved on).
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { digestMarkdown } from '../../../src/lib/views/digest.ts';
import { changesModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

describe('What changed: the deals stalled at the earlier date', async () => {
  const { dataset, config } = await readFolder('data/sample', {});
  const site = siteDataSchema.parse(buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'data' }));
  const prepared = prepare(dataset, config);
  const stalledOn = (date: string) => new Set(computeAt(prepared, date).metrics.stalled.map((s) => s.deal_id));

  it('adds up to the deals stalled then, each part as the engine has it at both dates', () => {
    expect(site.changes.from).toBe('2026-05-31');
    const then = stalledOn('2026-05-31');
    const now = stalledOn('2026-06-30');
    const stillStalled = [...then].filter((id) => now.has(id));
    expect(then.size).toBe(34);
    expect(stillStalled).toHaveLength(26);
    expect(site.changes.stalled_then).toEqual({ count: 34, won: 1, lost: 4, removed: 0, unstalled: 3, still: 26 });
    const unstalled = site.changes.groups.find((g) => g.kind === 'unstalled')!;
    const listed = unstalled.deals.map((i) => site.changes.deals[i]!);
    // Each stalled then, open now in a later stage, and not stalled now.
    for (const d of listed) {
      expect(then.has(d.deal_id), d.deal_id).toBe(true);
      expect(now.has(d.deal_id), d.deal_id).toBe(false);
      expect(d.stage_to, d.deal_id).not.toBe(d.stage_from);
    }
    expect(listed.map((d) => `${d.stage_from} → ${d.stage_to}`)).toEqual(['prospect → qualify', 'prospect → qualify', 'prospect → qualify']);
  });

  it('says it on the page, in English and Korean', () => {
    const en = changesModel(pageContext(site, 'en')).sections.find((s) => s.kind === 'unstalled')!;
    expect(en.heading).toBe('No longer stalled (3\u00a0deals)');
    expect(en.outcome).toBe('Of the 34\u00a0deals stalled on May 31, 2026: 1 won, 4 lost, 3 no longer stalled and 26 still stalled.');
    const ko = changesModel(pageContext(site, 'ko')).sections.find((s) => s.kind === 'unstalled')!;
    expect(ko.heading).toBe('정체 해소(3건)');
    expect(ko.outcome).toBe('2026년\u00a05월\u00a031일에 정체였던 딜 34건: 수주 1건, 실주 4건, 정체 해소 3건, 여전히 정체 26건.');
    // (A Korean long date keeps its parts together: no break inside "2026년 5월 31일".) Only that section says it.
    expect(changesModel(pageContext(site, 'en')).sections.filter((s) => s.outcome !== null).map((s) => s.kind)).toEqual(['unstalled']);
  });

  it('words one deal and none apart', () => {
    const { m, f } = pageContext(site, 'en');
    const one = { date: '2026-05-31', count: 1, won: 0, lost: 0, removed: 0, unstalled: 0, still: 0 };
    expect(m.changes.stalledOutcome({ ...one, lost: 1 }, f)).toBe('The one deal stalled on May 31, 2026 was lost.');
    expect(m.changes.stalledOutcome({ ...one, still: 1 }, f)).toBe('The one deal stalled on May 31, 2026 is still stalled.');
    expect(m.changes.stalledOutcome({ ...one, count: 0 }, f)).toBe('No deal was stalled on May 31, 2026.');
    const ko = pageContext(site, 'ko');
    expect(ko.m.changes.stalledOutcome({ ...one, unstalled: 1 }, ko.f)).toBe('2026년\u00a05월\u00a031일에 정체였던 딜 1건: 정체 해소 1건.');
  });

  it('keeps the outcome in the digest when no deal moved on, and leaves it out when none was stalled', () => {
    const digest = digestMarkdown(site, { locale: 'en', linkRoot: null });
    expect(digest).toContain('## No longer stalled (3\u00a0deals)\n\nStalled at the start, open and not stalled at the end');
    expect(digest).toContain('\n\nOf the 34\u00a0deals stalled on May 31, 2026: 1 won, 4 lost, 3 no longer stalled and 26 still stalled.\n\n| Deal |');
    const noneMoved = structuredClone(site);
    const group = noneMoved.changes.groups.find((g) => g.kind === 'unstalled')!;
    Object.assign(group, { count: 0, amount: 0, deals: [] });
    noneMoved.changes.stalled_then = { count: 29, won: 1, lost: 2, removed: 0, unstalled: 0, still: 26 };
    const quiet = digestMarkdown(noneMoved, { locale: 'en', linkRoot: null });
    expect(quiet).toContain('## No longer stalled (0\u00a0deals)');
    expect(quiet).toContain('Of the 29\u00a0deals stalled on May 31, 2026: 1 won, 2 lost and 26 still stalled.\n\nBoth dates are computed');
    noneMoved.changes.stalled_then = { count: 0, won: 0, lost: 0, removed: 0, unstalled: 0, still: 0 };
    expect(digestMarkdown(noneMoved, { locale: 'en', linkRoot: null })).not.toContain('## No longer stalled');
  });
});
