/**
 * stage_history.csv read on a worker thread while deals.csv is read
 * (history-thread.ts, history-prepass.ts) gives exactly the Dataset a reading
 * on one thread gives: the same rows, candidates, counts, hashes and issues,
 * on random messy files (unknown, rejected and empty deal ids, unknown stages,
 * bad dates, malformed CSV, ragged rows, a Windows-1252 line) and when the
 * file has a problem that stops ingest. The size threshold is lowered so that
 * small files take the thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/lib/ingest/config.ts';
import { startHistoryThread } from '../../../src/lib/ingest/history-thread.ts';
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
const history = fc.tuple(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([rows, nl, latin]) => {
  const text = ['deal_id,stage,entered_at', ...rows].join(nl);
  const bytes = Buffer.from(text, 'utf8');
  // One Windows-1252 byte (é) in a UTF-8 file: decoded by line, with a warning.
  return latin && rows.length > 2 ? Buffer.concat([bytes, Buffer.from(`${nl}D1,n\xe9gociation,2025-01-02`, 'latin1')]) : bytes;
});

let n = 0;
async function both(historyBytes: Uint8Array, fieldHistory?: string, deals = DEALS) {
  const folder = join(dir, `f${n++}`);
  rmSync(folder, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'pipeline.config.json'), CONFIG);
  writeFileSync(join(folder, 'deals.csv'), deals);
  writeFileSync(join(folder, 'stage_history.csv'), historyBytes);
  if (fieldHistory !== undefined) writeFileSync(join(folder, 'field_history.csv'), fieldHistory);
  const outcome = async (historyThreadBytes: number) => {
    try {
      return { ok: (await readFolder(folder, { historyThreadBytes })).dataset };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  return { thread: await outcome(0), here: await outcome(Number.POSITIVE_INFINITY) };
}

describe('stage history read on a worker thread', () => {
  it('gives the Dataset a reading on one thread gives, issues and counts included', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(history, async (bytes) => {
        const { thread, here } = await both(bytes);
        expect(thread).toEqual(here);
        if ('ok' in here && here.ok) rejected += here.ok.files['stage_history.csv']!.rejected;
      }),
      { numRuns: 25 },
    );
    // Rejected rows must actually occur for the agreement to mean something.
    expect(rejected).toBeGreaterThan(20);
  }, 120_000);

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
    // withD6: a stage_history row for D6, which keeps it; brokenHeader (one in ten): field_history.csv stops ingest.
    const sample = fc.tuple(fc.array(historyRow, { maxLength: 12 }), fc.array(fieldRow, { maxLength: 12 }), fc.boolean(), fc.nat(9).map((x) => x === 0));
    let rejectedD6 = 0;
    let keptD6 = 0;
    await fc.assert(
      fc.asyncProperty(sample, async ([history, fields, withD6, brokenHeader]) => {
        const rows = [...history.map((r) => r.join(',')), ...(withD6 ? ['D6,won,2025-01-20'] : [])];
        const historyText = ['deal_id,stage,entered_at', ...rows].join('\n');
        const header = brokenHeader ? 'deal_id,field,old_value,new_value' : 'deal_id,field,old_value,new_value,changed_at';
        const fieldText = [header, ...fields.map((r) => r.join(','))].join('\n');
        const { thread, here } = await both(Buffer.from(historyText), fieldText, deals);
        expect(thread).toEqual(here);
        if ('ok' in here && here.ok) {
          if (here.ok.deals.some((d) => d.id === 'D6')) keptD6++;
          else rejectedD6++;
        }
      }),
      { numRuns: 30 },
    );
    // Both branches (the early reading kept, and read again) must occur.
    expect(rejectedD6).toBeGreaterThan(2);
    expect(keptD6).toBeGreaterThan(2);
  }, 120_000);

  it('a problem that stops ingest is the same error, from the reading on this thread', async () => {
    const { thread, here } = await both(Buffer.from('deal_id,stage\nD1,prospect\n'));
    expect(here).toEqual({ error: expect.stringContaining('stage_history.csv: missing required column "entered_at"') });
    expect(thread).toEqual(here);
    // field_history.csv, read first on the thread's path, has a problem too: stage history's is still the one reported.
    const both2 = await both(Buffer.from('deal_id,stage\nD1,prospect\n'), 'deal_id,field\nD1,amount\n');
    expect(both2.here).toEqual(here);
    expect(both2.thread).toEqual(here);
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
    writeFileSync(path, 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD7,won,2025-01-03\nD1,Closing,2025-01-05\n');
    let hash = '';
    const progress: number[] = [];
    const thread = startHistoryThread('stage_history.csv', path, 88, parseConfigText(CONFIG), (hex) => (hash = hex), (_file, done) => progress.push(done));
    const pre = thread.prepared();
    expect(pre).not.toBeNull();
    expect(pre!.ids).toEqual(['', 'D1', 'D7']);
    expect(Array.from(pre!.code)).toEqual([1, 2, -1]);
    expect(pre!.kept).toEqual([{ deal_id: 'D1', stage: 'Closing', entered_at: '2025-01-05' }]);
    expect(hash).toBe('c685e77a65e946fdb2b75666147195806423ddf4ae515cacc08614a6fbe0397f');
    expect(progress.at(-1)).toBe(88);
    // Taken once: a second call reads nothing.
    expect(thread.prepared()).toBeNull();
  });
});
