import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/ingest/csv.ts';
import { byteSource, decodeBytes, decodeChunks, encodingAttempts } from '../../../src/lib/ingest/decode.ts';
import { cp949, utf16 } from './helpers.ts';

describe('decode', () => {
  const text = 'deal_id,account_name,amount\nD1,가원,￦1,000\n';

  it('reads UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeBytes(utf8)).toEqual({ text, encoding: 'utf-8', lossy: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeBytes(withBom)).toEqual({ text, encoding: 'utf-8', lossy: false });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decodeBytes(utf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le', lossy: false });
    expect(decodeBytes(utf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be', lossy: false });
  });

  it('detects CP949 (Korean Excel) from bytes that are not UTF-8', () => {
    const bytes = cp949(text);
    // '가' = B0 A1, '원' = BF F8, '￦' = A3 DC in CP949.
    expect([...bytes.subarray(31, 35)]).toEqual([0xb0, 0xa1, 0xbf, 0xf8]);
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'euc-kr', lossy: false });
  });

  it('falls back to UTF-8 with replacement characters, and says so', () => {
    // 0x81 is not UTF-8 and undefined in Windows-1252; 81 62 is a rare CP949 extension syllable with no Hangul around it.
    const bytes = new Uint8Array([0x61, 0x81, 0x62]);
    expect(decodeBytes(bytes)).toMatchObject({ text: 'a\uFFFDb', encoding: 'utf-8', lossy: true, notice: { code: 'invalid_encoding', line: 1 } });
  });

  it('completes a character cut by a chunk edge', () => {
    const bytes = new TextEncoder().encode('가나다라');
    for (const size of [1, 2, 4, 5]) {
      const chunks = [...decodeChunks(byteSource(bytes, size), encodingAttempts(bytes)[0]!)];
      expect(chunks.join('')).toBe('가나다라');
    }
  });
});

interface Row {
  line: number;
  cells: string[];
  malformed?: string;
}

function records(input: string | string[]): { header: string[]; headerLine: number; delimiter: string | null; rows: Row[] } {
  const rows: Row[] = [];
  let header: string[] = [];
  let headerLine = 0;
  const delimiter = parseCsv(typeof input === 'string' ? [input] : input, {
    header: (h) => {
      header = h.names;
      headerLine = h.line;
    },
    record: (r) => rows.push({ line: r.line, cells: r.malformed ? [] : r.toArray(), ...(r.malformed ? { malformed: r.malformed.kind === 'too_long' ? 'too_long' : r.malformed.reason } : {}) }),
  });
  return { header, headerLine, delimiter, rows };
}

describe('csv', () => {
  it('detects the delimiter from the header line, outside quotes', () => {
    expect(records('a,b\n1,2').delimiter).toBe(',');
    expect(records('a;b\n1,5;2').delimiter).toBe(';');
    expect(records('a\tb\n1\t2').delimiter).toBe('\t');
    expect(records('"x,y";b;c\n1;2;3').delimiter).toBe(';');
    expect(records('single\n1').delimiter).toBe(',');
    expect(records('a;b\n1;2').rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('trims and lower-cases header names and trims cells', () => {
    const r = records('  Deal_ID , STAGE \r\n  D1 ,  won  \r\n');
    expect(r.header).toEqual(['deal_id', 'stage']);
    expect(r.rows).toEqual([{ line: 2, cells: ['D1', 'won'] }]);
  });

  it('reports the first physical line of records spanning lines; blank lines are not rows', () => {
    const text = [
      'id,note,x', // 1
      '1,"two', // 2
      'lines",a', // 3
      '', // 4
      '   ', // 5
      ',,', // 6
      '2,"with ""quotes"", and, commas",b', // 7
      '3,"three', // 8
      '', // 9
      'lines",c', // 10
      '4,plain,d', // 11
    ].join('\r\n');
    expect(records(text).rows).toEqual([
      { line: 2, cells: ['1', 'two\r\nlines', 'a'] },
      { line: 7, cells: ['2', 'with "quotes", and, commas', 'b'] },
      { line: 8, cells: ['3', 'three\r\n\r\nlines', 'c'] },
      { line: 11, cells: ['4', 'plain', 'd'] },
    ]);
  });

  it('counts lines in LF, CRLF, mixed and CR-only files alike', () => {
    const expected = [
      { line: 3, cells: ['1', 'a'] },
      { line: 4, cells: ['2', 'b'] },
    ];
    for (const nl of ['\n', '\r\n', '\r']) expect(records(['h,x', '', '1,a', '2,b'].join(nl)).rows).toEqual(expected);
    expect(records('h,x\r\n\n1,a\r\n2,b\n').rows).toEqual(expected);
    expect(records('\n\nh,x\n1,a').headerLine).toBe(3);
  });

  it('keeps a broken quote to its own line and says so (csv-robust.test.ts has the rest)', () => {
    const r = records('a,b\n1,"ok"\n2,"never closed\n3,x\n');
    expect(r.rows).toEqual([
      { line: 2, cells: ['1', 'ok'] },
      { line: 3, cells: [], malformed: 'eof' },
      { line: 4, cells: ['3', 'x'] },
    ]);
    // Text after a closing quote is read as Excel reads it.
    expect(records('a,b\n1,"ok"x,y\n').rows).toEqual([{ line: 2, cells: ['1', 'okx', 'y'] }]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'x', 'won', '2025-01-02', '가망 고객'),
      fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', '가'), maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, nl]) => `h1,h2\n${lines.join(nl)}`);
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), (t, sizes) => {
        const chunks: string[] = [];
        for (let i = 0, k = 0; i < t.length; k++) {
          const n = sizes[k % sizes.length]!;
          chunks.push(t.slice(i, i + n));
          i += n;
        }
        expect(records(chunks)).toEqual(records(t));
      }),
      { numRuns: 300 },
    );
  });

  /** papaparse's records of a whole text (trimmed, blank ones dropped), and the index of its first error row. */
  const papaparse = (text: string, delimiter = ',') => {
    const result = Papa.parse<string[]>(text, { delimiter, newline: text.includes('\n') ? '\n' : '\r' });
    const firstError = Math.min(...result.errors.map((e) => e.row ?? Infinity));
    const rows = (result.data as string[][]).slice(0, firstError).map((cells) => cells.map((c) => c.trim()));
    return { rows: rows.slice(1).filter((cells) => cells.some((c) => c !== '')), clean: result.errors.length === 0 };
  };

  it('reads well-formed quoted CSV exactly like papaparse, with first lines', () => {
    const raw = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', ' ', '가'), maxLength: 8 });
    // Each cell as [how it is written, its value].
    const quoted = fc.tuple(raw, fc.constantFrom('', ' ', '  ')).map(([v, pad]) => [`"${v.replaceAll('"', '""')}"${pad}`, v] as const);
    const plain = fc.string({ unit: fc.constantFrom('x', 'y', ' ', '"', '가'), maxLength: 5 }).filter((v) => !v.startsWith('"')).map((v) => [v, v] as const);
    const row = fc.array(fc.oneof(quoted, plain), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, nl, trailing) => {
        const written = rows.map((cells) => cells.map(([w]) => w).join(','));
        const text = `h1,h2${nl}${written.join(nl)}${trailing ? nl : ''}`;
        const ours = records([text]);
        expect(ours.rows.every((r) => r.malformed === undefined)).toBe(true);
        // papaparse calls `"a" ` at the very end of the file (spaces after the closing quote, no newline)
        // malformed; it is not, and we read it. Everywhere else we must agree.
        const theirs = papaparse(text);
        if (theirs.clean) expect(ours.rows.map((r) => r.cells)).toEqual(theirs.rows);
        // Each record starts one line after the previous one plus its embedded newlines.
        const expected: Row[] = [];
        let line = 2;
        rows.forEach((cells, i) => {
          const values = cells.map(([, v]) => v.trim());
          if (values.some((v) => v !== '')) expected.push({ line, cells: values });
          line += 1 + (written[i]!.match(/\n/g)?.length ?? 0);
        });
        expect(ours.rows).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any text like papaparse, up to the first quoting error papaparse reports', () => {
    const unit = fc.constantFrom('a', ',', ';', '"', '\n', '\r\n', ' ', '가', '\t');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (body, size) => {
        const text = `h,i\n${body}`;
        const expected = papaparse(text);
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        const ours = records(chunks).rows.map((r) => r.cells);
        if (expected.clean) expect(ours).toEqual(expected.rows);
        else expect(ours.slice(0, expected.rows.length)).toEqual(expected.rows);
      }),
      { numRuns: 1000 },
    );
  });
});
