/** Byte builders for the ingest tests. */

/** UTF-16 with BOM. */
export function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + i * 2] = a;
    out[3 + i * 2] = b;
  }
  return out;
}

/** CP949 code points of the few Korean characters the tests use (KS X 1001). */
const CP949: Record<string, [number, number]> = {
  가: [0xb0, 0xa1],
  원: [0xbf, 0xf8],
  '￦': [0xa3, 0xdc],
  수: [0xbc, 0xf6],
  주: [0xc1, 0xd6],
  망: [0xb8, 0xc1],
  고: [0xb0, 0xed],
  객: [0xb0, 0xb4],
};

/** CP949 bytes of ASCII text plus the characters above. */
export function cp949(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const pair = CP949[ch];
    if (pair) bytes.push(...pair);
    else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else throw new Error(`no CP949 bytes for ${ch} in the test table`);
  }
  return new Uint8Array(bytes);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
