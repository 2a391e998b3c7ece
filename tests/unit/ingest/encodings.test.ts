/**
 * Real-world encodings (decode.ts): Windows-1252 beside UTF-8, UTF-16 and
 * CP949, and files that mix UTF-8 lines with legacy ones.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/lib/dataset.ts';
import { type ByteSource, byteSource, decodeBytes, decodeSource, encodingAttempts, headOf, UndecodableError } from '../../../src/lib/ingest/decode.ts';
import { type IngestFatalError, IssueLog } from '../../../src/lib/ingest/issues.ts';
import { fatalText } from '../../../src/lib/i18n/fatal-text.ts';
import { readTable } from '../../../src/lib/ingest/table.ts';
import { utf16 } from './helpers.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes, from the inverse of the platform's own decoding table. */
const WIN1252 = (() => {
  const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return new Map([...decoded].map((ch, byte) => [ch, byte]));
})();
function win1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const byte = WIN1252.get(ch);
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
    return byte;
  });
}

/** CP949 (KS X 1001) bytes of the Korean characters these tests use, as Korean Excel writes them. */
const KOREAN: Record<string, [number, number]> = {
  가: [0xb0, 0xa1],
  망: [0xb8, 0xc1],
  고: [0xb0, 0xed],
  객: [0xb0, 0xb4],
  제: [0xc1, 0xa6],
  안: [0xbe, 0xc8],
  협: [0xc7, 0xf9],
  상: [0xbb, 0xf3],
  수: [0xbc, 0xf6],
  주: [0xc1, 0xd6],
  김: [0xb1, 0xe8],
  전: [0xc0, 0xfc],
  자: [0xc0, 0xda],
  화: [0xc8, 0xad], // C8 AD is also valid UTF-8 (U+022D)
  '㈜': [0xa2, 0xdf],
  '￦': [0xa3, 0xdc],
};
function cp949(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].flatMap((ch) => {
      const pair = KOREAN[ch];
      if (pair) return pair;
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      throw new Error(`no CP949 bytes for ${ch} in the test table`);
    }),
  );
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** The text of `source` through the attempts readTable makes, with how it was read. */
function decodeAll(source: ByteSource) {
  for (const attempt of encodingAttempts(headOf(source))) {
    try {
      const decoding = decodeSource(source, attempt);
      const text = [...decoding.text].join('');
      return { text, encoding: decoding.encoding, lossy: decoding.lossy, notice: decoding.notice() };
    } catch (e) {
      if (!(e instanceof UndecodableError)) throw e;
    }
  }
  throw new Error('no attempt succeeded');
}

/** A CSV file read by readTable: its rows (header included) and issues. */
function readCsv(bytes: Uint8Array, chunkBytes?: number): { encoding: string; rows: string[][]; lines: number[]; issues: Issue[] } {
  const issues = new IssueLog();
  let rows: string[][] = [];
  let lines: number[] = [];
  const table = readTable(byteSource(bytes, chunkBytes), { file: 'deals.csv', required: [], known: [] }, { issues }, (t) => {
    rows = [t.names];
    lines = [t.headerLine];
    return (record) => {
      rows.push(record.toArray());
      lines.push(record.line);
      return true;
    };
  });
  return { encoding: table.encoding, rows, lines, issues: issues.issues };
}

describe('byte tables of the tests', () => {
  it('match the platform decoders', () => {
    expect(new TextDecoder('euc-kr').decode(cp949('가망 고객,제안,협상,수주,김,전자,화,㈜,￦'))).toBe('가망 고객,제안,협상,수주,김,전자,화,㈜,￦');
    expect([...win1252('Negociación')]).toEqual([0x4e, 0x65, 0x67, 0x6f, 0x63, 0x69, 0x61, 0x63, 0x69, 0xf3, 0x6e]);
    expect(win1252('€')[0]).toBe(0x80);
  });
});

describe('Windows-1252', () => {
  const words = ['Negociación', 'Propuesta económica', 'Qualifié', 'Geschäftsführer', 'Não', '€1.234,50'];

  it.each(words)('reads %s', (word) => {
    expect(decodeBytes(win1252(word))).toEqual({ text: word, encoding: 'windows-1252', lossy: false });
  });

  it('reads Latin text that happens to be valid CP949 as Windows-1252', () => {
    // E7 E3 is a Hanja and C7 C3 a Hangul syllable between two ASCII letters in CP949: neither is Korean text.
    for (const word of ['ação', 'AÇÃO', 'INFORMAÇÕES', 'Ça va']) {
      expect(decodeBytes(win1252(word))).toEqual({ text: word, encoding: 'windows-1252', lossy: false });
    }
  });

  it('reads a Salesforce Data Loader export in Windows-1252, without warnings', () => {
    const text = 'Name,StageName,Amount\r\nAcme,Negociación,"€1.234,50"\r\nMüller GmbH,Qualifié,100\r\nSão Paulo Ltda,Propuesta económica,5\r\n';
    for (const size of [1, 7, 4096]) {
      const read = readCsv(win1252(text), size);
      expect(read.encoding).toBe('windows-1252');
      expect(read.issues).toEqual([]);
      expect(read.rows).toEqual([
        ['name', 'stagename', 'amount'],
        ['Acme', 'Negociación', '€1.234,50'],
        ['Müller GmbH', 'Qualifié', '100'],
        ['São Paulo Ltda', 'Propuesta económica', '5'],
      ]);
    }
  });
});

/** Mac Roman bytes (Excel for Mac's "CSV (Macintosh)"), from the inverse of the platform's own decoding table. */
const MAC_ROMAN = (() => {
  const decoded = new TextDecoder('macintosh').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return new Map([...decoded].map((ch, i) => [ch, i]));
})();
function macRoman(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const byte = MAC_ROMAN.get(ch);
    if (byte === undefined) throw new Error(`no Mac Roman byte for ${ch}`);
    return byte;
  }));
}

describe('Mac Roman', () => {
  it('reads a file Excel for Mac saved as "CSV (Macintosh)", and says it guessed so, where Windows-1252 read "ZŸrich" without a word', () => {
    // Old Macs end lines with a lone CR.
    const text = 'deal_id,owner,account\rD1,Jürgen Groß,Werk Zürich\rD2,René Ødegård,Café Français\rD3,Ana,Señora Peña\r';
    expect([...macRoman('Zürich')]).toEqual([0x5a, 0x9f, 0x72, 0x69, 0x63, 0x68]);
    for (const size of [1, 7, 4096]) {
      const read = readCsv(macRoman(text), size);
      expect(read.encoding).toBe('macintosh');
      expect(read.rows.slice(1)).toEqual([
        ['D1', 'Jürgen Groß', 'Werk Zürich'],
        ['D2', 'René Ødegård', 'Café Français'],
        ['D3', 'Ana', 'Señora Peña'],
      ]);
      expect(read.issues.map((i) => [i.line, i.code])).toEqual([[2, 'encoding_guess']]);
      expect(issueMessage(read.issues[0]!, 'ko')).toMatch(/^파일을 Mac Roman으로 읽었습니다/u);
    }
  });

  it('reads French in Mac Roman, whose ç, è and ê Windows-1252 leaves undefined (they were replaced by U+FFFD), but not one such byte alone', () => {
    expect(decodeBytes(macRoman('François,Crème brûlée,Fenêtre\n'))).toMatchObject({ text: 'François,Crème brûlée,Fenêtre\n', encoding: 'macintosh', lossy: false, notice: { code: 'encoding_guess' } });
    // One byte between letters that Windows-1252 leaves undefined is more likely a damaged byte than Mac Roman's Å.
    expect(decodeBytes(Uint8Array.from([0x61, 0x81, 0x62]))).toMatchObject({ encoding: 'utf-8', lossy: true, notice: { code: 'invalid_encoding' } });
  });

  it('leaves Windows-1252 text with an apostrophe or š inside a word as Windows-1252', () => {
    // ’ (92) is í in Mac Roman, š (9A) ö: letters in both, no evidence either way; é (E9) is a Windows-1252 letter.
    for (const word of ['O’Brien', 'Dušek', 'don’t', 'Café', 'Škoda Müller']) {
      expect(decodeBytes(win1252(word)).encoding, word).toBe('windows-1252');
    }
  });
});

describe('CP949', () => {
  it('still reads a Korean Excel file as CP949', () => {
    const text = 'deal_id,owner,stage,amount\r\nD1,김,제안,"￦1,000"\r\nD2,김,협상,5\r\nD3,김,수주,7\r\nD4,김,가망 고객,9\r\n';
    // Odd chunk sizes cut the two-byte characters.
    for (const size of [1, 7, 4096]) {
      const read = readCsv(cp949(text), size);
      expect(read.encoding).toBe('euc-kr');
      expect(read.issues).toEqual([]);
      expect(read.rows.slice(1).map((r) => r[2])).toEqual(['제안', '협상', '수주', '가망 고객']);
      expect(read.rows[1]![3]).toBe('￦1,000');
    }
  });

  it('reads Hangul glued to Latin names, and symbols only, as CP949', () => {
    expect(decodeBytes(cp949('LG전자,㈜가망'))).toEqual({ text: 'LG전자,㈜가망', encoding: 'euc-kr', lossy: false });
    expect(decodeBytes(cp949('a,"￦1,000"'))).toEqual({ text: 'a,"￦1,000"', encoding: 'euc-kr', lossy: false });
  });

  it('keeps a mostly-CP949 file whole when a short line happens to be valid UTF-8', () => {
    // "화" (C8 AD) alone is also UTF-8 for U+022D; three lines of four are not UTF-8, so the file is CP949.
    const read = readCsv(cp949('id,stage\n1,제안\n2,화\n3,협상\n'));
    expect(read.encoding).toBe('euc-kr');
    expect(read.issues).toEqual([]);
    expect(read.rows.map((r) => r[1])).toEqual(['stage', '제안', '화', '협상']);
  });
});

describe('a plainly Korean CP949 file with a damaged line', () => {
  // Seven rows of Korean; on line 4 the owner "김" lost its second byte (B1 E8 → B1) before the comma.
  const rows = ['D1,김,제안', 'D2,김,협상', 'D3,김,수주', 'D4,김,가망 고객', 'D5,김,제안', 'D6,김,협상', 'D7,김,수주'];
  const damaged = (lineEnd: string) =>
    concat(
      ...['id,owner,stage', ...rows].map((line, i) => {
        const bytes = cp949(line + lineEnd);
        return i === 3 ? concat(bytes.subarray(0, 4), bytes.subarray(5)) : bytes;
      }),
    );

  it('reads the other lines as CP949 and names the damaged line, for any chunk size and line end', () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      for (const size of [1, 7, 4096]) {
        const read = readCsv(damaged(lineEnd), size);
        expect(read.encoding).toBe('euc-kr');
        expect(read.rows.map((r) => r[1])).toEqual(['owner', '김', '김', '\uFFFD', '김', '김', '김', '김']);
        expect(read.rows.map((r) => r[2])).toEqual(['stage', '제안', '협상', '수주', '가망 고객', '제안', '협상', '수주']);
        expect(read.issues.map((i) => [i.line, i.code, i.severity, i.message])).toEqual([
          [
            4,
            'invalid_encoding',
            'warning',
            'line 4 has bytes that are not CP949 (a two-byte character cut or damaged), replaced by U+FFFD; the rest of the file was read as CP949. Check that line, or re-export the file as UTF-8',
          ],
        ]);
      }
    }
  });

  it('says so in Korean, listing every such line', () => {
    // Twenty Hangul pairs for each damaged line: seven more rows, then "E8,<B1>,김" on line 16.
    const more = cp949(rows.map((row) => row.replace('D', 'E')).join('\n') + '\n');
    const bytes = concat(damaged('\n'), more, new Uint8Array([0x45, 0x38, 0x2c, 0xb1, 0x2c, 0xb1, 0xe8, 0x0a]));
    const read = decodeAll(byteSource(bytes));
    expect(read).toMatchObject({ encoding: 'euc-kr', lossy: true, notice: { code: 'invalid_encoding', line: 4 } });
    expect(read.text.split('\n').slice(14, 16)).toEqual(['E7,김,수주', 'E8,\uFFFD,김']);
    expect(issueMessage({ code: 'invalid_encoding', message: read.notice!.message }, 'ko')).toBe(
      '4, 16행은 CP949가 아닌 바이트가 있어(2바이트 문자가 잘렸거나 손상됨) U+FFFD로 바꾸었습니다. 파일의 나머지는 CP949로 읽었습니다. 해당 행의 값을 확인하거나 파일을 UTF-8로 다시 내보내세요',
    );
  });

  it('reads a pair the CP949 table lacks as U+FFFD on its line, and the rest as CP949', () => {
    // Row AD of KS X 1001 is empty: AD A1 has the shape of a pair but no character.
    const bytes = concat(cp949(['id,owner,stage', ...rows].join('\n') + '\n'), new Uint8Array([0x44, 0x38, 0x2c, 0xad, 0xa1, 0x0a]));
    const read = decodeAll(byteSource(bytes));
    expect(read).toMatchObject({ encoding: 'euc-kr', lossy: true, notice: { line: 9 } });
    expect(read.text.split('\n').slice(7, 9)).toEqual(['D7,김,수주', 'D8,\uFFFD']);
  });

  it('reads it so behind a UTF-8 BOM too, though most of its lines are ASCII', () => {
    // Eight ASCII rows, then the seven Korean ones with line 4's damage: fewer than half the lines are not UTF-8.
    const ascii = cp949(Array.from({ length: 8 }, (_, i) => `A${i},Lee,won`).join('\n') + '\n');
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), damaged('\n'), ascii);
    const read = decodeAll(byteSource(bytes));
    expect(read).toMatchObject({ encoding: 'euc-kr', notice: { code: 'invalid_encoding', line: 4 } });
    expect(read.text.split('\n').slice(0, 3)).toEqual(['id,owner,stage', 'D1,김,제안', 'D2,김,협상']);
  });

  it('names a header name with a damaged byte when it is a required column that is missing (en, ko)', () => {
    const header = concat(utf8('id,own'), new Uint8Array([0x80]), utf8('er,stage\n'));
    const bytes = concat(header, cp949(rows.join('\n') + '\n'));
    const read = () => readTable(byteSource(bytes), { file: 'deals.csv', required: ['id', 'owner'], known: [] }, { issues: new IssueLog() }, () => () => true);
    expect(read).toThrow('deals.csv: missing required column "owner"; the header has "own\uFFFDer", with bytes that could not be read (shown as \uFFFD): write the column\'s name again, or save the file as UTF-8');
    let error: unknown;
    try {
      read();
    } catch (e) {
      error = e;
    }
    expect(fatalText(error as IngestFatalError, 'ko')).toBe(
      'deals.csv: 필수 열 "owner"가 없습니다. 머리글의 "own\uFFFDer"에 읽을 수 없는 바이트가 있습니다(\uFFFD로 표시). 열 이름을 다시 적거나 파일을 UTF-8로 저장하세요',
    );
  });

  it('stays unread as CP949 when a damaged line is not outweighed by Korean text', () => {
    // Three Hangul pairs, one damaged line: too little to tell Korean from another two-byte encoding.
    const bytes = concat(cp949('id,owner\nD1,김\nD2,제'), new Uint8Array([0xb1, 0x0a]));
    expect(decodeAll(byteSource(bytes))).toMatchObject({ encoding: 'utf-8', lossy: true, notice: { code: 'invalid_encoding' } });
  });
});

describe('UTF-8 and UTF-16', () => {
  it('reads pure UTF-8 unchanged', () => {
    const text = 'id,name\n1,José\n2,가망 고객\n3,€5\n';
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', lossy: false });
    const read = readCsv(utf8(text), 7);
    expect(read).toMatchObject({ encoding: 'utf-8', issues: [] });
    expect(read.rows).toEqual([['id', 'name'], ['1', 'José'], ['2', '가망 고객'], ['3', '€5']]);
  });

  it('never cuts UTF-16 into lines at 0x0A bytes, and names the first bad line', () => {
    // U+0A0A is the bytes 0A 0A; the lone surrogate on line 3 makes the strict attempt fail.
    const bytes = utf16('a,b\n1,\u0A0A\n2,\uD800x\n', 'le');
    expect(decodeAll(byteSource(bytes, 7))).toEqual({
      text: 'a,b\n1,\u0A0A\n2,\uFFFDx\n',
      encoding: 'utf-16le',
      lossy: true,
      notice: { code: 'invalid_encoding', line: 3, message: 'the file is not valid UTF-16 LE (first at line 3); unreadable bytes were replaced by U+FFFD' },
    });
  });
});

describe('files that mix UTF-8 and legacy lines', () => {
  const mixed1252 = concat(
    utf8('id,name,stage\n'), // 1
    utf8('1,José,Qualifié\n'), // 2
    win1252('2,Müller,Negociación\n'), // 3
    utf8('3,Zoë,won\n'), // 4
    win1252('4,João,Não\n'), // 5
    win1252('5,Renée,Propuesta económica\n'), // 6
    utf8('6,Ångström,€10\n'), // 7
    utf8('7,Plain,lost\n'), // 8
  );
  const expectedRows = [
    ['id', 'name', 'stage'],
    ['1', 'José', 'Qualifié'],
    ['2', 'Müller', 'Negociación'],
    ['3', 'Zoë', 'won'],
    ['4', 'João', 'Não'],
    ['5', 'Renée', 'Propuesta económica'],
    ['6', 'Ångström', '€10'],
    ['7', 'Plain', 'lost'],
  ];
  const mixedWarning = {
    file: 'deals.csv',
    line: 3,
    column: '',
    code: 'mixed_encoding',
    severity: 'warning',
    message: 'lines 3, 5 and 6 are not UTF-8 and were read as Windows-1252; the rest is UTF-8. Re-export the file as UTF-8 to be sure',
  };

  it('decodes each line in its own encoding and names exactly the legacy lines', () => {
    const read = readCsv(mixed1252);
    expect(read.encoding).toBe('utf-8');
    expect(read.rows).toEqual(expectedRows);
    expect(read.issues).toEqual([mixedWarning]);
  });

  it('gives the same result for any chunk size, cuts in characters and lines included', () => {
    // Chunks of 5 bytes end between C3 and A9 ("é" of line 2), of 3 bytes between E2 and 82 AC ("€" of line 7);
    // every size below 64 ends chunks inside lines, of both kinds.
    expect([...mixed1252.subarray(19, 21)]).toEqual([0xc3, 0xa9]);
    expect([...mixed1252.subarray(116, 119)]).toEqual([0xe2, 0x82, 0xac]);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      const read = readCsv(mixed1252, size);
      expect(read.rows).toEqual(expectedRows);
      expect(read.issues).toEqual([mixedWarning]);
    }
  });

  it('keeps "José" on its UTF-8 line when one line is CP949', () => {
    const bytes = concat(utf8('id,name,stage\n1,José,제안\n'), cp949('2,김,가망 고객\n'), utf8('3,Zoë,협상\n'));
    for (const size of [1, 2, 3, 5, 7, 1024]) {
      const read = readCsv(bytes, size);
      expect(read.encoding).toBe('utf-8');
      expect(read.rows).toEqual([
        ['id', 'name', 'stage'],
        ['1', 'José', '제안'],
        ['2', '김', '가망 고객'],
        ['3', 'Zoë', '협상'],
      ]);
      expect(read.issues).toEqual([
        {
          file: 'deals.csv',
          line: 3,
          column: '',
          code: 'mixed_encoding',
          severity: 'warning',
          message: 'line 3 is not UTF-8 and was read as CP949; the rest is UTF-8. Re-export the file as UTF-8 to be sure',
        },
      ]);
    }
  });

  it('counts CRLF lines and quoted multi-line cells as csv.ts does', () => {
    const bytes = concat(
      utf8('id,note\r\n'), // 1
      utf8('1,"Café\r\n'), // 2
      utf8('au lait"\r\n'), // 3
      win1252('2,"Crème\r\n'), // 4
      win1252('brûlée"\r\n'), // 5
      utf8('3,Zoë\r\n'), // 6
    );
    for (const size of [1, 3, 7, 4096]) {
      const read = readCsv(bytes, size);
      expect(read.rows).toEqual([
        ['id', 'note'],
        ['1', 'Café\r\nau lait'],
        ['2', 'Crème\r\nbrûlée'],
        ['3', 'Zoë'],
      ]);
      expect(read.lines).toEqual([1, 2, 4, 6]);
      expect(read.issues.map((i) => [i.line, i.message])).toEqual([
        [4, 'lines 4 and 5 are not UTF-8 and were read as Windows-1252; the rest is UTF-8. Re-export the file as UTF-8 to be sure'],
      ]);
    }
  });

  it('counts lines ended by a lone CR (old Mac files) as csv.ts does', () => {
    const bytes = concat(utf8('id,name\r1,José\r'), win1252('2,Müller\r'), utf8('3,Zoë'));
    const read = readCsv(bytes, 7);
    expect(read.rows).toEqual([['id', 'name'], ['1', 'José'], ['2', 'Müller'], ['3', 'Zoë']]);
    expect(read.lines).toEqual([1, 2, 3, 4]);
    expect(read.issues.map((i) => i.line)).toEqual([3]);
  });

  it('takes a UTF-8 BOM as evidence of UTF-8, and drops it', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('id,name\n1,Ann\n'), win1252('2,Müller\n'), utf8('3,Bo\n'));
    for (const size of [1, 2, 7]) {
      expect(decodeAll(byteSource(bytes, size))).toMatchObject({ text: 'id,name\n1,Ann\n2,Müller\n3,Bo\n', encoding: 'utf-8', notice: { code: 'mixed_encoding', line: 3 } });
    }
  });

  it('lists at most 20 line numbers', () => {
    const lines: Uint8Array[] = [utf8('id,name\n'), utf8('0,José\n')];
    for (let i = 1; i <= 30; i++) lines.push(i % 3 === 0 ? win1252(`${i},Müller\n`) : utf8(`${i},Zoë\n`));
    const read = decodeBytes(concat(...lines));
    const bad = Array.from({ length: 10 }, (_, k) => 3 * (k + 1) + 2); // rows 3, 6, … 30 are on lines 5, 8, … 32
    expect(read.notice).toEqual({
      code: 'mixed_encoding',
      line: 5,
      message: `lines ${bad.slice(0, -1).join(', ')} and ${bad.at(-1)} are not UTF-8 and were read as Windows-1252; the rest is UTF-8. Re-export the file as UTF-8 to be sure`,
    });
    const many: Uint8Array[] = [utf8('id,name\n')];
    for (let i = 1; i <= 60; i++) many.push(i % 2 === 0 ? win1252(`${i},Müller\n`) : utf8(`${i},Zoë\n`));
    const notice = decodeBytes(concat(...many)).notice!;
    expect(notice.line).toBe(3);
    expect(notice.message).toMatch(/^lines 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41 and 10 more are not UTF-8/);
  });

  it('reads a mostly-legacy file whole, with no warning', () => {
    // One UTF-8 line of four is no majority: the file is Windows-1252 (where "Ã©" is what those bytes mean).
    const bytes = concat(win1252('id,name\n1,Müller\n2,Renée\n'), utf8('3,José\n'), win1252('4,Ñandú\n'));
    expect(decodeBytes(bytes)).toEqual({ text: 'id,name\n1,Müller\n2,Renée\n3,JosÃ©\n4,Ñandú\n', encoding: 'windows-1252', lossy: false });
  });
});

describe('bytes in no supported encoding', () => {
  it('reads the file without CP949 when the CP949 decoder refuses a pair the scan let through', () => {
    // Row AD of KS X 1001 is empty: AD A1 has the shape of a CP949 pair but no character.
    const bytes = concat(cp949('id,stage\n1,제안\n2,협상\n'), new Uint8Array([0x33, 0x2c, 0xad, 0xa1, 0x0a]));
    expect(decodeBytes(bytes)).toMatchObject({ encoding: 'utf-8', lossy: true, notice: { code: 'invalid_encoding', line: 2 } });
  });


  it('replaces them and names the first bad line', () => {
    // 0x8D is undefined in Windows-1252 and cannot start a CP949 pair before ",".
    const bytes = concat(utf8('id,name\n1,José\n2,x'), new Uint8Array([0x8d]), utf8(',y\n3,z\n'));
    const read = readCsv(bytes, 7);
    expect(read.encoding).toBe('utf-8');
    expect(read.rows[2]).toEqual(['2', 'x\uFFFD', 'y']);
    expect(read.issues).toEqual([
      {
        file: 'deals.csv',
        line: 3,
        column: '',
        code: 'invalid_encoding',
        severity: 'warning',
        message: `line 3 is not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U+FFFD. ${SAVE_AS_UTF8}`,
      },
    ]);
  });

  it('says when a file read as CP949 looks more Chinese than Korean (GBK names pair up into Hangul and Hanja alike)', () => {
    // 张伟, 王芳, 李娜, 刘洋陈静 in GBK, as Chinese Excel writes them: every pair also a CP949 character.
    const gbk = [0xd5, 0xc5, 0xce, 0xb0, 0x2c, 0xcd, 0xf5, 0xb7, 0xbc, 0x2c, 0xc0, 0xee, 0xc4, 0xc8, 0x2c, 0xc1, 0xf5, 0xd1, 0xf3, 0xb3, 0xc2, 0xbe, 0xb2];
    const read = readCsv(concat(utf8('owner,b,c,account_name\n'), new Uint8Array(gbk), utf8('\n')), 7);
    expect(read.encoding).toBe('euc-kr');
    expect(read.issues.map((i) => [i.line, i.code, i.severity])).toEqual([[2, 'encoding_guess', 'warning']]);
    expect(issueMessage(read.issues[0]!, 'ko')).toMatch(/^파일을 한국어 CP949로 읽었지만 한국어 글에 드문 문자가 많습니다/u);
  });

  it("says to save as UTF-8 a CSV Japanese Excel saved in Shift_JIS, in English and Korean", () => {
    // 株式会社サンプル and 山田 in Shift_JIS, as Japanese Excel's "CSV (Comma delimited)" writes them.
    const company = [0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0, 0x83, 0x54, 0x83, 0x93, 0x83, 0x76, 0x83, 0x8b];
    const owner = [0x8e, 0x52, 0x93, 0x63];
    const bytes = concat(utf8('id,account_name,owner\r\nD1,'), new Uint8Array(company), utf8(','), new Uint8Array(owner), utf8('\r\n'));
    const read = readCsv(bytes, 7);
    expect(read.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [2, 'invalid_encoding', `line 2 is not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U+FFFD. ${SAVE_AS_UTF8}`],
    ]);
    expect(issueMessage({ code: 'invalid_encoding', message: read.issues[0]!.message }, 'ko')).toBe(
      '2행은 UTF-8이 아니며 CP949나 Windows-1252로도 읽을 수 없습니다. 읽을 수 없는 바이트는 U+FFFD로 바꾸었습니다. 파일을 UTF-8로 저장하세요(Excel에서는 파일 → 다른 이름으로 저장 → "CSV UTF-8(쉼표로 분리)(*.csv)". 일본어·중국어 Excel은 CSV를 Shift_JIS나 GBK로 저장하며, 이 인코딩은 읽지 않습니다)',
    );
  });
});

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in Excel: File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which are not read)';
