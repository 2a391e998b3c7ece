/**
 * Fuzzing ingest and metrics (issue 7, item 7): small valid folders mutated
 * a few thousand times per run (bytes flipped, inserted, deleted; quotes
 * inserted; delimiters swapped; line ends changed; files re-encoded as
 * UTF-16 with a BOM or given Windows-1252 bytes; numbers and dates replaced
 * by extreme or malformed values), then read with the pure `loadDataset` and
 * computed with `computeMetrics` (no CLI, no files). For every input:
 *
 * - the only exception allowed is IngestFatalError (a refused file);
 * - rows = accepted + rejected for every file;
 * - every non-blank line is accounted for (see `checkLines`: an
 *   approximation, since the dataset does not list each record's lines);
 * - metrics.json passes its zod schema (serializeMetrics checks it) and the
 *   metrics hold only finite numbers (checked before JSON turns them into null);
 * - the same input gives the same metrics.json twice.
 *
 * Runs: FUZZ_RUNS (default 3000 in all, split over the properties); a
 * failure prints fast-check's seed and the shrunk input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/lib/dataset.ts';
import { loadDataset } from '../src/lib/ingest/dataset-builder.ts';
import { decodeBytes } from '../src/lib/ingest/decode.ts';
import { IngestFatalError } from '../src/lib/ingest/issues.ts';
import { computeMetrics } from '../src/lib/metrics/index.ts';
import { type Metrics, metricsSchema } from '../src/lib/metrics/schema.ts';
import { serializeMetrics } from '../src/lib/metrics/serialize.ts';
import { check, type Mutation, mutate, mutation, nonFinite } from './helpers/mutations.ts';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const AS_OF = '2025-06-30';

const DEALS = [
  'deal_id,deal_name,account_id,owner,team,product,amount,currency,created_at,expected_close_at,closed_at,stage,lost_reason,competitor,source,keyman,budget_confirmed,lifecycle_months',
  'D1,Alpha upgrade,A1,Ann,T1,SVC,1000000,KRW,2025-01-10,2025-07-15,,propose,,"Rival, Inc",inbound,Kim,yes,',
  'D2,Beta,A2,Bob,T1,SVC,"2,000,000",KRW,2025-02-01,,2025-05-20,won,,,outbound,,no,36',
  'D3,Gamma,A1,Ann,T2,HW,500000,KRW,2025-03-01T09:00:00+09:00,,2025/06/01,lost,price,,referral,,,',
  'D4,Delta,A3,김영희,T2,HW,,KRW,2025-04-01,2025-09-30,,negotiate,,,,,,',
].join('\n') + '\n';
const HISTORY = ['deal_id,stage,entered_at', 'D1,prospect,2025-01-10', 'D1,propose,2025-03-01', 'D2,prospect,2025-02-01', 'D2,won,2025-05-20', 'D3,prospect,2025-03-01', 'D3,lost,2025-06-01', 'D4,prospect,2025-04-01', 'D4,Negotiation,2025-05-01'].join('\n') + '\n';
const FIELDS = ['deal_id,field,old_value,new_value,changed_at', 'D1,expected_close_at,2025-06-15,2025-07-15,2025-04-01', 'D1,amount,800000,1000000,2025-03-05', 'D4,close_date,2025-08-31,2025-09-30,2025-05-10'].join('\n') + '\n';
const ACCOUNTS = ['account_id,account_name,relationship,budget_cycle_month', 'A1,Acme,friendly,3', 'A2,Beta Corp,neutral,11'].join('\n') + '\n';
const TARGETS = ['period,owner,team,target_amount', '2025-Q3,,,5000000', '2025-07,Ann,,1000000'].join('\n') + '\n';
const CONFIG = JSON.stringify({ currency: 'KRW', stall_days: { propose: 30 }, fx: { USD: 1350 } });

const BASE: Record<string, string> = { 'deals.csv': DEALS, 'stage_history.csv': HISTORY, 'field_history.csv': FIELDS, 'accounts.csv': ACCOUNTS, 'targets.csv': TARGETS };
const CSV_NAMES = Object.keys(BASE);

const enc = new TextEncoder();

const folder = fc.record({
  optional: fc.subarray(['field_history.csv', 'accounts.csv', 'targets.csv', 'pipeline.config.json']),
  mutations: fc.array(fc.tuple(fc.constantFrom(...CSV_NAMES), mutation), { minLength: 1, maxLength: 4 }),
});

function buildFiles(input: { optional: string[]; mutations: [string, Mutation][] }): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of ['deals.csv', 'stage_history.csv', ...input.optional]) files[name] = enc.encode(name === 'pipeline.config.json' ? CONFIG : BASE[name]!);
  for (const [name, m] of input.mutations) if (files[name]) files[name] = mutate(files[name], m);
  return files;
}

/**
 * Lines against records, an approximation (the dataset counts rows, it does
 * not list each record's lines). In the decoded text, a line is blank when
 * every cell is spaces or an empty quoted cell (`""`), split at the delimiter
 * of the first non-blank line chosen as the reader does (the most frequent
 * of , ; tab, comma on a tie): the reader skips such records. Then, with H = 1 header line and N non-blank lines:
 * - rows <= N - H: a record is at least one non-blank line of its own;
 * - rows >= N - H - Q, where Q counts the line ends between the file's
 *   first and last `"`. A line end is inside a record only inside a quoted
 *   cell that is closed (an unclosed or overlong one rejects its first line
 *   and the lines after it are read again), so it lies between two quotes.
 *   Which quotes pair up depends on those re-readings (a quote that opened a
 *   rejected cell may close nothing, and the next one opens a cell), so
 *   toggling "inside quotes" at each `"` from the start is not a bound: a
 *   fuzz run found a file where it was not. Lines of nothing but quotes and
 *   spaces (B) may together be one blank record (`"` then `"`: a quoted cell
 *   holding a line end, which the reader skips as it skips a blank line; a
 *   fuzz run found one), so the bound is rows >= N - H - Q - B. Without any
 *   quote, Q = B = 0 and every non-blank line after the header is exactly
 *   one row: no line is swallowed or glued to another.
 * Issues are not needed here: a rejected record is a row too.
 */
function checkLines(file: string, bytes: Uint8Array, rows: number): void {
  const text = decodeBytes(bytes).text;
  const lines = text.split(/\r\n|\r|\n/u);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const delimiter = [';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  const blank = (l: string) => l.split(delimiter).every((cell) => /^[\s\uFEFF]*("[\s\uFEFF]*")?[\s\uFEFF]*$/u.test(cell));
  const nonBlank = lines.filter((l) => !blank(l)).length;
  const quotesAndSpaces = lines.filter((l) => !blank(l) && l.split(delimiter).every((cell) => /^[\s\uFEFF"]*$/u.test(cell))).length;
  let quotedLineEnds = 0;
  const firstQuote = text.indexOf('"');
  const lastQuote = text.lastIndexOf('"');
  for (let i = firstQuote + 1; firstQuote !== -1 && i < lastQuote; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) quotedLineEnds++;
  }
  const header = nonBlank > 0 ? 1 : 0;
  check(rows <= nonBlank - header, `${file}: ${rows} rows but only ${nonBlank - header} non-blank lines after the header`);
  check(
    rows >= nonBlank - header - quotedLineEnds - quotesAndSpaces,
    `${file}: ${nonBlank - header} non-blank lines after the header, ${quotedLineEnds} line ends between its first and last quote, ${quotesAndSpaces} lines of only quotes and spaces, but only ${rows} rows`,
  );
}

let checked = 0;

function runOnce(files: Record<string, Uint8Array>): { text: string; dataset: Dataset; metrics: Metrics } | { fatal: string } {
  try {
    const { dataset, config } = loadDataset(files);
    const metrics = computeMetrics(dataset, config, AS_OF);
    return { text: serializeMetrics(metrics), dataset, metrics };
  } catch (e) {
    if (e instanceof IngestFatalError) return { fatal: e.message };
    throw e;
  }
}

function property(files: Record<string, Uint8Array>): void {
  const first = runOnce(files);
  const second = runOnce(files);
  if ('fatal' in first) {
    check('fatal' in second && second.fatal === first.fatal, 'a second run gave another result');
    check(first.fatal.trim() !== '', 'a fatal error without a message');
    return;
  }
  check('text' in second && second.text === first.text, 'a second run gave another metrics.json');
  // serializeMetrics has validated the metrics against metricsSchema (it throws otherwise, failing the run);
  // the schema is checked once more on the parsed text every 10th input, where a non-finite number would be null.
  const metrics = JSON.parse(first.text) as unknown;
  if (++checked % 10 === 0) check(metricsSchema.safeParse(metrics).success, 'metrics.json fails its schema');
  const bad = nonFinite(first.metrics);
  check(bad === null, `a non-finite number at ${bad}`);
  for (const [file, stats] of Object.entries(first.dataset.files)) {
    check(stats.rows === stats.accepted + stats.rejected, `${file}: rows ${stats.rows} != accepted ${stats.accepted} + rejected ${stats.rejected}`);
    checkLines(file, files[file]!, stats.rows);
  }
  for (const issue of first.dataset.issues) {
    check(Number.isInteger(issue.line) && issue.line >= 0, `issue line ${issue.line}`);
    check(issue.message.trim() !== '', `an issue without a message: ${issue.file}:${issue.line} ${issue.code}`);
  }
}

describe('fuzz: mutated folders through loadDataset + computeMetrics', () => {
  it('the unmutated folder is clean', () => {
    const files = buildFiles({ optional: ['field_history.csv', 'accounts.csv', 'targets.csv', 'pipeline.config.json'], mutations: [] });
    const out = runOnce(files);
    expect('text' in out).toBe(true);
    if ('text' in out) expect(out.dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
    property(files);
  });

  it('mixed mutations: no crash, no lost line, same result twice', { timeout: 120_000 }, () => {
    fc.assert(fc.property(folder, (input) => property(buildFiles(input))), { numRuns: Math.round(TOTAL_RUNS * 0.7) });
  });

  it('one file re-encoded then mutated (UTF-16, legacy bytes, line ends)', { timeout: 120_000 }, () => {
    const reencoded = fc.record({
      file: fc.constantFrom(...CSV_NAMES),
      first: fc.constantFrom<Mutation>({ kind: 'utf16' }, { kind: 'line_ends', to: '\r' }, { kind: 'line_ends', to: '\r\n' }, { kind: 'delimiter', to: ';' }, { kind: 'delimiter', to: '\t' }),
      then: fc.array(fc.oneof(mutation.filter((m) => m.kind === 'legacy' || m.kind === 'cell' || m.kind === 'quote' || m.kind === 'flip')), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(reencoded, ({ file, first, then }) => {
        const files = buildFiles({ optional: ['field_history.csv', 'accounts.csv', 'targets.csv'], mutations: [] });
        let bytes = mutate(files[file]!, first);
        for (const m of then) bytes = mutate(bytes, m);
        files[file] = bytes;
        property(files);
      }),
      {
        numRuns: Math.round(TOTAL_RUNS * 0.3),
        // Seed -2109618630: two lines of a lone quote, one blank record (see checkLines).
        examples: [
          [
            {
              file: 'stage_history.csv',
              first: { kind: 'delimiter', to: '\t' },
              then: [
                { kind: 'cell', line: 3, cell: 0, value: '"' },
                { kind: 'cell', line: 2, cell: 0, value: '"' },
              ],
            },
          ],
        ],
      },
    );
  });
});
