/**
 * A config `locale` of "kr" (Korea's country code) or "kor" (Korean's three-letter code): valid codes, so the
 * dashboard opens in English, which a Korean team did not mean. Warned, with the code to write.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { uiLocale } from '../../../src/lib/i18n/locales.ts';
import { utf8 } from './helpers.ts';

const DEALS = 'deal_id,account_id,owner,amount,created_at,stage\nD1,A1,Kim,100,2025-01-02,prospect\n';
const HISTORY = 'deal_id,stage,entered_at\nD1,prospect,2025-01-02\n';
const read = (locale?: string) => {
  const config = locale === undefined ? {} : { 'pipeline.config.json': utf8(JSON.stringify({ locale })) };
  const { dataset, config: read } = loadDataset({ 'deals.csv': utf8(DEALS), 'stage_history.csv': utf8(HISTORY), ...config });
  return { issues: dataset.issues.filter((i) => i.code === 'locale_not_korean'), opensIn: uiLocale(read.locale) };
};

describe('locale_not_korean', () => {
  it('says that "kr" and "kor" open the dashboard in English, and to write "ko", in English and Korean', () => {
    const kr = read('kr');
    expect(kr.opensIn).toBe('en');
    expect(kr.issues.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }))).toEqual([
      {
        file: 'pipeline.config.json',
        line: 0,
        column: 'locale',
        severity: 'warning',
        message: 'locale "kr": "kr" is Korea\'s country code (as a language code it is Kanuri), so the dashboard opens in English; for Korean write "ko"',
      },
    ]);
    expect(issueMessage(kr.issues[0]!, 'ko')).toBe('locale "kr": 한국의 국가 코드이며, 언어 코드로는 카누리어입니다. 그래서 대시보드가 영어로 열립니다. 한국어로 열려면 "ko"로 적으세요');
    expect(read('KR-kr').issues.map((i) => i.message)).toEqual([
      'locale "KR-kr": "kr" is Korea\'s country code (as a language code it is Kanuri), so the dashboard opens in English; for Korean write "ko"',
    ]);
    const kor = read('kor');
    expect(kor.issues.map((i) => i.message)).toEqual([
      'locale "kor": "kor" is Korean\'s three-letter code, and the dashboard is chosen by the two-letter one, so the dashboard opens in English; for Korean write "ko"',
    ]);
    expect(issueMessage(kor.issues[0]!, 'ko')).toBe(
      'locale "kor": 한국어의 세 글자 코드이며, 대시보드 언어는 두 글자 코드로 정합니다. 그래서 대시보드가 영어로 열립니다. 한국어로 열려면 "ko"로 적으세요',
    );
  });

  it('says nothing of "ko", "ko-KR", "en", another language, or no locale', () => {
    for (const locale of ['ko', 'ko-KR', 'KO', 'en', 'de', undefined]) expect(read(locale).issues, String(locale)).toEqual([]);
    expect(read('ko-KR').opensIn).toBe('ko');
  });
});
