/** A name from the data in the other language than its page's is marked with that language (a screen reader's voice). */
import { describe, expect, it } from 'vitest';
import { otherLang } from '../../../src/lib/format/text-lang.ts';

describe('otherLang', () => {
  it('marks Korean on an English page and English on a Korean page', () => {
    expect(otherLang('영진테크 팔레타이징 로봇 셀', 'en')).toBe('ko');
    expect(otherLang('Bluewave Display Parts 후판 절단 라인 증설', 'en')).toBe('ko');
    expect(otherLang('Union Robotics Korea', 'ko')).toBe('en');
  });

  it("leaves a page's own language, and text without letters, unmarked", () => {
    expect(otherLang('Union Robotics Korea', 'en')).toBeUndefined();
    expect(otherLang('영진테크', 'ko')).toBeUndefined();
    expect(otherLang('Bluewave 후판 라인', 'ko')).toBeUndefined();
    for (const text of ['₩12,000,000', '2026. 6. 30.', '—', '']) {
      expect(otherLang(text, 'en')).toBeUndefined();
      expect(otherLang(text, 'ko')).toBeUndefined();
    }
  });
});
