import { describe, expect, it } from 'vitest';
import { josa } from '../../../src/lib/i18n/josa.ts';

describe('josa', () => {
  it('follows the final consonant of Hangul', () => {
    expect(josa('3,900만원', '으로/로')).toBe('3,900만원으로');
    expect(josa('120만 달러', '으로/로')).toBe('120만 달러로');
    expect(josa('서울', '으로/로')).toBe('서울로'); // ㄹ takes 로
    expect(josa('가격', '이/가')).toBe('가격이');
    expect(josa('품질', '은/는')).toBe('품질은');
    expect(josa('제안', '과/와')).toBe('제안과');
    expect(josa('협상', '을/를')).toBe('협상을');
    expect(josa('커버리지', '을/를')).toBe('커버리지를');
  });
  it('reads digits and % aloud', () => {
    expect(josa('18%', '을/를')).toBe('18%를');
    expect(josa('3', '이/가')).toBe('3이'); // 삼
    expect(josa('2', '이/가')).toBe('2가'); // 이
    expect(josa('1', '으로/로')).toBe('1로'); // 일 (ㄹ)
    expect(josa('10', '은/는')).toBe('10은'); // 십
    expect(josa('1,000', '이/가')).toBe('1,000이'); // 천
    expect(josa('0', '이/가')).toBe('0이'); // 영
    expect(josa('2.5', '을/를')).toBe('2.5를'); // 이점오
    // Full-width, as an input method types them: read as the digits and letters they are.
    expect(josa('"３０００"', '은/는')).toBe('"３０００"은'); // 삼천
    expect(josa('"１"', '으로/로')).toBe('"１"로'); // 일 (ㄹ)
    expect(josa('ＣＲＭ', '이/가')).toBe('ＣＲＭ이'); // 씨알엠
    // A date written in Japanese or Chinese ends as its Sino-Korean reading.
    expect(josa('"2025年3月4日"', '은/는')).toBe('"2025年3月4日"은'); // 일
    expect(josa('2025年3月', '으로/로')).toBe('2025年3月로'); // 월 (ㄹ)
    expect(josa('2025年', '이/가')).toBe('2025年이'); // 년
    expect(josa('"1,000円"', '은/는')).toBe('"1,000円"은'); // 엔
    // Japanese and Chinese number units, read as the Korean ones.
    expect(josa('"3,500万"', '은/는')).toBe('"3,500万"은'); // 만
    expect(josa('"1億"', '이/가')).toBe('"1億"이'); // 억
    expect(josa('"5千"', '을/를')).toBe('"5千"을'); // 천
    // Kana end in a vowel but ン, read ㄴ.
    expect(josa('"パイプライン"', '은/는')).toBe('"パイプライン"은'); // 파이프라인
    expect(josa('"コミット"', '은/는')).toBe('"コミット"는'); // 코밋토
    expect(josa('"2兆"', '은/는')).toBe('"2兆"는'); // 조
  });
  it('looks past closing brackets and quotes', () => {
    expect(josa('정체 딜(3건)', '이/가')).toBe('정체 딜(3건)이');
    expect(josa("'협상'", '을/를')).toBe("'협상'을");
    expect(josa('(미지정)', '이/가')).toBe('(미지정)이');
    expect(josa('「계약」', '이/가')).toBe('「계약」이');
    expect(josa('[draft]', '이/가')).toBe('[draft]가');
  });
  it('follows the word before a gloss in parentheses, not the gloss', () => {
    expect(josa('조직(organization)', '이/가')).toBe('조직(organization)이');
    expect(josa('보류 (단계 밖)', '이/가')).toBe('보류 (단계 밖)가');
    expect(josa('"Closed (Won)"', '은/는')).toBe('"Closed (Won)"는');
  });
  it('reads acronyms and lone letters by their names', () => {
    expect(josa('CRM', '을/를')).toBe('CRM을'); // 엠
    expect(josa('URL', '으로/로')).toBe('URL로'); // 엘 (ㄹ)
    expect(josa('ID', '이/가')).toBe('ID가'); // 디
    expect(josa('CNC-5X', '은/는')).toBe('CNC-5X는'); // 엑스
    expect(josa('UTF-16 LE', '으로/로')).toBe('UTF-16 LE로');
    expect(josa('Samsung SDS', '으로/로')).toBe('Samsung SDS로');
  });
  it('reads English words as Koreans write them', () => {
    expect(josa('Hanwha Precision', '으로/로')).toBe('Hanwha Precision으로'); // 프리시전
    expect(josa('Fanuc', '으로/로')).toBe('Fanuc으로'); // 화낙
    expect(josa('Samsung', '이/가')).toBe('Samsung이'); // 삼성
    expect(josa('HubSpot', '은/는')).toBe('HubSpot은'); // 허브스폿
    expect(josa('closed_at', '이/가')).toBe('closed_at이'); // 클로즈드앳
    expect(josa('Proposal', '으로/로')).toBe('Proposal로'); // ㄹ takes 로
    expect(josa('Google', '이/가')).toBe('Google이'); // 구글
    expect(josa('pipeline', '을/를')).toBe('pipeline을'); // 파이프라인
    expect(josa('Salesforce', '은/는')).toBe('Salesforce는');
    expect(josa('Siemens', '으로/로')).toBe('Siemens로');
    expect(josa('Closed Lost', '이/가')).toBe('Closed Lost가');
    expect(josa('Discovery', '으로/로')).toBe('Discovery로');
    // A final 'me' is silent after a vowel, read after a consonant.
    expect(josa('Acme', '은/는')).toBe('Acme는'); // 애크미
    expect(josa('name', '을/를')).toBe('name을'); // 네임
    expect(josa('Welcome', '으로/로')).toBe('Welcome으로'); // 웰컴
  });
});
