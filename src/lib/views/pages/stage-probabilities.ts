/**
 * The funnel page's table of the buyer's journey: each stage's probability
 * as the config sets it (what the weighted pipeline and forecast multiply
 * by) beside the share of the window's deals that reached it and have since
 * closed that were won, so a forecast review sees where the config's
 * probabilities and what deals did part ways.
 */
import { ROUGH_MARK } from '../../charts/table-format.ts';
import type { FunnelStage } from '../../charts/index.ts';
import type { StageMeta } from '../schema.ts';
import { localizedText } from '../../i18n/index.ts';
import { NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { currentVisitOnly, isSmall, MIN_SAMPLE } from './absence.ts';
import type { PageContext } from './context.ts';

/** A stage's closed deals before its observed share may be set against the config's probability in a sentence. */
export const PROBABILITY_GAP_MIN_CLOSED = 20;

/** The gap, in shares (0.15: 15 points), from which a stage's set probability is called out. */
export const PROBABILITY_GAP = 0.15;

export interface ObservedWin {
  won: number;
  /** Deals of the window's cohort that reached the stage and are now won or lost. */
  closed: number;
  /** won / closed; null when none has closed. */
  share: number | null;
}

/** The observed share won of a funnel stage's closed deals (withOutcomes' `closed`); null without it. */
function observedWin(s: FunnelStage): ObservedWin | null {
  if (s.closed === undefined) return null;
  return { won: s.won, closed: s.closed, share: s.closed > 0 ? s.won / s.closed : null };
}

export interface ProbabilityGap {
  stage: string;
  set: number;
  observed: ObservedWin & { share: number };
  /** Other stages as far apart (PROBABILITY_GAP or more, on PROBABILITY_GAP_MIN_CLOSED closed deals or more). */
  others: number;
}

/**
 * The stage whose set probability is farthest from what its closed deals did,
 * among those with PROBABILITY_GAP_MIN_CLOSED closed deals and a gap of
 * PROBABILITY_GAP or more; null when none.
 */
export function largestProbabilityGap(stages: readonly { label: string; probability: number; observed: ObservedWin | null }[]): ProbabilityGap | null {
  const apart = stages.flatMap((s) => {
    const o = s.observed;
    if (o === null || o.share === null || o.closed < PROBABILITY_GAP_MIN_CLOSED) return [];
    return Math.abs(o.share - s.probability) >= PROBABILITY_GAP ? [{ stage: s.label, set: s.probability, observed: { ...o, share: o.share } }] : [];
  });
  if (apart.length === 0) return null;
  const widest = apart.reduce((a, b) => (Math.abs(b.observed.share - b.set) > Math.abs(a.observed.share - a.set) ? b : a));
  return { ...widest, others: apart.length - 1 };
}

export interface JourneySection {
  table: TableModel;
  /** The sentence above the table: what the two columns are, and the widest gap when there is one. */
  intro: string;
}

/** The buyer's journey beside the seller's open stages and the won stage (parked stages are no step of it). */
export function buyerJourneySection(ctx: PageContext, funnel: readonly FunnelStage[]): JourneySection {
  const { site, m, f } = ctx;
  const history = !currentVisitOnly(ctx);
  const byStage = new Map(funnel.map((s) => [s.id, observedWin(s)]));
  const rows = site.stages
    .filter((s) => s.kind !== 'lost' && !s.parked)
    .map((s) => ({ stage: s, observed: history && s.kind === 'open' ? (byStage.get(s.id) ?? null) : null }));
  const buyerStep = (s: StageMeta) => localizedText(s.buyer_step, ctx.locale) ?? '';
  const few = (o: ObservedWin | null) => o !== null && isSmall(o.closed);
  const journey = table(
    'buyer-journey',
    m.sections.stageProbabilities,
    [
      // On a phone the buyer's step is the stage's second line, and the four columns are the stage's rates.
      { label: m.columns.stage, value: (r) => r.stage.id, text: (r) => ctx.stage(r.stage.id), csvId: m.csv.stageId, detail: (r) => buyerStep(r.stage) || undefined },
      { label: m.columns.probability, numeric: true, value: (r) => r.stage.probability, text: (r) => f.percent(r.stage.probability), digits: 2 },
      {
        label: m.columns.won_of_closed,
        numeric: true,
        value: (r) => r.observed?.share ?? null,
        text: (r) => (r.observed === null ? '—' : f.percent(r.observed.share) + (few(r.observed) ? ROUGH_MARK : '')),
        tone: (r) => (few(r.observed) ? 'muted' : undefined),
        digits: 2,
      },
      // Apart from the share, so that a phone's four columns keep it on one line ('27%', not '27% (149 / 560)').
      { label: m.columns.closed_count, numeric: true, value: (r) => r.observed?.closed ?? null, text: (r) => (r.observed === null ? '—' : f.count(r.observed.closed)) },
      { label: m.columns.buyer_step, value: (r) => buyerStep(r.stage) },
    ],
    rows,
    // The config has at least one open stage outside parked ones.
    { empty: NEVER_EMPTY, compact: true },
  );
  if (!history) return { table: journey, intro: '' };
  const gap = largestProbabilityGap(rows.map((r) => ({ label: ctx.stage(r.stage.id), probability: r.stage.probability, observed: r.observed })));
  const intro = [
    m.pages.funnel.journeyIntro,
    rows.some((r) => few(r.observed)) && m.pages.funnel.journeyFew({ min: MIN_SAMPLE }, f),
    gap &&
      m.pages.funnel.probabilityGap(
        { stage: gap.stage, set: gap.set, share: gap.observed.share, closed: gap.observed.closed, others: gap.others, points: Math.round(PROBABILITY_GAP * 100) },
        f,
      ),
  ];
  return { table: journey, intro: intro.filter((s): s is string => typeof s === 'string').join(' ') };
}

