/**
 * Stage entries of one time (HubSpot writes minutes: a rep who drags a deal
 * through Contract Sent into Closed Won within a minute dates both entries
 * alike): the deal's current stage is the latest of them, whatever the
 * order of the export's columns; a current stage entered strictly earlier
 * than another is still a disagreement, warned.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/lib/ingest/config.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { exportFile, load, quotedCsv } from './export-helpers.ts';

const CONFIG = parseConfig({
  currency: 'KRW',
  timezone: 'UTC',
  date_order: 'YMD',
  stages: [
    { id: 'appointment_scheduled', kind: 'open', label: { en: 'Appointment Scheduled' } },
    { id: 'qualified_to_buy', kind: 'open', label: { en: 'Qualified To Buy' } },
    { id: 'contract_sent', kind: 'open', label: { en: 'Contract Sent' } },
    { id: 'closed_won', kind: 'won', label: { en: 'Closed Won' } },
    { id: 'closed_lost', kind: 'lost', label: { en: 'Closed Lost' } },
  ],
});

const entered = (stage: string) => `Date entered "${stage} (Sales Pipeline)"`;
/** The Date entered columns in the order HubSpot writes them when sorted by name, and in pipeline order. */
const ALPHABETICAL = ['Appointment Scheduled', 'Closed Lost', 'Closed Won', 'Contract Sent', 'Qualified To Buy'];
const PIPELINE_ORDER = ['Appointment Scheduled', 'Qualified To Buy', 'Contract Sent', 'Closed Won', 'Closed Lost'];

/** The auditor's four deals (/tmp/av-hs-tie): 1001 won and 1002 lost in the minute they reached Contract Sent. */
const DEALS: { id: string; name: string; amount: string; close: string; stage: string; owner: string; dates: Record<string, string> }[] = [
  {
    id: '1001', name: 'Acme', amount: '48000', close: '2025-06-10 16:45', stage: 'Closed Won', owner: 'Dana Whitfield',
    dates: { 'Appointment Scheduled': '2025-03-03 09:12', 'Qualified To Buy': '2025-04-01 10:00', 'Contract Sent': '2025-06-10 16:45', 'Closed Won': '2025-06-10 16:45' },
  },
  {
    id: '1002', name: 'Globex', amount: '10000', close: '2025-06-12 10:00', stage: 'Closed Lost', owner: 'Dana Whitfield',
    dates: { 'Appointment Scheduled': '2025-03-03 09:12', 'Qualified To Buy': '2025-04-01 10:00', 'Contract Sent': '2025-06-12 10:00', 'Closed Lost': '2025-06-12 10:00' },
  },
  {
    id: '1003', name: 'Initech', amount: '20000', close: '2025-05-20', stage: 'Contract Sent', owner: 'Marco Reyes',
    dates: { 'Appointment Scheduled': '2025-03-03 09:12', 'Qualified To Buy': '2025-04-01 10:00', 'Contract Sent': '2025-05-01 10:00' },
  },
  {
    id: '1004', name: 'Hooli', amount: '30000', close: '2025-06-20 11:00', stage: 'Closed Won', owner: 'Marco Reyes',
    dates: { 'Appointment Scheduled': '2025-06-20 11:00', 'Closed Won': '2025-06-20 11:00' },
  },
];

function hubspotExport(columns: readonly string[], deals = DEALS) {
  const header = ['Record ID', 'Deal Name', 'Amount', 'Close Date', 'Create Date', ...columns.map(entered), 'Deal Stage', 'Deal owner', 'Pipeline'];
  const rows = deals.map((d) => [d.id, d.name, d.amount, d.close, '2025-03-03 09:12', ...columns.map((c) => d.dates[c] ?? ''), d.stage, d.owner, 'Sales Pipeline']);
  return exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', quotedCsv([header, ...rows]));
}

function summary(dataset: ReturnType<typeof load>) {
  const m = computeMetrics(dataset, CONFIG, '2025-06-30');
  return {
    open: [m.pipeline.open_count, m.pipeline.open_amount],
    won: [m.win_rate.won_count, m.win_rate.won_amount],
    lost: [m.win_rate.lost_count, m.win_rate.lost_amount],
    mismatches: dataset.issues.filter((i) => i.code === 'stage_mismatch').map((i) => i.line),
  };
}

describe('HubSpot stage entries of the same minute', () => {
  it('take the current Deal Stage as the latest, in alphabetical column order as in pipeline order', () => {
    // Open: only 1003 (20,000). Won: 1001 (48,000) and 1004 (30,000). Lost: 1002 (10,000). No disagreement to warn of.
    const expected = { open: [1, 20000], won: [2, 78000], lost: [1, 10000], mismatches: [] };
    expect(summary(load([hubspotExport(ALPHABETICAL)], CONFIG))).toEqual(expected);
    expect(summary(load([hubspotExport(PIPELINE_ORDER)], CONFIG))).toEqual(expected);
  });

  it('order the tied entries toward the current stage in the stage history', () => {
    const dataset = load([hubspotExport(ALPHABETICAL)], CONFIG);
    const h = dataset.stageHistory;
    const of = (id: string) => {
      const d = dataset.deals.findIndex((x) => x.id === id);
      const stages: string[] = [];
      for (let i = 0; i < h.length; i++) if (h.deal[i] === d) stages.push(CONFIG.stages[h.stage[i]!]!.id);
      return stages;
    };
    expect(of('1001')).toEqual(['appointment_scheduled', 'qualified_to_buy', 'contract_sent', 'closed_won']);
    expect(of('1002')).toEqual(['appointment_scheduled', 'qualified_to_buy', 'contract_sent', 'closed_lost']);
  });

  it('still warn when the current stage was entered strictly before another stage, and let the history win', () => {
    const late = DEALS.map((d) => (d.id === '1001' ? { ...d, dates: { ...d.dates, 'Contract Sent': '2025-06-10 16:46' } } : d));
    // 1001 is read as in Contract Sent (entered a minute after Closed Won): open 1001 and 1003.
    for (const order of [ALPHABETICAL, PIPELINE_ORDER]) {
      expect(summary(load([hubspotExport(order, late)], CONFIG))).toEqual({ open: [2, 68000], won: [1, 30000], lost: [1, 10000], mismatches: [2] });
    }
  });
});

describe('Pipedrive: the last stage change at the won or lost time', () => {
  it('ends the history with the won or lost stage', () => {
    const config = parseConfig({
      currency: 'USD',
      timezone: 'UTC',
      stages: [
        { id: 'qualified', kind: 'open', label: { en: 'Qualified' } },
        { id: 'proposal', kind: 'open', label: { en: 'Proposal Made' } },
        { id: 'won', kind: 'won', label: { en: 'Won' } },
        { id: 'lost', kind: 'lost', label: { en: 'Lost' } },
      ],
    });
    const text =
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Last stage change,Deal - Won time,Deal - Lost time\n' +
      '1,A,Lena,1000,USD,Proposal Made,Won,2025-03-10 10:00:00,2025-06-10 16:45:00,2025-06-10 16:45:00,\n' +
      '2,B,Lena,2000,USD,Proposal Made,Lost,2025-03-10 10:00:00,2025-06-12 10:00:00,,2025-06-12 10:00:00\n' +
      '3,C,Lena,4000,USD,Qualified,Open,2025-03-10 10:00:00,2025-05-01 10:00:00,,\n';
    const dataset = load([exportFile('deals-8317624-41.csv', text)], config);
    const m = computeMetrics(dataset, config, '2025-06-30');
    expect([m.pipeline.open_count, m.win_rate.won_count, m.win_rate.won_amount, m.win_rate.lost_count, m.win_rate.lost_amount]).toEqual([1, 1, 1000, 1, 2000]);
    expect(dataset.issues.filter((i) => i.code === 'stage_mismatch')).toEqual([]);
  });
});

describe('Salesforce Data Loader: OpportunityHistory rows of the same second', () => {
  const config = parseConfig({
    currency: 'USD',
    timezone: 'UTC',
    stages: [
      { id: 'prospecting', kind: 'open', label: { en: 'Prospecting' } },
      { id: 'negotiation', kind: 'open', label: { en: 'Negotiation' } },
      { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
      { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
    ],
  });
  const opportunities =
    'Id,AccountId,Name,StageName,Amount,CloseDate,OwnerId,CreatedDate\n' +
    '006A,001A,A,Closed Won,100,2025-06-10,005A,2025-03-01T10:00:00.000Z\n' +
    '006B,001B,B,Negotiation,200,2025-07-10,005A,2025-03-01T10:00:00.000Z\n';
  // A flow moved 006A from Negotiation to Closed Won in the save that set Negotiation: both rows at 16:45:00.
  const rows = [
    '008A,006A,2025-03-01T10:00:00.000Z,Prospecting,100,2025-06-10,false',
    '008B,006A,2025-06-10T16:45:00.000Z,Closed Won,100,2025-06-10,false',
    '008C,006A,2025-06-10T16:45:00.000Z,Negotiation,100,2025-06-10,false',
    '008D,006B,2025-03-01T10:00:00.000Z,Prospecting,200,2025-07-10,false',
    '008E,006B,2025-05-01T09:00:00.000Z,Negotiation,200,2025-07-10,false',
  ];
  const read = (lines: readonly string[]) =>
    load([exportFile('Opportunity.csv', opportunities), exportFile('OpportunityHistory.csv', `Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,IsDeleted\n${lines.join('\n')}\n`)], config);

  it('take the opportunity\'s StageName as the latest, whichever row the export lists first', () => {
    for (const lines of [rows, [rows[0]!, rows[2]!, rows[1]!, rows[3]!, rows[4]!]]) {
      const dataset = read(lines);
      const m = computeMetrics(dataset, config, '2025-06-30');
      // 006A won (100), 006B open in Negotiation (200).
      expect([m.pipeline.open_count, m.pipeline.open_amount, m.win_rate.won_count, m.win_rate.won_amount]).toEqual([1, 200, 1, 100]);
      expect(dataset.issues.filter((i) => i.code === 'stage_mismatch')).toEqual([]);
    }
  });

  it('still warn when StageName was entered strictly before another stage', () => {
    const later = rows.map((r) => (r.startsWith('008C') ? r.replace('16:45:00', '16:45:01') : r));
    const dataset = read(later);
    expect(dataset.issues.filter((i) => i.code === 'stage_mismatch').map((i) => `${i.file}:${i.line}`)).toEqual(['Opportunity.csv:2']);
    expect(computeMetrics(dataset, config, '2025-06-30').pipeline.open_count).toBe(2);
  });
});
