/**
 * Names from the data in the digest and summary markdown (src/lib/format/markdown.ts): shown as written, and
 * nothing GitHub-flavoured markdown or GitHub itself would turn into markup, a link, a mention or an issue
 * reference. "Rendered" here is the text a CommonMark parser makes of it (backslash escapes removed), on which
 * GFM's extended autolinks (https://github.github.com/gfm/#autolinks-extension-) and GitHub's @mentions and
 * #references work.
 */
import { describe, expect, it } from 'vitest';
import { mdLink, mdText } from '../../../src/lib/format/markdown.ts';

/** The text CommonMark makes of inline markdown without markup: backslash escapes of ASCII punctuation removed. */
const rendered = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
const ZWSP = '\u200B';

/** What would become a link or a mention in that text. */
const linking = (text: string) =>
  [
    /(?:https?|ftp):\/\/[^\s<]*[A-Za-z0-9]/iu, // extended URL autolink
    /(?:^|[\s*_~(])www\.[A-Za-z0-9-]/iu, // extended www autolink
    /[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+\.[A-Za-z0-9]/u, // extended email autolink
    /(?:^|[^\w`])@[A-Za-z0-9]/u, // a GitHub @mention
    /(?:^|[^\w&])#\d/u, // a GitHub issue or pull request reference
  ].filter((re) => re.test(text));

describe('mdText', () => {
  it.each([
    ['**Big** [deal](https://evil.example) | @team <img src=x> #1'],
    ['Renewal, see www.acme.co.kr or http://acme.co.kr/deal?id=3'],
    ['Contact kim@acme.co.kr; cc @sales-team'],
    ['Line #2 expansion (PO #1234)'],
    ['광명 2공장 #3 라인 증설 🚀 Kim | *Lee* <b>x</b>'],
  ])('%s: shown as written, with no link, mention or reference', (name) => {
    const md = mdText(name);
    const text = rendered(md);
    expect(text.split(ZWSP).join('')).toBe(name);
    expect(linking(text)).toEqual([]);
    // Nor markup: every markup character is escaped, and no line break.
    expect(md).not.toMatch(/(?<!\\)[*_[\]<>|`]/u);
  });

  it('leaves names without any of that as they are', () => {
    expect(mdText('한빛시스템 1공장 검사 공정 개선')).toBe('한빛시스템 1공장 검사 공정 개선');
    expect(mdText('Acme Corp. 2.0 (Q3)')).toBe('Acme Corp. 2.0 (Q3)');
  });

  it('a link keeps its own address; only its text is made literal', () => {
    expect(mdLink('@team #1', 'https://acme.github.io/p/en/')).toBe(`[\\@${ZWSP}team \\#${ZWSP}1](<https://acme.github.io/p/en/>)`);
  });
});
