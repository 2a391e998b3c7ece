/**
 * HubSpot deals exports (docs/exports.md "HubSpot"): one export, or a series
 * of them dated by their file names (`hubspot-crm-exports-all-deals-2025-06-30.csv`),
 * read as snapshots (snapshots.ts).
 */
import type { Issue } from '../../dataset.ts';
import { hubspotCell, readHubSpotDeals } from './hubspot-deals.ts';
import { hubspotDealColumns, hubspotLayout, PIPELINE_COLUMN, requireHubSpotColumns } from './hubspot-layout.ts';
import { choosePipeline } from './pipeline-choice.ts';
import { dealsFromExports, type SeenExport } from './snapshots.ts';
import type { Adapter, AdapterOutput, Limitation, Origin } from './types.ts';
import { appendAll } from '../../append.ts';
import { withoutTotalsRows } from './totals-rows.ts';

export const hubspot: Adapter = {
  format: 'hubspot',
  name: 'HubSpot deals export',
  role(names) {
    return names.includes('record id') && names.includes('deal stage') ? 'deals' : null;
  },
  signatures: [{ what: 'a HubSpot deals export', marks: ['Record ID', 'Deal Stage', 'Deal Name', 'Deal owner'], needs: [['Record ID'], ['Deal Stage']] }],
  pipelines: true,
  adapt(files, { config, pipeline }): AdapterOutput {
    const list = files.get('deals') ?? [];
    const layouts = new Map(list.map((f) => [f, hubspotLayout(f.table.names, f.table.headers)]));
    for (const [f, layout] of layouts) requireHubSpotColumns(f.table.file, layout);
    // A totals row added under the deals in a spreadsheet is no deal, nor a pipeline of its own: reported, and not a row.
    const notRows: Origin[] = [];
    const totalsIssues: Issue[] = [];
    const withoutTotals = new Map(
      list.map((f) => [f, withoutTotalsRows(f.table, layouts.get(f)!.at.get('deal_id') ?? -1, notRows, (line, message) => totalsIssues.push({ file: f.table.file, line, column: '', code: 'totals_row_skipped', severity: 'warning', message }), hubspotCell)]),
    );
    const chosen = choosePipeline(list, (f) => layouts.get(f)!.pipeline, {
      pipeline,
      product: 'HubSpot deals',
      columnName: PIPELINE_COLUMN,
      idColumn: (f) => layouts.get(f)!.at.get('deal_id') ?? -1,
      records: (f) => withoutTotals.get(f)!,
      cell: hubspotCell,
    });
    const issues: Issue[] = [...totalsIssues, ...chosen.issues];
    const dropped: Origin[] = [];
    const limitations: Limitation[] = [];
    const exports: SeenExport[] = [];
    // The latest export decides the columns (deals.csv rows come from the latest export a deal is in).
    const latest = layouts.get(list[list.length - 1]!)!;
    for (const file of list) {
      const layout = layouts.get(file)!;
      const read = readHubSpotDeals(file.table, chosen.records.get(file)!, layout, config);
      appendAll(issues, read.issues);
      appendAll(dropped, read.dropped);
      exports.push({ file: file.table.file, date: file.snapshotDate, deals: read.deals, elsewhere: chosen.elsewhere.get(file) });
      if (layout.dateEntered.length === 0 && layout.currentStage < 0) {
        issues.push({
          file: file.table.file,
          line: 0,
          column: '',
          code: 'no_stage_dates',
          severity: 'warning',
          message: 'the export has no "Date entered <stage>" columns, so the stage history is not known: add them to the exported columns (docs/exports.md)',
        });
      }
    }
    if (list.length === 1 && latest.dateEntered.length === 0 && latest.currentStage < 0) limitations.push('current_visit_only');
    const read = dealsFromExports(
      exports,
      {
        config,
        columns: hubspotDealColumns(latest),
        sourceColumns: latest.source,
        historyColumns: { stage: 'Deal Stage', enteredAt: 'Date entered' },
        idColumn: 'Record ID',
        pipelineColumn: PIPELINE_COLUMN,
      },
      'HubSpot deals',
    );
    return {
      tables: read.tables,
      issues: [...issues, ...read.issues],
      dropped: [...dropped, ...read.dropped],
      notRows: [...notRows, ...chosen.notRows],
      limitations: [...limitations, ...read.limitations],
    };
  },
};
