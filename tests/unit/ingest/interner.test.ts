import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../../src/lib/ingest/interner.ts';

describe('Interner', () => {
  it('gives one code per distinct text, the same by code and by codeRepeated, cells repeated or not', () => {
    const text = fc.oneof(fc.constantFrom('D-1', 'D-2', 'D-10', '__proto__', 'constructor', '가망'), fc.string({ minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat({ max: 3 }), fc.boolean()), { maxLength: 200 }), (cells) => {
        const values = [''];
        const interner = new Interner(values);
        const expected = new Map<string, number>();
        for (const [cell, repeats, repeated] of cells) {
          for (let r = 0; r <= repeats; r++) {
            // The cell inside a longer text, as a CSV record holds it.
            const src = `x,${cell},y`;
            const code = repeated ? interner.codeRepeated(src, 2, 2 + cell.length) : interner.code(src, 2, 2 + cell.length);
            if (!expected.has(cell)) expected.set(cell, expected.size + 1);
            expect(code).toBe(expected.get(cell));
            expect(values[code]).toBe(cell);
          }
        }
        expect(values.length).toBe(expected.size + 1);
      }),
      { numRuns: 300 },
    );
  });
});
