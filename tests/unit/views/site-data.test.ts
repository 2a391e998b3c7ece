import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { figuresOf } from '../../../src/lib/metrics/schema.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { overviewModel, pageContext, PAGES, pageTables, stalledModel } from '../../../src/lib/views/pages/index.ts';

const { dataset, config } = await readFolder('tests/fixtures/spec-example/data');
const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'example' }));

describe('site manifest', () => {
  it('holds the metrics now and 30\u00a0days earlier, from the same engine', () => {
    expect(site.previous_as_of).toBe('2025-05-31');
    // Its figures: the issues are the same files', listed once, in `metrics`.
    expect(site.previous).toEqual(figuresOf(computeMetrics(dataset, config, '2025-05-31')));
    expect(Object.keys(site.previous)).toEqual(Object.keys(site.metrics).filter((k) => k !== 'data_quality'));
    expect(site.metrics.pipeline.open_count).toBe(9);
  });

  it('lists every open deal with its stage, days in stage, threshold and flags', () => {
    expect(site.open_deals).toHaveLength(9);
    const m002 = site.open_deals.find((d) => d.deal_id === 'M002')!;
    expect(m002).toMatchObject({ stage: 'qualify', stalled: true, threshold_days: 30, flags: ['past_expected_close'] });
    expect(m002.days_in_stage).toBeCloseTo(319.25, 9);
    expect(site.open_deals.filter((d) => d.stalled).map((d) => d.deal_id).sort()).toEqual(
      site.metrics.stalled.map((s) => s.deal_id).sort(),
    );
  });

  it('builds account views with unique URL-safe slugs and each deal once', () => {
    const slugs = site.accounts.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9_-]+$/);
    expect(site.accounts.reduce((n, a) => n + a.deals.length, 0)).toBe(22); // M023, M024 are created after as_of
    const acme3 = site.accounts.find((a) => a.account_id === 'ACME-3')!;
    expect(acme3.open_count).toBe(1);
    expect(acme3.deals.find((d) => d.deal_id === 'M003')!.visits.map((v) => v[0])).toEqual(['prospect', 'qualify', 'propose', 'negotiate', 'won']);
  });
});

describe('account pages named by an account name (a Salesforce report, HubSpot without company ids)', () => {
  it('keep their address when another account is added: a Korean name gets a hash of itself, not a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-slugs-'));
    const names = new Map([['ACME-1', '경동소재'], ['ACME-2', '나라정밀'], ['ACME-3', '동아기계']]);
    const deals = readFileSync('tests/fixtures/spec-example/data/deals.csv', 'utf8').replace(/,(ACME-\d+),/gu, (all, id: string) => `,${names.get(id) ?? id},`);
    const slugsOf = async (csv: string): Promise<Map<string, string>> => {
      writeFileSync(join(dir, 'deals.csv'), csv);
      copyFileSync('tests/fixtures/spec-example/data/stage_history.csv', join(dir, 'stage_history.csv'));
      const folder = await readFolder(dir);
      return new Map(buildSiteData(folder.dataset, folder.config, '2025-06-30', { dataLabel: 'x' }).accounts.map((a) => [a.account_id, a.slug]));
    };
    try {
      const before = await slugsOf(deals);
      // A new account whose name sorts first ("가가산업"), with a deal of its own.
      const after = await slugsOf(`${deals.trimEnd()}\nM099,가가산업,Lee,Beta,OTHER,1000000,2025-01-06T15:00:00Z,2025-09-30,,Qualification,,,\n`);
      expect([...after.keys()]).toContain('가가산업');
      for (const name of names.values()) expect(after.get(name), name).toBe(before.get(name));
      expect(before.get('경동소재')).toMatch(/^account-[0-9a-f]{8}$/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('page models', () => {
  it('overview tiles show the change against 30\u00a0days earlier', () => {
    const ctx = pageContext(site, 'en');
    const tiles = overviewModel(ctx).tiles;
    const open = tiles.find((t) => t.key === 'openPipeline')!;
    expect(open.value).toBe('₩39M');
    const before = site.previous.pipeline.open_amount;
    expect(open.delta?.direction).toBe(39_000_000 > before ? 'up' : 39_000_000 < before ? 'down' : 'flat');
    expect(tiles.find((t) => t.key === 'coverage')!.value).toBe('—');
  });

  it('stalled table says why each deal is stalled, in words, in both languages; whole days', () => {
    const en = stalledModel(pageContext(site, 'en')).stalled;
    const ko = stalledModel(pageContext(site, 'ko')).stalled;
    expect(en.rows.map((r) => r[0]!.text)).toEqual(['M002', 'M010', 'M008', 'M011', 'M016', 'M019']);
    const threshold = site.open_deals.find((d) => d.deal_id === 'M002')!.threshold_days!;
    const stage = site.open_deals.find((d) => d.deal_id === 'M002')!.stage;
    expect(threshold).toBe(30);
    expect(stage).toBe('qualify');
    expect(en.rows[0]![2]!.text).toBe('Over the Qualification threshold: 319\u00a0days vs 30\u00a0days\u00a0· Past expected close');
    expect(ko.rows[0]![2]!.text).toBe('구매의사 확인·내부 검증 단계 정체 기준 초과: 319일(기준 30일)\u00a0· 예상 마감일 경과');
    // The CSV: the deal's and the account's ids beside their names, the stage id beside its label, days as the page
    // shows them (319.25\u00a0days in stage: 319 whole days); the deal, its amount, days in stage and why first (the
    // page shows why before the days in stage: table.ts `movedOnPage`).
    expect(en.csv.headers).toEqual([
      'Deal ID', 'Deal', 'Amount', 'Days in stage', 'Why it is stalled', 'Stage ID', 'Stage', 'Threshold (days)', 'Expected close', 'Owner', 'Account ID', 'Account',
    ]);
    expect(en.csv.rows[0]!.slice(0, 1)).toEqual(['M002']);
    expect(en.csv.rows[0]!.slice(3, 4)).toEqual([319]);
    expect(en.csv.rows[0]!.slice(5, 8)).toEqual(['qualify', 'Qualification', 30]);
  });

  it('every page table has a unique id and as many CSV rows as data rows', () => {
    const ctx = pageContext(site, 'ko');
    for (const page of PAGES) {
      const ids = pageTables(ctx, page).map((t) => t.id);
      expect(new Set(ids).size, page).toBe(ids.length);
      // A list's total row is in the page only.
      for (const t of pageTables(ctx, page)) expect(t.csv.rows.length).toBe(t.rows.length - (t.totalRows ?? 0) + t.truncated);
    }
  });
});
