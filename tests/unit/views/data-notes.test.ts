/**
 * The first note of every page, the digest and the CI summary when most of
 * deals.csv was rejected (views/pages/data-notes.ts): how many rows, the most
 * frequent problem where it first appears, and what to do; never "the data
 * records nothing, check the export" when the export held deals that could
 * not be read.
 */
import { describe, expect, it } from 'vitest';
import { type Config, defaultConfig, parseConfig } from '../../../src/lib/ingest/config.ts';
import { buildDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { changesModel, closeDatesNote, dataNotes, historyUnavailable, overviewModel, pageContext, rejectedRowsFooter } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { digestMarkdown, summaryMarkdown } from '../../../src/lib/views/digest.ts';
import { qualityFacts } from '../../../src/lib/views/quality-facts.ts';

const config = defaultConfig();
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'deal_id,deal_name,account_id,account_name,owner,team,product,amount,currency,created_at,stage';
// What Korean Excel writes for a date-time cell saved as CSV: the 12-hour clock, which input.md does not read.
const excelRow = (i: number) => `D${i},Deal ${i},A1,Acme,Kim,Sales,CNC,1000,KRW,2025. 6. ${i}. 오후 1:27,prospect`;
const goodRow = (i: number) => `D${i},Deal ${i},A1,Acme,Kim,Sales,CNC,1000,KRW,2025-06-0${i},prospect`;

function site(rows: string[], asOf = '2025-06-30', history: string[] = []) {
  const files = {
    'deals.csv': utf8([HEADER, ...rows].join('\n')),
    'stage_history.csv': utf8(['deal_id,stage,entered_at', ...history].join('\n')),
    'field_history.csv': utf8('deal_id,field,old_value,new_value,changed_at\nD1,amount,1000,2000,2025-06-20\n'),
  };
  return siteDataSchema.parse(buildSiteData(buildDataset(files, config), config, asOf, { dataLabel: 'test' }));
}

describe('the note when most of deals.csv was rejected', () => {
  it('no row read: says so with the most frequent problem, instead of "nothing before the as-of date"', () => {
    const s = site([excelRow(1), excelRow(2), excelRow(3)]);
    expect(s.metrics.data_quality.files['deals.csv']).toEqual({ rows: 3, accepted: 0, rejected: 3 });
    expect(dataNotes(pageContext(s, 'en'))).toEqual([
      'None of the 3\u00a0rows of deals.csv could be used: every one was rejected; the most frequent problem (3\u00a0times) first appears at deals.csv line 2 column "created_at": ' +
        'created_at "2025. 6. 1. 오후 1:27" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write times on the 24-hour clock (오후 2:05 or 2:05 PM as 14:05). ' +
        'So every figure here is empty because no deal was read, not because the pipeline is. The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.',
    ]);
    const [ko] = dataNotes(pageContext(s, 'ko'));
    expect(ko).toMatch(/^deals\.csv의 3행을 하나도 쓰지 못했습니다\. 모든 행이 제외되었습니다\(가장 많은 문제 3건, 처음 나온 곳 deals\.csv 2행 "created_at" 열: /u);
    expect(ko).toMatch(/\)\. 그래서 여기의 모든 수치가 비어 있는 것은 파이프라인이 아니라 딜을 하나도 읽지 못했기 때문입니다\. 데이터 품질 페이지에 제외된 행과 고칠 방법이 모두 있습니다\. 내보내기\(또는 pipeline\.config\.json\)를 고친 뒤 다시 빌드하세요\.$/u);
    // field_history.csv's row was rejected with its deal: not "add field_history.csv".
    expect(s.metrics.slippage).toBeNull();
    expect(closeDatesNote(pageContext(s, 'en'))).toBeNull();
    // The digest quotes it first, under its title and period.
    expect(digestMarkdown(s, { linkRoot: null, locale: 'en' }).split('\n').filter((l) => l.startsWith('> None of the 3\u00a0rows'))).toHaveLength(1);
  });

  it('more than half rejected: how many, and that the figures count only the rest', () => {
    const s = site([goodRow(1), excelRow(2), excelRow(3)]);
    expect(dataNotes(pageContext(s, 'en'))[0]).toBe(
      '2 of the 3\u00a0rows of deals.csv were rejected; the most frequent problem (2\u00a0times) first appears at deals.csv line 3 column "created_at": ' +
        'created_at "2025. 6. 2. 오후 1:27" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write times on the 24-hour clock (오후 2:05 or 2:05 PM as 14:05), ' +
        'so every figure here counts only the other 1\u00a0deal. The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.',
    );
    expect(dataNotes(pageContext(s, 'ko'))[0]).toMatch(/^deals\.csv 전체 3행 중 2행이 제외되었습니다\(가장 많은 문제 2건, .*\)\. 그래서 여기의 모든 수치는 나머지 1건만 센 것입니다\. /u);
  });

  it('half or fewer rejected: no such note (the Data quality page and the build line say it), but every page\'s footer counts the rows not used', () => {
    const s = site([goodRow(1), goodRow(2), excelRow(3), goodRow(4)]);
    expect(s.metrics.data_quality.files['deals.csv']!.rejected).toBe(1);
    expect(dataNotes(pageContext(s, 'en')).filter((n) => n.includes('deals.csv'))).toEqual([]);
    expect(rejectedRowsFooter(pageContext(s, 'en'))).toBe('1\u00a0input row not used');
    expect(rejectedRowsFooter(pageContext(s, 'ko'))).toBe('제외된 입력 1행');
    // Every file's rows: the field history row of a rejected deal too.
    expect(rejectedRowsFooter(pageContext(site([goodRow(2), excelRow(1)]), 'en'))).toBe('2\u00a0input rows not used');
    expect(rejectedRowsFooter(pageContext(site([goodRow(1), goodRow(2)]), 'en'))).toBeNull();
  });

  it('an export of only its header says the file has no rows, not "build as of a later date", which would show nothing either', () => {
    expect(dataNotes(pageContext(site([]), 'en'))).toEqual([
      'deals.csv has no rows, only its header, so every figure here is empty because the file is, not because the pipeline is. Check that the export holds your deals (an unfiltered view of all dates) and export it again.',
    ]);
    expect(dataNotes(pageContext(site([]), 'ko'))[0]).toMatch(/^deals\.csv에 머리글 말고는 행이 없어/u);
  });
});

describe('the note when no deal has an amount, or every one is 0', () => {
  const amountRow = (i: number, amount: string) => `D${i},Deal ${i},A1,Acme,Kim,Sales,CNC,${amount},KRW,2025-06-0${i},prospect`;
  /** Deals only: the field history's amount change of the other tests would be an amount. */
  const dealsOnly = (rows: string[]) => {
    const files = { 'deals.csv': utf8([HEADER, ...rows].join('\n')), 'stage_history.csv': utf8('deal_id,stage,entered_at\n') };
    return siteDataSchema.parse(buildSiteData(buildDataset(files, config), config, '2025-06-30', { dataLabel: 'test' }));
  };

  it('says once, on every page, that every amount reads ₩0 because none is recorded (where the pipeline read "₩0" as a fact)', () => {
    const none = dealsOnly([amountRow(1, ''), amountRow(2, '')]);
    expect(none.inputs.amounts).toBe('none');
    expect(dataNotes(pageContext(none, 'en'))).toContain(
      'No deal in this data has an amount (the amount column is empty), so every amount here reads ₩0 and the figures made of amounts (the weighted pipeline, sales velocity, coverage, amounts by stage, owner or reason) say nothing. Record each deal’s amount in the CRM and export it with the deals.',
    );
    expect(dataNotes(pageContext(none, 'ko'))).toContain(
      '이 데이터에는 금액이 있는 딜이 하나도 없어(금액 열이 비어 있음) 모든 금액이 0원으로 보이며, 금액으로 계산하는 수치(가중 파이프라인, 영업 속도, 커버리지, 단계·담당자·사유별 금액)는 의미가 없습니다. CRM에 딜마다 금액을 기록하고 딜과 함께 내보내세요.',
    );
  });

  it('the money tiles read "—", never "₩0" or "0×", under that note; the counts stand (overview, What changed, digest)', () => {
    const none = dealsOnly([amountRow(1, ''), amountRow(2, '')]);
    const tiles = overviewModel(pageContext(none, 'en')).tiles;
    const byKey = new Map(tiles.map((t) => [t.key, t]));
    for (const key of ['openPipeline', 'weightedPipeline', 'winRateByValue', 'salesVelocity']) {
      expect([byKey.get(key)!.value, byKey.get(key)!.detail], key).toEqual(['—', 'No amounts in this data']);
    }
    expect(byKey.get('stalledDeals')!.detail).toBeNull();
    expect(byKey.get('openPipeline')!.label).toBe('Open pipeline');
    expect(overviewModel(pageContext(none, 'ko')).tiles.find((t) => t.key === 'openPipeline')!.detail).toBe('데이터에 금액 없음');
    expect(changesModel(pageContext(none, 'en')).tiles.find((t) => t.key === 'openPipeline')!.value).toBe('—');
    const digest = digestMarkdown(none, { linkRoot: null, locale: 'en' });
    expect(digest).toMatch(/^\| Open pipeline \| — \| — \| — \|$/mu);
    expect(digest).not.toMatch(/\| Open pipeline \|.*₩0/mu);
    // One deal with an amount: the figures stand.
    expect(overviewModel(pageContext(dealsOnly([amountRow(1, '0'), amountRow(2, '5000')]), 'en')).tiles.find((t) => t.key === 'openPipeline')!.value).toBe('₩5K');
  });

  it('every amount 0: says to check the amount column; one deal with an amount (or an amount change): nothing', () => {
    const zero = dealsOnly([amountRow(1, '0'), amountRow(2, '')]);
    expect(zero.inputs.amounts).toBe('all_zero');
    expect(dataNotes(pageContext(zero, 'en')).filter((n) => n.startsWith('Every deal’s amount in this data is ₩0,'))).toHaveLength(1);
    expect(dealsOnly([amountRow(1, '0'), amountRow(2, '5000')]).inputs.amounts).toBeNull();
    // site(): deals of 1000 each, and an amount change.
    expect(site([goodRow(1)]).inputs.amounts).toBeNull();
    expect(dataNotes(pageContext(site([goodRow(1)]), 'en')).join(' ')).not.toMatch(/amount/u);
  });
});

describe('a stage_history.csv that looks cut short', () => {
  it('every page, the digest and the CI summary say so first, in both languages (the row-level warnings alone passed every gate)', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `D${i + 1},Deal ${i + 1},A1,Acme,Kim,Sales,CNC,1000,KRW,2025-06-01,propose`);
    const history = Array.from({ length: 18 }, (_, i) => [`D${i + 1},prospect,2025-06-01`, `D${i + 1},propose,2025-06-10`]).flat();
    const files = {
      'deals.csv': utf8([HEADER, ...rows].join('\n')),
      'stage_history.csv': utf8(['deal_id,stage,entered_at', ...history].join('\n')),
    };
    const dataset = buildDataset(files, config);
    const s = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-12', { dataLabel: 'test' }));
    const en =
      "stage_history.csv: no rows for 12 of the 30 deals (40%), whose histories are synthesized from deals.csv (synthesized_history): an export holds every deal's history, so was the file cut short (a download or an API export that stopped early) or filtered? Export it again whole.";
    expect(dataNotes(pageContext(s, 'en'))).toEqual([en]);
    expect(dataNotes(pageContext(s, 'ko'))[0]).toMatch(/^stage_history\.csv: 딜 30건 중 12건\(40%\)의 행이 없어 그 이력을 deals\.csv에서 만들었습니다/u);
    const quality = qualityFacts(dataset, { asOf: '2025-06-12', newestChange: null });
    const summary = summaryMarkdown(s, quality, { linkRoot: null, locale: 'en', quality: { status: 'passed' }, snapshot: null });
    expect(summary.split('\n')[2]).toBe(`> ${en.replace(/_/gu, '\\_')}`);
  });
});

describe('open deals without an amount, when others have one', () => {
  const amountRow = (i: number, amount: string) => `D${i},Deal ${i},A1,Acme,Kim,Sales,CNC,${amount},KRW,2025-06-0${i},prospect`;
  const dealsOnly = (rows: string[]) => {
    const files = { 'deals.csv': utf8([HEADER, ...rows].join('\n')), 'stage_history.csv': utf8('deal_id,stage,entered_at\n') };
    return siteDataSchema.parse(buildSiteData(buildDataset(files, config), config, '2025-06-30', { dataLabel: 'test' }));
  };
  const tile = (s: ReturnType<typeof dealsOnly>, locale: 'en' | 'ko' = 'en') => overviewModel(pageContext(s, locale)).tiles.find((t) => t.key === 'openPipeline')!;

  it('a tenth or more: every page says how many count as ₩0 and which figures read short; the open pipeline tile counts them', () => {
    // 9 open deals, 2 without an amount (22%): the pipeline 7,000, not what the 9 are worth.
    const s = dealsOnly([1, 2, 3, 4, 5, 6, 7].map((i) => amountRow(i, '1000')).concat([amountRow(8, ''), amountRow(9, '')]));
    expect(s.metrics.pipeline).toMatchObject({ open_count: 9, open_amount: 7000 });
    expect(dataNotes(pageContext(s, 'en'))).toContain(
      '2 of the 9\u00a0open deals (22%) have no amount and count as ₩0, so the open and weighted pipeline, coverage and the forecast are short by what they are worth. Record each deal’s amount in the CRM (the deal lists show them as “No amount”).',
    );
    expect(dataNotes(pageContext(s, 'ko'))).toContain(
      '진행 중 딜 9건 중 2건(22%)에 금액이 없어 0원으로 셉니다. 그래서 진행 중·가중 파이프라인, 커버리지, 수주 예측이 그 딜의 가치만큼 적게 나옵니다. CRM에 딜마다 금액을 기록하세요(딜 목록에는 “금액 없음”으로 보입니다).',
    );
    expect(tile(s).detail).toMatch(/^9\sdeals\s·\s2 without an amount$/u);
    expect(tile(s, 'ko').detail).toMatch(/^9건\s·\s금액 없음 2건$/u);
  });

  it('fewer than a tenth (or one deal): the tile counts them, no note; none: neither; all: the note of no amounts alone', () => {
    const one = dealsOnly([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => amountRow(i, '1000')).concat([`D10,Deal 10,A1,Acme,Kim,Sales,CNC,,KRW,2025-06-10,prospect`]));
    expect(dataNotes(pageContext(one, 'en')).join(' ')).not.toMatch(/amount/u);
    expect(tile(one).detail).toMatch(/^10\sdeals\s·\s1 without an amount$/u);
    const all = dealsOnly([1, 2].map((i) => amountRow(i, '1000')));
    expect(tile(all).detail).toMatch(/^2\sdeals$/u);
    const none = dealsOnly([amountRow(1, ''), amountRow(2, ''), amountRow(3, '')]);
    expect(dataNotes(pageContext(none, 'en')).filter((n) => /amount/u.test(n))).toEqual([expect.stringMatching(/^No deal in this data has an amount/u)]);
    // No deal has one: the tile reads "—", its line says why (the page's first note says more).
    expect([tile(none).value, tile(none).detail]).toEqual(['—', 'No amounts in this data']);
  });
});

describe('the note when most of stage_history.csv was rejected', () => {
  const deals = [goodRow(1), goodRow(2), goodRow(3)];

  it("no row read: the data knows each deal's current stage only, and the pages treat it so", () => {
    const s = site(deals, '2025-06-30', ['D1,prospect,2025. 6. 1. 오후 1:27', 'D2,prospect,2025. 6. 2. 오후 1:27', 'D3,qualify,2025. 6. 5. 오전 9:00']);
    expect(s.metrics.data_quality.files['stage_history.csv']).toEqual({ rows: 3, accepted: 0, rejected: 3 });
    expect(s.source.limitations).toEqual(['current_visit_only']);
    const notes = dataNotes(pageContext(s, 'en'));
    expect(notes[0]).toBe(
      'None of the 3\u00a0rows of stage_history.csv could be used: every one was rejected; the most frequent problem (3\u00a0times) first appears at stage_history.csv line 2 column "entered_at": ' +
        'entered_at "2025. 6. 1. 오후 1:27" has an unreadable time (expected HH:mm[:ss][Z|±HH:MM]); write times on the 24-hour clock (오후 2:05 or 2:05 PM as 14:05). ' +
        "So the pages know each deal's current stage only, and say so where a figure needs the stages a deal went through. The Data quality page lists each rejected row and what to fix; correct the export and build again.",
    );
    // Where a figure needs the stages, the advice is to correct the rows, not to add the file.
    expect(historyUnavailable(pageContext(s, 'en'))).toBe(
      'Not available: this export has only each deal’s current stage, not its stage history. To see it, correct the rejected rows of stage_history.csv (the Data quality page lists each one and what to fix) and build again.',
    );
    expect(historyUnavailable(pageContext(site(deals), 'en'))).toMatch(/To see it, add stage_history\.csv with every stage change and its date\.$/u);
    expect(dataNotes(pageContext(s, 'ko'))[0]).toMatch(/^stage_history\.csv의 3행을 하나도 쓰지 못했습니다\. 모든 행이 제외되었습니다\(가장 많은 문제 3건, 처음 나온 곳 stage_history\.csv 2행 "entered_at" 열: /u);
  });

  it('more than half rejected: which figures miss their stage changes; a header-only file is no rejection', () => {
    const s = site(deals, '2025-06-30', ['D1,prospect,2025-06-01', 'D2,prospect,2025. 6. 2. 오후 1:27', 'D3,qualify,2025. 6. 5. 오전 9:00']);
    expect(s.source.limitations).toEqual([]);
    expect(dataNotes(pageContext(s, 'en'))[0]).toMatch(
      /^2 of the 3\u00a0rows of stage_history\.csv were rejected; the most frequent problem \(2\u00a0times\) first appears at stage_history\.csv line 3 column "entered_at": .*, so the stage changes they record are missing from the funnel, the time in each stage, the stalled deals and the trends\. /u,
    );
    // Only its header: nothing rejected to speak of, but still no stage known but the current one.
    const headerOnly = site(deals);
    expect(headerOnly.source.limitations).toEqual(['current_visit_only']);
    expect(dataNotes(pageContext(headerOnly, 'en')).filter((n) => n.includes('stage_history.csv'))).toEqual([]);
  });
});

describe('the note when every open stage’s probability is 0', () => {
  // What `init` writes from an export without probabilities: every open stage at 0.
  const stages = (propose: number) => [
    { id: 'prospect', kind: 'open', probability: 0 },
    { id: 'propose', kind: 'open', probability: propose },
    { id: 'won', kind: 'won', probability: 1 },
    { id: 'lost', kind: 'lost', probability: 0 },
  ];
  const zero = parseConfig({ stages: stages(0) });
  const row = (i: number, stage: string) => `D${i},Deal ${i},A1,Acme,Kim,Sales,CNC,1000,KRW,2025-06-0${i},${stage}`;
  const build = (c: Config) => {
    const files = { 'deals.csv': utf8([HEADER, row(1, 'prospect'), row(2, 'propose')].join('\n')), 'stage_history.csv': utf8('deal_id,stage,entered_at\n') };
    return siteDataSchema.parse(buildSiteData(buildDataset(files, c), c, '2025-06-30', { dataLabel: 'test' }));
  };

  it('says so on every page, and the weighted pipeline tile reads "—", not "₩0"', () => {
    const s = build(zero);
    expect(s.metrics.pipeline.weighted_amount).toBe(0);
    expect(dataNotes(pageContext(s, 'en'))).toContain(
      'Every open stage’s probability in pipeline.config.json is 0, so the weighted pipeline counts nothing and the forecast’s weighted figures read 0. Set each open stage’s probability: the share of its deals you expect to win (the Funnel page shows the share won of the deals that reached it).',
    );
    expect(dataNotes(pageContext(s, 'ko')).join(' ')).toContain('진행 중 단계의 수주 확률이 모두 0이라');
    const weighted = overviewModel(pageContext(s, 'en')).tiles.find((t) => t.key === 'weightedPipeline')!;
    expect([weighted.value, weighted.detail]).toEqual(['—', 'No stage probabilities set']);
    // The open pipeline is no weighted figure: it stands.
    expect(overviewModel(pageContext(s, 'en')).tiles.find((t) => t.key === 'openPipeline')!.value).toBe('₩2K');
  });

  it('says nothing when one open stage has a probability', () => {
    const one = parseConfig({ stages: stages(0.5) });
    const s = build(one);
    expect(dataNotes(pageContext(s, 'en')).join(' ')).not.toContain('probability');
    expect(overviewModel(pageContext(s, 'en')).tiles.find((t) => t.key === 'weightedPipeline')!.value).toBe('₩500');
  });
});
