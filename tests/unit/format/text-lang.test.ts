/** A name from the data in the other language than its page's is marked with that language (a screen reader's voice). */
import { describe, expect, it } from 'vitest';
import { langRuns, otherLang, sentenceLang } from '../../../src/lib/format/text-lang.ts';

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

describe('sentenceLang: a sentence of the page, with names from the data in it', () => {
  it('is the page’s when any of its words is (an English message quoting a Korean stage: not read in a Korean voice)', () => {
    expect(otherLang('stage is "negotiate" (협상) but the latest stage_history row is "won"', 'en')).toBe('ko');
    expect(sentenceLang('stage is "negotiate" (협상) but the latest stage_history row is "won"', 'en')).toBeUndefined();
    expect(sentenceLang('Over the 제안 threshold: 194 days vs 130 days', 'en')).toBeUndefined();
    expect(sentenceLang('예상 마감일 경과 · Budget not confirmed', 'ko')).toBeUndefined();
  });

  it('is the other language when the whole of it is (a message left in English on a Korean page, a name alone)', () => {
    expect(sentenceLang('amount "abc" is not a number', 'ko')).toBe('en');
    expect(sentenceLang('영진테크', 'en')).toBe('ko');
    expect(sentenceLang('₩12,000,000', 'en')).toBeUndefined();
  });
});

describe('langRuns: the names in a sentence of the page', () => {
  it('marks each run of words in the other script, with the spaces and digits between its words, not the page’s words around it', () => {
    expect(langRuns('가장 자주 맞붙은 경쟁사는 Hanwha Precision으로, 수주율은 27%입니다.', 'ko')).toEqual([
      { text: '가장 자주 맞붙은 경쟁사는 ' },
      { text: 'Hanwha Precision', lang: 'en' },
      { text: '으로, 수주율은 27%입니다.' },
    ]);
    expect(langRuns('The most frequent competitor is 두산 로보틱스 2공장: 27% win rate.', 'en')).toEqual([
      { text: 'The most frequent competitor is ' },
      { text: '두산 로보틱스 2공장', lang: 'ko' },
      { text: ': 27% win rate.' },
    ]);
    expect(langRuns('‘가격’ leads, then ‘납기’.', 'en').filter((r) => r.lang).map((r) => r.text)).toEqual(['가격', '납기']);
  });

  it('gives one unmarked run, the whole sentence, when it has no other script', () => {
    for (const [text, page] of [['‘가격’ 사유가 수주 건수의 7%를 차지합니다.', 'ko'], ['No data yet.', 'en'], ['', 'en']] as const) {
      expect(langRuns(text, page)).toEqual([{ text }]);
    }
  });
});
