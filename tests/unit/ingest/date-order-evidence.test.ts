/**
 * Without date_order, an ambiguous date's message names the order the file's other dates show
 * (ingest/date-order-evidence.ts), in a canonical folder and in a CRM export (its own lines).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8 } from './helpers.ts';
import { exportFile, load } from './export-helpers.ts';

const HEADER = 'deal_id,account_id,owner,amount,created_at,stage';
const dateIssues = (files: Record<string, string>) =>
  loadDataset(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, utf8(v)])))
    .dataset.issues.filter((i) => i.code === 'invalid_date')
    .map((i) => `${i.file}:${i.line} ${i.message}`);

describe("an ambiguous date names the order of its file's other dates", () => {
  it('month first: 3/4/2025 on line 2, 5/20/2025 on line 3 shows the order', () => {
    expect(dateIssues({ 'deals.csv': `${HEADER}\nD1,A,Kim,1,3/4/2025,prospect\nD2,A,Kim,1,5/20/2025,prospect\n`, 'stage_history.csv': 'deal_id,stage,entered_at\n' })).toEqual([
      `deals.csv:2 created_at "3/4/2025" is ambiguous (month or day first?); the file's other dates are written month first (line 3: "5/20/2025"): set "date_order" to "MDY" in pipeline.config.json`,
      'deals.csv:3 created_at "5/20/2025" is written month first (MM/DD/YYYY); set "date_order" to "MDY" in pipeline.config.json',
    ]);
  });

  it('day first, from the first such date; in Korean too', () => {
    const [first] = dateIssues({ 'deals.csv': `${HEADER}\nD1,A,Kim,1,3.4.2025,prospect\nD2,A,Kim,1,20.5.2025,prospect\nD3,A,Kim,1,21.5.2025,prospect\n`, 'stage_history.csv': 'deal_id,stage,entered_at\n' });
    expect(first).toBe(`deals.csv:2 created_at "3.4.2025" is ambiguous (month or day first?); the file's other dates are written day first (line 3: "20.5.2025"): set "date_order" to "DMY" in pipeline.config.json`);
    const message = first!.slice('deals.csv:2 '.length);
    expect(issueMessage({ code: 'invalid_date', message }, 'ko')).toBe(
      'created_at "3.4.2025"는 월과 일 중 어느 쪽이 먼저인지 알 수 없지만, 이 파일의 다른 날짜는 일이 먼저 옵니다(3행 "20.5.2025"). pipeline.config.json의 "date_order"를 "DMY"로 지정하세요',
    );
  });

  it('nothing is said when the file shows both orders, or none, or only another file shows one', () => {
    const both = dateIssues({ 'deals.csv': `${HEADER}\nD1,A,Kim,1,3/4/2025,prospect\nD2,A,Kim,1,5/20/2025,prospect\nD3,A,Kim,1,20/5/2025,prospect\n`, 'stage_history.csv': 'deal_id,stage,entered_at\n' });
    expect(both[0]).toBe('deals.csv:2 created_at "3/4/2025" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json');
    const elsewhere = dateIssues({
      'deals.csv': `${HEADER}\nD1,A,Kim,1,3/4/2025,prospect\nD2,A,Kim,1,2025-01-01,prospect\n`,
      'stage_history.csv': 'deal_id,stage,entered_at\nD2,prospect,5/20/2025\n',
    });
    expect(elsewhere[0]).toBe('deals.csv:2 created_at "3/4/2025" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json');
  });

  it("in a CRM export, the line is the export's own", () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n' +
      '1,A,Appointment Scheduled,100,2026-08-01,3/4/2026 8:00 PM,Kim\n' +
      '2,B,Appointment Scheduled,100,2026-08-01,2026-01-01,Kim\n' +
      '3,C,Appointment Scheduled,100,2026-08-01,3/20/2026 9:00 AM,Kim\n';
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], { timezone: 'UTC', stages: [{ id: 'appointment', kind: 'open', label: { en: 'Appointment Scheduled' } }, { id: 'won', kind: 'won' }, { id: 'lost', kind: 'lost' }] });
    expect(dataset.issues.filter((i) => i.code === 'invalid_date').map((i) => `${i.line} ${i.message}`)).toEqual([
      `2 "Create Date" "3/4/2026 8:00 PM" is ambiguous (month or day first?); the file's other dates are written month first (line 4: "3/20/2026 9:00 AM"): set "date_order" to "MDY" in pipeline.config.json`,
      '4 "Create Date" "3/20/2026 9:00 AM" is written month first (MM/DD/YYYY); set "date_order" to "MDY" in pipeline.config.json',
    ]);
  });
});
