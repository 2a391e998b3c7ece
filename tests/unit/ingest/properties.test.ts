import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { codedRowReader } from '../../../src/lib/ingest/coded-row.ts';
import { CsvRecord } from '../../../src/lib/ingest/csv-record.ts';
import { buildDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { dealReference } from '../../../src/lib/ingest/deals.ts';
import {
  accountRow,
  dealRow,
  fieldHistoryRow,
  parseRowFast,
  rowContext,
  stageHistoryRow,
  targetRow,
  trackedField,
} from '../../../src/lib/ingest/schema.ts';
import { thousandsDoubt } from '../../../src/lib/ingest/money.ts';
import { historyFastPath } from '../../../src/lib/ingest/history-fast-path.ts';
import { rowSchema } from '../../../src/lib/ingest/row-validator.ts';
import { AMOUNT, FIELD_OF, fieldFastPath } from '../../../src/lib/ingest/field-fast-path.ts';
import { IdTable } from '../../../src/lib/ingest/id-table.ts';
import { hashRange, joinTexts, lowerCode, ownCopy, rangeIsLower, textAt, textCount } from '../../../src/lib/ingest/text-range.ts';
import { utf8 } from './helpers.ts';

const config = parseConfig({ fx: { USD: 1300 }, timezone: 'Asia/Seoul', date_order: 'DMY' });
const ctx = rowContext(config);

const junk = fc.oneof(fc.constantFrom('', ' ', '?', '"', 'x,y', 'a\nb'), fc.string({ maxLength: 8 }));

/** Mostly valid values, sometimes invalid ones, sometimes junk; `sure` raises the share of valid ones. */
const choose = (valid: string[], invalid: string[], sure: number) =>
  fc.oneof(
    { weight: 8 * sure, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...invalid, '') },
    { weight: 1, arbitrary: junk },
  );

/** Per column: plausible cells, valid or nearly. */
function cellFor(column: string, sure = 1): fc.Arbitrary<string> {
  const c = (valid: string[], invalid: string[]) => choose(valid, invalid, sure);
  if (column === 'deal_id') return c(['D1', 'D2', 'D3', 'D9'], []);
  if (column.endsWith('_at')) return c(['2025-01-02', ' 2025-01-02 ', '2025-01-02T10:00:00Z', '2025/1/2 9:00', '02/01/2025', '2025. 1. 2.', ''], ['2025-02-30', 'soon']);
  const amounts = ['100', '1,000', '₩1,000', '1,000원', '1000 USD', '1000 KRW', '1.5', ''];
  if (['amount', 'cost', 'target_amount'].includes(column)) return c(amounts, ['-5', '(3)', '1e3']);
  if (column === 'currency') return c(['', 'KRW', 'USD', 'usd'], ['EUR', 'dollar']);
  if (column === 'stage') return c(['prospect', 'Won', 'lost', '수주', '가망 고객', ' Qualification '], ['Closing']);
  if (column === 'budget_confirmed') return c(['yes', 'N', ''], ['maybe']);
  if (column === 'purchase_type') return c(['bulk', 'Phased', ''], ['both']);
  if (column === 'lifecycle_months' || column === 'budget_cycle_month') return c(['3', '12', ''], ['0', '13', '2.5']);
  if (column === 'field') return c(['amount', 'close_date', 'CloseDate', 'expected_close_at', 'stage'], []);
  if (column === 'old_value' || column === 'new_value') return c(['', '100', '1,000 KRW', '2025-01-02'], ['soon', '-1']);
  if (column === 'relationship') return c(['friendly', 'Hostile', ''], ['warm']);
  if (column === 'period') return c(['2025-06', '2025-Q2', '2025-q3'], ['2025-13']);
  return c(['A1', 'Kim', 'Team', ''], []);
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** A CSV text with the given header and random rows (ragged, blank lines, CRLF or LF). */
const csv = (header: string[]) => {
  const row = fc.tuple(...header.map(cellFor)).chain((cells) => fc.integer({ min: Math.max(0, cells.length - 1), max: cells.length + 1 }).map((n) => [...cells, 'extra'].slice(0, n)));
  return fc
    .tuple(fc.array(fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant([] as string[]) }), { maxLength: 15 }), fc.constantFrom('\n', '\r\n'))
    .map(([rows, nl]) => [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join(nl));
};

/**
 * `record` holding `cells` as a canonical file's reader gives them (ranges of a line of text) or as a
 * vendor adapter's rows do (strings, after other cells of the same array).
 */
function fillRecord(record: CsvRecord, mode: 'ranges' | 'strings', cells: readonly string[]): void {
  record.length = 0;
  if (mode === 'strings') {
    record.cells = ['x', 'y', ...cells];
    record.base = 2;
    record.length = cells.length;
    return;
  }
  record.cells = null;
  record.src = `<${cells.join('|')}>`;
  let at = 1;
  for (const cell of cells) {
    record.pushRange(at, at + cell.length);
    at += cell.length + 1;
  }
}

const DEALS = ['deal_id', 'account_id', 'owner', 'amount', 'currency', 'created_at', 'closed_at', 'stage', 'budget_confirmed', 'purchase_type', 'lifecycle_months', 'cost'];
const HISTORY = ['deal_id', 'stage', 'entered_at'];
const FIELDS = ['deal_id', 'field', 'old_value', 'new_value', 'changed_at'];
const ACCOUNTS = ['account_id', 'relationship', 'budget_cycle_month'];
const TARGETS = ['period', 'owner', 'team', 'target_amount'];

describe('data_quality invariants on random messy input', () => {
  it('rows = accepted + rejected for every file, and every rejected row has an error on its line', () => {
    fc.assert(
      fc.property(csv(DEALS), csv(HISTORY), csv(FIELDS), csv(ACCOUNTS), csv(TARGETS), (deals, history, fields, accounts, targets) => {
        const d = buildDataset(
          {
            'deals.csv': utf8(deals),
            'stage_history.csv': utf8(history),
            'field_history.csv': utf8(fields),
            'accounts.csv': utf8(accounts),
            'targets.csv': utf8(targets),
          },
          config,
        );
        for (const [file, stats] of Object.entries(d.files)) {
          expect(stats.rows).toBe(stats.accepted + stats.rejected);
          const errorLines = new Set(d.issues.filter((i) => i.file === file && i.severity === 'error').map((i) => i.line));
          expect(errorLines.size).toBe(stats.rejected);
        }
        expect(d.files['deals.csv']!.accepted).toBe(d.deals.length);
        expect(d.files['stage_history.csv']!.accepted).toBe(d.stageHistory.length);
        for (let i = 0; i < d.stageHistory.length; i++) expect(d.stageHistory.deal[i]).toBeLessThan(d.deals.length);
        expect(new Set(d.deals.map((x) => x.id)).size).toBe(d.deals.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fast paths agree with the zod schemas', () => {
  const ids = IdTable.from([
    ['D1', 0],
    ['D2', 1],
  ]);
  const deal = dealReference(ids, new Map([['D3', 7]]));
  const currencyOf = (d: number) => (d === 0 ? { code: 'USD', fxRate: 1300 } : { code: 'KRW', fxRate: 1 });
  const definitions = {
    deals: dealRow(ctx),
    stage_history: stageHistoryRow(ctx, deal),
    field_history: fieldHistoryRow(ctx, deal, currencyOf),
    accounts: accountRow(),
    targets: targetRow(ctx),
  };

  for (const [name, def] of Object.entries(definitions)) {
    it(`${name}: the fast path accepts exactly what zod accepts, with the same values`, () => {
      const columns = Object.keys(def.fields);
      const schema = rowSchema(def as never);
      // The coded fast path, on records whose columns come in reverse order: one reader for
      // every run, so cells repeat and are answered from its dictionaries; it decides after
      // 100 rows which columns stay coded (the constant cells' ones) and which are read cell by cell.
      const coded = codedRowReader(def as never, columns.map((_, i) => columns.length - 1 - i), { sampleRows: 100 });
      // The same reader with its row filled in a loop, as where code cannot be generated.
      const looped = codedRowReader(def as never, columns.map((_, i) => columns.length - 1 - i), { sampleRows: 100, unrolled: false });
      // Every column's text handed over as a slice of the line, not copied (`views`, deals.csv's names).
      const viewed = codedRowReader(def as never, columns.map((_, i) => columns.length - 1 - i), { sampleRows: 100, views: columns });
      const record = new CsvRecord();
      const text = new CsvRecord();
      let accepted = 0;
      let kept: { row: unknown; expected: unknown } | null = null;
      fc.assert(
        fc.property(fc.tuple(...columns.map((c) => cellFor(c, columns.length > 10 ? 6 : 1).map((v) => v.trim()))), (cells) => {
          const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]!]));
          const fast = parseRowFast(def as never, row);
          const slow = schema.safeParse(row);
          expect(fast !== null).toBe(slow.success);
          if (slow.success) expect(fast).toEqual(slow.data);
          else expect(slow.error.issues.length).toBeGreaterThan(0);
          // Cells given as strings (a vendor adapter's rows), then as ranges of a CSV line.
          record.cells = [...cells].reverse();
          record.length = cells.length;
          const out = coded(record);
          expect(out).toEqual(fast);
          expect(looped(record)).toEqual(fast);
          const line = [...cells].reverse().map((c) => ` ${c.replaceAll(',', ';').replaceAll('"', "'")} `);
          text.cells = null;
          text.length = 0;
          text.src = `x,${line.join(',')}`;
          let at = 2;
          for (const c of line) {
            text.pushRange(at, at + c.length);
            at += c.length + 1;
          }
          const asRanges = coded(text);
          const viewedRanges = viewed(text);
          // Commas and quotes were replaced in the line, so only a row without them compares.
          if (cells.every((c) => !/[,"]/.test(c))) {
            expect(asRanges).toEqual(fast);
            expect(viewedRanges).toEqual(fast);
          }
          // A row given out earlier is the caller's: reading later records must not change it.
          if (kept !== null) expect(kept.row).toEqual(kept.expected);
          if (out !== null) kept = { row: out, expected: structuredClone(out) };
          if (slow.success) accepted++;
        }),
        { numRuns: 500 },
      );
      // Both verdicts must actually occur for the agreement to mean something.
      expect(accepted).toBeGreaterThan(10);
      expect(accepted).toBeLessThan(490);
    });
  }

  it('ownCopy gives the same text as slice, lone surrogates, quotes and control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat({ max: 40 }), fc.nat({ max: 40 }), (text, a, b) => {
        const [s, e] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        expect(ownCopy(text, s, e)).toBe(text.slice(s, e));
      }),
    );
    expect(ownCopy('x"\\\u0001\ud800y'.repeat(3), 0, 18)).toBe('x"\\\u0001\ud800y'.repeat(3).slice(0, 18));
  });

  it('lowerCode and rangeIsLower lower-case as toLowerCase does (the repeated-header check)', () => {
    // Every UTF-16 unit: the fast paths for ASCII, Hangul and CJK included.
    let differ = 0;
    for (let c = 0; c <= 0xffff; c++) if (lowerCode(c) !== String.fromCharCode(c).toLowerCase().charCodeAt(0)) differ++;
    expect(differ).toBe(0);
    expect([lowerCode(0x44), lowerCode(0xd55c), lowerCode(0xc9)]).toEqual([0x64, 0xd55c, 0xe9]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'İ', 'ß', '한', 'Σ', ' ', '_'), maxLength: 8 }), fc.string({ maxLength: 3 }), (cell, pad) => {
        const src = `${pad}${cell}${pad}`;
        expect(rangeIsLower(src, pad.length, pad.length + cell.length, cell.toLowerCase())).toBe(true);
        expect(rangeIsLower(src, pad.length, pad.length + cell.length, `${cell.toLowerCase()}x`)).toBe(false);
      }),
    );
  });

  it('joined texts give back each text by its code, empty ones and surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 40 }), (texts) => {
        const values = ['', ...texts];
        const joined = joinTexts(values);
        expect(textCount(joined)).toBe(values.length);
        expect(values.map((_, k) => textAt(joined, k))).toEqual(values);
      }),
    );
    expect(joinTexts(['', 'D-1', '', 'D-22'])).toEqual({ text: 'D-1D-22', ends: Int32Array.of(0, 3, 3, 7) });
  });

  it('IdTable keeps and finds exactly what a Map does, by string and by a range of a larger string, the first value of a text kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '', 'D-1')), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        fc.boolean(),
        (keys, probes, lookFirst) => {
          const map = new Map<string, number>();
          const table = new IdTable();
          keys.forEach((key, i) => {
            // As deals.csv does: a lookup, then an add right after it (or an add alone).
            if (lookFirst) expect(table.get(key)).toBe(map.get(key) ?? -1);
            expect(table.add(key, i)).toBe(map.get(key) ?? -1);
            if (!map.has(key)) map.set(key, i);
          });
          expect(table.size).toBe(map.size);
          for (const probe of [...keys, ...probes]) {
            const text = `<${probe}>`;
            expect(table.get(probe)).toBe(map.get(probe) ?? -1);
            expect(table.find(text, 1, text.length - 1)).toBe(map.get(probe) ?? -1);
          }
          // An add after a lookup of another text that found nothing: still where that text belongs.
          const other = IdTable.from(map);
          expect(other.get('\u0000none')).toBe(-1);
          expect(other.add('\u0001new', 1)).toBe(-1);
          expect(other.get('\u0001new')).toBe(1);
          expect(other.get('\u0000none')).toBe(-1);
        },
      ),
    );
    // Two ids of the same FNV-1a hash: told apart by their texts.
    expect(hashRange('D-29845', 0, 7)).toBe(hashRange('D-205580', 0, 8));
    const table = IdTable.from([['D-29845', 0]]);
    expect([table.get('D-205580'), table.find('<D-205580>', 1, 9)]).toEqual([-1, -1]);
    expect(table.add('D-205580', 1)).toBe(-1);
    expect([table.get('D-29845'), table.get('D-205580'), table.find('<D-205580>', 1, 9)]).toEqual([0, 1, 1]);
  });

  it('stage_history: the fast path refuses an empty deal_id even before any lookup', () => {
    const record = new CsvRecord();
    record.cells = ['', 'won', '2025-01-01'];
    record.length = 3;
    expect(historyFastPath(ctx, ids, 0, 1, 2).check(record)).toBe(false);
  });

  // The same two ways in, with a decimal point and a decimal comma.
  it.each([
    ['ranges', '.'],
    ['strings', '.'],
    ['ranges', ','],
  ] as const)('field_history: the fast path over %s (decimal %s) accepts exactly what zod accepts, with the same change', (mode, decimal) => {
    const c = rowContext(parseConfig({ fx: { USD: 1300 }, timezone: 'Asia/Seoul', date_order: 'DMY', decimal }));
    const deals = [{ currency: 'USD', fxRate: 1300 }, { currency: 'KRW', fxRate: 1 }];
    const schema = rowSchema(fieldHistoryRow(c, deal, (d) => ({ code: deals[d]!.currency, fxRate: deals[d]!.fxRate })));
    const fast = fieldFastPath(c, (src, s, e) => ids.find(src, s, e), (d) => deals[d]!.currency, { deal: 0, field: 1, oldValue: 2, newValue: 3, changedAt: 4 });
    const value = fc.oneof(
      cellFor('old_value'),
      fc.constantFrom('1,500', '1.500', '1,500.5', '1.500,5', '999,999,999,999,999', '1,000,000,000,000,001', '1000000000000000000', 'USD 12', 'krw 5', '₩7,000', '12 USD'),
      fc.constantFrom('2025-03-01', ' 2025-03-01T09:00:00+09:00 ', '01/05/2025', '2025/3/1', '2025-02-30', '2025-03-01 25:00'),
    );
    const field = fc.constantFrom('amount', 'Amount', 'close_date', 'CloseDate', 'expected_close_at', 'stage', ' amount ', '');
    const record = new CsvRecord();
    let accepted = 0;
    fc.assert(
      fc.property(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('D1', 'D2', ' D1 ') }, cellFor('deal_id')), field, value, value, cellFor('changed_at')), (cells) => {
        fillRecord(record, mode, cells);
        const ok = fast.check(record);
        const [deal_id, f, old_value, new_value, changed_at] = cells.map((x) => x.trim());
        const slow = schema.safeParse({ deal_id, field: f, old_value, new_value, changed_at });
        // An amount that may be a thousand times more (`1.500`) is left to the validator's path, which warns of it.
        const deferred = trackedField(f!) === 'amount' && [old_value, new_value].some((v) => thousandsDoubt(v!, decimal) !== null);
        expect(ok).toBe(slow.success && !deferred);
        if (!ok) return;
        accepted++;
        const fxRate = deals[fast.deal]!.fxRate;
        const valueOf = (v: number) => (Number.isNaN(v) ? null : fast.kind === AMOUNT ? v * fxRate : fast.dates[v]);
        const change = { deal: fast.deal, field: FIELD_OF[fast.kind], oldValue: valueOf(fast.oldValue), newValue: valueOf(fast.newValue), changedAt: fast.changedAt, line: 0 };
        expect(change).toEqual(slow.data);
      }),
      { numRuns: 1500 },
    );
    // Accepted rows must occur for the agreement on the change to mean something. About 13.5 % are
    // (mean 201 to 209 of 1,500, sd 13.5, over 2,000 seeds): 100 or fewer is a chance below 1e-12.
    expect(accepted).toBeGreaterThan(100);
  });

  // Two ways in: cells as ranges of CSV text (a canonical file), and cells as strings (a vendor adapter's rows).
  it.each(['ranges', 'strings'] as const)('stage_history: the fast path over %s accepts exactly what zod accepts', (mode) => {
    const schema = rowSchema(definitions.stage_history);
    const fast = historyFastPath(ctx, ids, 0, 1, 2);
    const record = new CsvRecord();
    fc.assert(
      fc.property(fc.tuple(cellFor('deal_id'), cellFor('stage'), cellFor('entered_at')), (cells) => {
        fillRecord(record, mode, cells);
        const ok = fast.check(record);
        const slow = schema.safeParse({ deal_id: cells[0]!.trim(), stage: cells[1]!.trim(), entered_at: cells[2]!.trim() });
        expect(ok).toBe(slow.success);
        if (slow.success) expect({ deal_id: fast.deal, stage: fast.stage, entered_at: fast.at }).toEqual(slow.data);
      }),
      { numRuns: 1000 },
    );
  });
});
