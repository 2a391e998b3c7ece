/**
 * The HubSpot deals adapter: each exports case gives the same metrics as its
 * hand-written canonical folder, and the export's quirks are mapped as
 * docs/exports.md says, with issues against the HubSpot file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../../src/lib/ingest/config.ts';
import { IngestFatalError } from '../../../src/lib/ingest/issues.ts';
import { hubspotForecast } from '../../../src/lib/ingest/vendor/hubspot-deals.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { fatalText } from '../../../src/lib/i18n/fatal-text.ts';
import { detectFormat } from '../../../src/lib/ingest/vendor/load.ts';
import { nearMiss, notInEnglish } from '../../../src/lib/ingest/vendor/unread-files.ts';
import { EXPORTS, exportFile, folderMetrics, load, quotedCsv } from './export-helpers.ts';

const CASES = ['hubspot-deals', 'hubspot-weekly-series', 'hubspot-workbook', 'hubspot-xls'];

const STAGES: ConfigInput = {
  currency: 'USD',
  timezone: 'America/New_York',
  stages: [
    { id: 'appointment', kind: 'open', label: { en: 'Appointment Scheduled' } },
    { id: 'qualified', kind: 'open', label: { en: 'Qualified To Buy' } },
    { id: 'contract', kind: 'open', label: { en: 'Contract Sent' } },
    { id: 'won', kind: 'won', label: { en: 'Closed Won' } },
    { id: 'lost', kind: 'lost', label: { en: 'Closed Lost' } },
  ],
};

const HEADER = ['Record ID', 'Deal Name', 'Pipeline', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Associated Company IDs (Primary)', 'Associated Company (Primary)'];
const deal = (id: string, stage: string, extra: Partial<Record<string, string>> = {}) => [
  id,
  `Deal ${id}`,
  extra.pipeline ?? 'Sales Pipeline',
  stage,
  extra.amount ?? '1000',
  extra.close ?? '2025-07-31',
  extra.created ?? '2025-05-02 09:00',
  'Dana Whitfield',
  extra.companyId ?? '9001',
  extra.company ?? 'Acme Corp',
];

const FIXTURE = join(EXPORTS, 'hubspot-deals', 'data');
const fixtureFile = () => exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', readFileSync(join(FIXTURE, 'hubspot-crm-exports-all-deals-2025-06-30.csv'), 'utf8'));
const fixtureConfig = () => JSON.parse(readFileSync(join(FIXTURE, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;

describe('HubSpot exports cases give the metrics of their canonical folder', () => {
  for (const name of CASES) {
    it(name, async () => {
      const spec = JSON.parse(readFileSync(join(EXPORTS, name, 'case.json'), 'utf8')) as { as_of: string; format?: string; pipeline?: string };
      const options = { format: spec.format, pipeline: spec.pipeline };
      const fromExport = await folderMetrics(join(EXPORTS, name, 'data'), spec.as_of, options);
      const fromCanonical = await folderMetrics(join(EXPORTS, name, 'canonical'), spec.as_of);
      expect(fromExport).toEqual(fromCanonical);
    });
  }
});

describe('HubSpot deals export', () => {
  it('is detected from its header, and only from it', () => {
    expect(detectFormat(['record id', 'deal name', 'deal stage', 'pipeline'])).toMatchObject({ role: 'deals', adapter: { format: 'hubspot' } });
    expect(detectFormat(['deal_id', 'account_id', 'owner', 'stage'])).toBeNull();
  });

  it('reads the fixture: (No value) is empty, other pipelines left out, the empty stage rejected on its line', () => {
    const dataset = load([fixtureFile()], fixtureConfig(), { pipeline: 'sales pipeline' });
    expect(dataset.source).toEqual({ format: 'hubspot', limitations: [] });
    expect(dataset.deals.map((d) => d.id)).toEqual(['1001', '1002', '1003', '1004', '1005', '1007']);
    const umbrella = dataset.deals.find((d) => d.id === '1004')!;
    expect(umbrella.amount).toBeNull();
    expect(umbrella.accountId).toBe('deal-1004');
    expect(dataset.deals.map((d) => d.forecastCategory)).toEqual(['commit', null, null, 'pipeline', 'best_case', 'omitted']);
    // 9 records, 2 of Renewals set aside (not rows), 1 rejected (empty Deal Stage).
    expect(dataset.files).toEqual({ 'hubspot-crm-exports-all-deals-2025-06-30.csv': { rows: 7, accepted: 6, rejected: 1 } });
    const errors = dataset.issues.filter((i) => i.severity === 'error');
    expect(errors).toMatchObject([{ line: 7, column: 'Deal Stage', code: 'missing_stage' }]);
    expect(dataset.issues.filter((i) => i.code === 'other_pipeline')).toHaveLength(1);
    expect(dataset.issues.find((i) => i.code === 'other_pipeline')!.message).toContain('2 of "Renewals"');
  });

  it('reports a duplicated column exactly once, and reads the first one', () => {
    const dataset = load([fixtureFile()], fixtureConfig(), { pipeline: 'Sales Pipeline' });
    expect(dataset.issues.filter((i) => i.code === 'duplicate_column')).toMatchObject([{ line: 1, column: 'forecast category', severity: 'warning' }]);
    // The second "Forecast category" column says "Best case" for 1001; the first one, "Commit", wins.
    expect(dataset.deals[0]!.forecastCategory).toBe('commit');
  });

  it('turns Date entered columns of the deal\'s own pipeline into stage history', () => {
    const dataset = load([fixtureFile()], fixtureConfig(), { pipeline: 'Sales Pipeline' });
    const globex = dataset.deals.findIndex((d) => d.id === '1002');
    const h = dataset.stageHistory;
    const rows = [];
    for (let i = 0; i < h.length; i++) if (h.deal[i] === globex) rows.push(h.stage[i]);
    // Appointment, Qualified, Presentation, Contract (no Decision), Closed Won: indices in the fixture config.
    expect(rows).toEqual([0, 1, 2, 4, 5]);
  });

  it('reads Date entered labels in single or typographic quotes, or none, as in double quotes', () => {
    const text = (open: string, close: string) =>
      quotedCsv([
        [...HEADER, `Date entered ${open}Appointment Scheduled (Sales Pipeline)${close}`, `Date entered ${open}Qualified To Buy (Sales Pipeline)${close}`],
        [...deal('1', 'Qualified To Buy'), '2025-05-02 09:00', '2025-05-20 10:00'],
      ]);
    for (const [open, close] of [['"', '"'], ["'", "'"], ['\u2018', '\u2019'], ['\u201c', '\u201d'], ['', '']]) {
      const dataset = load([exportFile('deals.csv', text(open!, close!))], STAGES);
      expect(dataset.issues.map((i) => i.code), `${open}…${close}`).toEqual([]);
      expect(Array.from(dataset.stageHistory.stage.subarray(0, dataset.stageHistory.length)), `${open}…${close}`).toEqual([0, 1]);
    }
  });

  it('says when deals have Date entered dates only in other pipelines\' columns (a Pipeline cell that names no column\'s pipeline)', () => {
    // A Pipeline written as HubSpot's internal id ("default") while the columns name the pipeline's label.
    const header = [...HEADER, 'Date entered "Appointment Scheduled (Sales Pipeline)"', 'Date entered "Qualified To Buy (Sales Pipeline)"'];
    const text = quotedCsv([
      header,
      [...deal('1', 'Qualified To Buy', { pipeline: 'default' }), '2025-05-02 09:00', '2025-05-20 10:00'],
      [...deal('2', 'Appointment Scheduled', { pipeline: 'default' }), '2025-05-02 09:00', ''],
      // No dates at all: nothing to say beyond its synthesized history.
      [...deal('3', 'Appointment Scheduled', { pipeline: 'default' }), '', ''],
    ]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    const warning = dataset.issues.find((i) => i.code === 'stage_dates_other_pipeline')!;
    expect(warning).toMatchObject({ file: 'deals.csv', line: 0, column: 'Pipeline', severity: 'warning' });
    expect(warning.message).toBe(
      '2 deals have "Date entered" dates only in columns of other pipelines than their "Pipeline" (lines 2, 3; "default"): those dates are not used, and the history is made from "Create Date" and "Deal Stage". A column applies to the deals whose "Pipeline" it names in parentheses: export "Pipeline" as HubSpot shows it',
    );
    expect(issueMessage(warning, 'ko')).toBe(
      '딜 2건은 "Date entered" 날짜가 "Pipeline"과 다른 파이프라인의 열에만 있습니다(2, 3행, "default"). 그 날짜는 쓰지 않았고 이력은 "Create Date"와 "Deal Stage"로 만들었습니다. 열은 괄호 안에 이름이 적힌 "Pipeline"의 딜에만 적용됩니다. "Pipeline"을 HubSpot 화면에 보이는 대로 내보내세요',
    );
  });

  it('stops with the pipelines and their deal counts when several are mixed and --pipeline is not given', () => {
    expect(() => load([fixtureFile()], fixtureConfig())).toThrow(IngestFatalError);
    expect(() => load([fixtureFile()], fixtureConfig())).toThrow(/2 pipelines: "Sales Pipeline" \(7 deals\), "Renewals" \(2 deals\).*--pipeline/);
    expect(() => load([fixtureFile()], fixtureConfig(), { pipeline: 'Partners' })).toThrow(/--pipeline "Partners" is not in the HubSpot deals export.*"Sales Pipeline" \(7 deals\)/);
  });

  it('stops, naming the pipelines, when there is no Pipeline column and Date entered dates are in two pipelines\' columns (they would be mixed into one funnel)', () => {
    // The fixture (two pipelines) with its Pipeline column left out of the export's view.
    const [header, ...rows] = readFileSync(join(FIXTURE, 'hubspot-crm-exports-all-deals-2025-06-30.csv'), 'utf8').trimEnd().split('\n');
    const at = header!.split(',').indexOf('"Pipeline"');
    expect(at).toBeGreaterThan(0);
    const without = (line: string) => line.split(',').filter((_, i) => i !== at).join(',');
    const file = exportFile('deals.csv', [header!, ...rows].map(without).join('\n'));
    let stop: unknown = null;
    try {
      load([file], fixtureConfig());
    } catch (e) {
      stop = e;
    }
    expect(stop).toBeInstanceOf(IngestFatalError);
    const e = stop as IngestFatalError;
    expect(e.code).toBe('pipeline_column_needed');
    expect(e.message).toBe(
      'the HubSpot deals export has no "Pipeline" column, but its "Date entered" columns date the stages of 2 pipelines: "Sales Pipeline" (6 deals), "Renewals" (2 deals). Metrics are about one pipeline\'s stages, and without that column these deals would be mixed into one funnel: add "Pipeline" to the exported columns, then choose one with --pipeline "<name>"',
    );
    // Deals counted as read: the fixture's seventh Sales Pipeline deal has an empty stage and is rejected.
    expect(fatalText(e, 'ko')).toBe(
      'HubSpot 딜 내보내기에 "Pipeline" 열이 없는데, "Date entered" 열들이 파이프라인 2개의 단계 날짜를 담고 있습니다: "Sales Pipeline"(딜 6건), "Renewals"(딜 2건). 지표는 한 파이프라인의 단계로 계산하므로, 그 열이 없으면 이 딜들이 한 퍼널에 섞입니다. 내보낼 열에 "Pipeline" 열을 추가한 뒤 --pipeline "<이름>"으로 하나를 고르세요',
    );
    // One pipeline's dates only (the other pipeline's columns exported empty): read as before.
    const header2 = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Date entered "Appointment Scheduled (Sales Pipeline)"', 'Date entered "Closed Won (Renewals)"'];
    const one = quotedCsv([header2, ['1', 'Deal 1', 'Appointment Scheduled', '1000', '2025-07-31', '2025-05-02 09:00', 'Dana Whitfield', '2025-05-02 09:00', '']]);
    expect(load([exportFile('deals.csv', one)], STAGES).deals).toHaveLength(1);
  });

  it('says that an export of only its header holds no deal at all, when --pipeline names one (a daily CI job run on an empty view)', () => {
    const header = readFileSync(join(FIXTURE, 'hubspot-crm-exports-all-deals-2025-06-30.csv'), 'utf8').split('\n')[0]!;
    const empty = exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', `${header}\n`);
    expect(() => load([empty], fixtureConfig(), { pipeline: 'Sales Pipeline' })).toThrow(
      new IngestFatalError(
        'pipeline_not_found',
        'hubspot-crm-exports-all-deals-2025-06-30.csv',
        '--pipeline "Sales Pipeline" is not in the HubSpot deals export: it holds no deals at all (only its header row). Check that the view you exported is not empty or filtered, and export it again',
      ),
    );
  });

  it('names the export that lacks a column deals.csv requires, by HubSpot\'s name for it, in a series too', () => {
    const full = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n1,A,Closed Won,100,2026-05-01,2026-01-01,Kim\n';
    const bare = 'Record ID,Deal Name,Deal Stage,Close Date\n1,A,Closed Won,2026-05-01\n';
    const files = [exportFile('hubspot-crm-exports-all-deals-2026-05-31.csv', full), exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', bare)];
    expect(() => load(files, {})).toThrow(
      new IngestFatalError(
        'export_lacks_columns',
        'hubspot-crm-exports-all-deals-2026-06-30.csv',
        'hubspot-crm-exports-all-deals-2026-06-30.csv: the HubSpot deals export lacks "Deal owner", "Amount" and "Create Date"; add them to the exported columns and export again',
      ),
    );
  });

  it('reports an unreadable Close Date of a closed deal once, though it fills two columns of deals.csv', () => {
    const text = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n1,A,Closed Won,100,2026-13-01,2026-01-01,Kim\n2,B,Qualified To Buy,200,2026-08-01,2026-02-01,Lee\n';
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], fixtureConfig());
    const dates = dataset.issues.filter((i) => i.code === 'invalid_date');
    expect(dates.map((i) => `${i.line} ${i.column}: ${i.message}`)).toEqual(['2 Close Date: "Close Date" "2026-13-01" has month 13, not 1-12']);
    expect(dataset.files['hubspot-crm-exports-all-deals-2026-06-30.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('matches --pipeline ignoring case and spaces, and reads a Pipeline cell of (No value) as no pipeline', () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline\n' +
      '1,A,Appointment Scheduled,100,2026-08-01,2026-01-01,Kim,영업 파이프라인\n' +
      '2,B,Appointment Scheduled,200,2026-08-01,2026-02-01,Lee,(No value)\n' +
      '3,C,Appointment Scheduled,300,2026-08-01,2026-02-01,Lee,\n';
    const files = [exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)];
    expect(() => load(files, fixtureConfig())).toThrow(/holds 2 pipelines: "영업 파이프라인" \(1 deal\), "\(no pipeline\)" \(2 deals\)/u);
    expect(load(files, fixtureConfig(), { pipeline: '영업파이프라인' }).deals.map((d) => d.id)).toEqual(['1']);
  });

  it('refuses --pipeline where the data has no pipelines, rather than reading every deal', () => {
    const report = readFileSync(join(EXPORTS, 'salesforce-history-report', 'data', 'Opportunity History - FY25 report.csv'), 'utf8');
    expect(() => load([exportFile('history.csv', report)], {}, { pipeline: 'Sales' })).toThrow(
      new IngestFatalError('pipeline_not_applicable', 'history.csv', '--pipeline "Sales" cannot be applied to Salesforce reports: only HubSpot and Pipedrive exports, and canonical files whose deals.csv has a "pipeline" column, hold pipelines to choose from; leave out --pipeline'),
    );
  });

  it('reads dates with a 12-hour clock, as Excel saves them in English and Korean', () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,"Date entered ""Appointment Scheduled (Sales Pipeline)"""\n' +
      '1,A,Appointment Scheduled,100,8/1/2026,3/13/2026 8:00 PM,Kim,3/14/2026 12:30 AM\n' +
      '2,B,Appointment Scheduled,200,8/1/2026,2026. 2. 1. 오후 3:05,Lee,\n';
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], { ...fixtureConfig(), date_order: 'MDY', timezone: 'UTC' });
    expect(dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset.deals.map((d) => new Date(d.createdAt).toISOString())).toEqual(['2026-03-13T20:00:00.000Z', '2026-02-01T15:05:00.000Z']);
    const first = dataset.deals.findIndex((d) => d.id === '1');
    const entered: string[] = [];
    for (let i = 0; i < dataset.stageHistory.length; i++) if (dataset.stageHistory.deal[i] === first) entered.push(new Date(dataset.stageHistory.enteredAt[i]!).toISOString());
    expect(entered).toEqual(['2026-03-14T00:30:00.000Z']);
  });

  it('quotes a 12-hour cell it cannot read as the export writes it, not as rewritten for the reader', () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,"Date entered ""Appointment Scheduled (Sales Pipeline)"""\n' +
      '1,A,Appointment Scheduled,100,2026-08-01,3/4/2026 8:00 PM,Kim,3/5/2026 9:05 AM\n';
    // No date_order: 3/4/2026 may be either.
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], { ...fixtureConfig(), timezone: 'UTC' });
    expect(dataset.issues.filter((i) => i.code === 'invalid_date').map((i) => `${i.line} ${i.severity} ${i.message}`)).toEqual([
      '2 error "Create Date" "3/4/2026 8:00 PM" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json',
      '2 warning "Date entered "Appointment Scheduled (Sales Pipeline)"" "3/5/2026 9:05 AM" is ambiguous (month or day first?); set "date_order" to "MDY" or "DMY" in pipeline.config.json; that stage entry is left out',
    ]);
    expect(issueMessage(dataset.issues.find((i) => i.code === 'invalid_date')!, 'ko')).toContain('"3/4/2026 8:00 PM"');
  });

  it('says, in the export\'s terms, when a deal\'s first stage entry is before its "Create Date" (created then, rule 3)', () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,"Date entered ""Appointment Scheduled (Sales Pipeline)"""\n' +
      '1,A,Appointment Scheduled,100,2026-08-01,2026-02-01,Kim,2026-01-15 09:30\n' +
      '2,B,Appointment Scheduled,200,2026-08-01,2026-02-01,Lee,2026-02-01\n' +
      // Its first stage stamped 25 seconds before its creation, as a CRM's clock may: not said (under a minute).
      '3,C,Appointment Scheduled,300,2026-08-01,2026-02-01 10:00:30,Lee,2026-02-01 10:00:05\n';
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], { ...fixtureConfig(), timezone: 'UTC' });
    const warned = dataset.issues.filter((i) => i.code === 'history_before_create');
    expect(warned.map((i) => `${i.file}:${i.line} ${i.column} ${i.severity}: ${i.message}`)).toEqual([
      `hubspot-crm-exports-all-deals-2026-06-30.csv:2 Create Date warning: "Create Date" is after the deal's first stage entry (entered 2026-01-15 09:30 in UTC): the deal counts as created then, the earlier of the two`,
    ]);
    expect(issueMessage(warned[0]!, 'ko')).toBe('"Create Date"가 이 딜의 첫 단계 기록(UTC 기준 2026-01-15 09:30 진입)보다 늦습니다. 둘 중 이른 그 시점에 생성된 딜로 봅니다');
    // The Dataset keeps "Create Date" as read (the model takes the earlier, metrics.md rule 3); deal 2, entered when it was created, is not warned.
    expect(new Date(dataset.deals.find((d) => d.id === '1')!.createdAt).toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('names the export and its line where a message points at another row, not stage_history.csv', () => {
    const text =
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Associated Company,"Date entered ""Appointment Scheduled (Sales Pipeline)""","Date entered ""Qualified To Buy (Sales Pipeline)"""\n' +
      '1,A,Qualified To Buy,100,2026-07-31,2026-01-01,Jane,Acme,2026-01-01,2026-02-01\n' +
      '3,C,Qualified To Buy,100,2026-07-31,2026-01-01,Jane,Acme,2026-03-01,2026-02-01\n';
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2026-06-30.csv', text)], fixtureConfig());
    expect(dataset.issues.filter((i) => i.code === 'stage_mismatch').map((i) => `${i.file}:${i.line} ${i.message}`)).toEqual([
      'hubspot-crm-exports-all-deals-2026-06-30.csv:3 "Deal Stage" is "qualified" (Qualified To Buy) but the latest stage entry (hubspot-crm-exports-all-deals-2026-06-30.csv line 3) is "appointment" (Appointment Scheduled); the history wins',
    ]);
  });

  it('follows --format, and refuses a format that does not read the file', () => {
    expect(load([fixtureFile()], fixtureConfig(), { format: 'hubspot', pipeline: 'Sales Pipeline' }).source.format).toBe('hubspot');
    expect(() => load([fixtureFile()], fixtureConfig(), { format: 'pipedrive', pipeline: 'Sales Pipeline' })).toThrow(
      /^no Pipedrive deals export found \(--format pipedrive\)\. [^:]*: it looks like a HubSpot deals export, not a Pipedrive deals export: run with --format hubspot, or without --format to detect it$/u,
    );
  });

  it('says why an export in another language is not read, and what to do, in English and Korean', () => {
    const korean = exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', '레코드 ID,거래 이름,거래 단계,파이프라인,금액\n101,Acme 장비,계약 완료,영업 파이프라인,1000000\n');
    expect(notInEnglish(['레코드 ID', '거래 이름', 'Amount'])).toBe(
      'its column names are not in English ("레코드 ID", "거래 이름"): set the CRM\'s language to English, export again, and replace this file (docs/exports.md)',
    );
    // Mostly English (a custom property or two in Korean): the usual "no export" wording.
    expect(notInEnglish(['Record ID', 'Deal Name', '담당 지사'])).toBeNull();
    expect(notInEnglish(['제목'])).toBeNull();
    // Alone in the folder: the fatal error names the file and the fix.
    expect(() => load([korean], STAGES)).toThrow(
      /^no export found: hubspot-crm-exports-all-deals-2025-06-30\.csv\. .* in the folder\. hubspot-crm-exports-all-deals-2025-06-30\.csv: its column names are not in English \("레코드 ID", "거래 이름", "거래 단계", \.\.\.\): set the CRM's language to English/u,
    );
    // Beside a readable export: a warning, translated on the Korean pages.
    const dataset = load([fixtureFile(), exportFile('ko.csv', '레코드 ID,거래 이름,거래 단계\n101,Acme 장비,계약 완료\n')], fixtureConfig(), { pipeline: 'Sales Pipeline' });
    const warning = dataset.issues.find((i) => i.code === 'unknown_export')!;
    expect(warning).toMatchObject({ file: 'ko.csv', severity: 'warning' });
    expect(warning.message).toMatch(/the file is ignored: its column names are not in English \("레코드 ID", "거래 이름", "거래 단계"\)/u);
    expect(issueMessage(warning, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 열 이름이 영어가 아닙니다("레코드 ID", "거래 이름", "거래 단계"). CRM의 언어를 영어로 바꾸어 다시 내보낸 뒤 이 파일을 바꾸세요(docs/exports.md)',
    );
  });

  it('says that a web page or JSON saved as .csv is not an export, in English and Korean', () => {
    const page = exportFile('deals-export.csv', '<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n');
    expect(() => load([page], STAGES)).toThrow(/deals-export\.csv: the file is a web page \(HTML\), not CSV: a download link that needed a sign-in saves the sign-in page\. Export the file again from the CRM/u);
    const dataset = load([fixtureFile(), page, exportFile('deals.json.csv', '{"results": []}\n')], fixtureConfig(), { pipeline: 'Sales Pipeline' });
    const unread = dataset.issues.filter((i) => i.code === 'unknown_export');
    expect(unread.map((i) => i.file).sort()).toEqual(['deals-export.csv', 'deals.json.csv']);
    const html = unread.find((i) => i.file === 'deals-export.csv');
    const json = unread.find((i) => i.file === 'deals.json.csv');
    expect(issueMessage(html!, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. CSV가 아니라 웹 페이지(HTML)입니다. 로그인이 필요한 다운로드 링크는 로그인 페이지를 저장합니다. CRM에서 다시 내보내세요',
    );
    expect(issueMessage(json!, 'ko')).toBe('읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. CSV가 아니라 JSON입니다. CSV로 다시 내보내세요');
  });

  it('says what an export that nearly is a known one lacks (a view exported without its stage column)', () => {
    expect(nearMiss(['Record ID', 'Deal Name', 'Amount', 'Deal owner'])).toBe(
      'it looks like a HubSpot deals export (it has "Record ID", "Deal Name", "Deal owner") but lacks "Deal Stage": add it to the exported columns and export again (docs/exports.md)',
    );
    expect(nearMiss(['deal - id', 'Deal - Title', 'Deal - Value'])).toBe(
      'it looks like a Pipedrive deals export (it has "deal - id", "Deal - Title", "Deal - Value") but lacks "Deal - Stage" (or "Deal - Status"): add it to the exported columns and export again (docs/exports.md)',
    );
    expect(nearMiss(['Opportunity Name', 'Amount'])).toBe(
      'it looks like a Salesforce Opportunities report (it has "Opportunity Name") but lacks "Stage": add it to the exported columns and export again (docs/exports.md)',
    );
    expect(nearMiss(['Opportunity Owner', 'Amount'])).toMatch(/lacks "Stage" and "Opportunity Name" \(or "Opportunity ID"\): add them /u);
    // Nothing only a CRM's export has: no guess.
    expect(nearMiss(['name', 'email', 'stage'])).toBeNull();
    const view = exportFile('view.csv', 'Record ID,Deal Name,Amount\n101,Acme,1000\n');
    expect(() => load([view], STAGES)).toThrow(/ view\.csv: it looks like a HubSpot deals export \(it has "Record ID", "Deal Name"\) but lacks "Deal Stage": add it to the exported columns/u);
    const beside = load([fixtureFile(), view], fixtureConfig(), { pipeline: 'Sales Pipeline' }).issues.find((i) => i.code === 'unknown_export')!;
    expect(issueMessage(beside, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. HubSpot 딜 내보내기 형식으로 보이지만("Record ID", "Deal Name" 열이 있음) "Deal Stage" 열이 없습니다. 내보낼 열에 추가하여 다시 내보내세요(docs/exports.md)',
    );
    const pipedrive = { code: 'unknown_export', message: `not a file this tool reads (its columns match no supported export); the file is ignored: ${nearMiss(['Deal - ID'])}` };
    const opportunities = { code: 'unknown_export', message: `not a file this tool reads (its columns match no supported export); the file is ignored: ${nearMiss(['Opportunity Owner'])}` };
    expect(issueMessage(opportunities, 'ko')).toContain('("Opportunity Owner" 열이 있음) "Stage", "Opportunity Name"(또는 "Opportunity ID") 열이 없습니다');
    expect(issueMessage(pipedrive, 'ko')).toContain('Pipedrive 딜 내보내기 형식으로 보이지만("Deal - ID" 열이 있음) "Deal - Stage"(또는 "Deal - Status") 열이 없습니다');
  });

  it('lists every unmatched stage name with its row count in one fatal error, with a snippet', () => {
    const config = fixtureConfig();
    config.stages = (config.stages as { id: string }[]).filter((s) => s.id !== 'decision' && s.id !== 'presentation');
    try {
      load([fixtureFile()], config, { pipeline: 'Sales Pipeline' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IngestFatalError);
      const error = e as IngestFatalError;
      // Presentation Scheduled: 1005's deal row and the entries of 1001, 1002, 1005; Decision Maker Bought-In: 1001's entry,
      // known only from a column name, spelled as the header writes it.
      expect(error.message).toContain('2 stage names match no configured stage: "Presentation Scheduled" (3 rows), "Decision Maker Bought-In" (1 row)');
      expect(error.details).toContain('"Decision Maker Bought-In"');
    }
  });

  it('applies only the columns of the deal\'s pipeline when two pipelines share a stage label', () => {
    const header = [...HEADER, 'Date entered "Closed Won (Sales Pipeline)"', 'Date entered "Closed Won (Renewals)"'];
    const text = quotedCsv([header, [...deal('1', 'Closed Won'), '2025-06-05 14:20', '2024-01-01 00:00'], [...deal('2', 'Closed Won', { pipeline: 'Renewals' }), '', '2025-06-01 10:00']]);
    const dataset = load([exportFile('deals.csv', text)], STAGES, { pipeline: 'Sales Pipeline' });
    expect(dataset.stageHistory.length).toBe(1);
    expect(new Date(dataset.stageHistory.enteredAt[0]!).toISOString()).toBe('2025-06-05T18:20:00.000Z');
    expect(dataset.files['deals.csv']).toEqual({ rows: 1, accepted: 1, rejected: 0 });
  });

  it('uses "Date entered current stage", ignores Date exited columns and reports an unreadable date on its line and column', () => {
    const header = [...HEADER, 'Date entered "Appointment Scheduled (Sales Pipeline)"', 'Date exited "Appointment Scheduled (Sales Pipeline)"', 'Date entered current stage'];
    const text = quotedCsv([header, [...deal('1', 'Qualified To Buy'), 'soon', '2025-05-10 09:00', '2025-05-10 09:00']]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    expect(Array.from(dataset.stageHistory.stage.subarray(0, dataset.stageHistory.length))).toEqual([1]);
    expect(dataset.issues.filter((i) => i.severity === 'warning' && i.line === 2)).toMatchObject([{ column: 'Date entered "Appointment Scheduled (Sales Pipeline)"', code: 'invalid_date' }]);
    // In Korean, the reason as the canonical files' rule says it, after the HubSpot column label.
    const issue = dataset.issues.find((i) => i.code === 'invalid_date')!;
    expect(issue.message).toMatch(/^"Date entered "Appointment Scheduled \(Sales Pipeline\)"" "soon" is not a date \(expected .+\); that stage entry is left out$/);
    expect(issueMessage(issue, 'ko')).toMatch(/^"Date entered "Appointment Scheduled \(Sales Pipeline\)"" "soon"은 날짜가 아닙니다\(형식: .+\)\. 그 단계 기록은 쓰지 않았습니다$/);
  });

  it('takes the first of several associated companies, and a deal without a company as its own account, each with one warning', () => {
    const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner', 'Associated Company IDs', 'Associated Company'];
    const text = quotedCsv([
      header,
      ['1', 'A', 'Qualified To Buy', '10', '2025-05-02', 'Dana', '9001;9002', 'Acme Corp;Globex'],
      ['2', 'B', 'Qualified To Buy', '10', '2025-05-02', 'Dana', '(No value)', '(No value)'],
    ]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    expect(dataset.deals.map((d) => [d.accountId, d.accountName])).toEqual([
      ['9001', 'Acme Corp'],
      ['deal-2', ''],
    ]);
    expect(dataset.issues.map((i) => i.code).sort()).toEqual(['no_company', 'no_stage_dates', 'several_companies', 'synthesized_history', 'synthesized_history']);
    expect(dataset.source.limitations).toEqual(['current_visit_only']);
    // On the Korean pages, in Korean (i18n/issue-text-vendor.ts).
    const ko = (code: string) => issueMessage(dataset.issues.find((i) => i.code === code)!, 'ko');
    expect(ko('several_companies')).toBe(
      '딜 1건에 연결된 회사가 여러 개입니다(2행). 처음 나열된 회사를 고객사로 봅니다. 기본(Primary) 회사를 쓰려면 "Associated Company IDs (Primary)" 열을 내보내세요',
    );
    expect(ko('no_company')).toBe('딜 1건에 연결된 회사가 없습니다(3행). 딜마다 자체 고객사 "deal-<Record ID>"로 보므로 재구매 주기와 고객사 페이지에서 따로 집계됩니다');
    expect(ko('no_stage_dates')).toBe('내보내기에 "Date entered <stage>" 열이 없어 단계 이력을 알 수 없습니다. 내보낼 열에 추가하세요(docs/exports.md)');
  });

  it('takes the first of several companies listed by name when no id column is exported, with the same warning on that column', () => {
    // A view exported with "Associated Company" alone: its names are the account, and HubSpot lists several joined by ";".
    const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Deal owner', 'Associated Company'];
    const text = quotedCsv([
      header,
      ['1', 'A', 'Qualified To Buy', '10', '2025-05-02', 'Dana', 'Acme Corp;Globex'],
      ['2', 'B', 'Qualified To Buy', '10', '2025-05-02', 'Dana', 'Globex'],
    ]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    expect(dataset.deals.map((d) => [d.accountId, d.accountName])).toEqual([
      ['Acme Corp', 'Acme Corp'],
      ['Globex', 'Globex'],
    ]);
    const issue = dataset.issues.find((i) => i.code === 'several_companies')!;
    expect(issue).toMatchObject({ line: 0, column: 'Associated Company', severity: 'warning' });
    expect(issue.message).toBe('1 deal has several associated companies (line 2); the first listed is taken as the account. Export "Associated Company IDs (Primary)" to get the primary one');
    expect(issueMessage(issue, 'ko')).toBe(
      '딜 1건에 연결된 회사가 여러 개입니다(2행). 처음 나열된 회사를 고객사로 봅니다. 기본(Primary) 회사를 쓰려면 "Associated Company IDs (Primary)" 열을 내보내세요',
    );
  });

  it('keeps a primary company name as written, ";" and all, beside the primary id', () => {
    const text = quotedCsv([HEADER, deal('1', 'Qualified To Buy', { companyId: '9001', company: 'Smith; Jones LLP' })]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    expect(dataset.deals.map((d) => [d.accountId, d.accountName])).toEqual([['9001', 'Smith; Jones LLP']]);
    expect(dataset.issues.map((i) => i.code)).not.toContain('several_companies');
  });

  it('says that a repeated Record ID Excel rounded (1.23457E+11) is why the ids look the same, as for deals.csv, in English and Korean', () => {
    const text = quotedCsv([HEADER, deal('1.23457E+11', 'Qualified To Buy'), deal('1.23457E+11', 'Contract Sent'), deal('1001', 'Qualified To Buy'), deal('1001', 'Contract Sent')]);
    const dataset = load([exportFile('deals.csv', text)], STAGES);
    const duplicates = dataset.issues.filter((i) => i.code === 'duplicate_id');
    expect(duplicates.map((i) => [i.line, i.column, i.message])).toEqual([
      [
        3,
        'Record ID',
        'Record ID "1.23457E+11" appears again (first on line 2); this row is not used; the id is a rounded number, as Excel writes long numeric ids, so ids that differed in the lost digits look the same: export the file again without opening it in Excel',
      ],
      [5, 'Record ID', 'Record ID "1001" appears again (first on line 4); this row is not used'],
    ]);
    expect(issueMessage(duplicates[0]!, 'ko')).toBe(
      'Record ID "1.23457E+11"이 다시 나옵니다(처음은 2행). 이 행은 쓰지 않았습니다. 이 ID는 Excel이 긴 숫자 ID를 쓰는 방식대로 반올림된 숫자여서, 잘린 자릿수만 달랐던 ID들이 같아 보입니다. 파일을 Excel에서 열지 말고 CRM에서 다시 내보내세요',
    );
  });

  it('reports a record on its first physical line when a quoted cell spans lines', () => {
    const text = quotedCsv([HEADER, deal('1', 'Qualified To Buy'), [...deal('2', 'Nowhere')].map((c, i) => (i === 1 ? 'Two\nlines' : c)), deal('3', '')]);
    expect(() => load([exportFile('deals.csv', text)], STAGES)).toThrow(/"Nowhere" \(1 row\)/);
    const dataset = load([exportFile('deals.csv', text.replace('Nowhere', 'Contract Sent'))], STAGES);
    expect(dataset.issues.filter((i) => i.severity === 'error')).toMatchObject([{ line: 5, column: 'Deal Stage', code: 'missing_stage' }]);
  });

  it('maps HubSpot forecast categories, labels and internal values alike', () => {
    expect(['Pipeline', 'Best case', 'BEST_CASE', 'Commit', 'Not forecasted', 'OMIT', 'Closed won', 'CLOSED', 'Upside'].map(hubspotForecast)).toEqual([
      'pipeline',
      'best_case',
      'best_case',
      'commit',
      'omitted',
      'omitted',
      '',
      '',
      'Upside',
    ]);
  });
});

describe('HubSpot: an export without "Currency"', () => {
  it('says once, on the header line, that every amount is read in the default currency when the config gives none', () => {
    const { currency: _c, ...stagesOnly } = STAGES;
    const text = quotedCsv([HEADER, deal('1', 'Contract Sent'), deal('2', 'Qualified To Buy', { amount: '2500' })]);
    const dataset = load([exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', text)], stagesOnly, { pipeline: 'Sales Pipeline' });
    expect(dataset.deals.map((d) => d.amount)).toEqual([1000, 2500]);
    expect(dataset.issues.filter((i) => i.code === 'no_currency_column').map((i) => [i.line, i.column, i.severity, i.message])).toEqual([
      [
        1,
        'Amount',
        'warning',
        'no "Currency" column: every amount ("Amount") is read in KRW, the default "currency" (pipeline.config.json gives none). Export "Currency" with the deals, or, if every deal is in one currency, set "currency" to it in pipeline.config.json',
      ],
    ]);
    // The config's own currency (STAGES: USD, no fx) is the user's word for every amount.
    expect(load([exportFile('hubspot-crm-exports-all-deals-2025-06-30.csv', text)], STAGES, { pipeline: 'Sales Pipeline' }).issues.filter((i) => i.code === 'no_currency_column')).toEqual([]);
  });
});
