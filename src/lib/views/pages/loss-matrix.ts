/**
 * The Win / loss page's loss reasons by the stage each deal was lost at:
 * where in the sale a reason is given. "Price" given at a stage before any
 * quote was made is worth a second look (the book's "is price really the
 * reason?"). Rows in loss_reasons' order, columns in lost_at_stage's stages
 * (the sequence, then parked stages), counts of metrics/win-loss.ts
 * `lossReasonsByStage`.
 */
import { UNSPECIFIED } from '../../i18n/index.ts';
import type { SiteData } from '../schema.ts';
import { type Column, table, type TableModel } from '../table.ts';
import { PRICE_REASON } from '../chart-models.ts';
import { currentVisitOnly, MIN_SAMPLE } from './absence.ts';
import type { PageContext } from './context.ts';

type Row = SiteData['loss_reasons_by_stage'][number];

/** Null without stage history: the stage a deal was lost at is unknown (the lost-at-stage chart says so). */
export function lossReasonsByStageTable(ctx: PageContext): TableModel | null {
  if (currentVisitOnly(ctx)) return null;
  const { site, m, f } = ctx;
  // Each open stage with its index in the counts (config order), the sequence's before the parked ones.
  const open = site.stages.filter((s) => s.kind === 'open').map((s, i) => ({ stage: s, i }));
  const stages = [...open.filter((x) => !x.stage.parked), ...open.filter((x) => x.stage.parked)];
  const columns: Column<Row>[] = [
    {
      label: m.columns.reason,
      value: (r) => r.reason,
      text: (r) => (r.reason === UNSPECIFIED ? m.common.unspecified : ctx.label(r.reason)),
      csvId: m.csv.codeOf({ column: m.columns.reason }),
    },
    ...stages.map(({ stage, i }): Column<Row> => ({ label: ctx.stage(stage.id), numeric: true, value: (r) => r.counts[i]!, text: (r) => f.count(r.counts[i]!) })),
    { label: m.columns.lost_count, numeric: true, value: (r) => total(r), text: (r) => f.count(total(r)) },
  ];
  return table('loss-reasons-by-stage', m.sections.lossReasonsByStage, columns, site.loss_reasons_by_stage, { empty: m.empty.noLossReasons });
}

const total = (r: Row) => r.counts.reduce((n, c) => n + c, 0);

/**
 * The deals lost for price (a reason whose code or words say price, as the loss-reasons chart highlights) that never
 * reached the proposal stage (site.inputs.qualification.from: the stage from which a deal must be qualified, a
 * proposal stage), so no quote had been made: the book's "is price really the reason?" in figures.
 * Null without stage history, without that stage, when none was lost before it, or from fewer than MIN_SAMPLE price
 * losses (a handful says nothing of a cause).
 */
export function priceBeforeQuoteNote(ctx: PageContext): string | null {
  const { site, m, f } = ctx;
  const from = site.inputs.qualification.from;
  if (currentVisitOnly(ctx) || from === null) return null;
  const sequence = site.stages.filter((s) => s.kind === 'open' && !s.parked);
  const proposalAt = sequence.findIndex((s) => s.id === from);
  if (proposalAt < 0) return null;
  // By the furthest stage each deal reached (sequence index), not where it was lost: a deal that went back from
  // the proposal stage and was lost before it had had its quote.
  let priceLosses = 0;
  let early = 0;
  for (const row of site.loss_reasons_by_stage) {
    if (row.reason === UNSPECIFIED || !(PRICE_REASON.test(row.reason) || PRICE_REASON.test(ctx.label(row.reason)))) continue;
    row.reached.forEach((n, i) => {
      priceLosses += n;
      if (i < proposalAt) early += n;
    });
  }
  if (early === 0 || priceLosses < MIN_SAMPLE) return null;
  return m.pages.winLoss.priceBeforeQuote({ before: early, total: priceLosses, stage: ctx.stage(from) }, f);
}
