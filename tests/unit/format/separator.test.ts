/**
 * Middle dots in a line of text: a list separator (joinItems) stays with the
 * item before it; a dot inside a word ('확인·내부') is joined to both its
 * neighbours with word joiners, so a wrapped line neither starts nor ends there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemPieces, joinItems, joinWordDots, WORD_JOINER } from '../../../src/lib/format/separator.ts';
import { joinWordDotsInHtml } from '../../../src/site/word-dots.ts';

const WJ = WORD_JOINER;
const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const utf8 = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

describe('joinWordDots', () => {
  it('joins a middle dot inside a word to both its neighbours', () => {
    expect(WJ).toBe('\u2060');
    expect(joinWordDots('구매의사 확인·내부 검증')).toBe(`구매의사 확인${WJ}·${WJ}내부 검증`);
    expect(joinWordDots('필터(링크의 담당자·팀·제품·기간)')).toBe(`필터(링크의 담당자${WJ}·${WJ}팀${WJ}·${WJ}제품${WJ}·${WJ}기간)`);
  });

  it('leaves list separators, lone dots and text without dots as they are, and is idempotent', () => {
    const listed = joinItems(['협상', '1.2억원']);
    expect(joinWordDots(listed)).toBe(listed);
    expect(joinWordDots('a · b')).toBe('a · b');
    expect(joinWordDots('·')).toBe('·');
    expect(joinWordDots('·앞')).toBe('·앞');
    expect(joinWordDots('no dots')).toBe('no dots');
    const once = joinWordDots('확인·내부');
    expect(joinWordDots(once)).toBe(once);
  });
});

describe('itemPieces', () => {
  it('keeps the separator\'s dot with the item before it, the pieces joined by a space being joinItems', () => {
    expect(itemPieces(['예상 마감일 경과\u00a04', '키맨 미확인\u00a03', '전체 29%'])).toEqual(['예상 마감일 경과\u00a04\u00a0·', '키맨 미확인\u00a03\u00a0·', '전체 29%']);
    expect(itemPieces(['None'])).toEqual(['None']);
    expect(itemPieces([])).toEqual([]);
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1 }), (items) => itemPieces(items).join(' ') === joinItems(items)));
  });
});

describe('joinWordDotsInHtml (a page read as Latin-1, one character per byte)', () => {
  it('joins the dots of the text between tags only: not in attributes, the head, scripts, styles or charts', () => {
    const page = [
      '<html><head><title>담당자·팀 · Pipescope</title><style>.a·b{}</style></head><body>',
      '<a href="x" aria-label="담당자·팀">담당자·팀</a><td>구매의사 확인·내부 검증</td><td>기준\u00a0· 예상</td>',
      '<script type="application/json">{"s":"확인·내부"}</script><svg><text>확인·내부</text></svg><p>끝·끝</p></body></html>',
    ].join('');
    const out = utf8(joinWordDotsInHtml(latin1(page)));
    expect(out).toBe(
      page
        .replace('>담당자·팀</a>', `>담당자${WJ}·${WJ}팀</a>`)
        .replace('<td>구매의사 확인·내부 검증', `<td>구매의사 확인${WJ}·${WJ}내부 검증`)
        .replace('<p>끝·끝', `<p>끝${WJ}·${WJ}끝`),
    );
  });

  it('returns a page without such dots unchanged', () => {
    const page = latin1('<body><p>기준\u00a0· 예상 · 끝</p></body>');
    expect(joinWordDotsInHtml(page)).toBe(page);
  });

  // The reference: every tag and text of the page walked by one pattern, each text's dots joined as joinWordDots
  // does (the first version, which cost the 100k-deal site ~9 s); the page's own version looks only at its dots.
  const PARTS = /<(head|script|style|svg|textarea)\b[\s\S]*?<\/\1\s*>|<[^>]*>|[^<]+/giu;
  const reference = (page: string) =>
    page.replace(PARTS, (part) => (part.startsWith('<') ? part : latin1(joinWordDots(utf8(part)))));

  // Markup as Astro writes it: a text's '<' and '>' are escaped ('&lt;'), so a bare one is always a tag's.
  it('gives what joining the dots of each text between tags gives, on random markup', () => {
    const piece = fc.constantFrom(
      '·', '·', '\u00a0· ', ' ', '확인', 'a', '&lt;', '&gt;', '<p>', '</p>', '<td class="x·y">', '<head>', '</head>', '<svg>', '</svg>',
      '<script>', '</script>', '<style>', '</style>', '<textarea>', '</textarea>', '\u2060', '&amp;', '😀', '\n', '""', 'é',
      // The other characters JavaScript's `\s` holds (word-dots.ts tells them by their UTF-8 bytes).
      '\t', '\u3000', '\u2009', '\u200a', '\u2000', '\u1680', '\u202f', '\u205f', '\u2028', '\ufeff', '\u0085',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const page = latin1(pieces.join(''));
        expect(joinWordDotsInHtml(page)).toBe(reference(page));
      }),
      { numRuns: 3000 },
    );
  });
});
