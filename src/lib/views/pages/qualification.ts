/**
 * The Win / loss page's win rates by qualification: the deals closed in the analysis window that named a keyman
 * against those that did not, and those with a confirmed budget against those without (metrics/win-loss.ts
 * `qualificationOutcomes`). The book's qualification questions are asked of every open deal (the Stalled page's
 * warning signs); this says whether the answers go with winning, in this data, and when a gap could be chance.
 */
import type { WonLost } from '../../metrics/win-loss.ts';
import { winRatesClearlyDiffer } from '../../rate-differences.ts';
import { ratio } from '../../stats.ts';
import { type Column, NEVER_EMPTY, table, type TableModel } from '../table.ts';
import { isSmall } from './absence.ts';
import type { PageContext } from './context.ts';

interface Row {
  label: string;
  counts: WonLost;
}

export interface QualificationSection {
  table: TableModel;
  /** The rates in words, what is too few or missing, and that the values are today's: the sentences above the table. */
  intro: string;
}

/** Null when deals.csv has neither column (nothing to say beyond the Stalled page's note on the signs it cannot check). */
export function qualificationSection(ctx: PageContext): QualificationSection | null {
  const { site, m, f } = ctx;
  const q = m.qualification;
  const { keyman, budget } = site.qualification_outcomes;
  if (keyman === null && budget === null) return null;
  const closed = (c: WonLost) => c.won + c.lost;
  const rate = (c: WonLost) => ratio(c.won, closed(c));
  const said: string[] = [];
  const pair = (yes: Row, no: Row, words: typeof q.keyman) => {
    const few = [yes, no].find((r) => isSmall(closed(r.counts)));
    if (few) {
      said.push(q.tooFew({ what: few.label, count: closed(few.counts) }, f));
      return;
    }
    const counts = (c: WonLost) => q.counts({ won: c.won, closed: closed(c) }, f);
    said.push(words({ with: f.percent(rate(yes.counts)), withCounts: counts(yes.counts), without: f.percent(rate(no.counts)), withoutCounts: counts(no.counts) }));
    const sides = [yes, no].map((r) => ({ won: r.counts.won, closed: closed(r.counts) }));
    if (!winRatesClearlyDiffer(sides)) said.push(m.common.noClearDifference);
  };
  const rows: Row[] = [];
  // Each check: the deals.csv column it reads, its two sides (null without the column), their labels, its sentence.
  const checks: { column: string; outcome: readonly [WonLost, WonLost] | null; labels: readonly [string, string]; words: typeof q.keyman }[] = [
    { column: 'keyman', outcome: keyman && [keyman.named, keyman.missing], labels: [q.keymanNamed, q.keymanMissing], words: q.keyman },
    { column: 'budget_confirmed', outcome: budget && [budget.confirmed, budget.unconfirmed], labels: [q.budgetConfirmed, q.budgetUnconfirmed], words: q.budget },
  ];
  for (const check of checks) {
    if (check.outcome === null) {
      said.push(q.noColumn({ column: check.column }));
      continue;
    }
    const yes = { label: check.labels[0], counts: check.outcome[0] };
    const no = { label: check.labels[1], counts: check.outcome[1] };
    rows.push(yes, no);
    pair(yes, no, check.words);
  }
  said.push(q.asExported);
  const columns: Column<Row>[] = [
    { label: q.check, value: (r) => r.label },
    { label: q.closed, numeric: true, value: (r) => closed(r.counts), text: (r) => f.count(closed(r.counts)) },
    { label: m.columns.won, numeric: true, value: (r) => r.counts.won, text: (r) => f.count(r.counts.won) },
    // Closed − won: in the CSV only, so that the table fits a phone's width.
    { label: m.columns.lost, numeric: true, csvOnly: true, value: (r) => r.counts.lost },
    {
      label: m.columns.win_rate,
      numeric: true,
      value: (r) => rate(r.counts),
      text: (r) => f.percent(rate(r.counts)),
      // A rate of a handful of deals: muted, as the funnel's (the sentence above says it is too few).
      tone: (r) => (isSmall(closed(r.counts)) ? 'muted' : undefined),
      digits: 4,
    },
  ];
  return {
    table: table('qualification-win-rate', m.sections.qualification, columns, rows, { empty: NEVER_EMPTY }),
    intro: said.join(' '),
  };
}
