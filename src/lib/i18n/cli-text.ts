/**
 * The command line's lines about the data (the quality gate's verdict, the
 * rows a build or `metrics --strict` rejected) in the config's language (or
 * `--lang`). The issues they quote are said by issue-text.ts, as the Data
 * quality page and the summary say them: one translation of each message.
 * Numbers and dates stay as the data and the options write them (a CI log is
 * searched for them).
 */
import type { Issue } from '../dataset.ts';
import { issueMessage } from './issue-text.ts';
import { josa } from './josa.ts';
import { ISO_WEEKDAY_NAMES, isoWeekday } from '../time.ts';
import type { Locale } from './locales.ts';

export interface CliText {
  /** Where an issue is: file, line and column. */
  at: (i: Pick<Issue, 'file' | 'line' | 'column'>) => string;
  strict: (p: { rejected: number; rows: number; detail: string }) => string;
  share: (p: { rejected: number; rows: number; share: string; max: number; limit: string; detail: string }) => string;
  staleNone: (p: { max: number; asOf: string }) => string;
  stale: (p: { max: number; asOf: string; newest: string; age: number }) => string;
  /** A build that went ahead with rejected rows (the gate let it). */
  passedRejected: (p: { rejected: number; rows: number }) => string;
  metricsStrict: (p: { rejected: number; rows: number; detail: string }) => string;
  /** `metrics` without --strict, which wrote its output with rejected rows left out. */
  metricsRejected: (p: { rejected: number; rows: number; detail: string }) => string;
  /** Rows set aside with a warning, not an error (a record in Salesforce's Recycle Bin): nothing to quote. */
  warnedOnly: string;
  /** The warnings of a build or `metrics` run that went ahead (`detail`: the first of each kind quoted); `where`: the Data quality page, or the output's data_quality. */
  warnings: (p: { warnings: number; detail: string; where: 'page' | 'output' }) => string;
  /** The build's lines about its run (times already written, "1.2 s"; paths as given). */
  built: (p: { deals: number; asOf: string; read: string; views: string }) => string;
  reused: (p: { asOf: string; from: string; time: string }) => string;
  wroteData: (p: { path: string }) => string;
  /** `top`: the later date `/` stays on, when the snapshot is older (a backfill). */
  snapshot: (p: { asOf: string; replaced: boolean; count: number; folder: string; top?: string }) => string;
  /** A --snapshot-weekday build on another weekday (weekdays 1 = Monday to 7 = Sunday). */
  weekdaySkipped: (p: { asOf: string; weekday: number; wanted: number }) => string;
  /** A --snapshot-weekday build run again on its weekday: the snapshot the first run added is kept. */
  weekdayKept: (p: { asOf: string; folder: string }) => string;
  /** On a skipped day: the last chosen weekday has no snapshot in the history (snapshot-weekday.ts `missedWeekday`). */
  weekdayMissed: (p: { date: string; folder: string }) => string;
  /** After a build that kept its weekday's snapshot: `/` stays on the later date it showed (as a backfill's does). */
  topKept: (p: { top: string }) => string;
  /** A build without a snapshot of a date before the latest snapshot: `/` now shows that older date. */
  topBehind: (p: { asOf: string; latest: string }) => string;
  /** `how`: the render's time, or that the output was reused or already up to date. */
  pages: (p: { pages: number; mb: string; out: string; how: { astro: string } | 'reused' | 'upToDate'; total: string }) => string;
}

/** The weekdays in Korean, Monday (1, as `date +%u` counts) first. */
const WEEKDAYS_KO = ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'];

const TAIL_EN = 'the output was not replaced (every rejected row is listed in metrics.json data_quality; npm run metrics writes it alone)';
const TAIL_KO = '출력을 교체하지 않았습니다(제외된 행은 모두 metrics.json의 data_quality에 있으며, npm run metrics로 이 파일만 만들 수 있습니다)';

const EN: CliText = {
  at: (i) => `${i.file}${i.line > 0 ? ` line ${i.line}` : ''}${i.column ? ` column "${i.column}"` : ''}`,
  strict: (p) => `--strict: ${p.rejected} of ${p.rows} rows rejected (${p.detail}); ${TAIL_EN}`,
  share: (p) => `--max-rejected ${p.max}: ${p.rejected} of ${p.rows} rows rejected (${p.share}, more than ${p.limit}: ${p.detail}); ${TAIL_EN}`,
  staleNone: (p) => `--max-data-age ${p.max}: the data records no change before the as-of date ${p.asOf}; was the export refreshed? The output was not replaced`,
  stale: (p) => `--max-data-age ${p.max}: the newest change in the data is on ${p.newest}, ${p.age} days before the as-of date ${p.asOf}; was the export refreshed? The output was not replaced`,
  passedRejected: (p) => `${p.rejected} of ${p.rows} rows rejected; the Data quality page lists them (--strict or --max-rejected stops the build instead)`,
  metricsStrict: (p) => `--strict: ${p.rejected} of ${p.rows} rows rejected (${p.detail}); every rejected row is listed in data_quality in the output`,
  metricsRejected: (p) => `${p.rejected} of ${p.rows} rows rejected (${p.detail}); every figure leaves them out and data_quality in the output lists them all (--strict exits with code 3 instead)`,
  warnedOnly: 'each with a warning in data_quality that says why',
  warnings: (p) =>
    `${p.warnings} ${p.warnings === 1 ? 'warning' : 'warnings'} on what was read (${p.detail}); ${p.where === 'page' ? 'the Data quality page lists them' : 'data_quality in the output lists them all'}`,
  built: (p) => `${p.deals} deals as of ${p.asOf}: read ${p.read}, metrics and views ${p.views}`,
  reused: (p) => `as of ${p.asOf}: the output of an earlier build of the same inputs, reused from ${p.from} (${p.time})`,
  wroteData: (p) => `wrote ${p.path} (run "astro dev" to serve it)`,
  snapshot: (p) =>
    `snapshot ${p.asOf} ${p.replaced ? 'replaced' : 'added'} (${p.count} in ${p.folder}/)${p.top === undefined ? '' : `; / stays on the later ${p.top}, rendered from this data again`}`,
  weekdaySkipped: (p) =>
    `no snapshot this time: the as-of date ${p.asOf} is a ${ISO_WEEKDAY_NAMES[p.weekday - 1]}, and --snapshot-weekday ${p.wanted} adds one on ${ISO_WEEKDAY_NAMES[p.wanted - 1]}s`,
  weekdayKept: (p) => `the snapshot of ${p.asOf} is in ${p.folder} already: kept as it is (a run with --snapshot --replace and no --snapshot-weekday rebuilds it)`,
  weekdayMissed: (p) =>
    `${p.folder} has no snapshot of ${p.date}, the last ${ISO_WEEKDAY_NAMES[isoWeekday(p.date) - 1]}, nor a later one: that day's run did not add it (it failed or did not run). ` +
    `Add it with --as-of ${p.date} --snapshot (from that day's export, if you kept it; / stays on the later date)`,
  topKept: (p) => `/ stays on the later ${p.top}, rendered from this data again`,
  topBehind: (p) => `/ shows ${p.asOf}, before the latest snapshot, ${p.latest}: a build of a past date without --snapshot renders it as asked (with --snapshot, / would stay on the latest)`,
  pages: (p) =>
    `${p.pages} ${p.pages === 1 ? 'page' : 'pages'}, ${p.mb} MB in ${p.out}/ (${p.how === 'upToDate' ? 'already up to date' : p.how === 'reused' ? 'reused' : `astro ${p.how.astro}`}, total ${p.total})`,
};

const KO: CliText = {
  at: (i) => `${i.file}${i.line > 0 ? ` ${i.line}행` : ''}${i.column ? ` "${i.column}" 열` : ''}`,
  strict: (p) => `--strict: 전체 ${p.rows}행 중 ${p.rejected}행을 제외했습니다(${p.detail}). ${TAIL_KO}`,
  share: (p) => `--max-rejected ${p.max}: 전체 ${p.rows}행 중 ${p.rejected}행(${p.share})을 제외해 기준 ${p.limit}를 넘었습니다(${p.detail}). ${TAIL_KO}`,
  staleNone: (p) => `--max-data-age ${p.max}: 기준일 ${p.asOf} 이전에 기록된 변경이 데이터에 없습니다. 내보내기가 갱신되었는지 확인하세요. 출력을 교체하지 않았습니다`,
  stale: (p) => `--max-data-age ${p.max}: 데이터에 기록된 가장 최근 변경일(${p.newest})이 기준일 ${p.asOf}보다 ${p.age}일 전입니다. 내보내기가 갱신되었는지 확인하세요. 출력을 교체하지 않았습니다`,
  passedRejected: (p) => `전체 ${p.rows}행 중 ${p.rejected}행을 제외했습니다. 데이터 품질 페이지에서 볼 수 있습니다(--strict나 --max-rejected를 주면 대신 빌드를 멈춥니다)`,
  metricsStrict: (p) => `--strict: 전체 ${p.rows}행 중 ${p.rejected}행을 제외했습니다(${p.detail}). 제외된 행은 모두 출력의 data_quality에 있습니다`,
  metricsRejected: (p) => `전체 ${p.rows}행 중 ${p.rejected}행을 제외했습니다(${p.detail}). 모든 수치는 이 행들을 빼고 계산했으며, 제외된 행은 모두 출력의 data_quality에 있습니다(--strict를 주면 대신 종료 코드 3으로 멈춥니다)`,
  warnedOnly: '행마다 그 이유를 말하는 경고가 data_quality에 있습니다',
  warnings: (p) => `읽은 내용에 경고 ${p.warnings}건(${p.detail}). ${p.where === 'page' ? '데이터 품질 페이지에서 볼 수 있습니다' : '모두 출력의 data_quality에 있습니다'}`,
  built: (p) => `딜 ${p.deals}건, 기준일 ${p.asOf}: 읽기 ${p.read}, 지표·페이지 데이터 ${p.views}`,
  reused: (p) => `기준일 ${p.asOf}: 입력이 같은 이전 빌드의 결과를 ${p.from}에서 가져왔습니다(${p.time})`,
  wroteData: (p) => `${p.path}에 썼습니다("astro dev"로 띄워 볼 수 있습니다)`,
  snapshot: (p) =>
    `스냅숏 ${josa(p.asOf, '을/를')} ${p.replaced ? '교체했습니다' : '추가했습니다'}(${p.folder}/에 ${p.count}개)${p.top === undefined ? '' : `. /는 더 늦은 ${p.top} 기준 그대로이며, 이 데이터로 다시 만들었습니다`}`,
  weekdaySkipped: (p) =>
    `이번에는 스냅숏을 추가하지 않습니다. 기준일 ${josa(p.asOf, '은/는')} ${WEEKDAYS_KO[p.weekday - 1]}이고, ` +
    `--snapshot-weekday ${josa(String(p.wanted), '은/는')} ${WEEKDAYS_KO[p.wanted - 1]}에만 추가합니다`,
  weekdayKept: (p) =>
    `${p.asOf} 스냅숏이 이미 ${p.folder}에 있어 그대로 둡니다(다시 만들려면 --snapshot-weekday 없이 --snapshot --replace로 실행하세요)`,
  weekdayMissed: (p) =>
    `${p.folder}에 지난 ${WEEKDAYS_KO[isoWeekday(p.date) - 1]}인 ${p.date}의 스냅숏도, 그 뒤의 스냅숏도 없습니다. 그날의 실행이 스냅숏을 추가하지 못했습니다(실패했거나 실행되지 않음). ` +
    `--as-of ${p.date} --snapshot으로 추가하세요(그날의 내보내기를 보관했다면 그것으로. /는 더 늦은 날짜에 머뭅니다)`,
  topKept: (p) => `/는 더 늦은 ${p.top} 기준 그대로이며, 이 데이터로 다시 만들었습니다`,
  topBehind: (p) => `/는 최신 스냅숏(${p.latest})보다 이른 ${p.asOf} 기준입니다. --snapshot 없이 지난 날짜로 빌드하면 요청한 대로 그 날짜를 보여 줍니다(--snapshot을 주면 /는 최신 날짜에 머뭅니다)`,
  pages: (p) =>
    `${p.out}/: 페이지 ${p.pages}개, ${p.mb} MB(${p.how === 'upToDate' ? '이미 최신 상태' : p.how === 'reused' ? '이전 결과 재사용' : `astro ${p.how.astro}`}, 전체 ${p.total})`,
};

export const CLI_TEXT: Record<Locale, CliText> = { en: EN, ko: KO };

/** How many rejected rows a line quotes. */
export const QUOTED_ISSUES = 3;

/**
 * The first error (or warning) of each kind (file, code and column), at most QUOTED_ISSUES of them: 192 rows of one
 * currency without a rate are one problem, quoted once, and a second kind further down is not hidden behind its repeats.
 */
export function firstOfEachKind(issues: Iterable<Issue>, severity: Issue['severity'] = 'error'): Issue[] {
  const first: Issue[] = [];
  const kinds = new Set<string>();
  for (const issue of issues) {
    if (issue.severity !== severity) continue;
    const kind = `${issue.file}\u0000${issue.code}\u0000${issue.column}`;
    if (kinds.has(kind)) continue;
    kinds.add(kind);
    first.push(issue);
    if (first.length === QUOTED_ISSUES) break;
  }
  return first;
}

/**
 * The first error of each kind, each where it is and what it is, in `locale`; "..." when more rows were rejected than
 * quoted. Rows an adapter sets aside with a warning (deleted records) have no error to quote: said so, not left as "(; ...)".
 */
export function issuesQuoted(issues: readonly Issue[], rejected: number, locale: Locale): string {
  const first = firstOfEachKind(issues);
  return first.length === 0 ? CLI_TEXT[locale].warnedOnly : quoted(first, rejected, locale);
}

/** How many of `issues` are warnings (the rows read with one, the files and columns said). */
export function warningCount(issues: Iterable<Issue>): number {
  let n = 0;
  for (const issue of issues) if (issue.severity === 'warning') n++;
  return n;
}

/** The first warning of each kind among `issues`, quoted as `issuesQuoted` quotes errors ("..." when `count` is more); null: none. */
export function warningsQuoted(issues: readonly Issue[], count: number, locale: Locale): string | null {
  const first = firstOfEachKind(issues, 'warning');
  return count === 0 || first.length === 0 ? null : quoted(first, count, locale);
}

/** The line on a run's `count` warnings, the first of each kind quoted (null: none). */
export function warningsSaid(issues: readonly Issue[], count: number, where: 'page' | 'output', locale: Locale): string | null {
  const detail = warningsQuoted(issues, count, locale);
  return detail === null ? null : CLI_TEXT[locale].warnings({ warnings: count, detail, where });
}

function quoted(first: readonly Issue[], count: number, locale: Locale): string {
  const said = first.map((i) => `${CLI_TEXT[locale].at(i)}: ${issueMessage(i, locale).split('\n').join(' ')}`);
  return `${said.join('; ')}${count > first.length ? '; ...' : ''}`;
}
