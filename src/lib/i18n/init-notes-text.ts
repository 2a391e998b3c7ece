/**
 * `npm run init`'s `#` notes (why each guess of the suggested config was
 * made) in the user's language. The guesses write each note in English
 * (ingest/vendor/suggest-config.ts, suggest-formats.ts, suggest-money.ts, suggest-stages.ts,
 * and scripts/init.ts for the files it did not read); for Korean, a rule per
 * note template reads its parameters (values, stage names, counts, files)
 * back and says the same in Korean, as fatal-text.ts does for the problems
 * that stop a run. INIT_NOTE_RULES is the one list of every template: a note
 * no rule knows keeps its English (tests/unit/i18n/init-notes-text.test.ts
 * fails for it). Quoted values, config keys, ids and commands stay as written.
 */
import { issueMessage } from './issue-text.ts';
import { object, re, type Rule, sayWith, topic } from './issue-rules.ts';
import { josa } from './josa.ts';
import type { Locale } from './locales.ts';
import { Q, STAGE_NOTE_RULES } from './init-notes-stages.ts';
import { createNumberFormats } from '../format/numbers.ts';

/** The adapters' names (registry.ts), as the first note says what the folder was read as. */
const ADAPTER_NAMES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'HubSpot deals export': 'HubSpot 딜 내보내기',
  'Pipedrive deals export': 'Pipedrive 딜 내보내기',
  'Salesforce reports': 'Salesforce 보고서',
  'Salesforce Data Loader exports': 'Salesforce Data Loader 내보내기',
});

/** `USD (1 row), GBP (2 rows)` (suggest-money.ts), in Korean: `USD(1개 행), GBP(2개 행)`. */
const koRows = (list: string) => list.replace(/ \((\d+) rows?\)/gu, '($1개 행)');
/** The UTC offsets seen, `+09:00 (3), -05:00 (1)`: `+09:00(3개), -05:00(1개)`. */
const koOffsets = (list: string) => list.replace(/ \((\d+)\)/gu, '($1개)');

const WITHOUT_OFFSET = '오프셋이 없는 날짜와 시각은 이 시간대로 읽고, 하루는 이 시간대의 자정에 시작합니다';
const IF_ZONE_DIFFERS = "correct it if your CRM's time zone differs";

/** What the folder was read as (suggest-config.ts `readSource`), and the last note. */
const SOURCE_RULES: Rule[] = [
  [
    re(`read as: canonical folder \\(deals\\.csv, stage_history\\.csv\\)(?:, --pipeline (?<p>${Q}))?`),
    (g) => `표준 파일 폴더로 읽었습니다(deals.csv, stage_history.csv${g.p ? `, --pipeline ${g.p}` : ''})`,
  ],
  [
    re(`read as: (?<name>.+?) \\(--format (?<f>[\\w-]+)\\): (?<files>.+?)(?:; (?<beside>.+?) read as in a canonical folder \\(docs/input\\.md\\))?(?:; not read by it: (?<skipped>.+))?`),
    (g) => {
      const name = ADAPTER_NAMES[g.name!];
      if (name === undefined) return null;
      const beside = g.beside ? `. ${g.beside}: 표준 파일 폴더에서처럼 읽었습니다(docs/input.md)` : '';
      const skipped = g.skipped ? `. 이 형식으로 읽지 않은 파일: ${g.skipped.replace(/ and (\d+) more$/u, ' 외 $1개')}` : '';
      return `${josa(name, '으로/로')} 읽었습니다(--format ${g.f}): ${g.files}${beside}${skipped}`;
    },
  ],
  [
    re(`review every line above, then run: (?<cmd>npm run metrics -- --data .+)`),
    (g) => `위의 줄을 모두 검토한 뒤 실행하세요: ${g.cmd}`,
  ],
];

/** suggest-formats.ts and suggest-money.ts: the currency, time zone, locale, date order and decimal mark. */
const FORMAT_RULES: Rule[] = [
  [
    re(`currency (?<v>${Q}) \\(the default\\): the exports name no currency \\(no currency column, code or symbol in the amounts\\); set yours`),
    (g) => `currency ${g.v}(기본값): 내보내기 파일에 통화가 없습니다(통화 열도, 금액 안의 통화 코드나 기호도 없습니다). 사용하는 통화로 지정하세요`,
  ],
  [re(`currency (?<v>${Q}): (?<n>\\d+) deal rows? (?:carries|carry) its code`), (g) => `currency ${g.v}: 딜 ${g.n}개 행에 이 통화 코드가 있습니다`],
  [
    re(`currency (?<v>${Q}): (?<n>\\d+) deal rows? (?:shows|show) the symbol (?<s>${Q})(?<several>, which several currencies use: check it)?`),
    (g) => `currency ${g.v}: 딜 ${g.n}개 행의 금액에 ${g.s} 기호가 있습니다${g.several ? '. 여러 통화가 쓰는 기호이니 확인하세요' : ''}`,
  ],
  [
    re(
      `other currencies: (?<list>.+)\\. "fx" is left out because a placeholder rate would be invalid and a made-up one wrong: add "fx": \\{ (?<fill>.+) \\} with real rates, or those rows are rejected \\(missing_fx_rate\\)`,
    ),
    (g) =>
      `다른 통화: ${koRows(g.list!)}. 자리표시용 환율은 설정 오류가 되고, 임의로 정한 환율은 금액을 틀리게 하므로 "fx"는 넣지 않았습니다. ` +
      `실제 환율로 "fx": { ${g.fill!.replace(/<rate of 1 ([A-Z]{3}) in ([A-Z]{3})>/gu, '<1 $1당 $2>')} }를 추가하세요. 그러지 않으면 그 행들은 제외됩니다(missing_fx_rate)`,
  ],
  [
    re(`some amounts show symbols of other currencies than (?<v>[A-Z]{3}): (?<list>.+); without a currency column those rows are rejected \\(currency_mismatch\\): export the currency column with the deals`),
    (g) => `일부 금액에 ${josa(g.v!, '이/가')} 아닌 통화의 기호가 있습니다: ${koRows(g.list!).replace(/\? \(/gu, '?(')}. 통화 열이 없으면 그 행들은 제외됩니다(currency_mismatch). 딜과 함께 통화 열을 내보내세요`,
  ],
  [
    re(`some amounts show other currency symbols: (?<list>.+); without a currency column they are read as (?<v>[A-Z]{3}): check them`),
    (g) => `일부 금액에 다른 통화 기호가 있습니다: ${koRows(g.list!).replace(/\? \(/gu, '?(')}. 통화 열이 없으면 ${josa(g.v!, '으로/로')} 읽으니 확인하세요`,
  ],
  [
    re(`timezone (?<v>${Q}) is a guess: times are written with 오전/오후 \\(such as (?<ex>${Q})\\) and carry no UTC offset; ${IF_ZONE_DIFFERS}`),
    (g) => `timezone ${g.v}: 추정값입니다. 시각이 오전/오후로 적혀 있고(예: ${g.ex}) UTC 오프셋이 없습니다. CRM의 시간대가 다르면 고치세요`,
  ],
  [
    re(
      `timezone (?<v>${Q}) is a guess: no timestamp carries a UTC offset and most stage or deal names are in Korean; ${IF_ZONE_DIFFERS} \\(dates and times without offset are read in it, and days start at its midnight\\)`,
    ),
    (g) => `timezone ${g.v}: 추정값입니다. UTC 오프셋이 있는 시각이 없고, 단계 이름이나 딜 이름이 대부분 한국어입니다. CRM의 시간대가 다르면 고치세요(${WITHOUT_OFFSET})`,
  ],
  [
    re(`timezone (?<v>${Q}) \\(the default\\): no timestamp carries a UTC offset\\. Set your CRM's time zone \\(dates and times without offset are read in it, and days start at its midnight\\)`),
    (g) => `timezone ${g.v}(기본값): UTC 오프셋이 있는 시각이 없습니다. CRM의 시간대로 지정하세요(${WITHOUT_OFFSET})`,
  ],
  [
    re(`timezone (?<v>${Q}): timestamps are written in UTC, which says nothing of where you sell: set your own zone so days start at your midnight`),
    (g) => `timezone ${g.v}: 시각이 UTC로 적혀 있어 어느 지역에서 영업하는지 알 수 없습니다. 하루가 현지 자정에 시작하도록 사용하는 시간대로 지정하세요`,
  ],
  [
    re(`timezone (?<v>${Q}) is a guess from the UTC offsets (?<list>.+): other zones share them; correct it if yours differs`),
    (g) => `timezone ${g.v}: UTC 오프셋 ${koOffsets(g.list!)}에서 추정한 값입니다. 같은 오프셋을 쓰는 시간대가 더 있으니, 사용하는 시간대와 다르면 고치세요`,
  ],
  [
    re(`timezone left at (?<v>${Q}): timestamps carry the offsets (?<list>.+), which match no zone this guess knows; set yours`),
    (g) => `timezone을 ${g.v}로 두었습니다: 시각의 오프셋 ${koOffsets(g.list!)}에 맞는 시간대를 추정할 수 없습니다. 사용하는 시간대로 지정하세요`,
  ],
  [
    re(
      `timezone (?<v>${Q}): timestamps carry the offset (?<o>[+-]\\d{2}:\\d{2})(?: \\(the most frequent of (?<list>.+)\\))?; a fixed offset without daylight saving: replace it with your IANA zone \\(e\\.g\\. "Europe/Paris"\\)`,
    ),
    (g) =>
      `timezone ${g.v}: 시각의 오프셋이 ${g.o}입니다${g.list ? `(${koOffsets(g.list)} 중 가장 많음)` : ''}. 일광 절약 시간이 없는 고정 오프셋이므로 사용하는 IANA 시간대(예: "Europe/Paris")로 바꾸세요`,
  ],
  [
    re(`locale "ko": most (?<what>stage|deal) names are in Korean \\(the dashboard opens in Korean\\)`),
    (g) => `locale "ko": ${g.what === 'stage' ? '단계' : '딜'} 이름이 대부분 한국어입니다(대시보드가 한국어로 열립니다)`,
  ],
  [
    re(`locale "en": stage and deal names are not mostly Korean \\(the dashboard opens in English; "ko" for Korean\\)`),
    () => 'locale "en": 단계 이름과 딜 이름이 대부분 한국어가 아닙니다(대시보드가 영어로 열립니다. 한국어로 열려면 "ko")',
  ],
  [
    re(`date_order "YMD": no dates with the year last \\(such as 06/30/2025\\) in the exports`),
    () => 'date_order "YMD": 내보내기 파일에 연도가 끝에 오는 날짜(06/30/2025 등)가 없습니다',
  ],
  [
    re(
      `date_order (?<v>${Q}) is a guess: the dates disagree \\((?<d>\\d+) dates? such as (?<de>${Q}) are day-first, (?<m>\\d+) dates? such as (?<me>${Q}) month-first\\); the other ones will be rejected: check the export`,
    ),
    (g) =>
      `date_order ${g.v}: 추정값입니다. 날짜 형식이 서로 다릅니다(${g.de} 같은 날짜 ${g.d}개는 일이 먼저, ${g.me} 같은 날짜 ${g.m}개는 월이 먼저). 다른 쪽 날짜는 제외되니 내보내기 파일을 확인하세요`,
  ],
  [
    re(`date_order (?<v>"DMY"|"MDY"): dates such as (?<ex>${Q}) have a (?<which>first|second) part above 12, so it is the day`),
    (g) => `date_order ${g.v}: ${g.ex} 같은 날짜는 ${g.which === 'first' ? '첫' : '두'} 번째 부분이 12보다 커서 그 부분이 일입니다`,
  ],
  [
    re(
      `date_order left at "YMD" \\(the default\\): (?<n>\\d+) dates? such as (?<ex>${Q}) put the year last, but no part is above 12, so day-first and month-first read alike\\. Set "date_order" to "MDY" or "DMY" as your CRM writes dates, or those dates are rejected`,
    ),
    (g) =>
      `date_order를 기본값 "YMD"로 두었습니다: ${g.ex} 같은 날짜 ${g.n}개는 연도가 끝에 있지만 12보다 큰 부분이 없어 일이 먼저인지 월이 먼저인지 알 수 없습니다. ` +
      'CRM이 날짜를 쓰는 방식에 맞춰 "date_order"를 "MDY" 또는 "DMY"로 지정하세요. 그러지 않으면 그 날짜들은 제외됩니다',
  ],
  [
    re(
      `decimal ",": (?<n>\\d+) amounts? such as (?<ex>${Q}) (?:has|have) one dot and three digits after it, and no amount shows which mark is the decimal one: the dot is read as a thousands separator, as European exports write amounts \\((?<ex2>${Q}) as (?<as>\\d+)\\)\\. If they are amounts with three decimals, set "decimal" to "\\."`,
    ),
    (g) =>
      `decimal ",": ${g.ex} 같은 금액 ${g.n}개에 점 하나와 그 뒤 세 자리 숫자가 있고, 어느 기호가 소수점인지 보여 주는 금액이 없습니다. ` +
      `유럽의 내보내기처럼 점을 천 단위 구분 기호로 읽었습니다(${topic(g.ex2!)} ${g.as}). 소수점 아래 세 자리 금액이라면 "decimal"을 "."로 지정하세요`,
  ],
  [
    re(`decimal ",": (?<n>\\d+) amounts? such as (?<ex>${Q}) (?:is|are) written with a decimal comma or dots between thousands(?:; (?<o>\\d+) amounts? such as (?<oex>${Q}) read the other way: check them)?`),
    (g) => `decimal ",": ${g.ex} 같은 금액 ${g.n}개가 소수점 쉼표나 천 단위 점으로 적혀 있습니다${g.o ? `. ${g.oex} 같은 금액 ${g.o}개는 반대로 읽히니 확인하세요` : ''}`,
  ],
  [
    re(`decimal "\\.": (?<n>\\d+) amounts? such as (?<ex>${Q}) (?:is|are) written with a decimal point or commas between thousands`),
    (g) => `decimal ".": ${g.ex} 같은 금액 ${g.n}개가 소수점(.)이나 천 단위 쉼표로 적혀 있습니다`,
  ],
  [re(`decimal "\\." \\(the default\\): no amount shows its decimal mark`), () => 'decimal "."(기본값): 소수점 기호를 보여 주는 금액이 없습니다'],
];

/**
 * scripts/init.ts: a file it did not read (a workbook, a ZIP archive, an unreadable entry, a lock or Mac
 * metadata file), `<path>: <why>`: the why as the Data quality page words it (issue-text.ts), for the
 * same message is the metrics' warning there.
 */
function skippedFile(note: string): string | null {
  for (let at = note.indexOf(': '); at !== -1; at = note.indexOf(': ', at + 1)) {
    const message = note.slice(at + 2);
    for (const code of ['not_csv', 'file_not_read', 'sheet_skipped', 'sheet_not_read', 'uncalculated_formulas', 'archive_entries_not_read', 'unknown_export']) {
      const said = issueMessage({ code, message }, 'ko');
      if (said !== message) return `${note.slice(0, at)}: ${said}`;
    }
  }
  return null;
}

/** Every note template of `npm run init`, in Korean: the one list (the stages' are in init-notes-stages.ts). */
export const INIT_NOTE_RULES: readonly Rule[] = [...SOURCE_RULES, ...FORMAT_RULES, ...STAGE_NOTE_RULES, [/^(?<note>.+: .+)$/su, (g) => skippedFile(g.note!)]];

const WARNING = 'WARNING: ';

/** A note in `locale`: English as written, or the Korean of a recognised one (a WARNING stays marked: 경고). */
export function initNote(note: string, locale: Locale): string {
  if (locale === 'en') return note;
  const warning = note.startsWith(WARNING);
  const body = warning ? note.slice(WARNING.length) : note;
  const said = sayWith(INIT_NOTE_RULES, body);
  if (said === null) return note;
  return warning ? `경고: ${said}` : said;
}

/** Whether a note has Korean (tests: every note the fixtures and the guesses write is covered). */
export function hasInitNoteText(note: string): boolean {
  return initNote(note, 'ko') !== note;
}

/** init's own lines around the notes (scripts/init.ts), in each language. */
export interface InitText {
  /** The last `#` line after writing the file; `config`: the data folder's config path when the file is elsewhere. */
  wrote: (p: { out: string; config?: string | undefined }) => string;
  exists: (p: { out: string }) => string;
  /** `--out` names a file of the data folder other than its config. */
  outIsData: (p: { out: string; config: string }) => string;
  /** `--out` names a folder. */
  outIsFolder: (p: { out: string; file: string }) => string;
  /** The folder read with the suggested config (scripts/lib/init-check.ts): every row used. */
  checkedAll: (p: { rows: number }) => string;
  /** Rows the build would leave out, the first of them quoted (cli-text.ts `issuesQuoted`). */
  checkedRejected: (p: { rows: number; rejected: number; detail: string }) => string;
  /** After the line above, when the folder read has warnings, the first of each kind quoted (cli-text.ts `warningsQuoted`). */
  checkedWarnings: (p: { warnings: number; detail: string }) => string;
  /** What would stop `metrics` and the build. */
  checkedStop: (p: { message: string }) => string;
}

const EN_COUNT = createNumberFormats('en').count;
const KO_COUNT = createNumberFormats('ko').count;

const EN: InitText = {
  wrote: (p) => `wrote ${p.out}${p.config === undefined ? '' : `; the build and the metrics read ${p.config}: put it there once reviewed, or give this file as --config ${p.out}`}`,
  exists: (p) => `${p.out} already exists; not overwritten. Review it, or rerun with --force to replace it, or --out - to print the suggestion`,
  outIsData: (p) => `--out ${p.out} is a file of the data folder, not its config; write the suggestion to ${p.config} (the default) or outside the folder`,
  outIsFolder: (p) => `--out ${p.out} is a folder; give the file to write, such as ${p.file}`,
  checkedAll: (p) => `checked: with this config the build and the metrics read all ${EN_COUNT(p.rows)} rows of the folder`,
  checkedRejected: (p) =>
    `checked: with this config the build and the metrics would leave out ${EN_COUNT(p.rejected)} of the folder's ${EN_COUNT(p.rows)} rows (${p.detail}); fix them in the CRM or in the export's settings and export again, or review each on the Data quality page after a build`,
  checkedWarnings: (p) =>
    `checked: ${EN_COUNT(p.warnings)} ${p.warnings === 1 ? 'warning' : 'warnings'} on what was read (${p.detail}); the Data quality page lists them after a build`,
  checkedStop: (p) => `checked: with this config the build and the metrics would stop: ${p.message}`,
};

const KO: InitText = {
  wrote: (p) =>
    `${p.out}에 썼습니다${p.config === undefined ? '' : `. 빌드와 지표 계산은 ${object(p.config)} 읽으니, 검토한 뒤 그곳에 두거나 이 파일을 ${josa(`--config ${p.out}`, '으로/로')} 주세요`}`,
  exists: (p) => `${p.out}: 이미 있어 덮어쓰지 않았습니다. 그 파일을 검토하거나, 바꾸려면 --force를, 제안을 출력만 하려면 --out -를 주고 다시 실행하세요`,
  outIsData: (p) => `--out ${p.out}: 설정 파일이 아니라 데이터 폴더의 파일입니다. 제안은 ${p.config}(기본값)나 폴더 밖에 쓰세요`,
  outIsFolder: (p) => `--out ${p.out}: 폴더입니다. ${p.file}처럼 쓸 파일을 주세요`,
  checkedAll: (p) => `확인: 이 설정으로 빌드와 지표 계산이 폴더의 ${KO_COUNT(p.rows)}행을 모두 읽습니다`,
  checkedRejected: (p) =>
    `확인: 이 설정으로는 빌드와 지표 계산이 폴더의 전체 ${KO_COUNT(p.rows)}행 중 ${KO_COUNT(p.rejected)}행을 제외합니다(${p.detail}). CRM이나 내보내기 설정에서 고쳐 다시 내보내거나, 빌드한 뒤 데이터 품질 페이지에서 하나씩 확인하세요`,
  checkedWarnings: (p) => `확인: 읽은 내용에 경고 ${KO_COUNT(p.warnings)}건(${p.detail}). 빌드한 뒤 데이터 품질 페이지에서 볼 수 있습니다`,
  checkedStop: (p) => `확인: 이 설정으로는 빌드와 지표 계산이 멈춥니다: ${p.message}`,
};

export const INIT_TEXT: Record<Locale, InitText> = { en: EN, ko: KO };
