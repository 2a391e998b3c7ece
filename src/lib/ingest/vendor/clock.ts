/** 12-hour clocks of CRM exports (`2:03 PM`, `오후 2:03`) as the canonical parser reads them. */
import { quoteValue } from '../date-messages.ts';
import { type DateOptions, Invalid, parseInstant } from '../values.ts';

const CLOCK_12 = /^(.*\d)\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?\s*[Mm]\.?$/u;
/** `2025. 6. 30. 오후 2:03` (the date's closing dot is dropped); also `2025-06-30 오후 2:03:15`. */
const CLOCK_12_KO = /^(.*\d)\.?\s+(오전|오후)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
/** A date of digits, a comma, then the time: `6/30/2025, 2:03 PM`. */
const DATE_COMMA_TIME = /^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),\s+(\d{1,2}:\d{2}\D?.*)$/u;

/**
 * CRM exports write datetimes in the user's locale, e.g. `6/30/2025 2:03 PM`
 * or (Korean) `2025. 6. 30. 오후 2:03` (Salesforce reports, HubSpot and
 * Pipedrive exports saved by Excel); the canonical parser reads 24-hour
 * times only, so the clock is rewritten (`6/30/2025 14:03`) and the date
 * part is left as written for `date_order`. Salesforce's newer locale
 * formats (ICU) put a comma after the date (`6/30/2025, 2:03 PM`,
 * `30/06/2025, 14:03`): it is dropped.
 */
export function localeDateCell(text: string): string {
  if (text === '') return text;
  const cell = text.includes(',') ? text.replace(DATE_COMMA_TIME, '$1 $2') : text;
  if ((cell.charCodeAt(cell.length - 1) | 32) === 109 /* m */) {
    const m = CLOCK_12.exec(cell);
    return m ? clock24(cell, m[1]!, m[2]!, m[3]!, m[4], m[5] === 'P' || m[5] === 'p') : cell;
  }
  // The Korean locale (ko_KR) marks the half of the day before the time: `2025. 6. 30. 오후 2:03`.
  if (cell.includes('오전') || cell.includes('오후')) {
    const m = CLOCK_12_KO.exec(cell);
    return m ? clock24(cell, m[1]!, m[3]!, m[4]!, m[5], m[2] === '오후') : cell;
  }
  return cell;
}

/** `date` with the 12-hour time as a 24-hour one; the cell unchanged when the hour is not 1-12. */
function clock24(cell: string, date: string, hourText: string, minutes: string, seconds: string | undefined, pm: boolean): string {
  const hour = Number(hourText);
  if (hour < 1 || hour > 12) return cell;
  const h24 = (hour % 12) + (pm ? 12 : 0);
  return `${date} ${String(h24).padStart(2, '0')}:${minutes}${seconds === undefined ? '' : `:${seconds}`}`;
}

/** A UTC offset or `Z` at the end of a datetime. */
const ZONE_END = /(?:[Zz]|[+-]\d{2}:?\d{2})$/u;

/**
 * A Salesforce Data Loader (API) timestamp cell, always GMT: `2025-06-30T14:03:11.000Z`
 * as exported, or as Excel saves such a file again, without its zone (`2025-06-30 14:03`,
 * `2025-06-30 오후 2:03`): the zone is put back (`Z`), so the time is not read in the
 * config's time zone, hours off. A cell without a time, or that does not read, is left
 * for the canonical parser to take or report.
 */
export function gmtTimestampCell(cell: string): string {
  const c = localeDateCell(cell);
  return c.includes(':') && !ZONE_END.test(c) ? `${c}Z` : c;
}

/**
 * `message`, about a cell rewritten for the canonical parser (`rewritten`, from `written` by `localeDateCell` or
 * `gmtTimestampCell`), quoting the cell as the export has it where it quotes the rewritten text: a message names a
 * value the user can find in the file (`"3/3/2025 9:12 AM" is ambiguous`, not `"3/3/2025 09:12"`).
 */
export function quotingAsWritten(message: string, rewritten: string, written: string): string {
  if (rewritten === written) return message;
  const quoted = quoteValue(rewritten);
  // A function, so that a `$` in the cell is not read as a replacement pattern.
  return message.includes(quoted) ? message.replace(quoted, () => quoteValue(written)) : message;
}

/** Whether `rewritten` is what this module makes of the cell `written` (a 12-hour clock, a comma, a GMT zone put back). */
export function isRewrittenCell(rewritten: string, written: string): boolean {
  return rewritten !== written && (localeDateCell(written) === rewritten || gmtTimestampCell(written) === rewritten);
}

/**
 * A locale's datetime cell as the canonical parser reads it (`text`, from `localeDateCell`) and its instant, or an
 * Invalid whose reason quotes the cell as written.
 */
export function readLocaleInstant(written: string, options: DateOptions): { text: string; at: number | Invalid } {
  const text = localeDateCell(written);
  const at = parseInstant(text, options);
  return { text, at: at instanceof Invalid && text !== written ? new Invalid(at.code, quotingAsWritten(at.reason, text, written)) : at };
}
