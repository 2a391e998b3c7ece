import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { formatKind, numberText } from '../../../src/lib/ingest/workbook/cell-values.ts';
import { workbookCsv } from '../../../src/lib/ingest/workbook/xlsx.ts';
import { readWorkbooks } from '../../../src/lib/ingest/workbook/workbook-exports.ts';
import { brokenWorkbookMessage } from '../../../src/lib/ingest/export-listing.ts';
import { entryBytes, memoryZip, ZipError, zipEntries } from '../../../src/lib/ingest/archive/zip-entries.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { makeXlsx, makeZip } from './workbook-zip.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'pipescope-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvOf = (bytes: Uint8Array) => workbookCsv(bytes).csv.split('\r\n');
const why = (bytes: Uint8Array) => {
  try {
    workbookCsv(bytes);
  } catch (e) {
    if (e instanceof ZipError) return e.message;
    throw e;
  }
  return 'read';
};

describe('number formats', () => {
  it('tells dates, times and percentages from numbers as Excel does', () => {
    expect([14, 22, 20, 9, 0, 3, 49].map((id) => formatKind(id, undefined))).toEqual(['date', 'datetime', 'time', 'percent', 'number', 'number', 'number']);
    expect(formatKind(164, 'yyyy-mm-dd')).toBe('date');
    expect(formatKind(164, 'yyyy-mm-dd h:mm:ss')).toBe('datetime');
    expect(formatKind(164, '[$-409]mmmm d, yyyy')).toBe('date');
    // m after h or before s is minutes.
    expect(formatKind(164, 'h:mm')).toBe('time');
    expect(formatKind(164, 'mm:ss')).toBe('time');
    expect(formatKind(164, '[h]:mm:ss')).toBe('time');
    expect(formatKind(164, 'mmm-yy')).toBe('date');
    // Quoted text, colours and currency locales are not date parts.
    expect(formatKind(164, '#,##0 "days";[Red]-#,##0')).toBe('number');
    expect(formatKind(164, '[$₩-412]#,##0')).toBe('number');
    expect(formatKind(164, '0.0%')).toBe('percent');
    expect(formatKind(164, '0.00E+00')).toBe('number');
    expect(formatKind(164, 'General')).toBe('number');
  });

  it('writes serial days as ISO dates in both date systems, times rounded to the second', () => {
    // 2025-06-30 is day 45,838 after 1899-12-30, and day 44,376 after 1904-01-01.
    expect(numberText('45838', 'date', false)).toBe('2025-06-30');
    expect(numberText('44376', 'date', true)).toBe('2025-06-30');
    expect(numberText('45838.5', 'datetime', false)).toBe('2025-06-30 12:00:00');
    // 0.999999 of a day rounds to midnight, the next day's.
    expect(numberText('45838.999999', 'datetime', false)).toBe('2025-07-01 00:00:00');
    expect(numberText('0.75', 'time', false)).toBe('18:00:00');
    // Before 1900-03-01 day 0 is 1899-12-31 (Excel counts a 1900-02-29, serial 60, which has no date).
    expect(numberText('59', 'date', false)).toBe('1900-02-28');
    expect(numberText('61', 'date', false)).toBe('1900-03-01');
    expect(numberText('60', 'date', false)).toBe('60');
    expect(numberText('-1', 'date', false)).toBe('-1');
  });

  it('writes other numbers as their shortest decimal, percentages with %', () => {
    expect(numberText('1234.5599999999999', 'number', false)).toBe('1234.56');
    expect(numberText('48000', 'number', false)).toBe('48000');
    expect(numberText('1E+21', 'number', false)).toBe('1000000000000000000000');
    expect(numberText('2.5E-7', 'number', false)).toBe('0.00000025');
    expect(numberText('0.2', 'percent', false)).toBe('20%');
    expect(numberText('0.075', 'percent', false)).toBe('7.5%');
    expect(numberText('#N/A', 'number', false)).toBe('#N/A');
  });
});

describe('a workbook as the CSV of its first sheet', () => {
  it('reads every kind of cell, keeps each row on its line, and ends each row at its last value', () => {
    const rich = '<r><t>Wo</t></r><r><t xml:space="preserve">n?</t></r><rPh sb="0" eb="1"><t>ウォン</t></rPh>';
    const bytes = makeXlsx(
      [
        {
          name: 'Deals',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Prob</t></is></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>4</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>45838</v></c><c r="C2" s="2"><v>0.2</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="s"><v>5</v></c></row>' +
            '<row r="4"><c r="A4" t="str"><f>A2</f><v>x</v></c><c r="B4" s="3"><v>45838.5</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="E4"><v>12000.5</v></c></row>',
        },
      ],
      { strings: ['Deal', 'Close', rich, 'A &amp; B, "C"', 'Note', 'one_x000D_\ntwo'], numFmts: { 164: 'yyyy-mm-dd hh:mm' }, xfs: [0, 14, 9, 164] },
    );
    expect(workbookCsv(bytes).sheet).toBe('Deals');
    // Row 3 is empty: an empty line keeps row 4 on line 4. A carriage return written _x000D_ is one again.
    expect(workbookCsv(bytes).csv).toBe('Deal,Close,Prob,Won?,Note\r\n"A & B, ""C""",2025-06-30,20%,TRUE,"one\r\ntwo"\r\n\r\nx,2025-06-30 12:00:00,#N/A,,12000.5\r\n');
  });

  it('reads the 1904 date system, cells without references and elements with a namespace prefix', () => {
    const bytes = makeXlsx([{ name: 'S', data: '<x:row><x:c t="inlineStr"><x:is><x:t>day</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>n</x:t></x:is></x:c></x:row><x:row><x:c s="1"><x:v>44376</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>' }], {
      xfs: [0, 14],
      date1904: true,
    });
    expect(csvOf(bytes)).toEqual(['day,n', '2025-06-30,7', '']);
  });

  it('reads the first visible sheet and names the other sheets that hold data', () => {
    const bytes = makeXlsx([
      { name: 'Hidden', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>secret</t></is></c></row>', hidden: true },
      { name: 'Deals', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>' },
      { name: 'Empty', data: '<row r="1"/>' },
      { name: 'Notes', data: '<row r="3"><c r="B3"><v>1</v></c></row>' },
    ]);
    expect(workbookCsv(bytes)).toEqual({ sheet: 'Deals', csv: 'id\r\n', otherSheets: ['Hidden', 'Notes'], skipped: [], uncalculated: { count: 0, first: null } });
  });

  it('skips cover sheets (a title, labels with their values, or nothing) and counts the formulas of the sheet it reads only', () => {
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const bytes = makeXlsx([
      { name: 'Cover', data: `<row r="1">${text('A1', 'HubSpot deals export')}</row><row r="2">${text('A2', 'Prepared by')}${text('B2', 'Sales Ops')}</row><row r="3"><c r="A3"><f>NOW()</f></c></row>` },
      { name: 'Blank', data: '' },
      { name: 'Deals', data: `<row r="1">${text('A1', 'id')}${text('B1', 'n')}${text('C1', 'm')}</row><row r="2"><c r="A2"><v>7</v></c><c r="B2"><f>A2*2</f></c></row>` },
      { name: 'Later', data: `<row r="1">${text('A1', 'x')}${text('B1', 'y')}${text('C1', 'z')}</row>` },
    ]);
    expect(workbookCsv(bytes)).toEqual({ sheet: 'Deals', csv: 'id,n,m\r\n7\r\n', otherSheets: ['Later'], skipped: ['Cover', 'Blank'], uncalculated: { count: 1, first: { row: 2, cell: 'B2' } } });
    // No sheet holds a table: the first visible one is read, as Excel opens it, and none is said to be skipped.
    const lines = makeXlsx([
      { name: 'One', data: `<row r="1">${text('A1', 'a')}</row>` },
      { name: 'Two', data: `<row r="1">${text('A1', 'b')}</row>` },
    ]);
    expect(workbookCsv(lines)).toEqual({ sheet: 'One', csv: 'a\r\n', otherSheets: ['Two'], skipped: [], uncalculated: { count: 0, first: null } });
    const reading = readWorkbooks(['deals.xlsx'], () => bytes);
    expect(reading.read[0]!.notes.map((n) => [n.code, n.message, issueMessage(n, 'ko')])).toEqual([
      [
        'sheet_skipped',
        'its sheet "Deals" is read: the sheets before it, "Cover", "Blank", hold no table (a cover: lines of text, or labels with their values), so they are not read',
        '"Deals" 시트를 읽었습니다. 그 앞의 "Cover", "Blank" 시트에는 표가 없어(글 줄이나 항목과 값만 있는 표지) 읽지 않았습니다',
      ],
      [
        'sheet_not_read',
        'only its sheet "Deals" is read: "Later" holds data too and is not read; save each sheet to read as a file of its own',
        '"Deals" 시트만 읽었습니다. "Later"에도 데이터가 있지만 읽지 않았습니다. 읽을 시트는 각각 별도 파일로 저장하세요',
      ],
      [
        'uncalculated_formulas',
        '1 formula cell has no saved value (first B2), as a program that writes formulas without calculating them leaves them, and reads as empty: open the workbook in Excel and save it, or export it again as CSV',
        '수식 셀 1개에 저장된 값이 없어(처음은 B2) 빈 칸으로 읽었습니다. 수식을 계산하지 않고 쓰는 프로그램이 만든 통합 문서입니다. Excel에서 열어 저장하거나 CSV로 다시 내보내세요',
      ],
    ]);
  });

  it('says why a workbook cannot be read', () => {
    const good = makeXlsx([{ name: 'S', data: '' }]);
    expect(why(good.subarray(0, good.length - 30))).toBe('the file is cut off or not a ZIP file (no end of its directory)');
    expect(why(new TextEncoder().encode('PK\u0003\u0004 not really a workbook'))).toBe('the file is cut off or not a ZIP file (no end of its directory)');
    expect(why(makeZip([{ name: 'xl/workbook.xml', text: '<workbook/>', flags: 1 }]))).toBe('it is protected by a password');
    expect(why(makeZip([{ name: 'word/document.xml', text: '<document/>' }]))).toBe('it has no workbook part (xl/workbook.xml): it is not an Excel workbook');
    expect(why(makeZip([{ name: 'xl/workbook.xml', text: '<workbook><sheets><sheet name="A" state="hidden" r:id="rId1"/></sheets></workbook>' }, { name: 'xl/_rels/workbook.xml.rels', text: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' }]))).toBe(
      'it has no visible sheet',
    );
    expect(why(makeZip([{ name: 'xl/workbook.xml', text: '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>' }, { name: 'xl/_rels/workbook.xml.rels', text: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' }]))).toBe(
      'its sheet "A" is missing (xl/worksheets/sheet1.xml)',
    );
    // A sheet or shared strings cut off where they were written (the ZIP itself whole): its rows after the cut would be lost.
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>';
    const whole = makeXlsx([{ name: 'Deals', data: rows }], { strings: ['id', 'D-1'] });
    expect(workbookCsv(whole).csv).toBe('id\r\nD-1\r\n');
    const cutPart = (bytes: Uint8Array, part: string, at: string) =>
      makeZip(
        zipEntries(memoryZip(bytes)).map((entry) => {
          const text = new TextDecoder().decode(entryBytes(memoryZip(bytes), entry));
          return { name: entry.name, text: entry.name === part ? text.slice(0, text.indexOf(at)) : text };
        }),
      );
    expect(why(cutPart(whole, 'xl/worksheets/sheet1.xml', '<row r="2"'))).toBe('its sheet "Deals" is cut off (xl/worksheets/sheet1.xml ends before its last row)');
    expect(why(cutPart(whole, 'xl/sharedStrings.xml', '<si><t>D-1'))).toBe('its shared strings are cut off');
    // A cell pointing past the shared strings: not read as empty.
    expect(why(makeXlsx([{ name: 'Deals', data: rows }], { strings: ['id'] }))).toBe('its shared strings are damaged');
    // A part whose bytes were changed is damaged, stored or deflated: its CRC-32 is no longer the directory's.
    const stored = makeZip([{ name: 'xl/workbook.xml', text: '<workbook><sheets/></workbook>', stored: true }]);
    stored[Buffer.from(stored).indexOf('<sheets/>') + 1] = 'S'.charCodeAt(0);
    expect(why(stored)).toBe('its part xl/workbook.xml is damaged');
    const damaged = makeXlsx([{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const at = Buffer.from(damaged).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    damaged.fill(0xff, at, at + 8);
    expect(why(damaged)).toBe('its part xl/worksheets/sheet1.xml is damaged');
  });
});

describe('workbooks in a folder of exports', () => {
  const metricsOf = async (folder: string) => {
    const { dataset, config } = await readFolder(folder);
    return computeMetrics(dataset, config, '2025-06-30');
  };

  it('a Salesforce report saved as XLSX gives the metrics of its CSV export, line for line', async () => {
    const fromWorkbook = await metricsOf(join(FIXTURES, 'ingest-workbooks', 'salesforce-history-report'));
    const fromCsv = await metricsOf(join(FIXTURES, 'exports', 'salesforce-history-report', 'data'));
    const renamed = JSON.parse(JSON.stringify(fromWorkbook).replaceAll('report.xlsx', 'report.csv')) as typeof fromCsv;
    delete (renamed as { generated_from?: unknown }).generated_from;
    delete (fromCsv as { generated_from?: unknown }).generated_from;
    expect(renamed).toEqual(fromCsv);
    // The report's own footer: "Grand Totals (37 records)".
    expect(fromCsv.data_quality.files['Opportunity History - FY25 report.csv']!.rows).toBe(37);
  });

  it('reports a workbook that cannot be read, one of another kind and unread sheets, in English and Korean', async () => {
    const folder = join(dir, 'mixed');
    cpSync(join(FIXTURES, 'exports', 'pipedrive-deals', 'data'), folder, { recursive: true });
    writeFileSync(join(folder, 'broken.xlsx'), 'PK\u0003\u0004 not really a workbook');
    // An XLS cut off after its first bytes, and a workbook of a kind not read.
    writeFileSync(join(folder, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(folder, 'plan.ods'), 'PK\u0003\u0004mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
    // The Pipedrive export as a workbook (every cell a text) with a second sheet of notes.
    const csv = readFileSync(join(folder, 'deals-8317624-41.csv'), 'utf8').trim().split('\n');
    rmSync(join(folder, 'deals-8317624-41.csv'));
    const column = (c: number) => (c < 26 ? '' : 'A') + String.fromCharCode(65 + (c % 26));
    const cells = (line: string, r: number) =>
      `<row r="${r}">${line
        .split(',')
        .map((v, c) => (v === '' ? '' : `<c r="${column(c)}${r}" t="inlineStr"><is><t>${v.replaceAll('&', '&amp;')}</t></is></c>`))
        .join('')}</row>`;
    expect(csv.some((line) => line.includes('"'))).toBe(false);
    writeFileSync(
      join(folder, 'deals-8317624-41.xlsx'),
      makeXlsx([
        { name: 'Deals', data: csv.map((line, i) => cells(line, i + 1)).join('') },
        { name: 'Notes', data: cells('call Lena', 1) },
      ]),
    );
    const { dataset } = await readFolder(folder);
    const said = dataset.issues.filter((i) => ['not_csv', 'sheet_not_read'].includes(i.code)).map((i) => [i.file, i.code, i.message, issueMessage(i, 'ko')]);
    expect(said).toEqual([
      [
        'broken.xlsx',
        'not_csv',
        'an Excel workbook that cannot be read: the file is cut off or not a ZIP file (no end of its directory). Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place',
        '읽을 수 없는 Excel 통합 문서입니다: 파일이 잘렸거나 ZIP 형식이 아닙니다(디렉터리 끝이 없음). CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
      ],
      [
        'deals-8317624-41.xlsx',
        'sheet_not_read',
        'only its first sheet, "Deals", is read: "Notes" holds data too and is not read; save each sheet to read as a file of its own',
        '첫 시트 "Deals"만 읽었습니다. "Notes"에도 데이터가 있지만 읽지 않았습니다. 읽을 시트는 각각 별도 파일로 저장하세요',
      ],
      [
        'old.xls',
        'not_csv',
        'an Excel workbook that cannot be read: the file is cut off (an interrupted download or copy). Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place',
        '읽을 수 없는 Excel 통합 문서입니다: 파일이 중간에 잘렸습니다(다운로드나 복사가 중단됨). CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
      ],
      ['plan.ods', 'not_csv', 'a spreadsheet workbook, not a CSV file: not read. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place', expect.stringContaining('스프레드시트 통합 문서')],
    ]);
    // The same deals, on the same lines, as from the CSV export; the hash is the workbook's.
    const fromCsv = await readFolder(join(FIXTURES, 'exports', 'pipedrive-deals', 'data'));
    expect(dataset.deals).toEqual(fromCsv.dataset.deals);
    expect(dataset.files['deals-8317624-41.xlsx']).toEqual(fromCsv.dataset.files['deals-8317624-41.csv']);
    expect(dataset.fileHashes?.['deals-8317624-41.xlsx']).toBe(createHash('sha256').update(readFileSync(join(folder, 'deals-8317624-41.xlsx'))).digest('hex'));
  });
});

describe('readWorkbooks', () => {
  it('reads XLSX and XLSM, leaves other workbooks unread, and says what a sheet lost', () => {
    const withFormula = makeXlsx([{ name: 'S', data: '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><f>A2*2</f></c></row><row r="3"><c r="B3"><f>A3*2</f></c></row>' }]);
    const files: Record<string, Uint8Array> = { 'a.xlsx': withFormula, 'b.XLSM': withFormula, 'c.xls': new Uint8Array(8), 'd.ods': new Uint8Array(8) };
    const reading = readWorkbooks(Object.keys(files), (path) => files[path]!);
    expect(reading.unread).toEqual(['c.xls', 'd.ods']);
    expect(reading.broken).toEqual([]);
    expect(reading.read.map((r) => [r.path, new TextDecoder().decode(r.csv), r.sha256])).toEqual([
      ['a.xlsx', '2,4\r\n3\r\n\r\n', createHash('sha256').update(withFormula).digest('hex')],
      ['b.XLSM', '2,4\r\n3\r\n\r\n', createHash('sha256').update(withFormula).digest('hex')],
    ]);
    const [note] = reading.read[0]!.notes;
    expect(note).toEqual({
      file: 'a.xlsx',
      line: 2,
      column: '',
      code: 'uncalculated_formulas',
      severity: 'warning',
      message: '2 formula cells have no saved value (first B2), as a program that writes formulas without calculating them leaves them, and read as empty: open the workbook in Excel and save it, or export it again as CSV',
    });
    expect(issueMessage(note!, 'ko')).toBe('수식 셀 2개에 저장된 값이 없어(처음은 B2) 빈 칸으로 읽었습니다. 수식을 계산하지 않고 쓰는 프로그램이 만든 통합 문서입니다. Excel에서 열어 저장하거나 CSV로 다시 내보내세요');
  });

  it('names a workbook that cannot be read, with why', () => {
    const reading = readWorkbooks(['gone.xlsx', 'cut.xlsx'], (path) => {
      if (path === 'gone.xlsx') throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return new Uint8Array([0x50, 0x4b, 3, 4]);
    });
    expect(reading.broken).toEqual([
      { path: 'gone.xlsx', reason: 'the file cannot be read (ENOENT)' },
      { path: 'cut.xlsx', reason: 'the file is cut off or not a ZIP file (no end of its directory)' },
    ]);
    expect(issueMessage({ code: 'not_csv', message: brokenWorkbookMessage('the file cannot be read (ENOENT)') }, 'ko')).toBe(
      '읽을 수 없는 Excel 통합 문서입니다: 파일을 읽을 수 없습니다(ENOENT). CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
    );
    expect(issueMessage({ code: 'not_csv', message: brokenWorkbookMessage('its sheet "Deals" is cut off (xl/worksheets/sheet1.xml ends before its last row)') }, 'ko')).toMatch(
      /^읽을 수 없는 Excel 통합 문서입니다: "Deals" 시트가 중간에 잘렸습니다\(xl\/worksheets\/sheet1\.xml: 마지막 행 전에 끝남\)\. /u,
    );
  });
});

describe('damaged workbooks (property)', () => {
  it('any bytes changed, cut or added: read or named with why, never a crash', () => {
    const original = new Uint8Array(readFileSync(join(FIXTURES, 'exports', 'hubspot-workbook', 'data', 'hubspot-crm-exports-all-deals-2025-06-30.xlsx')));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), byte: fc.constant(0) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let bytes = original;
        for (const { kind, at, byte } of edits) {
          const i = at % (bytes.length + 1);
          if (kind === 'cut') bytes = bytes.subarray(0, i);
          else if (kind === 'insert') bytes = new Uint8Array([...bytes.subarray(0, i), byte, ...bytes.subarray(i)]);
          else if (i < bytes.length) {
            bytes = bytes.slice();
            bytes[i] = byte;
          }
        }
        const reading = readWorkbooks(['x.xlsx'], () => bytes);
        expect(reading.read.length + reading.broken.length).toBe(1);
        for (const { reason } of reading.broken) expect(issueMessage({ code: 'not_csv', message: brokenWorkbookMessage(reason) }, 'ko')).toMatch(/[가-힣]/u);
      }),
      { numRuns: 300 },
    );
  });
});
