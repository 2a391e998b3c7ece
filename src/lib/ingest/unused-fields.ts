/**
 * field_history.csv's rows of fields the metrics do not read (input.md: "Other fields are ignored"): accepted,
 * kept out of every figure, and said, so that no row is dropped without a word. A name that reads like a
 * tracked field (`Expected close date`, Pipedrive's label; `Deal value`) gets a warning of its own saying what
 * to write: the slippage metrics are otherwise empty with no hint why; so does a deal's stage, which
 * stage_history.csv holds. The others are one warning for the file.
 */
import type { TrackedField } from '../dataset.ts';
import { quoteValue } from './date-messages.ts';
import { looseName } from './header-spelling.ts';
import type { IssueLog } from './issues.ts';

/** How many other fields the file's one warning names; the rest are counted. */
const NAMED = 5;

// Loose names (lower case, no spaces, underscores, hyphens or dots): a close date's and an amount's other
// spellings in English and Korean. A name the metrics read (`close_date`, `amount`) never gets here.
const CLOSE_LIKE = /clos(?:e|ing)(?:date|day|on)|(?:expected|estimated|projected|planned|target)clos|마감(?:일|날짜|예정)|종료(?:일|예정)|클로징/u;
const AMOUNT_LIKE = /amount|^(?:deal|opportunity)?value$|금액/u;
const STAGE_LIKE = /^(?:deal|opportunity|pipeline)?stage(?:name)?$|^(?:영업)?단계$/u;

/** What a name of another field likely means: a tracked field, the deal's stage, or nothing the metrics read. */
export function meantField(name: string): TrackedField | 'stage' | null {
  const loose = looseName(name.normalize('NFKC'));
  return CLOSE_LIKE.test(loose) ? 'expected_close_at' : AMOUNT_LIKE.test(loose) ? 'amount' : STAGE_LIKE.test(loose) ? 'stage' : null;
}

/** The issue code and what to write, by the tracked field a name likely means (views/pages/file-advice.ts reads the codes). */
const LIKE_TRACKED: Record<TrackedField, { code: string; writeAs: string }> = {
  expected_close_at: { code: 'field_like_expected_close', writeAs: "the deal's expected close date, write it as expected_close_at" },
  amount: { code: 'field_like_amount', writeAs: "the deal's amount, write it as amount" },
};

/** The rows of other fields a reading of field_history.csv accepted, by name as written (trimmed). */
export class UnusedFields {
  private readonly byName = new Map<string, { rows: number; line: number }>();

  see(name: string, line: number): void {
    const key = name.trim();
    const seen = this.byName.get(key);
    if (seen === undefined) this.byName.set(key, { rows: 1, line });
    else {
      seen.rows++;
      if (line < seen.line) seen.line = line;
    }
  }

  /** The warnings, each on the first row of its field (the file's one on the first row of any of them). */
  say(issues: IssueLog, file: string): void {
    const others: { name: string; rows: number; line: number }[] = [];
    for (const [name, { rows, line }] of this.byName) {
      const meant = meantField(name);
      if (meant === null) others.push({ name, rows, line });
      else if (meant === 'stage')
        issues.warning(file, line, 'field', 'stage_in_field_history', `the field ${quoteValue(name)} (${rowCount(rows)}) is not read here: a deal's stages are read from stage_history.csv (deal_id, stage, entered_at), one row per stage entered`);
      else issues.warning(file, line, 'field', LIKE_TRACKED[meant].code, `the field ${quoteValue(name)} (${rowCount(rows)}) is not one the metrics read (amount, expected_close_at or close_date), so its changes are not used: if it holds ${LIKE_TRACKED[meant].writeAs}`);
    }
    if (others.length === 0) return;
    others.sort((a, b) => a.line - b.line);
    const named = others.slice(0, NAMED).map((o) => `${quoteValue(o.name)} (${rowCount(o.rows)})`);
    const rest = others.slice(NAMED);
    if (rest.length > 0) named.push(`${rest.length} more (${rowCount(rest.reduce((sum, o) => sum + o.rows, 0))})`);
    issues.warning(file, others[0]!.line, 'field', 'fields_not_used', `changes of fields the metrics do not read are kept and not used: ${named.join(', ')}; the metrics replay amount and expected_close_at`);
  }
}

const rowCount = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
