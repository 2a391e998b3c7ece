/**
 * The note every page, the digest and the CI summary give first when most of
 * the deals' rows were rejected, for a CRM export too: its file is not named
 * deals.csv, and the note, which looked for deals.csv alone, was never given
 * (a HubSpot export with 45 of its 58 rows rejected passed in silence).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { dataNotes, noDealRead, pageContext } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { summaryMarkdown } from '../../../src/lib/views/digest.ts';
import { qualityFacts } from '../../../src/lib/views/quality-facts.ts';
import { exportFile, HUBSPOT_CONFIG, HUBSPOT_FILE, load, quotedCsv } from '../ingest/export-helpers.ts';

const config = parseConfig(HUBSPOT_CONFIG);
const FILE = HUBSPOT_FILE;
const HEADER = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner', 'Associated Company IDs (Primary)'];
/** A deal; `owner` '' is rejected (owner is required). */
const deal = (id: number, owner: string) => [String(id), `Deal ${id}`, 'Appointment Scheduled', '1000', '2025-06-0' + id, owner, '9001'];

function build(rows: string[][]) {
  const dataset = load([exportFile(FILE, quotedCsv([HEADER, ...rows]))], config);
  return { dataset, site: siteDataSchema.parse(buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'test' })) };
}

const PROBLEM = `the most frequent problem (3\u00a0times) first appears at ${FILE} line 3 column "Deal owner": "Deal owner" is required but empty`;

describe('the note when most of a CRM export\'s rows were rejected', () => {
  it('names the export, with how many of its rows, on every page and first in the CI summary', () => {
    const { dataset, site } = build([deal(1, 'Dana'), deal(2, ''), deal(3, ''), deal(4, '')]);
    expect(site.metrics.data_quality.files).toEqual({ [FILE]: { rows: 4, accepted: 1, rejected: 3 } });
    expect(site.inputs.deals_files).toEqual([FILE]);
    const en =
      `3 of the 4\u00a0rows of ${FILE} were rejected; ${PROBLEM}, so every figure here counts only the other 1\u00a0deal. ` +
      'The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.';
    expect(dataNotes(pageContext(site, 'en'))[0]).toBe(en);
    expect(dataNotes(pageContext(site, 'ko'))[0]).toMatch(new RegExp(`^${FILE.replaceAll('.', '\\.')} 전체 4행 중 3행이 제외되었습니다\\(가장 많은 문제 3건, 처음 나온 곳 ${FILE.replaceAll('.', '\\.')} 3행 "Deal owner" 열: .*\\)\\. 그래서 여기의 모든 수치는 나머지 1건만 센 것입니다\\. `, 'u'));
    const quality = qualityFacts(dataset, { asOf: '2025-06-30', newestChange: null });
    const summary = summaryMarkdown(site, quality, { linkRoot: null, locale: 'en', quality: { status: 'passed' }, snapshot: null });
    expect(summary.split('\n')[2]).toBe(`> ${en}`);
  });

  it('every row rejected: says no deal was read, rather than that the data records nothing', () => {
    const { site } = build([deal(1, ''), deal(2, '')]);
    expect(noDealRead(pageContext(site, 'en'))).toBe(true);
    expect(dataNotes(pageContext(site, 'en'))).toEqual([
      `None of the 2\u00a0rows of ${FILE} could be used: every one was rejected; the most frequent problem (2\u00a0times) first appears at ${FILE} line 2 column "Deal owner": "Deal owner" is required but empty. ` +
        'So every figure here is empty because no deal was read, not because the pipeline is. The Data quality page lists each rejected row and what to fix; correct the export (or pipeline.config.json) and build again.',
    ]);
  });

  it('half or fewer rejected: no such note', () => {
    const { site } = build([deal(1, 'Dana'), deal(2, ''), deal(3, 'Dana'), deal(4, 'Kim')]);
    expect(dataNotes(pageContext(site, 'en')).filter((n) => n.includes(FILE))).toEqual([]);
    expect(noDealRead(pageContext(site, 'en'))).toBe(false);
  });
});
