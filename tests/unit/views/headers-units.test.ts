/**
 * Table headers that say what their rows hold, CSV column names that are
 * unique and say what they hold, and count tiles with their unit (and the
 * change line under each tile with the tile's unit), on the sample in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import { changesModel, overviewModel, pageContext, PAGES, pageTables, velocityModel, waterfallModel } from '../../../src/lib/views/pages/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { digestMarkdown } from '../../../src/lib/views/digest.ts';

describe('the sample (as of 2026-06-30)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const ctx = (locale: 'en' | 'ko') => pageContext(site, locale);

  it('the velocity inputs are counts, rates, amounts and days under "Input | Value", not "Category | Amount"', () => {
    const en1 = velocityModel(ctx('en')).tables.find((t) => t.id === 'velocity-inputs')!;
    expect(en1.headers.map((h) => h.label)).toEqual(['Input', 'Value']);
    expect(en1.csv.headers).toEqual(['Input', 'Value']);
    expect(en1.rows.map((r) => r[0]!.text)).toEqual(['Open deals', 'Win rate', 'Average won amount', 'Mean won cycle', 'Sales velocity']);
    const ko1 = velocityModel(ctx('ko')).tables.find((t) => t.id === 'velocity-inputs')!;
    expect(ko1.headers.map((h) => h.label)).toEqual(['입력 요소', '값']);
    expect(ko1.headers.map((h) => h.label)).not.toContain('금액');
    // The won cycle's unit once: in its value on the page, in its name in the CSV, whose value is a bare number.
    const v = site.metrics.velocity.mean_won_cycle_days!;
    expect(v).toBeGreaterThan(1);
    expect(ko1.rows[3]!.map((c) => c.text)).toEqual(['평균 수주 사이클', `${ctx('ko').f.number(v)}일`]);
    expect(en1.rows[3]!.map((c) => c.text)).toEqual(['Mean won cycle', `${ctx('en').f.number(v)}\u00a0days`]);
    expect(ko1.csv.rows[3]).toEqual(['평균 수주 사이클(일)', Math.round(v * 10) / 10]);
    expect(en1.csv.rows[3]).toEqual(['Mean won cycle (days)', Math.round(v * 10) / 10]);
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`no page shows a unit twice: a header naming days ('(days)', '(일)') never heads cells that carry it (${locale})`, () => {
      const unit = locale === 'en' ? /\(days\)/u : /\(일\)/u;
      const carries = locale === 'en' ? /\d\s?days?\b/u : /\d일/u;
      let csvHeaders = 0;
      for (const page of PAGES) {
        for (const t of pageTables(ctx(locale), page)) {
          t.headers.forEach((h, i) => {
            const cells = t.rows.map((r) => r[i]?.text ?? '');
            if (unit.test(h.label)) expect(cells.filter((c) => carries.test(c)), `${page} ${t.id} "${h.label}"`).toEqual([]);
          });
          // The label column of a table of figures (velocity inputs) names the unit its value carries on the page.
          for (const r of t.rows) if (unit.test(r[0]?.text ?? '')) expect(r.slice(1).map((c) => c.text).filter((c) => carries.test(c)), `${page} ${t.id}`).toEqual([]);
          csvHeaders += t.csv.headers.filter((h) => unit.test(h)).length;
        }
      }
      // The CSVs' bare numbers of days keep their unit in the header (time in stage, cycle length, owners' median cycle, ...).
      expect(csvHeaders).toBeGreaterThan(5);
    });
  }

  it('the slippage figures (two counts and a share) are under "Measure | Value", not "Category | Deals"', () => {
    const en1 = waterfallModel(ctx('en')).tables.find((t) => t.id === 'slippage')!;
    expect(en1.headers.map((h) => h.label)).toEqual(['Measure', 'Value']);
    const ko1 = waterfallModel(ctx('ko')).tables.find((t) => t.id === 'slippage')!;
    expect(ko1.headers.map((h) => h.label)).toEqual(['지표', '값']);
  });

  it('the changes tables name the stage IDs before and after apart in their CSV', () => {
    const moved = (locale: 'en' | 'ko') => changesModel(ctx(locale)).sections.find((s) => s.kind === 'advanced')!.table;
    // The deal and its amount, then what changed (the key columns, first on a phone), then its account and owner.
    expect(moved('en').csv.headers).toEqual(['Deal ID', 'Deal', 'Amount now', 'Stage ID then', 'Stage then', 'Stage ID now', 'Stage now', 'Account ID', 'Account', 'Owner']);
    // On the page the stages then and now share a cell (two names side by side are too wide for a phone).
    expect(moved('en').headers.map((h) => h.label)).toEqual(['Deal', 'Amount now', 'Stage then → now', 'Account', 'Owner']);
    expect(moved('en').rows[0]![2]!.text).toBe(`${moved('en').csv.rows[0]![4]} → ${moved('en').csv.rows[0]![6]}`);
    expect(moved('ko').csv.headers.slice(3, 7)).toEqual(['이전 단계 ID', '이전 단계', '현재 단계 ID', '현재 단계']);
    // The IDs are the stages' codes, the names their labels.
    const row = moved('en').csv.rows[0]!;
    expect(config.stages.map((s) => s.id)).toContain(row[3]);
    expect(config.stages.map((s) => s.id)).toContain(row[5]);
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`every CSV of every page has unique column names (${locale})`, () => {
      for (const page of PAGES) {
        for (const t of pageTables(ctx(locale), page)) {
          expect(new Set(t.csv.headers).size, `${page} ${t.id}: ${t.csv.headers.join(' | ')}`).toBe(t.csv.headers.length);
        }
      }
    });
  }

  it('the stalled-deals tile carries its unit: "32건" in Korean, "32\u00a0deals" in English', () => {
    const count = site.metrics.stalled.length;
    expect(count).toBeGreaterThan(1);
    const tile = (locale: 'en' | 'ko') => overviewModel(ctx(locale)).tiles.find((t) => t.key === 'stalledDeals')!;
    expect(tile('ko').value).toBe(`${count}건`);
    expect(tile('en').value).toBe(`${count}\u00a0deals`);
    // The what-changed page's tiles are formatted alike.
    expect(changesModel(ctx('ko')).tiles.find((t) => t.key === 'stalledDeals')!.value).toBe(`${count}건`);
    // No other tile is a bare count: every value has a unit or sign (₩, %, ×, days, /day).
    for (const locale of ['en', 'ko'] as const) {
      for (const t of overviewModel(ctx(locale)).tiles) expect(t.value, `${locale} ${t.key}`).not.toMatch(/^[\d,.]+$/u);
    }
    expect(en.common.dealCount({ count: 1 }, ctx('en').f)).toBe('1\u00a0deal');
    expect(ko.common.dealCount({ count: 1 }, ctx('ko').f)).toBe('1건');
  });

  it('the change line under every tile carries the tile’s unit, on the overview and the "What changed" page, in both languages', () => {
    // The sample as of 2026-06-30 against 2026-05-31 (the overview's 30\u00a0days earlier, and "What changed"'s period):
    // 32 stalled deals vs 34; ₩125,708,708/day vs ₩113,252,956/day; median cycle 58.96 vs 58.08\u00a0days; win rate 29.16% vs 27.78%;
    // open pipeline ₩59,275,870,000 vs ₩56,956,582,000. Coverage has no target 30\u00a0days earlier: no change line.
    expect([site.metrics.stalled.length, site.previous.stalled.length]).toEqual([32, 34]);
    expect(site.changes.from).toBe(site.previous_as_of);
    const expected = {
      en: {
        openPipeline: '+₩2.32B (+4%)',
        weightedPipeline: '+₩2.08B (+9%)',
        coverage: null,
        winRateByCount: '+1.4 pp (+5%)',
        winRateByValue: '+1.4 pp (+5%)',
        medianCycle: '+0.9\u00a0days (+2%)',
        salesVelocity: '+₩12.5M/day (+11%)',
        stalledDeals: '−2\u00a0deals (−6%)',
      },
      ko: {
        openPipeline: '+23.2억원 (+4%)',
        weightedPipeline: '+20.8억원 (+9%)',
        coverage: null,
        winRateByCount: '+1.4%p (+5%)',
        winRateByValue: '+1.4%p (+5%)',
        medianCycle: '+0.9일 (+2%)',
        salesVelocity: '하루 +1,246만원 (+11%)',
        stalledDeals: '−2건 (−6%)',
      },
    };
    for (const locale of ['en', 'ko'] as const) {
      const lines = (tiles: { key: string; delta: { text: string } | null }[]) => Object.fromEntries(tiles.map((t) => [t.key, t.delta?.text ?? null]));
      expect(lines(overviewModel(ctx(locale)).tiles), locale).toEqual(expected[locale]);
      expect(lines(changesModel(ctx(locale)).tiles), locale).toEqual(expected[locale]);
    }
    // The digest's key figures say the same.
    expect(digestMarkdown(site, { linkRoot: null, locale: 'en' })).toContain('| Stalled deals | 34\u00a0deals | 32\u00a0deals | −2\u00a0deals (−6%) |');
    expect(digestMarkdown(site, { linkRoot: null, locale: 'ko' })).toContain('| 영업 속도 | 하루 1.13억원 | 하루 1.26억원 | 하루 +1,246만원 (+11%) |');
  });
});
