/** Calendar arithmetic in KST (UTC+9 all year): day numbers, formatting, working hours, close dates. */
import { partsOfDay } from '../../../src/lib/day-numbers.ts';
import { addMonths } from '../../../src/lib/time.ts';
import type { Rng } from './rng.ts';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
const KST = 9 * 3_600_000;

/** KST calendar day number (days since 1970-01-01) of an instant. */
export const kstDay = (ms: number) => Math.floor((ms + KST) / DAY);
/** 00:00 KST of a day number. */
export const dayStart = (day: number) => day * DAY - KST;
export const dateMs = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - KST;

const dateCache = new Map<number, string>();

const parts = { year: 0, month: 0, day: 0 };

/** `YYYY-MM-DD` of a KST day number (cached). */
export function dayString(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    partsOfDay(day, parts);
    const { year: y, month: m, day: d } = parts;
    s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    dateCache.set(day, s);
  }
  return s;
}

export const fmtDate = (ms: number) => dayString(kstDay(ms));

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** `YYYY-MM-DDTHH:mm:00+09:00` (times are whole minutes). */
export function fmtDateTime(ms: number): string {
  const day = kstDay(ms);
  const minutes = Math.floor((ms + KST - day * DAY) / MINUTE);
  return `${dayString(day)}T${TWO[Math.floor(minutes / 60)]}:${TWO[minutes % 60]}:00+09:00`;
}

/** Month number (year * 12 + month - 1) of an instant in KST. */
export const monthIndexOf = (ms: number) => {
  const s = fmtDate(ms);
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
};
export const monthKey = (index: number) => `${Math.floor(index / 12)}-${TWO[(index % 12) + 1]}`;

/** Day of week of a KST day number, 0 = Sunday. */
export const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

/** A working-hours instant on the KST day of `ms` (weekends move to Monday), strictly after `notBefore`. */
export function workTime(rng: Rng, ms: number, notBefore: number): number {
  let day = kstDay(ms);
  const dow = weekday(day);
  if (dow === 6) day += 2;
  else if (dow === 0) day += 1;
  let t = dayStart(day) + (9 * 60 + rng.int(0, 569)) * MINUTE;
  if (t <= notBefore) t = notBefore + rng.int(20, 240) * MINUTE;
  return t;
}

/** A close date (00:00 KST) near `ms`: 40% snapped to the month's last day, the rest a working day. */
export function closeDate(rng: Rng, ms: number): number {
  let day = kstDay(ms);
  if (rng.chance(0.4)) {
    const s = dayString(day);
    const end = addMonths(`${s.slice(0, 7)}-01`, 1);
    day = kstDay(dateMs(end)) - 1;
  }
  const dow = weekday(day);
  if (dow === 6) day -= 1;
  else if (dow === 0) day -= 2;
  return dayStart(day);
}
