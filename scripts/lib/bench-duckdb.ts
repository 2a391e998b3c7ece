/**
 * The DuckDB side of `npm run bench`: the same reads plus the same core
 * aggregations (pipeline by stage, conversion counts, time-in-stage
 * quantiles, win rate, cycle length) in SQL. Run as its own process so its
 * peak RSS is its own; prints one JSON line.
 *
 *   node scripts/lib/bench-duckdb.ts <data folder> <T as ISO instant> <window days> [typed]
 *
 * By default (issue 8's bar) deals.csv is read as three columns (deal_id, amount, created_at), the
 * only ones these aggregations use: DuckDB then converts nothing else. `typed` reads it as Pipescope
 * does, every column kept and each one Pipescope converts converted too (amounts with separators,
 * dates, timestamps, yes/no, integers), and the integer and amount columns of accounts.csv and
 * targets.csv: the same reading work, for comparison, not for the bar.
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [folder, cutoff, windowDays, mode = 'bar'] = process.argv.slice(2) as [string, string, string, string?];
if (mode !== 'bar' && mode !== 'typed') throw new Error(`bench-duckdb: unknown mode ${mode} (bar or typed)`);
const typed = mode === 'typed';
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const csv = (file: string) => `read_csv('${join(folder, file).replace(/'/g, "''")}', header = true, all_varchar = true)`;
const optional = (file: string, select: string) =>
  existsSync(join(folder, file)) ? `CREATE TABLE "${file.replace('.csv', '')}" AS ${select} ${csv(file)};` : '';
const T = `TIMESTAMPTZ '${cutoff}'`;
const W = `${T} - INTERVAL ${Number(windowDays)} DAY`;
const OPEN = `('prospect','qualify','propose','negotiate')`;
/** An amount as written in the bench data: digits with thousands separators, or plain. */
const amount = (column: string) => `TRY_CAST(replace("${column}", ',', '') AS DOUBLE) AS "${column}"`;
const cast = (column: string, type: string) => `TRY_CAST("${column}" AS ${type}) AS "${column}"`;
const DEALS = typed
  ? [
      'deal_id, deal_name, account_id, account_name, owner, team, product',
      amount('amount'),
      'currency',
      cast('created_at', 'TIMESTAMPTZ'),
      cast('expected_close_at', 'DATE'),
      cast('closed_at', 'TIMESTAMPTZ'),
      'lower(stage) AS stage, lost_reason, win_reason, competitor, source, keyman',
      `lower(budget_confirmed) IN ('y', 'yes', 'true', '1') AS budget_confirmed`,
      'purchase_type',
      cast('installed_at', 'DATE'),
      cast('lifecycle_months', 'INTEGER'),
      amount('cost'),
      'forecast_category',
    ].join(', ')
  : 'deal_id, TRY_CAST(amount AS DOUBLE) AS amount, TRY_CAST(created_at AS TIMESTAMPTZ) AS created_at';
const ACCOUNTS = typed ? 'SELECT * REPLACE (TRY_CAST(budget_cycle_month AS INTEGER) AS budget_cycle_month) FROM' : 'SELECT * FROM';
const TARGETS = typed ? `SELECT * REPLACE (TRY_CAST(replace(target_amount, ',', '') AS DOUBLE) AS target_amount) FROM` : 'SELECT * FROM';

const timings: Record<string, number> = {};
const step = async (name: string, sql: string) => {
  const t = performance.now();
  const reader = await db.runAndReadAll(sql);
  timings[name] = performance.now() - t;
  return reader.getRowObjectsJson();
};

await step(
  'read',
  `CREATE TABLE deals AS SELECT ${DEALS} FROM ${csv('deals.csv')};
   CREATE TABLE history AS SELECT deal_id, stage, TRY_CAST(entered_at AS TIMESTAMPTZ) AS entered_at, row_number() OVER () AS file_order FROM ${csv('stage_history.csv')};
   ${optional('field_history.csv', "SELECT deal_id, field, old_value, new_value, TRY_CAST(changed_at AS TIMESTAMPTZ) AS changed_at FROM")}
   ${optional('accounts.csv', ACCOUNTS)}
   ${optional('targets.csv', TARGETS)}`,
);
await step(
  'model',
  `CREATE TABLE visits AS
     WITH ev AS (SELECT *, lag(stage) OVER (PARTITION BY deal_id ORDER BY entered_at, file_order) AS prev FROM history WHERE entered_at < ${T})
     SELECT deal_id, stage, entered_at AS start,
            lead(entered_at) OVER (PARTITION BY deal_id ORDER BY entered_at, file_order) AS finish,
            row_number() OVER (PARTITION BY deal_id ORDER BY entered_at DESC, file_order DESC) AS from_last
     FROM ev WHERE prev IS NULL OR prev <> stage;
   CREATE TABLE state AS
     SELECT d.deal_id, d.amount, least(d.created_at, f.first_event) AS created, v.stage, v.start AS since
     FROM deals d
     LEFT JOIN (SELECT deal_id, min(entered_at) AS first_event FROM history GROUP BY deal_id) f ON f.deal_id = d.deal_id
     LEFT JOIN visits v ON v.deal_id = d.deal_id AND v.from_last = 1;`,
);
const pipeline = await step(
  'pipeline',
  `SELECT stage, count(*) AS n, sum(coalesce(amount, 0)) AS amount FROM state WHERE stage IN ${OPEN} GROUP BY stage ORDER BY stage`,
);
const conversion = await step(
  'conversion',
  `WITH reach AS (
     SELECT s.deal_id, s.stage = 'won' AS won,
            max(CASE v.stage WHEN 'prospect' THEN 0 WHEN 'qualify' THEN 1 WHEN 'propose' THEN 2 WHEN 'negotiate' THEN 3 WHEN 'won' THEN 4 ELSE 0 END) AS max_reached
     FROM state s JOIN visits v USING (deal_id) WHERE s.created >= ${W} AND s.created < ${T} GROUP BY s.deal_id, s.stage)
   SELECT i, count(*) FILTER (WHERE max_reached >= i) AS reached, count(*) FILTER (WHERE max_reached >= i + 1) AS advanced,
          count(*) FILTER (WHERE max_reached >= i AND won) AS won
   FROM reach, range(4) r(i) GROUP BY i ORDER BY i`,
);
const timeInStage = await step(
  'time_in_stage',
  `SELECT stage, count(*) AS visits, avg(d) AS mean, quantile_cont(d, 0.5) AS median, quantile_cont(d, 0.75) AS p75, quantile_cont(d, 0.9) AS p90
   FROM (SELECT stage, epoch_ms(finish) / 86400000.0 - epoch_ms(start) / 86400000.0 AS d FROM visits WHERE finish >= ${W} AND finish < ${T} AND stage IN ${OPEN})
   GROUP BY stage ORDER BY stage`,
);
const winRate = await step(
  'win_rate_cycle',
  `SELECT stage, count(*) AS n, sum(coalesce(amount, 0)) AS amount,
          avg(epoch_ms(since) / 86400000.0 - epoch_ms(created) / 86400000.0) AS mean_cycle,
          quantile_cont(epoch_ms(since) / 86400000.0 - epoch_ms(created) / 86400000.0, 0.5) AS median_cycle
   FROM state WHERE stage IN ('won', 'lost') AND since >= ${W} GROUP BY stage ORDER BY stage`,
);
const tables = ['deals', 'history', ...['field_history', 'accounts', 'targets'].filter((t) => existsSync(join(folder, `${t}.csv`)))];
const rows = Number((await step('count', `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(' + ')} AS n`))[0]!.n);
process.stdout.write(
  `${JSON.stringify({
    engine: 'duckdb',
    mode,
    ms: performance.now() - started,
    rows,
    max_rss_mb: process.resourceUsage().maxRSS / 1024,
    timings_ms: timings,
    results: { pipeline, conversion, timeInStage, winRate },
  })}\n`,
);
