/**
 * One simulated deal, from its creation to the export instant T: who buys
 * what, its traits and loss odds, its stage path (cut at T), its field
 * changes, reasons and facts, and its rows (with the parser exercises and
 * the in-row quality issues).
 */
import { person } from './accounts.ts';
import { type DealRow, pushDeal, withCommas } from './csv-out.ts';
import { dealName, forecastCategory, openIntervals, path, pickLossReason, pickWinReason } from './deal-story.ts';
import { chooseDemand, recordWin } from './demand.ts';
import { type Change, expectedClose, handOver, reviseAmount } from './field-changes.ts';
import { markIssues } from './quality-issues.ts';
import { Rng } from './rng.ts';
import { dealId, type GenState } from './state.ts';
import { DAY, dayStart, fmtDateTime, kstDay, monthIndexOf } from './time.ts';
import {
  COMPETITOR_STRENGTH, LEAVER, LOST, MES, OWNERS, PRODUCTS, PROPOSE, PROSPECT, QUALIFY, ROBOT, SOURCE_LOSS, SOURCES, SPECIAL_NAMES,
  STAGE_ID, STAGE_SPELLINGS, SUCCESSOR, TEAM_STRATEGIC, WON,
} from './world.ts';

export function simulateDeal(s: GenState, i: number, created: number): void {
  const rng = new Rng(s.o.seed, 1000 + i);
  const id = dealId(s, i + 1);
  const T = s.T;

  const { accountIndex, productIndex, repurchase } = chooseDemand(s, rng, created);
  const account = s.accounts[accountIndex]!;
  const product = PRODUCTS[productIndex]!;
  account.busyUntil[productIndex] = created + rng.uniform(15, 90) * DAY;
  const owner0 = rng.chance(0.88) ? account.owner : rng.pick(OWNERS.filter((ow) => ow.team === account.team));
  let owner = owner0.name === LEAVER && created >= s.handover ? SUCCESSOR : owner0;

  // Deal traits.
  const month = monthIndexOf(created) % 12;
  const exhibitionSeason = month === 2 || month === 3 || month === 9 || month === 10;
  const source = repurchase
    ? rng.weighted(SOURCES, [45, 45, 5, 5, 0])
    : rng.weighted(SOURCES, account.team === TEAM_STRATEGIC ? [15, 45, 22, 15, 3] : [22, 26, 14, 18, exhibitionSeason ? 40 : 8]);
  const competitor = rng.chance(repurchase ? 0.55 : 0.72)
    ? account.installedCompetitor && rng.chance(0.5)
      ? account.installedCompetitor
      : rng.pick(product.competitors)
    : '';
  const keymanLatent = rng.chance(account.relationship === 'friendly' ? 0.88 : account.relationship === 'hostile' ? 0.5 : 0.72);
  const budgetLatent = rng.chance(repurchase ? 0.8 : account.team === TEAM_STRATEGIC ? 0.72 : 0.6);
  const loss =
    (keymanLatent ? 1 : 1.7) *
    (budgetLatent ? 1 : 1.5) *
    (competitor ? (COMPETITOR_STRENGTH[competitor] ?? 1) : 0.85) *
    (account.relationship === 'friendly' ? 0.75 : account.relationship === 'hostile' ? 1.35 : 1) *
    SOURCE_LOSS[source]! *
    owner0.skill *
    (repurchase ? 0.7 : 1);
  const sizeFactor = account.segment === '대기업' ? 1.6 : account.segment === '중견기업' ? 1.0 : 0.65;
  let amountKrw = rng.lognormal(product.median * sizeFactor * (repurchase && productIndex === MES ? 0.6 : 1), product.sigma);
  amountKrw = Math.min(2e9, Math.max(30e6, amountKrw));
  const usd = account.usd && rng.chance(0.7);
  const money = (krw: number) => {
    const v = Math.min(2e9, Math.max(30e6, krw));
    return usd ? Math.round(v / 1380 / 100) * 100 : Math.round(v / 1e5) * 1e5;
  };
  let amount = money(amountKrw);
  const pace = product.pace * owner0.pace * Math.pow(amountKrw / 200e6, 0.12);
  const entry = source === 'referral' || source === 'inbound' || repurchase ? rng.weighted([PROSPECT, QUALIFY, PROPOSE], [70, 22, 8]) : rng.chance(0.06) ? QUALIFY : PROSPECT;
  const zombie = rng.chance(0.03);

  // Stage path over the whole life, then cut at T.
  let bounces = 0;
  if (s.o.historyRowsPerDeal !== null) {
    const avgNatural = i > 0 ? s.naturalRows / i : 3.5;
    const perDeal = (s.o.historyRowsPerDeal - avgNatural) / 2;
    const deficit = (s.o.historyRowsPerDeal * i - s.emittedRows) / 2;
    bounces = rng.poisson(Math.max(0, Math.min(perDeal + deficit, 3 * Math.max(perDeal, 0) + 2)));
  }
  const { events: full, natural, reopened } = path(rng, created, entry, loss, pace, zombie, bounces);
  s.naturalRows += natural;
  const events = full.filter((e) => e.t < T);
  s.emittedRows += events.length;
  const last = events[events.length - 1]!;
  const state = last.stage;
  const closed = state === WON || state === LOST;
  const closeAt = closed ? last.t : null;
  if (state === WON) s.summary.won++;
  else if (state === LOST) s.summary.lost++;
  else s.summary.open++;

  const intervals = openIntervals(full, created, T);

  // Amount changes: revised at the proposal, discounted in negotiation.
  const changes: Change[] = [];
  ({ amount, amountKrw } = reviseAmount(rng, events, T, usd, money, amount, amountKrw, changes));

  // Expected close: optimistic at creation, pushed when it passes (or not, by lazy owners).
  const expected = expectedClose(rng, created, entry, product, amountKrw, owner0.diligence, events, intervals, changes);

  // Owner handover.
  owner = handOver(rng, s.handover, owner0, created, intervals, changes) ?? owner;
  changes.sort((x, y) => x.t - y.t);

  // Reasons, qualification facts and the rest of the row.
  let lostReason = '';
  let winReason = '';
  if (state === LOST) lostReason = rng.chance(0.045) ? '' : pickLossReason(rng, events, competitor, budgetLatent, keymanLatent, account, zombie);
  if (state === WON) winReason = rng.chance(0.04) ? '' : pickWinReason(rng, competitor, account, repurchase, source);
  const reachedPropose = events.some((e) => e.stage >= PROPOSE && e.stage <= WON);
  let keyman = '';
  if (keymanLatent && (state !== PROSPECT || rng.chance(0.4)) && (state !== QUALIFY || rng.chance(0.7))) keyman = rng.chance(0.7) && account.keyman ? account.keyman : person(rng);
  else if (state === WON && rng.chance(0.6)) keyman = account.keyman || person(rng);
  let budget: string;
  if (state === WON) budget = rng.chance(0.94) ? 'Y' : 'N';
  else if (state === PROSPECT) budget = budgetLatent && rng.chance(0.3) ? 'Y' : rng.chance(0.5) ? '' : 'N';
  else budget = budgetLatent && (reachedPropose || rng.chance(0.6)) ? 'Y' : 'N';
  const purchaseType = rng.chance(0.08) ? '' : rng.chance(productIndex === MES || productIndex === ROBOT ? 0.5 : 0.28) ? 'phased' : 'bulk';
  const lifecycle = rng.chance(0.03) ? product.lifecycleOverride : null;
  let installedAt: number | null = null;
  if (state === WON && closeAt !== null && !rng.chance(0.12)) {
    const inst = dayStart(kstDay(closeAt + rng.uniform(30, 95) * DAY));
    if (inst < T) installedAt = inst;
  }
  const cost = rng.chance(0.1) ? null : usd ? Math.round((amount * rng.uniform(0.56, 0.8)) / 100) * 100 : Math.round((amount * rng.uniform(0.56, 0.8)) / 1e5) * 1e5;

  // Repurchase bookkeeping for wins: quiet on the product until near the due date, maybe a repurchase deal then.
  if (state === WON && closeAt !== null) recordWin(s, rng, { id, accountIndex, productIndex, closeAt, installedAt, lifecycle, usd, amount, team: owner.team });

  // Parser exercises: stage spellings, formatted amounts, names that need escaping.
  const stageCell = rng.chance(0.1) ? rng.pick(STAGE_SPELLINGS[state]!) : STAGE_ID[state]!;
  const closedCell = closeAt === null ? '' : fmtDateTime(closeAt);
  let amountCell: string;
  const r = rng.next();
  if (r < 0.08 && !usd) amountCell = `"${withCommas(amount)}"`;
  else if (r < 0.11 && !usd) amountCell = `"₩${withCommas(amount)}"`;
  else amountCell = String(amount);
  let name = dealName(rng, account, product, repurchase);
  const special = SPECIAL_NAMES[s.special.names];
  if (special && special.product === productIndex && i >= ((s.special.names + 1) * s.o.deals) / (SPECIAL_NAMES.length + 1)) {
    name = special.name;
    s.special.names++;
  }
  // Drawn last, so that it changes no other draw of the deal's stream.
  const category = forecastCategory(rng, state, expected, T, zombie);
  const row: DealRow = {
    id, name, account, owner, product, amountCell, usd, created, expected, closedCell, stageCell,
    lostReason, winReason, competitor, source, keyman, budget, purchaseType, installedAt, lifecycle, cost, category,
  };
  if (s.o.dataQualityIssues && i >= s.o.deals * 0.8) markIssues(s, i, state, reopened, changes, row);
  pushDeal(s, row, events, changes);
}
