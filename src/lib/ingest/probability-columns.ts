/**
 * A deals.csv column of each deal's own win probability, or of its weighted amount (`Probability (%)`, Salesforce's
 * and HubSpot's deal fields, `Expected Revenue`, `수주 확률`): not read, since input.md weights each open deal by
 * its stage's probability (pipeline.config.json). A reader of the weighted pipeline would otherwise take it for
 * the CRM's, made of the reps' own probabilities. Said once per such column, on the header.
 */
import { looseName } from './header-spelling.ts';
import type { IssueLog } from './issues.ts';
import type { Table } from './table.ts';
import { columnsNotRead } from './table-header.ts';
import { quoteValue } from './values.ts';

// Loose names (header-spelling.ts): lower case, no spaces, underscores, hyphens or dots.
const PROBABILITY = /^(?:deal|opportunity|win|close|closing|success)?probability(?:%|percent|\(%\))?$|^(?:수주|성공|예상|딜)?확률(?:\(%\))?$/u;
const WEIGHTED = /^(?:weighted(?:amount|value|pipeline|revenue)|expectedrevenue|expectedamount|가중(?:금액|파이프라인)|예상매출)$/u;

export function warnProbabilityColumns(table: Table, issues: IssueLog): void {
  for (const i of columnsNotRead(table)) {
    const header = table.headers[i]!;
    const loose = looseName(header.normalize('NFKC'));
    const what = PROBABILITY.test(loose) ? 'probability' : WEIGHTED.test(loose) ? 'weighted amount' : null;
    if (what === null) continue;
    issues.warning(
      table.file,
      table.headerLine,
      header,
      'probability_not_read',
      `column ${quoteValue(header)} is not read: the weighted pipeline weights each open deal by its stage's probability in pipeline.config.json ("stages"), not by a deal's own ${what}`,
    );
  }
}
