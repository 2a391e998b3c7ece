/**
 * The encodings a config arrives in from Windows: UTF-8 with or without a BOM and UTF-16
 * with a BOM are read; UTF-16 without a BOM (some editors' "Unicode") is named as such,
 * with how to fix it, rather than reported as a JSON syntax error at column 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main as metrics } from '../../../scripts/metrics.ts';
import { utf16WithoutBom } from '../../../src/lib/ingest/config-bytes.ts';
import { configFromFiles } from '../../../src/lib/ingest/dataset-builder.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { copyFixture, fakeIO, removeTempDirs, tempDir } from '../cli/helpers.ts';

afterEach(removeTempDirs);

const TEXT = '{\n  "currency": "USD",\n  "locale": "ko",\n  "stages": [\n    {"id": "제안", "kind": "open"},\n    {"id": "저장", "kind": "open"},\n    {"id": "수주", "kind": "won"},\n    {"id": "실주", "kind": "lost"}\n  ]\n}\n';
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);
const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

const read = (bytes: Uint8Array, name?: string) => configFromFiles({ 'pipeline.config.json': bytes }, name);
const fix = 'save it as UTF-8 (in Notepad: File > Save as, Encoding "UTF-8"; in PowerShell: Set-Content -Encoding utf8)';

describe('config encodings', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE with a BOM (Korean stage ids included)', () => {
    for (const bytes of [Buffer.from(TEXT), Buffer.concat([BOM_UTF8, Buffer.from(TEXT)]), Buffer.concat([BOM_LE, utf16le(TEXT)]), Buffer.concat([BOM_BE, utf16be(TEXT)])]) {
      const config = read(bytes);
      expect(config.currency).toBe('USD');
      expect(config.stages.map((s) => s.id)).toEqual(['제안', '저장', '수주', '실주']);
    }
  });

  it('names UTF-16 without a BOM, little- or big-endian, and says to save it as UTF-8', () => {
    const message = (bytes: Uint8Array, name?: string) => {
      try {
        read(bytes, name);
      } catch (e) {
        expect(e).toBeInstanceOf(IngestFatalError);
        return (e as Error).message;
      }
      throw new Error('expected an IngestFatalError');
    };
    expect(message(utf16le(TEXT))).toBe(`pipeline.config.json: the file is UTF-16 (little-endian) without a byte order mark, which is not read as JSON: ${fix}`);
    expect(message(utf16be(TEXT), 'ci/pipescope.json')).toBe(`ci/pipescope.json: the file is UTF-16 (big-endian) without a byte order mark, which is not read as JSON: ${fix}`);
  });

  it('never takes UTF-8 or a BOM-marked UTF-16 file for BOM-less UTF-16; a Korean character with a NUL byte (저, U+C800) does not hide it', () => {
    expect(utf16WithoutBom(Buffer.from(TEXT))).toBeNull();
    expect(utf16WithoutBom(Buffer.concat([BOM_LE, utf16le(TEXT)]))).toBeNull();
    expect(utf16WithoutBom(Buffer.concat([BOM_BE, utf16be(TEXT)]))).toBeNull();
    expect(utf16WithoutBom(utf16le('{"stages": [{"id": "저장"}]}'))).toBe('little-endian');
    expect(utf16WithoutBom(utf16be('{"stages": [{"id": "저장"}]}'))).toBe('big-endian');
    expect(utf16WithoutBom(Buffer.from('{'))).toBeNull();
  });

  it('metrics: exit 1, one line naming the data folder config or the --config file', async () => {
    const dir = tempDir();
    const data = copyFixture('spec-example', dir);
    writeFileSync(join(data, 'pipeline.config.json'), utf16le(TEXT));
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'pipescope.json'), utf16le(TEXT));
    const notice = "metrics: the config is ci/pipescope.json (--config); data/pipeline.config.json in the data folder is not read\n";
    for (const [args, file, before] of [[[], 'pipeline.config.json', ''], [['--config', 'ci/pipescope.json'], 'ci/pipescope.json', notice]] as const) {
      const f = fakeIO(dir);
      expect(await metrics(['--data', 'data', '--as-of', '2025-06-30', ...args], f.io)).toBe(1);
      expect(f.stderr()).toBe(`${before}metrics: ${file}: the file is UTF-16 (little-endian) without a byte order mark, which is not read as JSON: ${fix}\n`);
    }
  });
});
