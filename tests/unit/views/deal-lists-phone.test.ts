/**
 * The deal lists read on a phone: each is a compact table (table.ts
 * `compact`: its first four columns fit a 390 px screen) whose first columns
 * are the deal, its amount and what the list is for; its CSV keeps each id
 * beside its label, with unique names. A threshold says its unit once, in
 * its header. On the sample as of 2026-06-30, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { codeRuns } from '../../../src/lib/views/cell-markup.ts';
import { accountModel, accountsIndexModel, changesModel, dataQualityModel, forecastModel, overviewModel, ownerModel, pageContext, stalledModel } from '../../../src/lib/views/pages/index.ts';
import { extractSite } from '../../../src/lib/views/site-data.ts';
import type { TableModel } from '../../../src/lib/views/table.ts';

const { dataset, config } = await readFolder('data/sample');
const extracted = extractSite(dataset, config, '2026-06-30', { dataLabel: 'sample' });
const site = extracted.site;
const slices = [...extracted.accountSlices()];

/** The first four header labels of a table. */
const key = (t: TableModel) => t.headers.slice(0, 4).map((h) => h.label);

/** Each id column of a CSV directly before the column it identifies (`Deal ID`, `Deal`), and no name twice. */
function csvSensible(t: TableModel, ids: Record<string, string>): void {
  const h = t.csv.headers;
  expect(new Set(h).size, h.join(' | ')).toBe(h.length);
  for (const [id, label] of Object.entries(ids)) if (h.includes(label)) expect(h[h.indexOf(label) - 1], `${t.id}: ${h.join(' | ')}`).toBe(id);
}

describe('the deal lists on a phone (the sample as of 2026-06-30)', () => {
  for (const locale of ['en', 'ko'] as const) {
    const ctx = pageContext(site, locale);
    const { m } = ctx;
    const ids = { [m.columns.deal_id]: m.columns.deal, [m.columns.account_id]: m.columns.account, [m.csv.stageId]: m.columns.stage };

    it(`the Stalled page's and the overview's lists: deal, amount and why (or the warning signs) first, filling the phone's width; days in stage next (${locale})`, () => {
      const stalled = stalledModel(ctx);
      const lists = [
        [stalled.stalled, m.stalledReview.why],
        [overviewModel(ctx).stalled, m.stalledReview.why],
        [stalled.flagged, m.columns.flags],
      ] as const;
      for (const [t, sentence] of lists) {
        expect(t.compact, t.id).toBe(true);
        expect(key(t)).toEqual([m.columns.deal, m.columns.amount, sentence, m.columns.days_in_stage]);
        expect(t.headers.map((h) => h.fill === true), t.id).toEqual(t.headers.map((_, i) => i === 2));
        // The CSV keeps its order: the days in stage before the sentence.
        expect(t.csv.headers.slice(0, 5)).toEqual([m.columns.deal_id, m.columns.deal, m.columns.amount, m.columns.days_in_stage, sentence]);
        expect(t.rows.length, t.id).toBeGreaterThan(0);
        csvSensible(t, ids);
      }
      // The deal by name (its id without one), the id beside it in the CSV; amounts compact, in full in the CSV.
      const first = site.open_deals.find((d) => d.deal_id === stalled.stalled.csv.rows[0]![0])!;
      expect(stalled.stalled.rows[0]![0]!.text).toBe(first.name || first.deal_id);
      expect(stalled.stalled.rows[0]![1]!.text).toBe(ctx.f.moneyCompact(first.amount));
      expect(stalled.stalled.csv.rows[0]![2]).toBe(first.amount);
      // A product code in a deal's name ('CNC-5X'): kept whole on the page by markup only (cell-markup.ts
      // `codeRuns`), its text the CSV's, with the real hyphen.
      const i = stalled.stalled.rows.findIndex((r) => r[0]!.text.includes('CNC-5X'));
      expect(i).toBeGreaterThanOrEqual(0);
      expect(stalled.stalled.rows[i]![0]!.text).toBe(stalled.stalled.csv.rows[i]![1]);
      expect(codeRuns(stalled.stalled.rows[i]![0]!.text)).toContain('CNC-5X');
    });

    it(`an owner's page: deal, amount, stage and expected close first, and no owner column (${locale})`, () => {
      const row = site.owners.rows.find((r) => site.open_deals.some((d) => d.owner === r.name))!;
      const t = ownerModel(ctx, row).deals;
      expect(t.compact).toBe(true);
      expect(key(t)).toEqual([m.columns.deal, m.columns.amount, m.columns.stage, m.columns.expected_close]);
      // Then what the forecast counts each deal as (the sample has forecast categories), for a one-on-one's forecast review.
      expect(t.headers[4]!.label).toBe(m.forecastPage.deals.columns.category);
      const category = t.rows.map((r) => r[4]!.text);
      const byId = new Map(site.open_deals.map((d) => [d.deal_id, d]));
      const categoryOf = (id: string) => {
        const c = byId.get(id)!.forecast_category;
        return c === null ? m.forecastPage.deals.noCategory : m.forecastPage.deals.categories[c];
      };
      expect(category).toEqual(t.csv.rows.map((r) => categoryOf(r[0] as string)));
      expect(new Set(category).size).toBeGreaterThan(1);
      // On a phone, under each deal's name, what its columns past the fourth say: its category, and how many warning signs it has.
      const details = t.rows.map((r) => r[0]!.detail);
      t.csv.rows.forEach((r, i) => {
        const d = byId.get(r[0] as string)!;
        const signs = (d.stalled ? 1 : 0) + d.flags.length;
        const parts = [...(d.forecast_category === null ? [] : [categoryOf(d.deal_id).replaceAll(' ', '\u00a0')]), ...(signs > 0 ? [m.stalledReview.riskCount({ count: signs }, ctx.f)] : [])];
        expect(details[i] ?? '').toBe(parts.join('\u00a0· '));
      });
      expect(details.filter((x) => x?.includes('⚠')).length).toBeGreaterThan(0);
      expect(m.stalledReview.riskCount({ count: 2 }, ctx.f)).toBe(locale === 'en' ? '⚠\uFE0E\u00a02\u00a0warning signs' : '⚠\uFE0E\u00a0위험 신호 2개');
      expect(t.headers.map((h) => h.label)).not.toContain(m.columns.owner);
      expect(t.csv.headers).not.toContain(m.columns.owner);
      csvSensible(t, ids);
    });

    it(`the Forecast page's deal lists: under each deal's name on a phone, its owner and stage, which the columns past the fourth say (${locale})`, () => {
      const lists = forecastModel(ctx).tables.filter((t) => t.id.startsWith('deals-'));
      expect(lists.length).toBeGreaterThan(1);
      for (const t of lists) {
        const owner = t.headers.findIndex((h) => h.label === m.columns.owner);
        const stage = t.headers.findIndex((h) => h.label === m.columns.stage);
        expect(owner, t.id).toBeGreaterThanOrEqual(4);
        for (const r of t.rows) expect(r[0]!.detail, t.id).toBe(r[0]!.tone === 'total' ? undefined : `${r[owner]!.text}\u00a0· ${r[stage]!.text}`);
      }
    });

    it(`"What changed": the deal, its amount now and what changed first, in every kind's list (${locale})`, () => {
      const c = m.changes;
      const expected: Record<string, string[]> = {
        new: [c.stageTo, c.closeTo],
        won: [c.stageFrom],
        lost: [c.stageFrom],
        removed: [c.stageFrom],
        reopened: [c.stageMove],
        advanced: [c.stageMove],
        moved_back: [c.stageMove],
        slipped: [c.closeFrom, c.closeTo],
        amount_up: [m.digest.change, c.amountFrom],
        amount_down: [m.digest.change, c.amountFrom],
        newly_stalled: [c.stageTo, c.closeTo],
        unstalled: [c.stageMove, c.closeTo],
      };
      const sections = changesModel(ctx).sections;
      expect(sections.map((s) => s.kind).sort()).toEqual(Object.keys(expected).sort());
      for (const s of sections) {
        expect(s.table.compact, s.kind).toBe(true);
        expect(key(s.table).slice(0, 2 + expected[s.kind]!.length), s.kind).toEqual([m.columns.deal, c.amountTo, ...expected[s.kind]!]);
        csvSensible(s.table, { ...ids, [m.csv.stageIdThen]: c.stageFrom, [m.csv.stageIdNow]: c.stageTo });
      }
    });

    it(`an account's page: deal, amount, state and stage first (${locale})`, () => {
      const slice = slices.find((s) => s.account.deals.length > 0)!;
      const t = accountModel(ctx, slice).deals;
      expect(t.compact).toBe(true);
      expect(key(t)).toEqual([m.columns.deal, m.columns.amount, m.columns.state, m.columns.stage]);
      csvSensible(t, ids);
    });

    it(`the Accounts index: the account and its open and won amounts first, compact; the CSV's columns in their order, amounts exact (${locale})`, () => {
      const t = accountsIndexModel(ctx);
      expect(t.compact).toBe(true);
      expect(t.headers.map((h) => h.label)).toEqual([
        m.columns.account, m.columns.open_amount, m.columns.won_amount, m.columns.open_count, m.columns.won_count, m.columns.account_id, m.columns.industry, m.columns.region,
      ]);
      expect(t.csv.headers).toEqual([
        m.columns.account, m.columns.account_id, m.columns.industry, m.columns.region, m.columns.open_count, m.columns.open_amount, m.columns.won_count, m.columns.won_amount,
      ]);
      const a = site.accounts[0]!;
      expect(t.rows[0]!.map((c) => c.text)).toEqual([
        a.name, ctx.f.moneyCompact(a.open_amount), ctx.f.moneyCompact(a.won_amount), ctx.f.count(a.open_count), ctx.f.count(a.won_count), a.account_id, a.industry, a.region,
      ]);
      expect(t.csv.rows[0]).toEqual([a.name, a.account_id, a.industry, a.region, a.open_count, a.open_amount, a.won_count, a.won_amount]);
    });

    it(`the Data quality page's issues: file, severity and message first, compact; the CSV's columns in their order (${locale})`, () => {
      const t = dataQualityModel(ctx).tables.find((x) => x.id === 'issues')!;
      expect(t.compact).toBe(true);
      expect(t.headers.map((h) => h.label)).toEqual([m.columns.file, m.columns.severity, m.columns.message, m.columns.line, m.columns.column, m.columns.code]);
      expect(t.csv.headers).toEqual([m.columns.file, m.columns.line, m.columns.column, m.csv.codeOf({ column: m.columns.severity }), m.columns.severity, m.columns.code, m.columns.message]);
      const issue = site.metrics.data_quality.issues[0]!;
      expect(t.rows[0]!.map((c) => c.text)).toEqual([issue.file, m.severity[issue.severity], t.csv.rows[0]![6], String(issue.line), issue.column, issue.code]);
      expect(t.csv.rows[0]!.slice(0, 6)).toEqual([issue.file, issue.line, issue.column, issue.severity, m.severity[issue.severity], issue.code]);
    });

    it(`a threshold says its unit once, in its header: "30", not "30 days" under "${m.columns.threshold_days}" (${locale})`, () => {
      const row = site.owners.rows.find((r) => site.open_deals.some((d) => d.owner === r.name))!;
      const stalled = stalledModel(ctx);
      const tables = [stalled.stalled, stalled.thresholds, ownerModel(ctx, row).deals];
      const days = ctx.f.days(30).replace('30', '');
      for (const t of tables) {
        const i = t.headers.findIndex((h) => h.label === m.columns.threshold_days);
        expect(i, t.id).toBeGreaterThanOrEqual(0);
        for (const r of t.rows) {
          expect(r[i]!.text, t.id).toMatch(/^[\d.,]+$|^—$/u);
          expect(r[i]!.text).not.toContain(days.trim());
        }
      }
    });
  }
});
