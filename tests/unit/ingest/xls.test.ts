/**
 * Excel 97-2003 workbooks (`.xls`, HubSpot's "XLS" export): the CSV of the
 * first visible sheet, each cell kind by its value as MS-XLS defines it
 * (hand-built records, xls-builder.ts), the same text as the XLSX of the
 * same workbook (LibreOffice's own XLS, tests/fixtures/exports/hubspot-xls),
 * and a file that cannot be read named with why, never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { brokenWorkbookMessage } from '../../../src/lib/ingest/export-listing.ts';
import { xlsCsv } from '../../../src/lib/ingest/workbook/xls.ts';
import { workbookCsv } from '../../../src/lib/ingest/workbook/xlsx.ts';
import { readWorkbooks } from '../../../src/lib/ingest/workbook/workbook-exports.ts';
import { WorkbookError } from '../../../src/lib/ingest/workbook/workbook-error.ts';
import {
  boolErr,
  compoundFile,
  formula,
  label,
  labelSst,
  makeXls,
  mulrk,
  number,
  record,
  rk,
  sstRecords,
  stringRecord,
  u16,
  u32,
  u8,
  workbookStream,
} from './xls-builder.ts';

const EXPORTS = join(import.meta.dirname, '..', '..', 'fixtures', 'exports');
const lines = (bytes: Uint8Array) => xlsCsv(bytes).csv.split('\r\n');
const why = (bytes: Uint8Array) => {
  try {
    xlsCsv(bytes);
  } catch (e) {
    if (e instanceof WorkbookError) return e.message;
    throw e;
  }
  return 'read';
};

/** An RK integer (MS-XLS 2.5.217: the value shifted left by two, bit 1 set; bit 0: divided by 100). */
const rkInt = (n: number, over100 = false) => ((n << 2) | 0x02 | (over100 ? 1 : 0)) >>> 0;

describe('the cells of a sheet', () => {
  it('reads every kind of cell record by its value', () => {
    const xls = makeXls({
      sst: sstRecords(['Record ID', 'Deal Name', 'Amount', 'Acme, "big" order']),
      // XF 0: General; 1: a built-in date (14); 2: a date and time of the workbook's own (164); 3: a percentage (9).
      formats: [[164, 'yyyy-mm-dd hh:mm']],
      xfFormats: [0, 14, 164, 9],
      sheets: [
        {
          name: 'Deals',
          cells: [
            labelSst(0, 0, 0),
            labelSst(0, 1, 1),
            labelSst(0, 2, 2),
            label(0, 3, '마감일'),
            // Row 2: an integer RK, a shared string with a comma and quotes, a NUMBER, a date.
            rk(1, 0, rkInt(1001)),
            labelSst(1, 1, 3),
            number(1, 2, 1234.56),
            number(1, 3, 45838, 1),
            // Row 3 is empty. Row 4: an RK over 100 (12.34), a double RK (1.5: the high half of its bits), a date and time, a percentage.
            rk(3, 0, rkInt(1234, true)),
            rk(3, 1, 0x3ff80000),
            number(3, 2, 45838.5, 2),
            rk(3, 3, 0x3fd00000, 3),
            // Row 5: three RK values in one MULRK record from column B.
            mulrk(4, 1, [
              [0, rkInt(7)],
              [0, rkInt(-3)],
              [1, rkInt(45838)],
            ]),
            // Row 6: yes/no and an error; formulas of a number, a text (its STRING record after it), yes, an error and an empty text.
            boolErr(5, 0, 1, false),
            boolErr(5, 1, 0x2a, true),
            formula(5, 2, { number: 96 }),
            formula(5, 3, { special: 0 }),
            stringRecord('Won, finally'),
            formula(5, 4, { special: 1, value: 1 }),
            formula(5, 5, { special: 2, value: 0x07 }),
            formula(5, 6, { special: 3 }),
          ],
        },
      ],
    });
    expect(lines(xls)).toEqual([
      'Record ID,Deal Name,Amount,마감일',
      '1001,"Acme, ""big"" order",1234.56,2025-06-30',
      '',
      '12.34,1.5,2025-06-30 12:00:00,25%',
      ',7,-3,2025-06-30',
      'TRUE,#N/A,96,"Won, finally",TRUE,#DIV/0!',
      '',
    ]);
  });

  it('counts dates from 1904-01-01 in a workbook of the 1904 date system', () => {
    // 2025-06-30 is day 44,376 after 1904-01-01.
    const xls = makeXls({ date1904: true, xfFormats: [0, 14], sheets: [{ name: 'S', cells: [number(0, 0, 44376, 1)] }] });
    expect(lines(xls)).toEqual(['2025-06-30', '']);
  });

  it('reads shared strings that run on into CONTINUE records, the characters restarting after a byte of flags', () => {
    const strings = ['광명엔지니어링 1공장 CNC-5X 증설', 'Hanwha Precision', 'x'.repeat(90), '김윤아 설비팀장'];
    // Records of at most 40 bytes: every string but "x"... is split, some in the middle of a character run.
    const sst = sstRecords(strings, 40);
    expect(sst.length).toBeGreaterThanOrEqual(5);
    const xls = makeXls({ sst, sheets: [{ name: 'S', cells: strings.map((_, i) => labelSst(i, 0, i)) }] });
    expect(lines(xls)).toEqual([...strings, '']);
    // Excel may switch a string from one byte a character to two where it continues: "ab" then "c한".
    const switching = [
      record(0x00fc, u32(1), u32(1), u16(4), u8(0), new Uint8Array([0x61, 0x62])),
      record(0x003c, u8(1), new Uint8Array(Buffer.from('c한', 'utf16le'))),
    ];
    expect(lines(makeXls({ sst: switching, sheets: [{ name: 'S', cells: [labelSst(0, 0, 0)] }] }))).toEqual(['abc한', '']);
  });

  it('reads a workbook too large for the mini stream the same way (500 rows, 6 columns)', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Deal ${i + 1} 증설`);
    const xls = makeXls({ sst: sstRecords(names), sheets: [{ name: 'S', cells: names.flatMap((_, i) => [labelSst(i, 0, i), rk(i, 1, rkInt(i)), ...[2, 3, 4, 5].map((c) => number(i, c, i + c / 10))]) }] });
    expect(xls.length).toBeGreaterThan(20_000);
    const read = lines(xls);
    expect(read.length).toBe(501);
    expect(read[0]).toBe('Deal 1 증설,0,0.2,0.3,0.4,0.5');
    expect(read[499]).toBe('Deal 500 증설,499,499.2,499.3,499.4,499.5');
  });
});

describe('the sheets of a workbook', () => {
  it('reads the first visible worksheet and names the others that hold data', () => {
    const xls = makeXls({
      sheets: [
        { name: 'Hidden', hidden: true, cells: [label(0, 0, 'secret')] },
        { name: 'Deals', cells: [label(0, 0, 'Record ID')] },
        { name: 'Empty', cells: [] },
        { name: '메모', cells: [label(2, 1, 'call Lena')] },
      ],
    });
    const sheet = xlsCsv(xls);
    expect(sheet.sheet).toBe('Deals');
    expect(sheet.csv).toBe('Record ID\r\n');
    expect(sheet.otherSheets).toEqual(['Hidden', '메모']);
    expect(sheet.uncalculated).toEqual({ count: 0, first: null });
    expect(sheet.skipped).toEqual([]);
  });

  it('skips a cover sheet (a title, a label with its value) and reads the first sheet that holds a table', () => {
    const xls = makeXls({
      sheets: [
        { name: 'Cover', cells: [label(0, 0, 'Deals export'), label(1, 0, 'Prepared by'), label(1, 1, 'Sales Ops'), label(2, 0, 'Confidential')] },
        { name: 'Hidden', hidden: true, cells: [label(0, 0, 'a'), label(0, 1, 'b')] },
        { name: 'Deals', cells: [label(0, 0, 'Record ID'), label(0, 1, 'Deal Name'), label(0, 2, 'Deal Stage'), label(1, 0, '1001'), label(1, 1, 'Acme'), label(1, 2, 'Won')] },
        { name: 'Notes', cells: [label(0, 0, 'call Lena')] },
      ],
    });
    const sheet = xlsCsv(xls);
    expect(sheet.sheet).toBe('Deals');
    expect(sheet.csv).toBe('Record ID,Deal Name,Deal Stage\r\n1001,Acme,Won\r\n');
    expect(sheet.skipped).toEqual(['Cover']);
    expect(sheet.otherSheets).toEqual(['Hidden', 'Notes']);
  });

  it('gives the same CSV as the XLSX of the same workbook (LibreOffice wrote both)', () => {
    const xls = readFileSync(join(EXPORTS, 'hubspot-xls', 'data', 'hubspot-crm-exports-all-deals-2025-06-30.xls'));
    const xlsx = readFileSync(join(EXPORTS, 'hubspot-workbook', 'data', 'hubspot-crm-exports-all-deals-2025-06-30.xlsx'));
    const fromXls = xlsCsv(xls);
    expect(fromXls.csv).toBe(workbookCsv(xlsx).csv);
    expect(fromXls.sheet).toBe('Deals');
    // Dates and times as ISO 8601: the first deal was created 2025-03-03 09:12.
    expect(fromXls.csv.split('\r\n')[1]).toContain('2025-03-03 09:12:00');
  });
});

describe('a workbook that cannot be read', () => {
  const small = () => makeXls({ sheets: [{ name: 'S', cells: [label(0, 0, 'a')] }] });

  it('names why: a password, an older Excel, another Office file, a cut-off file', () => {
    expect(why(makeXls({ before: [record(0x002f, u16(1), new Uint8Array(52))], sheets: [{ name: 'S', cells: [] }] }))).toBe('it is protected by a password');
    expect(why(compoundFile([['EncryptionInfo', new Uint8Array(200)], ['EncryptedPackage', new Uint8Array(5000)]]))).toBe('it is protected by a password');
    const old = 'it is an Excel 5.0/95 workbook, older than the Excel 97-2003 format this tool reads: open it in Excel and save it as .xlsx';
    expect(why(makeXls({ version: 0x0500, sheets: [{ name: 'S', cells: [] }] }))).toBe(old);
    expect(why(compoundFile([['Book', workbookStream({ version: 0x0500, sheets: [] })]]))).toBe(old);
    expect(why(compoundFile([['WordDocument', new Uint8Array(300)]]))).toBe('it is not an Excel workbook (an Office file of another kind)');
    expect(why(makeXls({ sheets: [{ name: 'S', hidden: true, cells: [label(0, 0, 'a')] }] }))).toBe('it has no visible sheet');
    const bytes = small();
    expect(why(bytes.subarray(0, bytes.length - 700))).toBe('the file is cut off (an interrupted download or copy)');
    expect(why(bytes.subarray(0, 100))).toBe('the file is cut off (an interrupted download or copy)');
  });

  it('says it in the data-quality message, in English and Korean', () => {
    const files = new Map([
      ['deals.xls', makeXls({ before: [record(0x002f, u16(1))], sheets: [] })],
      ['old.xls', makeXls({ version: 0x0500, sheets: [] })],
      // An XLSX protected by a password is a compound file (its package encrypted inside), not a ZIP file.
      ['secret.xlsx', compoundFile([['EncryptionInfo', new Uint8Array(200)], ['EncryptedPackage', new Uint8Array(5000)]])],
    ]);
    const reading = readWorkbooks([...files.keys()], (path) => files.get(path)!);
    expect(reading.broken.map((b) => b.path)).toEqual(['deals.xls', 'old.xls', 'secret.xlsx']);
    expect(reading.broken.map((b) => b.reason)).toEqual([
      'it is protected by a password',
      'it is an Excel 5.0/95 workbook, older than the Excel 97-2003 format this tool reads: open it in Excel and save it as .xlsx',
      'it is protected by a password',
    ]);
    expect(reading.broken.slice(0, 2).map((b) => issueMessage({ code: 'not_csv', message: brokenWorkbookMessage(b.reason) }, 'ko'))).toEqual([
      '읽을 수 없는 Excel 통합 문서입니다: 암호로 보호되어 있습니다. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
      '읽을 수 없는 Excel 통합 문서입니다: Excel 5.0/95 통합 문서로, 이 도구가 읽는 Excel 97-2003 형식보다 오래되었습니다. Excel에서 열어 .xlsx로 저장하세요. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
    ]);
  });

  it('never fails otherwise, whatever bytes are cut or changed (property)', () => {
    const bytes = makeXls({
      sst: sstRecords(['Record ID', '한빛 CNC 증설', 'x'.repeat(300)], 100),
      xfFormats: [0, 14],
      sheets: [{ name: 'S', cells: [labelSst(0, 0, 0), labelSst(1, 0, 1), labelSst(2, 0, 2), number(1, 1, 45838, 1), mulrk(2, 1, [[0, rkInt(5)]]), formula(3, 0, { special: 0 }), stringRecord('t')] }],
    });
    const reasons = new Set<string>();
    // The records themselves damaged, in a sound container.
    const stream = workbookStream({
      sst: sstRecords(['Record ID', '한빛 CNC 증설', 'x'.repeat(300)], 100),
      xfFormats: [0, 14],
      sheets: [{ name: 'S', cells: [labelSst(0, 0, 0), labelSst(1, 0, 1), labelSst(2, 0, 2), number(1, 1, 45838, 1), mulrk(2, 1, [[0, rkInt(5)]]), formula(3, 0, { special: 0 }), stringRecord('t')] }],
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stream.length }), fc.array(fc.tuple(fc.nat(stream.length - 1), fc.nat(255)), { maxLength: 4 }), (cut, flips) => {
        const damaged = stream.slice(0, cut);
        for (const [at, value] of flips) if (at < damaged.length) damaged[at] = value;
        reasons.add(why(compoundFile([['Workbook', damaged]])));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length }), fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { maxLength: 8 }), (cut, flips) => {
        const damaged = bytes.slice(0, cut);
        for (const [at, value] of flips) if (at < damaged.length) damaged[at] = value;
        reasons.add(why(damaged));
      }),
      { numRuns: 400 },
    );
    // Each reason met is said in Korean too (no English sentence left but the format's names).
    reasons.delete('read');
    expect(reasons.size).toBeGreaterThan(1);
    for (const reason of reasons) {
      const ko = issueMessage({ code: 'not_csv', message: brokenWorkbookMessage(reason) }, 'ko');
      expect(ko.replace(/Excel|Workbook|Office|CSV UTF-8|CSV|CRM|\.xlsx/gu, ''), reason).not.toMatch(/[a-z]{3,}/u);
    }
  });
});
