/**
 * --snapshot-weekday: a daily build keeps a dated snapshot on one weekday only, decided by the weekday of
 * its as-of date (in the config's time zone), not by the CI runner's clock, which is UTC: a run at
 * 22:00 UTC on Sunday is Monday morning in Seoul, and its as-of date is that Monday.
 */
import { addDays, ISO_WEEKDAY_NAMES, isoWeekday, type LocalDate } from '../../src/lib/time.ts';
import { UsageError } from './io.ts';
import { msg } from '../../src/lib/i18n/cli-messages.ts';
import type { PublishOptions } from './publish.ts';

/** `--snapshot-weekday daily` (or `*`): a snapshot every day, kept as it is when the day's build runs again. */
export const EVERY_DAY = 0;

/**
 * The option's weekday, 1 (Monday) to 7 (Sunday), EVERY_DAY for `daily` or `*`, or null when not given; a name
 * (`mon`, `Monday`) is taken too.
 */
export function weekdayOption(value: string | true | undefined, with_: { snapshot: boolean; replace: boolean; newHistory: boolean }): number | null {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const named = text.length >= 3 ? ISO_WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(text)) : -1;
  const weekday = /^[1-7]$/u.test(text) ? Number(text) : named >= 0 ? named + 1 : text === 'daily' || text === '*' ? EVERY_DAY : null;
  if (weekday === null) throw new UsageError(msg('weekday_invalid', { value: String(value) }));
  if (!with_.snapshot) throw new UsageError(msg('weekday_without_snapshot'));
  if (with_.replace || with_.newHistory) {
    throw new UsageError(msg('weekday_not_scheduled', { flag: with_.replace ? 'replace' : 'new-history' }));
  }
  return weekday;
}

/** A --snapshot-weekday build's date on another weekday: what the log says (in the build's language) when it adds no snapshot. */
export interface WeekdaySkipped {
  asOf: LocalDate;
  weekday: number;
  wanted: number;
}

/** The options of a build as of `asOf`: --snapshot stands on the chosen weekday only; `skipped` says why not on another. */
export function snapshotOnWeekday(publish: PublishOptions, asOf: LocalDate): { publish: PublishOptions; skipped: WeekdaySkipped | null } {
  // weekdayOption gave a weekday only with --snapshot.
  const wanted = publish.snapshotWeekday;
  if (wanted === null) return { publish, skipped: null };
  const weekday = isoWeekday(asOf);
  if (weekday === wanted || wanted === EVERY_DAY) return { publish, skipped: null };
  return { publish: { ...publish, snapshot: false }, skipped: { asOf, weekday, wanted } };
}

/**
 * On a skipped day, the last chosen weekday before it when the history has no snapshot of it and none later (that
 * day's run failed or did not run): a gap leadership's weekly link finds missing, said while a backfill can fill it.
 * Null when the history is empty (it starts later) or has that date or a later one.
 */
export function missedWeekday(skipped: WeekdaySkipped, snapshots: readonly LocalDate[]): LocalDate | null {
  if (snapshots.length === 0) return null;
  const back = (skipped.weekday - skipped.wanted + 7) % 7;
  const last = addDays(skipped.asOf, -back);
  return snapshots.some((date) => date >= last) ? null : last;
}
