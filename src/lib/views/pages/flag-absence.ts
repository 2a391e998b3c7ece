/** Which review flags (metrics/stalled.ts) this data and config can raise, and why the others cannot. */
import type { FlagName } from '../../metrics/types.ts';
import { FLAG_NAMES } from '../../metrics/schema.ts';
import type { PageContext } from './context.ts';
import { noExpectedClose } from './forecast-absence.ts';

/**
 * The review flags (metrics/stalled.ts) this data or config can never raise, each with why and how to
 * get it, so that "no warning sign" is not read as a clean bill: no keyman and budget not confirmed
 * without their deals.csv column or with qualification_required_from off, past expected close when no
 * open deal has a date. (`pushed` without tracked close dates: closeDatesNote.) A filtered view has the
 * whole data's columns and config, so it says the same.
 */
export function flagsUncheckedNotes(ctx: PageContext): string[] {
  const { m } = ctx;
  const q = ctx.site.inputs.qualification;
  const out: string[] = [];
  if (q.from === null) {
    out.push(m.absence.qualificationOff({ keyman: m.flags.no_keyman, budget: m.flags.budget_unconfirmed }));
  } else {
    const stage = ctx.stage(q.from);
    if (q.no_keyman === 'no_column') out.push(m.absence.keymanNoColumn({ flag: m.flags.no_keyman, stage }));
    if (q.budget_unconfirmed === 'no_column') out.push(m.absence.budgetNoColumn({ flag: m.flags.budget_unconfirmed, stage }));
  }
  if (noExpectedClose(ctx) !== null) out.push(m.absence.pastCloseUnchecked({ flag: m.flags.past_expected_close }));
  return out;
}

/**
 * The review flags (metrics/stalled.ts) this data and config can raise, in FLAG_NAMES order: the others are
 * named by flagsUncheckedNotes and closeDatesNote, and a list that says no deal shows a warning sign names only
 * these, never one that was not looked for.
 */
export function checkedFlags(ctx: PageContext): FlagName[] {
  const q = ctx.site.inputs.qualification;
  const checked: Record<FlagName, boolean> = {
    past_expected_close: noExpectedClose(ctx) === null,
    no_keyman: q.from !== null && q.no_keyman !== 'no_column',
    budget_unconfirmed: q.from !== null && q.budget_unconfirmed !== 'no_column',
    pushed: ctx.site.metrics.slippage !== null || ctx.filter?.closeDatesTracked === true,
  };
  return FLAG_NAMES.filter((flag) => checked[flag]);
}
