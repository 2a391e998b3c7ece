/** The Funnel page, and the funnel the overview shares: the window's cohort through the stages, with their outcomes. */
import { funnelChart, mostLostStage, type FunnelViewModel } from '../../charts/index.ts';
import { ROUGH_MARK } from '../../charts/table-format.ts';
import { funnelView } from '../chart-models.ts';
import type { TableModel } from '../table.ts';
import { type ChartBlock, chartBlock } from '../chart-block.ts';
import { conversionPending, conversionPendingNote, currentVisitOnly, historyUnavailable, isSmall, MIN_SAMPLE, notes } from './absence.ts';
import type { ChartsPageModel } from './analysis.ts';
import { historyFromSnapshots } from './file-advice.ts';
import { chartOptions as opts, type PageContext } from './context.ts';
import { buyerJourneySection } from './stage-probabilities.ts';

/**
 * The funnel of the window's cohort (shared with the overview): unavailable
 * without stage history, and a small cohort says so instead of naming the
 * biggest drop-off.
 */
export function funnelBlock(ctx: PageContext): ChartBlock {
  const { site, m, f } = ctx;
  if (currentVisitOnly(ctx)) {
    return chartBlock('funnel', funnelChart({ cohortSize: 0, stages: [] }, opts(ctx, ctx.text.funnel, historyUnavailable(ctx))), f, true);
  }
  const vm = funnelViewModel(ctx);
  const n = vm.cohortSize;
  // The takeaway names the stage where most deals are lost: it rests on the deals that reached that stage.
  const weakest = mostLostStage(vm.stages);
  const takeaway = isSmall(n)
    ? ctx.m.small.funnel({ count: n }, f)
    : weakest && weakest.reached < MIN_SAMPLE
      ? ctx.m.small.funnelStage({ count: weakest.reached, stage: weakest.label }, f)
      : null;
  const block = chartBlock('funnel', funnelChart(vm, opts(ctx, ctx.text.funnel, takeaway)), f, false, {
    header: m.csv.stageId,
    values: vm.stages.map((s) => s.id),
  });
  const c = ctx.text.funnel.columns;
  markFewRows(block.table, (r) => vm.stages[r]?.few === true, [c.conversion, c.winRate]);
  return block;
}

/**
 * The funnel's view-model as the page draws it: outcomes (withOutcomes), and
 * each stage fewer than MIN_SAMPLE deals reached marked `few` (its conversion
 * and win rate rest on them: muted with ROUGH_MARK, funnelFewNote says how few).
 */
export function funnelViewModel(ctx: PageContext): FunnelViewModel {
  const vm = withOutcomes(ctx, funnelView(ctx.site.metrics, ctx.site.stages, ctx.locale));
  return { ...vm, stages: vm.stages.map((s) => ({ ...s, few: isSmall(s.reached) && (s.conversion !== null || s.winRate !== null) })) };
}

/** "* Conversion and won ÷ reached of a stage fewer than 10 deals reached: … (4 reached Proposal, …)": null when no rate is marked. */
export function funnelFewNote(ctx: PageContext): string | null {
  if (currentVisitOnly(ctx)) return null;
  const few = funnelViewModel(ctx).stages.filter((s) => s.few);
  if (few.length === 0) return null;
  const stages = few.map((s) => ctx.m.small.funnelRatesStage({ stage: s.label, count: s.reached }, ctx.f)).join(', ');
  return ctx.m.small.funnelRates({ stages, min: MIN_SAMPLE }, ctx.f);
}

/**
 * A chart table's cells in the named columns of the rows `few` picks, once
 * its rows are read (a filtered page fills a chart's table only when it is
 * opened): ROUGH_MARK after the value, muted; a cell without a value stays.
 */
function markFewRows(t: TableModel, few: (row: number) => boolean, labels: readonly string[]): void {
  const columns = labels.map((l) => t.headers.findIndex((h) => h.label === l)).filter((i) => i >= 0);
  const read = Object.getOwnPropertyDescriptor(t, 'rows')!;
  let marked = false;
  Object.defineProperty(t, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      const rows = (read.get ? read.get.call(t) : read.value) as TableModel['rows'];
      if (marked) return rows;
      marked = true;
      rows.forEach((row, r) => {
        if (!few(r)) return;
        for (const c of columns) {
          const cell = row[c];
          if (!cell || cell.text === '' || cell.text === '—') continue;
          cell.text += ROUGH_MARK;
          cell.tone = 'muted';
        }
      });
      return rows;
    },
  });
}

/**
 * The funnel with each stage's still-open deals apart from those lost there,
 * the win rate of a stage shown only once a deal that reached it has
 * closed, and its conversion only once a deal has left it (moved on or lost
 * there): "0 %" of deals all still open would be no rate at all.
 */
export function withOutcomes(ctx: PageContext, vm: FunnelViewModel): FunnelViewModel {
  const outcomes = new Map(ctx.site.funnel_outcomes.map((o) => [o.stage, o]));
  // Deals that reached stage i and were lost: lost at stage i or later.
  const lostFrom = new Map<string, number>();
  let lost = 0;
  for (const s of [...vm.stages].reverse()) lostFrom.set(s.id, (lost += outcomes.get(s.id)?.lost ?? 0));
  return {
    ...vm,
    stages: vm.stages.map((s) => {
      const o = outcomes.get(s.id);
      const closed = s.won + (lostFrom.get(s.id) ?? 0);
      // No deal has left the stage yet: its 0 % is no drop-off, so "—" (conversionPendingNote says why).
      const conversion = conversionPending(s, o?.lost ?? 0) ? null : s.conversion;
      return { ...s, conversion, stillOpen: o?.open ?? 0, lost: o?.lost ?? 0, closed, winRate: closed > 0 ? s.winRate : null };
    }),
  };
}

export function funnelModel(ctx: PageContext): ChartsPageModel {
  const { m } = ctx;
  const chart = funnelBlock(ctx);
  // The buyer's process beside the seller's stages (the book: stages mirror the buyer's journey), each stage's set
  // probability beside what its deals did.
  const journey = buyerJourneySection(ctx, funnelViewModel(ctx).stages);
  return {
    notes: notes(historyFromSnapshots(ctx) && m.absence.snapshots, conversionPendingNote(ctx), funnelFewNote(ctx)),
    charts: [chart],
    tables: [journey.table],
    tableIntros: journey.intro === '' ? [] : [[journey.table.id, journey.intro]],
  };
}
