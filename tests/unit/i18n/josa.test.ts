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
  });
  it('looks past closing brackets and quotes', () => {
    expect(josa('정체 딜(3건)', '이/가')).toBe('정체 딜(3건)이');
    expect(josa("'협상'", '을/를')).toBe("'협상'을");
  });
});
