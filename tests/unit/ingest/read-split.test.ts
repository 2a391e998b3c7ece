/**
 * A large export read in two parts (read-split.ts) gives exactly what a
 * reading of the whole file gives: the same records, lines, counts and
 * issues; and when the cut does not fall between two records, or a part has
 * something a whole reading reports once per file, it gives up (null) so the
 * file is read whole. The size threshold is lowered to read small files in parts;
 * `threads: 1` reads them in one part, as on a machine with one core.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readVendorFileSplit } from '../../../src/lib/ingest/read-split.ts';
import { wholeFileHash } from '../../../src/lib/ingest/file-ranges.ts';
import { readVendorTable } from '../../../src/lib/ingest/vendor/read-table.ts';
import { vendorRecords } from './vendor-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function both(bytes: Uint8Array, keep?: (names: readonly string[]) => readonly number[] | null, threads = 2) {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const splitLog = new IssueLog();
  const split = await readVendorFileSplit('f.csv', path, bytes.length, splitLog, keep, { minBytes: 0, threads });
  const wholeLog = new IssueLog();
  const whole = readVendorTable('f.csv', byteSource(bytes), wholeLog, keep);
  // Issues are reported in sorted order (IssueLog.sorted), whatever order they were found in.
  return { split, splitIssues: splitLog.sorted(), whole, wholeIssues: wholeLog.sorted() };
}


const encode = (text: string) => new TextEncoder().encode(text);

describe('reading a large export in two parts', () => {
  it('gives the records, lines and issues of a whole reading, with problems in the second part', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `"D${i}","Deal ${i}","6/${(i % 28) + 1}/2025","Won"`);
    rows[30] = '"D30","Deal, with comma""s","6/3/2025","Won","extra"'; // field_count, line 32
    rows[33] = '"D33","unclosed,6/3/2025,Won'; // unclosed quote, line 35
    const text = `"Id","Name","Date","Stage"\r\n${rows.join('\r\n')}\r\n`;
    const { split, splitIssues, whole, wholeIssues } = await both(encode(text));
    expect(split).not.toBeNull();
    expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
    expect(splitIssues).toEqual(wholeIssues);
    expect(wholeIssues.map((i) => [i.line, i.code])).toEqual([
      [32, 'field_count'],
      [35, 'malformed_csv'],
    ]);
    // Hashed by the worker after it sent its part: the file's own sha256.
    expect(await split!.sha256).toBe(createHash('sha256').update(encode(text)).digest('hex'));
  });

  it('rejects a last row cut off (fewer cells than the header, no line end) in the second part, as a whole reading does', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `D${i},Deal ${i},6/${(i % 28) + 1}/2025,Won`);
    const text = `Id,Name,Date,Stage\n${rows.join('\n')}\nD40,Deal 40,6/1`;
    const { split, splitIssues, whole, wholeIssues } = await both(encode(text));
    expect(split).not.toBeNull();
    expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
    expect(splitIssues).toEqual(wholeIssues);
    expect(wholeIssues.map((i) => [i.line, i.column, i.code])).toEqual([[42, 'date', 'truncated_row']]);
    expect([whole.rows, whole.malformed, whole.length]).toEqual([41, 1, 40]);
  });

  it('reports a repeated header (two exports joined), in the header\'s case or another, as a whole reading does, in either part', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `D${i},Deal ${i},6/${(i % 28) + 1}/2025,Won`);
    rows[5] = 'Id,Name,Date,Stage';
    rows[30] = '"ID","NAME","date","Stage"';
    const text = `Id,Name,Date,Stage\n${rows.join('\n')}\n`;
    for (const threads of [1, 2]) {
      const { split, splitIssues, whole, wholeIssues } = await both(encode(text), undefined, threads);
      expect(split).not.toBeNull();
      expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
      expect(splitIssues).toEqual(wholeIssues);
      expect(wholeIssues.map((i) => [i.line, i.code])).toEqual([
        [7, 'repeated_header'],
        [32, 'repeated_header'],
      ]);
      expect(whole.length).toBe(38);
    }
    // With its first column left out (a lean reading), the next column read tells it.
    const { split, whole } = await both(encode(text), (names) => names.map((_, c) => c).filter((c) => c > 0));
    expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
    expect(whole.length).toBe(38);
  });

  it('reads the rows below a header repeated in another order by its columns, in either part, as a whole reading does', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `D${i},Deal ${i},6/${(i % 28) + 1}/2025,Won`);
    const moved = (row: string) => row.split(',').reverse().join(',');
    const cases = [5, 30].map((at) => rows.map((row, i) => (i === at ? 'Stage,Date,Name,Id' : i > at ? moved(row) : row)));
    for (const lines of cases) {
      const text = `Id,Name,Date,Stage\n${lines.join('\n')}\n`;
      for (const threads of [1, 2]) {
        const { split, splitIssues, whole, wholeIssues } = await both(encode(text), undefined, threads);
        expect(wholeIssues.map((i) => i.code)).toEqual(['reordered_header']);
        expect(whole.length).toBe(39);
        expect(whole.cell(38, 0)).toBe('D39');
        expect(whole.cell(38, 3)).toBe('Won');
        // Read in parts, the same, or given up (the file then read whole).
        if (split !== null) {
          expect(vendorRecords(split.table)).toEqual(vendorRecords(whole));
          expect(splitIssues).toEqual(wholeIssues);
        }
      }
    }
  });

  it('hashes a file up to the size it was read at, and catches one that has fewer bytes by then', () => {
    const path = join(dir, 'hashed.csv');
    const bytes = encode('Id,Name\n1,a\n');
    writeFileSync(path, bytes);
    expect(wholeFileHash(path, bytes.length)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(wholeFileHash(path, bytes.length + 1)).toBeNull();
  });

  it('gives up when the cut falls inside a quoted cell spanning lines', async () => {
    const text = `Id,Note\n1,"${'line\n'.repeat(50)}end"\n2,b\n`;
    const { split, whole } = await both(encode(text));
    expect(split).toBeNull();
    expect(whole.length).toBe(2);
  });

  it('ends the head between records, not inside a quoted cell spanning lines', async () => {
    // One part: the head ends at a line end past half the file, which falls inside the note.
    const rows = (from: number) => Array.from({ length: 20 }, (_, i) => `${from + i},n${from + i}`).join('\n');
    const text = `Id,Note\n${rows(0)}\n99,"${'a long note line\n'.repeat(20)}end"\n${rows(100)}\n`;
    const half = Math.floor(encode(text).length / 2);
    expect(text.slice(0, half).split('"').length % 2).toBe(0); // an odd number of quotes: inside the note
    const { split, whole } = await both(encode(text), undefined, 1);
    expect(split).not.toBeNull();
    expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
    expect(whole.cell(20, 1)).toBe(`${'a long note line\n'.repeat(20)}end`);
  });

  it('gives up when the second part is not UTF-8, has text after a closing quote or an Excel text formula', async () => {
    const head = `Id,Name\n${Array.from({ length: 30 }, (_, i) => `${i},n${i}`).join('\n')}\n`;
    const latin1 = new Uint8Array([...encode(head), ...encode('99,Negociaci'), 0xf3, 0x6e, 0x0a]);
    expect((await both(latin1)).split).toBeNull();
    expect((await both(encode(`${head}99,"Alpha" upgrade\n`))).split).toBeNull();
    // An Excel text formula: read whole, as the text inside its quotes.
    const formula = await both(encode(`${head}99,="n99"\n`));
    expect(formula.split).toBeNull();
    expect(formula.whole.cell(30, 1)).toBe('n99');
    expect(formula.wholeIssues.map((i) => [i.line, i.code])).toEqual([[32, 'text_formula']]);
  });

  it('counts lone CRs and CRLFs as a whole reading does, and keeps only the columns asked for', async () => {
    const text = `a,b,c\r1,x,y\r\n2,x,z\r3,x,y\n${Array.from({ length: 20 }, (_, i) => `${i},x,${i % 3}`).join('\r\n')}\r\n`;
    const keep = () => [0, 2];
    const { split, whole } = await both(encode(text), keep);
    expect(split).not.toBeNull();
    expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
    expect(whole.cell(0, 1)).toBe('');
  });

  it('agrees with a whole reading on random files, or gives up (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', ' b ', '"q"', '"x""y"', '"multi\nline"', '"cr\rline"', '"a" b', '한국', 'Ñ', '"unclosed'),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n",]/gu, '')),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    const file = fc.tuple(fc.array(fc.tuple(row, ending), { minLength: 1, maxLength: 40 }), fc.boolean()).map(([rows, bom]) => (bom ? '\ufeff' : '') + 'h1,h2,h3\n' + rows.map(([r, e]) => r + e).join(''));
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom(1, 2), async (text, threads) => {
        const { split, splitIssues, whole, wholeIssues } = await both(encode(text), undefined, threads);
        if (split === null) return;
        kept++;
        expect(vendorRecords(split.table)).toEqual(vendorRecords(whole));
        expect(splitIssues).toEqual(wholeIssues);
      }),
      { numRuns: 80 },
    );
    // The property must actually compare parts for it to mean something. About 35 % of these
    // messy files are read in parts (3,200 runs over 40 seeds, 25 % to 47 % by run index): fewer
    // than 11 of 80 was a chance of about 3e-6 (1e-5 at 33 %); fewer than 5, about 7e-11.
    expect(kept).toBeGreaterThan(4);
  }, 60_000);
});
