import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/format/csv.ts';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('BOM first, CRLF after every record', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, 'y']])).toBe(`${BOM}a,b\r\n1,x\r\n2,y\r\n`);
    expect(toCsv(['only'], [])).toBe(`${BOM}only\r\n`);
  });
  it('Korean text stays as is (UTF-8 with BOM for Excel)', () => {
    expect(toCsv(['단계', '금액'], [['협상', 19000000]])).toBe(`${BOM}단계,금액\r\n협상,19000000\r\n`);
  });
  it('RFC 4180 quoting: comma, quote, CR, LF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell(' padded ')).toBe(' padded ');
  });
  it('null and non-finite numbers are empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, Number.NaN, Number.POSITIVE_INFINITY]])).toBe(`${BOM}a,b,c\r\n,,\r\n`);
  });
  it('numbers are written in full, unformatted, negatives untouched', () => {
    expect(csvCell(-1500)).toBe('-1500');
    expect(csvCell(4888888.888888889)).toBe('4888888.888888889');
    expect(csvCell(0.6923076923076923)).toBe('0.6923076923076923');
    expect(csvCell(-0)).toBe('0');
    expect(toCsv(['delta'], [[-5]])).toBe(`${BOM}delta\r\n-5\r\n`);
  });
  it('neutralises formula starts in text cells', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+821012345678')).toBe("'+821012345678");
    expect(csvCell('-5')).toBe("'-5"); // text, not a number: neutralised
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
  });
  it('neutralises a formula start after a ; or tab, where a semicolon-locale Excel or a tab import starts a cell', () => {
    // Excel with ';' as its list separator reads `D-1,Lee;=HYPERLINK(A1)` as the cells 'D-1,Lee' and '=HYPERLINK(A1)'.
    expect(csvCell('Lee;=HYPERLINK(A1)')).toBe(`"Lee;'=HYPERLINK(A1)"`);
    expect(csvCell("Acme;=cmd|' /C calc'!A0")).toBe(`"Acme;'=cmd|' /C calc'!A0"`);
    expect(csvCell('X\t=1+1')).toBe(`"X\t'=1+1"`);
    expect(csvCell('a;-5;@x;＝1')).toBe(`"a;'-5;'@x;'＝1"`);
    expect(csvCell(';=1')).toBe(`";'=1"`);
    // Harmless after a separator: quoted (a delimiter-sniffing reader keeps the cell whole), not changed.
    expect(csvCell('Seoul; Busan')).toBe('"Seoul; Busan"');
    expect(csvCell('a=b;c')).toBe('"a=b;c"');
  });
  it('neutralises then quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(toCsv(['=bad', 'ok'], [['-1,5', -1.5]])).toBe(`${BOM}'=bad,ok\r\n"'-1,5",-1.5\r\n`);
  });
});
