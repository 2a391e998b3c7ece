/**
 * `--pipeline` on a folder of canonical files whose deals.csv carries a
 * `pipeline` column (pipeline-filter.ts): the other pipelines' rows of
 * every file are left out and counted, the same on every reading path
 * (one thread, stage history on a worker thread, field history read there
 * or meanwhile, zod row by row), and never reported as unknown deals.
 * The hand-checked metrics are tests/fixtures/pipeline-choice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/dataset.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { suggestConfig } from '../../../src/lib/ingest/vendor/suggest-config.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-canonical-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// S4 is won without closed_at or history: rejected once stage history is read, so field_history.csv,
// when read meanwhile against the candidates, is read again against the deals.
const DEALS = [
  'deal_id,account_id,owner,amount,created_at,closed_at,stage,Pipeline',
  'S1,A1,Kim,100,2025-01-02,,prospect,Sales',
  'R1,A1,Kim,50,2025-01-03,,prospect,Renewals',
  'S2,A2,Lee,200,2025-01-03,2025-03-01,won, sales ',
  'S4,A3,Lee,70,2025-01-06,,won,Sales',
  'R2,A2,Lee,,never,,prospect,Renewals',
  'S3,A2,Park,300,2025-01-04,,qualification,SALES',
].join('\n');
const HISTORY = [
  'deal_id,stage,entered_at',
  'S1,prospect,2025-01-02',
  'R1,prospect,2025-01-03',
  'R2,prospect,soon',
  'S2,prospect,2025-01-03',
  'S2,won,2025-03-01',
  'R1,Renewal due,2025-02-01',
  'S9,prospect,2025-01-05',
  'S3,qualification,2025-01-04',
].join('\n');
const FIELDS = [
  'deal_id,field,old_value,new_value,changed_at',
  'R1,amount,40,50,2025-02-01',
  'S1,amount,90,100,2025-02-01',
  'S4,amount,60,70,2025-02-01',
  'R2,amount,lots,more,whenever',
].join('\n');

let n = 0;
function folder(files: Record<string, string>): string {
  const path = join(dir, `f${n++}`);
  mkdirSync(path);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

const FILES = { 'deals.csv': DEALS, 'stage_history.csv': HISTORY, 'field_history.csv': FIELDS };

describe('--pipeline on canonical files', () => {
  it('reads the chosen pipeline alone (case and spaces ignored): other rows left out, counted per file, not rows, not unknown deals', async () => {
    const { dataset } = await readFolder(folder(FILES), { pipeline: 'sales' });
    expect(dataset.deals.map((d) => d.id)).toEqual(['S1', 'S2', 'S3']);
    expect(dataset.files).toEqual({
      'deals.csv': { rows: 4, accepted: 3, rejected: 1 },
      'stage_history.csv': { rows: 5, accepted: 4, rejected: 1 },
      'field_history.csv': { rows: 2, accepted: 1, rejected: 1 },
    });
    expect(dataset.issues.map((i) => [i.file, i.line, i.column, i.code, i.severity, i.message])).toEqual([
      ['deals.csv', 0, 'pipeline', 'other_pipeline', 'warning', '2 rows of other pipelines left out (2 of "Renewals"): only --pipeline "Sales" is read'],
      ['deals.csv', 5, 'closed_at', 'missing_close', 'error', 'closed_at is empty for a deal in closed stage "won" that has no stage_history rows, so its close date is unknown'],
      ['field_history.csv', 0, 'deal_id', 'other_pipeline', 'warning', '2 rows of other pipelines left out (2 of "Renewals"): only --pipeline "Sales" is read'],
      ['field_history.csv', 4, 'deal_id', 'unknown_deal', 'error', 'deal_id "S4" belongs to a rejected deals.csv row (line 5)'],
      ['stage_history.csv', 0, 'deal_id', 'other_pipeline', 'warning', '3 rows of other pipelines left out (3 of "Renewals"): only --pipeline "Sales" is read'],
      ['stage_history.csv', 8, 'deal_id', 'unknown_deal', 'error', 'deal_id "S9" is not in deals.csv'],
    ]);
  });

  it('says so in Korean on the Data quality page', async () => {
    const { dataset } = await readFolder(folder(FILES), { pipeline: 'Sales' });
    const warning = dataset.issues.find((i) => i.code === 'other_pipeline' && i.file === 'stage_history.csv')!;
    expect(issueMessage(warning, 'ko')).toBe('다른 파이프라인의 행 3개를 제외했습니다("Renewals" 3개). --pipeline "Sales"만 읽습니다');
    // Rows of deals whose pipeline cell is empty: a pipeline named in words of the page's language.
    const { dataset: blank } = loadDataset({ 'deals.csv': utf8(DEALS.replace(',Renewals\n', ',\n')), 'stage_history.csv': utf8(HISTORY) }, { pipeline: 'Sales' });
    const none = blank.issues.find((i) => i.code === 'other_pipeline' && i.file === 'deals.csv')!;
    expect(none.message).toBe('2 rows of other pipelines left out (1 of "(no pipeline)", 1 of "Renewals"): only --pipeline "Sales" is read');
    expect(issueMessage(none, 'ko')).toBe('다른 파이프라인의 행 2개를 제외했습니다("(파이프라인 없음)" 1개, "Renewals" 1개). --pipeline "Sales"만 읽습니다');
  });

  it('gives the same Dataset on every reading path: worker thread, field history there or meanwhile, row by row', async () => {
    const path = folder(FILES);
    const drop = (d: Dataset) => ({ ...d, fileHashes: {} });
    const here = (await readFolder(path, { pipeline: 'Sales', historyThreadBytes: Number.POSITIVE_INFINITY })).dataset;
    const meanwhile = await readFolder(path, { pipeline: 'Sales', historyThreadBytes: 0, fieldHistoryOn: 'this-thread' });
    const there = await readFolder(path, { pipeline: 'Sales', historyThreadBytes: 0, fieldHistoryOn: 'history-thread' });
    expect([meanwhile.historyThread, there.fieldHistoryThread]).toEqual([true, true]);
    expect(meanwhile.dataset).toEqual(here);
    expect(there.dataset).toEqual(here);
    const rowByRow = loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY), 'field_history.csv': utf8(FIELDS) }, { rowByRow: true, pipeline: 'Sales' }).dataset;
    expect(drop(rowByRow)).toEqual(drop(here));
  });

  it('rejects a later row repeating a deal_id of another pipeline, as any repeated id', () => {
    const deals = 'deal_id,account_id,owner,amount,created_at,stage,pipeline\nX1,A1,Kim,1,2025-01-02,prospect,Renewals\nX1,A1,Kim,1,2025-01-02,prospect,Sales\nX2,A1,Kim,1,2025-01-02,prospect,Sales\n';
    const { dataset } = loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8('deal_id,stage,entered_at\nX1,prospect,2025-01-02\n') }, { pipeline: 'Sales' });
    expect(dataset.deals.map((d) => d.id)).toEqual(['X2']);
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(['deal_id "X1" already appears on line 2; this later row is rejected']);
    expect(dataset.files['stage_history.csv']).toEqual({ rows: 0, accepted: 0, rejected: 0 });
  });

  it('stops for a pipeline deals.csv does not hold, listing those it does, and for a deals.csv without a pipeline column', () => {
    const read = (deals: string, pipeline: string) => () => loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8('deal_id,stage,entered_at\n') }, { pipeline });
    expect(read(DEALS, 'Partners')).toThrow(
      '--pipeline "Partners" is not in deals.csv, whose "pipeline" column holds: "Sales" (4 deals), "Renewals" (2 deals)',
    );
    expect(read('deal_id,account_id,owner,amount,created_at,stage,pipeline\n', 'Sales')).toThrow(
      '--pipeline "Sales" is not in deals.csv: it holds no deals at all (only its header row)',
    );
    expect(read('deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,1,2025-01-02,prospect\n', 'Sales')).toThrow(
      '--pipeline "Sales" cannot be applied: deals.csv has no "pipeline" column. Add that column to deals.csv, or leave out --pipeline',
    );
  });

  it('without --pipeline reads every pipeline as before (several_pipelines), and an empty --pipeline is none', () => {
    for (const pipeline of [undefined, ' ']) {
      const { dataset } = loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY) }, { pipeline });
      expect(dataset.deals.map((d) => d.id)).toEqual(['S1', 'R1', 'S2', 'S3']);
      expect(dataset.issues.filter((i) => i.code === 'several_pipelines').map((i) => i.message)).toEqual([
        'the pipeline column names 2 pipelines ("Sales": 4 deals, "Renewals": 1 deal), and they are read together as one funnel: to see one apart, read its deals and their history rows alone with --pipeline "<name>"',
      ]);
    }
  });

  it('npm run init suggests the stages of the chosen pipeline alone, as the metrics read it', () => {
    const files = () => [DEALS, HISTORY].map((text, i) => ({ path: i === 0 ? 'deals.csv' : 'stage_history.csv', source: byteSource(utf8(text)) }));
    const stages = (pipeline?: string) => suggestConfig(files(), { pipeline }).config.stages.map((s) => s.id);
    expect(stages()).toContain('renewal_due');
    const chosen = suggestConfig(files(), { pipeline: 'sales' });
    expect(chosen.config.stages.map((s) => s.id)).not.toContain('renewal_due');
    expect(chosen.notes[0]).toBe('read as: canonical folder (deals.csv, stage_history.csv), --pipeline "sales"');
    expect(() => stages('Partners')).toThrow('--pipeline "Partners" is not in deals.csv, whose "pipeline" column holds: "Sales" (4 deals), "Renewals" (2 deals)');
  });

  it('on messy history files, every path gives the same Dataset and every row is read or left out (property)', async () => {
    const id = fc.constantFrom('S1', 'S2', 'S3', 'S4', 'R1', 'R2', ' R1 ', 'X9', '');
    const historyRow = fc.tuple(id, fc.constantFrom('prospect', 'won', 'Renewal due', ''), fc.constantFrom('2025-01-09', 'soon', '')).map((cells) => cells.join(','));
    const fieldRow = fc.tuple(id, fc.constantFrom('amount', 'notes'), fc.constantFrom('', '100', 'lots'), fc.constantFrom('120', 'x'), fc.constantFrom('2025-02-01', 'never')).map((cells) => cells.join(','));
    let generatedLeftOut = 0;
    await fc.assert(
      // Each file has a row of another pipeline's deal at least (a bad date: unread, no error), and rows of any deal after it.
      fc.asyncProperty(fc.array(historyRow, { maxLength: 25 }).map((rows) => ['R1,prospect,soon', ...rows]), fc.array(fieldRow, { maxLength: 15 }).map((rows) => ['R2,amount,,1,never', ...rows]), async (history, fields) => {
        const path = folder({
          'deals.csv': DEALS,
          'stage_history.csv': ['deal_id,stage,entered_at', ...history].join('\n'),
          'field_history.csv': ['deal_id,field,old_value,new_value,changed_at', ...fields].join('\n'),
        });
        const here = (await readFolder(path, { pipeline: 'Sales', historyThreadBytes: Number.POSITIVE_INFINITY })).dataset;
        expect((await readFolder(path, { pipeline: 'Sales', historyThreadBytes: 0, fieldHistoryOn: 'this-thread' })).dataset).toEqual(here);
        expect((await readFolder(path, { pipeline: 'Sales', historyThreadBytes: 0, fieldHistoryOn: 'history-thread' })).dataset).toEqual(here);
        for (const [file, lines] of [['stage_history.csv', history], ['field_history.csv', fields]] as const) {
          const warning = here.issues.find((i) => i.code === 'other_pipeline' && i.file === file);
          const left = warning ? Number(/^(\d+) rows? /u.exec(warning.message)![1]) : 0;
          const stats = here.files[file]!;
          // A line of only delimiters (",,") is blank, not a row (docs/spec-readings.md, "Header and blank rows").
          expect(stats.rows + left).toBe(lines.filter((l) => /[^,\s]/u.test(l)).length);
          expect(stats.accepted + stats.rejected).toBe(stats.rows);
          // Exactly the rows naming R1 or R2 are left out; none of them is an error.
          expect(left).toBe(lines.filter((l) => /^ ?R[12] ?,/u.test(l)).length);
          // Less the row every generated file starts with: what the random rows added.
          generatedLeftOut += left - 1;
        }
        expect(here.issues.filter((i) => i.code === 'unknown_deal' && /"R[12]"/u.test(i.message))).toEqual([]);
      }),
      { numRuns: 8 },
    );
    // Some random row named R1 or R2 (measured over 20,000 seeds: at least 3 in every 8 runs; "> 30" in all failed 9 % of runs).
    expect(generatedLeftOut).toBeGreaterThan(0);
  }, 120_000);
});
