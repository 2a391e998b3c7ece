/**
 * Korean of the problems that stop a run because of the data folder, a file
 * in it, or the config file (ingest/read-folder.ts, table.ts, header-hints.ts,
 * config.ts): the English message as ingest writes it, read back by a pattern
 * per code (issue-rules.ts), as the data-quality issues are.
 */
import type { FatalCode } from '../ingest/fatal-codes.ts';
import { re, type Rule } from './issue-rules.ts';
import { exportsHint } from './fatal-text-exports.ts';
import { exportKindKo } from './export-kinds.ts';
import { josa } from './josa.ts';

/** An errno code or the system's message, as `cannot be read (EACCES)` gives it. */
const UNREADABLE = String.raw`cannot be read \((?<why>[^)]*)\)`;
const unreadable = (why: string) => `읽을 수 없습니다(${why})`;

/** `line 3`, `lines 3-5` (csv-messages.ts `lineRange`), in Korean. */
const LINE_RANGE = String.raw`lines? (?<from>\d+)(?:-(?<to>\d+))?`;
const koRange = (from: string, to: string | undefined) => (to ? `${from}~${to}행` : `${from}행`);

/** table.ts `problemMessage` for a header (nothing rejected: the file stops). */
const HEADER_QUOTE_WHY: Rule[1] = (g) => {
  const where = `${g.ol}행 ${g.oc}번째 글자에서 시작한 따옴표 셀${g.col ? `(열 "${g.col}")` : ''}이`;
  const why = g.cl ? `닫히지 않았습니다. 닫는 따옴표로 보이는 ${g.cl}행의 따옴표 뒤에 다른 글자가 있습니다` : g.ml ? `${g.ml}줄 또는 ${g.mc}자 안에 닫히지 않았습니다` : '파일 끝까지 닫히지 않았습니다';
  return `${g.file}: 머리글을 읽을 수 없습니다: ${koRange(g.from!, g.to)}: ${where} ${why}. 따옴표를 닫거나, 따옴표 셀 안의 따옴표는 두 번("") 적으세요`;
};

/** header-hints.ts's notes after the missing columns (the most likely cause), in Korean; null for one without Korean. */
function missingColumnsNote(note: string): string | null {
  if (note === '') return '';
  if (note === ' (the file is empty)') return '(빈 파일입니다)';
  const hints: [RegExp, (g: Record<string, string>) => string][] = [
    [
      /^; the file is a web page \(HTML\), not CSV: a download link that needed a sign-in saves the sign-in page\. Export the file again from the CRM$/u,
      () => '. CSV가 아니라 웹 페이지(HTML)입니다. 로그인이 필요한 다운로드 링크는 로그인 페이지를 저장합니다. CRM에서 다시 내보내세요',
    ],
    [/^; the file is JSON, not CSV: export it again as CSV$/u, () => '. CSV가 아니라 JSON입니다. CSV로 다시 내보내세요'],
    [
      /^; the columns are on line (?<line>\d+), under (?<above>".*") on line (?<first>\d+): the header must be the first line, so delete the lines above it \(a title\) and save the CSV again$/u,
      (g) => `. 열 이름은 ${g.line}행에 있고, 그 위 ${g.first}행에 ${josa(g.above!, '이/가')} 있습니다. 머리글은 첫 줄이어야 하므로 그 위의 줄(제목)을 지우고 CSV로 다시 저장하세요`,
    ],

    [
      /^; line 1 is Excel's delimiter hint (?<hint>".*"), and Pipescope reads only "," ";" or tab as the delimiter: save the file as CSV with one of them$/u,
      (g) => `. 1행은 Excel의 구분 기호 지정 줄 ${g.hint}이며, Pipescope는 쉼표(,), 세미콜론(;), 탭만 구분 기호로 읽습니다. 이 중 하나로 CSV를 다시 저장하세요`,
    ],
    [
      /^; the header line also contains (?<shown>.+) inside column names, so the delimiter may have been read wrongly: use one delimiter \(, ; or tab\) throughout the header$/u,
      (g) => `. 머리글 줄의 열 이름 안에 ${g.shown!.replace(/ and /gu, ', ').replace(/\btab\b/u, '탭')}도 있어 구분 기호를 잘못 읽었을 수 있습니다. 머리글 전체에 구분 기호(쉼표, 세미콜론, 탭) 하나만 쓰세요`,
    ],
    [
      /^; the header has (?<shown>.+), with bytes that could not be read \(shown as \uFFFD\): write the column's name again, or save the file as UTF-8$/u,
      (g) => `. 머리글의 ${g.shown}에 읽을 수 없는 바이트가 있습니다(\uFFFD로 표시). 열 이름을 다시 적거나 파일을 UTF-8로 저장하세요`,
    ],
    [
      /^; the header has (?<written>.+): name (?:it|them) exactly (?<names>.+)$/u,
      (g) => `. 머리글에 ${g.written} 열이 있습니다. 열 이름을 정확히 ${josa(g.names!, '으로/로')} 적으세요`,
    ],
    [
      /^; it is (?<one>.+?), not the canonical deals\.csv: keep a CRM's exports in a folder without the canonical files, or run with --format (?<format>\S+) to read the export alone$/u,
      // An export's words not known here stay as written.
      (g) => `. 표준 deals.csv가 아니라 ${exportKindKo(g.one!) ?? g.one}입니다. CRM 내보내기 파일은 표준 파일이 없는 폴더에 두거나, 내보내기 파일만 읽으려면 ${josa(`--format ${g.format}`, '으로/로')} 실행하세요`,
    ],
    [
      /^; its column names are not in English \((?<names>.+)\): name the columns as docs\/input\.md does, in English \(the required ones above\)$/u,
      (g) => `. 열 이름이 영어가 아닙니다(${g.names}). docs/input.md에 나온 대로 열 이름을 영어로 적으세요(위의 필수 열 포함)`,
    ],
  ];
  for (const [pattern, say] of hints) {
    const m = pattern.exec(note);
    if (m) return say({ ...m.groups });
  }
  return null;
}

export const FILE_FATAL_RULES: Partial<Record<FatalCode, Rule[]>> = {
  data_folder_unreadable: [
    [re(`(?<f>.+): the data folder does not exist`), (g) => `${g.f}: 데이터 폴더가 없습니다`],
    [re(`(?<f>.+): not a folder`), (g) => `${g.f}: 폴더가 아닙니다`],
    [re(`(?<f>.+): not a folder: --data takes the folder that holds the files, here (?<d>.+)`), (g) => `${g.f}: 폴더가 아닙니다. --data에는 파일이 들어 있는 폴더를 주세요(여기서는 ${g.d})`],
    [re(`(?<f>.+): ${UNREADABLE}`), (g) => `${g.f}: 데이터 폴더를 ${unreadable(g.why!)}`],
  ],
  missing_file: [
    [
      re(`(?<f>.+): required file is missing \\(the folder has (?<has>.+); docs/input\\.md\\)`),
      (g) => `${g.f}: 필수 파일이 없습니다(폴더에는 ${g.has}만 있습니다. docs/input.md 참고)`,
    ],
    [
      re(`(?<f>.+): required file is missing \\(the folder has (?<has>[^)]+); docs/input\\.md\\)\\. (?<said>.+)`),
      (g) => {
        const hint = exportsHint(g.said!);
        return hint === null ? null : `${g.f}: 필수 파일이 없습니다(폴더에는 ${g.has}만 있습니다. docs/input.md 참고). ${hint}`;
      },
    ],
    [
      re(`(?<f>.+?): required file is missing\\. (?<said>.+)`),
      (g) => {
        const hint = exportsHint(g.said!);
        return hint === null ? null : `${g.f}: 필수 파일이 없습니다. ${hint}`;
      },
    ],
    [re(`(?<f>.+): required file is missing`), (g) => `${g.f}: 필수 파일이 없습니다`],
  ],
  file_unreadable: [
    // ingest/archive/archive-exports.ts: a file of a ZIP archive whose compressed bytes do not unpack.
    [re(`(?<f>.+): cannot be read \\(its compressed bytes in the ZIP archive are damaged: download the archive again\\)`), (g) => `${g.f}: ZIP 압축 파일 안의 압축된 데이터가 손상되어 읽을 수 없습니다. 압축 파일을 다시 내려받으세요`],
    [re(`(?<f>.+): ${UNREADABLE}`), (g) => `${g.f}: 파일을 ${unreadable(g.why!)}`],
  ],
  not_a_file: [
    [re(`(?<f>.+): is a folder, not the (?<k>CSV|config) file it is named after`), (g) => `${g.f}: 폴더입니다. 이름과 달리 ${g.k === 'CSV' ? 'CSV' : '설정'} 파일이 아닙니다`],
    [
      re(`(?<f>.+): is not a file \\(a FIFO, a device or a socket\\), not the (?<k>CSV|config) file it is named after`),
      (g) => `${g.f}: 파일이 아닙니다(FIFO, 장치 또는 소켓). 이름과 달리 ${g.k === 'CSV' ? 'CSV' : '설정'} 파일이 아닙니다`,
    ],
    [
      re(`(?<f>.+): is a symbolic link to nothing \\((?<t>.+) does not exist\\), not the (?<k>CSV|config) file it is named after`),
      (g) => `${g.f}: 없는 파일(${g.t})을 가리키는 심볼릭 링크입니다. 이름과 달리 ${g.k === 'CSV' ? 'CSV' : '설정'} 파일이 아닙니다`,
    ],
  ],
  file_changed: [
    [
      re(`(?<f>.+): the file changed while it was read \\(its size is no longer (?<n>[\\d,]+) bytes\\); read it again once it is written completely`),
      (g) => `${g.f}: 읽는 동안 파일이 바뀌었습니다(크기가 더 이상 ${g.n}바이트가 아닙니다). 파일이 끝까지 저장된 뒤 다시 실행하세요`,
    ],
  ],
  names_differ_by_case: [
    [
      re(`(?<f>.+): the folder has (?<list>".+"), which only the case of letters tells apart: keep one of them`),
      (g) => `${g.f}: 폴더에 대소문자만 다른 파일 ${josa(g.list!.replaceAll('" and "', '", "'), '이/가')} 있습니다. 하나만 남기세요`,
    ],
  ],
  not_text_csv: [
    [
      re(`(?<f>.+): its lines end with (?<char>U\\+[0-9A-F]{4}), which CSV does not use, so the whole file reads as one header line: save it again with ordinary line ends \\(LF or CRLF\\)`),
      (g) => `${g.f}: 줄 끝이 CSV에서 쓰지 않는 문자(${g.char})라서 파일 전체가 머리글 한 줄로 읽힙니다. 일반 줄 끝(LF 또는 CRLF)으로 다시 저장하세요`,
    ],
    [
      re(
        `(?<f>.+): a spreadsheet workbook \\(XLSX or XLS\\) saved under a \\.csv name, not a CSV file: open it in Excel and save it as CSV \\(File → Save As → "CSV UTF-8 \\(Comma delimited\\) \\(\\*\\.csv\\)"\\), named (?<name>.+), or export it again as CSV from the CRM`,
      ),
      (g) =>
        `${g.f}: .csv 이름으로 저장된 스프레드시트 통합 문서(XLSX 또는 XLS)이며 CSV 파일이 아닙니다. Excel에서 열어 CSV로 저장하거나(파일 → 다른 이름으로 저장 → "CSV UTF-8(쉼표로 분리)(*.csv)") CRM에서 CSV로 다시 내보내고, 파일 이름은 ${josa(g.name!, '으로/로')} 하세요`,
    ],
    [
      re(`(?<f>.+): a ZIP archive saved under a \\.csv name, not a CSV file: extract it and put the CSV file it holds in its place, named (?<name>.+)`),
      (g) => `${g.f}: .csv 이름으로 저장된 ZIP 압축 파일이며 CSV 파일이 아닙니다. 압축을 풀고 그 안의 CSV 파일을 ${g.name} 이름으로 대신 넣으세요`,
    ],
    [
      re(
        `(?<f>.+): contains NUL bytes from line (?<line>\\d+)(?: \\(byte offset (?<at>[\\d,]+)\\))?: not a text CSV file \\(a spreadsheet, a database file, or UTF-16 without a byte-order mark\\?\\); open it in the program that made it and export it as CSV \\(UTF-8\\)`,
      ),
      (g) =>
        `${g.f}: ${g.line}행${g.at ? `(바이트 오프셋 ${g.at})` : ''}부터 NUL 바이트가 있어 텍스트 CSV 파일이 아닙니다(스프레드시트, 데이터베이스 파일, 또는 바이트 순서 표시(BOM) 없는 UTF-16인가요?). 파일을 만든 프로그램에서 열어 CSV(UTF-8)로 내보내세요`,
    ],
  ],
  header_unreadable: [
    [
      re(
        `(?<file>.+): the header cannot be read: ${LINE_RANGE}: the header is longer than (?<max>[\\d,]+) characters?, the most one row may hold\\. Check that this is a CSV export and that no quote is left open`,
      ),
      (g) => `${g.file}: 머리글을 읽을 수 없습니다: ${koRange(g.from!, g.to)}: 머리글이 한 행에 담을 수 있는 최대 길이(${g.max}자)보다 깁니다. CSV 내보내기 파일인지, 닫히지 않은 따옴표가 없는지 확인하세요`,
    ],
    [
      re(
        `(?<file>.+): the header cannot be read: ${LINE_RANGE}: a quoted cell opened on line (?<ol>\\d+) at character (?<oc>\\d+)(?: \\(column "(?<col>[^"]*)"\\))? (?:is never closed before the end of the file|is never closed: the quote that would close it, on line (?<cl>\\d+), is followed by other text|is not closed within (?<ml>[\\d,]+) lines? or (?<mc>[\\d,]+) characters?)\\. Close the quote, or write a quote inside a quoted cell as two \\(""\\)`,
      ),
      HEADER_QUOTE_WHY,
    ],
  ],
  missing_columns: [
    [
      re(`(?<f>.+?): missing required columns? (?<list>"[^"]*"(?:, "[^"]*")*)(?<note>.*)`),
      (g) => {
        const note = missingColumnsNote(g.note!);
        return note === null ? null : `${g.f}: 필수 열 ${josa(g.list!, '이/가')} 없습니다${note}`;
      },
    ],
  ],
  empty_file: [[re(`(?<f>.+): the file is empty \\(not even a header row\\)`), (g) => `${g.f}: 빈 파일입니다(머리글 행도 없습니다)`]],
  config_file_unreadable: [
    [re(`(?<f>.+): the file does not exist`), (g) => `${g.f}: 파일이 없습니다`],
    [re(`(?<f>.+): is a folder, not a config file`), (g) => `${g.f}: 폴더입니다. 설정 파일이 아닙니다`],
    // `--config`'s file (scripts/lib/config-option.ts).
    [re(`(?<f>.+): it is a folder; give the config file in it`), (g) => `${g.f}: 폴더입니다. 그 안의 설정 파일을 지정하세요`],
    [re(`(?<f>.+): a part of its path is a file, not a folder`), (g) => `${g.f}: 경로 중간에 폴더가 아닌 파일이 있습니다`],
    [re(`(?<f>.+): permission denied`), (g) => `${g.f}: 파일을 읽을 권한이 없습니다`],
    [re(`(?<f>.+): operation not permitted`), (g) => `${g.f}: 허용되지 않은 작업입니다`],
    [re(`(?<f>.+): it holds more than (?<mb>\\d+) MB, which no config does; give the pipeline\\.config\\.json file`), (g) => `${g.f}: ${g.mb} MB가 넘습니다. 그렇게 큰 설정 파일은 없으니 pipeline.config.json 파일을 지정하세요`],
    [re(`(?<f>.+): ${UNREADABLE}`), (g) => `${g.f}: 설정 파일을 ${unreadable(g.why!)}`],
  ],
};
