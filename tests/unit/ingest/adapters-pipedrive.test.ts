/**
 * The Pipedrive deals adapter: the exports case gives the metrics of its
 * hand-written canonical folder; statuses, won / lost times, deletions,
 * currencies and pipelines are mapped as docs/exports.md says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../../src/lib/ingest/config.ts';
import { detectFormat } from '../../../src/lib/ingest/vendor/load.ts';
import { EXPORTS, exportFile, folderMetrics, load } from './export-helpers.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';

const CONFIG: ConfigInput = {
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  stages: [
    { id: 'qualified', kind: 'open', label: { en: 'Qualified' } },
    { id: 'proposal', kind: 'open', label: { en: 'Proposal Made' } },
    { id: 'won', kind: 'won', label: { en: 'Won' } },
    { id: 'lost', kind: 'lost', label: { en: 'Lost' } },
    { id: 'no_decision', kind: 'lost', label: { en: 'No decision' } },
  ],
  fx: { USD: 0.92 },
};

const HEADER = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Organization,Deal - Pipeline,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Update time,Deal - Last stage change,Deal - Won time,Deal - Lost time,Deal - Lost reason';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const at = (t: number) => new Date(t).toISOString();

describe('the Pipedrive exports case gives the metrics of its canonical folder', () => {
  it('pipedrive-deals', async () => {
    const dir = join(EXPORTS, 'pipedrive-deals');
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { as_of: string };
    expect(await folderMetrics(join(dir, 'data'), spec.as_of)).toEqual(await folderMetrics(join(dir, 'canonical'), spec.as_of));
  });
});

describe('Pipedrive deals export', () => {
  it('is detected from its header', () => {
    expect(detectFormat(HEADER.toLowerCase().split(','))).toMatchObject({ role: 'deals', adapter: { format: 'pipedrive' } });
  });

  it('places won and lost deals in the config\'s won / first lost stage, after the open stage they left', () => {
    const dataset = load(
      [
        exportFile(
          'deals.csv',
          csv(
            '1,A,Lena,1000,EUR,Nordwind,Sales,Proposal Made,Won,2025-04-01 09:00:00,2025-06-12 12:45:00,2025-05-20 16:00:00,2025-06-12 12:45:00,,',
            '2,B,Lena,2000,USD,Kessler,Sales,Qualified,Lost,2025-04-02 09:00:00,2025-06-05 17:20:00,,,2025-06-05 17:20:00,Price',
            '3,C,Tomas,3000,EUR,Orbis,Sales,Qualified,Open,2025-06-16 11:00:00,2025-06-16 11:00:00,,,,',
          ),
        ),
      ],
      CONFIG,
    );
    expect(dataset.source).toEqual({ format: 'pipedrive', limitations: ['current_visit_only'] });
    expect(dataset.deals.map((d) => [d.id, d.stage, d.amount, d.lostReason])).toEqual([
      ['1', 2, 1000, ''],
      ['2', 3, 1840, 'Price'],
      ['3', 0, 3000, ''],
    ]);
    const h = dataset.stageHistory;
    const rows = Array.from({ length: h.length }, (_, i) => [h.deal[i], h.stage[i], at(h.enteredAt[i]!)]);
    expect(rows).toEqual([
      [0, 1, '2025-05-20T14:00:00.000Z'],
      [0, 2, '2025-06-12T10:45:00.000Z'],
      // No last stage change: the open stage from creation.
      [1, 0, '2025-04-02T07:00:00.000Z'],
      [1, 3, '2025-06-05T15:20:00.000Z'],
      [2, 0, '2025-06-16T09:00:00.000Z'],
    ]);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('removes a deleted deal at its update time, and rejects one whose deletion is not dated', () => {
    const text = csv('1,A,Lena,1000,EUR,Vega,Sales,Proposal Made,Deleted,2025-04-15 09:00:00,2025-06-10 15:00:00,2025-05-28 13:00:00,,,', '2,B,Lena,1000,EUR,Vega,Sales,Qualified,Deleted,2025-04-15 09:00:00,,,,,');
    const dataset = load([exportFile('deals.csv', text)], CONFIG);
    expect(dataset.deals.map((d) => [d.id, at(d.removedAt!)])).toEqual([['1', '2025-06-10T13:00:00.000Z']]);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toMatchObject([{ line: 3, column: 'Deal - Status', code: 'deleted_undated' }]);
    expect(dataset.issues.find((i) => i.code === 'deleted_deals')!.message).toMatch(/^1 deleted deal \(line 2\)/);
    const ko = (code: string) => issueMessage(dataset.issues.find((i) => i.code === code)!, 'ko');
    expect(ko('deleted_deals')).toBe('삭제된 딜 1건(2행): 딜마다 "Deal - Update time"(Pipedrive에서 딜이 마지막으로 바뀐 때, 즉 삭제된 때)까지만 집계합니다');
    expect(ko('deleted_undated')).toBe(
      '딜 "2"는 삭제되었지만 언제 삭제되었는지 알 수 없습니다("Deal - Update time" 열이 없거나 비어 있음). 이 행은 제외했습니다. 삭제 전까지 딜을 집계하려면 그 열을 함께 내보내세요',
    );
    expect(dataset.files['deals.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('rejects an unknown status and a currency without a rate on their lines, naming the Pipedrive column', () => {
    const text = csv('1,A,Lena,1000,EUR,Vega,Sales,Qualified,Pending,2025-04-15 09:00:00,,,,,', '2,B,Lena,1000,CHF,Alpen,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,');
    const dataset = load([exportFile('deals.csv', text)], CONFIG);
    const errors = dataset.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.code]);
    expect(errors).toEqual([
      [2, 'Deal - Status', 'invalid_status'],
      // The rejected deal's history row (same line) only echoes that error, so it is left out.
      [3, 'Deal - Currency', 'missing_fx_rate'],
    ]);
    expect(dataset.files['deals.csv']).toEqual({ rows: 2, accepted: 0, rejected: 2 });
    expect(dataset.issues.filter((i) => i.severity === 'error').map((i) => issueMessage(i, 'ko'))).toEqual([
      '"Deal - Status" 값 "Pending"은 open, won, lost, deleted 중 하나가 아닙니다. 이 행은 제외했습니다',
      '"Deal - Currency" CHF의 환율이 설정 "fx"에 없습니다(금액은 EUR로 집계합니다). 이 행을 읽으려면 pipeline.config.json에 "fx": {"CHF": <1 CHF당 EUR>}를 추가하세요',
    ]);
  });

  it('reads one pipeline with --pipeline and sets the others aside with one warning', () => {
    const text = csv('1,A,Lena,1000,EUR,Vega,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,', '2,B,Lena,1000,EUR,Vega,Partners,Intro,Open,2025-04-15 09:00:00,,,,,');
    expect(() => load([exportFile('deals.csv', text)], CONFIG)).toThrow(/2 pipelines: "Sales" \(1 deal\), "Partners" \(1 deal\)/);
    const dataset = load([exportFile('deals.csv', text)], CONFIG, { pipeline: 'Sales' });
    expect(dataset.deals.map((d) => d.id)).toEqual(['1']);
    expect(dataset.files['deals.csv']).toEqual({ rows: 1, accepted: 1, rejected: 0 });
    expect(dataset.issues.filter((i) => i.code === 'other_pipeline')).toMatchObject([{ line: 0, column: 'Deal - Pipeline' }]);
  });

  it('groups deals by organization name when the export has no organization id, and says so', () => {
    const text = csv('1,A,Lena,1000,EUR,Vega,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,', '2,B,Lena,1000,EUR,,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,');
    const dataset = load([exportFile('deals.csv', text)], CONFIG);
    expect(dataset.deals.map((d) => d.accountId)).toEqual(['Vega', 'deal-2']);
    expect(dataset.issues.filter((i) => i.line === 0).map((i) => i.code).sort()).toEqual(['account_by_name', 'no_company']);
  });
});

describe('Pipedrive: a missing column', () => {
  it('is named as Pipedrive names it, with its alternatives, in the file that lacks it', () => {
    const text = 'Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Status\n1,A,100,Qualified,open\n';
    expect(() => load([exportFile('deals-1-1.csv', text)], CONFIG)).toThrow(
      /^deals-1-1\.csv: the Pipedrive deals export lacks "Deal - Owner" and "Deal - Deal created" or "Deal - Add time" or "Deal - Created"; add them to the exported columns and export again$/u,
    );
  });

  it('stops on an export without "Deal - Status" or "Deal - Stage", rather than reject every row as if its cell were empty', () => {
    // Without the status no row can be told open, won or lost; without the stage no open deal can be placed.
    const noStatus = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Deal created\n1,A,Lena,100,Qualified,2025-04-15 09:00:00\n';
    expect(() => load([exportFile('deals-1-1.csv', noStatus)], CONFIG)).toThrow(
      /^deals-1-1\.csv: the Pipedrive deals export lacks "Deal - Status"; add it to the exported columns and export again$/u,
    );
    const noStage = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Status,Deal - Deal created\n1,A,Lena,100,Open,2025-04-15 09:00:00\n';
    expect(() => load([exportFile('deals-1-1.csv', noStage)], CONFIG)).toThrow(
      /^deals-1-1\.csv: the Pipedrive deals export lacks "Deal - Stage"; add it to the exported columns and export again$/u,
    );
  });
});

describe('Pipedrive: dates saved with a 12-hour clock', () => {
  it('reads them as the 24-hour times they are', () => {
    const text = csv('1,A,Kim,100,EUR,Acme,Sales,Qualified,won,3/13/2026 8:00 PM,,,4/1/2026 12:15 AM,,');
    const dataset = load([exportFile('deals-1-1.csv', text)], { ...CONFIG, timezone: 'UTC', date_order: 'MDY' });
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset.deals.map((d) => [at(d.createdAt), at(d.closedAt!)])).toEqual([['2026-03-13T20:00:00.000Z', '2026-04-01T00:15:00.000Z']]);
  });

  it('quotes a cell it cannot read as the export writes it (a 12-hour clock), not as rewritten for the reader', () => {
    const text = csv('1,A,Kim,100,EUR,Acme,Sales,Qualified,won,3/4/2026 8:00 PM,,,4/1/2026 12:15 AM,,');
    const dataset = load([exportFile('deals-1-1.csv', text)], { ...CONFIG, timezone: 'UTC' });
    const messages = dataset.issues.filter((i) => i.code === 'invalid_date').map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.includes('"3/4/2026 8:00 PM"') || m.includes('"4/1/2026 12:15 AM"'))).toBe(true);
    expect(messages.some((m) => m.includes('20:00') || m.includes('00:15'))).toBe(false);
  });
});

describe('Pipedrive: an export without "Deal - Currency"', () => {
  const noCurrency = (...rows: string[]) => [HEADER.replace(',Deal - Currency', ''), ...rows].join('\n') + '\n';
  const row = '1,A,Lena,1000,Vega,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,';
  const said = (config: object) => load([exportFile('deals-1-1.csv', noCurrency(row))], config).issues.filter((i) => i.code === 'no_currency_column');

  it('reads every amount in the config currency and says so once, on the header line, when the config has fx rates that then go unused', () => {
    const dataset = load([exportFile('deals-1-1.csv', noCurrency(row, row.replace(/^1,A/u, '2,B')))], CONFIG);
    expect(dataset.deals.map((d) => [d.id, d.amount])).toEqual([
      ['1', 1000],
      ['2', 1000],
    ]);
    const warned = dataset.issues.filter((i) => i.code === 'no_currency_column');
    expect(warned).toEqual([
      {
        file: 'deals-1-1.csv',
        line: 1,
        column: 'Deal - Value',
        code: 'no_currency_column',
        severity: 'warning',
        message:
          'no "Deal - Currency" column: every amount ("Deal - Value") is read in EUR, so the "fx" rates (USD) are never used. Export "Deal - Currency" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline.config.json',
      },
    ]);
    expect(issueMessage(warned[0]!, 'ko')).toBe(
      '"Deal - Currency" 열이 없어 모든 금액("Deal - Value")을 EUR로 읽었으므로 "fx" 환율(USD)은 쓰이지 않습니다. 딜과 함께 "Deal - Currency" 열을 내보내거나, 모든 딜이 한 통화라면 pipeline.config.json에서 "currency"를 그 통화로 지정하고 "fx"를 지우세요',
    );
  });

  it('says the default currency is used when the config gives none, and nothing when it gives one without fx rates', () => {
    const { currency: _c, fx: _f, ...stagesOnly } = CONFIG;
    const [warning] = said(stagesOnly);
    expect(warning!.message).toBe(
      'no "Deal - Currency" column: every amount ("Deal - Value") is read in KRW, the default "currency" (pipeline.config.json gives none). Export "Deal - Currency" with the deals, or, if every deal is in one currency, set "currency" to it in pipeline.config.json',
    );
    expect(issueMessage(warning!, 'ko')).toBe(
      '"Deal - Currency" 열이 없어 모든 금액("Deal - Value")을 기본 통화 KRW로 읽었습니다(pipeline.config.json에 "currency"가 없음). 딜과 함께 "Deal - Currency" 열을 내보내거나, 모든 딜이 한 통화라면 pipeline.config.json의 "currency"를 그 통화로 지정하세요',
    );
    // The user's word: every amount is in EUR. Given as the default's own value, still a word.
    expect(said({ ...stagesOnly, currency: 'EUR' })).toEqual([]);
    expect(said({ ...stagesOnly, currency: 'KRW' })).toEqual([]);
    // With the column, never.
    expect(load([exportFile('deals-1-1.csv', csv('1,A,Lena,1000,EUR,Vega,Sales,Qualified,Open,2025-04-15 09:00:00,,,,,'))], stagesOnly).issues.filter((i) => i.code === 'no_currency_column')).toEqual([]);
  });
});
