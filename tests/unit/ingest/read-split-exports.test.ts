/**
 * Every export fixture in a vendor's real layout (tests/fixtures/exports/),
 * its rows repeated until the file is large enough to have a head, a first
 * part and a second part, reads in parts (read-split.ts: plain records from
 * the bytes, the CSV reader for the rest) exactly as a whole reading does:
 * records, lines, counts and issues. The Data Loader files are Windows-1252
 * or mix encodings: the parts give up and the file is read whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readVendorFileSplit } from '../../../src/lib/ingest/read-split.ts';
import { readVendorTable } from '../../../src/lib/ingest/vendor/read-table.ts';
import { vendorRecords } from './vendor-records.ts';

const ROOT = 'tests/fixtures/exports';
const dir = mkdtempSync(join(tmpdir(), 'pipescope-split-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvFiles = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? csvFiles(join(d, f)) : f.endsWith('.csv') ? [join(d, f)] : []));
const files = readdirSync(ROOT).flatMap((c) => csvFiles(join(ROOT, c, 'data')));

/** The header line, then the rest of the file again and again up to ~600 KB (the head is 64 KB). */
function grown(bytes: Uint8Array): Uint8Array {
  const lf = bytes.indexOf(10);
  const body = bytes.subarray(lf + 1);
  const parts: Uint8Array[] = [bytes.subarray(0, lf + 1)];
  for (let size = 0; size < 600_000; size += body.length + 1) parts.push(body, body.at(-1) === 10 ? new Uint8Array(0) : new Uint8Array([10]));
  return Buffer.concat(parts);
}


describe('export fixtures grown large, read in parts', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1)]))('%s', async (name) => {
    const bytes = grown(readFileSync(join(ROOT, name)));
    const path = join(dir, name.replaceAll('/', '_'));
    writeFileSync(path, bytes);
    const wholeLog = new IssueLog();
    const whole = readVendorTable('f.csv', byteSource(bytes), wholeLog);
    for (const threads of [1, 2]) {
      const log = new IssueLog();
      const split = await readVendorFileSplit('f.csv', path, bytes.length, log, undefined, { minBytes: 0, threads });
      if (name.includes('salesforce-data-loader')) {
        expect(split).toBeNull();
        continue;
      }
      expect(split).not.toBeNull();
      expect(vendorRecords(split!.table)).toEqual(vendorRecords(whole));
      expect(log.sorted()).toEqual(wholeLog.sorted());
    }
  });
});
