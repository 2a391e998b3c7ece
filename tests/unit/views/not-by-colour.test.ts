/**
 * For readers who cannot rely on colour or sight (a screen reader, a
 * colour-blind reader, grey paper): a table's first column is its rows'
 * header where it names the row, which each table model decides; an overview
 * tile's change says in words whether it is good or bad news; a table cell
 * coloured good or bad carries the colour's meaning in words where its text
 * does not say it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { repurchaseByAccount } from '../../../src/lib/views/account-pages.ts';
import { accountModel, changesModel, dataQualityModel, overviewModel, ownerModel, ownersModel, pageContext, PAGES, pageTables, type PageContext } from '../../../src/lib/views/pages/index.ts';
import type { SiteData } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { table, type TableModel } from '../../../src/lib/views/table.ts';
import { chartBlock } from '../../../src/lib/views/chart-block.ts';
import { createFormatter } from '../../../src/lib/format/index.ts';
import { messages } from '../../../src/lib/i18n/index.ts';

let site: SiteData;
beforeAll(async () => {
  const sample = await readFolder('data/sample');
  site = buildSiteData(sample.dataset, sample.config, '2026-06-30', { dataLabel: 'sample' });
}, 60_000);

const byId = (tables: readonly TableModel[], id: string) => tables.find((t) => t.id === id)!;

describe('row headers: decided by each table model', () => {
  it('a table names its rows by its first column unless it says otherwise', () => {
    const rows = [{ name: 'a' }];
    const columns = [{ label: 'Name', value: (r: { name: string }) => r.name }];
    expect(table('x', 'X', columns, rows, { empty: 'none' }).rowHeader).toBe(true);
    expect(table('x', 'X', columns, rows, { empty: 'none', rowHeader: false }).rowHeader).toBe(false);
    const chart = { svg: '<svg/>', title: 'T', takeaway: 'W', table: { headers: ['Stage', 'Deals'], kinds: ['text', 'count'] as const, rows: [['Prospect', 3]] } };
    expect(chartBlock('c', { ...chart, table: { ...chart.table, kinds: [...chart.table.kinds] } }, createFormatter('en', 'KRW')).table.rowHeader).toBe(true);
  });

  it('the data-quality issues are not named by their file (many share one); the files table is', () => {
    for (const locale of ['en', 'ko'] as const) {
      const tables = dataQualityModel(pageContext(site, locale)).tables;
      expect(byId(tables, 'files').rowHeader).toBe(true);
      expect(byId(tables, 'issues').rowHeader).toBe(false);
    }
  });

  it('every other table of the sample site has a row header: a deal, stage, owner, month, reason or file', () => {
    const ctx = pageContext(site, 'en');
    const without = PAGES.flatMap((page) => pageTables(ctx, page).filter((t) => !t.rowHeader).map((t) => `${page} ${t.id}`));
    expect(without).toEqual(['data-quality issues']);
  });
});

describe("a tile's change says whether it is good or bad news, in words", () => {
  const verdicts = (ctx: PageContext) => overviewModel(ctx).tiles.map((t): [boolean | null, string | null] => [t.good, t.verdict]);

  it('on the overview, in each language, as its colour does', () => {
    const en = verdicts(pageContext(site, 'en'));
    const ko = verdicts(pageContext(site, 'ko'));
    const words = { en: new Map([[true, 'better'], [false, 'worse']]), ko: new Map([[true, '개선'], [false, '악화']]) };
    for (const [good, verdict] of en) expect(verdict).toBe(good === null ? null : words.en.get(good));
    for (const [good, verdict] of ko) expect(verdict).toBe(good === null ? null : words.ko.get(good));
    // The sample's news is good, and a tile has no change (the coverage of a met target) or a change of no verdict.
    expect(new Set(en.map(([, v]) => v))).toEqual(new Set(['better', null]));
    // The median cycle of won and lost deals alike: 0.9 days longer, said without "worse" (a shorter one may be deals lost sooner).
    const cycle = overviewModel(pageContext(site, 'en')).tiles.find((t) => t.key === 'medianCycle')!;
    expect([cycle.delta?.text.replace(/\s/gu, ' '), cycle.good, cycle.verdict]).toEqual(['+0.9 days (+2%)', null, null]);
  });

  it('on "What changed" too', () => {
    const tiles = changesModel(pageContext(site, 'ko')).tiles.filter((t) => t.good !== null);
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) expect(t.verdict).toBe(t.good ? '개선' : '악화');
  });
});

describe('a coloured cell says what its colour means where its text does not', () => {
  it("an owner's attainment of the target: 'target met' / '목표 달성', only where it is met", () => {
    for (const [locale, words] of [['en', 'target met'], ['ko', '목표 달성']] as const) {
      const owners = ownersModel(pageContext(site, locale)).owners;
      const column = owners.headers.findIndex((h) => h.label === messages(locale).ownersReview.attainment);
      expect(column).toBeGreaterThan(0);
      const cells = owners.rows.map((r) => r[column]!);
      expect(cells.some((c) => c.tone === 'good')).toBe(true);
      // On screen a sign shows it ('✓'), the words being visually hidden.
      for (const c of cells) expect([c.note, c.mark]).toEqual(c.tone === 'good' ? [words, '✓'] : [undefined, undefined]);
    }
  });

  it("an account's open deal whose expected close has passed: 'past due' / '마감일 경과'", () => {
    const repurchase = repurchaseByAccount(site.metrics.repurchase);
    for (const [locale, words] of [['en', 'past due'], ['ko', '마감일 경과']] as const) {
      const ctx = pageContext(site, locale);
      const cells = site.accounts.flatMap((account) => {
        const { deals } = accountModel(ctx, { account, repurchase: repurchase.get(account.account_id) ?? [] });
        return deals.rows.flatMap((r) => r.filter((c) => c.tone === 'bad'));
      });
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect([c.note, c.mark]).toEqual([words, '⚠\uFE0E']);
    }
  });

  it('no good or bad cell of any page relies on colour alone where its column does not say it', () => {
    // Cells whose text or column says the meaning: flags and risks (words), severities, statuses, counts of
    // rejected rows or stalled deals (the column names what is counted).
    const ctx = pageContext(site, 'en');
    const unexplained = PAGES.flatMap((page) =>
      pageTables(ctx, page).flatMap((t) =>
        t.rows.flatMap((r) =>
          r.flatMap((c, i) => (c.tone !== 'good' && c.tone !== 'bad') || c.note ? [] : [`${t.id}: ${t.headers[i]!.label}`]),
        ),
      ),
    );
    expect([...new Set(unexplained)].sort()).toEqual([
      'by-owner: Stalled deals',
      'by-team: Stalled deals',
      'deals-month: Warning signs',
      'deals-past-due: Warning signs',
      'files: Rejected',
      'flagged-open: Warning signs',
      'issues: Severity',
      'repurchase-due: Status',
      'stalled: Why it is stalled',
      'top-stalled: Why it is stalled',
    ]);
    // Every cell whose words are hidden shows a sign instead, and only those: a sign without words would say nothing to a screen reader.
    const cells = PAGES.flatMap((page) => pageTables(ctx, page).flatMap((t) => t.rows.flat()));
    expect(cells.filter((c) => (c.note === undefined) !== (c.mark === undefined))).toEqual([]);
    expect(cells.filter((c) => c.mark !== undefined).length).toBeGreaterThan(0);
  });
});

describe('a name from the data in the other language than its page’s, outside the tables too (owner and account pages)', () => {
  const accountPage = (locale: 'en' | 'ko', name: (n: string) => boolean) => {
    const repurchase = repurchaseByAccount(site.metrics.repurchase);
    const account = site.accounts.find((a) => a.has_page && name(a.name))!;
    return accountModel(pageContext(site, locale), { account, repurchase: repurchase.get(account.account_id) ?? [] });
  };
  const hangul = (s: string) => /\p{Script=Hangul}/u.test(s);

  it("an owner's name (the heading) and team, not the page's own words", () => {
    const row = site.owners.rows.find((r) => r.slug && hangul(r.name))!;
    const en = ownerModel(pageContext(site, 'en'), row);
    expect(en.nameLang).toBe('ko');
    const team = en.facts.find((x) => x.label === 'Team')!;
    expect([hangul(team.value), team.lang]).toEqual([true, 'ko']);
    // The owner's figures compared with the team's ('14% (11 / 76) · 영남영업팀 27% · all deals 29%') are English sentences.
    expect(en.facts.filter((x) => x.lang !== undefined).map((x) => x.label)).toEqual(['Team']);
    const ko = ownerModel(pageContext(site, 'ko'), row);
    expect([ko.nameLang, ...ko.facts.map((x) => x.lang)]).toEqual([undefined, ...ko.facts.map(() => undefined)]);
  });

  it("an account's name, its facts from accounts.csv, and its timeline's deal names", () => {
    const latin = accountPage('ko', (n) => !hangul(n));
    expect(latin.nameLang).toBe('en');
    // 'A-0018', an installed competitor ('Bystronic'); the industry and region are Korean, as the page.
    const facts = new Map(latin.facts.map((x) => [x.label, x]));
    expect(facts.get('고객사 ID')!.lang).toBe('en');
    for (const fact of latin.facts) expect([fact.label, fact.lang]).toEqual([fact.label, /[A-Za-z]/u.test(fact.value) && !hangul(fact.value) ? 'en' : undefined]);
    const korean = accountPage('en', hangul);
    expect(korean.nameLang).toBe('ko');
    const industry = korean.facts.find((x) => x.label === 'Industry')!;
    expect([hangul(industry.value), industry.lang]).toEqual([true, 'ko']);
    // The relationship in the page's words ('Hostile', '중립'): no language of its own.
    expect(korean.facts.find((x) => x.label === 'Relationship')!.lang).toBeUndefined();
    expect(korean.timelines.length).toBeGreaterThan(0);
    for (const t of korean.timelines) expect(t.nameLang).toBe(hangul(t.deal.name) ? 'ko' : undefined);
    // The sample's stages have labels in both languages: none is marked.
    expect(korean.timelines.flatMap((t) => t.visits.map((v) => v.lang))).toEqual(korean.timelines.flatMap((t) => t.visits.map(() => undefined)));
  });
});
