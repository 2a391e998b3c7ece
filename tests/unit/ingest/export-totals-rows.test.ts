/**
 * A totals row under a CRM export (`Total,,,"$89,234.56"`, added in a
 * spreadsheet before the file was saved back): reported on its file and
 * line, never a deal nor a pipeline "(no pipeline)" of its own. One piece
 * of code (vendor/totals-rows.ts) serves HubSpot, Pipedrive and the
 * Salesforce reports' footers.
 */
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { isTotalsRecord } from '../../../src/lib/ingest/vendor/totals-rows.ts';
import { exportFile, HUBSPOT_CONFIG, HUBSPOT_FILE, load, quotedCsv } from './export-helpers.ts';

const PIPEDRIVE_CONFIG = {
  currency: 'USD',
  timezone: 'UTC',
  stages: [
    { id: 'proposal_made', kind: 'open', label: { en: 'Proposal Made' } },
    { id: 'qualified', kind: 'open', label: { en: 'Qualified' } },
    { id: 'won', kind: 'won', label: { en: 'Won' } },
    { id: 'lost', kind: 'lost', label: { en: 'Lost' } },
  ],
};

/** The auditor's /tmp/av-pd-sym, shortened: a title line, three deals of one pipeline, an empty row and the sum. */
const PIPEDRIVE =
  'Pipedrive deals export - All deals\n' +
  'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Organization,Deal - Pipeline,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Last stage change\n' +
  '1,A,Lena Vogel,"$24,000.00",USD,A Inc,Sales,Proposal Made,Open,2025-03-10 10:00:00,2025-06-01 10:00:00\n' +
  '2,B,Tomas Berg,"1,234.56",USD,B Inc,Sales,Qualified,Open,2025-03-10 10:00:00,2025-06-01 10:00:00\n' +
  '3,C,Tomas Berg,5000,USD,C Inc,Sales,Qualified,Open,2025-03-10 10:00:00,2025-06-01 10:00:00\n' +
  ',,,,,,,,,,\n' +
  'Total,,,"$30,234.56",,,,,,,\n';
const PIPEDRIVE_FILE = 'deals-8317624-41.csv';

describe('a totals row under a Pipedrive export', () => {
  it('is reported on its line and is no deal, nor a second pipeline', () => {
    // Before: "the Pipedrive deals export holds 2 pipelines: "Sales" (3 deals), "(no pipeline)" (1 deal)".
    const dataset = load([exportFile(PIPEDRIVE_FILE, PIPEDRIVE)], PIPEDRIVE_CONFIG);
    expect(dataset.deals.map((d) => d.id)).toEqual(['1', '2', '3']);
    expect(dataset.deals.reduce((sum, d) => sum + d.amount!, 0)).toBeCloseTo(30234.56, 6);
    // Three rows: the totals row is not a row, as a report's footer is not.
    expect(dataset.files).toEqual({ [PIPEDRIVE_FILE]: { rows: 3, accepted: 3, rejected: 0 } });
    expect(dataset.issues.filter((i) => i.code === 'totals_row_skipped')).toEqual([
      { file: PIPEDRIVE_FILE, line: 7, column: '', code: 'totals_row_skipped', severity: 'warning', message: 'line 7 ("Total") is a totals row, not a deal; skipped' },
    ]);
  });

  it('is not counted among the rows of other pipelines with --pipeline', () => {
    const dataset = load([exportFile(PIPEDRIVE_FILE, PIPEDRIVE)], PIPEDRIVE_CONFIG, { pipeline: 'Sales' });
    expect(dataset.issues.filter((i) => i.code === 'other_pipeline')).toEqual([]);
    expect(dataset.issues.filter((i) => i.code === 'totals_row_skipped').map((i) => i.line)).toEqual([7]);
  });

  it('is said in Korean', () => {
    expect(issueMessage({ code: 'totals_row_skipped', message: 'line 7 ("Total") is a totals row, not a deal; skipped' }, 'ko')).toBe('7행("Total")은 합계 행이며 딜이 아니어서 건너뛰었습니다');
    expect(issueMessage({ code: 'totals_row_skipped', message: 'lines 7-8 ("Total", "합계") are totals rows, not deals; skipped' }, 'ko')).toBe('7~8행("Total", "합계")은 합계 행이며 딜이 아니어서 건너뛰었습니다');
  });
});

const HEADER = ['Record ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner'];

describe('a totals row under a HubSpot export', () => {
  it('is reported, whatever its word (Total, 합계, Grand Total), and a run of them once', () => {
    const rows = [
      HEADER,
      ['101', 'Acme', 'Sales Pipeline', 'Appointment Scheduled', '1000', '2025-05-02', 'Dana'],
      ['102', 'Globex', 'Sales Pipeline', 'Appointment Scheduled', '2500', '2025-05-02', 'Dana'],
      ['합계', '', '', '', '3500', '', ''],
      ['', 'Grand Total', '', '', '3,500.00', '', ''],
    ];
    const dataset = load([exportFile(HUBSPOT_FILE, quotedCsv(rows))], HUBSPOT_CONFIG);
    expect(dataset.deals.map((d) => d.id)).toEqual(['101', '102']);
    expect(dataset.files).toEqual({ [HUBSPOT_FILE]: { rows: 2, accepted: 2, rejected: 0 } });
    expect(dataset.issues.filter((i) => i.code === 'totals_row_skipped').map((i) => `${i.line} ${i.message}`)).toEqual([
      '4 lines 4-5 ("합계", "Grand Total") are totals rows, not deals; skipped',
    ]);
  });

  it('is not a deal named "Total": a row with an owner or a stage is read as a deal, and its errors said as ever', () => {
    const rows = [
      HEADER,
      ['101', 'Acme', 'Sales Pipeline', 'Appointment Scheduled', '1000', '2025-05-02', 'Dana'],
      ['', 'Total', 'Sales Pipeline', 'Appointment Scheduled', '3500', '2025-05-02', 'Dana'],
    ];
    const dataset = load([exportFile(HUBSPOT_FILE, quotedCsv(rows))], HUBSPOT_CONFIG);
    expect(dataset.issues.filter((i) => i.code === 'totals_row_skipped')).toEqual([]);
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => `${i.line} ${i.code}`)).toEqual(['3 missing_id']);
  });
});

describe('isTotalsRecord', () => {
  it('takes the totals word first, no id, and numbers only beside it', () => {
    expect(isTotalsRecord(['Total', '', '', '$89,234.56'], 0)).toBe(true);
    expect(isTotalsRecord(['', 'Totals', '2.31045e+06', '12', '45%'], 0)).toBe(true);
    expect(isTotalsRecord(['Grand Totals (5 records)', '', 'EUR 820.000,00', '(1,000)', '12000 USD'], -1)).toBe(true);
    expect(isTotalsRecord(['총계', '₩1,000,000'], 0)).toBe(true);
    // A deal's id, a date, a name or a stage beside the word: a row.
    expect(isTotalsRecord(['17', 'Total', '1000'], 0)).toBe(false);
    expect(isTotalsRecord(['Total', '', '2025-06-30'], 0)).toBe(false);
    expect(isTotalsRecord(['Total', 'Dana Whitfield', '1000'], 0)).toBe(false);
    expect(isTotalsRecord(['Total Events LLC', '', '1000'], 0)).toBe(false);
  });
});

describe('a Salesforce report ending in a totals row added in a spreadsheet', () => {
  it('takes it for the footer', () => {
    const header = ['Opportunity Name', 'Opportunity Owner', 'Created Date', 'Last Modified', 'From Stage', 'To Stage', 'Amount', 'Close Date'];
    const report = quotedCsv([header, ['Acme', 'Dana', '3/3/2025', '3/3/2025', '', 'Prospecting', '1,000', '6/30/2025'], ['Total', '', '', '', '', '', '1,000', '']]);
    const config = { currency: 'USD', timezone: 'UTC', date_order: 'MDY', stages: [{ id: 'p', kind: 'open', label: { en: 'Prospecting' } }, { id: 'w', kind: 'won', label: { en: 'Closed Won' } }, { id: 'l', kind: 'lost', label: { en: 'Closed Lost' } }] };
    const dataset = load([exportFile('history.csv', report)], config);
    expect(dataset.files).toEqual({ 'history.csv': { rows: 1, accepted: 1, rejected: 0 } });
    expect(dataset.issues.filter((i) => i.code === 'report_footer').map((i) => `${i.line} ${i.message}`)).toEqual([
      '3 line 3 ("Total") is the report\'s footer, not opportunities; skipped',
    ]);
  });
});
