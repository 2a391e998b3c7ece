/**
 * The absence notes of a filtered view speak of the filter, not of a file
 * the data lacks: a filter that matches no deal (on the sample, which has
 * field_history.csv and targets.csv) says so, and a filter whose deals never
 * had their close date changed says that, not "add field_history.csv".
 */
import { describe, expect, it } from 'vitest';
import { filterSiteFacts } from '../../../src/lib/filters/build-data.ts';
import { type Filter, NO_FILTER } from '../../../src/lib/filters/filter.ts';
import { FILTER_PAGES, pageParts } from '../../../src/lib/filters/page-parts.ts';
import { filteredSiteData, pinStallDays } from '../../../src/lib/filters/recompute.ts';
import { filterDataset } from '../../../src/lib/filters/subset.ts';
import type { Dataset, FieldChange } from '../../../src/lib/dataset.ts';
import type { Config } from '../../../src/lib/config.ts';
import { defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';
import type { Locale } from '../../../src/lib/i18n/index.ts';
import { forecastModel, overviewModel, pageContext, type TileModel } from '../../../src/lib/views/pages/index.ts';
import { filterNotes } from '../../../src/lib/views/pages/filter-form.ts';
import { funnelModel, funnelViewModel } from '../../../src/lib/views/pages/funnel.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const f = (x: Partial<Filter>): Filter => ({ ...NO_FILTER, ...x });

function filtered(dataset: Dataset, config: Config, asOf: string, filter: Filter) {
  const full = buildSiteData(dataset, config, asOf, { dataLabel: 'test' });
  const view = filteredSiteData({ dataset, config, site: filterSiteFacts(full, config) }, filter);
  const ctx = (locale: Locale) => pageContext(view.site, locale, '/', view.facts);
  return { full, view, ctx };
}

describe('a filter that matches no deal (the sample, owner=nobody)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const { full, view, ctx } = filtered(dataset, config, '2026-06-30', f({ owner: 'nobody' }));

  it('the sample tracks close dates and has targets: the notes must not ask for those files', () => {
    expect(full.metrics.slippage).not.toBeNull();
    expect(full.inputs.targets_file).toBe(true);
    expect(view.matched).toBe(0);
    expect(view.closeDatesTracked).toBe(true);
  });

  for (const [locale, m] of [['en', en], ['ko', ko]] as const) {
    it(`says the filter matched nothing, never that a file is missing (${locale})`, () => {
      const all = FILTER_PAGES.map((page) => ({ page, notes: pageParts(ctx(locale), page).notes }));
      for (const { page, notes } of all) {
        const text = notes.join('\n');
        expect(text, page).not.toContain(m.absence.closeDatesUntracked);
        expect(text, page).not.toContain(m.absence.noTargets);
        expect(text, page).not.toContain(m.empty.noTargets);
        expect(text, page).not.toContain(m.ownersReview.noOwnerTargets({ period: view.site.owners.period }, pageContext(view.site, locale).f));
        expect(text, page).not.toContain(m.ownersReview.noTeamTargets({ period: view.site.teams.period }, pageContext(view.site, locale).f));
      }
      const saying = all.filter(({ notes }) => notes.includes(m.absence.filterMatchesNone)).map(({ page }) => page);
      expect(saying).toEqual(['overview', 'stalled', 'waterfall', 'forecast', 'owners']);
      // Once per page, however many figures it stands for.
      for (const { notes } of all) expect(notes.filter((n) => n === m.absence.filterMatchesNone).length).toBeLessThanOrEqual(1);
    });
  }

  it('the repurchase chart says the filter matched nothing, not that no deal was ever won', () => {
    expect(pageParts(ctx('en'), 'repurchase').charts[0]!.chart.takeaway).toBe(en.absence.filterMatchesNone);
    expect(pageParts(ctx('ko'), 'repurchase').charts[0]!.chart.takeaway).toBe(ko.absence.filterMatchesNone);
  });

  it('the same view without the filter facts (a build of that subset) still names the files', () => {
    const plain = pageParts(pageContext(view.site, 'en'), 'waterfall').notes;
    // The sample has a field_history.csv: the note says it holds no close-date change, not "add field_history.csv".
    expect(plain).toContain(en.absence.closeDatesUntrackedInFile);
  });
});

describe('a filter whose deals never had their close date changed', () => {
  const config = defaultConfig();
  const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
  const open = (id: string, owner: string) => ({
    id,
    owner,
    createdAt: at('2025-05-01'),
    amount: 1_000_000,
    expectedCloseAt: '2025-08-15',
    history: [['prospect', at('2025-05-01')] as [string, number]],
  });
  // Only deal 0 (owner A) had its close date pushed.
  const push: FieldChange = { deal: 0, field: 'expected_close_at', oldValue: '2025-06-15', newValue: '2025-08-15', changedAt: at('2025-06-10'), line: 2 };
  const dataset = makeDataset(config, [open('D1', 'A'), open('D2', 'B'), open('D3', 'B')], [push]);

  it('says none of its deals had a change, in both languages', () => {
    const { view, ctx } = filtered(dataset, config, '2025-06-30', f({ owner: 'B' }));
    expect(view.matched).toBe(2);
    expect(view.site.metrics.slippage).toBeNull();
    const notes = pageParts(ctx('en'), 'waterfall').notes;
    expect(notes).toContain(
      'None of the 2\u00a0deals this filter shows has had its expected close date changed in field_history.csv, so there are no pushes or slippage to show for them.',
    );
    expect(notes).not.toContain(en.absence.closeDatesUntracked);
    expect(pageParts(ctx('ko'), 'overview').notes).toContain('이 필터의 딜 2건은 field_history.csv에서 예상 마감일이 바뀐 적이 없어 보여 줄 마감일 연기가 없습니다.');
  });

  it('a filter with a pushed deal shows slippage and no such note', () => {
    const { view, ctx } = filtered(dataset, config, '2025-06-30', f({ owner: 'A' }));
    expect(view.site.metrics.slippage).not.toBeNull();
    expect(pageParts(ctx('en'), 'waterfall').notes.join('\n')).not.toMatch(/field_history\.csv/);
  });

  it('without field_history.csv at all, a filter still says to add it', () => {
    const bare = makeDataset(config, [open('D1', 'A'), open('D2', 'B')]);
    const { view, ctx } = filtered(bare, config, '2025-06-30', f({ owner: 'B' }));
    expect(view.closeDatesTracked).toBe(false);
    expect(pageParts(ctx('en'), 'waterfall').notes).toContain(en.absence.closeDatesUntracked);
  });
});

describe('the Owners page and coverage under a filter (the sample: company, team and owner targets for Q2 2026)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const full = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const data = { dataset, config, site: filterSiteFacts(full, config) };
  const view = (filter: Filter, locale: Locale = 'en') => {
    const v = filteredSiteData(data, filter);
    return pageContext(v.site, locale, '/', v.facts);
  };
  const column = (t: { headers: { label: string }[]; rows: { text: string }[][] }, label: string) => {
    const i = t.headers.findIndex((h) => h.label === label);
    return t.rows.map((r) => r[i]!.text);
  };

  it('the sample has owner and team targets for the quarter: the unfiltered page asks for none', () => {
    expect(full.owners.has_targets).toBe(true);
    expect(full.teams.has_targets).toBe(true);
    expect(full.owners.period).toBe('2026-Q2');
  });

  for (const [locale, m] of [['en', en], ['ko', ko]] as const) {
    for (const filter of [f({ product: 'CNC-5X' }), f({ period: '2026-Q1' }), f({ owner: '강도윤', product: 'CNC-5X' })]) {
      it(`${locale}, ${JSON.stringify(filter)}: targets are per owner or team and period, so the page says why target and attainment are empty, not that targets.csv lacks them`, () => {
        const ctx = view(filter, locale);
        expect(ctx.filter?.targets).toBe('none');
        const owners = pageParts(ctx, 'owners');
        expect(owners.notes).toContain(m.ownersReview.periodWon({ period: '2026-Q2' }, ctx.f));
        expect(owners.notes).toContain(m.ownersReview.filterNoTargets);
        const text = owners.notes.join('\n');
        expect(text).not.toContain(m.ownersReview.noOwnerTargets({ period: '2026-Q2' }, ctx.f));
        expect(text).not.toContain(m.ownersReview.noTeamTargets({ period: '2026-Q2' }, ctx.f));
        expect(text).not.toContain(m.ownersReview.period({ period: '2026-Q2' }, ctx.f));
        // No target, so no attainment: never a 0 %.
        const [byOwner, byTeam] = owners.tables;
        for (const t of [byOwner!, byTeam!]) {
          expect(t.rows.length).toBeGreaterThan(0);
          expect(new Set(column(t, m.columns.target_amount))).toEqual(new Set(['—']));
          expect(new Set(column(t, m.ownersReview.attainment))).toEqual(new Set(['—']));
        }
        // Coverage: the same reason on the forecast page and the overview's tile, never "add company-wide targets".
        expect(pageParts(ctx, 'forecast').notes).toContain(m.filters.noTargetsNote);
        expect(pageParts(ctx, 'forecast').notes).not.toContain(m.absence.noTargets);
        expect(pageParts(ctx, 'forecast').notes).not.toContain(m.empty.noTargets);
        expect(pageParts(ctx, 'overview').tiles.find((t) => t.key === 'coverage')!.detail).toBe(m.tiles.noTargetFilter);
      });
    }
  }

  it('an owner with a target: attainment against it, and team rows that hold only the owner’s deals say so', () => {
    const ctx = view(f({ owner: '강도윤' }));
    expect(ctx.filter?.targets).toBe('owner');
    const owners = pageParts(ctx, 'owners');
    expect(owners.notes).toContain(en.ownersReview.period({ period: '2026-Q2' }, ctx.f));
    expect(owners.notes).toContain(en.ownersReview.ownerFilterTeams);
    expect(owners.notes.join('\n')).not.toMatch(/targets\.csv has no/);
    const [byOwner, byTeam] = owners.tables;
    expect(column(byOwner!, en.columns.owner)).toEqual(['강도윤']);
    expect(column(byOwner!, en.columns.target_amount)).toEqual([ctx.f.moneyCompact(1_790_000_000)]);
    const row = ctx.site.owners.rows.find((r) => r.name === '강도윤')!;
    expect(column(byOwner!, en.ownersReview.attainment)).toEqual([ctx.f.percent(row.won_amount / 1_790_000_000)]);
    expect(column(byTeam!, en.columns.target_amount)).toEqual(['—']);
  });

  it('an owner without a target (최지훈): this owner’s target is missing, not every owner’s', () => {
    const ctx = view(f({ owner: '최지훈' }));
    const notes = pageParts(ctx, 'owners').notes;
    expect(notes).toContain('targets.csv has no target of this owner for Q2 2026: add a row with the owner column filled to see the owner’s attainment.');
    expect(notes).not.toContain(en.ownersReview.noOwnerTargets({ period: '2026-Q2' }, ctx.f));
    expect(pageParts(ctx, 'forecast').notes).toContain(en.filters.ownerNoTargetNote);
    expect(pageParts(view(f({ owner: '최지훈' }), 'ko'), 'owners').notes).toContain(
      // (A no-break space between the year and the quarter, as the formatter writes a period.)
      'targets.csv에 이 담당자의 2026년\u00a02분기 목표가 없습니다. 담당자의 달성률을 보려면 owner 열을 채운 행을 추가하세요.',
    );
  });

  it('a team with its own and its owners’ targets: nothing is missing', () => {
    const ctx = view(f({ team: '영남영업팀' }));
    expect(ctx.filter?.targets).toBe('team');
    const notes = pageParts(ctx, 'owners').notes;
    expect(notes).toContain(en.ownersReview.period({ period: '2026-Q2' }, ctx.f));
    expect(notes.join('\n')).not.toMatch(/targets\.csv has no/);
  });
});

describe('the filter status line on targets (filter-form.ts filterNotes; the sample)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const full = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const view = (ds: Dataset, filter: Filter, locale: Locale) => {
    const v = filteredSiteData({ dataset: ds, config, site: filterSiteFacts(full, config) }, filter);
    return pageContext(v.site, locale, '/', v.facts);
  };
  // The sample without 영남영업팀's own (team) targets: its owners keep theirs.
  const noTeamTarget: Dataset = { ...dataset, targets: dataset.targets!.filter((t) => !(t.owner.trim() === '' && t.team.trim() === '영남영업팀')) };

  for (const [locale, m] of [['en', en], ['ko', ko]] as const) {
    it(`${locale}: an owner with targets (강도윤) compares with them; one without (최지훈) says there is none, as the page notes do`, () => {
      for (const page of ['overview', 'forecast', 'owners']) {
        const with_ = filterNotes(view(dataset, f({ owner: '강도윤' }), locale), page);
        expect(with_, page).toContain(m.filters.ownerTargetsNote);
        expect(with_, page).not.toContain(m.filters.ownerNoTargetNote);
        const ctx = view(dataset, f({ owner: '최지훈' }), locale);
        const without = filterNotes(ctx, page);
        expect(without, page).toContain(m.filters.ownerNoTargetNote);
        expect(without, page).not.toContain(m.filters.ownerTargetsNote);
      }
      expect(pageParts(view(dataset, f({ owner: '최지훈' }), locale), 'forecast').notes).toContain(m.filters.ownerNoTargetNote);
      expect(filterNotes(view(dataset, f({ owner: '최지훈' }), locale), 'funnel')).toEqual([]);
    });

    it(`${locale}: a team with its own target compares with it; one without says there is none`, () => {
      expect(filterNotes(view(dataset, f({ team: '영남영업팀' }), locale), 'forecast')).toEqual([m.filters.teamTargetsNote]);
      const ctx = view(noTeamTarget, f({ team: '영남영업팀' }), locale);
      expect(filterNotes(ctx, 'forecast')).toEqual([m.filters.teamNoTargetNote]);
      expect(pageParts(ctx, 'forecast').notes).toContain(m.filters.teamNoTargetNote);
    });

    it(`${locale}: the attainment chart says whose target its bars are shares of: the company's, the owner's, the team's`, () => {
      const intro = (filter: Filter) => pageParts(view(dataset, filter, locale), 'forecast').texts.find(([key]) => key === 'attainment-intro')?.[1];
      const ending = (whose: string) => (locale === 'en' ? `Each as a share of ${whose}.` : `모두 해당 기간 ${whose} 목표 대비 비율입니다.`);
      expect(intro(f({ owner: '강도윤' }))).toMatch(new RegExp(`${ending(locale === 'en' ? 'this owner’s target for the period' : '이 담당자의')}$`, 'u'));
      expect(intro(f({ team: '영남영업팀' }))).toMatch(new RegExp(`${ending(locale === 'en' ? 'this team’s target for the period' : '이 팀의')}$`, 'u'));
      // Unfiltered, on the built page: the company's.
      expect(pageParts(pageContext(full, locale), 'forecast').texts.find(([key]) => key === 'attainment-intro')?.[1]).toMatch(
        new RegExp(`${ending(locale === 'en' ? 'the period’s company-wide target' : '전사')}$`, 'u'),
      );
    });

    it(`${locale}: a product filter compares with no target`, () => {
      expect(filterNotes(view(dataset, f({ owner: '임재현', product: 'CNC-5X' }), locale), 'owners')).toEqual([m.filters.thresholdsNote, m.filters.noTargetsNote]);
    });
  }
});

describe('the funnel’s rates on a handful of deals (the sample)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const full = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const data = { dataset, config, site: filterSiteFacts(full, config) };
  const view = (filter: Filter, locale: Locale) => {
    const v = filteredSiteData(data, filter);
    return pageContext(v.site, locale, '/', v.facts);
  };
  const rateColumns = (t: { headers: { label: string }[] }, m: typeof en) => [m.columns.conversion, ctxText(m)].map((l) => t.headers.findIndex((h) => h.label === l));
  const ctxText = (m: typeof en) => (m === en ? 'Won ÷ reached' : '도달 대비 수주');

  for (const [locale, m] of [['en', en], ['ko', ko]] as const) {
    it(`${locale}: owner 임재현 and product CNC-5X: a stage fewer than 10 deals reached has its rates muted and marked, and the page says how few`, () => {
      const ctx = view(f({ owner: '임재현', product: 'CNC-5X' }), locale);
      const vm = funnelViewModel(ctx);
      const few = vm.stages.filter((s) => s.few);
      expect(few.length).toBeGreaterThan(0);
      for (const s of vm.stages) expect(s.few, s.id).toBe(s.reached > 0 && s.reached < 10 && (s.conversion !== null || s.winRate !== null));
      const page = pageParts(ctx, 'funnel');
      const list = few.map((s) => m.small.funnelRatesStage({ stage: s.label, count: s.reached }, ctx.f)).join(', ');
      expect(page.notes).toContain(m.small.funnelRates({ stages: list, min: 10 }, ctx.f));
      expect(pageParts(ctx, 'overview').notes).toContain(m.small.funnelRates({ stages: list, min: 10 }, ctx.f));
      const block = page.charts.find((c) => c.id === 'funnel')!;
      const cols = rateColumns(block.table, m);
      expect(cols.every((i) => i >= 0)).toBe(true);
      block.table.rows.forEach((row, r) => {
        for (const c of cols) {
          const cell = row[c]!;
          if (vm.stages[r]!.few && cell.text !== '—') {
            expect(cell.text).toMatch(/\*$/u);
            expect(cell.tone).toBe('muted');
          } else expect(cell.text).not.toMatch(/\*$/u);
        }
      });
      // The chart draws the same marks.
      expect(block.chart.svg).toMatch(/%\*</u);
    });
  }

  it('unfiltered: only stages fewer than 10 deals reached are marked; the note names just them', () => {
    const ctx = pageContext(full, 'en');
    const vm = funnelViewModel(ctx);
    const few = vm.stages.filter((s) => s.few);
    expect(vm.stages.some((s) => !s.few && s.reached >= 10)).toBe(true);
    const note = funnelModel(ctx).notes.find((n) => n.startsWith('* Conversion and won'));
    if (few.length === 0) expect(note).toBeUndefined();
    else for (const s of few) expect(note).toContain(`${s.reached} reached ${s.label}`);
  });
});

describe('filtered headlines on a handful of deals (the sample, owner 강도윤, created in Q1 2026)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const full = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const data = { dataset, config, site: filterSiteFacts(full, config) };
  const filter = f({ owner: '강도윤', period: '2026-Q1' });
  const view = filteredSiteData(data, filter);
  // What a build of an export holding only these deals shows (the company's stall thresholds, as the filter keeps them).
  const built = buildSiteData(filterDataset(dataset, filter, config.timezone), pinStallDays(config, data.site.stall_now), '2026-06-30', { dataLabel: 'subset' });
  const SAMPLE_TILES = ['winRateByCount', 'winRateByValue', 'medianCycle', 'salesVelocity'];
  const tiles = (t: TileModel[]) => t.filter((x) => SAMPLE_TILES.includes(x.key)).map(({ key, value, detail, few }) => ({ key, value, detail, few }));

  it('9 deals, 6 closed in the window, 1 won', () => {
    expect(view.matched).toBe(9);
    expect(view.site.metrics.win_rate).toMatchObject({ won_count: 1, lost_count: 5 });
    expect(view.site.metrics.cycle_length.all.count).toBe(6);
  });

  for (const [locale, closed, won] of [
    ['en', 'Only 6\u00a0closed deals — too few to rely on', 'Only 1\u00a0won deal — too few to rely on'],
    ['ko', '마감된 딜이 6건뿐이라 신뢰하기에는 너무 적음', '수주한 딜이 1건뿐이라 신뢰하기에는 너무 적음'],
  ] as const) {
    it(`${locale}: win rate, cycle and velocity say how few deals they rest on, as a build of those deals does`, () => {
      const filtered = tiles(pageParts(pageContext(view.site, locale, '/', view.facts), 'overview').tiles);
      expect(filtered.map((t) => [t.key, t.few])).toEqual([
        ['winRateByCount', closed],
        ['winRateByValue', closed],
        ['medianCycle', closed],
        ['salesVelocity', won],
      ]);
      expect(filtered.find((t) => t.key === 'winRateByCount')!.detail).toBe('1 / 6');
      expect(filtered).toEqual(tiles(overviewModel(pageContext(built, locale)).tiles));
      // The unfiltered sample rests on hundreds of deals: nothing to mark.
      expect(overviewModel(pageContext(full, locale)).tiles.map((t) => t.few).filter(Boolean)).toEqual([]);
    });
  }

  it('the velocity page says velocity rests on 1 won deal of 6 closed', () => {
    expect(pageParts(pageContext(view.site, 'en', '/', view.facts), 'velocity').notes).toContain(
      'Sales velocity rests on only 1\u00a0won deal (of 6 closed) in the analysis window — too few to rely on its average won amount and won cycle.',
    );
    expect(pageParts(pageContext(view.site, 'ko', '/', view.facts), 'velocity').notes).toContain(
      '영업 속도는 분석 기간에 마감된 딜 6건 중 수주한 1건에 근거합니다. 평균 수주 금액과 수주 사이클을 신뢰하기에는 딜이 너무 적습니다.',
    );
  });
});

describe('stall thresholds under a filter are the company’s', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const full = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'test' });
  const data = { dataset, config, site: filterSiteFacts(full, config) };

  for (const locale of ['en', 'ko'] as const) {
    it(`${locale}: an owner with no visit in the window (최지훈): says how many of all deals' visits each was learned from, as the unfiltered page does`, () => {
      const view = filteredSiteData(data, f({ owner: '최지훈' }));
      expect(view.site.metrics.time_in_stage.every((s) => s.visits === 0)).toBe(true);
      const thresholds = pageParts(pageContext(view.site, locale, '/', view.facts), 'stalled').tables.find((t) => t.id === 'stall-thresholds')!;
      const basis = thresholds.rows.map((r) => r[2]!.text);
      // The same thresholds and the same sentences as all deals' page, with all deals' visits (carried in the filter data).
      const unfiltered = pageParts(pageContext(full, locale), 'stalled').tables.find((t) => t.id === 'stall-thresholds')!;
      expect(thresholds.rows.map((r) => r[1]!.text)).toEqual(unfiltered.rows.map((r) => r[1]!.text));
      expect(basis).toEqual(unfiltered.rows.map((r) => r[2]!.text));
      expect(full.metrics.time_in_stage.map((s) => s.visits)).toEqual([646, 540, 435, 257]);
      expect(basis).toEqual(
        locale === 'en'
          ? [646, 540, 435, 257].map((n) => `P90 of the ${n}\u00a0visits that ended in the analysis window`)
          : [646, 540, 435, 257].map((n) => `분석 기간에 끝난 단계 체류 ${n}건의 90백분위수`),
      );
    });
  }
});

describe('a filtered stall threshold says how many of all deals’ visits it rests on, learned or default', () => {
  const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
  // Prospect: 22 visits end in the window (20 open at qualify, 2 won) -> its own P90; qualify and propose fixed in
  // stall_days; negotiate: 2 visits (the won deals', owner A) -> the 30-day default. Owner B has 5 prospect visits and no
  // negotiate visit of its own.
  const config = parseConfig({ stall_days: { qualify: 40, propose: 40 } });
  const specs = [
    ...Array.from({ length: 20 }, (_, i) => ({
      id: `O${i}`,
      owner: i < 15 ? 'A' : 'B',
      createdAt: at('2025-05-01'),
      amount: 1_000_000,
      history: [['prospect', at('2025-05-01')], ['qualify', at('2025-06-01')]] as [string, number][],
    })),
    ...Array.from({ length: 2 }, (_, i) => ({
      id: `W${i}`,
      owner: 'A',
      createdAt: at('2025-01-05'),
      closedAt: at('2025-04-01'),
      amount: 2_000_000,
      history: [['prospect', at('2025-01-05')], ['negotiate', at('2025-02-01')], ['won', at('2025-04-01')]] as [string, number][],
    })),
  ];
  const { full, view, ctx } = filtered(makeDataset(config, specs), config, '2025-06-30', f({ owner: 'B' }));

  it('the data: 22 and 2 visits of all deals, 5 and 0 of owner B', () => {
    expect(full.stall_basis).toEqual([['prospect', 'p90'], ['qualify', 'configured'], ['propose', 'configured'], ['negotiate', 'default']]);
    expect(full.stall_visits).toEqual([['prospect', 22], ['negotiate', 2]]);
    expect(view.site.metrics.time_in_stage.map((s) => [s.stage, s.visits])).toEqual([['prospect', 5], ['qualify', 0], ['propose', 0], ['negotiate', 0]]);
  });

  it('says the same as the unfiltered page, in English and Korean', () => {
    const basis = (c: ReturnType<typeof pageContext>) => pageParts(c, 'stalled').tables.find((t) => t.id === 'stall-thresholds')!.rows.map((r) => r[2]!.text);
    expect(basis(ctx('en'))).toEqual([
      'P90 of the 22\u00a0visits that ended in the analysis window',
      'Set in pipeline.config.json (stall_days)',
      'Set in pipeline.config.json (stall_days)',
      '30-day default: only 2\u00a0visits ended in the analysis window (20 needed to learn it)',
    ]);
    expect(basis(ctx('ko'))).toEqual([
      '분석 기간에 끝난 단계 체류 22건의 90백분위수',
      'pipeline.config.json의 stall_days 설정값',
      'pipeline.config.json의 stall_days 설정값',
      '기본값 30일: 분석 기간에 끝난 단계 체류가 2건뿐입니다(산출하려면 20건 필요)',
    ]);
    for (const locale of ['en', 'ko'] as const) expect(basis(ctx(locale))).toEqual(basis(pageContext(full, locale)));
  });
});

describe('a close-date filter (the sample, Q3 2026)', async () => {
  const { dataset, config } = await readFolder('data/sample');
  const { view, ctx } = filtered(dataset, config, '2026-06-30', f({ closing: '2026-Q3' }));

  it('the status line says what a close date is, as of the report date, and that no target applies', () => {
    expect(view.matched).toBe(123);
    expect(filterNotes(ctx('en'), 'forecast')).toEqual([
      "A deal's close date is the day it was won or lost, or, for a deal open on Jun 30, 2026, its expected close as of that day; open deals without one are in no period.",
      en.filters.noTargetsNote,
    ]);
    expect(filterNotes(ctx('ko'), 'stalled')[0]).toBe(
      '마감 시기는 수주·실주된 딜은 마감한 날, 2026.\u00a06.\u00a030. 현재 진행 중인 딜은 그날 기준 예상 마감일로 봅니다. 예상 마감일이 없는 진행 중 딜은 어느 기간에도 들지 않습니다.',
    );
  });

  it('forecast accuracy is left out, saying why (the filter selects deals by how they ended), in both languages', () => {
    for (const [locale, m] of [['en', en], ['ko', ko]] as const) {
      const block = forecastModel(ctx(locale)).sections.flatMap((s) => (s.kind === 'chart' ? [s.block] : [])).find((b) => b.id === 'forecast-accuracy')!;
      expect(block.unavailable).toBe(true);
      expect(block.chart.takeaway).toBe(m.absence.accuracyClosingFilter);
    }
    // Without the filter, or under another, it is shown.
    const owner = filtered(dataset, config, '2026-06-30', f({ owner: '강도윤' }));
    expect(forecastModel(owner.ctx('en')).sections.flatMap((s) => (s.kind === 'chart' ? [s.block] : [])).find((b) => b.id === 'forecast-accuracy')!.unavailable).toBe(false);
  });
});
