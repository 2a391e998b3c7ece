/**
 * The site counts every issue by kind and lists the first ISSUES_PER_KIND of each kind
 * (issue-kinds.ts); the data-quality page says so, and metrics.json keeps them all.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/lib/dataset.ts';
import { compareIssues } from '../../../src/lib/ingest/issues.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { ISSUES_PER_KIND, issueKinds, withListedIssues } from '../../../src/lib/views/issue-kinds.ts';
import { dataQualityModel, pageContext, pageModel } from '../../../src/lib/views/pages/index.ts';
import { siteDataSchema } from '../../../src/lib/views/schema.ts';
import { buildSiteData, extractSite } from '../../../src/lib/views/site-data.ts';

const issue = (file: string, line: number, code: string, severity: Issue['severity'] = 'error'): Issue => ({ file, line, column: 'deal_id', code, severity, message: `${code} on line ${line}` });

// In report order: by file, then line.
const ISSUES = [
  issue('deals.csv', 3, 'amount_missing', 'warning'),
  issue('deals.csv', 5, 'duplicate_id'),
  issue('stage_history.csv', 2, 'unknown_deal'),
  issue('stage_history.csv', 3, 'unknown_deal'),
  issue('stage_history.csv', 4, 'unknown_deal'),
  issue('stage_history.csv', 4, 'unknown_stage'),
];

describe('issues by kind', () => {
  it('counts each kind (file, code, severity), in the order of its first issue', () => {
    expect(issueKinds(ISSUES).map((k) => [k.file, k.code, k.severity, k.count, k.first.line])).toEqual([
      ['deals.csv', 'amount_missing', 'warning', 1, 3],
      ['deals.csv', 'duplicate_id', 'error', 1, 5],
      ['stage_history.csv', 'unknown_deal', 'error', 3, 2],
      ['stage_history.csv', 'unknown_stage', 'error', 1, 4],
    ]);
    expect(issueKinds([])).toEqual([]);
  });

  it('lists the first issues of each kind, the other fields and their order kept; the metrics themselves when none is left out', async () => {
    const { dataset, config } = await readFolder('data/sample');
    const metrics = extractSite(dataset, config, '2026-06-30', { dataLabel: 'sample', trends: false }).metrics;
    const many = { ...metrics, data_quality: { files: metrics.data_quality.files, issues: ISSUES } };
    const listed = withListedIssues(many, 2);
    expect(listed.data_quality.issues.map((i) => `${i.line}:${i.code}`)).toEqual(['3:amount_missing', '5:duplicate_id', '2:unknown_deal', '3:unknown_deal', '4:unknown_stage']);
    expect(Object.keys(listed)).toEqual(Object.keys(many));
    expect(listed.pipeline).toBe(many.pipeline);
    // The original is untouched, and with room for every issue nothing is copied.
    expect(many.data_quality.issues).toHaveLength(6);
    expect(withListedIssues(many, 3)).toBe(many);
    expect(ISSUES_PER_KIND).toBe(1000);
  });

  it('a site whose issues are cut: the kinds table, the note with the counts, and a valid manifest; metrics.json keeps every issue', async () => {
    const { dataset, config } = await readFolder('data/sample');
    // 1,500 more rows whose deal is unknown, in report order with the sample's own issues.
    const extra = Array.from({ length: ISSUES_PER_KIND + 500 }, (_, i) => issue('stage_history.csv', 100_000 + i, 'unknown_deal'));
    const flooded = { ...dataset, issues: [...dataset.issues, ...extra].sort(compareIssues) };
    const sameKind = dataset.issues.filter((i) => i.file === 'stage_history.csv' && i.code === 'unknown_deal' && i.severity === 'error');
    const extracted = extractSite(flooded, config, '2026-06-30', { dataLabel: 'sample', trends: false });
    expect(extracted.metrics.data_quality.issues).toHaveLength(dataset.issues.length + 1500);
    const site = siteDataSchema.parse(extracted.site);
    // The kind keeps its first 1,000 (the sample's own first), every other kind all of its issues.
    const listed = dataset.issues.length - sameKind.length + ISSUES_PER_KIND;
    expect(site.metrics.data_quality.issues).toHaveLength(listed);
    const firstLine = sameKind[0]?.line ?? 100_000;
    expect(site.issue_kinds.find((k) => k.code === 'unknown_deal' && k.file === 'stage_history.csv')).toMatchObject({ count: sameKind.length + 1500, first: { line: firstLine } });
    const model = pageModel(pageContext(site, 'en', '/'), dataQualityModel);
    expect(model.tables.map((t) => t.id)).toEqual(['files', 'issue-kinds', 'issues']);
    const total = dataset.issues.length + 1500;
    expect(model.issuesNote).toBe(
      `There are ${total.toLocaleString('en')}\u00a0issues, too many to list here: the table of issues and its CSV hold the first 1,000 of each kind (${listed.toLocaleString('en')} in all), and the table of kinds counts every one. metrics.json lists them all.`,
    );
    const kinds = model.tables[1]!;
    const row = kinds.rows.find((r) => r[0]!.text === 'stage_history.csv' && r[2]!.text === 'unknown_deal')!;
    expect(row.map((c) => c.text)).toEqual(['stage_history.csv', 'Error', 'unknown_deal', (sameKind.length + 1500).toLocaleString('en'), String(firstLine), expect.any(String)]);
    const ko = pageModel(pageContext(site, 'ko', '/'), dataQualityModel);
    expect(ko.issuesNote).toContain('metrics.json');
    expect(ko.tables[1]!.caption).toBe('종류별 문제');
  });

  it('a site with every issue listed: no kinds table and no note', async () => {
    const { dataset, config } = await readFolder('data/sample');
    const site = buildSiteData(dataset, config, '2026-06-30', { dataLabel: 'sample', trends: false });
    const model = pageModel(pageContext(site, 'en', '/'), dataQualityModel);
    expect(model.tables.map((t) => t.id)).toEqual(['files', 'issues']);
    expect(model.issuesNote).toBeNull();
    expect(site.issue_kinds.reduce((n, k) => n + k.count, 0)).toBe(site.metrics.data_quality.issues.length);
  });
});
