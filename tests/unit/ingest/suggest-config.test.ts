/**
 * `npm run init`: the suggested pipeline.config.json for hand-made exports
 * (a canonical folder, a Salesforce report through the registered adapter,
 * and a fake adapter with closed/won flags, probabilities and a stage table),
 * the guesses one by one, and the CLI run in-process on a temp folder.
 */
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, nodeIo, type InitIo } from '../../../scripts/init.ts';
import { parseConfig, parseConfigText } from '../../../src/lib/ingest/config.ts';
import { normalizeStageName, stageLookup } from '../../../src/lib/ingest/stage-names.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { parseMoney } from '../../../src/lib/ingest/money.ts';
import { cellAt, columnIndex } from '../../../src/lib/ingest/vendor/read-table.ts';
import type { ExportFile } from '../../../src/lib/ingest/vendor/load.ts';
import { suggestConfig } from '../../../src/lib/ingest/vendor/suggest-config.ts';
import { guessDateOrder, guessLocale, guessTimezone } from '../../../src/lib/ingest/vendor/suggest-formats.ts';
import { guessCurrency, guessDecimal } from '../../../src/lib/ingest/vendor/suggest-money.ts';
import { orderByMoves } from '../../../src/lib/ingest/vendor/suggest-order.ts';
import { suggestStages, type StageEvidence } from '../../../src/lib/ingest/vendor/suggest-stages.ts';
import { type Adapter, type AdapterOutput, CanonicalTable, StageHistoryTable } from '../../../src/lib/ingest/vendor/types.ts';
import fc from 'fast-check';
import { EXPORTS } from './export-helpers.ts';
import { makeZip } from './workbook-zip.ts';

const file = (path: string, text: string): ExportFile => ({ path, source: byteSource(new TextEncoder().encode(text)) });
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

// A canonical folder: decimal commas, day-first dates, EUR with one USD deal,
// the history listed newest first (so first appearance is not the order),
// a deal that moved back once, an on-hold stage and two won-looking names.
const DEALS = lines(
  'deal_id,deal_name,account_id,owner,amount,currency,created_at,stage',
  'D1,Alpha,A1,kim,"1.234,56",EUR,03/02/2025,Negotiation',
  'D2,Beta,A2,kim,"12,5",EUR,14/02/2025,Closed Won',
  'D3,Gamma,A3,lee,"2.000,00",EUR,20/02/2025,Lost',
  'D4,Delta,A4,lee,"100,00",USD,21/02/2025,On Hold',
  'D5,Epsilon,A5,lee,"3.500,00",EUR,22/02/2025,Won - Renewal',
  'D6,Zeta,A6,kim,"900,00",EUR,23/02/2025,Closed Won',
);
const HISTORY = lines(
  'deal_id,stage,entered_at',
  'D1,Negotiation,20/03/2025',
  'D1,Demo,10/02/2025',
  'D1,Discovery,03/02/2025',
  'D2,Closed Won,13/03/2025',
  'D2,Negotiation,01/03/2025',
  'D2,Demo,15/02/2025',
  'D2,Discovery,14/02/2025',
  'D3,Demo,20/02/2025',
  'D3,Discovery,25/02/2025',
  'D3,Lost,01/04/2025',
  'D4,Discovery,21/02/2025',
  'D4,On Hold,28/02/2025',
  'D5,Discovery,22/02/2025',
  'D5,Won - Renewal,30/03/2025',
  'D6,Discovery,23/02/2025',
  'D6,Closed Won,24/03/2025',
);

describe('suggestConfig on a canonical folder', () => {
  const { config, notes } = suggestConfig([file('deals.csv', DEALS), file('stage_history.csv', HISTORY)], { schema: '../pipeline.config.schema.json' });

  it('orders stages by the moves, parks on-hold, keeps one won stage, and reads the formats', () => {
    expect(config).toEqual({
      $schema: '../pipeline.config.schema.json',
      currency: 'EUR',
      timezone: 'UTC',
      locale: 'en',
      date_order: 'DMY',
      decimal: ',',
      stages: [
        { id: 'discovery', kind: 'open', label: { en: 'Discovery' } },
        { id: 'demo', kind: 'open', label: { en: 'Demo' } },
        { id: 'negotiation', kind: 'open', label: { en: 'Negotiation' } },
        { id: 'on_hold', kind: 'open', parked: true, label: { en: 'On Hold' } },
        // Closed Won: 4 rows; Won - Renewal: 2 rows, kept as an alias so its rows match.
        { id: 'closed_won', kind: 'won', label: { en: 'Closed Won' }, aliases: ['Won - Renewal'] },
        { id: 'lost', kind: 'lost', label: { en: 'Lost' } },
      ],
    });
    expect(() => parseConfig(config)).not.toThrow();
  });

  it('explains the guesses', () => {
    expect(notes).toContain('date_order "DMY": dates such as "14/02/2025" have a first part above 12, so it is the day');
    expect(notes).toContain('decimal ",": 6 amounts such as "1.234,56" are written with a decimal comma or dots between thousands');
    expect(notes.find((n) => n.startsWith('other currencies: USD (1 row).'))).toContain('"fx" is left out');
    expect(notes.find((n) => n.includes('all look won'))).toContain('"Closed Won" (the most used, 4 rows) is it');
    expect(notes).toContain('stage "Won - Renewal" (2 rows) -> an alias of "closed_won", won: guessed from its name');
    expect(notes.some((n) => n.startsWith('timezone "UTC" (the default)'))).toBe(true);
    expect(notes.some((n) => n.startsWith('no probabilities in the exports'))).toBe(true);
  });
});

describe('suggestConfig on a Salesforce Opportunity History report (registered adapter)', () => {
  // Newest row first, as Salesforce lists them; creation rows have no From Stage.
  const REPORT = lines(
    '"Opportunity Owner","Opportunity Name","Created Date","Last Modified","From Stage","To Stage","Amount","Opportunity Currency","Probability (%)","Close Date"',
    '"Ann Lee","Acme - Platform","1/6/2025","3/20/2025","Proposal/Price Quote","Closed Won","12,500.00","USD","100","3/31/2025"',
    '"Ann Lee","Acme - Platform","1/6/2025","2/14/2025","Qualification","Proposal/Price Quote","12,500.00","USD","60","3/31/2025"',
    '"Ann Lee","Acme - Platform","1/6/2025","1/10/2025","Prospecting","Qualification","12,500.00","USD","20","3/31/2025"',
    '"Ann Lee","Acme - Platform","1/6/2025","1/6/2025","","Prospecting","12,500.00","USD","10","3/31/2025"',
    '"Bo Kim","Globex - Rollout","1/13/2025","3/25/2025","Qualification","Closed Lost","8,000.50","USD","0","4/30/2025"',
    '"Bo Kim","Globex - Rollout","1/13/2025","3/1/2025","On Hold","Qualification","8,000.50","USD","30","4/30/2025"',
    '"Bo Kim","Globex - Rollout","1/13/2025","2/2/2025","Qualification","On Hold","8,000.50","USD","10","4/30/2025"',
    '"Bo Kim","Globex - Rollout","1/13/2025","1/15/2025","Prospecting","Qualification","8,000.50","USD","20","4/30/2025"',
    '"Bo Kim","Globex - Rollout","1/13/2025","1/13/2025","","Prospecting","8,000.50","USD","10","4/30/2025"',
    '"Ann Lee","Initech - Pilot","2/1/2025","4/13/2025","Qualification","Proposal/Price Quote","4,000.00","EUR","50","6/30/2025"',
    '"Ann Lee","Initech - Pilot","2/1/2025","2/3/2025","Prospecting","Qualification","4,000.00","EUR","20","6/30/2025"',
    '"Ann Lee","Initech - Pilot","2/1/2025","2/1/2025","","Prospecting","4,000.00","EUR","10","6/30/2025"',
  );

  it('gives stages in move order with the median probabilities, MDY dates and USD', () => {
    const { config, notes } = suggestConfig([file('Opportunity History report.csv', REPORT)]);
    expect(notes[0]).toBe('read as: Salesforce reports (--format salesforce-report): Opportunity History report.csv');
    expect(config).toMatchObject({ currency: 'USD', timezone: 'UTC', locale: 'en', date_order: 'MDY', decimal: '.' });
    expect(config.stages).toEqual([
      { id: 'prospecting', kind: 'open', probability: 0.1, label: { en: 'Prospecting' } },
      // Qualification rows: 20, 30, 20, 20 %.
      { id: 'qualification', kind: 'open', probability: 0.2, label: { en: 'Qualification' } },
      { id: 'proposal_price_quote', kind: 'open', probability: 0.55, label: { en: 'Proposal/Price Quote' } },
      { id: 'on_hold', kind: 'open', probability: 0.1, parked: true, label: { en: 'On Hold' } },
      { id: 'closed_won', kind: 'won', probability: 1, label: { en: 'Closed Won' } },
      { id: 'closed_lost', kind: 'lost', probability: 0, label: { en: 'Closed Lost' } },
    ]);
    // "Proposal/Price Quote" is clearly a proposal stage.
    expect(config.qualification_required_from).toBe('proposal_price_quote');
  });
});

/**
 * A made-up CRM: opps.csv (flags, probability in percent, ₩ amounts, +09:00
 * timestamps, Korean deal names), history.csv, and maybe a stage table the
 * adapter does not read (like Salesforce's OpportunityStage).
 */
const fakeAdapter: Adapter = {
  format: 'salesforce-api',
  name: 'Fake CRM',
  role: (names) => (!names.includes('oppid') ? null : names.includes('enteredat') ? 'history' : 'deals'),
  adapt(files): AdapterOutput {
    const deals = new CanonicalTable(['deal_id', 'deal_name', 'account_id', 'owner', 'amount', 'created_at', 'stage']);
    deals.sourceColumns.set('stage', 'StageName');
    for (const { table } of files.get('deals') ?? []) {
      const col = columnIndex(table.names);
      for (const r of table.records) {
        const cell = (name: string) => cellAt(r, col(name));
        deals.add({ deal_id: cell('oppid'), deal_name: cell('name'), account_id: cell('oppid'), owner: 'x', amount: cell('amount'), created_at: cell('createddate'), stage: cell('stagename') }, { file: table.file, line: r.line });
      }
    }
    const history = new StageHistoryTable();
    for (const { table } of files.get('history') ?? []) {
      for (const r of table.records) history.addCells([r.cells[0]!, r.cells[1]!, r.cells[2]!], table.file, r.line);
    }
    return { tables: { 'deals.csv': deals, 'stage_history.csv': history }, issues: [], dropped: [], notRows: [], limitations: [] };
  },
};

const OPPS = lines(
  'OppId,Name,StageName,Amount,IsClosed,IsWon,Probability,CreatedDate',
  'O1,하나 상사 구축,Signed,"₩1,000,000",true,true,100,2025-03-01T10:00:00+09:00',
  'O2,두리 물산 갱신,Signed,"₩2,000,000",true,true,100,2025-03-02T10:00:00+09:00',
  'O3,세모 전자 도입,Dropped,"₩500,000",true,false,0,2025-03-03T10:00:00+09:00',
  'O4,네모 건설 확장,Tech Review,"₩700,000",false,false,40,2025-03-04T10:00:00+09:00',
  'O5,다섯 유통 시범,Intro,"₩300,000",false,false,10,2025-03-05T10:00:00+09:00',
  'O6,여섯 제약 구축,Intro,"₩300,000",false,false,20,2025-03-06T10:00:00+09:00',
);
const OPP_HISTORY = lines(
  'OppId,StageName,EnteredAt',
  'O1,Signed,2025-03-20T10:00:00+09:00',
  'O1,Tech Review,2025-03-10T10:00:00+09:00',
  'O1,Intro,2025-03-01T10:00:00+09:00',
  'O2,Intro,2025-03-02T10:00:00+09:00',
  'O2,Tech Review,2025-03-12T10:00:00+09:00',
  'O2,Signed,2025-03-22T10:00:00+09:00',
  'O3,Intro,2025-03-03T10:00:00+09:00',
  'O3,Dropped,2025-03-13T10:00:00+09:00',
  'O4,Intro,2025-03-04T10:00:00+09:00',
  'O4,Tech Review,2025-03-14T10:00:00+09:00',
);

describe('suggestConfig: names that read alike', () => {
  it('never gives a stage an id that reads as another stage\'s name, so the config is valid and each name keeps its stage', () => {
    const deals = lines('deal_id,account_id,owner,amount,created_at,stage', 'D1,A1,Kim,100,2026-01-01,A B', 'D2,A1,Kim,100,2026-01-02,a_b', 'D3,A1,Kim,100,2026-01-03,won', 'D4,A1,Kim,100,2026-01-03,lost');
    const { config } = suggestConfig([file('deals.csv', deals), file('stage_history.csv', 'deal_id,stage,entered_at\n')]);
    expect(config.stages.map((s) => `${s.id}:${s.label.en}`)).toEqual(['a_b_2:A B', 'a_b:a_b', 'won:won', 'lost:lost']);
    const lookup = stageLookup(parseConfig(config));
    expect(['A B', 'a_b'].map((name) => lookup.get(normalizeStageName(name))?.id)).toEqual(['a_b_2', 'a_b']);
  });
});

describe('suggestConfig: any stage names (property)', () => {
  it('gives a config the metrics accept, under which every name of the data finds its own stage', () => {
    // Names from a small alphabet, so that case, spaces and underscores make them collide often.
    const name = fc.stringMatching(/^[AaBb _1]{1,5}$/u).filter((n) => n.trim() !== '' && !n.includes(','));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), (names) => {
        const rows = names.map((n, i) => `D${i},A1,Kim,100,2026-01-0${(i % 9) + 1},${n}`);
        const { config } = suggestConfig([file('deals.csv', lines('deal_id,account_id,owner,amount,created_at,stage', ...rows)), file('stage_history.csv', 'deal_id,stage,entered_at\n')]);
        const lookup = stageLookup(parseConfig(config));
        for (const n of names) expect(lookup.has(normalizeStageName(n)), n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('suggestConfig when the date order cannot be told', () => {
  it('still names every stage of a Salesforce history report, and leaves date_order to the user with a WARNING', () => {
    const report = lines(
      '"Opportunity Owner","Opportunity Name","Opportunity ID","Created Date","Last Modified","From Stage","To Stage","Amount","Close Date"',
      '"Jane Doe","Acme","006A","1/5/2026","1/5/2026","","Prospecting","12,000.00","3/10/2026"',
      '"Jane Doe","Acme","006A","1/5/2026","2/1/2026","Prospecting","Closed Won","12,000.00","2/1/2026"',
      '"John Roe","Beta","006B","2/10/2026","2/10/2026","","Prospecting","5,000.00","6/12/2026"',
    );
    const { config, notes } = suggestConfig([file('report1.csv', report)]);
    expect(config.date_order).toBe('YMD');
    expect(notes.some((n) => n.startsWith('WARNING: date_order left at "YMD"'))).toBe(true);
    expect(config.stages.map((s) => `${s.id}:${s.kind}:${s.label.en}`)).toEqual(['prospecting:open:Prospecting', 'closed_won:won:Closed Won', 'lost:lost:Lost']);
  });
});

describe('suggestConfig with an adapter whose export has closed/won flags', () => {
  it('takes kinds from the flags, probabilities as medians of the percent column, ₩, +09:00 and Hangul', () => {
    const { config, notes } = suggestConfig([file('opps.csv', OPPS), file('history.csv', OPP_HISTORY)], { adapters: [fakeAdapter] });
    expect(config).toEqual({
      currency: 'KRW',
      timezone: 'Asia/Seoul',
      locale: 'ko',
      date_order: 'YMD',
      decimal: '.',
      stages: [
        { id: 'intro', kind: 'open', probability: 0.15, label: { en: 'Intro' } },
        { id: 'tech_review', kind: 'open', probability: 0.4, label: { en: 'Tech Review' } },
        // Neither name looks closed: the IsClosed/IsWon flags say so.
        { id: 'signed', kind: 'won', probability: 1, label: { en: 'Signed' } },
        { id: 'dropped', kind: 'lost', probability: 0, label: { en: 'Dropped' } },
      ],
    });
    expect(notes).toContain('stage "Signed" (4 rows) -> id "signed", won: so say "isclosed"/"iswon" for 2 of its 2 deals, probability 1: the median of 2 values of "probability"');
    expect(notes).toContain('currency "KRW": 6 deal rows show the symbol "₩"');
  });

  it('follows a stage table\'s sort order, kinds and default probabilities when the export has one', () => {
    const STAGE_TABLE = lines(
      'Id,MasterLabel,ApiName,SortOrder,IsClosed,IsWon,DefaultProbability',
      '01J1,Tech Review,Tech Review,2,false,false,50',
      '01J2,Intro,Intro,1,false,false,10',
      '01J3,Signed,Signed,3,true,true,100',
      '01J4,Dropped,Dropped,4,true,false,0',
    );
    // No history: nothing moves, and the deals list "Signed" and "Tech Review" before "Intro".
    const { config, notes } = suggestConfig([file('opps.csv', OPPS), file('OpportunityStage.csv', STAGE_TABLE)], { adapters: [fakeAdapter] });
    expect(config.stages).toEqual([
      { id: 'intro', kind: 'open', probability: 0.1, label: { en: 'Intro' } },
      { id: 'tech_review', kind: 'open', probability: 0.5, label: { en: 'Tech Review' } },
      { id: 'signed', kind: 'won', probability: 1, label: { en: 'Signed' } },
      { id: 'dropped', kind: 'lost', probability: 0, label: { en: 'Dropped' } },
    ]);
    expect(notes).toContain('order of the open stages: the sort order of the stage table in the export');
    expect(notes[0]).toBe('read as: Fake CRM (--format salesforce-api): opps.csv; not read by it: OpportunityStage.csv');
  });

  it('orders open stages no move orders by their probability, and warns', () => {
    // No history: "Tech Review" (40 %) is listed before "Intro" (10 %, 20 %).
    const { config, notes } = suggestConfig([file('opps.csv', OPPS)], { adapters: [fakeAdapter] });
    expect(config.stages.map((s) => s.id)).toEqual(['intro', 'tech_review', 'signed', 'dropped']);
    expect(notes).toContain('WARNING: order of the open stages: no deal moved between them, so they are by their probability: check it');
  });

  it('adds the stage names an adapter only emits under the suggested config, and checks again', () => {
    // Names this adapter writes depend on the config (as a snapshot series compares stages by it).
    const moody: Adapter = {
      ...fakeAdapter,
      adapt(files, options) {
        const output = fakeAdapter.adapt(files, options);
        if (!options.config.stages.some((s) => s.id === 'prospect')) output.tables['deals.csv']!.add({ deal_id: 'O9', account_id: 'O9', owner: 'x', created_at: '2025-03-09', stage: 'Parked Later' }, { file: 'opps.csv', line: 2 });
        return output;
      },
    };
    const { config } = suggestConfig([file('opps.csv', OPPS), file('history.csv', OPP_HISTORY)], { adapters: [moody] });
    expect(config.stages.map((s) => s.id)).toEqual(['intro', 'tech_review', 'parked_later', 'signed', 'dropped']);
  });

  it('fails as the metrics would when no file is an export', () => {
    expect(() => suggestConfig([file('notes.csv', 'a,b\n1,2\n')], { adapters: [fakeAdapter] })).toThrow(IngestFatalError);
  });
});

describe('orderByMoves', () => {
  it('orders by the majority direction of consecutive moves, ties by first appearance', () => {
    const result = orderByMoves(
      [
        ['c', 'a', 'b'],
        ['a', 'b', 'c'],
        ['a', 'c'],
        ['b', 'c'],
      ],
      ['c', 'a', 'b', 'x'],
    );
    // a->b 2, b->c 2, a->c 1, c->a 1 (a tie: no precedence); x never moves, so it goes where it is first free: last, as seen last.
    expect(result.order).toEqual(['a', 'b', 'c', 'x']);
    expect(result.moves).toBe(6);
    expect(result.ties).toEqual([['c', 'a']]);
    expect(result.cyclic).toBe(false);
  });

  it('skips stages it does not order and breaks a cycle where fewest moves enter', () => {
    expect(orderByMoves([['a', 'hold', 'b']], ['a', 'b']).order).toEqual(['a', 'b']);
    const cycle = orderByMoves([['a', 'b'], ['a', 'b'], ['b', 'c'], ['c', 'a']], ['b', 'c', 'a']);
    expect(cycle.order).toEqual(['a', 'b', 'c']);
    expect(cycle.cyclic).toBe(true);
  });
});

describe('format guesses', () => {
  it('date_order: a part above 12 decides; otherwise the default with a warning', () => {
    expect(guessDateOrder(['2025-01-02', '3/4/2025', '30.06.2025']).value).toBe('DMY');
    expect(guessDateOrder(['06/30/2025 2:03 PM', '1/2/2025']).value).toBe('MDY');
    const ambiguous = guessDateOrder(['03/04/2025', '1/2/25']);
    expect(ambiguous.value).toBe('YMD');
    expect(ambiguous.notes[0]).toMatch(/^WARNING: date_order left at "YMD".*"03\/04\/2025"/u);
    // The exports are still read meanwhile, month first, for their stage names.
    expect(ambiguous.reading).toBe('MDY');
    expect(guessDateOrder(['31/05/2025']).reading).toBeUndefined();
    expect(guessDateOrder(['2025/06/30', '2025-06-30T10:00:00Z']).value).toBe('YMD');
  });

  it('decimal: comma when 1.234,56-style amounts dominate', () => {
    expect(guessDecimal(['1.234,56', '12,5', '€ 3.000.000', '1,234']).value).toBe(',');
    expect(guessDecimal(['1,234.56', '12.5', '1.234,56']).value).toBe('.');
    expect(guessDecimal(['￦12,000,000', '₩3,500,000']).notes).toEqual(['decimal ".": 2 amounts such as "￦12,000,000" are written with a decimal point or commas between thousands']);
    expect(guessDecimal(['1.234,5']).notes).toEqual(['decimal ",": 1 amount such as "1.234,5" is written with a decimal comma or dots between thousands']);
    // Swiss amounts (apostrophes between thousands) settle the decimal point, beside amounts that alone would not.
    expect(guessDecimal(['1’234.50', '12.000', '5.000']).value).toBe('.');
    expect(guessDecimal(["1'234.50"]).notes).toEqual(['decimal ".": 1 amount such as "1\'234.50" is written with a decimal point or commas between thousands']);
    // One dot and three digits, and nothing else to tell by: thousands, as a European export writes them, with a WARNING.
    const europe = guessDecimal(['12.000', '5.000', '2.500', '750', '€1.500']);
    expect(europe.value).toBe(',');
    expect(europe.notes).toEqual([
      'WARNING: decimal ",": 4 amounts such as "12.000" have one dot and three digits after it, and no amount shows which mark is the decimal one: ' +
        'the dot is read as a thousands separator, as European exports write amounts ("12.000" as 12000). If they are amounts with three decimals, set "decimal" to "."',
    ]);
    // Anything that settles it wins; `12,000` beside `12.000` settles nothing: the default, as before.
    expect(guessDecimal(['12.000', '12.5']).value).toBe('.');
    expect(guessDecimal(['12.000', '1.234,5']).value).toBe(',');
    expect(guessDecimal(['12.000', '12,000']).value).toBe('.');
    expect(guessDecimal(['0.125', '750']).value).toBe('.');
    expect(guessDecimal(['1000', '1,234']).value).toBe('.');
  });

  it('decimal: comma for French amounts, thousands spaced (a no-break space too) and a decimal comma, which the metrics read only so', () => {
    expect(guessDecimal(['24 000,00', '1\u00a0500,5 €', '3\u202f000\u202f000,00']).notes).toEqual([
      'decimal ",": 3 amounts such as "24 000,00" are written with a decimal comma or dots between thousands',
    ]);
    // Spaced thousands with a decimal point are the other reading; a spaced whole number settles nothing.
    expect(guessDecimal(['24 000.00', '24 000,00', '1 500.5']).value).toBe('.');
    expect(guessDecimal(['24 000']).notes).toEqual(['decimal "." (the default): no amount shows its decimal mark']);
    // What the guess says is what parseMoney reads.
    expect(parseMoney('24 000,00', { decimal: ',' })).toMatchObject({ value: 24000 });
    expect(parseMoney('1 500.5', { decimal: '.' })).toMatchObject({ value: 1500.5 });
  });

  it('currency: the most frequent code or symbol; other codes ask for fx, never invent it', () => {
    const g = guessCurrency(
      [
        { currency: 'usd', amount: '10' },
        { currency: '', amount: 'USD 20' },
        { currency: '', amount: '30 EUR' },
        { currency: '', amount: '€40' },
        { currency: '', amount: '50' },
      ],
      'KRW',
    );
    expect(g.value).toBe('USD');
    expect(g.others).toEqual(['EUR']);
    expect(g.notes[1]).toContain('add "fx": { "EUR": <rate of 1 EUR in USD> } with real rates');
    expect(guessCurrency([{ currency: '', amount: '1,000원' }, { currency: '', amount: '£5' }, { currency: '', amount: '￦2,000' }], 'KRW').value).toBe('KRW');
    expect(guessCurrency([{ currency: '', amount: '1,000円' }, { currency: '', amount: '2,000円' }], 'KRW').value).toBe('JPY');
    expect(guessCurrency([{ currency: '', amount: '5' }], 'KRW').notes[0]).toMatch(/^currency "KRW" \(the default\)/u);
    // A symbol alone: read as the currency guessed when it may be one (`$` in CAD), else its rows are rejected (currency_mismatch).
    const cad = [{ currency: 'CAD', amount: '10' }, { currency: 'CAD', amount: '20' }];
    expect(guessCurrency([...cad, { currency: '', amount: '$5' }], 'KRW').notes.slice(1)).toEqual([
      'some amounts show other currency symbols: "$" USD? (1 row); without a currency column they are read as CAD: check them',
    ]);
    expect(guessCurrency([...cad, { currency: '', amount: '€5' }, { currency: '', amount: '€6' }], 'KRW').notes.slice(1)).toEqual([
      'some amounts show symbols of other currencies than CAD: "€" EUR? (2 rows); without a currency column those rows are rejected (currency_mismatch): export the currency column with the deals',
    ]);
  });

  it('timezone: a zone for the offsets seen, said to be a guess', () => {
    expect(guessTimezone(['2025-06-30T10:00:00+09:00'], 'KRW').value).toBe('Asia/Seoul');
    expect(guessTimezone(['2025-06-30T10:00:00+09:00'], 'JPY').value).toBe('Asia/Tokyo');
    expect(guessTimezone(['2025-01-30T10:00:00-05:00', '2025-06-30 10:00 -0400'], 'USD').value).toBe('America/New_York');
    expect(guessTimezone(['2025-06-30T10:00:00+03:00'], 'USD').value).toBe('Etc/GMT-3');
    // The Korean locale's times (a Salesforce report), without offsets: Korea's one zone.
    expect(guessTimezone(['Acme', '2025. 6. 30. 오후 2:03'], 'KRW')).toEqual({
      value: 'Asia/Seoul',
      notes: ['timezone "Asia/Seoul" is a guess: times are written with 오전/오후 (such as "2025. 6. 30. 오후 2:03") and carry no UTC offset; correct it if your CRM\'s time zone differs'],
    });
    expect(guessTimezone(['오후 회의', '2025. 6. 30.'], 'KRW').value).toBe('UTC');
    expect(guessTimezone(['2025-06-30T10:00:00Z'], 'USD').value).toBe('UTC');
    expect(guessTimezone(['2025-06-30 10:00'], 'USD').notes[0]).toMatch(/no timestamp carries a UTC offset/u);
    expect(guessTimezone(['2025-06-30T10:00:00+09:00'], 'KRW').notes[0]).toMatch(/is a guess/u);
    // Names mostly in Korean and no offset anywhere (a HubSpot export writes its account's local times): Korea's one zone.
    expect(guessTimezone(['2025-06-30 10:00'], 'KRW', true)).toEqual({
      value: 'Asia/Seoul',
      notes: [
        'timezone "Asia/Seoul" is a guess: no timestamp carries a UTC offset and most stage or deal names are in Korean; correct it if your CRM\'s time zone differs (dates and times without offset are read in it, and days start at its midnight)',
      ],
    });
    // Offsets, where there are any, decide.
    expect(guessTimezone(['2025-01-30T10:00:00-05:00', '2025-06-30 10:00 -0400'], 'KRW', true).value).toBe('America/New_York');
    expect(guessTimezone(['2025-06-30T10:00:00Z'], 'KRW', true).value).toBe('UTC');
  });

  it('locale: ko when most stage or deal names are Hangul', () => {
    expect(guessLocale(['가망 고객', '제안', 'Won'], []).value).toBe('ko');
    expect(guessLocale(['Prospect', 'Won'], ['하나 상사', 'Acme', '두리 물산']).value).toBe('ko');
    expect(guessLocale(['Prospect', 'Won'], ['Acme']).value).toBe('en');
  });
});

describe('suggestStages', () => {
  const evidence = (over: Partial<StageEvidence>): StageEvidence => ({ deals: [], history: [], definitions: new Map(), voteColumns: 'flags', probabilityColumns: 'p', ...over });

  it('adds a won and a lost stage when no name is one, and says so', () => {
    const { stages, notes } = suggestStages(
      evidence({
        deals: [
          { deal: '1', stage: '초기 상담', vote: null, probability: null },
          { deal: '2', stage: '견적 제출', vote: null, probability: null },
        ],
      }),
    );
    // Korean names: romanized ids, and the name as the Korean label.
    expect(stages).toEqual([
      { id: 'chogi_sangdam', kind: 'open', label: { ko: '초기 상담' } },
      { id: 'gyeonjeok_jechul', kind: 'open', label: { ko: '견적 제출' } },
      { id: 'won', kind: 'won', label: { en: 'Won' } },
      { id: 'lost', kind: 'lost', label: { en: 'Lost' } },
    ]);
    expect(notes.filter((n) => n.startsWith('WARNING: no stage name looks'))).toHaveLength(2);
    // 견적 (quote) is a proposal stage.
    expect(suggestStages(evidence({ deals: [{ deal: '2', stage: '견적 제출', vote: null, probability: null }] })).qualificationFrom).toBe('gyeonjeok_jechul');
  });

  it('names a Korean stage by its romanized name, and keeps the name as its Korean label', () => {
    const { stages } = suggestStages(
      evidence({
        deals: [
          { deal: '1', stage: '가망 고객', vote: null, probability: null },
          { deal: '2', stage: 'CNC 견적', vote: null, probability: null },
          { deal: '3', stage: '수주', vote: null, probability: null },
          { deal: '4', stage: '실주', vote: null, probability: null },
          { deal: '5', stage: '보류', vote: null, probability: null },
        ],
      }),
    );
    expect(stages).toEqual([
      { id: 'gamang_gogaek', kind: 'open', label: { ko: '가망 고객' } },
      { id: 'cnc_gyeonjeok', kind: 'open', label: { ko: 'CNC 견적' } },
      { id: 'boryu', kind: 'open', parked: true, label: { ko: '보류' } },
      { id: 'suju', kind: 'won', label: { ko: '수주' } },
      { id: 'silju', kind: 'lost', label: { ko: '실주' } },
    ]);
  });

  it('lets the flags overrule the name, and a tie of flags fall back to it', () => {
    const { stages } = suggestStages(
      evidence({
        deals: [
          { deal: '1', stage: 'Won back', vote: 'open', probability: null },
          { deal: '2', stage: 'Closed', vote: 'won', probability: null },
          { deal: '3', stage: 'Closed', vote: 'won', probability: null },
          { deal: '4', stage: 'Closed Lost', vote: 'lost', probability: null },
          { deal: '5', stage: 'Closed Lost', vote: 'won', probability: null },
        ],
      }),
    );
    expect(stages.map((s) => [s.label.en, s.kind])).toEqual([
      ['Won back', 'open'],
      ['Closed', 'won'],
      ['Closed Lost', 'lost'],
    ]);
  });
});

describe('npm run init (in-process)', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let io: InitIo;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipescope-init-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'deals.csv'), DEALS);
    writeFileSync(join(dir, 'data', 'stage_history.csv'), HISTORY);
    out = [];
    err = [];
    io = { ...nodeIo(), stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, schemaFile: join(dir, 'pipeline.config.schema.json') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const configPath = () => join(dir, 'data', 'pipeline.config.json');

  it('writes the suggestion into the folder, with the reasons on stderr, and the metrics read it', async () => {
    expect(await main(['--data', join(dir, 'data')], io)).toBe(0);
    const text = readFileSync(configPath(), 'utf8');
    expect(text).toContain('"$schema": "../pipeline.config.schema.json"');
    expect(text).toContain('\n    {"id":"discovery","kind":"open","label":{"en":"Discovery"}},\n');
    expect(parseConfigText(text).stages.map((s) => s.id)).toEqual(['discovery', 'demo', 'negotiation', 'on_hold', 'closed_won', 'lost']);
    const comments = err.join('').trimEnd().split('\n');
    expect(comments.every((l) => l.startsWith('# '))).toBe(true);
    expect(comments.at(-1)).toBe(`# wrote ${configPath()}`);
    expect(out).toEqual([]);
    // No unmatched-stage fatal error: every row's stage matches.
    const { dataset } = await readFolder(join(dir, 'data'));
    expect(dataset.issues.filter((i) => i.code === 'missing_fx_rate')).toHaveLength(1);
    expect(dataset.deals.length).toBe(5);
  });

  it('suggests from the exports beside an Excel lock file, and says what that file is', async () => {
    writeFileSync(join(dir, 'data', '~$deals.csv'), Buffer.alloc(165));
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], io)).toBe(0);
    expect(err.join('')).toContain(
      "# WARNING: ~$deals.csv: not read: an Office lock file, which Excel keeps beside a file while it has it open (named ~$ and that file's name), not data; a file open in Excel may hold changes not saved yet\n",
    );
    expect(parseConfigText(out.join('')).stages.map((s) => s.id)).toEqual(['discovery', 'demo', 'negotiation', 'on_hold', 'closed_won', 'lost']);
  });

  it('refuses to overwrite an existing config unless --force', async () => {
    writeFileSync(configPath(), '{"currency": "USD"}\n');
    expect(await main(['--data', join(dir, 'data')], io)).toBe(1);
    expect(err.join('')).toContain('already exists; not overwritten');
    expect(readFileSync(configPath(), 'utf8')).toBe('{"currency": "USD"}\n');
    expect(await main(['--data', join(dir, 'data'), '--force'], io)).toBe(0);
    expect(parseConfigText(readFileSync(configPath(), 'utf8')).currency).toBe('EUR');
  });

  it('never writes over a file of the data folder other than its config, even with --force', async () => {
    const deals = join(dir, 'data', 'deals.csv');
    const before = readFileSync(deals, 'utf8');
    for (const argv of [['--out', deals], ['--out', deals, '--force'], ['--out', join(dir, 'data', 'notes.txt'), '--force']]) {
      err.length = 0;
      expect(await main(['--data', join(dir, 'data'), ...argv], io)).toBe(2);
      expect(err.join('')).toMatch(/^init: --out .+ is a file of the data folder, not its config; write the suggestion to .+pipeline\.config\.json \(the default\) or outside the folder\nusage: /u);
    }
    expect(readFileSync(deals, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(['deals.csv', 'stage_history.csv']);
    // Outside the folder, or the config by another spelling of its path: written.
    expect(await main(['--data', join(dir, 'data'), '--out', join(dir, 'suggested.json')], io)).toBe(0);
    expect(await main(['--data', join(dir, 'data'), '--out', join(dir, 'data', '.', 'pipeline.config.json')], io)).toBe(0);
  });

  it('--out a folder: exit 2 naming the file to give instead, with --force too (it said to rerun with --force, which failed on EISDIR)', async () => {
    const folder = join(dir, 'configs');
    mkdirSync(folder);
    for (const argv of [['--out', folder], ['--out', folder, '--force'], ['--out', folder, '--lang', 'ko']]) {
      err.length = 0;
      expect(await main(['--data', join(dir, 'data'), ...argv], io)).toBe(2);
      const file = join(folder, 'pipeline.config.json');
      expect(err.join('').split('\n')[0]).toBe(argv.includes('ko') ? `init: --out ${folder}: 폴더입니다. ${file}처럼 쓸 파일을 주세요` : `init: --out ${folder} is a folder; give the file to write, such as ${file}`);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reports an output it cannot write in a line (exit 1), never with a stack', async () => {
    symlinkSync(join(dir, 'nothing.json'), join(dir, 'link.json'));
    expect(await main(['--data', join(dir, 'data'), '--out', join(dir, 'link.json'), '--force'], io)).toBe(1);
    expect(err.join('')).toMatch(/^init: cannot write .+link\.json: it is a symbolic link to a file that does not exist; give the path of the file itself \(EDANGLING\)\n$/u);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
  });

  it('names a file the system will not let it read in a line (exit 1), never with a stack', async () => {
    // As for a user without read permission (chmod 000), which root, running the tests, always has.
    const refused = join(dir, 'data', 'deals.csv');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${refused}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: refused });
    const fs = { ...io.fs, readFile: (path: string) => (path === refused ? (() => { throw denied; })() : io.fs.readFile(path)) };
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], { ...io, fs })).toBe(1);
    expect(err.join('')).toBe(`init: cannot read the data: EACCES: permission denied, open '${refused}'\n`);
    expect(out).toEqual([]);
    err.length = 0;
    expect(await main(['--data', join(dir, 'data'), '--out', '-', '--lang', 'ko'], { ...io, fs })).toBe(1);
    expect(err.join('')).toBe(`init: 데이터를 읽을 수 없습니다: EACCES: permission denied, open '${refused}'\n`);
  });

  it('warns of a stray CSV file of a canonical folder it may not read, as the metrics do, and suggests from the canonical files (it stopped)', async () => {
    const data = join(dir, 'data');
    expect(await main(['--data', data, '--out', '-'], io)).toBe(0);
    const alone = out.join('');
    // As for a user without read permission (chmod 000), which root, running the tests, always has.
    const refused = join(data, 'notes.csv');
    writeFileSync(refused, 'note,when\nx,03/04/2025\n');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${refused}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: refused });
    const fs = { ...io.fs, readFile: (path: string) => (path === refused ? (() => { throw denied; })() : io.fs.readFile(path)) };
    for (const lang of ['en', 'ko'] as const) {
      out.length = 0;
      err.length = 0;
      expect(await main(['--data', data, '--out', '-', '--lang', lang], { ...io, fs })).toBe(0);
      expect(out.join('')).toBe(alone);
      const { dataset } = await readFolder(data);
      const said = dataset.issues.filter((i) => i.file === 'notes.csv');
      expect(said.map((i) => i.code)).toEqual(['file_not_read']);
      expect(err.join('').split('\n')[0]).toBe(`# ${lang === 'en' ? 'WARNING' : '경고'}: notes.csv: ${issueMessage(said[0]!, lang)}`);
    }
  });

  it('guesses from the files the metrics read alone: a stray CSV of a canonical folder does not move the date order', async () => {
    const data = join(dir, 'data');
    expect(await main(['--data', data, '--out', '-'], io)).toBe(0);
    const alone = out.join('');
    out.length = 0;
    err.length = 0;
    writeFileSync(join(data, 'notes.csv'), 'note,when\nx,03/04/2025\ny,04/05/2025\n');
    expect(await main(['--data', data, '--out', '-'], io)).toBe(0);
    expect(out.join('')).toBe(alone);
    expect(err.join('')).not.toContain('03/04/2025');
    expect(err.join('')).toContain('# WARNING: notes.csv: not read: a folder with deals.csv is read as the canonical files');
  });

  it('names a symbolic link that leads round in a loop as a link to nothing, and suggests from the rest', async () => {
    symlinkSync('loop-b.csv', join(dir, 'data', 'loop-a.csv'));
    symlinkSync('loop-a.csv', join(dir, 'data', 'loop-b.csv'));
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], io)).toBe(0);
    const notes = err.join('');
    for (const name of ['loop-a.csv', 'loop-b.csv']) {
      expect(notes).toContain(`# WARNING: ${name}: named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read\n`);
    }
    expect(parseConfigText(out.join('')).stages.map((s) => s.id)).toEqual(['discovery', 'demo', 'negotiation', 'on_hold', 'closed_won', 'lost']);
  });

  it('--out - prints the suggestion and leaves the folder alone', async () => {
    writeFileSync(configPath(), '{}\n');
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], io)).toBe(0);
    expect(parseConfigText(out.join('')).date_order).toBe('DMY');
    expect(readFileSync(configPath(), 'utf8')).toBe('{}\n');
    expect(err.join('')).toMatch(/^# read as: canonical folder/u);
  });

  it('names a spreadsheet workbook it did not read, first among the notes', async () => {
    writeFileSync(join(dir, 'data', 'Opportunities.xlsx'), 'PK');
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], io)).toBe(0);
    expect(err.join('')).toMatch(/^# WARNING: Opportunities\.xlsx: a spreadsheet workbook, not a CSV file: not read\. .*\n# read as: canonical folder/u);
  });

  it('suggests from an XLSX export as from its CSV, and names one that cannot be read', async () => {
    const folder = join(dir, 'workbook');
    cpSync(join(EXPORTS, 'salesforce-history-report', 'data'), folder, { recursive: true });
    rmSync(join(folder, 'pipeline.config.json'));
    expect(await main(['--data', folder, '--out', '-'], io)).toBe(0);
    const fromCsv = out.join('');
    out.length = 0;
    err.length = 0;
    rmSync(join(folder, 'Opportunity History - FY25 report.csv'));
    cpSync(join(EXPORTS, '..', 'ingest-workbooks', 'salesforce-history-report', 'Opportunity History - FY25 report.xlsx'), join(folder, 'Opportunity History - FY25 report.xlsx'));
    writeFileSync(join(folder, 'Pipeline.xlsx'), 'PK');
    expect(await main(['--data', folder, '--out', '-'], io)).toBe(0);
    // The workbook's dates are ISO: the date order is not guessed from them, the rest of the suggestion is the CSV's.
    expect({ ...parseConfigText(out.join('')), date_order: 'MDY' }).toEqual(parseConfigText(fromCsv));
    expect(err.join('')).toMatch(/^# WARNING: Pipeline\.xlsx: an Excel workbook that cannot be read: the file is cut off or not a ZIP file \(no end of its directory\)\. .*\n# read as: Salesforce reports \(--format salesforce-report\): Opportunity History - FY25 report\.xlsx\n/u);
  });

  it('suggests from the exports in a ZIP archive, naming what else it holds', async () => {
    const folder = join(dir, 'zipped-export');
    mkdirSync(folder);
    const loader = join(EXPORTS, 'salesforce-data-loader', 'data');
    const entry = (name: string) => ({ name, text: '', bytes: readFileSync(join(loader, name)) });
    writeFileSync(join(folder, 'WE_00D_1.zip'), makeZip([entry('Opportunity.csv'), entry('OpportunityHistory.csv'), entry('User.csv'), { name: 'Lead.csv', text: 'ID,COMPANY\n1,Acme\n' }, { name: 'logo.png', text: 'x' }]));
    expect(await main(['--data', folder, '--out', '-'], io)).toBe(0);
    const notes = err.join('').split('\n');
    expect(notes.slice(0, 3)).toEqual([
      '# WARNING: WE_00D_1.zip: 1 of its files is not read: "logo.png"',
      '# read as: Salesforce Data Loader exports (--format salesforce-api): WE_00D_1.zip/Opportunity.csv, WE_00D_1.zip/OpportunityHistory.csv, WE_00D_1.zip/User.csv; not read by it: WE_00D_1.zip/Lead.csv',
      '# currency "MXN": 3 deal rows carry its code',
    ]);
  });

  it('names the first ten files a full export holds that it does not read, then how many more, in English and Korean', async () => {
    const folder = join(dir, 'full-export');
    mkdirSync(folder);
    const loader = join(EXPORTS, 'salesforce-data-loader', 'data');
    const objects = Array.from({ length: 12 }, (_, k) => ({ name: `Object${String(k).padStart(2, '0')}.csv`, text: 'ID,NAME\n1,x\n' }));
    writeFileSync(join(folder, 'WE_00D_1.zip'), makeZip([{ name: 'Opportunity.csv', text: '', bytes: readFileSync(join(loader, 'Opportunity.csv')) }, ...objects]));
    expect(await main(['--data', folder, '--out', '-'], io)).toBe(0);
    const first = (lines: string) => lines.split('\n').find((l) => l.includes('--format salesforce-api'))!;
    const listed = objects.slice(0, 10).map((o) => `WE_00D_1.zip/${o.name}`).join(', ');
    expect(first(err.join(''))).toBe(`# read as: Salesforce Data Loader exports (--format salesforce-api): WE_00D_1.zip/Opportunity.csv; not read by it: ${listed} and 2 more`);
    err.length = 0;
    expect(await main(['--data', folder, '--out', '-', '--lang', 'ko'], io)).toBe(0);
    expect(first(err.join(''))).toBe(`# Salesforce Data Loader 내보내기로 읽었습니다(--format salesforce-api): WE_00D_1.zip/Opportunity.csv. 이 형식으로 읽지 않은 파일: ${listed} 외 2개`);
  });

  it('names a ZIP archive it did not read, as an archive, first among the notes', async () => {
    writeFileSync(join(dir, 'data', 'hubspot-export.zip'), 'PK\u0003\u0004');
    expect(await main(['--data', join(dir, 'data'), '--out', '-'], io)).toBe(0);
    expect(err.join('')).toMatch(/^# WARNING: hubspot-export\.zip: a ZIP archive, not a CSV file: not read\. Extract it .*\n# read as: canonical folder/u);
  });

  it('names a workbook saved under a .csv name beside vendor exports as a workbook, and suggests from the exports', async () => {
    const folder = join(dir, 'renamed');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    rmSync(join(folder, 'pipeline.config.json'));
    // An XLSX's first entry: a ZIP local header (PK 03 04, ..., name length 19 at byte 26), then its name.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(19, 26);
    writeFileSync(join(folder, 'Deals report.csv'), Buffer.concat([header, Buffer.from('[Content_Types].xml')]));
    expect(await main(['--data', folder, '--out', '-'], io)).toBe(0);
    expect(err.join('')).toMatch(/^# WARNING: Deals report\.csv: a spreadsheet workbook, not a CSV file: not read\. .*\n# read as: Pipedrive deals export/u);
  });

  it('reports bad arguments and unreadable folders', async () => {
    expect(await main([], io)).toBe(2);
    expect(err.join('')).toContain('--data <folder> is required');
    expect(await main(['--data', join(dir, 'nope')], io)).toBe(1);
    expect(await main(['--data', join(dir, 'data'), '--format', 'nosuch'], io)).toBe(1);
    writeFileSync(join(dir, 'data', 'deals.csv'), '\uFEFF');
    err.length = 0;
    expect(await main(['--data', join(dir, 'data')], io)).toBe(1);
    expect(err.join('')).toBe('init: deals.csv: the file is empty (not even a header row)\n');
    rmSync(join(dir, 'data', 'stage_history.csv'));
    err.length = 0;
    expect(await main(['--data', join(dir, 'data')], io)).toBe(1);
    expect(err.join('')).toBe('init: stage_history.csv: required file is missing\n');
  });
});
