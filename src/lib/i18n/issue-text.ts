/**
 * Data-quality messages in the page's language. Ingest writes each issue's
 * message in English with a stable `code`; for Korean, a rule per code reads
 * the message's parameters (column, value, line, ...) back and says the same
 * in Korean. A code without a rule, or wording no rule recognises (a new
 * message), keeps its English message: never a wrong sentence.
 */
import { COL, koLines, LINES, mergeRules, object, re, type Rules, sayWith, subject, THOUSANDS_DOUBT_EN, thousandsDoubtKo, topic, V } from './issue-rules.ts';
import { FILE_RULES } from './issue-text-files.ts';
import { CONTAINER_RULES } from './issue-text-containers.ts';
import { FORMAT_KINDS } from './export-kinds.ts';
import { josa } from './josa.ts';
import { VENDOR_RULES } from './issue-text-vendor.ts';
import { CONFIG_RULES } from './issue-text-config.ts';
import type { Locale } from './locales.ts';

/** `word` with 은/는 as it reads: a quoted value's escaped characters that print as nothing (`\u200b`) left out of the choice. */
function shownTopic(word: string): string {
  const read = word.replace(/(?:\\u[0-9a-f]{4})+(?="$)/u, '');
  return `${word}${topic(read).slice(read.length)}`;
}

/** How a repeated header differs from the first (`reordered_header`), in Korean. */
const HOW_KO: Record<string, string> = { 'with its columns in another order': '열 순서를 바꾸어', 'with other columns': '다른 열을 더해', 'without some of its columns': '일부 열을 빼고' };

/** What unused-fields.ts says of a name like a tracked field's, up to the field it may hold. */
const LIKE_TRACKED_EN = String.raw`is not one the metrics read \(amount, expected_close_at or close_date\), so its changes are not used: if it holds the deal's `;
const likeTrackedKo = (g: Record<string, string>, holds: string, writeAs: string) =>
  `필드 ${shownTopic(g.v!)} 지표가 읽는 필드(amount, expected_close_at, close_date)가 아니어서 그 변경 ${g.n}행을 쓰지 않습니다. 딜의 ${holds}이라면 ${writeAs} 적으세요`;

/** unused-fields.ts' list of fields (`"owner" (10 rows), "x" (1 row), 3 more (7 rows)`), in Korean. */
const unusedFieldsKo = (list: string) => list.replace(/ \((\d+) rows?\)/gu, '($1행)').replace(/(?<=^|, )(\d+) more(?=\()/u, '그 밖의 필드 $1개');

/** The fields of an issue the translation reads. */
export interface IssueText {
  code: string;
  message: string;
}

/** The kinds of vendor file named in `unknown_export` messages (vendor adapters' `signatures`). */
const EXPORT_KINDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'a HubSpot deals export': 'HubSpot 딜 내보내기',
  'a Pipedrive deals export': 'Pipedrive 딜 내보내기',
  'a Salesforce Opportunity History report': 'Salesforce Opportunity History 보고서',
  'a Salesforce Opportunities report': 'Salesforce Opportunities 보고서',
});

/** Whose currency an amount is compared with (`checkCurrency`'s `whose`). */
const WHOSE_CURRENCY: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "the deal's currency": '딜의 통화',
  'the config currency': '설정 통화',
});

/** The currencies a sign names (ingest/currency-check.ts `SIGNS`). */
const SIGN_NAMES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  KRW: 'KRW',
  EUR: 'EUR',
  'GBP and other pounds': 'GBP 등 파운드',
  'USD and other dollars and pesos': 'USD 등 달러·페소',
  'JPY or CNY': 'JPY·CNY',
  JPY: 'JPY',
});

/** A JSON-quoted text (a column name as written): its inner quotes and backslashes escaped. */
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';

/** '"Record ID" read as account_id and "Company name" as account_name' → '"Record ID" 열을 account_id로, "Company name" 열을 account_name으로'. */
const readAsKo = (list: string) =>
  [...list.matchAll(new RegExp(`(${QUOTED})(?: read)? as (\\w+)`, 'gu'))].map((m) => `${m[1]} 열을 ${josa(m[2]!, '으로/로')}`).join(', ');

/** The formats a date or time may take, as dates.ts lists them ('A, B or C'): 'A, B 또는 C'. */
const formats = (list: string) => list.replace(/ or /gu, ' 또는 ');

/** deals.ts's hint on an id Excel rounded (`1.59385E+11`). */
const ROUNDED_EN = 'the id is a rounded number, as Excel writes long numeric ids, so ids that differed in the lost digits look the same: export the file again without opening it in Excel';
const ROUNDED_KO = '이 ID는 Excel이 긴 숫자 ID를 쓰는 방식대로 반올림된 숫자여서, 잘린 자릿수만 달랐던 ID들이 같아 보입니다. 파일을 Excel에서 열지 말고 CRM에서 다시 내보내세요';

/** The canonical files' rows and values (ingest/schema.ts, values.ts, dates.ts) and the folder's files. */
/** cell-hints.ts's words on full-width digits, as the rules match them, and in Korean. */
const FULL_WIDTH_CAUSE = 'its digits are full-width, as an input method types them in its full-width mode';
const FULL_WIDTH_FIX = "Excel's ASC function makes them half-width";
const FULL_WIDTH_KO = (half: string) => `전각 입력 모드로 입력한 전각 숫자입니다. ${half}처럼 반각으로 적으세요. Excel에서는 ASC 함수로 반각으로 바꿀 수 있습니다`;

/** How date-messages.ts says a date was written out in words, in Korean. */
const WRITTEN_OUT_KO = (g: Record<string, string>) =>
  g.how === 'written in Korean' ? '한국어로 쓴 날짜로 보입니다' : g.era ? `일본 연호로 쓴 날짜로 보입니다(${g.era}년은 ${g.year}년)` : '일본어나 중국어로 쓴 날짜로 보입니다';

/** date-messages.ts's names of the spaces that are not plain ones, in Korean. */
const SPACE_NAMES_KO = new Map([
  ['a tab', '탭'],
  ['a no-break space', '줄바꿈 없는 공백'],
  ['a narrow no-break space', '좁은 줄바꿈 없는 공백'],
  ['a full-width space', '전각 공백'],
  ['a space character', '특수 공백'],
]);

const ROW_RULES: Rules = {
  totals_row: [
    [
      re(`a totals row \\((?<word>"[^"]*") in (?<col>[^,]+?)(?:, (?<rest>.+))?\\), not a deal: rejected; leave totals out of (?<file>\\S+) \\(a sum added in a spreadsheet is not a row\\)`),
      (g) =>
        `합계 행입니다(${g.col} 열의 ${g.word}${g.rest === undefined ? '' : `, ${g.rest.replace(/, (\d+) more$/u, ' 외 $1개')}`}). 딜이 아니어서 거부했습니다. ${g.file}에는 합계 행을 넣지 마세요(스프레드시트에서 더한 합계는 행이 아닙니다)`,
    ],
  ],
  missing_value: [[re(`${COL} is required but empty`), (g) => `${g.col} 값이 비어 있습니다(필수 항목)`]],
  invalid_date: [
    [
      re(
        `${COL} ${V} is ambiguous \\(month or day first\\?\\); the file's other dates are written (?<o>day|month) first \\(line (?<line>\\d+): (?<ex>"(?:[^"\\\\]|\\\\.)*")\\): set "date_order" to "(?<order>DMY|MDY)" in pipeline.config.json`,
      ),
      (g) =>
        `${g.col} ${topic(g.v!)} 월과 일 중 어느 쪽이 먼저인지 알 수 없지만, 이 파일의 다른 날짜는 ${g.o === 'day' ? '일' : '월'}이 먼저 옵니다(${g.line}행 ${g.ex}). pipeline.config.json의 "date_order"를 "${g.order}"로 지정하세요`,
    ],
    [
      re(`${COL} ${V} is ambiguous \\(month or day first\\?\\); set "date_order" to "MDY" or "DMY" in pipeline.config.json`),
      (g) => `${g.col} ${topic(g.v!)} 월과 일 중 어느 쪽이 먼저인지 알 수 없습니다. pipeline.config.json의 "date_order"를 "MDY" 또는 "DMY"로 지정하세요`,
    ],
    [
      re(`${COL} ${V} is written (?<o>day|month) first \\((?<f>[DMY./-]+)\\); set "date_order" to "(?<order>DMY|MDY)" in pipeline.config.json`),
      (g) => `${g.col} ${topic(g.v!)} ${g.o === 'day' ? '일' : '월'}이 먼저 오는 형식(${g.f})입니다. pipeline.config.json의 "date_order"를 "${g.order}"로 지정하세요`,
    ],
    [re(`${COL} ${V} has year (?<n>-?\\d+), outside (?<min>\\d+)-(?<max>\\d+) \\(.*\\)`), (g) => `${g.col} ${g.v}: 연도 ${g.n}년은 허용 범위(${g.min}~${g.max}년)를 벗어납니다`],
    [re(`${COL} ${V} has month (?<n>\\d+), not 1-12`), (g) => `${g.col} ${g.v}: ${g.n}월은 없습니다(1~12월)`],
    [re(`${COL} ${V} has day (?<n>\\d+), which (?<ym>\\d{4}-\\d{2}) does not have`), (g) => `${g.col} ${g.v}: ${g.ym!.slice(0, 4)}년 ${Number(g.ym!.slice(5))}월에는 ${g.n}일이 없습니다`],
    // The hints dates.ts adds go first: the plain wordings' `(?<f>.+)` would swallow them.
    [
      re(`${COL} ${V} has an unreadable time \\(expected (?<f>[^)]+)\\); write times on the 24-hour clock \\(오후 2:05 or 2:05 PM as 14:05\\)`),
      (g) => `${g.col} ${g.v}: 시간을 읽을 수 없습니다(형식: ${formats(g.f!)}). 시간은 24시간제로 적으세요(오후 2:05나 2:05 PM은 14:05)`,
    ],
    [
      re(`${COL} ${V} has an unreadable time \\(expected (?<f>[^)]+)\\); write the time zone right after the time, without a space, and UTC as Z: (?<w>.+)`),
      (g) => `${g.col} ${g.v}: 시간을 읽을 수 없습니다(형식: ${formats(g.f!)}). 시간대는 시각 바로 뒤에 띄우지 않고 적고, UTC는 Z로 적으세요: ${g.w}`,
    ],
    [re(`${COL} ${V} has an unreadable time \\(expected (?<f>.+)\\)`), (g) => `${g.col} ${g.v}: 시간을 읽을 수 없습니다(형식: ${formats(g.f!)})`],
    [re(`${COL} ${V} has hour (?<n>\\d+), not 0-23`), (g) => `${g.col} ${g.v}: ${g.n}시는 없습니다(0~23시)`],
    [re(`${COL} ${V} has minute (?<n>\\d+), not 0-59`), (g) => `${g.col} ${g.v}: ${g.n}분은 없습니다(0~59분)`],
    [re(`${COL} ${V} has second (?<n>\\d+), not 0-59`), (g) => `${g.col} ${g.v}: ${g.n}초는 없습니다(0~59초)`],
    [re(`${COL} ${V} has an invalid time zone offset`), (g) => `${g.col} ${g.v}: 시간대 오프셋이 올바르지 않습니다`],
    [
      re(
        `${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); it looks like a date Excel saved as its serial number \\((?<n>\\d+) would be (?<d>[\\d-]+)\\): format the column as a date \\(yyyy-mm-dd\\) before saving the CSV`,
      ),
      (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). Excel이 날짜를 일련번호로 저장한 것으로 보입니다(${g.n} → ${g.d}). CSV로 저장하기 전에 열 서식을 날짜(yyyy-mm-dd)로 지정하세요`,
    ],
    [
      re(
        `${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); it looks like a date (?<how>written in Korean|written in Japanese or Chinese|in a Japanese era year \\((?<era>\\S+) is (?<year>\\d{4})\\)): write it as (?<iso>[\\d-]+) \\(a time after it on the 24-hour clock, as [\\d-]+ 14:05\\); in Excel, format the column as yyyy-mm-dd before saving the CSV`,
      ),
      (g) =>
        `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). ${WRITTEN_OUT_KO(g)}. ${g.iso}처럼 적고, 시각은 24시간제로 ${g.iso} 14:05처럼 덧붙이세요. Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요`,
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); it looks like a date with its weekday: write it as (?<iso>[\\d-]+); in Excel, format the column as yyyy-mm-dd before saving the CSV`),
      (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). 요일이 붙은 날짜로 보입니다. ${g.iso}처럼 적고, Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요`,
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); it looks like a date with its month's name: write it as (?<iso>[\\d-]+); in Excel, format the column as yyyy-mm-dd before saving the CSV`),
      (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). 월을 영어 이름으로 쓴 날짜로 보입니다. ${g.iso}처럼 적고, Excel에서는 CSV로 저장하기 전에 열 서식을 yyyy-mm-dd로 지정하세요`,
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); its year has two digits, which is not read: write the year in full, first \\(YYYY-MM-DD\\)`),
      (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). 연도가 두 자리여서 읽지 않습니다. 연도를 네 자리로 맨 앞에 적으세요(YYYY-MM-DD)`,
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); its year has two digits, which is not read: write the year in full, as (?<w>[\\d:\\- ]+) \\((?<o>month|day) first, as "date_order" says, and (?<yy>\\d{2}) as (?<year>\\d{4})\\)`),
      (g) =>
        `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). 연도가 두 자리여서 읽지 않습니다. 연도를 네 자리로 ${g.w}처럼 적으세요("date_order"대로 ${g.o === 'month' ? '월' : '일'}을 먼저, ${g.yy}년을 ${g.year}년으로 읽은 날짜)`,
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); its space is (?<name>[a-z -]+) \\(U\\+(?<hex>[0-9A-F]{4})\\), not a plain space: write it as (?<w>.+)`),
      (g) => {
        const name = SPACE_NAMES_KO.get(g.name!);
        return name ? `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). 공백이 일반 공백이 아니라 ${name}(U+${g.hex})입니다. ${g.w}처럼 일반 공백으로 적으세요` : null;
      },
    ],
    [
      re(`${COL} ${V} is not a date \\(expected (?<f>[^)]+)\\); ${FULL_WIDTH_CAUSE}: write it as (?<half>[\\d./:TZ +-]+); ${FULL_WIDTH_FIX}`),
      (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)}). ${FULL_WIDTH_KO(g.half!)}`,
    ],
    [re(`${COL} ${V} is not a date \\(expected (?<f>.+)\\)`), (g) => `${g.col} ${topic(g.v!)} 날짜가 아닙니다(형식: ${formats(g.f!)})`],
  ],
  invalid_number: [
    [re(`${COL} ${V} names two currencies`), (g) => `${g.col} ${g.v}에 통화가 두 개 적혀 있습니다`],
    [re(`${COL} ${V} has more than one currency symbol (?<side>before|after) the number`), (g) => `${g.col} ${g.v}에 통화 기호가 숫자 ${g.side === 'before' ? '앞' : '뒤'}에 두 개 이상 있습니다`],
    [re(`${COL} ${V} is written in cents; write the amount in whole units \\(50¢ as 0\\.50\\)`), (g) => `${g.col} ${topic(g.v!)} 센트 단위로 적혀 있습니다. 금액을 기본 단위로 적으세요(50¢는 0.50)`],
    [
      re(`${COL} ${V} is not a number \\(for a decimal comma set "decimal": "," in pipeline.config.json\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(소수점으로 쉼표를 쓴다면 pipeline.config.json에 "decimal": ","를 지정하세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\((?<units>Korean number units such as 만 and 억|Japanese and Chinese number units such as 万 and 億) are not read: write the amount in full(?:, as (?<full>\\d+))?\\)`),
      (g) =>
        `${g.col} ${topic(g.v!)} 숫자가 아닙니다(${g.units!.startsWith('Korean') ? '만·억 같은 단위는' : '万·億 같은 일본·중국식 단위는'} 읽지 않습니다. 금액을 ${g.full ? `${g.full}처럼 ` : ''}단위 없이 모두 적으세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\(a "\\+" before the number is not read: write the amount without it, as (?<w>.+); a number with its sign is often a change, not an amount: check the column\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(숫자 앞의 "+"는 읽지 않습니다. ${g.w}처럼 부호 없이 적으세요. 부호가 붙은 수는 금액이 아니라 증감일 때가 많으니 열을 확인하세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\(Excel's accounting number format shows 0 as "-": give the column a number format before saving it as CSV, or write 0\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(Excel의 회계 표시 형식은 0을 "-"로 표시합니다. CSV로 저장하기 전에 열을 숫자 서식으로 바꾸거나 0으로 적으세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\(Excel wrote it in scientific notation(?:, about (?<n>\\d+))?, rounded to the digits it shows: give the column a number format such as 0 before saving the CSV, or export it again\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(Excel이 지수 표기로 쓴 값${g.n ? `(약 ${g.n})` : ''}이며, 보이는 자릿수로 반올림되었습니다. CSV로 저장하기 전에 열 서식을 0 같은 숫자 서식으로 지정하거나 다시 내보내세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\(its "\\\\" is a backslash, which Korean and Japanese Windows fonts show as ₩ or ¥: write the amount without it, as (?<n>[\\d.]+), or with ₩ or ¥ itself\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(여기의 "\\"는 역슬래시이며, 한국어·일본어 Windows 글꼴에서 ₩나 ¥로 보입니다. 기호 없이 ${g.n}처럼 적거나 ₩·¥ 기호를 직접 쓰세요)`,
    ],
    [
      re(`${COL} ${V} is not a number \\(${FULL_WIDTH_CAUSE}: write it as (?<half>[\\d,. ]+); ${FULL_WIDTH_FIX}\\)`),
      (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다(${FULL_WIDTH_KO(g.half!)})`,
    ],
    [re(`${COL} ${V} is not a number`), (g) => `${g.col} ${topic(g.v!)} 숫자가 아닙니다`],
    [re(`${COL} ${V} is not a whole number; write the number alone, as (?<n>\\d+)`), (g) => `${g.col} ${topic(g.v!)} 정수가 아닙니다. ${g.n}처럼 숫자만 적으세요`],
    [re(`${COL} ${V} is not a whole number; write the month's number, as (?<n>\\d+)`), (g) => `${g.col} ${topic(g.v!)} 정수가 아닙니다. 월을 ${g.n}처럼 숫자로 적으세요`],
    [
      re(`${COL} ${V} is not a whole number; ${FULL_WIDTH_CAUSE}: write it as (?<half>\\d+); ${FULL_WIDTH_FIX}`),
      (g) => `${g.col} ${topic(g.v!)} 정수가 아닙니다. ${FULL_WIDTH_KO(g.half!)}`,
    ],
    [re(`${COL} ${V} is not a whole number`), (g) => `${g.col} ${topic(g.v!)} 정수가 아닙니다`],
    [re(`${COL} ${V} is out of range \\((?<r>.+)\\)`), (g) => `${g.col} ${topic(g.v!)} 허용 범위(${g.r})를 벗어납니다`],
  ],
  sheet_error: [
    [
      re(`${COL} ${V} is a spreadsheet's error value \\(a formula that failed, such as a lookup that found nothing\\), not data: read as empty; correct the formula or clear the cell, then save the CSV again`),
      (g) => `${g.col} ${topic(g.v!)} 스프레드시트의 오류 값입니다(찾는 값이 없는 조회처럼 실패한 수식). 데이터가 아니므로 빈 값으로 읽었습니다. 수식을 고치거나 셀을 비운 뒤 CSV로 다시 저장하세요`,
    ],
    [
      re(`${COL} ${V} is a spreadsheet's error value \\(a formula that failed, such as a lookup that found nothing\\), not data: correct the formula or clear the cell, then save the CSV again`),
      (g) => `${g.col} ${topic(g.v!)} 스프레드시트의 오류 값입니다(찾는 값이 없는 조회처럼 실패한 수식). 데이터가 아니므로 수식을 고치거나 셀을 비운 뒤 CSV로 다시 저장하세요`,
    ],
  ],
  placeholder_value: [
    [
      re(`${COL} ${V} stands for no value: read as empty; leave the cell empty when there is nothing to say`),
      (g) => `${g.col} ${topic(g.v!)} 값이 없다는 표시입니다. 빈 값으로 읽었습니다. 적을 내용이 없으면 셀을 비워 두세요`,
    ],
    [
      re(`${COL} ${V} stands for no value, but is read as written: every deal with it counts as one (?<one>owner|account) ${V.replace('?<v>', '?<w>')}; write the (?:owner's name|account's id)`),
      (g) =>
        g.one === 'owner'
          ? `${g.col} ${topic(g.v!)} 값이 없다는 표시이지만 적힌 그대로 읽었습니다. 이 값이 적힌 딜은 모두 담당자 ${g.w} 한 명으로 집계됩니다. 담당자 이름을 적으세요`
          : `${g.col} ${topic(g.v!)} 값이 없다는 표시이지만 적힌 그대로 읽었습니다. 이 값이 적힌 딜은 모두 고객사 ${g.w} 하나로 집계됩니다. 고객사 ID를 적으세요`,
    ],
  ],
  negative_number: [[re(`${COL} ${V} is negative; only 0 or more is allowed`), (g) => `${g.col} ${topic(g.v!)} 음수입니다. 0 이상만 허용됩니다`]],
  amount_too_large: [
    [
      re(`${COL} ${V} is larger than the largest amount accepted \\((?<max>[\\d,]+)\\); check the column and the decimal mark`),
      (g) => `${g.col} ${topic(g.v!)} 허용되는 최대 금액(${g.max})보다 큽니다. 열과 소수점 표기를 확인하세요`,
    ],
  ],
  currency_mismatch: [
    [re(`${COL} ${V} is in (?<c>[A-Z]{3}), not (?<d>[A-Z]{3}) \\((?<whose>.+)\\)`), (g) => (WHOSE_CURRENCY[g.whose!] ? `${g.col} ${topic(g.v!)} ${g.c} 금액이며, ${WHOSE_CURRENCY[g.whose!]}(${g.d})와 다릅니다` : null)],
    [
      re(`${COL} ${V} is written with (?<s>\\S+), the sign of (?<names>.+), not (?<d>[A-Z]{3}) \\((?<whose>.+)\\)`),
      (g) => (WHOSE_CURRENCY[g.whose!] && SIGN_NAMES[g.names!] ? `${g.col} ${topic(g.v!)} ${SIGN_NAMES[g.names!]}의 기호(${g.s})로 적혀 있어 ${WHOSE_CURRENCY[g.whose!]}(${g.d})와 다릅니다` : null),
    ],
  ],
  invalid_boolean: [
    [
      re(`${COL} ${V} is not a boolean \\(true/false, yes/no, y/n, 1/0\\); read as false`),
      (g) => `${g.col} ${topic(g.v!)} 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다`,
    ],
    [
      re(`${COL} ${V} is not a boolean \\(true/false, yes/no, y/n, 1/0\\); read as false; it looks like (?<w>yes|no): write \\k<w> \\(yes and no in Korean or Japanese words or as O/X marks are not read\\)`),
      (g) =>
        `${g.col} ${topic(g.v!)} 참/거짓 값(true/false, yes/no, y/n, 1/0)이 아닙니다. false로 읽었습니다. ${g.w === 'yes' ? '예(yes)' : '아니오(no)'}로 보입니다. 예/아니오, はい/いいえ 같은 한국어·일본어 낱말이나 O/X 표시는 읽지 않으니 ${g.w}로 적으세요`,
    ],
  ],
  invalid_currency: [[re(`${COL} ${V} is not an ISO 4217 currency code such as "KRW"`), (g) => `${g.col} ${topic(g.v!)} "KRW" 같은 ISO 4217 통화 코드가 아닙니다`]],
  invalid_value: [
    [
      re(`${COL} ${V} is not a period \\(expected YYYY-MM or YYYY-Qn\\); write it as (?<p>\\d{4}-(?:Q[1-4]|\\d{2}))`),
      (g) => `${g.col} ${topic(g.v!)} 기간이 아닙니다(형식: YYYY-MM 또는 YYYY-Qn). ${g.p}처럼 적으세요`,
    ],
    [re(`${COL} ${V} is not a period \\(expected YYYY-MM or YYYY-Qn\\)`), (g) => `${g.col} ${topic(g.v!)} 기간이 아닙니다(형식: YYYY-MM 또는 YYYY-Qn)`],
    [
      re(`${COL} ${V} is not one of (?<list>[^()]+?)(?: \\(write it as (?<m>[a-z_]+)\\))?; left empty`),
      (g) => `${g.col} ${topic(g.v!)} ${g.list} 중 하나가 아닙니다${g.m ? `(${josa(g.m, '으로/로')} 적으세요)` : ''}. 빈 값으로 두었습니다`,
    ],
    [
      re(`${COL} ${V} is not one of (?<list>[^()]+?)(?: \\(write it as (?<m>[a-z_]+)\\))?`),
      (g) => `${g.col} ${topic(g.v!)} ${g.list} 중 하나가 아닙니다${g.m ? `(${josa(g.m, '으로/로')} 적으세요)` : ''}`,
    ],
  ],
  invalid_forecast_category: [
    [
      re(`${COL} ${V} is not one of (?<list>[^()]+?)(?: \\(write it as (?<m>[a-z_]+)\\))?; the deal has no category`),
      (g) => `${g.col} ${topic(g.v!)} ${g.list} 중 하나가 아닙니다${g.m ? `(${josa(g.m, '으로/로')} 적으세요)` : ''}. 이 딜에는 예측 범주가 없는 것으로 봅니다`,
    ],
  ],
  repeated_header: [
    [
      re(`line (?<n>\\d+) repeats the header of line (?<h>\\d+) \\(were two files joined into one\\?\\); it is not a row`),
      (g) => `${g.n}행은 ${g.h}행의 머리글을 되풀이합니다(두 파일을 하나로 합쳤나요?). 행으로 읽지 않았습니다`,
    ],
  ],
  reordered_header: [
    [
      re(`line (?<n>\\d+) repeats the header of line (?<h>\\d+) (?<how>with its columns in another order|with other columns|without some of its columns) \\((?<cols>.*); were two files joined into one\\?\\): it is not a row, and the rows below it are read by its columns(?:; the columns it lacks \\((?<miss>.*?)\\) are empty in those rows)?(?:; its columns the first header does not have \\((?<other>.*)\\) are not read)?`),
      (g) =>
        `${g.n}행은 ${g.h}행의 머리글을 ${HOW_KO[g.how!]} 되풀이합니다(${g.cols}. 두 파일을 하나로 합쳤나요?). 행으로 읽지 않았고, 그 아래 행은 이 머리글의 열대로 읽었습니다${g.miss ? `. 이 머리글에 없는 열(${g.miss})은 그 행들에서 비어 있습니다` : ''}${g.other ? `. 첫 머리글에 없는 열(${g.other})은 읽지 않았습니다` : ''}`,
    ],
  ],
  invisible_character: [
    [
      re(`${LINES}: ${COL} ${V} is (?<o>${QUOTED}) but for a character that prints as nothing \\(as text copied from a web page or a chat carries\\), so the two are counted apart: delete it where it is`),
      (g) => `${koLines(g.lines!)}: ${g.col} ${shownTopic(g.v!)} 보이지 않는 문자(웹 페이지나 채팅에서 복사한 글에 섞여 오는 문자) 하나만 빼면 ${josa(g.o!, '과/와')} 같아서 둘이 따로 집계됩니다. 그 문자를 지우세요`,
    ],
    [
      re(`${LINES}: ${COL} ${V} prints as nothing at all \\(characters copied from a web page or a chat\\): the deals show no name: delete it where it is`),
      (g) => `${koLines(g.lines!)}: ${g.col} ${shownTopic(g.v!)} 보이지 않는 문자(웹 페이지나 채팅에서 복사한 문자)로만 되어 있어 딜에 이름이 보이지 않습니다. 그 문자를 지우세요`,
    ],
    [
      re(`${LINES}: ${COL} ${V} has a character that changes the order its text is shown in \\(a bidirectional control, as a disguised name carries\\), so the pages may show it as another name: delete it where it is`),
      (g) => `${koLines(g.lines!)}: ${g.col} ${shownTopic(g.v!)} 글자가 보이는 순서를 바꾸는 문자(양방향 제어 문자, 이름을 위장할 때 쓰임)가 있어 페이지에 다른 이름으로 보일 수 있습니다. 그 문자를 지우세요`,
    ],
  ],
  unknown_deal: [
    [
      re(`${COL} ${V} is not in deals.csv; deals.csv has (?<o>${QUOTED}), the same id but for a character that prints as nothing \\(as text copied from a web page or a chat carries\\): delete it where it is`),
      (g) => `${g.col} ${topic(g.v!)} deals.csv에 없는 딜입니다. deals.csv에는 ${subject(g.o!)} 있으며, 보이지 않는 문자 하나만 다른 같은 ID입니다(웹 페이지나 메신저에서 복사한 텍스트에 섞여 들어옵니다). 그 문자가 있는 쪽에서 지우세요`,
    ],
    [
      re(
        `${COL} ${V} is not in deals.csv; deals.csv has (?<o>${QUOTED}), the same number written otherwise \\(leading zeros or a decimal "\\.0", as Excel rewrites an id it reads as a number\\): export the files again without opening them in Excel, or format the id column as text there`,
      ),
      (g) =>
        `${g.col} ${topic(g.v!)} deals.csv에 없는 딜입니다. deals.csv에는 ${subject(g.o!)} 있으며, 앞의 0이나 소수점 ".0"만 다른 같은 숫자입니다(Excel이 ID를 숫자로 읽어 바꿔 씁니다). Excel에서 열지 않고 다시 내보내거나, Excel에서 ID 열을 텍스트 형식으로 지정하세요`,
    ],
    [re(`${COL} ${V} is not in deals.csv`), (g) => `${g.col} ${topic(g.v!)} deals.csv에 없는 딜입니다`],
    [re(`${COL} ${V} belongs to a rejected deals.csv row \\(line (?<n>\\d+)\\)`), (g) => `${g.col} ${topic(g.v!)} 제외된 deals.csv 행(${g.n}행)의 딜입니다`],
  ],
  duplicate_id: [
    [
      re(`(?<col>"[^"]*"|[^"]+?) ${V} already appears on (?:(?<file>.+) )?line (?<n>\\d+); this later row is rejected; ${ROUNDED_EN}`),
      (g) => `${g.col} ${subject(g.v!)} 이미 ${g.file ? `${g.file} ` : ''}${g.n}행에 있어 뒤의 이 행을 제외했습니다. ${ROUNDED_KO}`,
    ],
    [
      re(`(?<col>"[^"]*"|[^"]+?) ${V} already appears on (?:(?<file>.+) )?line (?<n>\\d+); this later row is rejected`),
      (g) => `${g.col} ${subject(g.v!)} 이미 ${g.file ? `${g.file} ` : ''}${g.n}행에 있어 뒤의 이 행을 제외했습니다`,
    ],
    [
      re(`${COL} ${V} appears again \\(first on line (?<n>\\d+)\\); this row is not used; ${ROUNDED_EN}`),
      (g) => `${g.col} ${subject(g.v!)} 다시 나옵니다(처음은 ${g.n}행). 이 행은 쓰지 않았습니다. ${ROUNDED_KO}`,
    ],
    [re(`${COL} ${V} appears again \\(first on line (?<n>\\d+)\\); this row is not used`), (g) => `${g.col} ${subject(g.v!)} 다시 나옵니다(처음은 ${g.n}행). 이 행은 쓰지 않았습니다`],
  ],
  duplicate_target: [
    [
      re(`a target for (?<p>\\S+) and the whole company already appears on line (?<n>\\d+); this later row is rejected`),
      (g) => `${g.p} 전사 목표가 이미 ${g.n}행에 있어 뒤의 이 행을 제외했습니다`,
    ],
    [
      re(`a target for (?<p>\\S+) and owner (?<o>"(?:[^"\\\\]|\\\\.)*") and team (?<t>"(?:[^"\\\\]|\\\\.)*") already appears on line (?<n>\\d+); this later row is rejected`),
      (g) => `${g.p} 담당자 ${g.o}, 팀 ${g.t}의 목표가 이미 ${g.n}행에 있어 뒤의 이 행을 제외했습니다`,
    ],
  ],
  missing_close: [
    [
      re(`closed_at is empty for a deal in closed stage "(?<s>.+)" that has no stage_history rows, so its close date is unknown`),
      (g) => `마감 단계 "${g.s}"의 딜인데 closed_at이 비어 있고 stage_history 행도 없어 마감일을 알 수 없습니다`,
    ],
  ],
  amount_missing: [[re(`amount is empty; it counts as 0`), () => `amount가 비어 있어 0으로 계산합니다`]],
  close_before_create: [
    [
      re(`(?<col>"[^"]*"|[^"]+?) is before created_at; without stage_history rows the deal is taken as created when it closed`),
      (g) => `${subject(g.col!)} created_at보다 앞섭니다. stage_history 행이 없으면 마감 시점에 생성된 딜로 봅니다`,
    ],
  ],
  history_before_create: [
    [
      // created_at, or the export's column ("Create Date") with its first stage entry (vendor/assemble.ts).
      re(`(?<col>"[^"]*"|created_at) is after the deal's first (?<row>stage_history row|stage entry) \\(entered (?<t>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) in (?<z>\\S+)\\): the deal counts as created then, the earlier of the two`),
      (g) =>
        `${subject(g.col!)} 이 딜의 ${g.row === 'stage entry' ? '첫 단계 기록' : '첫 stage_history 행'}(${g.z} 기준 ${g.t} 진입)보다 늦습니다. 둘 중 이른 그 시점에 생성된 딜로 봅니다`,
    ],
  ],
  close_on_open_stage: [
    [
      re(`(?<col>"[^"]*"|[^"]+?) is set but stage "(?<s>[^"]+)" is open: closed_at is not used \\(an open deal has no close; an expected close date belongs in expected_close_at\\)`),
      (g) => `stage ${topic(`"${g.s}"`)} 진행 중 단계인데 ${g.col}에 값이 있습니다. 이 값은 쓰지 않습니다(진행 중인 딜에는 마감일이 없습니다. 예상 마감일은 expected_close_at에 적으세요)`,
    ],
  ],
  // ingest/unused-fields.ts: field_history.csv's rows of fields the metrics do not read.
  field_like_expected_close: [[re(`the field ${V} \\((?<n>\\d+) rows?\\) ${LIKE_TRACKED_EN}expected close date, write it as expected_close_at`), (g) => likeTrackedKo(g, '예상 마감일', 'expected_close_at으로')]],
  field_like_amount: [[re(`the field ${V} \\((?<n>\\d+) rows?\\) ${LIKE_TRACKED_EN}amount, write it as amount`), (g) => likeTrackedKo(g, '금액', 'amount로')]],
  stage_in_field_history: [
    [
      re(`the field ${V} \\((?<n>\\d+) rows?\\) is not read here: a deal's stages are read from stage_history\\.csv \\(deal_id, stage, entered_at\\), one row per stage entered`),
      (g) => `필드 ${shownTopic(g.v!)} 여기서 읽지 않습니다(${g.n}행). 딜의 단계는 stage_history.csv(deal_id, stage, entered_at)에서 진입한 단계마다 한 행씩 읽습니다`,
    ],
  ],
  fields_not_used: [
    [
      re(`changes of fields the metrics do not read are kept and not used: (?<list>.+); the metrics replay amount and expected_close_at`),
      (g) => `지표가 읽지 않는 필드의 변경은 보관만 하고 쓰지 않습니다: ${unusedFieldsKo(g.list!)}. 지표는 amount와 expected_close_at의 변경만 재현합니다`,
    ],
  ],
  removed_before_create: [
    [re(`(?<col>"[^"]*"|[^"]+?) is not after created_at; the deal never counts`), (g) => `${subject(g.col!)} created_at보다 뒤가 아니어서 이 딜은 어디에도 집계되지 않습니다`],
  ],
  rounded_id: [[re(`(?<col>"[^"]*"|[^"]+?) ${V}: ${ROUNDED_EN}`), (g) => `${g.col} ${g.v}: ${ROUNDED_KO}`]],
  ambiguous_amount: [
    [
      re(`(?<col>amount|cost|old_value|new_value|target_amount) ${V} ${THOUSANDS_DOUBT_EN}`),
      (g) => `${g.col} ${topic(g.v!)} ${thousandsDoubtKo(g)}`,
    ],
  ],
  synthesized_history: [
    [
      re(`no stage_history rows; the history is synthesized from created_at, stage and closed_at`),
      () => `stage_history 행이 없어 created_at, stage, closed_at으로 이력을 만들었습니다`,
    ],
  ],
  history_incomplete: [
    [
      re(`no rows for (?<missing>\\d+) of the (?<deals>\\d+) deals \\((?<pct>\\d+)%\\), whose histories are synthesized from deals\\.csv \\(synthesized_history\\): .*`),
      (g) =>
        `딜 ${g.deals}건 중 ${g.missing}건(${g.pct}%)의 행이 없어 그 이력을 deals.csv에서 만들었습니다(synthesized_history). ` +
        '내보내기에는 모든 딜의 이력이 들어 있으므로, 파일이 중간에 잘렸거나(다운로드나 API 내보내기가 일찍 멈춤) 걸러졌을 수 있습니다. 전체를 다시 내보내세요',
    ],
  ],
  columns_read_as: [
    [
      re(`columns? (?<list>${QUOTED} read as \\w+(?:(?:, | and )${QUOTED} as \\w+)*), as a CRM's own export names (?:them|it)`),
      (g) => `${readAsKo(g.list!)} 읽었습니다(CRM 자체 내보내기의 열 이름)`,
    ],
  ],
  target_name_unmatched: [
    [
      re(`(?<k>owner|team) ${V} names no deal's (?:owner|team); deals\\.csv writes it (?<w>${QUOTED}), so this target counts none of its deals: write it as deals\\.csv does`),
      (g) => {
        const label = g.k === 'owner' ? '담당자' : '팀';
        return `${label} ${topic(g.v!)} 어느 딜의 ${josa(label, '과/와')}도 같지 않아 이 목표에는 딜이 하나도 집계되지 않습니다(deals.csv의 표기: ${g.w}). deals.csv와 같게 적으세요`;
      },
    ],
  ],
  account_id_unmatched: [
    [
      re(`account_id ${V} names no deal's account; the deals write it (?<w>${QUOTED}), so this row's facts reach none of its deals and the account is listed twice: write it as the deals do`),
      (g) => `account_id ${topic(g.v!)} 어느 딜의 고객사와도 같지 않아 이 행의 정보가 그 고객사의 딜에 닿지 않고 고객사가 두 번 표시됩니다(딜의 표기: ${g.w}). 딜과 같게 적으세요`,
    ],
  ],
  column_written_otherwise: [
    [
      re(`columns? (?<list>${QUOTED} read as \\w+(?:(?:, | and )${QUOTED} as \\w+)*), (?:their names|its name) written with other capitals, spaces, hyphens or underscores`),
      (g) => `${readAsKo(g.list!)} 읽었습니다(대소문자, 공백, 하이픈이나 밑줄만 다르게 쓴 열 이름)`,
    ],
  ],
  probability_not_read: [
    [
      re(`column (?<c>${QUOTED}) is not read: the weighted pipeline weights each open deal by its stage's probability in pipeline\\.config\\.json \\("stages"\\), not by a deal's own (?<what>probability|weighted amount)`),
      (g) =>
        `${g.c} 열은 읽지 않습니다. 가중 파이프라인은 진행 중인 딜마다 pipeline.config.json("stages")에 정한 단계의 확률로 가중하며, ${g.what === 'probability' ? '딜마다 따로 적은 확률' : '딜마다 따로 적은 가중 금액'}은 쓰지 않습니다`,
    ],
  ],
  target_column_not_read: [
    [
      re(`column (?<c>${QUOTED}) is not read: a target is for a period and an owner, a team or the whole company \\(owner and team empty\\), so rows that differ only in it are one target, and the later ones are refused as duplicates`),
      (g) => `${g.c} 열은 읽지 않습니다. 목표는 기간마다 담당자, 팀 또는 전사(owner와 team을 비움)의 것이므로 이 열만 다른 행들은 하나의 목표가 되고, 뒤의 행은 중복으로 제외됩니다`,
    ],
  ],
  column_not_read: [[re(`column (?<c>${QUOTED}) is not read: if it is (?<k>\\w+), name it so`), (g) => `${g.c} 열은 읽지 않았습니다. ${g.k} 열이라면 이름을 ${josa(g.k!, '으로/로')} 바꾸세요`]],
  duplicate_column: [
    [
      re(`column (?<c>${QUOTED}) appears (?<n>\\d+) times \\(columns (?<p>[\\d, and]+?)(?: and (?<more>\\d+) more)?\\); the first one is used`),
      (g) => `${g.c} 열이 ${g.n}번 나옵니다(${g.p!.split(/, | and /u).map((p) => `${p}번째`).join(', ')} 열${g.more ? ` 외 ${g.more}개` : ''}). 첫 번째 열을 씁니다`,
    ],
    [
      re(
        `column (?<c>${QUOTED}) appears (?<n>\\d+) times: (?<w>(?:${QUOTED} \\(column \\d+\\)(?:, | and ))+${QUOTED} \\(column \\d+\\))(?: and (?<more>\\d+) more)?, names read ignoring case; the first one is used`,
      ),
      (g) =>
        `${g.c} 열이 ${g.n}번 나옵니다: ${[...g.w!.matchAll(new RegExp(`(${QUOTED}) \\(column (\\d+)\\)`, 'gu'))].map((m) => `${m[1]}(${m[2]}번째 열)`).join(', ')}${g.more ? ` 외 ${g.more}개` : ''}. 열 이름은 대소문자를 구분하지 않고 읽습니다. 첫 번째 열을 씁니다`,
    ],
    // As an earlier version wrote it (a snapshot's metrics.json), without the columns' positions.
    [re(`column "(?<c>.+)" appears more than once; the first one is used`), (g) => `"${g.c}" 열이 두 번 이상 나옵니다. 첫 번째 열을 씁니다`],
  ],
  empty_file: [[re(`the file is empty \\(not even a header row\\); ignored`), () => '빈 파일입니다(머리글 행도 없습니다). 무시했습니다']],
  not_csv: [
    [
      re(
        `a spreadsheet workbook, not a CSV file: not read\\. Export it again as CSV from the CRM \\(or open it in Excel and save it as "CSV UTF-8"\\), and put the CSV file in its place`,
      ),
      () => '스프레드시트 통합 문서이며 CSV 파일이 아니어서 읽지 않았습니다. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요',
    ],
    [
      re(`a ZIP archive, not a CSV file: not read\\. Extract it \\(a CRM may send a large export zipped\\) and put the CSV files it holds in the folder in its place`),
      () => 'ZIP 압축 파일이며 CSV 파일이 아니어서 읽지 않았습니다. 압축을 풀고(CRM은 큰 내보내기를 압축해 보내기도 합니다) 그 안의 CSV 파일을 이 폴더에 대신 넣으세요',
    ],
  ],
  // A CRM's export saved as deals.csv, read as the export it is (read-folder.ts).
  renamed_export: [
    [
      re(`read as (?<one>.+?): its columns are not those of the canonical deals\\.csv \\(docs/input\\.md\\)`),
      (g) => (FORMAT_KINDS[g.one!] === undefined ? null : `${josa(FORMAT_KINDS[g.one!]!, '으로/로')} 읽었습니다. 열이 표준 deals.csv(docs/input.md)의 열이 아닙니다`),
    ],
  ],
  file_not_read: [
    [
      re(`not read: a folder with deals\\.csv is read as the canonical files \\((?<files>[^)]+)\\) alone; to read vendor exports, put them in a folder without deals\\.csv \\(docs/exports\\.md\\)`),
      (g) => `읽지 않았습니다. deals.csv가 있는 폴더에서는 표준 파일(${g.files})만 읽습니다. CRM 내보내기 파일을 읽으려면 deals.csv가 없는 폴더에 두세요(docs/exports.md)`,
    ],
    [
      re(`not read: an Office lock file, which Excel keeps beside a file while it has it open \\(named ~\\$ and that file's name\\), not data; a file open in Excel may hold changes not saved yet`),
      () => '읽지 않았습니다. Excel이 파일을 열어 둔 동안 그 옆에 두는 Office 잠금 파일(~$ 뒤에 그 파일 이름)이며 데이터가 아닙니다. Excel에서 열려 있는 파일에는 아직 저장하지 않은 변경이 있을 수 있습니다',
    ],
    [
      re(`not read: a Mac's metadata about (?<name>.+) \\(an AppleDouble file, which macOS writes beside a file on a shared drive or into a ZIP archive\\), not data`),
      (g) => `읽지 않았습니다. ${g.name}에 대한 Mac의 메타데이터(macOS가 공유 드라이브의 파일 옆이나 ZIP 압축 파일 안에 쓰는 AppleDouble 파일)이며 데이터가 아닙니다`,
    ],
    [
      re(`not read: it has the columns of (?<file>\\S+) \\(docs/input\\.md\\) under another name: rename it \\S+`),
      (g) => `읽지 않았습니다. ${g.file}의 열(docs/input.md)을 가졌지만 이름이 다릅니다. 이름을 ${josa(g.file!, '으로/로')} 바꾸세요`,
    ],
    [
      re(`not read: (?:it has the columns of (?<file>\\S+), )?one of the canonical files \\(docs/input\\.md\\), which are read only in a folder with deals\\.csv \\(and without exports\\); beside a CRM's exports, only accounts\\.csv and targets\\.csv are read`),
      (g) =>
        `읽지 않았습니다. ${g.file ? `${g.file}의 열을 가진 파일이며, ` : ''}표준 파일(docs/input.md)은 deals.csv가 있는(내보내기 파일은 없는) 폴더에서만 읽습니다. CRM 내보내기 파일 옆에서는 표준 파일 중 accounts.csv와 targets.csv만 읽습니다`,
    ],
    [
      re(`not read: (?<file>\\S+) is read at the top of an exports folder, not in a subfolder \\(a dated export's folder\\): move it there`),
      (g) => `읽지 않았습니다. ${josa(g.file!, '은/는')} 하위 폴더(날짜별 내보내기 폴더)가 아니라 내보내기 폴더의 맨 위에 있을 때 읽습니다. 그곳으로 옮기세요`,
    ],
    [
      re(`not read: the export has accounts of its own \\((?<file>[^)]+)\\), which are read instead`),
      (g) => `읽지 않았습니다. 내보내기에 고객사 정보(${g.file})가 따로 있어 그것을 대신 읽습니다`,
    ],
    [
      re(`named like a CSV file, but not a file that can be read \\(a symbolic link to nothing, a FIFO or a socket\\): not read`),
      () => 'CSV 파일 이름이지만 읽을 수 있는 파일이 아닙니다(대상이 없는 심볼릭 링크, FIFO, 소켓). 읽지 않았습니다',
    ],
  ],
  unknown_export: [
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: it is an? (?<what>HubSpot companies|Pipedrive organizations) export \\((?<cols>${QUOTED}, ${QUOTED})\\), which is read only as accounts\\.csv: rename it accounts\\.csv to read each company's industry with its deals \\(docs/exports\\.md\\)`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. ${g.what === 'HubSpot companies' ? 'HubSpot 회사' : 'Pipedrive 조직'} 내보내기(${g.cols})이며 accounts.csv로만 읽습니다. 회사별 업종을 딜과 함께 읽으려면 파일 이름을 accounts.csv로 바꾸세요(docs/exports.md)`,
    ],
    [
      re(`not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: the file is a web page \\(HTML\\), not CSV: a download link that needed a sign-in saves the sign-in page\\. Export the file again from the CRM`),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. CSV가 아니라 웹 페이지(HTML)입니다. 로그인이 필요한 다운로드 링크는 로그인 페이지를 저장합니다. CRM에서 다시 내보내세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: it is a Salesforce Opportunity Field History report \\("Field / Event", "Old Value", "New Value"\\), which is not read: export the Opportunity History report \\(with "From Stage" and "To Stage"\\) instead \\(docs/exports\\.md\\)`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. Salesforce Opportunity Field History 보고서("Field / Event", "Old Value", "New Value")이며 읽지 않습니다. 대신 Opportunity History 보고서("From Stage", "To Stage" 열 포함)를 내보내세요(docs/exports.md)`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: it looks like (?<what>an? .+?), not (?<wanted>an? .+?): run with --format (?<format>\\S+), or without --format to detect it`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. ${FORMAT_KINDS[g.what!] ?? g.what} 형식으로 보이며 ${FORMAT_KINDS[g.wanted!] ?? g.wanted} 형식이 아닙니다. ${josa(`--format ${g.format}`, '으로/로')} 실행하거나 --format 없이 실행하여 형식을 자동으로 알아내게 하세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: it is one of the canonical files \\(docs/input\\.md\\), not (?<wanted>an? .+?): run with --format canonical, or without --format`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 표준 파일(docs/input.md) 중 하나이며 ${FORMAT_KINDS[g.wanted!] ?? g.wanted} 형식이 아닙니다. --format canonical로 실행하거나 --format 없이 실행하세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: (?:it is one of|they are) the canonical files \\(docs/input\\.md\\), in the ZIP archive "(?<zip>.*)", and canonical files are read only at the top of the data folder: extract the archive there`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 표준 파일(docs/input.md)이지만 ZIP 압축 파일 "${g.zip}" 안에 있습니다. 표준 파일은 데이터 폴더에 바로 들어 있을 때만 읽습니다. 압축 파일을 그 폴더에 푸세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: (?:it is one of|they are) the canonical files \\(docs/input\\.md\\), in a subfolder, and canonical files are read only at the top of the data folder: point --data at (?:its|their) folder, "(?<folder>.*)"`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 표준 파일(docs/input.md)이지만 하위 폴더에 있습니다. 표준 파일은 데이터 폴더에 바로 들어 있을 때만 읽습니다. --data로 그 폴더("${g.folder}")를 가리키세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: (?:it has|they have) the columns of (?<file>\\S+) \\(docs/input\\.md\\) under (?:another name|other names): (?<keep>keep one and )?rename it \\S+`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. ${g.file}의 열(docs/input.md)을 가졌지만 이름이 다릅니다. ${g.keep ? '하나만 남겨 ' : ''}이름을 ${josa(g.file!, '으로/로')} 바꾸세요`,
    ],
    [
      re(`not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: the file is JSON, not CSV: export it again as CSV`),
      (g) => `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. CSV가 아니라 JSON입니다. CSV로 다시 내보내세요`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: it looks like (?<what>.+?) \\(it has (?<has>.+)\\) but lacks (?<lacks>.+): add (?:it|them) to the exported columns and export again \\(docs/exports\\.md\\)`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. ${EXPORT_KINDS[g.what!] ?? g.what} 형식으로 보이지만(${g.has} 열이 있음) ${g.lacks!.replaceAll('" (or "', '"(또는 "').replaceAll('" and "', '", "')} 열이 없습니다. 내보낼 열에 추가하여 다시 내보내세요(docs/exports.md)`,
    ],
    [
      re(`not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored`),
      (g) => `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다`,
    ],
    [
      re(
        `not a file this tool reads \\(its columns match no (?<f>.+) export\\); the file is ignored: its column names are not in English \\((?<names>.+)\\): set the CRM's language to English, export again, and replace this file \\(docs/exports\\.md\\)`,
      ),
      (g) =>
        `읽을 수 있는 파일이 아닙니다(열이 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않습니다). 이 파일은 무시했습니다. 열 이름이 영어가 아닙니다(${g.names}). CRM의 언어를 영어로 바꾸어 다시 내보낸 뒤 이 파일을 바꾸세요(docs/exports.md)`,
    ],
  ],
};

/**
 * A value an adapter could not read: `"<its column label>" <the reason the
 * canonical readers give>; <what was done>`. The reason is said by the rule
 * for the same code above (with the label put back in front of it).
 */
const VALUE_DONE: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'that stage entry is left out': '그 단계 기록은 쓰지 않았습니다',
  'it is not used': '이 값은 쓰지 않았습니다',
  "this export's value is not used in the history": '이 내보내기의 값은 이력에 쓰지 않았습니다',
  'the row cannot be placed in the history and is skipped': '이 행은 이력에 넣을 수 없어 건너뛰었습니다',
});
const DONE = `(?<done>${Object.keys(VALUE_DONE).join('|')})`;
/** Stands for the column label while the reason goes through the rules of the canonical files (whose column names have no quotes). */
const LABEL = 'column';

function vendorValueRules(code: string): Rules {
  return {
    [code]: [
      [re(`"(?<col>.*)" is empty; ${DONE}`), (g) => `"${g.col}" 값이 비어 있습니다. ${VALUE_DONE[g.done!]}`],
      [
        re(`"(?<col>.*)" (?<reason>${V} .+); ${DONE}`),
        (g) => {
          const said = sayWith(ROW_RULES[code] ?? [], `${LABEL} ${g.reason}`);
          return said === null || !said.startsWith(`${LABEL} `) ? null : `"${g.col}"${said.slice(LABEL.length)}. ${VALUE_DONE[g.done!]}`;
        },
      ],
    ],
  };
}

/**
 * A row problem of an adapter's row, as the canonical readers word it with the export's column label in front
 * (vendor/assemble.ts `remapIssue`: `"Amount" "12k" is not a number`, `"Deal owner" is required but empty`): the
 * rest is said by the rule for the same code above. A label may hold quotes itself (HubSpot's `Date entered
 * "Contract Sent (Sales Pipeline)"`), so each `" ` after the opening quote is tried as the label's end.
 */
function relabelledRules(): Rules {
  const out = Object.create(null) as Rules;
  for (const code of Object.keys(ROW_RULES)) {
    out[code] = [
      [
        /^"(?<rest>.+)$/su,
        (g) => {
          const text = `"${g.rest}`;
          for (let end = text.indexOf('" ', 1); end !== -1; end = text.indexOf('" ', end + 1)) {
            const said = sayWith(ROW_RULES[code]!, `${LABEL} ${text.slice(end + 2)}`);
            if (said !== null && said.startsWith(`${LABEL} `)) return `${text.slice(0, end + 1)}${said.slice(LABEL.length)}`;
          }
          return null;
        },
      ],
    ];
  }
  return out;
}

const KO = mergeRules(
  ROW_RULES,
  CONFIG_RULES,
  FILE_RULES,
  CONTAINER_RULES,
  VENDOR_RULES,
  vendorValueRules('invalid_date'),
  vendorValueRules('invalid_number'),
  vendorValueRules('negative_number'),
  relabelledRules(),
);

/** An issue's message in `locale`: English as ingest wrote it, or the Korean of a recognised message. */
export function issueMessage(issue: IssueText, locale: Locale): string {
  if (locale === 'en') return issue.message;
  const rules = Object.hasOwn(KO, issue.code) ? KO[issue.code]! : [];
  // A report's Amount cell that does not read (salesforce-history-emitter.ts): the cell's own message, then what follows from it.
  if (issue.message.endsWith(UNREAD_AMOUNT)) {
    const said = sayWith(rules, issue.message.slice(0, -UNREAD_AMOUNT.length));
    return said === null ? issue.message : `${said}. 이 행의 금액은 읽지 않았으므로, 이 금액으로 바뀌거나 이 금액에서 바뀐 금액 변경은 만들지 않았습니다`;
  }
  return sayWith(rules, issue.message) ?? issue.message;
}

const UNREAD_AMOUNT = "; this row's amount is not read, so no amount change is made to or from it";

/** Whether a Korean wording exists for this issue (tests: every message the fixtures produce is covered). */
export function hasTranslation(issue: IssueText, locale: Locale): boolean {
  return locale === 'en' || issueMessage(issue, locale) !== issue.message;
}
