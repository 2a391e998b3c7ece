/**
 * Typed columns cut to their rows (grown.ts `fitted`), and the two readings
 * sent from the history thread, whose buffers must be no longer than their
 * rows: the receiving thread counts a buffer's whole length as its memory.
 */
import { describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { readFieldPrepass } from '../../../src/lib/ingest/field-prepass.ts';
import { fitted, grown } from '../../../src/lib/ingest/grown.ts';
import { readHistoryPrepass } from '../../../src/lib/ingest/history-prepass.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { rowContext } from '../../../src/lib/ingest/row-context.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

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
});
