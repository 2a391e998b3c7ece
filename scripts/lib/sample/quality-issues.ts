/**
 * The deliberate data-quality issues (option `dataQualityIssues`), all in
 * the last part of the files so that they are easy to find:
 *   1. deals.csv: an extra hand-entered deal with stage "보류" (on hold), not a
 *      configured stage: row rejected (unknown_stage).
 *   2. deals.csv: an extra hand-entered deal with expected_close_at
 *      "2026-13-01" (month 13): row rejected (invalid date).
 *   3. deals.csv: an extra hand-entered deal with amount "-45000000": row
 *      rejected (negative amount).
 *   4. deals.csv: one ordinary open prospect deal with an empty amount:
 *      accepted, warned (counts as 0).
 *   5. stage_history.csv: the last row belongs to deal id "D-00000", which is
 *      not in deals.csv (a deal deleted in the CRM): row rejected.
 *   6. deals.csv: two stage_mismatch rows, where the deals.csv stage differs
 *      from the last stage_history row (the history wins, warned): one open
 *      `propose` deal exported as "negotiate", one open `qualify` deal
 *      exported as "실주" (lost) without closed_at.
 * The three extra deals have no stage_history rows; they are appended after
 * the simulated deals and are not counted in `deals`.
 */
import type { Account } from './accounts.ts';
import { type DealRow, esc } from './csv-out.ts';
import type { Change } from './field-changes.ts';
import { Rng } from './rng.ts';
import { dealId, type GenState } from './state.ts';
import { dayStart, fmtDate, fmtDateTime, kstDay, workTime } from './time.ts';
import { LEAVER, PROPOSE, PROSPECT, QUALIFY, SUCCESSOR } from './world.ts';

/** Issues 4 and 6 on simulated deal `i` (in the last 20%), each on the first deal that fits: edits `row`. No random draws. */
export function markIssues(s: GenState, i: number, state: number, reopened: boolean, changes: readonly Change[], row: DealRow): void {
  const noAmountChanges = !changes.some((c) => c.field === 'amount');
  if (!s.special.mismatchPropose && i >= s.o.deals * 0.8 && state === PROPOSE) {
    s.special.mismatchPropose = true;
    row.stageCell = 'negotiate';
  } else if (!s.special.mismatchQualify && i >= s.o.deals * 0.85 && state === QUALIFY && !reopened) {
    s.special.mismatchQualify = true;
    row.stageCell = '실주';
    row.closedCell = '';
    row.lostReason = 'no_budget';
  } else if (!s.special.emptyAmount && i >= s.o.deals * 0.9 && state === PROSPECT && noAmountChanges) {
    s.special.emptyAmount = true;
    row.amountCell = '';
  }
}

/** Issues 1, 2, 3 and 5 (stream 3): added to the last chunk. */
export function badRows(s: GenState): void {
  const rng = new Rng(s.o.seed, 3);
  const a = s.accounts[rng.int(0, s.accounts.length - 1)]!;
  const b = s.accounts[rng.int(0, s.accounts.length - 1)]!;
  const c = s.accounts[rng.int(0, s.accounts.length - 1)]!;
  const lastDay = kstDay(s.T) - 1;
  const when = (back: number) => fmtDateTime(workTime(rng, dayStart(lastDay - back), 0));
  const n = s.o.deals;
  const cells = (x: Account, p: string) => `${x.id},${esc(x.name)},${x.owner.name === LEAVER ? SUCCESSOR.name : x.owner.name},${x.team},${p}`;
  // 1. unknown stage "보류" (on hold)
  s.rows.deals.push(`${dealId(s, n + 1)},${esc(`${a.name} 설비 검토 (보류)`)},${cells(a, 'INSPECT-AI')},85000000,KRW,${when(40)},${fmtDate(dayStart(lastDay + 90))},,보류,,,,inbound,,N,,,,,\n`);
  // 2. month 13 in expected_close_at
  s.rows.deals.push(`${dealId(s, n + 2)},${esc(`${b.name} 로봇 셀 추가`)},${cells(b, 'ROBOT-ARM')},120000000,KRW,${when(25)},${s.o.endDate.slice(0, 4)}-13-01,,prospect,,,,outbound,,,,,,,\n`);
  // 3. negative amount
  s.rows.deals.push(`${dealId(s, n + 3)},${esc(`${c.name} MES 옵션 변경`)},${cells(c, 'MES-SUITE')},-45000000,KRW,${when(12)},${fmtDate(dayStart(lastDay + 45))},,qualify,,,,inbound,,N,,,,,\n`);
  s.summary.dealRows += 3;
  // 5. stage history of a deal that is not in deals.csv
  s.rows.history.push(`${dealId(s, 0)},propose,${when(60)}\n`);
  s.summary.stageHistoryRows++;
}
