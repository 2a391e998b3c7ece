/**
 * A config written with region codes, as people write them ("locale":
 * "ko-KR", labels under "ko-KR"/"en-US"): the schema takes them, so the
 * dashboard must read them as Korean and English, not fall back silently.
 */
import { describe, expect, it } from 'vitest';
import { localizedText, uiLocale } from '../../../src/lib/i18n/locales.ts';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { funnelModel, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('config language codes with a region or in capitals', () => {
  it('uiLocale reads the language of a code, else English', () => {
    expect(['ko', 'ko-KR', 'KO', 'Ko-kr', 'en-US', 'de', 'kok', 'zh-Hant'].map(uiLocale)).toEqual(['ko', 'ko', 'ko', 'ko', 'en', 'en', 'en', 'en']);
  });

  it('a label under "ko-KR" shows on the Korean pages, one under "en-US" on the English ones', () => {
    const text = { 'en-US': 'Problem recognition', 'ko-KR': '문제인식' };
    expect(localizedText(text, 'ko')).toBe('문제인식');
    expect(localizedText(text, 'en')).toBe('Problem recognition');
    expect(localizedText({ ko: '계약', 'ko-KR': '다른' }, 'ko')).toBe('계약');
  });

  it('"locale": "ko-KR" opens the dashboard in Korean, and the funnel shows the "ko-KR" labels', () => {
    const config = parseConfig({
      locale: 'ko-KR',
      stages: [
        { id: 'awareness', kind: 'open', label: { 'ko-KR': '문제인식', 'en-US': 'Problem recognition' } },
        { id: 'contract', kind: 'won', label: { 'ko-KR': '계약', 'en-US': 'Contract' } },
        { id: 'fail', kind: 'lost', label: { 'ko-KR': '실패', 'en-US': 'Lost' } },
      ],
    });
    const dataset = makeDataset(config, [{ id: 'O1', createdAt: at('2025-05-01'), amount: 3_000_000, history: [['awareness', at('2025-05-01')]] }]);
    const site = siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' }));
    expect(site.default_locale).toBe('ko');
    expect(JSON.stringify(funnelModel(pageContext(site, 'ko')))).toContain('문제인식');
    expect(JSON.stringify(funnelModel(pageContext(site, 'en')))).toContain('Problem recognition');
  });
});
