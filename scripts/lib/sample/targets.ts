/** targets.csv: company, team and owner targets set from what was won. */
import { Rng } from './rng.ts';
import type { GenState } from './state.ts';
import { monthIndexOf, monthKey } from './time.ts';
import { LEAVER, OWNERS, SUCCESSOR, TEAM_CAPITAL, TEAM_SOUTH, TEAM_STRATEGIC } from './world.ts';

/**
 * Company-wide monthly and quarterly targets and per-team quarterly targets
 * for the calendar years endYear-2 .. endYear+1, set a bit above what was
 * (or, for future periods, is expected to be) won, rounded to 10M/100M KRW;
 * and, from endYear-1, each team's quarterly target split evenly among the
 * team's owners of that quarter (rounded to 10M KRW).
 */
export function targetsCsv(s: GenState): string {
  const rng = new Rng(s.o.seed, 4);
  const endYear = Number(s.o.endDate.slice(0, 4));
  const endMonth = monthIndexOf(s.T - 1);
  const wonIn = (from: number, to: number, team?: string) => {
    let sum = 0;
    for (let m = from; m <= to; m++) {
      const byTeam = s.wonByMonth.get(m);
      if (!byTeam) continue;
      if (team) sum += byTeam.get(team) ?? 0;
      else for (const v of byTeam.values()) sum += v;
    }
    return sum;
  };
  // Run rate: the last 12 full months before the end month.
  const runRate = Math.max(wonIn(endMonth - 12, endMonth - 1), 1e9);
  const teams = [TEAM_CAPITAL, TEAM_SOUTH, TEAM_STRATEGIC];
  const teamTotal = teams.reduce((sum, tm) => sum + wonIn(endMonth - 36, endMonth, tm), 0);
  const share = teams.map((tm) => (teamTotal > 0 ? wonIn(endMonth - 36, endMonth, tm) / teamTotal : 1 / teams.length));
  const qWeight = [0.21, 0.25, 0.24, 0.3];
  const mWeight = [0.3, 0.32, 0.38];
  const rows = ['period,owner,team,target_amount\n'];
  const roundTo = (v: number, unit: number) => Math.max(unit, Math.round(v / unit) * unit);
  const handoverMonth = monthIndexOf(s.handover);
  // The team's owners in a quarter: the successor replaces the leaver from the handover's quarter on.
  const ownersOf = (team: string, qStart: number) =>
    OWNERS.filter((o) => o.team === team).map((o) => (o.name === LEAVER && qStart + 2 >= handoverMonth ? SUCCESSOR : o));
  for (let y = endYear - 2; y <= endYear + 1; y++) {
    // Plan = the year's won amount (or the run rate grown 10%/year when not known yet) plus 10% stretch.
    const yearStart = y * 12;
    const known = yearStart + 11 < endMonth;
    const yearsAhead = (yearStart + 6 - endMonth) / 12;
    const base = known ? wonIn(yearStart, yearStart + 11) : runRate * Math.pow(1.1, Math.max(0, yearsAhead));
    const plan = Math.max(base, 1e9) * 1.1;
    for (let q = 0; q < 4; q++) {
      const qStart = yearStart + q * 3;
      let quarter = plan * qWeight[q]!;
      // The quarter and month of endDate end a little short of target (won / target about 0.8-0.9): a gap to cover.
      if (qStart <= endMonth && endMonth <= qStart + 2) quarter = Math.max(quarter, (wonIn(qStart, endMonth) / rng.uniform(0.8, 0.9)) * (3 / (endMonth - qStart + 1)));
      rows.push(`${y}-Q${q + 1},,,${roundTo(quarter, 1e8)}\n`);
      for (let k = 0; k < 3; k++) {
        let month = quarter * mWeight[k]!;
        if (qStart + k === endMonth) month = Math.max(month, wonIn(endMonth, endMonth) / rng.uniform(0.8, 0.9));
        rows.push(`${monthKey(qStart + k)},,,${roundTo(month, 1e7)}\n`);
      }
      teams.forEach((tm, ti) => rows.push(`${y}-Q${q + 1},,${tm},${roundTo(quarter * share[ti]!, 1e8)}\n`));
      if (y >= endYear - 1) {
        teams.forEach((tm, ti) => {
          const owners = ownersOf(tm, qStart);
          for (const o of owners) rows.push(`${y}-Q${q + 1},${o.name},${tm},${roundTo((quarter * share[ti]!) / owners.length, 1e7)}\n`);
        });
      }
    }
  }
  s.summary.targetRows = rows.length - 1;
  return rows.join('');
}
