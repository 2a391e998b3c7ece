/**
 * One deal's simulated life as a story: the stage path from creation
 * (dwell times, skips, backward moves, reopened losses, benchmark bounces),
 * the intervals it is open, and the reasons and name it ends up with.
 */
import type { Account } from './accounts.ts';
import type { Rng } from './rng.ts';
import { DAY, workTime } from './time.ts';
import {
  DWELL, LOSS_BASE, LOSS_REASONS, LOST, NEGOTIATE, PLANTS, PREMIUM_BRANDS, type Product, PROPOSE, PROSPECT, QUALIFY, WIN_BASE, WIN_REASONS, WON,
} from './world.ts';

export interface Event {
  stage: number;
  t: number;
}

/**
 * The full stage path from creation, ignoring T. `natural` counts the rows
 * without the extra benchmark bounces.
 */
export function path(rng: Rng, created: number, entry: number, loss: number, pace: number, zombie: boolean, bounces: number): { events: Event[]; natural: number; reopened: boolean } {
  const events: Event[] = [{ stage: entry, t: created }];
  let natural = 1;
  let stage = entry;
  let t = created;
  let reopenedOnce = false;
  let budget = bounces;
  let pending: number | null = null;
  const add = (s: number, days: number, bounce: boolean) => {
    t = workTime(rng, t + days * DAY, t);
    events.push({ stage: s, t });
    stage = s;
    if (!bounce) natural++;
  };
  for (let guard = 0; guard < 200; guard++) {
    if (stage === WON) break;
    if (stage === LOST) {
      const from = events[events.length - 2]?.stage ?? PROSPECT;
      if (!reopenedOnce && from >= QUALIFY && from <= NEGOTIATE && rng.chance(0.07)) {
        reopenedOnce = true;
        add(rng.chance(0.6) ? QUALIFY : PROPOSE, rng.uniform(45, 220), false);
        continue;
      }
      break;
    }
    // The natural next move is drawn first and kept across any bounces, so bounces do not change outcomes.
    let next: number = pending ?? nextStage(rng, stage, loss);
    if (budget > 0 && (next === WON || next === LOST || rng.chance(0.5))) {
      budget--;
      pending = next;
      const other = stage === PROSPECT ? QUALIFY : stage - 1;
      const here = stage;
      add(other, rng.uniform(0.2, 3), true);
      add(here, rng.uniform(0.2, 3), true);
      continue;
    }
    pending = null;
    let dwell: number;
    if (zombie && stage === PROPOSE) {
      // Goes dark in the proposal stage; someone closes it as lost much later.
      next = LOST;
      dwell = rng.uniform(150, 520);
    } else {
      const base = DWELL[stage]!;
      dwell = rng.lognormal(base.median * pace, base.sigma);
      if (next === LOST) dwell *= 1.35;
      if (next < stage) dwell *= 0.7;
    }
    add(next, dwell, false);
  }
  return { events, natural, reopened: reopenedOnce };
}

/** The intervals the deal is open (for field changes): from created or a reopen to a close or T. */
export function openIntervals(full: Event[], created: number, T: number): [number, number][] {
  const intervals: [number, number][] = [];
  let startAt: number | null = created;
  for (let k = 1; k < full.length; k++) {
    const e = full[k]!;
    const terminal = e.stage === WON || e.stage === LOST;
    if (terminal && startAt !== null) {
      intervals.push([startAt, Math.min(e.t, T)]);
      startAt = null;
    } else if (!terminal && startAt === null) startAt = e.t;
    if (e.t >= T) break;
  }
  if (startAt !== null && startAt < T) intervals.push([startAt, T]);
  return intervals;
}

export function nextStage(rng: Rng, stage: number, loss: number): number {
  const lost = (p: number) => rng.chance(Math.min(0.92, p * loss));
  switch (stage) {
    case PROSPECT:
      if (lost(0.21)) return LOST;
      return rng.chance(0.07) ? PROPOSE : QUALIFY;
    case QUALIFY:
      if (lost(0.15)) return LOST;
      if (rng.chance(0.035)) return PROSPECT;
      return rng.chance(0.05) ? NEGOTIATE : PROPOSE;
    case PROPOSE:
      if (lost(0.24)) return LOST;
      if (rng.chance(0.07)) return QUALIFY;
      return rng.chance(0.06) ? WON : NEGOTIATE;
    default:
      if (lost(0.2)) return LOST;
      if (rng.chance(0.1)) return PROPOSE;
      return WON;
  }
}

export function pickLossReason(rng: Rng, events: Event[], competitor: string, budgetOk: boolean, keymanOk: boolean, account: Account, zombie: boolean): string {
  if (zombie) return rng.chance(0.6) ? 'timing' : 'no_budget';
  let from = PROSPECT;
  for (let k = events.length - 2; k >= 0; k--) {
    if (events[k]!.stage <= NEGOTIATE) {
      from = events[k]!.stage;
      break;
    }
  }
  const w = LOSS_BASE.slice();
  const at = (reason: (typeof LOSS_REASONS)[number]) => LOSS_REASONS.indexOf(reason);
  if (PREMIUM_BRANDS.has(competitor)) w[at('brand')]! *= competitor === 'DMG Mori' ? 3 : 2;
  if (competitor && competitor === account.installedCompetitor) w[at('competitor_relationship')]! *= 3;
  if (!competitor) {
    w[at('brand')]! *= 0.4;
    w[at('competitor_relationship')]! *= 0.2;
  }
  if (!budgetOk) w[at('no_budget')]! *= 1.5;
  if (!keymanOk) w[at('sales_approach')]! *= 1.8;
  if (account.relationship === 'hostile') w[at('sales_approach')]! *= 1.6;
  if (from <= QUALIFY) {
    w[at('timing')]! *= 1.3;
    w[at('no_budget')]! *= 1.2;
    w[at('price')]! *= 0.5;
    w[at('after_sales')]! *= 0.85;
  } else if (from === NEGOTIATE) {
    w[at('price')]! *= 1.5;
    w[at('timing')]! *= 0.6;
  }
  return rng.weighted(LOSS_REASONS, w);
}

export function pickWinReason(rng: Rng, competitor: string, account: Account, repurchase: boolean, source: string): string {
  const w = WIN_BASE.slice();
  if (repurchase || account.relationship === 'friendly') w[2]! *= 1.8;
  if (source === 'referral') w[5]! *= 2;
  if (competitor === 'DMG Mori' || competitor === 'Trumpf') w[4]! *= 2.2;
  return rng.weighted(WIN_REASONS, w);
}

export function dealName(rng: Rng, account: Account, product: Product, repurchase: boolean): string {
  const pattern = rng.pick(repurchase ? product.renewal : product.names);
  return pattern.replace('{a}', account.name).replace('{n}', String(rng.int(1, 4))).replace('{p}', rng.pick(PLANTS));
}

/** How the forecast category is written: mostly the canonical id, sometimes a CRM's spelling (parser exercise). */
const CATEGORY_SPELLINGS: Record<string, string> = { commit: 'Commit', best_case: 'Best Case', pipeline: 'Pipeline', omitted: 'Omitted' };

/**
 * The rep's forecast category of an open deal (empty for closed deals, and
 * for the few the rep left blank): later stages are more often commit or
 * best case; a deal is committed only with a close date, less often once the
 * date has passed, and a deal gone dark is rarely forecast at all.
 */
export function forecastCategory(rng: Rng, stage: number, expected: number | null, T: number, zombie: boolean): string {
  if (stage !== PROSPECT && stage !== QUALIFY && stage !== PROPOSE && stage !== NEGOTIATE) return '';
  if (rng.chance(0.05)) return '';
  // Weights of commit, best_case, pipeline, omitted.
  const w = {
    [PROSPECT]: [0, 2, 90, 8],
    [QUALIFY]: [2, 18, 74, 6],
    [PROPOSE]: [16, 44, 34, 6],
    [NEGOTIATE]: [62, 30, 6, 2],
  }[stage]!;
  let [commit, best, pipe, omitted] = w as [number, number, number, number];
  if (expected === null) [commit, best, pipe] = [0, best / 2, pipe + commit + best / 2];
  else if (expected < T) [commit, best, pipe] = [commit / 2, best, pipe + commit / 2];
  if (zombie) [commit, best, omitted] = [0, best / 4, omitted + commit + (best * 3) / 4];
  const category = rng.weighted(['commit', 'best_case', 'pipeline', 'omitted'], [commit, best, pipe, omitted]);
  return rng.chance(0.15) ? CATEGORY_SPELLINGS[category]! : category;
}
