/**
 * CP949 where the platform decodes plain EUC-KR only (cp949.ts): the 8,822
 * Unified Hangul Code syllables, checked against pairs of the WHATWG
 * index-euc-kr (whatwg/encoding, index-euc-kr.txt).
 */
import { describe, expect, it } from 'vitest';
import { cp949Table, textDecoder } from '../../../src/lib/ingest/cp949.ts';
import { byteSource, decodeBytes } from '../../../src/lib/ingest/decode.ts';
import { IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readTable } from '../../../src/lib/ingest/table.ts';

const decode = (bytes: number[], fatal = true) => textDecoder('euc-kr', { fatal }).decode(Uint8Array.from(bytes));

describe('CP949 decoding', () => {
  it('decodes pairs as the WHATWG index-euc-kr has them', () => {
    const pairs: [number, number, number][] = [
      [0x81, 0x41, 0xac02], // 갂, the first extension syllable
      [0x8c, 0x63, 0xb620], // 똠
      [0x8c, 0x6c, 0xb62a],
      [0x8c, 0xf3, 0xb6b7],
      [0x8e, 0xa4, 0xb80e],
      [0xa4, 0x41, 0xc9de], // from lead A1 on, the extension takes trails 41-A0 only
      [0xa4, 0xa0, 0xca46],
      [0xa5, 0xa0, 0xcaa7],
      [0xc5, 0xa0, 0xd78b],
      [0xc6, 0x41, 0xd78d],
      [0xc6, 0x52, 0xd7a3], // 힣, the last
      [0xa3, 0xdc, 0xffe6], // ￦ (KS X 1001)
      [0xa4, 0xa1, 0x3131], // ㄱ
      [0xa5, 0xa1, 0x2170], // ⅰ
      [0xb0, 0xa1, 0xac00], // 가
      [0xa2, 0xe6, 0x20ac], // € (KS X 1001:1998)
    ];
    for (const [lead, trail, cp] of pairs) expect([lead.toString(16), trail.toString(16), decode([lead, trail]).codePointAt(0)!.toString(16)]).toEqual([lead.toString(16), trail.toString(16), cp.toString(16)]);
    expect(decode([0x41, 0xc4, 0x72, 0x42])).toBe('A\uD6E3B'); // 훣: throws in Node's own decoder
  });

  it('maps exactly the 11,172 Hangul syllables, 8,822 of them in the extension', () => {
    const table = cp949Table();
    const seen = new Set<number>();
    let extension = 0;
    let twice = 0;
    table.forEach((cp, pointer) => {
      if (cp < 0xac00 || cp > 0xd7a3) return;
      if (seen.has(cp)) twice++;
      seen.add(cp);
      const lead = 0x81 + Math.floor(pointer / 190);
      const trail = 0x41 + (pointer % 190);
      if (lead < 0xa1 || trail < 0xa1) extension++;
    });
    expect(twice).toBe(0);
    expect(seen.size).toBe(11172);
    expect(extension).toBe(8822);
  });

  it('refuses pairs that are not CP949 (after C6 52, the user-defined rows C9 and FE), or replaces them', () => {
    for (const bytes of [[0xc6, 0x53], [0xc9, 0xa1], [0xfe, 0xa1], [0xad, 0xa1], [0x80], [0x81]]) expect(() => decode(bytes)).toThrow(TypeError);
    expect(decode([0xc6, 0x53, 0x41], false)).toBe('\uFFFDSA'); // an ASCII trail is kept
  });

  it('completes a pair cut by a chunk edge', () => {
    const d = textDecoder('euc-kr', { fatal: true });
    expect(d.decode(Uint8Array.of(0x41, 0x8c), { stream: true }) + d.decode(Uint8Array.of(0x63, 0x42), { stream: true }) + d.decode()).toBe('A똠B');
  });

  it('reads a Korean Excel file with extension syllables as CP949', () => {
    // 김 B1 E8, 가 B0 A1, 망 B8 C1, 고 B0 ED, 객 B0 B4, 똠 8C 63.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('id,name\nD1,'),
      0xb1, 0xe8, 0x8c, 0x63,
      ...new TextEncoder().encode('\nD2,'),
      0xb0, 0xa1, 0xb8, 0xc1, 0x20, 0xb0, 0xed, 0xb0, 0xb4, 0x0a,
    ]);
    expect(decodeBytes(bytes)).toEqual({ text: 'id,name\nD1,김똠\nD2,가망 고객\n', encoding: 'euc-kr', lossy: false });
    const issues = new IssueLog();
    const names: string[] = [];
    readTable(byteSource(bytes, 3), { file: 'deals.csv', required: [], known: [] }, { issues }, () => (r) => names.push(r.cell(1)) > 0);
    expect(names).toEqual(['김똠', '가망 고객']);
    expect(issues.issues).toEqual([]);
  });
});
