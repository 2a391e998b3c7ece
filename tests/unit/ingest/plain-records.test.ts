/**
 * Plain records read straight from the bytes (vendor/plain-records.ts) are
 * the records the CSV reader gives for the same lines, and reading stops at
 * the first record that is not plain, where the CSV reader takes over: the
 * file read in parts (read-split.ts, which uses both) gives what a whole
 * reading gives, on hand-made and random files.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readVendorFileSplit } from '../../../src/lib/ingest/read-split.ts';
import { bytesReader, MAX_LINE_BYTES, type PlainStop, readPlainRecords } from '../../../src/lib/ingest/vendor/plain-records.ts';
import { readVendorTable } from '../../../src/lib/ingest/vendor/read-table.ts';
import { VendorTable } from '../../../src/lib/ingest/vendor/vendor-table.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function rows(t: VendorTable) {
  return Array.from({ length: t.length }, (_, r) => [t.line(r), ...Array.from({ length: t.cellCount }, (_, c) => t.cell(r, c))]);
}

/** The lines below a 3-column header, read plainly (lines from 2). */
function plain(body: string | Uint8Array, opts: { keep?: number[]; maxCells?: number } = {}): { table: VendorTable; stop: PlainStop } {
  const table = new VendorTable('f.csv', ['a', 'b', 'c'], 1, opts.keep ?? null);
  const bytes = typeof body === 'string' ? encode(body) : body;
  const stop = readPlainRecords(bytesReader(bytes), table, { firstLine: 2, delimiter: ',', maxCells: opts.maxCells ?? 3, isUtf8: (b) => isUtf8(b) });
  return { table, stop };
}

/** The same lines under the header, read whole by the CSV reader. */
function whole(body: string, keep?: number[]): VendorTable {
  return readVendorTable('f.csv', byteSource(encode(`a,b,c\n${body}`)), new IssueLog(), keep ? () => keep : undefined);
}

describe('plain records', () => {
  it('gives the cells the CSV reader gives: quotes, "" inside quotes, spaces, blank lines, CRLF', () => {
    const body = [
      '"D1","Acme ""Big"" deal","  padded  "',
      'D1,"Acme ""Big"" deal",\u3000wide space\u3000',
      '',
      ' , ,\u00a0',
      '"D2",5" pipe,"한국 정밀"\r',
      ',,',
      'D2,"",x',
      '',
    ].join('\n');
    const { table, stop } = plain(body);
    const expected = whole(body);
    expect(stop).toEqual({ at: encode(body).length, line: 9, rows: 4 });
    expect(rows(table)).toEqual(rows(expected));
    expect(rows(table)).toEqual([
      [2, 'D1', 'Acme "Big" deal', 'padded'],
      [3, 'D1', 'Acme "Big" deal', 'wide space'],
      [6, 'D2', '5" pipe', '한국 정밀'],
      [8, 'D2', '', 'x'],
    ]);
  });

  it('codes a text once, quoted or not, repeated or not (the cell above is compared in place)', () => {
    const body = ['"Acme","Won","x"', 'Acme,Won,x', '"Acme", Won ,"x"', '"Acme","Won","x"', 'Other,Won,x', '"Acme","Won","x"', ''].join('\r\n');
    const { table } = plain(body);
    expect(rows(table)).toEqual(rows(whole(body)));
    expect(table.values).toEqual(['', 'Acme', 'Won', 'x', 'Other']);
    expect(new Set(Array.from({ length: table.length }, (_, r) => table.code(r, 0)))).toEqual(new Set([1, 4]));
  });

  it('reads a cell from its own bytes when the cell above holds a delimiter or a quote, or is the start of this one', () => {
    const body = '"a,b",x,y\na,b,y\nabc,x,y\n"abc""d",x,y\n5" pipe,x,y\n"5" pipe",x,y\n';
    const { table, stop } = plain(body);
    expect(rows(table)).toEqual([
      [2, 'a,b', 'x', 'y'],
      [3, 'a', 'b', 'y'],
      [4, 'abc', 'x', 'y'],
      [5, 'abc"d', 'x', 'y'],
      [6, '5" pipe', 'x', 'y'],
    ]);
    expect(rows(table)).toEqual(rows(whole(body)).slice(0, 5));
    // `"5" pipe"` is text after a closing quote: the CSV reader's, with its warning.
    expect(stop.line).toBe(7);
    expect(rows(whole(body))[5]).toEqual([7, '5 pipe"', 'x', 'y']);
  });

  it('reads blank cells past the header\'s as the CSV reader does (the table widens), and stops at one that is not blank', () => {
    const body = 'D1,a,b,\nD2,a,b, ,""\nD3,a,b,x\nD4,a,b\n';
    const { table, stop } = plain(body);
    expect(stop).toEqual({ at: encode('D1,a,b,\nD2,a,b, ,""\n').length, line: 4, rows: 2 });
    expect(table.cellCount).toBe(5);
    expect(rows(table)).toEqual(rows(whole(body)).slice(0, 2));
    expect(rows(table)).toEqual([
      [2, 'D1', 'a', 'b', '', ''],
      [3, 'D2', 'a', 'b', '', ''],
    ]);
  });

  it.each([
    [';', 'D1;a,b;x\n"D2";"c;d";y\nD2;c;d;\n'],
    ['\t', 'D1\ta,b\tx\n"D2"\t"c\td"\ty\nD2\tc\td\t\n'],
  ] as const)('reads a file delimited by %j as the CSV reader does', (delimiter, body) => {
    const table = new VendorTable('f.csv', ['a', 'b', 'c'], 1, null);
    const stop = readPlainRecords(bytesReader(encode(body)), table, { firstLine: 2, delimiter, maxCells: 3, isUtf8: (b) => isUtf8(b) });
    const expected = readVendorTable('f.csv', byteSource(encode(`a${delimiter}b${delimiter}c\n${body}`)), new IssueLog());
    expect(stop.at).toBe(encode(body).length);
    expect(rows(table)).toEqual(rows(expected));
    // The last row's trailing delimiter adds a blank cell: the table widens to four.
    expect(rows(table)).toEqual([
      [2, 'D1', 'a,b', 'x', ''],
      [3, 'D2', `c${delimiter}d`, 'y', ''],
      [4, 'D2', 'c', 'd', ''],
    ]);
  });

  it('keeps only the columns asked for, and still skips a record blank in all of them only when it is blank', () => {
    const body = 'D1,skip me,x\n,kept out,\n, ,\nD2,,y\n';
    const { table, stop } = plain(body, { keep: [0, 2] });
    expect(rows(table)).toEqual(rows(whole(body, [0, 2])));
    expect(rows(table)).toEqual([
      [2, 'D1', '', 'x'],
      [3, '', '', ''],
      [5, 'D2', '', 'y'],
    ]);
    expect(stop.rows).toBe(3);
  });

  it.each([
    ['a quoted cell spanning lines', 'D1,a,b\nD2,"two\nlines",c\n', 7, 3],
    ['text after a closing quote', 'D1,a,b\nD2,"Alpha" upgrade,c\n', 7, 3],
    ['a lone CR', 'D1,a,b\rD2,a,b\n', 0, 2],
    ['a cell that is not blank past the header\'s', 'D1,a,b\nD2,a,b,extra\n', 7, 3],
    ['a NUL', 'D1,a,b\nD2,a\0,b\n', 7, 3],
    ['a last line without a line end', 'D1,a,b\nD2,a,b', 7, 3],
    ['a record whose only text left out is non-ASCII (it may be all spaces)', 'D1,a,b\n,\u3000,\n', 7, 3],
  ])('stops at %s, at the start of that record', (_, body, at, line) => {
    const { table, stop } = plain(body, { keep: [0, 2] });
    expect(stop.at).toBe(at);
    expect(stop.line).toBe(line);
    expect(table.length).toBe(line - 2);
  });

  it('stops at a very long line, having given every byte to onBytes', () => {
    const long = `D2,${'x'.repeat(2 * MAX_LINE_BYTES)},b\n`;
    const bytes = encode(`D1,a,b\n${long}D3,a,b\n`);
    const table = new VendorTable('f.csv', ['a', 'b', 'c'], 1, null);
    let seen = 0;
    const stop = readPlainRecords(bytesReader(bytes), table, { firstLine: 2, delimiter: ',', maxCells: 3, isUtf8: (b) => isUtf8(b), onBytes: (b) => (seen += b.length) });
    expect(stop).toEqual({ at: 7, line: 3, rows: 1 });
    expect(seen).toBe(bytes.length);
  });

  it('stops at bytes that are not UTF-8, in a kept cell or in one left out', () => {
    const latin1 = (cells: number[]) => new Uint8Array([...encode('D1,a,b\n'), ...cells, 0x0a]);
    for (const bytes of [latin1([...encode('D2,Negociaci'), 0xf3, 0x6e, ...encode(',b')]), latin1([...encode('D2,a,Negociaci'), 0xf3, 0x6e])]) {
      const { table, stop } = plain(bytes, { keep: [0, 1] });
      // The whole block is checked before any of it is read.
      expect(stop).toEqual({ at: 0, line: 2, rows: 0 });
      expect(table.length).toBe(0);
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'pipescope-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function splitAndWhole(text: string, keep: readonly number[] | undefined, threads: number) {
  const bytes = encode(text);
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const splitLog = new IssueLog();
  const split = await readVendorFileSplit('f.csv', path, bytes.length, splitLog, keep ? () => keep : undefined, { minBytes: 0, threads });
  // Given up: the file is read whole (and may stop ingest, at a NUL).
  if (split === null) return null;
  const wholeLog = new IssueLog();
  const wholeTable = readVendorTable('f.csv', byteSource(bytes), wholeLog, keep ? () => keep : undefined);
  return { split, splitIssues: splitLog.sorted(), whole: wholeTable, wholeIssues: wholeLog.sorted() };
}

describe('a large export read in parts, plain records first', () => {
  it('reads a report saved with its title lines above the header as a whole reading does', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `"D${Math.floor(i / 3)}","Deal ${Math.floor(i / 3)}","6/${(i % 28) + 1}/2025","Won"`);
    const text = `"Opportunity History"\r\n"Filtered By: Closed equals False"\r\n"Id","Name","Date","Stage"\r\n${lines.join('\r\n')}\r\n\r\n"Grand Totals (60 records)"\r\n`;
    for (const threads of [1, 2]) {
      const both = await splitAndWhole(text, undefined, threads);
      expect(both).not.toBeNull();
      const { split, splitIssues, whole: w, wholeIssues } = both!;
      expect(split.table.names).toEqual(['id', 'name', 'date', 'stage']);
      expect(split.table.headerLine).toBe(3);
      expect(rows(split.table)).toEqual(rows(w));
      expect(splitIssues).toEqual(wholeIssues);
      expect(splitIssues.map((i) => i.code)).toEqual(['report_title']);
    }
  });

  it('agrees with a whole reading on export-like files with a few records that are not plain (property)', async () => {
    // Mostly plain cells, repeated down the column as reports repeat them, and now and then one that is not plain.
    const plainCell = fc.oneof(
      fc.constantFrom('"Acme"', 'Acme', '"Acme "', '" Acme"', '"Won"', 'Won', '""', '', '"a ""b"" c"', '5" pipe', '"한국 정밀"', '\u3000x', '"\u00a0"', '"a,b"', ' '),
      fc.string({ maxLength: 5 }).map((s) => s.replace(/[\r\n",\0]/gu, '')),
    );
    const oddCell = fc.constantFrom('"two\nlines"', '"Alpha" upgrade', '"unclosed', 'x\ry', 'a\0b');
    const row = fc.array(fc.oneof({ weight: 30, arbitrary: plainCell }, { weight: 1, arbitrary: oddCell }), { minLength: 1, maxLength: 4 });
    const record = fc.tuple(row, fc.nat(3)).map(([cells, repeat]) => Array.from({ length: repeat + 1 }, () => cells.join(',')));
    const ending = fc.constantFrom('\n', '\r\n');
    const file = fc
      .tuple(fc.array(fc.tuple(record, ending), { minLength: 4, maxLength: 40 }), fc.constantFrom(null, [0, 2], [1]))
      .map(([records, keep]) => ({ text: `h1,h2,h3\n${records.flatMap(([lines, e]) => lines.map((l) => l + e)).join('')}`, keep }));
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom(1, 2), async ({ text, keep }, threads) => {
        const both = await splitAndWhole(text, keep ?? undefined, threads);
        if (both === null) return;
        const { split, splitIssues, whole: w, wholeIssues } = both;
        compared++;
        expect(rows(split.table)).toEqual(rows(w));
        expect([split.table.rows, split.table.malformed]).toEqual([w.rows, w.malformed]);
        expect(splitIssues).toEqual(wholeIssues);
        // One code per text.
        expect(new Set(split.table.values).size).toBe(split.table.values.length);
      }),
      { numRuns: 40 },
    );
    // About 70 % of these files are read in parts (1,000 runs); the rest have a NUL or text after
    // a closing quote, and are read whole. Fewer than 13 of 40 is a chance below 1e-7.
    expect(compared).toBeGreaterThan(12);
  }, 120_000);
});
