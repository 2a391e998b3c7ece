/**
 * Demand: when deals are created, which account and product each is for,
 * and the repurchases a win schedules (a min-heap of due candidates).
 */
import { addMonths } from '../../../src/lib/time.ts';
import { isQuiet, pickAccount } from './accounts.ts';
import { Rng } from './rng.ts';
import type { GenState } from './state.ts';
import { DAY, dateMs, dayStart, dayString, fmtDate, kstDay, MINUTE, monthIndexOf, weekday } from './time.ts';
import { PRODUCTS } from './world.ts';

export interface Candidate {
  /** When the next purchase starts to be discussed. */
  pickAt: number;
  close: number;
  account: number;
  product: number;
  dealId: string;
}

/** Sorted creation instants: growing intake, Korean seasonality (설, summer holidays), working days. */
export function creationTimes(s: GenState): Float64Array {
  const rng = new Rng(s.o.seed, 2);
  const first = kstDay(s.start);
  const last = kstDay(s.T) - 1;
  const season = [0.85, 0.72, 1.15, 1.12, 1.0, 1.05, 0.92, 0.72, 1.0, 1.12, 1.1, 0.9];
  const days = last - first + 1;
  const cum = new Float64Array(days);
  let total = 0;
  for (let d = 0; d < days; d++) {
    const day = first + d;
    const dow = weekday(day);
    const month = Number(dayString(day).slice(5, 7)) - 1;
    total += (dow === 0 || dow === 6 ? 0.04 : 1) * season[month]! * (1 + (0.45 * d) / days);
    cum[d] = total;
  }
  const out = new Float64Array(s.o.deals);
  let d = 0;
  for (let k = 0; k < s.o.deals; k++) {
    const u = ((k + rng.next()) / s.o.deals) * total;
    while (d < days - 1 && cum[d]! <= u) d++;
    out[k] = dayStart(first + d) + (8 * 60 + 30 + rng.int(0, 600)) * MINUTE;
  }
  return out.sort();
}

/** The account and product of deal `created`: a due repurchase, else a weighted account and one of its products it is not quiet on. */
export function chooseDemand(s: GenState, rng: Rng, created: number): { accountIndex: number; productIndex: number; repurchase: boolean } {
  let accountIndex: number;
  let productIndex: number;
  let repurchase = false;
  const top = s.heap[0];
  if (top && top.pickAt <= created && top.close < created && rng.chance(0.6)) {
    heapPop(s.heap);
    accountIndex = top.account;
    productIndex = top.product;
    repurchase = true;
  } else {
    accountIndex = pickAccount(s, rng);
    productIndex = -1;
    // An account bought recently (quiet) or is already being worked on (busy) for the product: demand goes elsewhere.
    // Busy is a soft rule (given up after 10 tries), quiet a hard one (then cross-sell).
    for (let attempt = 0; attempt < 20 && productIndex < 0; attempt++) {
      if (attempt > 0) accountIndex = pickAccount(s, rng);
      const a = s.accounts[accountIndex]!;
      const p = rng.weighted(a.products, a.productWeights);
      if ((attempt >= 10 || a.busyUntil[p]! <= created) && !isQuiet(a, p, created)) productIndex = p;
    }
    if (productIndex < 0) {
      // Cross-sell: a product line new to the account (it stays in its mix), else any.
      const a = s.accounts[accountIndex]!;
      const fresh = PRODUCTS.map((_, p) => p).filter((p) => !a.products.includes(p));
      if (fresh.length > 0) {
        productIndex = rng.pick(fresh);
        a.products.push(productIndex);
        a.productWeights.push(rng.uniform(0.5, 1.5));
      } else productIndex = rng.weighted(a.products, a.productWeights);
    }
  }
  return { accountIndex, productIndex, repurchase };
}

export interface Win {
  id: string;
  accountIndex: number;
  productIndex: number;
  closeAt: number;
  installedAt: number | null;
  lifecycle: number | null;
  usd: boolean;
  amount: number;
  team: string;
}

/** Repurchase bookkeeping for a win: quiet on the product until near the due date, maybe a repurchase deal then; and the won amount by month. */
export function recordWin(s: GenState, rng: Rng, w: Win): void {
  const { closeAt, accountIndex, productIndex } = w;
  const account = s.accounts[accountIndex]!;
  const base = w.installedAt ?? dayStart(kstDay(closeAt));
  const months = w.lifecycle ?? PRODUCTS[productIndex]!.lifecycle;
  const due = dateMs(addMonths(fmtDate(base), months));
  if (rng.chance(0.5)) {
    // The repurchase is discussed in time: a new deal for the same account and product some months before it is due.
    heapPush(s.heap, { pickAt: due - rng.uniform(1, 7) * 30 * DAY, close: closeAt, account: accountIndex, product: productIndex, dealId: w.id });
    if (rng.chance(0.85)) account.quiet[productIndex]!.push({ close: closeAt, until: due - rng.uniform(5, 10) * 30 * DAY });
  } else if (rng.chance(0.9)) {
    // Nobody follows up: the account stays quiet past the due date (an overdue repurchase).
    account.quiet[productIndex]!.push({ close: closeAt, until: due + rng.uniform(3, 18) * 30 * DAY });
  }
  const m = monthIndexOf(closeAt);
  let byTeam = s.wonByMonth.get(m);
  if (!byTeam) s.wonByMonth.set(m, (byTeam = new Map()));
  const krw = w.usd ? w.amount * 1380 : w.amount;
  byTeam.set(w.team, (byTeam.get(w.team) ?? 0) + krw);
}

// ---------------------------------------------------------------- a small binary heap on pickAt

export function heapPush(heap: Candidate[], c: Candidate): void {
  heap.push(c);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (heap[p]!.pickAt <= heap[i]!.pickAt) break;
    [heap[p], heap[i]] = [heap[i]!, heap[p]!];
    i = p;
  }
}

export function heapPop(heap: Candidate[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && heap[l]!.pickAt < heap[m]!.pickAt) m = l;
    if (r < heap.length && heap[r]!.pickAt < heap[m]!.pickAt) m = r;
    if (m === i) break;
    [heap[m], heap[i]] = [heap[i]!, heap[m]!];
    i = m;
  }
}
