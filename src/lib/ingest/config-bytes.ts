/**
 * The bytes of the config before they are JSON: a file saved as UTF-16
 * without a byte order mark (Windows Notepad's "Unicode" in some versions,
 * tools that write UTF-16 bare) decodes as text with a NUL between every
 * character, which JSON.parse reports as a baffling syntax error. It is
 * recognised by its NUL bytes and explained instead. UTF-8 (with or without
 * a BOM) and UTF-16 with a BOM are read as they are (decode.ts).
 */

/** How many leading bytes are looked at: enough for any config's first keys. */
const SAMPLE_BYTES = 512;

/**
 * 'little-endian' or 'big-endian' when `bytes` look like UTF-16 without a
 * BOM (NUL bytes in every other position, and none in the others), else
 * null. JSON text in UTF-8 has no NUL byte at all, so this never takes a
 * UTF-8 config for one.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  if (bytes.length < 2) return null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  // ASCII (the keys, the punctuation) is a good share of any config; a few Korean characters (U+C800 저) have a NUL low byte.
  if (oddNul * 4 >= pairs && evenNul * 8 <= oddNul) return 'little-endian';
  if (evenNul * 4 >= pairs && oddNul * 8 <= evenNul) return 'big-endian';
  return null;
}

/** The message for a config saved as UTF-16 without a BOM (`file`: the config as the user names it). */
export function utf16ConfigMessage(file: string, order: 'little-endian' | 'big-endian'): string {
  return (
    `${file}: the file is UTF-16 (${order}) without a byte order mark, which is not read as JSON: save it as UTF-8 ` +
    '(in Notepad: File > Save as, Encoding "UTF-8"; in PowerShell: Set-Content -Encoding utf8)'
  );
}
