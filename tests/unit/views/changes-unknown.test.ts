/**
 * "What changed" on data that cannot show a kind of change: a count of 0 there would read as "nothing
 * slipped" or "no deal advanced". A Pipedrive deals export has neither amount and close-date history
 * nor stage history (each deal's current stage only: its stage at the earlier date would be the first
 * stage, a guess, which the Waterfall page already refuses to compare); a HubSpot deals export has
 * stage entries but no amount or close-date history. Such a kind reads "—" in the summary (linked to
 * its section, which says why and how to get it), its heading has no count, and it lists no deal.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/format/csv.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { changesModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { digestMarkdown } from '../../../src/lib/views/digest.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';

const AS_OF = '2025-06-30';

async function siteOf(folder: string, pipeline?: string) {
  const { dataset, config } = await readFolder(folder, pipeline === undefined ? {} : { pipeline });
  return siteDataSchema.parse(buildSiteData(dataset, config, AS_OF, { dataLabel: 'data' }));
}

describe('What changed never shows a 0 for a change the data cannot show', () => {
  it('a Pipedrive deals export: stage moves, slips and amount changes are "—", their sections say why', async () => {
    const site = await siteOf('tests/fixtures/exports/pipedrive-deals/data');
    expect(site.source.limitations).toContain('current_visit_only');
    const en = changesModel(pageContext(site, 'en'));
    const summary = Object.fromEntries(en.summary.rows.map((r) => [r[0]!.text, [r[1]!.text, r[2]!.text, r[0]!.href ?? null]]));
    expect(summary).toEqual({
      'New deals': ['2', '€30K', '#changes-new'],
      Won: ['1', '€11.1K', '#changes-won'],
      Lost: ['2', '€27K', '#changes-lost'],
      'Removed from the CRM': ['1', '€7K', '#changes-removed'],
      Reopened: ['—', '—', '#changes-reopened'],
      Advanced: ['—', '—', '#changes-advanced'],
      'Moved back': ['—', '—', '#changes-moved-back'],
      'Expected close moved later': ['—', '—', '#changes-slipped'],
      'Amount up': ['—', '—', '#changes-amount-up'],
      'Amount down': ['—', '—', '#changes-amount-down'],
      'Newly stalled': ['0', '€0', null],
      // A deal no longer stalled has moved on (or its threshold rose): not known from each deal's current stage.
      'No longer stalled': ['—', '—', '#changes-unstalled'],
    });
    // The CSV leaves an unknown count empty rather than writing 0.
    expect(en.summary.csv.rows.find((r) => r[0] === 'Advanced')).toEqual(['Advanced', null, null]);
    // Compact on the page ('€11.1K'), exact in the CSV.
    expect(en.summary.csv.rows.find((r) => r[0] === 'Won')).toEqual(['Won', 1, 11_115]);
    expect(toCsv(en.summary.csv.headers, en.summary.csv.rows)).toContain('\r\nAdvanced,,\r\n');
    const advanced = en.sections.find((s) => s.kind === 'advanced')!;
    // The two deals whose current stage began in the period were listed as "Qualified → Proposal Made", a stage then that the export does not have.
    expect(advanced.table.rows).toEqual([]);
    expect(advanced.heading).toBe('Advanced');
    expect(advanced.note).toMatch(/^Stage moves of the deals open at the start are not available: this export has only each deal’s current stage\. To see them, keep a dated export/u);
    expect(en.sections.find((s) => s.kind === 'won')!.heading).toBe('Won (1\u00a0deal)');
    expect(en.sections.find((s) => s.kind === 'slipped')!.heading).toBe('Expected close moved later');
    const ko = changesModel(pageContext(site, 'ko'));
    expect(ko.summary.rows.find((r) => r[0]!.text === '단계 진전')!.slice(1).map((c) => c.text)).toEqual(['—', '—']);
    expect(ko.sections.find((s) => s.kind === 'slipped')!.heading).toBe('예상 마감일 연기');
    expect(ko.sections.find((s) => s.kind === 'new')!.heading).toBe('신규 딜(2건)');
    // The digest says the same: no "(0\u00a0deals)" under a kind it cannot know.
    const digest = digestMarkdown(site, { locale: 'en', linkRoot: null });
    expect(digest).toContain('## Advanced\n');
    expect(digest).toContain('| Advanced | — | — |');
    expect(digest).not.toMatch(/## (Advanced|Expected close moved later|Amount up) \(0\u00a0deals\)/u);
  });

  it('a HubSpot deals export: stage moves are compared, slips and amount changes are "—"', async () => {
    const site = await siteOf('tests/fixtures/exports/hubspot-deals/data', 'Sales Pipeline');
    expect(site.source.limitations).not.toContain('current_visit_only');
    const en = changesModel(pageContext(site, 'en'));
    const cell = (label: string) => en.summary.rows.find((r) => r[0]!.text === label)!.slice(1).map((c) => c.text);
    expect(cell('Expected close moved later')).toEqual(['—', '—']);
    expect(cell('Amount up')).toEqual(['—', '—']);
    expect(cell('Advanced')[0]).toMatch(/^\d+$/u);
    expect(en.sections.find((s) => s.kind === 'advanced')!.note).toBeNull();
  });

  it('data that tracks every change: every kind has its count', async () => {
    const { dataset, config } = await readFolder('data/sample');
    const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample' });
    const en = changesModel(pageContext(site, 'en'));
    for (const row of en.summary.rows) expect(row[1]!.text, row[0]!.text).toMatch(/^[\d,]+$/u);
    expect(en.sections.every((s) => s.note === null && s.heading.startsWith(`${s.title} (`))).toBe(true);
  });
});
