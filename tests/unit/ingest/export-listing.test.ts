/**
 * Which files of an exports folder are read, and the spreadsheet workbooks
 * beside them: reported (a warning, or the fatal error when nothing else is
 * there), never skipped without a word.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { listExports } from '../../../src/lib/ingest/export-listing.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { EXPORTS, folderMetrics } from './export-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-export-listing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake folder tree: a path ending in '/' is a folder. */
function fakeFs(paths: string[]) {
  const set = new Set(paths.map((p) => p.replace(/\/$/u, '')));
  const folders = new Set(paths.filter((p) => p.endsWith('/')).map((p) => p.slice(0, -1)));
  return {
    join: (...parts: string[]) => parts.join('/'),
    readdir: (path: string) => [...set].filter((p) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes('/')).map((p) => p.slice(path.length + 1)),
    kind: (path: string) => (folders.has(path) ? ('folder' as const) : set.has(path) ? ('file' as const) : null),
  };
}

/** A ZIP archive's first entry, stored: its local file header (PK 03 04), name and data, as XLSX, ODS and plain ZIP files begin. */
function zipEntry(name: string, data = ''): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(data, 'latin1')]);
}

const ARCHIVE_TEXT = 'a ZIP archive, not a CSV file: not read. Extract it (a CRM may send a large export zipped) and put the CSV files it holds in the folder in its place';

const BROKEN_ARCHIVE_TEXT =
  'a ZIP archive that cannot be read: the file is cut off or not a ZIP file (no end of its directory). Download it again, or extract it and put the CSV files it holds in the folder in its place';

const WORKBOOK_TEXT = 'a spreadsheet workbook, not a CSV file: not read. Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place';

/** 영업기회.csv as Korean Windows writes it (CP949), the name a ZIP archive made there gives a file extracted without its character set. */
const CP949_NAME = Buffer.concat([Buffer.from([0xbf, 0xb5, 0xbe, 0xf7, 0xb1, 0xe2, 0xc8, 0xb8]), Buffer.from('.csv')]);
const MISNAMED = (shown: string) =>
  `not read: its name is not UTF-8 (its bytes read as "${shown}"), so it cannot be opened by the name this system gives it; a ZIP archive made on Windows and extracted without its character set names files so: rename it, or extract the archive again with "unzip -O cp949"`;

describe('a name that is not UTF-8 (an archive from Korean Windows extracted without its character set)', () => {
  it('is listed with its bytes read as CP949, in the folder and one level down, never skipped', () => {
    const lossy = new TextDecoder().decode(CP949_NAME);
    const fs = { ...fakeFs(['d/', 'd/b.csv', `d/${lossy}`, 'd/2025-06-30/', `d/2025-06-30/${lossy}`]), kind: (path: string) => (path === 'd' || path === 'd/2025-06-30' ? ('folder' as const) : path === 'd/b.csv' ? ('file' as const) : null), rawNames: () => [Buffer.from('b.csv'), CP949_NAME] };
    expect(listExports('d', fs)).toEqual({
      exports: ['b.csv'],
      workbooks: [],
      archives: [],
      unreadable: [],
      byproducts: [],
      misnamed: [
        { path: `2025-06-30/${lossy}`, message: MISNAMED('영업기회.csv') },
        { path: lossy, message: MISNAMED('영업기회.csv') },
      ],
    });
  });

  it.runIf(process.platform === 'linux')('a real folder: the warning beside the exports read, the error when it is alone, in English and Korean', async () => {
    // Linux keeps a name's bytes as given (macOS and Windows refuse names that are not UTF-8).
    const beside = join(dir, 'misnamed-beside');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), beside, { recursive: true });
    writeFileSync(Buffer.concat([Buffer.from(`${beside}/`), CP949_NAME]), 'Deal - Title\n');
    const lossy = new TextDecoder().decode(CP949_NAME);
    const { dataset } = await readFolder(beside);
    const issue = dataset.issues.find((i) => i.file === lossy)!;
    expect(issue).toMatchObject({ code: 'file_not_read', severity: 'warning', line: 0, message: MISNAMED('영업기회.csv') });
    expect(issueMessage(issue, 'ko')).toBe(
      '읽지 않았습니다: 이름이 UTF-8이 아니어서(바이트를 읽으면 "영업기회.csv") 이 시스템이 알려 주는 이름으로는 열 수 없습니다. Windows에서 만든 ZIP 파일을 문자 집합 지정 없이 풀면 이렇게 됩니다. 이름을 바꾸거나 "unzip -O cp949"로 다시 푸세요',
    );
    // Alone: it was "no export found: no CSV file", the one file there unmentioned.
    const alone = join(dir, 'misnamed-alone');
    mkdirSync(alone);
    writeFileSync(Buffer.concat([Buffer.from(`${alone}/`), CP949_NAME]), readFileSync(join(beside, 'deals-8317624-41.csv')));
    const error = await readFolder(alone).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFatalError);
    expect((error as IngestFatalError).message).toBe(
      `no export found: ${lossy}. Put deals.csv and stage_history.csv (docs/input.md) or the files your CRM exports (docs/exports.md) in the folder. ${lossy}: ${MISNAMED('영업기회.csv')}`,
    );
  });
});

describe('the files of an exports folder', () => {
  it('lists CSV exports and workbooks, in the folder and one level down, sorted', () => {
    const fs = fakeFs(['d/', 'd/b.csv', 'd/A.XLSX', 'd/notes.md', 'd/2025-06-30/', 'd/2025-06-30/deals.xls', 'd/2025-06-30/deals.csv', 'd/.git/', 'd/.git/x.csv', 'd/report.Numbers']);
    expect(listExports('d', fs)).toEqual({ exports: ['2025-06-30/deals.csv', 'b.csv'], workbooks: ['2025-06-30/deals.xls', 'A.XLSX', 'report.Numbers'], archives: [], unreadable: [], byproducts: [], misnamed: [] });
  });

  it("tells other programs' files apart: Office lock files and a Mac's metadata, in the folder and in a ZIP's __MACOSX", () => {
    const fs = fakeFs(['d/', 'd/deals.csv', 'd/~$deals.csv', 'd/~$Budget.xlsx', 'd/._deals.csv', 'd/__MACOSX/', 'd/__MACOSX/._deals.csv', 'd/notes~$.csv', 'd/~$notes.md']);
    expect(listExports('d', fs)).toEqual({
      exports: ['deals.csv', 'notes~$.csv'],
      workbooks: [],
      archives: [],
      unreadable: [],
      byproducts: ['._deals.csv', '__MACOSX/._deals.csv', '~$Budget.xlsx', '~$deals.csv'],
      misnamed: [],
    });
  });

  it('reads the exports beside an Excel lock file and a Mac metadata file (binary: they stopped the run), each a warning in English and Korean', async () => {
    const folder = join(dir, 'open-in-excel');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    // Excel's owner file: the user's name in one byte per character and in UTF-16, padded with NUL bytes to 165 bytes.
    const owner = Buffer.alloc(165);
    owner.write('\u000bKim Minjun', 0, 'latin1');
    owner.write('Kim Minjun', 56, 'utf16le');
    writeFileSync(join(folder, '~$deals-8317624-41.csv'), owner);
    mkdirSync(join(folder, '__MACOSX'));
    writeFileSync(join(folder, '__MACOSX', '._deals-8317624-41.csv'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
    const { dataset } = await readFolder(folder);
    expect(dataset.source.format).toBe('pipedrive');
    const notRead = dataset.issues.filter((i) => i.code === 'file_not_read');
    expect(notRead).toEqual([
      {
        file: '__MACOSX/._deals-8317624-41.csv',
        line: 0,
        column: '',
        code: 'file_not_read',
        severity: 'warning',
        message: "not read: a Mac's metadata about deals-8317624-41.csv (an AppleDouble file, which macOS writes beside a file on a shared drive or into a ZIP archive), not data",
      },
      {
        file: '~$deals-8317624-41.csv',
        line: 0,
        column: '',
        code: 'file_not_read',
        severity: 'warning',
        message: "not read: an Office lock file, which Excel keeps beside a file while it has it open (named ~$ and that file's name), not data; a file open in Excel may hold changes not saved yet",
      },
    ]);
    expect(notRead.map((i) => issueMessage(i, 'ko'))).toEqual([
      '읽지 않았습니다. deals-8317624-41.csv에 대한 Mac의 메타데이터(macOS가 공유 드라이브의 파일 옆이나 ZIP 압축 파일 안에 쓰는 AppleDouble 파일)이며 데이터가 아닙니다',
      '읽지 않았습니다. Excel이 파일을 열어 둔 동안 그 옆에 두는 Office 잠금 파일(~$ 뒤에 그 파일 이름)이며 데이터가 아닙니다. Excel에서 열려 있는 파일에는 아직 저장하지 않은 변경이 있을 수 있습니다',
    ]);
    // The data read is the data of the folder without them.
    const without = join(dir, 'closed');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), without, { recursive: true });
    expect((await readFolder(without)).dataset.deals).toEqual(dataset.deals);
  });

  it('says what an Excel lock file beside deals.csv is, not that vendor exports go elsewhere', async () => {
    const folder = join(dir, 'canonical-open');
    cpSync(join(EXPORTS, '..', 'spec-example', 'data'), folder, { recursive: true });
    writeFileSync(join(folder, '~$deals.csv'), Buffer.alloc(165));
    const { dataset } = await readFolder(folder);
    expect(dataset.issues.filter((i) => i.file === '~$deals.csv').map((i) => [i.code, i.message])).toEqual([
      ['file_not_read', "not read: an Office lock file, which Excel keeps beside a file while it has it open (named ~$ and that file's name), not data; a file open in Excel may hold changes not saved yet"],
    ]);
  });

  it('reports a workbook beside a readable export as a warning, translated on the Korean pages', async () => {
    const folder = join(dir, 'beside');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    // An Excel binary workbook (.xlsb): XLSX and XLS are read (workbook.test.ts, xls.test.ts), XLSB is not.
    writeFileSync(join(folder, 'deals-8317624-41.xlsb'), Buffer.from('PK\u0003\u0004[Content_Types].xml'));
    const { dataset } = await readFolder(folder);
    const warning = dataset.issues.find((i) => i.code === 'not_csv');
    expect(warning).toEqual({ file: 'deals-8317624-41.xlsb', line: 0, column: '', code: 'not_csv', severity: 'warning', message: WORKBOOK_TEXT });
    expect(issueMessage(warning!, 'ko')).toBe('스프레드시트 통합 문서이며 CSV 파일이 아니어서 읽지 않았습니다. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요');
  });

  it('reports an export-named entry that is no file (a symbolic link to nothing) beside a readable export, never skipping it silently', async () => {
    const folder = join(dir, 'dangling');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    symlinkSync(join(folder, 'gone.csv'), join(folder, 'deals-8317624-42.csv'));
    const { dataset } = await readFolder(folder);
    const warning = dataset.issues.find((i) => i.file === 'deals-8317624-42.csv');
    expect(warning).toEqual({
      file: 'deals-8317624-42.csv',
      line: 0,
      column: '',
      code: 'file_not_read',
      severity: 'warning',
      message: 'named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read',
    });
    expect(issueMessage(warning!, 'ko')).toBe('CSV 파일 이름이지만 읽을 수 있는 파일이 아닙니다(대상이 없는 심볼릭 링크, FIFO, 소켓). 읽지 않았습니다');
    expect(Object.keys(dataset.files)).not.toContain('deals-8317624-42.csv');
  });

  it('reports export-named symbolic links that lead round in a loop as links to nothing, and reads the export beside them', async () => {
    const folder = join(dir, 'loop');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    symlinkSync('b.csv', join(folder, 'a.csv'));
    symlinkSync('a.csv', join(folder, 'b.csv'));
    const { dataset } = await readFolder(folder);
    expect(dataset.issues.filter((i) => i.code === 'file_not_read').map((i) => [i.file, i.severity, i.message])).toEqual([
      ['a.csv', 'warning', 'named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read'],
      ['b.csv', 'warning', 'named like a CSV file, but not a file that can be read (a symbolic link to nothing, a FIFO or a socket): not read'],
    ]);
    expect(dataset.deals.length).toBeGreaterThan(0);
    // In a canonical folder too, where such a file is only named.
    const canonical = join(dir, 'loop-canonical');
    cpSync(join(EXPORTS, '..', 'ingest-korean-excel'), canonical, { recursive: true });
    symlinkSync('b.csv', join(canonical, 'a.csv'));
    symlinkSync('a.csv', join(canonical, 'b.csv'));
    const read = await readFolder(canonical);
    expect(read.dataset.issues.filter((i) => i.code === 'file_not_read').map((i) => [i.file, i.severity])).toEqual([
      ['a.csv', 'warning'],
      ['b.csv', 'warning'],
    ]);
    expect(read.dataset.deals.length).toBeGreaterThan(0);
  });

  it('reports empty files (0 bytes, a byte order mark, blank lines) beside an export, and names them when nothing else is there', async () => {
    const folder = join(dir, 'empty');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    writeFileSync(join(folder, 'a-empty.csv'), '');
    writeFileSync(join(folder, 'b-bom.csv'), '\uFEFF');
    writeFileSync(join(folder, 'c-blank.csv'), '\n\r\n');
    const { dataset } = await readFolder(folder);
    const empty = dataset.issues.filter((i) => i.code === 'empty_file');
    expect(empty.map((i) => [i.file, i.line, i.severity, i.message])).toEqual(
      ['a-empty.csv', 'b-bom.csv', 'c-blank.csv'].map((f) => [f, 0, 'warning', 'the file is empty (not even a header row); ignored']),
    );
    expect(issueMessage(empty[0]!, 'ko')).toBe('빈 파일입니다(머리글 행도 없습니다). 무시했습니다');
    expect(Object.keys(dataset.files)).toEqual(['deals-8317624-41.csv']);
    const alone = join(dir, 'empty-alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'export.csv'), '');
    await expect(readFolder(alone)).rejects.toThrow(/^no export found: export\.csv\. .* in the folder\. export\.csv: the file is empty \(not even a header row\); ignored$/u);
  });

  it('reads a workbook saved under a .csv name (XLSX or XLS bytes) as the workbook it is: a warning beside an export, not a stop', async () => {
    const folder = join(dir, 'renamed');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    // An XLSX is a ZIP archive (PK 03 04) whose first entry is [Content_Types].xml; an XLS an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1).
    writeFileSync(join(folder, 'Deals report.csv'), zipEntry('[Content_Types].xml', '<?xml version="1.0"?>'));
    writeFileSync(join(folder, 'old export.csv'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]));
    const { dataset } = await readFolder(folder);
    expect(dataset.issues.filter((i) => i.code === 'not_csv').map((i) => [i.file, i.line, i.severity, i.message])).toEqual([
      ['Deals report.csv', 0, 'warning', WORKBOOK_TEXT],
      ['old export.csv', 0, 'warning', WORKBOOK_TEXT],
    ]);
    expect(Object.keys(dataset.files)).toEqual(['deals-8317624-41.csv']);
    const alone = join(dir, 'renamed-alone');
    mkdirSync(alone);
    cpSync(join(folder, 'Deals report.csv'), join(alone, 'hubspot-crm-exports-all-deals-2025-06-30.csv'));
    await expect(readFolder(alone)).rejects.toThrow(`hubspot-crm-exports-all-deals-2025-06-30.csv: ${WORKBOOK_TEXT}`);
  });

  it('names the workbooks in the fatal error when nothing else can be read', async () => {
    const folder = join(dir, 'only');
    mkdirSync(join(folder, '2025-06-30'), { recursive: true });
    writeFileSync(join(folder, '2025-06-30', 'hubspot-crm-exports-all-deals-2025-06-30.ods'), 'PK');
    // An XLSX cut off in its download: named with why it cannot be read.
    writeFileSync(join(folder, '2025-06-30', 'hubspot-crm-exports-all-deals-2025-06-30.xlsx'), 'PK');
    const error = await readFolder(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFatalError);
    expect((error as Error).message).toBe(
      'no export found: 2025-06-30/hubspot-crm-exports-all-deals-2025-06-30.ods, 2025-06-30/hubspot-crm-exports-all-deals-2025-06-30.xlsx. Put deals.csv and stage_history.csv (docs/input.md) or the files your CRM exports (docs/exports.md) in the folder. ' +
        `2025-06-30/hubspot-crm-exports-all-deals-2025-06-30.ods: ${WORKBOOK_TEXT}. ` +
        '2025-06-30/hubspot-crm-exports-all-deals-2025-06-30.xlsx: an Excel workbook that cannot be read: the file is cut off or not a ZIP file (no end of its directory). Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place',
    );
  });

  it('tells a ZIP archive renamed to .csv from a workbook by its entries, and names a .zip file, never skipping it', async () => {
    const folder = join(dir, 'zipped');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), folder, { recursive: true });
    writeFileSync(join(folder, 'a-xlsx.csv'), zipEntry('[Content_Types].xml', '<?xml version="1.0"?>'));
    writeFileSync(join(folder, 'b-xlsx-docprops-first.csv'), Buffer.concat([zipEntry('docProps/app.xml', '<x/>'), zipEntry('xl/workbook.xml', '<x/>')]));
    writeFileSync(join(folder, 'c-ods.csv'), zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'));
    writeFileSync(join(folder, 'd-plain.csv'), Buffer.concat([zipEntry('deals.csv', 'Deal - ID\n1\n'), zipEntry('notes.txt', 'x')]));
    writeFileSync(join(folder, 'e-export.zip'), zipEntry('hubspot-crm-exports-all-deals-2025-06-30.csv', 'Record ID\n1\n'));
    const { dataset } = await readFolder(folder);
    expect(dataset.issues.filter((i) => i.code === 'not_csv').map((i) => [i.file, i.line, i.severity, i.message])).toEqual([
      ['a-xlsx.csv', 0, 'warning', WORKBOOK_TEXT],
      ['b-xlsx-docprops-first.csv', 0, 'warning', WORKBOOK_TEXT],
      ['c-ods.csv', 0, 'warning', WORKBOOK_TEXT],
      // A ZIP archive is read as the exports it holds (archive.test.ts); these have no directory, as a download cut off.
      ['d-plain.csv', 0, 'warning', BROKEN_ARCHIVE_TEXT],
      ['e-export.zip', 0, 'warning', BROKEN_ARCHIVE_TEXT],
    ]);
    const archive = dataset.issues.find((i) => i.file === 'd-plain.csv')!;
    expect(issueMessage(archive, 'ko')).toBe(
      '읽을 수 없는 ZIP 압축 파일입니다: 파일이 잘렸거나 ZIP 형식이 아닙니다(디렉터리 끝이 없음). 다시 내려받거나, 압축을 풀어 그 안의 CSV 파일을 이 폴더에 대신 넣으세요',
    );
    const alone = join(dir, 'zipped-alone');
    mkdirSync(alone);
    cpSync(join(folder, 'd-plain.csv'), join(alone, 'deals-8317624-41.csv'));
    await expect(readFolder(alone)).rejects.toThrow(`deals-8317624-41.csv: ${BROKEN_ARCHIVE_TEXT}`);
  });

  it('reads a .xls file that is text (tab-separated, as some tools write under that name) as the export it is, and still names real workbooks and web pages', async () => {
    const csv = readFileSync(join(EXPORTS, 'pipedrive-deals', 'data', 'deals-8317624-41.csv'), 'utf8');
    const rows = csv.split('\n').map((line) => line.split(',').join('\t'));
    expect(rows[0]).toMatch(/^Deal - ID\tDeal - Title\t/u);
    const tsv = rows.join('\r\n');
    const folder = join(dir, 'xls-text');
    mkdirSync(folder);
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data', 'pipeline.config.json'), join(folder, 'pipeline.config.json'));
    writeFileSync(join(folder, 'deals-8317624-41.xls'), tsv);
    const { dataset } = await readFolder(folder);
    expect(Object.keys(dataset.files)).toEqual(['deals-8317624-41.xls']);
    expect(dataset.files['deals-8317624-41.xls']).toEqual({ rows: 9, accepted: 8, rejected: 1 });
    expect(dataset.issues.filter((i) => i.code === 'not_csv')).toEqual([]);
    expect(await folderMetrics(folder, '2025-06-30')).toEqual(await folderMetrics(join(EXPORTS, 'pipedrive-deals', 'data'), '2025-06-30'));
    // Excel's "Unicode Text" (UTF-16 with a byte order mark, tab-separated) under a .xls name is text too.
    const utf16 = join(dir, 'xls-utf16');
    mkdirSync(utf16);
    cpSync(join(folder, 'pipeline.config.json'), join(utf16, 'pipeline.config.json'));
    writeFileSync(join(utf16, 'deals-8317624-41.xls'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    expect((await readFolder(utf16)).dataset.files['deals-8317624-41.xls']).toEqual({ rows: 9, accepted: 8, rejected: 1 });
    // An XLS (OLE2) cut off after its first bytes is named with why; a web page saved as .xls is read as its table (html-table.test.ts),
    // here one of a Pipedrive column alone, so named as the export it nearly is; a web page with no table is a workbook not read.
    writeFileSync(join(folder, 'b-real.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]));
    writeFileSync(join(folder, 'c-web-page.xls'), '\ufeff  <html><body><table><tr><td>Deal - ID</td></tr></table></body></html>');
    writeFileSync(join(folder, 'd-no-table.xls'), '<html><body><p>Session expired: sign in again</p></body></html>');
    const again = await readFolder(folder);
    expect(again.dataset.issues.filter((i) => i.code === 'not_csv').map((i) => [i.file, i.message])).toEqual([
      [
        'b-real.xls',
        'an Excel workbook that cannot be read: the file is cut off (an interrupted download or copy). Export it again as CSV from the CRM (or open it in Excel and save it as "CSV UTF-8"), and put the CSV file in its place',
      ],
      ['d-no-table.xls', WORKBOOK_TEXT],
    ]);
    expect(again.dataset.issues.find((i) => i.file === 'c-web-page.xls')?.message).toMatch(/^not a file this tool reads .* it looks like a Pipedrive deals export \(it has "Deal - ID"\) but lacks "Deal - Stage"/u);
    expect(Object.keys(again.dataset.files)).toEqual(['deals-8317624-41.xls']);
  });

  it('lists .zip files as archives', () => {
    const fs = fakeFs(['d/', 'd/b.csv', 'd/export.ZIP']);
    expect(listExports('d', fs)).toEqual({ exports: ['b.csv'], workbooks: [], archives: ['export.ZIP'], unreadable: [], byproducts: [], misnamed: [] });
  });
});

describe('a folder named like a data file (notes.csv/, a sheet.xlsx/ folder)', () => {
  const SUBFOLDER = "; the files in it, if any, are taken as a subfolder's";
  const said = (ending: string, why: string) => `a folder, not a file, though its name ends in "${ending}": not read as a file${why}`;

  it('is listed with why, at the top (and still looked into), hidden, and one level down; other folders are not', () => {
    const fs = fakeFs(['d/', 'd/a.csv', 'd/notes.csv/', 'd/notes.csv/b.csv', 'd/Sheet.XLSX/', 'd/.old.csv/', 'd/2025-06-30/', 'd/2025-06-30/deals.csv/', 'd/2025-06-30/c.csv', 'd/2025-06-30/raw/', 'd/x.zip/']);
    expect(listExports('d', fs)).toEqual({
      exports: ['2025-06-30/c.csv', 'a.csv', 'notes.csv/b.csv'],
      workbooks: [],
      archives: [],
      unreadable: [],
      byproducts: [],
      misnamed: [
        { path: '.old.csv', message: said('.csv', ' (a hidden folder is not looked into)') },
        { path: '2025-06-30/deals.csv', message: said('.csv', ' (a folder inside a subfolder is not looked into)') },
        { path: 'Sheet.XLSX', message: said('.XLSX', SUBFOLDER) },
        { path: 'notes.csv', message: said('.csv', SUBFOLDER) },
        { path: 'x.zip', message: said('.zip', SUBFOLDER) },
      ],
    });
  });

  it('a real folder: a warning beside the canonical files and beside exports, in English and Korean; the config named as a folder stops the run', async () => {
    const canonical = join(dir, 'folder-named-csv-canonical');
    cpSync(join('tests', 'fixtures', 'bad', 'amount-symbols', 'data'), canonical, { recursive: true });
    mkdirSync(join(canonical, 'notes.csv'));
    mkdirSync(join(canonical, 'sub', 'old.csv'), { recursive: true });
    const { dataset } = await readFolder(canonical);
    const notRead = dataset.issues.filter((i) => i.code === 'file_not_read');
    expect(notRead.map((i) => [i.file, i.line, i.severity, i.message])).toEqual([
      ['notes.csv', 0, 'warning', said('.csv', SUBFOLDER)],
      ['sub/old.csv', 0, 'warning', said('.csv', ' (a folder inside a subfolder is not looked into)')],
    ]);
    expect(notRead.map((i) => issueMessage(i, 'ko'))).toEqual([
      '확장자가 ".csv"인 이름이지만 파일이 아니라 폴더여서 파일로 읽지 않았습니다. 안에 파일이 있으면 하위 폴더의 파일로 다룹니다',
      '확장자가 ".csv"인 이름이지만 파일이 아니라 폴더여서 파일로 읽지 않았습니다(하위 폴더 안의 폴더는 열어 보지 않습니다)',
    ]);
    const exports = join(dir, 'folder-named-csv-exports');
    cpSync(join(EXPORTS, 'pipedrive-deals', 'data'), exports, { recursive: true });
    mkdirSync(join(exports, 'old-export.csv'));
    const read = await readFolder(exports);
    expect(read.dataset.issues.filter((i) => i.code === 'file_not_read').map((i) => [i.file, i.message])).toEqual([['old-export.csv', said('.csv', SUBFOLDER)]]);
    // pipeline.config.json as a folder: in either kind of folder, the run stops saying so (before, EISDIR beside exports).
    for (const folder of [canonical, exports]) {
      rmSync(join(folder, 'pipeline.config.json'), { force: true });
      mkdirSync(join(folder, 'pipeline.config.json'));
      await expect(readFolder(folder)).rejects.toThrow(new IngestFatalError('not_a_file', 'pipeline.config.json', `${join(folder, 'pipeline.config.json')}: is a folder, not the config file it is named after`));
    }
  });
});
