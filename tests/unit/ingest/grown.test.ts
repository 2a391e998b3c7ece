/**
 * Typed columns cut to their rows (grown.ts `fitted`, `sendable`), and the two
 * readings sent from the history thread, whose buffers must be at most a third
 * longer than their rows: the receiving thread counts a buffer's whole length
 * as its memory. Their columns are sized by `rowEstimate` and grow past it.
 */
import { describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { readFieldPrepass } from '../../../src/lib/ingest/field-prepass.ts';
import { fitted, growColumns, grown, sendable } from '../../../src/lib/ingest/grown.ts';
import { rowCapacity, rowEstimate } from '../../../src/lib/ingest/row-capacity.ts';
import { readHistoryPrepass } from '../../../src/lib/ingest/history-prepass.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { rowContext } from '../../../src/lib/ingest/row-context.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const lines = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('fitted', () => {
  it('keeps the first n values in a buffer of their size and detaches the column it was given', () => {
    const column = new Float64Array(1000);
    column.set([1.5, -2, 3]);
    const fit = fitted(column, 3);
    expect([...fit]).toEqual([1.5, -2, 3]);
    expect(fit.buffer.byteLength).toBe(24);
    expect(column.length).toBe(0); // detached: its memory is released now, not when collected
    expect(fitted(new Int32Array(8), 0).buffer.byteLength).toBe(0);
  });

  it('refuses a view into a larger buffer, or more values than the column holds', () => {
    expect(() => fitted(new Int32Array(8).subarray(2), 2)).toThrow(/whole column/u);
    expect(() => fitted(new Int8Array(4), 5)).toThrow(/at most its length/u);
  });

  it('is the inverse of grown for the values kept', () => {
    const a = Int32Array.from([7, 8, 9]);
    expect([...fitted(grown(a, 64), 3)]).toEqual([7, 8, 9]);
  });
});

describe('sendable', () => {
  it('gives a view of the rows, without a copy, when they fill at least three quarters of the column', () => {
    const column = new Int32Array(8);
    column.set([4, 5, 6, 7, 8, 9]);
    const sent = sendable(column, 6);
    expect([...sent]).toEqual([4, 5, 6, 7, 8, 9]);
    expect(sent.buffer).toBe(column.buffer);
    expect(column.length).toBe(8); // not detached
  });

  it('fits a column its rows fill less than three quarters of', () => {
    const column = new Float64Array(8);
    column.set([1, 2, 3, 4, 5]);
    const sent = sendable(column, 5);
    expect([...sent]).toEqual([1, 2, 3, 4, 5]);
    expect(sent.buffer.byteLength).toBe(40);
    expect(column.length).toBe(0);
  });
});

describe('growColumns', () => {
  it('grows every named column to the length, keeping its values', () => {
    const rows = { a: Int32Array.from([1, 2]), b: Float64Array.from([0.5, 1.5]), other: 'kept' };
    growColumns(rows, ['a', 'b'], 5);
    expect([...rows.a]).toEqual([1, 2, 0, 0, 0]);
    expect([...rows.b]).toEqual([0.5, 1.5, 0, 0, 0]);
    expect(rows.other).toBe('kept');
  });
});

describe('rowEstimate', () => {
  it('counts the lines of a file its first bytes hold whole, the header and a last line without a line end included', () => {
    expect(rowEstimate(byteSource(utf8('a,b\n1,2\n3,4')))).toBe(3);
    expect(rowEstimate(byteSource(utf8('a,b\n1,2\n3,4\n')))).toBe(4);
  });

  it('scales a larger file from the lines of its first 64 KB, a tenth over, and never past the most rows it can hold', () => {
    // 20-byte lines: 300,000 of them in 6,000,000 bytes.
    const text = `${lines(300_000, (i) => `D${String(i).padStart(7, '0')},stage,2025`)}\n`;
    const source = byteSource(utf8(text));
    expect(source.size).toBe(6_000_000);
    // The first 65,536 bytes hold 3,276 whole lines: ceil(6,000,000 / 65,536 * 3,276 * 1.1) + 64.
    expect(rowEstimate(source)).toBe(329_920 + 64);
    expect(rowCapacity(source)).toBe(Math.ceil(6_000_000 / 14));
    // Lines shorter than a row can be: the most rows instead.
    expect(rowEstimate(byteSource(utf8('\n'.repeat(100_000))))).toBe(Math.ceil(100_000 / 14));
  });
});

describe('the history thread’s readings', () => {
  const ctx = rowContext(parseConfig({}));

  it('hand over stage history columns no longer than their rows', () => {
    const text = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\nD1,qualify,2025-02-03\nD2,prospect,2025-03-04\n';
    const pre = readHistoryPrepass(byteSource(utf8(text)), ctx);
    expect(pre.length).toBe(3);
    for (const column of [pre.code, pre.stage, pre.at, pre.line]) {
      expect(column.length).toBe(3);
      expect(column.buffer.byteLength).toBe(3 * column.BYTES_PER_ELEMENT);
    }
    expect([...pre.line]).toEqual([2, 3, 4]);
  });

  it('hand over field history columns no longer than their rows', () => {
    const text = 'deal_id,field,old_value,new_value,changed_at\nD1,amount,100,200,2025-01-02\nD2,expected_close_at,2025-03-01,2025-04-01,2025-02-03\n';
    const pre = readFieldPrepass(byteSource(utf8(text)), ctx);
    expect(pre.length).toBe(2);
    for (const column of [pre.code, pre.field, pre.oldValue, pre.newValue, pre.changedAt, pre.line]) {
      expect(column.length).toBe(2);
      expect(column.buffer.byteLength).toBe(2 * column.BYTES_PER_ELEMENT);
    }
  });

  it('read every row of a file whose first lines are longer than the rest (columns grown past the estimate)', () => {
    // ~70 KB of long ids first, then 20,000 short rows: the estimate from the first 64 KB falls short.
    const long = lines(250, (i) => `D${'x'.repeat(240)}${i},prospect,2025-01-02`);
    const short = lines(20_000, (i) => `S${i},prospect,2025-01-03`);
    const source = byteSource(utf8(`deal_id,stage,entered_at\n${long}\n${short}\n`));
    expect(rowEstimate(source)).toBeLessThan(20_250);
    const pre = readHistoryPrepass(source, ctx);
    expect(pre.length).toBe(20_250);
    expect(pre.line[0]).toBe(2);
    expect(pre.line[20_249]).toBe(20_251);
    expect(new Set(pre.code).size).toBe(20_250); // every id its own code, the last rows' included
    for (const column of [pre.code, pre.stage, pre.at, pre.line]) {
      expect(column.length).toBe(20_250);
      expect(column.buffer.byteLength).toBeLessThanOrEqual(Math.ceil((20_250 * 4) / 3) * column.BYTES_PER_ELEMENT);
    }
  });

  it('read every field history row of a file whose first lines are longer than the rest', () => {
    const long = lines(250, (i) => `D${'x'.repeat(240)}${i},amount,100,200,2025-01-02`);
    const short = lines(10_000, (i) => `S${i},amount,1,2,2025-01-03`);
    const source = byteSource(utf8(`deal_id,field,old_value,new_value,changed_at\n${long}\n${short}\n`));
    expect(rowEstimate(source)).toBeLessThan(10_250);
    const pre = readFieldPrepass(source, ctx);
    expect(pre.length).toBe(10_250);
    expect(pre.line[10_249]).toBe(10_251);
    expect(pre.newValue[10_249]).toBe(2);
    expect(pre.oldValue[0]).toBe(100);
  });
});
