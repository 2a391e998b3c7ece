import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { fatalText } from '../../../src/lib/i18n/fatal-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { makeXlsx, makeZip, type ZipPart } from './workbook-zip.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const LOADER = join(FIXTURES, 'exports', 'salesforce-data-loader', 'data');
const dir = mkdtempSync(join(tmpdir(), 'pipescope-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (name: string) => readFileSync(join(LOADER, name)).toString('latin1');
/** A fixture file as an entry, its bytes kept (Windows-1252, as Data Loader writes them). */
const fixtureEntry = (name: string): ZipPart => ({ name, text: latin1(name), bytes: readFileSync(join(LOADER, name)) });

/** The Salesforce objects fixture as Setup → Data Export delivers it: two ZIP files, with objects this tool does not read. */
function dataExport(folder: string, extra: ZipPart[] = []): void {
  mkdirSync(folder, { recursive: true });
  cpSync(join(LOADER, 'pipeline.config.json'), join(folder, 'pipeline.config.json'));
  writeFileSync(
    join(folder, 'WE_00D5g000001abcd_1.zip'),
    makeZip([
      fixtureEntry('Opportunity.csv'),
      fixtureEntry('OpportunityHistory.csv'),
      fixtureEntry('Account.csv'),
      { name: 'Contact.csv', text: '"ID","ISDELETED","ACCOUNTID","FIRSTNAME"\n"0031","false","0018c00002Mn1aBAAR","Ana"\n' },
      { name: 'Lead.csv', text: '"ID","ISDELETED","COMPANY"\n"00Q1","false","Acme"\n' },
      { name: 'Attachments/', text: '' },
      { name: 'Attachments/00P1.pdf', text: '%PDF-1.4' },
      { name: '__MACOSX/._Opportunity.csv', text: 'x' },
      ...extra,
    ]),
  );
  writeFileSync(join(folder, 'WE_00D5g000001abcd_2.zip'), makeZip([fixtureEntry('OpportunityFieldHistory.csv'), fixtureEntry('User.csv'), { name: 'Task.csv', text: '"ID","WHATID"\n"00T1","0068c00000QaB1cAAF"\n' }]));
}

const renamed = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/WE_00D5g000001abcd_[12]\.zip\//gu, '')) as unknown;
const byFile = <T extends { file: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

describe('ZIP archives in a folder of exports', () => {
  it('a Salesforce Data Export (two ZIP files) gives the metrics of the same objects as loose files', async () => {
    const folder = join(dir, 'data-export');
    dataExport(folder);
    const zipped = await readFolder(folder);
    const loose = await readFolder(LOADER);
    expect(renamed(zipped.dataset.deals)).toEqual(loose.dataset.deals);
    const asOf = '2025-06-30';
    const m = renamed(computeMetrics(zipped.dataset, zipped.config, asOf)) as ReturnType<typeof computeMetrics>;
    const n = computeMetrics(loose.dataset, loose.config, asOf);
    const archiveIssues = m.data_quality.issues.filter((i) => i.file.endsWith('.zip'));
    m.data_quality.issues = byFile(m.data_quality.issues.filter((i) => !i.file.endsWith('.zip')));
    n.data_quality.issues = byFile(n.data_quality.issues);
    // generated_from: each file's hash, and each archive's own.
    const zipHash = (name: string) => createHash('sha256').update(readFileSync(join(folder, name))).digest('hex');
    expect(m.generated_from).toEqual({ ...n.generated_from, 'WE_00D5g000001abcd_1.zip': zipHash('WE_00D5g000001abcd_1.zip'), 'WE_00D5g000001abcd_2.zip': zipHash('WE_00D5g000001abcd_2.zip') });
    m.generated_from = n.generated_from;
    expect(m).toEqual(n);
    // What the archives hold besides: named once per archive, folders and a Mac's metadata left out.
    expect(archiveIssues.map((i) => [i.file, i.code, i.message, issueMessage(i, 'ko')])).toEqual([
      ['WE_00D5g000001abcd_1.zip', 'archive_entries_not_read', '1 of its files is not read: "Attachments/00P1.pdf"', '파일 1개를 읽지 않았습니다: "Attachments/00P1.pdf"'],
      [
        'WE_00D5g000001abcd_1.zip',
        'unknown_export',
        `2 of its CSV files match no supported export and are not read (a CRM's full export holds files of every kind): "Contact.csv", "Lead.csv"`,
        'CSV 파일 2개는 지원하는 내보내기 형식과 맞지 않아 읽지 않았습니다(CRM 전체 내보내기에는 온갖 종류의 파일이 들어 있습니다): "Contact.csv", "Lead.csv"',
      ],
      [
        'WE_00D5g000001abcd_2.zip',
        'unknown_export',
        `1 of its CSV files matches no supported export and is not read (a CRM's full export holds files of every kind): "Task.csv"`,
        'CSV 파일 1개는 지원하는 내보내기 형식과 맞지 않아 읽지 않았습니다(CRM 전체 내보내기에는 온갖 종류의 파일이 들어 있습니다): "Task.csv"',
      ],
    ]);
    // Each file read keeps the hash of its own bytes, under its name in the archive.
    const sha = (name: string) => createHash('sha256').update(readFileSync(join(LOADER, name))).digest('hex');
    expect(zipped.dataset.fileHashes?.['WE_00D5g000001abcd_1.zip/Opportunity.csv']).toBe(sha('Opportunity.csv'));
    expect(zipped.dataset.fileHashes?.['WE_00D5g000001abcd_2.zip/User.csv']).toBe(sha('User.csv'));
    expect(Object.keys(zipped.dataset.fileHashes ?? {}).filter((name) => name.includes('Contact'))).toEqual([]);
    // The archives are left as they were.
    expect(readdirSync(folder).sort()).toEqual(['WE_00D5g000001abcd_1.zip', 'WE_00D5g000001abcd_2.zip', 'pipeline.config.json']);
  });

  it('names what it cannot read: a cut-off archive, a password, a workbook of another kind; reads an XLSX inside', async () => {
    const folder = join(dir, 'mixed');
    const users = latin1('User.csv').split('\n').filter((l) => l !== '');
    const row = (line: string, r: number) =>
      `<row r="${r}">${line
        .split(',')
        .map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v.replaceAll('"', '').replaceAll('&', '&amp;')}</t></is></c>`)
        .join('')}</row>`;
    dataExport(folder, [
      { name: 'Secret.csv', text: 'a,b\n1,2\n', flags: 1 },
      { name: 'Old.xls', text: 'binary' },
    ]);
    // User.csv as a workbook in the second archive.
    writeFileSync(
      join(folder, 'WE_00D5g000001abcd_2.zip'),
      makeZip([fixtureEntry('OpportunityFieldHistory.csv'), { name: 'User.xlsx', text: '', bytes: Buffer.from(makeXlsx([{ name: 'User', data: users.map((l, i) => row(l, i + 1)).join('') }])) }]),
    );
    const good = readFileSync(join(folder, 'WE_00D5g000001abcd_1.zip'));
    writeFileSync(join(folder, 'WE_00D5g000001abcd_3.zip'), good.subarray(0, good.length - 40));
    const { dataset } = await readFolder(folder);
    const said = dataset.issues.filter((i) => i.file.startsWith('WE_') && ['not_csv', 'archive_entries_not_read'].includes(i.code)).map((i) => [i.file, i.code, i.message, issueMessage(i, 'ko')]);
    expect(said).toEqual([
      [
        'WE_00D5g000001abcd_1.zip',
        'archive_entries_not_read',
        '3 of its files are not read: "Attachments/00P1.pdf", "Secret.csv" (protected by a password), "Old.xls" (a workbook of a kind not read)',
        '파일 3개를 읽지 않았습니다: "Attachments/00P1.pdf", "Secret.csv" (암호로 보호됨), "Old.xls" (읽지 않는 종류의 통합 문서)',
      ],
      [
        'WE_00D5g000001abcd_3.zip',
        'not_csv',
        'a ZIP archive that cannot be read: the file is cut off or not a ZIP file (no end of its directory). Download it again, or extract it and put the CSV files it holds in the folder in its place',
        '읽을 수 없는 ZIP 압축 파일입니다: 파일이 잘렸거나 ZIP 형식이 아닙니다(디렉터리 끝이 없음). 다시 내려받거나, 압축을 풀어 그 안의 CSV 파일을 이 폴더에 대신 넣으세요',
      ],
    ]);
    // The owners' names come from the workbook in the archive.
    expect(dataset.files['WE_00D5g000001abcd_2.zip/User.xlsx']).toEqual({ rows: 3, accepted: 3, rejected: 0 });
    expect(new Set(dataset.deals.map((d) => d.owner))).toEqual(new Set((await readFolder(LOADER)).dataset.deals.map((d) => d.owner)));
  });

  it('a damaged archive: read, or stopped with a message naming the file, never a crash (property)', async () => {
    const folder = join(dir, 'damaged');
    dataExport(folder);
    const original = new Uint8Array(readFileSync(join(folder, 'WE_00D5g000001abcd_1.zip')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }), async (edits, cut) => {
        const bytes = original.slice(0, cut === undefined ? original.length : cut % (original.length + 1));
        for (const [at, byte] of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
        writeFileSync(join(folder, 'WE_00D5g000001abcd_1.zip'), bytes);
        try {
          const { dataset } = await readFolder(folder);
          expect(dataset.issues.every((i) => i.message !== '')).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(IngestFatalError);
          expect((e as Error).message).not.toBe('');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a file of an archive that does not unpack', () => {
  it('stops the run naming it, in English and Korean', async () => {
    const folder = join(dir, 'bad-stream');
    mkdirSync(folder, { recursive: true });
    cpSync(join(LOADER, 'pipeline.config.json'), join(folder, 'pipeline.config.json'));
    const zip = Buffer.from(makeZip([fixtureEntry('Opportunity.csv')]));
    // The compressed bytes start after the 30-byte local header and the name: overwritten, they no longer inflate.
    zip.fill(0xff, 30 + 'Opportunity.csv'.length, 30 + 'Opportunity.csv'.length + 16);
    writeFileSync(join(folder, 'export.zip'), zip);
    const error = await readFolder(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFatalError);
    expect((error as IngestFatalError).message).toBe('export.zip/Opportunity.csv: cannot be read (its compressed bytes in the ZIP archive are damaged: download the archive again)');
    expect(fatalText(error as IngestFatalError, 'ko')).toBe('export.zip/Opportunity.csv: ZIP 압축 파일 안의 압축된 데이터가 손상되어 읽을 수 없습니다. 압축 파일을 다시 내려받으세요');
  });
});

describe('a file of an archive whose bytes were changed', () => {
  it('stops the run naming it (its CRC-32 is not the one the archive records), stored or deflated', async () => {
    for (const stored of [true, false]) {
      const folder = join(dir, `changed-${stored}`);
      mkdirSync(folder, { recursive: true });
      cpSync(join(LOADER, 'pipeline.config.json'), join(folder, 'pipeline.config.json'));
      const zip = Buffer.from(makeZip([{ ...fixtureEntry('Opportunity.csv'), stored }]));
      if (stored) {
        // An amount's digit changed: without the check, read as the data (a 5 became a 9).
        const at = zip.indexOf('"2150000.0"');
        expect(at).toBeGreaterThan(0);
        zip[at + 1] = '9'.charCodeAt(0);
      } else {
        // The first bit of the compressed stream whose flip still inflates, to as many bytes but other ones.
        const start = 30 + 'Opportunity.csv'.length;
        const end = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        const original = inflateRawSync(zip.subarray(start, end));
        const flip = (bit: number) => zip.writeUInt8(zip.readUInt8(start + (bit >> 3)) ^ (1 << (bit & 7)), start + (bit >> 3));
        let bit = 0;
        for (; bit < (end - start) * 8; bit++) {
          flip(bit);
          try {
            const changed = inflateRawSync(zip.subarray(start, end));
            if (changed.length === original.length && !changed.equals(original)) break;
          } catch {
            // Not this bit: it no longer inflates (the other test's case).
          }
          flip(bit);
        }
        expect(bit).toBeLessThan((end - start) * 8);
      }
      writeFileSync(join(folder, 'export.zip'), zip);
      const error = await readFolder(folder).catch((e: unknown) => e);
      expect(error, `stored: ${stored}`).toBeInstanceOf(IngestFatalError);
      expect((error as IngestFatalError).message).toBe('export.zip/Opportunity.csv: cannot be read (its compressed bytes in the ZIP archive are damaged: download the archive again)');
    }
  });
});

describe('canonical files in a ZIP archive', () => {
  it('are named as such, with what to do: extract the archive (en, ko)', async () => {
    const folder = join(dir, 'canonical-zip');
    mkdirSync(folder, { recursive: true });
    const example = join(FIXTURES, 'spec-example', 'data');
    writeFileSync(join(folder, 'pipescope-data.zip'), makeZip(readdirSync(example).map((name) => ({ name, text: '', bytes: readFileSync(join(example, name)) }))));
    const error = await readFolder(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFatalError);
    expect((error as Error).message).toBe(
      'no export found. pipescope-data.zip/deals.csv, pipescope-data.zip/stage_history.csv: they are the canonical files (docs/input.md), in the ZIP archive "pipescope-data.zip", and canonical files are read only at the top of the data folder: extract the archive there',
    );
    expect(fatalText(error as IngestFatalError, 'ko')).toBe(
      '내보내기 파일을 찾지 못했습니다. pipescope-data.zip/deals.csv, pipescope-data.zip/stage_history.csv: 표준 파일(docs/input.md)이지만 ZIP 압축 파일 "pipescope-data.zip" 안에 있습니다. 표준 파일은 데이터 폴더에 바로 들어 있을 때만 읽습니다. 압축 파일을 그 폴더에 푸세요',
    );
  });
});

describe("an archive's file names without the UTF-8 flag", () => {
  it('read as UTF-8 when they are, else as CP949 (Korean Windows), else as Windows-1252', async () => {
    const folder = join(dir, 'names');
    mkdirSync(folder, { recursive: true });
    cpSync(join(LOADER, 'pipeline.config.json'), join(folder, 'pipeline.config.json'));
    const cp949 = Uint8Array.of(0xb0, 0xc5, 0xb7, 0xa1, 0x2e, 0x70, 0x64, 0x66); // 거래.pdf
    writeFileSync(
      join(folder, 'export.zip'),
      makeZip([
        { ...fixtureEntry('Opportunity.csv'), nameBytes: new TextEncoder().encode('Opportunity.csv') },
        { name: '', text: 'x', nameBytes: cp949 },
        { name: '', text: 'x', nameBytes: new TextEncoder().encode('메모.txt.pdf') },
        { name: '', text: 'x', nameBytes: Uint8Array.of(0x80, 0xff, 0x2e, 0x70, 0x64, 0x66) },
      ]),
    );
    const { dataset } = await readFolder(folder);
    expect(Object.keys(dataset.files)).toEqual(['export.zip/Opportunity.csv']);
    expect(dataset.issues.find((i) => i.code === 'archive_entries_not_read')?.message).toBe('3 of its files are not read: "거래.pdf", "메모.txt.pdf", "€ÿ.pdf"');
  });
});
