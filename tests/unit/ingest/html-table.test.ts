/**
 * A web page's table saved as `.xls` (a web system's "Excel download"):
 * read as Excel shows it, each table row a line, in the page's character
 * set; a HubSpot export delivered so gives the metrics of its CSV.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { htmlTableCsv, htmlText, isHtmlTable } from '../../../src/lib/ingest/workbook/html-table.ts';
import { EXPORTS, folderMetrics } from './export-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-html-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CP949 bytes of a text of ASCII and Hangul syllables: each syllable by searching KS X 1001's Hangul rows, as the platform decodes them. */
function cp949(text: string): Uint8Array {
  const decoder = new TextDecoder('euc-kr');
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const code = [...Array(0xc9 - 0xb0).keys()].flatMap((l) => [...Array(0xff - 0xa1).keys()].map((t) => [0xb0 + l, 0xa1 + t] as const)).find(([l, t]) => decoder.decode(Uint8Array.of(l, t)) === ch);
    if (!code) throw new Error(`no KS X 1001 code for ${ch}`);
    out.push(...code);
  }
  return Uint8Array.from(out);
}
const lines = (bytes: Uint8Array) => htmlTableCsv(bytes).csv.split('\r\n');

describe('a web page saved as .xls', () => {
  it('reads each table row as a line, cells as shown: entities, line breaks, spans', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><style>td{mso-number-format:"\\@";}</style></head>\n' +
      '<body><!-- <tr><td>not a row</td></tr> --><TABLE border=1>\n<thead><tr><th>Record ID</th><th>Deal Name</th><th>Amount</th></tr></thead>\n' +
      '<tbody><tr><td>101</td><td>한빛&nbsp;CNC &amp; 증설<br>2차</td><td style="mso-number-format:\'#,##0\'">12,000,000</td></tr>\n' +
      '<TR><TD rowspan="2">102</TD><TD>  Acme\n   Corp  </TD><TD>&#8361;5&#x2c;000</TD></TR>\n' +
      '<tr><td>둘째 줄</td><td>7</td></tr>\n' +
      '<tr><td colspan=2>합계</td><td>12,005,007</td></tr></tbody></table></body></html>';
    const bytes = cp949(page);
    expect(isHtmlTable(htmlText(bytes))).toBe(true);
    expect(lines(bytes)).toEqual([
      'Record ID,Deal Name,Amount',
      '101,"한빛 CNC & 증설\n2차","12,000,000"',
      '102,Acme Corp,"₩5,000"',
      // The cell of 102 spans two rows: the row below starts at the second column.
      ',둘째 줄,7',
      // 합계 spans two columns.
      '합계,,"12,005,007"',
      '',
    ]);
  });

  it('decodes by the byte order mark, else the declared character set, else UTF-8 when it is, else CP949', () => {
    const table = '<table><tr><td>김영희</td></tr></table>';
    expect(htmlText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, 'utf16le')])))).toBe(table);
    expect(htmlText(new TextEncoder().encode(`<meta charset="utf-8">${table}`))).toBe(`<meta charset="utf-8">${table}`);
    expect(htmlText(new TextEncoder().encode(table))).toBe(table);
    expect(htmlText(cp949(table))).toBe(table);
    // A label the platform does not know is not trusted: the bytes decide.
    expect(htmlText(cp949(`<meta charset="x-unknown">${table}`))).toBe(`<meta charset="x-unknown">${table}`);
  });

  it('names a table wider than a sheet instead of cutting it', async () => {
    const folder = join(dir, 'wide');
    cpSync(join(EXPORTS, 'hubspot-deals', 'data'), folder, { recursive: true });
    writeFileSync(join(folder, 'wide.xls'), `<table><tr><td>a</td>${'<td colspan=1000>x</td>'.repeat(17)}</tr></table>`);
    const { dataset } = await readFolder(folder, { format: 'hubspot', pipeline: 'Sales Pipeline' });
    const issue = dataset.issues.find((i) => i.file === 'wide.xls')!;
    expect(issue.message).toMatch(/^an Excel workbook that cannot be read: its table is wider than a sheet \(row 1 passes 16,384 columns\)\. /u);
    expect(issueMessage(issue, 'ko')).toMatch(/^읽을 수 없는 Excel 통합 문서입니다: 표가 시트보다 넓습니다\(1행이 16,384열을 넘음\)\. /u);
  });

  it('tells a page with a table from one without, and from text', () => {
    expect(isHtmlTable('\ufeff <html><body><table><tr><td>a</td></tr></table>')).toBe(true);
    expect(isHtmlTable('<html><body><p>Session expired</p></body></html>')).toBe(false);
    expect(isHtmlTable('Record ID\tDeal Name\n<table>')).toBe(false);
  });

  it('a HubSpot export delivered as a web page gives the metrics of its CSV export, line for line', async () => {
    const source = join(EXPORTS, 'hubspot-deals', 'data');
    const csvName = 'hubspot-crm-exports-all-deals-2025-06-30.csv';
    const rows = Papa.parse<string[]>(readFileSync(join(source, csvName), 'utf8'), { skipEmptyLines: true }).data;
    const escape = (cell: string) => cell.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const page = `<html><head><meta charset="utf-8"></head><body><table>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n')}\n</table></body></html>`;
    const folder = join(dir, 'hubspot-page');
    cpSync(source, folder, { recursive: true });
    rmSync(join(folder, csvName));
    writeFileSync(join(folder, 'hubspot-crm-exports-all-deals-2025-06-30.xls'), page);
    const options = { format: 'hubspot', pipeline: 'Sales Pipeline' };
    expect(await folderMetrics(folder, '2025-06-30', options)).toEqual(await folderMetrics(source, '2025-06-30', options));
    const fromPage = (await readFolder(folder, options)).dataset;
    const fromCsv = (await readFolder(source, options)).dataset;
    expect(fromPage.files['hubspot-crm-exports-all-deals-2025-06-30.xls']).toEqual(fromCsv.files[csvName]);
    // The rejected deal 1006 is on the same line as in the CSV.
    const lineOf = (issues: typeof fromCsv.issues) => issues.filter((i) => i.severity === 'error').map((i) => i.line);
    expect(lineOf(fromPage.issues)).toEqual(lineOf(fromCsv.issues));
    expect(lineOf(fromCsv.issues).length).toBeGreaterThan(0);
  });
});
