/**
 * The fuzz tests' mutations of a file's bytes (tests/fuzz.test.ts on the canonical files,
 * tests/vendor-fuzz.test.ts on CRM exports): bytes flipped, inserted, deleted; quotes inserted;
 * delimiters swapped; line ends changed; UTF-16 with a BOM or Windows-1252 bytes; cells replaced by
 * extreme or malformed values. And the plain checks both run on what they read.
 */
import fc from 'fast-check';

const enc = new TextEncoder();

export const EXTREME_VALUES = [
  '9'.repeat(400), '1e308', '1' + '0'.repeat(308), '-1', '−5', '(1,000)', 'NaN', 'Infinity', '', ' ', '0', '0.0000001', '1,5', '1.234,5', '$1,200.50', '₩1,000', '1000 USD', '1000 KRW EUR',
  '0999-01-01', '9999-12-31', '9900-01-01', '2025-02-30', '2025-13-45', '03/04/2025', '2025. 3. 4.', '2025-06-01T24:61', '2025-06-01T10:00:00+25:00', '1000-01-01', '2025-06-31',
  '99999', '1.5', 'yes', 'maybe', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '"', '""', '"a""b"', 'a"b', '"x" y', ',', ';', '\t', '\r', '\n',
];

export type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'quote'; at: number }
  | { kind: 'delimiter'; to: string }
  | { kind: 'line_ends'; to: string }
  | { kind: 'cell'; line: number; cell: number; value: string }
  | { kind: 'utf16' }
  | { kind: 'legacy'; at: number; bytes: number[] };

const position = fc.nat({ max: 1_000_000 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('quote' as const), at: position }),
  fc.record({ kind: fc.constant('delimiter' as const), to: fc.constantFrom(';', '\t', '|') }),
  fc.record({ kind: fc.constant('line_ends' as const), to: fc.constantFrom('\r', '\r\n', '\n', '\r\r\n', '\n\n') }),
  fc.record({ kind: fc.constant('cell' as const), line: fc.nat({ max: 8 }), cell: fc.nat({ max: 18 }), value: fc.constantFrom(...EXTREME_VALUES) }),
  fc.record({ kind: fc.constant('cell' as const), line: fc.nat({ max: 8 }), cell: fc.nat({ max: 18 }), value: fc.string({ maxLength: 12 }) }),
  fc.constant({ kind: 'utf16' as const }),
  fc.record({ kind: fc.constant('legacy' as const), at: position, bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }) }),
);

const concat = (a: Uint8Array, b: Uint8Array, c: Uint8Array = new Uint8Array()) => {
  const out = new Uint8Array(a.length + b.length + c.length);
  out.set(a, 0);
  out.set(b, a.length);
  out.set(c, a.length + b.length);
  return out;
};

/** Text-level mutations work on the file's text (a file already turned into UTF-16 is left as it is). */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : ('at' in m ? m.at % (bytes.length + 1) : 0);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const text = () => new TextDecoder().decode(bytes);
  switch (m.kind) {
    case 'flip':
      if (bytes.length === 0) return bytes;
      return bytes.map((b, i) => (i === at % bytes.length ? m.byte : b));
    case 'insert':
    case 'legacy':
      return concat(bytes.subarray(0, at), Uint8Array.from(m.bytes), bytes.subarray(at));
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case 'quote':
      return concat(bytes.subarray(0, at), enc.encode('"'), bytes.subarray(at));
    case 'delimiter':
      return utf16 ? bytes : enc.encode(text().replaceAll(',', m.to));
    case 'line_ends':
      return utf16 ? bytes : enc.encode(text().replace(/\r\n|\r|\n/gu, m.to));
    case 'cell': {
      if (utf16) return bytes;
      const lines = text().split('\n');
      const line = m.line % lines.length;
      const cells = lines[line]!.split(',');
      cells[m.cell % cells.length] = m.value;
      lines[line] = cells.join(',');
      return enc.encode(lines.join('\n'));
    }
    case 'utf16': {
      if (utf16) return bytes;
      const t = text();
      const out = new Uint8Array(2 + t.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        out[2 + 2 * i] = c & 0xff;
        out[3 + 2 * i] = c >> 8;
      }
      return out;
    }
  }
}

/** Every number in the metrics is finite. */
export function nonFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = nonFinite(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** A plain assertion: vitest's expect costs too much per call inside a property run thousands of times. */
export function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}
