import { describe, expect, it } from 'vitest';
import { cssString, pageNumberContent, printFooterCss } from '../../../src/lib/views/pages/print-footer.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { ko } from '../../../src/lib/i18n/ko.ts';

describe('the printed footer', () => {
  it('writes a name from the data as one CSS string that cannot end its string or its <style> element', () => {
    expect(cssString('Acme "Big" Deal')).toBe('"Acme \\22 Big\\22  Deal"');
    expect(cssString('a\\b')).toBe('"a\\5C b"');
    expect(cssString('</style><script>alert(1)</script>')).toBe('"\\3C /style>\\3C script>alert(1)\\3C /script>"');
    expect(cssString('two\nlines')).toBe('"two\\A lines"');
    expect(cssString('윤서준 · 수주 예측 · 2026. 6. 30. 기준')).toBe('"윤서준 · 수주 예측 · 2026. 6. 30. 기준"');
  });

  it('numbers each sheet in the reader’s language', () => {
    expect(pageNumberContent(en.site.printedPage)).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageNumberContent(ko.site.printedPage)).toBe('counter(page) " / " counter(pages) "쪽"');
  });

  it('puts the page’s title and date bottom left and its number bottom right, in print only', () => {
    const css = printFooterCss('Forecast · Pipescope · as of Jun 30, 2026', en.site.printedPage);
    expect(css).toMatch(/^@media print \{ @page \{ /u);
    expect(css).toContain('@bottom-left { content: "Forecast · Pipescope · as of Jun 30, 2026";');
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});
