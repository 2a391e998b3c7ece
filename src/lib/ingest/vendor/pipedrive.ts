/**
 * Pipedrive deals exports (docs/exports.md "Pipedrive"): one export, or a
 * series dated by their file names read as snapshots (snapshots.ts). Only
 * each deal's current stage visit is known (`current_visit_only`).
 */
import type { Issue } from '../../dataset.ts';
import { choosePipeline } from './pipeline-choice.ts';
import { pipedriveDealColumns, pipedriveLayout, readPipedriveDeals, requirePipedriveColumns } from './pipedrive-deals.ts';
import { dealsFromExports, type SeenExport } from './snapshots.ts';
import type { Adapter, AdapterOutput, Origin } from './types.ts';
import { appendAll } from '../../append.ts';
import { withoutTotalsRows } from './totals-rows.ts';

export const pipedrive: Adapter = {
  format: 'pipedrive',
  name: 'Pipedrive deals export',
  role(names) {
    return names.includes('deal - id') && (names.includes('deal - stage') || names.includes('deal - status')) ? 'deals' : null;
  },
  signatures: [{ what: 'a Pipedrive deals export', marks: ['Deal - ID', 'Deal - Title', 'Deal - Stage', 'Deal - Status', 'Deal - Value'], needs: [['Deal - ID'], ['Deal - Stage', 'Deal - Status']] }],
  pipelines: true,
  adapt(files, { config, pipeline }): AdapterOutput {
    const list = files.get('deals') ?? [];
    const layouts = new Map(list.map((f) => [f, pipedriveLayout(f.table.names)]));
    for (const [f, layout] of layouts) requirePipedriveColumns(f.table.file, layout);
    // A totals row added under the deals in a spreadsheet is no deal, nor a pipeline of its own: reported, and not a row.
    const notRows: Origin[] = [];
    const totalsIssues: Issue[] = [];
    const withoutTotals = new Map(
      list.map((f) => [f, withoutTotalsRows(f.table, layouts.get(f)!.at.get('deal_id') ?? -1, notRows, (line, message) => totalsIssues.push({ file: f.table.file, line, column: '', code: 'totals_row_skipped', severity: 'warning', message }))]),
    );
    const chosen = choosePipeline(list, (f) => layouts.get(f)!.other.pipeline.index, {
      pipeline,
      product: 'Pipedrive deals',
      columnName: 'Deal - Pipeline',
      idColumn: (f) => layouts.get(f)!.at.get('deal_id') ?? -1,
      records: (f) => withoutTotals.get(f)!,
    });
    const issues: Issue[] = [...totalsIssues, ...chosen.issues];
    const dropped: Origin[] = [];
    const exports: SeenExport[] = [];
    for (const file of list) {
      const read = readPipedriveDeals(file.table, chosen.records.get(file)!, layouts.get(file)!, config);
      appendAll(issues, read.issues);
      appendAll(dropped, read.dropped);
      exports.push({ file: file.table.file, date: file.snapshotDate, deals: read.deals, elsewhere: chosen.elsewhere.get(file) });
    }
    const latest = layouts.get(list[list.length - 1]!)!;
    const anyDeleted = exports.some((e) => e.deals.some((d) => d.deleted));
    const read = dealsFromExports(
      exports,
      {
        config,
        columns: pipedriveDealColumns(latest, anyDeleted),
        sourceColumns: latest.source,
        historyColumns: { stage: 'Deal - Stage', enteredAt: latest.other.lastStageChange.label },
        idColumn: 'Deal - ID',
        pipelineColumn: 'Deal - Pipeline',
      },
      'Pipedrive deals',
    );
    return {
      tables: read.tables,
      issues: [...issues, ...read.issues],
      dropped: [...dropped, ...read.dropped],
      notRows: [...notRows, ...chosen.notRows],
      limitations: ['current_visit_only', ...read.limitations],
    };
  },
};
