/**
 * targets.csv beside a CRM's exports: no CRM exports its quotas with the deals, so the targets are given as in
 * a canonical folder and read with the exports (vendor/load.ts). The other canonical files are not read there,
 * and say so, rather than "its columns match no export" or "rename it", which would not get them read.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { renamedFilesIn } from '../../../src/lib/ingest/renamed-files.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { computeMetrics } from '../../../src/lib/metrics/index.ts';
import { buildSiteData } from '../../../src/lib/views/site-data.ts';
import { EXPORTS } from './export-helpers.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const EXPORT = 'hubspot-crm-exports-all-deals-2025-06-30.csv';
const OPTIONS = { pipeline: 'Sales Pipeline' };

/** The HubSpot deals fixture (its export and config) with `files` beside it. */
function hubspotWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipescope-beside-'));
  made.push(dir);
  cpSync(join(EXPORTS, 'hubspot-deals', 'data'), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const NOT_CANONICAL_HERE =
  "one of the canonical files (docs/input.md), which are read only in a folder with deals.csv (and without exports); beside a CRM's exports, only accounts.csv and targets.csv are read";

describe('targets.csv beside a HubSpot export', () => {
  it('is read as in a canonical folder: its rows, counts and hash, and coverage against the export’s deals', async () => {
    const dir = hubspotWith({ 'targets.csv': 'period,owner,team,target_amount\n2025-06,,,100000\n2025-Q3,Dana Whitfield,,60000\n' });
    const { dataset, config } = await readFolder(dir, OPTIONS);
    expect(dataset.targets).toEqual([
      { period: '2025-06', owner: '', team: '', targetAmount: 100000, line: 2 },
      { period: '2025-Q3', owner: 'Dana Whitfield', team: '', targetAmount: 60000, line: 3 },
    ]);
    expect(dataset.files['targets.csv']).toEqual({ rows: 2, accepted: 2, rejected: 0 });
    expect(dataset.fileHashes['targets.csv']).toMatch(/^[0-9a-f]{64}$/u);
    expect(dataset.issues.filter((i) => i.file === 'targets.csv')).toEqual([]);
    // June: Globex (1002) won 32,000 on 2025-06-05; no open deal of the pipeline is expected to close in June.
    const june = computeMetrics(dataset, config, '2025-06-30').coverage.find((c) => c.period === '2025-06');
    expect(june).toMatchObject({ target_amount: 100000, won_amount: 32000, remaining: 68000, open_amount: 0 });
  });

  it('a bad row is rejected with its own file, line and column; a missing column stops the run as in a canonical folder', async () => {
    const bad = hubspotWith({ 'targets.csv': 'period,owner,team,target_amount\n2025-06,,,100000\n2025-13,,,5\n' });
    const read = await readFolder(bad, OPTIONS);
    expect(read.dataset.issues.filter((i) => i.file === 'targets.csv')).toEqual([
      { file: 'targets.csv', line: 3, column: 'period', code: expect.any(String), severity: 'error', message: 'period "2025-13" is not a period (expected YYYY-MM or YYYY-Qn)' },
    ]);
    expect(read.dataset.files['targets.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
    // A problem of its CSV text is said once (it is read twice: once to tell what it is, once as targets.csv).
    const quote = hubspotWith({ 'targets.csv': 'period,owner,team,target_amount\n2025-06,,,100000\n2025-07,"Dana,,5\n2025-08,,,7\n' });
    const quoted = await readFolder(quote, OPTIONS);
    expect(quoted.dataset.issues.filter((i) => i.file === 'targets.csv').map((i) => [i.line, i.column, i.code])).toEqual([[3, 'owner', 'malformed_csv']]);
    expect(quoted.dataset.targets!.map((t) => t.period)).toEqual(['2025-06', '2025-08']);
    const missing = hubspotWith({ 'targets.csv': 'period,owner,amount\n2025-06,,100000\n' });
    await expect(readFolder(missing, OPTIONS)).rejects.toThrow('targets.csv: missing required column "target_amount"');
  });

  it('the other canonical files are not read there, and say why, by name or by their columns', async () => {
    const dir = hubspotWith({
      'stage_history.csv': 'deal_id,stage,entered_at\n',
      'field_history (1).csv': 'deal_id,field,old_value,new_value,changed_at\n',
    });
    const { dataset } = await readFolder(dir, OPTIONS);
    const notRead = dataset.issues.filter((i) => i.code === 'file_not_read').map((i) => [i.file, i.message]);
    expect(notRead).toEqual([
      ['field_history (1).csv', `not read: it has the columns of field_history.csv, ${NOT_CANONICAL_HERE}`],
      ['stage_history.csv', `not read: ${NOT_CANONICAL_HERE}`],
    ]);
    // Renaming field_history (1).csv would not get it read: no page says to.
    expect(renamedFilesIn(dataset.issues)).toEqual([]);
    const fieldHistory = dataset.issues.find((i) => i.file === 'field_history (1).csv')!;
    expect(issueMessage(fieldHistory, 'ko')).toBe(
      '읽지 않았습니다. field_history.csv의 열을 가진 파일이며, 표준 파일(docs/input.md)은 deals.csv가 있는(내보내기 파일은 없는) 폴더에서만 읽습니다. CRM 내보내기 파일 옆에서는 표준 파일 중 accounts.csv와 targets.csv만 읽습니다',
    );
  });

  it('accounts.csv is read too: the planning facts of the accounts the export names (HubSpot company ids)', async () => {
    const dir = hubspotWith({ 'Accounts.csv': 'account_id,industry,keyman,budget_cycle_month\n9001,Manufacturing,Jin Park,3\n9999,Retail,,\n' });
    const { dataset } = await readFolder(dir, OPTIONS);
    expect(dataset.accounts!.map((a) => [a.accountId, a.industry, a.keyman, a.budgetCycleMonth])).toEqual([
      ['9001', 'Manufacturing', 'Jin Park', 3],
      ['9999', 'Retail', '', null],
    ]);
    expect(dataset.files['accounts.csv']).toEqual({ rows: 2, accepted: 2, rejected: 0 });
    // 1001 (Acme Corp) is company 9001 in the export.
    expect(dataset.deals.find((d) => d.id === '1001')!.accountId).toBe('9001');
    expect(dataset.issues.filter((i) => i.file.toLowerCase() === 'accounts.csv')).toEqual([]);
  });

  it("beside Salesforce objects that carry an Account file, that file gives the accounts: accounts.csv says it is not read", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipescope-beside-'));
    made.push(dir);
    cpSync(join(EXPORTS, 'salesforce-data-loader', 'data'), dir, { recursive: true });
    writeFileSync(join(dir, 'accounts.csv'), 'account_id,industry\nX,Retail\n');
    const { dataset } = await readFolder(dir);
    const warning = dataset.issues.find((i) => i.file === 'accounts.csv')!;
    expect(warning).toMatchObject({ code: 'file_not_read', severity: 'warning', line: 0, message: 'not read: the export has accounts of its own (Account.csv), which are read instead' });
    expect(issueMessage(warning, 'ko')).toBe('읽지 않았습니다. 내보내기에 고객사 정보(Account.csv)가 따로 있어 그것을 대신 읽습니다');
    expect(dataset.accounts!.some((a) => a.industry === 'Retail')).toBe(false);
    expect(Object.keys(dataset.files)).not.toContain('accounts.csv');
  });

  it('in a dated export\'s subfolder, targets.csv says to move it to the top (not to point --data at that folder)', async () => {
    const dir = hubspotWith({});
    mkdirSync(join(dir, '2025-06-30'));
    writeFileSync(join(dir, '2025-06-30', 'targets.csv'), 'period,owner,team,target_amount\n2025-06,,,100000\n');
    const { dataset } = await readFolder(dir, OPTIONS);
    expect(dataset.targets).toBeNull();
    const warning = dataset.issues.find((i) => i.file === '2025-06-30/targets.csv')!;
    expect(warning).toMatchObject({ code: 'file_not_read', message: "not read: targets.csv is read at the top of an exports folder, not in a subfolder (a dated export's folder): move it there" });
    expect(issueMessage(warning, 'ko')).toBe('읽지 않았습니다. targets.csv는 하위 폴더(날짜별 내보내기 폴더)가 아니라 내보내기 폴더의 맨 위에 있을 때 읽습니다. 그곳으로 옮기세요');
  });

  it('targets.csv under another name says to rename it, which the pages repeat where they need targets', async () => {
    const dir = hubspotWith({ 'targets (1).csv': 'period,owner,team,target_amount\n2025-06,,,100000\n' });
    const { dataset } = await readFolder(dir, OPTIONS);
    expect(dataset.targets).toBeNull();
    const warning = dataset.issues.find((i) => i.file === 'targets (1).csv')!;
    expect(warning.message).toBe(
      'not a file this tool reads (its columns match no supported export); the file is ignored: it has the columns of targets.csv (docs/input.md) under another name: rename it targets.csv',
    );
    expect(renamedFilesIn(dataset.issues)).toEqual([{ file: 'targets (1).csv', canonical: 'targets.csv' }]);
  });

  it('without an export, targets.csv is one of the files named when the run stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipescope-beside-'));
    made.push(dir);
    writeFileSync(join(dir, 'targets.csv'), 'period,owner,team,target_amount\n2025-06,,,100000\n');
    await expect(readFolder(dir)).rejects.toThrow('deals.csv: required file is missing (the folder has targets.csv; docs/input.md)');
    // Beside a file that is no export either: the same, with the file named in the folder's case.
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    rmSync(join(dir, 'targets.csv'));
    writeFileSync(join(dir, 'Targets.csv'), 'period,owner,team,target_amount\n2025-06,,,100000\n');
    await expect(readFolder(dir, { format: 'hubspot' })).rejects.toThrow('deals.csv: required file is missing (the folder has Targets.csv; docs/input.md)');
  });
});

describe('a CRM’s company export as accounts.csv', () => {
  // HubSpot's companies export: its Record ID is the id the deals export gives as Associated Company IDs (Primary).
  const COMPANIES =
    '"Record ID","Company name","Company Domain Name","Industry","Type","State/Region"\n' +
    '"9001","Acme Corp","acme.com","Manufacturing","Customer","Ohio"\n' +
    '"9002","Globex","globex.com","Utilities","Customer","Oregon"\n' +
    '"9003","Initech","initech.com","Computer Software","Prospect","Texas"\n' +
    '"9005","Hooli","hooli.com","Computer Software","Prospect","California"\n';

  it('named accounts.csv, its Record ID and Company name are read as account_id and account_name, and said so', async () => {
    const { dataset, config } = await readFolder(hubspotWith({ 'accounts.csv': COMPANIES }), OPTIONS);
    expect(dataset.accounts!.map((a) => [a.accountId, a.accountName, a.industry, a.region])).toEqual([
      ['9001', 'Acme Corp', 'Manufacturing', 'Ohio'],
      ['9002', 'Globex', 'Utilities', 'Oregon'],
      ['9003', 'Initech', 'Computer Software', 'Texas'],
      ['9005', 'Hooli', 'Computer Software', 'California'],
    ]);
    const warning = dataset.issues.find((i) => i.file === 'accounts.csv')!;
    expect(warning).toEqual({
      file: 'accounts.csv',
      line: 1,
      column: 'Record ID',
      code: 'columns_read_as',
      severity: 'warning',
      message: 'columns "Record ID" read as account_id, "Company name" as account_name and "State/Region" as region, as a CRM\'s own export names them',
    });
    expect(issueMessage(warning, 'ko')).toBe('"Record ID" 열을 account_id로, "Company name" 열을 account_name으로, "State/Region" 열을 region으로 읽었습니다(CRM 자체 내보내기의 열 이름)');
    // The Win / loss page's table by industry, hand-counted from the fixture: Globex (Utilities) won 32,000; Initech
    // (Computer Software) lost, Hooli open; Acme (Manufacturing) open; the deals without a company listed, unspecified.
    const site = buildSiteData(dataset, config, '2025-06-30', { dataLabel: 'hubspot' });
    expect(site.grouped_outcomes.industry!.map((r) => [r.name, r.won_count, r.lost_count, r.open_count, r.won_amount])).toEqual([
      ['Computer Software', 0, 1, 1, 0],
      ['Utilities', 1, 0, 0, 32000],
      ['Manufacturing', 0, 0, 1, 0],
      ['(unspecified)', 0, 0, 2, 0],
    ]);
    // A canonical account_id wins over another name for it, without a word.
    let k = 0;
    const both = await readFolder(hubspotWith({ 'accounts.csv': `account_id,${COMPANIES.replace(/\n(?=.)/gu, () => `\nA${++k},`)}` }), OPTIONS);
    expect(both.dataset.accounts!.map((a) => [a.accountId, a.accountName])).toEqual([
      ['A1', 'Acme Corp'],
      ['A2', 'Globex'],
      ['A3', 'Initech'],
      ['A4', 'Hooli'],
    ]);
    expect(both.dataset.issues.filter((i) => i.code === 'columns_read_as').map((i) => i.message)).toEqual([
      'columns "Company name" read as account_name and "State/Region" as region, as a CRM\'s own export names them',
    ]);
    // One column read so: said in the singular.
    const one = await readFolder(hubspotWith({ 'accounts.csv': 'Record ID,account_name\n9001,Acme Corp\n' }), OPTIONS);
    const single = one.dataset.issues.find((i) => i.code === 'columns_read_as')!;
    expect(single.message).toBe('column "Record ID" read as account_id, as a CRM\'s own export names it');
    expect(issueMessage(single, 'ko')).toBe('"Record ID" 열을 account_id로 읽었습니다(CRM 자체 내보내기의 열 이름)');
  });

  it('under its own name, it is named as what it is, with how to get it read', async () => {
    const { dataset } = await readFolder(hubspotWith({ 'hubspot-crm-exports-all-companies-2025-06-30.csv': COMPANIES }), OPTIONS);
    expect(dataset.accounts).toBeNull();
    const warning = dataset.issues.find((i) => i.file === 'hubspot-crm-exports-all-companies-2025-06-30.csv')!;
    expect(warning.message).toBe(
      'not a file this tool reads (its columns match no supported export); the file is ignored: it is a HubSpot companies export ("Record ID", "Company name"), which is read only as accounts.csv: rename it accounts.csv to read each company\'s industry with its deals (docs/exports.md)',
    );
    expect(issueMessage(warning, 'ko')).toBe(
      '읽을 수 있는 파일이 아닙니다(열이 지원하는 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. HubSpot 회사 내보내기("Record ID", "Company name")이며 accounts.csv로만 읽습니다. 회사별 업종을 딜과 함께 읽으려면 파일 이름을 accounts.csv로 바꾸세요(docs/exports.md)',
    );
  });
});
