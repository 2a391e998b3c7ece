/**
 * field_history.csv changes of one deal: amount revisions, expected close
 * dates set and pushed as they pass, and the leaver's handover.
 */
import type { Event } from './deal-story.ts';
import type { Rng } from './rng.ts';
import { closeDate, DAY, fmtDate, workTime } from './time.ts';
import { LEAVER, NEGOTIATE, type Owner, type Product, PROPOSE, PROSPECT, QUALIFY, SUCCESSOR } from './world.ts';

export interface Change {
  field: string;
  old: string;
  new: string;
  t: number;
}

/** Amount changes: revised at the proposal, discounted in negotiation. Appends to `changes`; returns the final amount (and its KRW basis). */
export function reviseAmount(
  rng: Rng, events: Event[], T: number, usd: boolean, money: (krw: number) => number, amount: number, amountKrw: number, changes: Change[],
): { amount: number; amountKrw: number } {
  const fmtAmount = (v: number) => String(v);
  let revised = false;
  let discounted = false;
  for (let k = 1; k < events.length; k++) {
    const e = events[k]!;
    const prev = events[k - 1]!;
    if (!revised && e.stage === PROPOSE && prev.stage < PROPOSE && rng.chance(0.32)) {
      revised = true;
      const t = workTime(rng, e.t + rng.uniform(0, 6) * DAY, e.t);
      const next = events[k + 1]?.t ?? T;
      if (t < next && t < T) {
        const v = money(amountKrw * rng.uniform(0.82, 1.38));
        if (v !== amount) changes.push({ field: 'amount', old: fmtAmount(amount), new: fmtAmount(v), t });
        amount = v;
        amountKrw = usd ? v * 1380 : v;
      }
    } else if (!discounted && e.stage === NEGOTIATE && rng.chance(0.38)) {
      discounted = true;
      const t = workTime(rng, e.t + rng.uniform(0, 8) * DAY, e.t);
      const next = events[k + 1]?.t ?? T;
      if (t < next && t < T) {
        const v = money(amountKrw * rng.uniform(0.85, 0.97));
        if (v !== amount) changes.push({ field: 'amount', old: fmtAmount(amount), new: fmtAmount(v), t });
        amount = v;
        amountKrw = usd ? v * 1380 : v;
      }
    }
  }
  return { amount, amountKrw };
}

/** Expected close: optimistic at creation, pushed when it passes (or not, by lazy owners). Appends to `changes`; returns the final date. */
export function expectedClose(
  rng: Rng, created: number, entry: number, product: Product, amountKrw: number, diligence: number,
  events: Event[], intervals: [number, number][], changes: Change[],
): number | null {
  let expected: number | null = rng.chance(entry === PROSPECT ? 0.14 : 0.04)
    ? null
    : closeDate(rng, created + rng.lognormal(62 * product.pace * Math.pow(amountKrw / 200e6, 0.2), 0.5) * DAY);
  const setChange = (t: number, value: number | null) => {
    changes.push({ field: 'expected_close_at', old: expected === null ? '' : fmtDate(expected), new: value === null ? '' : fmtDate(value), t });
    expected = value;
  };
  let lastChange = created;
  intervals.forEach(([a, b], k) => {
    if (k > 0) {
      // Reopened: a fresh close date.
      const t = workTime(rng, a + rng.uniform(0.1, 2) * DAY, Math.max(a, lastChange));
      if (t < b) {
        setChange(t, closeDate(rng, t + rng.uniform(40, 110) * DAY));
        lastChange = t;
      }
    }
    if (expected === null) {
      // Unscheduled deals get a date once qualified.
      const q = events.find((e) => e.t >= a && e.t < b && e.stage >= QUALIFY && e.stage <= NEGOTIATE && e.t > created);
      if (!q || !rng.chance(0.8)) return;
      const t = workTime(rng, q.t + rng.uniform(0.2, 4) * DAY, Math.max(q.t, lastChange));
      if (t >= b) return;
      setChange(t, closeDate(rng, t + rng.uniform(30, 100) * DAY));
      lastChange = t;
    }
    for (let pushes = 0; pushes < 8 && expected !== null; pushes++) {
      const t = workTime(rng, expected + rng.uniform(-8, 20) * DAY, Math.max(lastChange, a));
      if (t >= b) break;
      if (!rng.chance(diligence * (pushes === 0 ? 1 : 0.93))) break;
      let next = closeDate(rng, expected + rng.uniform(20, 95) * DAY);
      if (next <= t + 7 * DAY) next = closeDate(rng, t + rng.uniform(20, 75) * DAY);
      setChange(t, next);
      lastChange = t;
    }
  });
  return expected;
}

/** The leaver's deals open at the handover (or reopened after it) go to the successor: an `owner` change. Returns the new owner, if any. */
export function handOver(rng: Rng, handover: number, owner0: Owner, created: number, intervals: [number, number][], changes: Change[]): Owner | null {
  if (owner0.name === LEAVER && created < handover) {
    // Open at the handover, or reopened after it.
    const after = intervals.find(([, b]) => b > handover);
    if (after) {
      const from = Math.max(after[0], handover);
      const t = workTime(rng, from + rng.uniform(0, 3) * DAY, from);
      if (t < after[1]) {
        changes.push({ field: 'owner', old: LEAVER, new: SUCCESSOR.name, t });
        return SUCCESSOR;
      }
    }
  }
  return null;
}
