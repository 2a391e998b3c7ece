/**
 * Owners who have gone quiet: no deal open at T, and nothing of theirs in the data (a deal created, a stage entered,
 * a deal closed) for QUIET_DAYS before T. Most often a seller who has left, whose customers still come due to buy again under their
 * name: the Repurchase page says whom to hand them to. Inferred from the deals alone (the data has no staff list),
 * and said as such: "no deal activity since", never "left".
 */
import { LOST, OPEN, WON } from '../model/snapshot.ts';
import { DAY_MS, type LocalDate, localDateOf } from '../time.ts';
import type { MetricContext } from './context.ts';
import { dealCodes } from './deal-codes.ts';

/** Half a year: longer than any stage's usual stay, shorter than most repurchase cycles. */
export const QUIET_DAYS = 180;

export interface QuietOwner {
  owner: string;
  /** The local date of the owner's last deal event before T (the report date's end). */
  last_activity: LocalDate;
}

/** The quiet owners at T, longest quiet first (then by name). */
export function quietOwners(ctx: MetricContext): QuietOwner[] {
  const { codes, names } = dealCodes(ctx.timelines.deals).owner;
  const created = ctx.timelines.deals.createdAt;
  const last = new Float64Array(names.length).fill(-Infinity);
  const open = new Uint8Array(names.length);
  const seen = (d: number, t: number) => {
    const k = codes[d]!;
    if (t < ctx.T && t > last[k]!) last[k] = t;
  };
  for (let d = 0; d < codes.length; d++) {
    const state = ctx.at.state[d];
    if (state === OPEN) open[codes[d]!] = 1;
    else if (state === WON || state === LOST) seen(d, ctx.at.closedAt[d]!);
    seen(d, created[d]!);
  }
  const h = ctx.dataset.stageHistory;
  for (let i = 0; i < h.length; i++) seen(h.deal[i]!, h.enteredAt[i]!);
  const since = ctx.T - QUIET_DAYS * DAY_MS;
  const out: { owner: string; t: number }[] = [];
  names.forEach((owner, k) => {
    // An owner with no event before T (every deal created later) is not in the data yet, not quiet.
    if (open[k] === 0 && last[k]! > -Infinity && last[k]! < since && owner.trim() !== '') out.push({ owner, t: last[k]! });
  });
  return out.sort((a, b) => a.t - b.t || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0)).map(({ owner, t }) => ({ owner, last_activity: localDateOf(t, ctx.config.timezone) }));
}
