/** Table models: the page's cells and the CSV's raw values from one column list; the CSV worked out when first read. */
import { describe, expect, it } from 'vitest';
import { codeRuns } from '../../../src/lib/views/cell-markup.ts';
import { type Column, fileNameParts, table } from '../../../src/lib/views/table.ts';

interface Row {
  stage: string;
  amount: number;
  share: number | null;
}

const columns: Column<Row>[] = [
  { label: 'Stage', value: (r) => r.stage, text: (r) => r.stage.toUpperCase(), csvId: 'stage_id' },
  { label: 'Amount', numeric: true, value: (r) => r.amount, text: (r) => `₩${r.amount}`, href: (r) => (r.amount > 10 ? `#${r.stage}` : undefined) },
  { label: 'Share', numeric: true, value: (r) => r.share, digits: 2, csvOnly: true },
];

describe('table', () => {
  it('shows at most maxRows rows and keeps every row, rounded, in its CSV', () => {
    const rows: Row[] = [
      { stage: 'qualify', amount: 12, share: 0.123456 },
      { stage: 'propose', amount: 3, share: null },
      { stage: 'won', amount: 7, share: 1 / 3 },
    ];
    const t = table('stages', 'Stages', columns, rows, { empty: 'No stage to list.', maxRows: 2 });
    expect(Object.keys(t)).toEqual(['id', 'caption', 'rowHeader', 'headers', 'rows', 'csv', 'truncated', 'empty']);
    expect(t.empty).toBe('No stage to list.');
    expect(t.headers).toEqual([
      { label: 'Stage', numeric: false, wide: false },
      { label: 'Amount', numeric: true, wide: false },
    ]);
    expect(t.rows).toEqual([
      [
        { text: 'QUALIFY', sort: 'qualify' },
        { text: '₩12', sort: 12, href: '#qualify' },
      ],
      [
        { text: 'PROPOSE', sort: 'propose' },
        { text: '₩3', sort: 3 },
      ],
    ]);
    expect(t.truncated).toBe(1);
    // The caller may reuse its array: the CSV, made when first read, has the rows the table was given.
    rows.reverse().pop();
    expect(t.csv).toEqual({
      headers: ['stage_id', 'Stage', 'Amount', 'Share'],
      rows: [
        ['qualify', 'QUALIFY', 12, 0.12],
        ['propose', 'PROPOSE', 3, null],
        ['won', 'WON', 7, 0.33],
      ],
    });
    expect(t.csv).toBe(t.csv);
    expect(JSON.parse(JSON.stringify(t)).csv.rows).toHaveLength(3);
  });
});

describe('fileNameParts', () => {
  it("breaks a file's name after '_', '-' and '/' and between CamelCase words only, its extension kept with the word before it", () => {
    expect(fileNameParts('stage_history.csv')).toEqual(['stage_', 'history.csv']);
    expect(fileNameParts('deals.csv')).toEqual(['deals.csv']);
    expect(fileNameParts('exports/opportunity-field_history.csv')).toEqual(['exports/', 'opportunity-', 'field_', 'history.csv']);
    expect(fileNameParts('trailing_')).toEqual(['trailing_']);
    // Salesforce's object files, in a Data Export's archive: between the words of the object's name.
    expect(fileNameParts('WE_00D5g1_2.zip/OpportunityFieldHistory.csv')).toEqual(['WE_', '00D5g1_', '2.zip/', 'Opportunity', 'Field', 'History.csv']);
    expect(fileNameParts('HubSpot.CSV')).toEqual(['Hub', 'Spot.CSV']);
    // The config's name, the widest in the issues table on a phone: after its first dot, never before the extension.
    expect(fileNameParts('pipeline.config.json')).toEqual(['pipeline.', 'config.json']);
    expect(fileNameParts('ci/pipescope.prod.config.json')).toEqual(['ci/', 'pipescope.', 'prod.', 'config.json']);
    expect(fileNameParts('.env.json')).toEqual(['.env.json']);
  });
});

describe('codeRuns', () => {
  it('finds the codes and ids a cell holds (kept on one line on the page), its text unchanged: the real hyphen', () => {
    expect(codeRuns('한빛중공업 아산공장 CNC-5X 증설')).toEqual(['한빛중공업 아산공장 ', 'CNC-5X', ' 증설']);
    expect(codeRuns('ROBOT-ARM')).toEqual(['', 'ROBOT-ARM', '']);
    expect(codeRuns('D-00001, SO-2024-0012 and deal-42')).toEqual(['', 'D-00001', ', ', 'SO-2024-0012', ' and ', 'deal-42', '']);
    expect(codeRuns('CNC-5X용 MES-SUITE')!.join('')).toBe('CNC-5X용 MES-SUITE');
    expect(codeRuns('CNC-5X용 MES-SUITE')!.filter((_, i) => i % 2 === 1)).toEqual(['CNC-5X', 'MES-SUITE']);
  });

  it('leaves words with a hyphen, codes too long for a phone\'s first column and text without a hyphen alone', () => {
    expect(codeRuns('Close-date changes')).toBeNull();
    expect(codeRuns('Maximilian Featherstonehaugh-Worthington-Smythe III')).toBeNull();
    expect(codeRuns('ABCDEF-GHIJKLMN')).toBeNull();
    expect(codeRuns('노후-설비 교체')).toBeNull();
    expect(codeRuns('No amount')).toBeNull();
    // Part of a longer run of letters, digits and hyphens: not a code of its own.
    expect(codeRuns('x-CNC-5X-long-name')).toBeNull();
  });
});
