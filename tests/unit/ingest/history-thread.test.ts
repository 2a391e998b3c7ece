/**
 * stage_history.csv read on a worker thread while deals.csv is read
 * (history-thread.ts, history-prepass.ts) gives exactly the Dataset a reading
 * on one thread gives: the same rows, candidates, counts, hashes and issues,
 * on random messy files (unknown, rejected and empty deal ids, unknown stages,
 * bad dates, malformed CSV, ragged rows, a Windows-1252 line) and when the
 * file has a problem that stops ingest. The size threshold is lowered so that
 * small files take the thread.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/lib/ingest/config.ts';
import { type FieldHistoryOn, prestartHistoryWorker, startHistoryThread } from '../../../src/lib/ingest/history-thread.ts';
import type { HistoryPrepass } from '../../../src/lib/ingest/history-prepass.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-history-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = JSON.stringify({ timezone: 'Asia/Seoul', date_order: 'DMY' });
const DEALS = [
  'deal_id,account_id,owner,amount,created_at,closed_at,stage',
  'D1,A1,Kim,100,2025-01-02,,prospect',
  'D2,A1,Lee,200,2025-01-03,2025-03-01,won',
  'D3,A2,Kim,,2025-01-04,,qualification',
  'D4,,Kim,50,2025-01-05,,prospect',
  'D5,A3,Park,70,2025-01-06,2025-02-01,lost',
  'D2,A9,Lee,1,2025-01-07,,prospect',
].join('\n');

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('D1', 'D2', 'D3', ' D1 ', 'D5') },
  { weight: 1, arbitrary: fc.constantFrom('D4', 'D9', '', '"D1"', 'D"1') },
);
const stage = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('prospect', 'Qualification', ' won ', 'lost', '수주') }, { weight: 1, arbitrary: fc.constantFrom('Closing', '', '"a,b"') });
const date = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('2025-01-02', '2025-02-03T10:00:00Z', '02/03/2025', '2025-02-03 09:00') }, { weight: 1, arbitrary: fc.constantFrom('2025-02-30', 'soon', '') });
const row = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(cell, stage, date).map((cells) => cells.join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'D1,prospect', 'D1,prospect,2025-01-02,extra', '"D1,prospect,2025-01-02', 'D1,"pro"spect,2025-01-02') },
);
/** Two rows every file has, both rejected (an unknown deal, a date that is none): rejections occur by construction. */
const REJECTED_ROWS = ['D9,prospect,2025-01-02', 'D1,prospect,soon'];
const history = fc.tuple(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([rows, nl, latin]) => {
  const text = ['deal_id,stage,entered_at', ...REJECTED_ROWS, ...rows].join(nl);
  const bytes = Buffer.from(text, 'utf8');
  // One Windows-1252 byte (é) in a UTF-8 file: decoded by line, with a warning.
  return latin && rows.length > 2 ? Buffer.concat([bytes, Buffer.from(`${nl}D1,n\xe9gociation,2025-01-02`, 'latin1')]) : bytes;
});

/**
 * Each reading starts a worker thread, and `both` reads three or four times: under CI's load on two
 * cores a reading took about a second (the accounts property 108 s, the field_history.csv files 16 s).
 */
const PROPERTY_TIMEOUT = 360_000;
const FILES_TIMEOUT = 120_000;

let n = 0;
/** `fieldLatin1`: `fieldHistory` holds the file's bytes, one character each (a file in another encoding). */
/** `unused`: readings a test does not compare, left out (each starts a worker thread: about a quarter of a property's time). */
async function both(
  historyBytes: Uint8Array,
  fieldHistory?: string,
  deals = DEALS,
  config = CONFIG,
  fieldLatin1 = false,
  extra: Record<string, string | Uint8Array> = {},
  unused: readonly ('thread' | 'fieldsThere')[] = [],
) {
  const folder = join(dir, `f${n++}`);
  rmSync(folder, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'pipeline.config.json'), config);
  writeFileSync(join(folder, 'deals.csv'), deals);
  writeFileSync(join(folder, 'stage_history.csv'), historyBytes);
  if (fieldHistory !== undefined) writeFileSync(join(folder, 'field_history.csv'), fieldLatin1 ? Buffer.from(fieldHistory, 'latin1') : fieldHistory);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(folder, name), text);
  /** Whether the pinned reading of accounts.csv and targets.csv on the stage-history thread gave its result (`othersThere`). */
  let othersTook = false;
  const outcome = async (historyThreadBytes: number, fieldHistoryOn?: FieldHistoryOn, otherFilesOn?: FieldHistoryOn) => {
    try {
      const read = await readFolder(folder, { historyThreadBytes, fieldHistoryOn, otherFilesOn });
      if (otherFilesOn === 'history-thread') othersTook = read.otherFilesThread === true;
      return { ok: read.dataset };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  // field_history.csv read on the stage-history thread (field-prepass.ts) or on this one, meanwhile;
  // accounts.csv and targets.csv, when given, on that thread too, after it (other-files-prepass.ts).
  const others = 'accounts.csv' in extra || 'targets.csv' in extra;
  return {
    thread: unused.includes('thread') ? undefined : await outcome(0, 'this-thread', 'this-thread'),
    fieldsThere: unused.includes('fieldsThere') ? undefined : await outcome(0, 'history-thread'),
    here: await outcome(Number.POSITIVE_INFINITY),
    // Properties are evaluated in order: othersTook is read once that reading is done.
    ...(others ? { othersThere: await outcome(0, 'history-thread', 'history-thread'), othersTook } : {}),
  };
}

describe('stage history read on a worker thread', () => {
  it('gives the Dataset a reading on one thread gives, issues and counts included', async () => {
    let rejected = 0;
    let read = 0;
    await fc.assert(
      fc.asyncProperty(history, async (bytes) => {
        const { thread, here } = await both(bytes, undefined, DEALS, CONFIG, false, {}, ['fieldsThere']);
        expect(thread).toEqual(here);
        if ('ok' in here && here.ok) {
          read++;
          rejected += here.ok.files['stage_history.csv']!.rejected;
        }
      }),
      { numRuns: 25 },
    );
    // Rejected rows must actually occur for the agreement to mean something: the two of every file,
    // and some of the random rows (none rejected in any of the 25 files is a chance of about 4e-15).
    expect(read).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(REJECTED_ROWS.length * read);
  }, PROPERTY_TIMEOUT);

  it('with field_history.csv read meanwhile, against the candidates, gives the same Dataset, also when a candidate is rejected (property)', async () => {
    // D6 is won without closed_at: rejected once the history is known, unless it has stage_history rows.
    const deals = `${DEALS}\nD6,A3,Park,80,2025-01-08,,won`;
    const historyRow = fc.tuple(fc.constantFrom('D1', 'D2', 'D3', 'D9'), fc.constantFrom('prospect', 'won', 'Closing'), fc.constantFrom('2025-01-09', 'soon'));
    const fieldRow = fc.tuple(
      fc.constantFrom('D1', 'D2', 'D6', 'D4', 'D9', ''),
      fc.constantFrom('amount', 'expected_close_at', 'notes'),
      fc.constantFrom('', '100', '2025-03-01', 'lots'),
      fc.constantFrom('120', '2025-04-01', 'x'),
      fc.constantFrom('2025-02-01', 'never'),
    );
    // brokenHeader (one in ten): field_history.csv stops ingest.
    const sample = fc.tuple(fc.array(historyRow, { maxLength: 12 }), fc.array(fieldRow, { maxLength: 12 }), fc.nat(9).map((x) => x === 0));
    let read = 0;
    await fc.assert(
      fc.asyncProperty(sample, async ([history, fields, brokenHeader]) => {
        const header = brokenHeader ? 'deal_id,field,old_value,new_value' : 'deal_id,field,old_value,new_value,changed_at';
        const fieldText = [header, ...fields.map((r) => r.join(','))].join('\n');
        // Each sample both ways, so that both branches (the early reading kept, and read again) occur by
        // construction: without a stage_history row for D6 (D6 rejected), and with one (D6 kept).
        for (const withD6 of [false, true]) {
          const rows = [...history.map((r) => r.join(',')), ...(withD6 ? ['D6,won,2025-01-20'] : [])];
          const historyText = ['deal_id,stage,entered_at', ...rows].join('\n');
          const { thread, fieldsThere, here } = await both(Buffer.from(historyText), fieldText, deals);
          expect(thread).toEqual(here);
          expect(fieldsThere).toEqual(here);
          if ('ok' in here && here.ok) {
            expect(here.ok.deals.some((d) => d.id === 'D6')).toBe(withD6);
            read++;
          }
        }
      }),
      // Half the runs of one reading each: the same time.
      { numRuns: 15 },
    );
    // Samples whose field_history.csv is read, each both ways (fewer than 3 of 15 is a chance of about 2e-10).
    expect(read).toBeGreaterThan(2 * 2);
  }, PROPERTY_TIMEOUT);

  it('a problem that stops ingest is the same error, from the reading on this thread', async () => {
    const { thread, here } = await both(Buffer.from('deal_id,stage\nD1,prospect\n'));
    expect(here).toEqual({ error: expect.stringContaining('stage_history.csv: missing required column "entered_at"') });
    expect(thread).toEqual(here);
    // field_history.csv, read first on the thread's path, has a problem too: stage history's is still the one reported.
    const both2 = await both(Buffer.from('deal_id,stage\nD1,prospect\n'), 'deal_id,field\nD1,amount\n');
    expect(both2.here).toEqual(here);
    expect(both2.thread).toEqual(here);
    expect(both2.fieldsThere).toEqual(here);
    // field_history.csv's own problem, met on the stage-history thread: the usual error, from the reading here.
    const both3 = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), 'deal_id,field\nD1,amount\n');
    expect(both3.here).toEqual({ error: expect.stringContaining('field_history.csv: missing required column') });
    expect(both3.fieldsThere).toEqual(both3.here);
  }, FILES_TIMEOUT);

  it('field_history.csv read on the stage-history thread gives the same changes, amounts in the currency of each deal (property)', async () => {
    const config = JSON.stringify({ timezone: 'Asia/Seoul', currency: 'KRW', fx: { USD: 1300 } });
    const deals = ['deal_id,account_id,owner,amount,currency,created_at,stage', 'D1,A1,Kim,100,KRW,2025-01-02,prospect', 'D2,A1,Lee,200,USD,2025-01-03,prospect', 'D3,A2,Kim,300,,2025-01-04,prospect'].join('\n');
    const id = fc.constantFrom('D1', 'D2', 'D3', 'D9', ' D2 ');
    const amount = fc.constantFrom('', '1,500', '1,500.5', 'USD 12', 'usd 9', '₩7,000', 'KRW 3', '-4');
    const close = fc.constantFrom('', '2025-03-01', '2025-04-01', '01/05/2025');
    const at = fc.constantFrom('2025-02-01', '2025-02-01T09:30:00+09:00', '2025-02-03');
    const fieldRow = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(id, fc.constantFrom('amount', 'Amount'), amount, amount, at) },
      { weight: 2, arbitrary: fc.tuple(id, fc.constantFrom('close_date', 'expected_close_at'), close, close, at) },
      {
        weight: 2,
        arbitrary: fc.tuple(
          id,
          fc.constantFrom('amount', 'close_date', 'notes', ''),
          fc.constantFrom('', '1,500', 'USD 12', '2025-03-01', 'lots'),
          fc.constantFrom('1,500.5', '2025-04-01', 'x', ''),
          fc.constantFrom('2025-02-01', 'never'),
        ),
      },
    );
    // Every file has a change that is kept and a row that is rejected (an unknown deal), then the random rows.
    const fixedRows = ['D1,amount,100,120,2025-02-01', 'D9,amount,1,2,2025-02-01'];
    let changes = 0;
    let rejected = 0;
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fieldRow, { maxLength: 20 }), async (fields) => {
        const fieldText = ['deal_id,field,old_value,new_value,changed_at', ...fixedRows, ...fields.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))].join('\n');
        const { fieldsThere, here } = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), fieldText, deals, config, false, {}, ['thread']);
        expect(fieldsThere).toEqual(here);
        if ('ok' in here && here.ok) {
          read++;
          changes += here.ok.fieldHistory?.length ?? 0;
          rejected += here.ok.files['field_history.csv']?.rejected ?? 0;
        }
      }),
      { numRuns: 30 },
    );
    // Kept changes and rejected rows: the fixed ones of every file, and some of the random rows
    // (no random change in any of the 30 files is a chance of about 1e-14; no random rejection, 1e-23).
    expect(read).toBeGreaterThan(0);
    expect(changes).toBeGreaterThan(read);
    expect(rejected).toBeGreaterThan(read);
  }, PROPERTY_TIMEOUT);

  it('field_history.csv as real tools save it reads the same on the stage-history thread: BOM, CRLF, sep=;, a repeated header, CP949, UTF-16', async () => {
    const rows = ['deal_id,field,old_value,new_value,changed_at', 'D1,amount,100,120,2025-02-01', 'D2,close_date,2025-03-01,2025-04-01,2025-02-02', 'D1,메모,가,나,2025-02-03'];
    // CP949 as Korean Excel writes it: 메모 (b8de b8f0), 가 (b0a1), 나 (b3aa).
    const cp949 = (text: string) =>
      Buffer.concat([...text].map((c) => ({ 메: [0xb8, 0xde], 모: [0xb8, 0xf0], 가: [0xb0, 0xa1], 나: [0xb3, 0xaa] } as Record<string, number[]>)[c] ?? [c.charCodeAt(0)]).map((b) => Buffer.from(b)));
    const files: [string, Uint8Array][] = [
      ['BOM and CRLF', Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`)],
      ['sep=;', Buffer.from(['sep=;', ...rows.map((r) => r.replaceAll(',', ';'))].join('\n'))],
      ['a repeated header', Buffer.from([...rows, rows[0], 'D2,amount,5,6,2025-02-04'].join('\n'))],
      ['CP949', cp949(rows.join('\n'))],
      ['UTF-16', Buffer.from(`\ufeff${rows.join('\n')}`, 'utf16le')],
    ];
    for (const [name, bytes] of files) {
      const { thread, fieldsThere, here } = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), Buffer.from(bytes).toString('latin1'), DEALS, CONFIG, true);
      expect(fieldsThere, name).toEqual(here);
      expect(thread, name).toEqual(here);
      const d = (here as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
      expect(d.fieldHistory!.length, name).toBeGreaterThanOrEqual(2);
    }
  }, FILES_TIMEOUT);

  it('an amount that may be a thousand times more (12.000) is warned on every path: field_history.csv there or here, targets.csv there or here', async () => {
    const history = Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n');
    const fields = 'deal_id,field,old_value,new_value,changed_at\nD1,amount,100,12.000,2025-02-01\nD1,amount,12.000,200,2025-02-03\n';
    const read = await both(history, fields, DEALS, CONFIG, false, { 'targets.csv': 'period,owner,team,target_amount\n2025-Q1,,,15.000\n' });
    for (const way of [read.thread, read.fieldsThere, read.othersThere]) expect(way).toEqual(read.here);
    const d = (read.here as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
    expect(d.issues.filter((i) => i.code === 'ambiguous_amount').map((i) => [i.file, i.line, i.column])).toEqual([
      ['field_history.csv', 2, 'new_value'],
      ['field_history.csv', 3, 'old_value'],
      ['targets.csv', 2, 'target_amount'],
    ]);
    // Read as 12 and 15, as the warnings say.
    expect(d.targets!.map((t) => t.targetAmount)).toEqual([15]);
  }, FILES_TIMEOUT);

  it('accounts.csv and targets.csv, read while the stage history is finished, give the same Dataset and the same first problem', async () => {
    const history = Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n');
    const accounts = 'account_id,account_name,relationship,budget_cycle_month\nA1,One,friendly,3\nA1,Again,neutral,4\nA2,Two,hostile,13\n,Nobody,,\n';
    const targets = 'period,owner,team,target_amount\n2025-Q1,,,1000\n2025-13,,,5\n2025-02,Kim,,lots\n';
    const ok = await both(history, 'deal_id,field,old_value,new_value,changed_at\nD1,amount,1,2,2025-02-01\n', DEALS, CONFIG, false, { 'accounts.csv': accounts, 'targets.csv': targets });
    expect(ok.thread).toEqual(ok.here);
    expect(ok.fieldsThere).toEqual(ok.here);
    // Read on the stage-history thread, and taken from there (not read again here).
    expect(ok.othersThere).toEqual(ok.here);
    expect(ok.othersTook).toBe(true);
    const d = (ok.here as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
    expect(d.files['accounts.csv']!.rejected).toBeGreaterThanOrEqual(2);
    expect(d.files['targets.csv']!.rejected).toBeGreaterThanOrEqual(2);
    expect(d.accounts!.map((a) => a.accountId)).toEqual(['A1']);
    expect(d.targets!.map((t) => t.period)).toEqual(['2025-Q1']);
    // accounts.csv cannot be read (no account_id): the same error on every path.
    const broken = await both(history, undefined, DEALS, CONFIG, false, { 'accounts.csv': 'name\nOne\n' });
    expect(broken.here).toEqual({ error: expect.stringContaining('accounts.csv') });
    expect(broken.thread).toEqual(broken.here);
    expect(broken.othersThere).toEqual(broken.here);
    // Only accounts.csv fails there: it is read again here, in its turn, and gives the usual error.
    const brokenAccounts = await both(history, undefined, DEALS, CONFIG, false, { 'accounts.csv': 'name\nOne\n', 'targets.csv': targets });
    expect(brokenAccounts.here).toEqual({ error: expect.stringContaining('accounts.csv') });
    expect(brokenAccounts.othersThere).toEqual(brokenAccounts.here);
    // stage_history.csv cannot be read either: its problem, the earlier file's, is the one reported.
    const both2 = await both(Buffer.from('deal_id,stage\nD1,prospect\n'), undefined, DEALS, CONFIG, false, { 'accounts.csv': 'name\nOne\n', 'targets.csv': 'nothing\n' });
    expect(both2.here).toEqual({ error: expect.stringContaining('stage_history.csv: missing required column "entered_at"') });
    expect(both2.thread).toEqual(both2.here);
    expect(both2.fieldsThere).toEqual(both2.here);
    expect(both2.othersThere).toEqual(both2.here);
  }, FILES_TIMEOUT);

  it('by default accounts.csv and targets.csv are read on this thread, whose readers are warm from deals.csv, even with stage history on the other', async () => {
    const folder = join(dir, 'others-here');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'pipeline.config.json'), CONFIG);
    // A deals.csv that keeps this thread busy while the other reads its one row: the first thread free would be that one.
    const rows = Array.from({ length: 30_000 }, (_, i) => `D${i + 1},A${i % 50},Kim,${i},2025-01-02,,prospect`);
    writeFileSync(join(folder, 'deals.csv'), ['deal_id,account_id,owner,amount,created_at,closed_at,stage', ...rows].join('\n'));
    writeFileSync(join(folder, 'stage_history.csv'), 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\n');
    writeFileSync(join(folder, 'accounts.csv'), 'account_id,account_name\nA1,One\n');
    writeFileSync(join(folder, 'targets.csv'), 'period,target_amount\n2025-Q1,1000\n');
    const read = await readFolder(folder, { historyThreadBytes: 0 });
    expect([read.historyThread, read.otherFilesThread]).toEqual([true, false]);
    expect(read.dataset.accounts!.map((a) => a.accountId)).toEqual(['A1']);
    expect(read.dataset.targets).toHaveLength(1);
  }, FILES_TIMEOUT);

  it('accounts.csv as real tools save it reads the same on the stage-history thread: BOM, CRLF, sep=;, CP949, UTF-16', async () => {
    const rows = ['account_id,account_name,relationship,budget_cycle_month,notes', 'A1,영진,friendly,3,"증설, 내년"', 'A2,Two,neutral,12,', 'A3,가나,hostile,7,"두 줄\n메모"'];
    // CP949 as Korean Excel writes it (the few syllables used here).
    const CP949: Record<string, number[]> = { 영: [0xbf, 0xb5], 진: [0xc1, 0xf8], 증: [0xc1, 0xf5], 설: [0xbc, 0xb3], 내: [0xb3, 0xbb], 년: [0xb3, 0xe2], 가: [0xb0, 0xa1], 나: [0xb3, 0xaa], 두: [0xb5, 0xce], 줄: [0xc1, 0xd9], 메: [0xb8, 0xde], 모: [0xb8, 0xf0] };
    const cp949 = (text: string) => Buffer.concat([...text].map((c) => Buffer.from(CP949[c] ?? [c.charCodeAt(0)])));
    const files: [string, Uint8Array][] = [
      ['BOM and CRLF', Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`)],
      ['sep=;', Buffer.from(['sep=;', ...rows.map((r) => r.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))].join('\n'))],
      ['CP949', cp949(rows.join('\n'))],
      ['UTF-16', Buffer.from(`\ufeff${rows.join('\n')}`, 'utf16le')],
    ];
    for (const [name, bytes] of files) {
      const got = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), undefined, DEALS, CONFIG, false, { 'accounts.csv': bytes }, ['thread', 'fieldsThere']);
      expect(got.othersThere, name).toEqual(got.here);
      expect(got.othersTook, name).toBe(true);
      const d = (got.here as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
      expect(d.accounts!.map((a) => [a.accountId, a.accountName]), name).toEqual([
        ['A1', '영진'],
        ['A2', 'Two'],
        ['A3', '가나'],
      ]);
      expect(d.accounts![2]!.notes, name).toBe('두 줄\n메모');
    }
  }, FILES_TIMEOUT);

  it('accounts.csv and targets.csv read on the stage-history thread give the Dataset a reading here gives (property)', async () => {
    const account = fc.tuple(
      fc.constantFrom('A1', 'A2', 'A3', '', '"A,4"'),
      fc.constantFrom('One', '영진테크', '"Two, Inc."', ''),
      fc.constantFrom('friendly', 'hostile', 'Neutral', 'cold', ''),
      fc.constantFrom('3', '12', '13', 'x', ''),
    );
    const target = fc.tuple(fc.constantFrom('2025-Q1', '2025-03', '2025', '2025-13', ''), fc.constantFrom('', 'Kim'), fc.constantFrom('1000', '1,000', 'lots', ''));
    // brokenAccounts (one in eight): accounts.csv has no account_id column, which stops ingest.
    const sample = fc.tuple(fc.array(account, { maxLength: 10 }), fc.array(target, { maxLength: 8 }), fc.nat(7).map((x) => x === 0), fc.constantFrom('\n', '\r\n'));
    let took = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(sample, async ([accounts, targets, brokenAccounts, nl]) => {
        const accountsText = [brokenAccounts ? 'id,account_name,relationship,budget_cycle_month' : 'account_id,account_name,relationship,budget_cycle_month', ...accounts.map((r) => r.join(','))].join(nl);
        const targetsText = ['period,owner,team,target_amount', ...targets.map(([period, owner, amount]) => [period, owner, '', amount].join(','))].join(nl);
        const got = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), undefined, DEALS, CONFIG, false, { 'accounts.csv': accountsText, 'targets.csv': targetsText }, ['fieldsThere']);
        expect(got.othersThere).toEqual(got.here);
        expect(got.thread).toEqual(got.here);
        if (got.othersTook) took++;
        if ('ok' in got.here && got.here.ok) rejected += got.here.ok.files['accounts.csv']!.rejected + got.here.ok.files['targets.csv']!.rejected;
      }),
      { numRuns: 25 },
    );
    // The thread's readings must be the ones compared, and rejected rows must occur.
    expect(took).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  }, PROPERTY_TIMEOUT);

  it('a file whose every row is rejected, read meanwhile, gives every issue (more than a spread call takes: ~120,000)', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `X${i},amount,1,2,2025-02-01`);
    const fields = ['deal_id,field,old_value,new_value,changed_at', ...rows].join('\n');
    const { thread, fieldsThere, here } = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), fields);
    const d = (thread as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
    expect(d.files['field_history.csv']).toEqual({ rows: 150_000, accepted: 0, rejected: 150_000 });
    const unknown = d.issues.filter((i) => i.file === 'field_history.csv');
    expect(unknown).toHaveLength(150_000);
    expect(unknown.at(-1)).toMatchObject({ line: 150_001, column: 'deal_id', code: 'unknown_deal' });
    expect(fieldsThere).toEqual(thread);
    expect(here).toEqual(thread);
  }, FILES_TIMEOUT);

  it('field_history.csv read by the worker: the changes, converted, and the kept and unknown rows', async () => {
    const config = JSON.stringify({ timezone: 'Asia/Seoul', currency: 'KRW', fx: { USD: 1300 } });
    const deals = ['deal_id,account_id,owner,amount,currency,created_at,stage', 'D1,A1,Kim,100,KRW,2025-01-02,prospect', 'D2,A1,Lee,200,USD,2025-01-03,prospect'].join('\n');
    const fields = ['deal_id,field,old_value,new_value,changed_at', 'D2,amount,10,12,2025-02-01', 'D2,amount,USD 12,usd 13,2025-02-02', 'D1,amount,USD 1,2,2025-02-03', 'D9,amount,1,2,2025-02-04', 'D1,close_date,2025-03-01,,2025-02-05', 'D1,notes,a,b,2025-02-06'].join('\n');
    const { fieldsThere } = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\n'), fields, deals, config);
    const d = (fieldsThere as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
    // 10 and 12 USD at 1,300; "USD 12" kept and read against D2's USD; D1's "USD 1" is not in KRW; D9 is unknown.
    expect(d.fieldHistory!.map((c) => [c.deal, c.field, c.oldValue, c.newValue, c.line])).toEqual([
      [1, 'amount', 13_000, 15_600, 2],
      [1, 'amount', 15_600, 16_900, 3],
      [0, 'expected_close_at', '2025-03-01', null, 6],
    ]);
    expect(d.files['field_history.csv']).toEqual({ rows: 6, accepted: 4, rejected: 2 });
    expect(d.issues.filter((i) => i.file === 'field_history.csv').map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual(['4:old_value:currency_mismatch', '5:deal_id:unknown_deal', '7:field:fields_not_used']);
  });

  it('the rows, their deals and the tallies of a known file', async () => {
    const { thread } = await both(Buffer.from('deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD9,prospect,2025-01-02\nD4,won,2025-01-03\nD2,won,2025-03-01\nD1,Closing,2025-01-05\n'));
    const d = (thread as { ok: import('../../../src/lib/dataset.ts').Dataset }).ok;
    // D4 has no account (rejected in deals.csv), D9 is unknown, Closing is no stage: 2 rows kept.
    expect(d.files['stage_history.csv']).toEqual({ rows: 5, accepted: 2, rejected: 3 });
    expect(Array.from(d.stageHistory.deal)).toEqual([0, 1]);
    const codes = d.issues.filter((i) => i.file === 'stage_history.csv').map((i) => `${i.line}:${i.code}`);
    expect(codes).toEqual(['3:unknown_deal', '4:unknown_deal', '6:unknown_stage']);
  });

  it('the worker gives its reading (not the fallback), with the file hash and progress', () => {
    const path = join(dir, 'direct.csv');
    writeFileSync(path, DIRECT);
    let hash = '';
    const progress: number[] = [];
    const thread = startHistoryThread({ file: 'stage_history.csv', path, size: 88, config: parseConfigText(CONFIG), onHash: (hex) => (hash = hex), onProgress: (_file, done) => progress.push(done) });
    expectDirectReading(thread.prepared(), hash);
    expect(progress.at(-1)).toBe(88);
    // Taken once: a second call reads nothing.
    expect(thread.prepared()).toBeNull();
  });

  it('the worker hashes a file the other thread reads (deals.csv), once its own are read; not one whose size is not the one given', () => {
    const path = join(dir, 'hashed-history.csv');
    writeFileSync(path, DIRECT);
    const deals = join(dir, 'hashed-deals.csv');
    writeFileSync(deals, 'deal_id,stage\nD1,prospect\n');
    const hashes: string[] = [];
    const hashed = (size: number) => ({ file: 'deals.csv', path: deals, size, onHash: (hex: string) => hashes.push(hex) });
    const thread = startHistoryThread({ file: 'stage_history.csv', path, size: 88, config: parseConfigText(CONFIG), onHash: () => {}, hashed: hashed(26) });
    expect(thread.prepared()).not.toBeNull();
    expect(hashes).toEqual([createHash('sha256').update('deal_id,stage\nD1,prospect\n').digest('hex')]);
    // The file changed since its size was taken: no hash (read-folder.ts then hashes it, or says it changed).
    const changed = startHistoryThread({ file: 'stage_history.csv', path, size: 88, config: parseConfigText(CONFIG), onHash: () => {}, hashed: hashed(25) });
    expect(changed.prepared()).not.toBeNull();
    expect(hashes).toHaveLength(1);
  });

  it('a worker started ahead waits for its job, then gives the same reading', async () => {
    const path = join(dir, 'ahead.csv');
    writeFileSync(path, DIRECT);
    const worker = prestartHistoryWorker();
    // Its modules load meanwhile; the job comes later, as a message.
    await new Promise((resolve) => setTimeout(resolve, 50));
    let hash = '';
    const thread = startHistoryThread({ file: 'stage_history.csv', path, size: 88, config: parseConfigText(CONFIG), onHash: (hex) => (hash = hex), worker });
    expectDirectReading(thread.prepared(), hash);
  });
});

/** A stage history of 88 bytes: two ids, and a row whose stage is none (kept for the validator). */
const DIRECT = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD7,won,2025-01-03\nD1,Closing,2025-01-05\n';

/** What the worker reads of DIRECT, and its hash. */
function expectDirectReading(pre: HistoryPrepass | null, hash: string): void {
  expect(pre).not.toBeNull();
  expect(pre!.ids).toEqual({ text: 'D1D7', ends: Int32Array.of(0, 2, 4) });
  expect(Array.from(pre!.code)).toEqual([1, 2, -1]);
  expect(pre!.kept).toEqual([{ deal_id: 'D1', stage: 'Closing', entered_at: '2025-01-05' }]);
  expect(Array.from(pre!.latest.rowCount)).toEqual([0, 1, 1]);
  expect(hash).toBe('c685e77a65e946fdb2b75666147195806423ddf4ae515cacc08614a6fbe0397f');
}
