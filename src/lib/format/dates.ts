/**
 * Local calendar dates (`YYYY-MM-DD`), months (`YYYY-MM`) and target periods
 * (`YYYY-MM` / `YYYY-Qn`) in words. Strings are split, never parsed with
 * `new Date(str)` (which reads them as UTC instants and shifts the day in
 * other zones), and no Intl date formatting is involved, so the output is the
 * same in every runtime:
 *
 *   date       'Jun 30, 2025'  /  '2025. 6. 30.'
 *   dateLong   'Jun 30, 2025'  /  '2025년 6월 30일' (in a sentence: a particle reads after it)
 *   dateShort  'Jun 30'        /  '6월 30일'
 *   month      'Jun 2025'      /  '2025년 6월'
 *   monthShort 'Jun'           /  '6월'
 *   period     'Q2 2025'       /  '2025년 2분기'   (a month period reads as `month`)
 *
 * The spaces inside a Korean date are no-break spaces (U+00A0, `NBSP`): a
 * date never breaks across lines in a narrow table cell or a tile (Korean
 * lines otherwise break at any space, `word-break: keep-all`).
 *
 * Malformed input renders as an em dash.
 */
import type { Locale } from '../i18n/locales.ts';
import { isLocalDate } from '../time.ts';
import { EM_DASH } from './numbers.ts';

/** No-break space: joins the parts of a Korean date so it never wraps. */
export const NBSP = '\u00a0';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface Parts {
  year: number;
  month: number;
  day: number;
}

function dateParts(value: string | null | undefined): Parts | null {
  if (typeof value !== 'string' || !isLocalDate(value)) return null;
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

function monthParts(value: string | null | undefined): { year: number; month: number } | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}$/.test(value)) return null;
  const month = Number(value.slice(5, 7));
  return month >= 1 && month <= 12 ? { year: Number(value.slice(0, 4)), month } : null;
}

export interface DateFormats {
  /** A local date: 'Jun 30, 2025' / '2025. 6. 30.' */
  date(value: string | null | undefined): string;
  /**
   * A local date in a sentence: 'Jun 30, 2025' / '2025년 6월 30일', which a Korean particle follows as it is read
   * ('2025년 6월 30일에'; after '2025. 6. 30.' it reads as written, not as said). Tables, tiles and titles keep `date`.
   */
  dateLong(value: string | null | undefined): string;
  /** A local date without the year: 'Jun 30' / '6월 30일'. */
  dateShort(value: string | null | undefined): string;
  /** A month key: 'Jun 2025' / '2025년 6월'. */
  month(value: string | null | undefined): string;
  /** A month key without the year (chart axes): 'Jun' / '6월'. */
  monthShort(value: string | null | undefined): string;
  /** A targets.csv period: '2025-Q2' -> 'Q2 2025' / '2025년 2분기'; '2025-06' as `month`. */
  period(value: string | null | undefined): string;
}

export function createDateFormats(locale: Locale): DateFormats {
  const ko = locale === 'ko';
  const monthName = (m: number) => (ko ? `${m}월` : EN_MONTHS[m - 1]!);

  const date = (value: string | null | undefined) => {
    const p = dateParts(value);
    if (!p) return EM_DASH;
    return ko ? `${p.year}.${NBSP}${p.month}.${NBSP}${p.day}.` : `${monthName(p.month)} ${p.day}, ${p.year}`;
  };
  const dateLong = (value: string | null | undefined) => {
    const p = dateParts(value);
    if (!p) return EM_DASH;
    return ko ? `${p.year}년${NBSP}${p.month}월${NBSP}${p.day}일` : date(value);
  };
  const dateShort = (value: string | null | undefined) => {
    const p = dateParts(value);
    if (!p) return EM_DASH;
    return ko ? `${p.month}월${NBSP}${p.day}일` : `${monthName(p.month)} ${p.day}`;
  };
  const month = (value: string | null | undefined) => {
    const p = monthParts(value);
    if (!p) return EM_DASH;
    return ko ? `${p.year}년${NBSP}${p.month}월` : `${monthName(p.month)} ${p.year}`;
  };
  const monthShort = (value: string | null | undefined) => {
    const p = monthParts(value);
    return p ? monthName(p.month) : EM_DASH;
  };
  const period = (value: string | null | undefined) => {
    const q = typeof value === 'string' ? /^(\d{4})-Q([1-4])$/.exec(value) : null;
    if (q) return ko ? `${q[1]}년${NBSP}${q[2]}분기` : `Q${q[2]} ${q[1]}`;
    return month(value);
  };

  return { date, dateLong, dateShort, month, monthShort, period };
}
