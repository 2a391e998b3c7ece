/**
 * Korean of the messages about a file as a file: its encoding
 * (ingest/decode.ts) and its CSV structure (ingest/csv-messages.ts), the
 * first problems of a file saved by Excel or joined by hand, and how Korean
 * Excel's CSV writes the won sign (ingest/won-backslash.ts).
 */
import { type Groups, koLines, LINES, re, type Rules, topic, V } from './issue-rules.ts';
import { josa } from './josa.ts';

const ENCODING = '(?<enc>UTF-8|UTF-16 LE|UTF-16 BE|CP949|Windows-1252|Mac Roman)';
const REPLACED = '읽을 수 없는 바이트는 U+FFFD로 바꾸었습니다';
const CLOSE_THE_QUOTE = '따옴표를 닫거나, 따옴표 셀 안의 따옴표는 두 번("") 적으세요';

const DELIMITER: Record<string, string> = { 'a comma': '쉼표(,)가', 'a semicolon': '세미콜론(;)이', 'a tab': '탭이' };

/** Why a quoted cell was not closed (csv-messages.ts `problemMessage`). */
function unclosed(g: Groups): string {
  if (g.cl) return `닫히지 않았습니다. 닫는 따옴표로 보이는 ${g.cl}행의 따옴표 뒤에 다른 글자가 있습니다`;
  if (g.ml) return `${g.ml}줄 또는 ${g.mc}자 안에 닫히지 않았습니다`;
  return '파일 끝까지 닫히지 않았습니다';
}

/** The example of `quote_text` and `text_formula` ('column "x": raw', 'first on line 2, column "x": raw', ...), in Korean. */
function quoteExample(example: string): string {
  return example.replace(/^first on line (\d+)/u, '처음은 $1행').replace(/^((?:처음은 \d+행, )?)column "/u, '$1열 "');
}

export const FILE_RULES: Rules = {
  mixed_encoding: [
    [
      re(`${LINES} (?:is|are) not UTF-8 and (?:was|were) read as ${ENCODING}; the rest is UTF-8\\. Re-export the file as UTF-8 to be sure`),
      (g) => `${topic(koLines(g.lines!))} UTF-8이 아니어서 ${josa(g.enc!, '으로/로')} 읽었습니다(나머지는 UTF-8). 확실하게 하려면 파일을 UTF-8로 다시 내보내세요`,
    ],
  ],
  encoding_guess: [
    [
      re(
        `the file was read as Mac Roman, as Excel for Mac saves "CSV \\(Macintosh\\)": its words' accented letters are letters there and symbols in Windows-1252 \\(Zürich, not ZŸrich\\)\\. Check its names; to be sure, save it as "CSV UTF-8 \\(Comma delimited\\) \\(\\*\\.csv\\)"`,
      ),
      () =>
        '파일을 Mac Roman으로 읽었습니다(Mac용 Excel의 "CSV (Macintosh)" 형식). 단어 속 악센트 문자가 Mac Roman에서는 글자이고 Windows-1252에서는 기호이기 때문입니다(Zürich, ZŸrich가 아님). 이름을 확인하고, 확실히 하려면 "CSV UTF-8(쉼표로 분리)(*.csv)"로 저장하세요',
    ],
    [
      re(
        `the file was read as Korean CP949, but many of its characters are rare in Korean text; if it is Chinese \\(GBK\\) or Japanese, its names read garbled\\. Save it as UTF-8 \\(in Excel: File → Save As → "CSV UTF-8 \\(Comma delimited\\) \\(\\*\\.csv\\)"; Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which are not read\\)`,
      ),
      () =>
        '파일을 한국어 CP949로 읽었지만 한국어 글에 드문 문자가 많습니다. 중국어(GBK)나 일본어 파일이라면 이름이 깨져 읽힙니다. 파일을 UTF-8로 저장하세요(Excel에서는 파일 → 다른 이름으로 저장 → "CSV UTF-8(쉼표로 분리)(*.csv)". 일본어·중국어 Excel은 CSV를 Shift_JIS나 GBK로 저장하며, 이 인코딩은 읽지 않습니다)',
    ],
  ],
  invalid_encoding: [
    [
      re(
        `${LINES} (?:is|are) not UTF-8, and neither CP949 nor Windows-1252 fits; unreadable bytes were replaced by U\\+FFFD\\. Save it as UTF-8 \\(in Excel: File → Save As → "CSV UTF-8 \\(Comma delimited\\) \\(\\*\\.csv\\)"; Japanese and Chinese Excel save CSV in Shift_JIS or GBK, which are not read\\)`,
      ),
      (g) =>
        `${topic(koLines(g.lines!))} UTF-8이 아니며 CP949나 Windows-1252로도 읽을 수 없습니다. ${REPLACED}. 파일을 UTF-8로 저장하세요(Excel에서는 파일 → 다른 이름으로 저장 → "CSV UTF-8(쉼표로 분리)(*.csv)". 일본어·중국어 Excel은 CSV를 Shift_JIS나 GBK로 저장하며, 이 인코딩은 읽지 않습니다)`,
    ],
    [
      re(
        `${LINES} (?:has|have) bytes that are not CP949 \\(a two-byte character cut or damaged\\), replaced by U\\+FFFD; the rest of the file was read as CP949\\. Check (?:that line|those lines), or re-export the file as UTF-8`,
      ),
      (g) =>
        `${topic(koLines(g.lines!))} CP949가 아닌 바이트가 있어(2바이트 문자가 잘렸거나 손상됨) U+FFFD로 바꾸었습니다. 파일의 나머지는 CP949로 읽었습니다. 해당 행의 값을 확인하거나 파일을 UTF-8로 다시 내보내세요`,
    ],
    [
      re(`the file is not valid ${ENCODING}(?: \\(first at line (?<n>\\d+)\\))?; unreadable bytes were replaced by U\\+FFFD`),
      (g) => `파일이 올바른 ${g.enc} 인코딩이 아닙니다${g.n ? `(처음 나온 곳: ${g.n}행)` : ''}. ${REPLACED}`,
    ],
  ],
  field_count: [
    [
      re(`${LINES}: (?<cells>\\d+) cells, the header has (?<h>\\d+) \\(extra: (?<extra>.*)\\); a cell that contains (?<d>a comma|a semicolon|a tab) must be in double quotes, as (?<ex>.+?)(?<curly> \\(typographic quotes, “ ”, do not quote a cell: write straight ones, "\\))?\\. Row rejected`),
      (g) =>
        `${koLines(g.lines!)}: 셀이 ${g.cells}개로 머리글의 ${g.h}개보다 많습니다(남는 셀: ${g.extra}). ${DELIMITER[g.d!]} 들어 있는 셀은 ${g.ex}처럼 큰따옴표로 감싸야 합니다${g.curly ? '(“ ” 같은 둥근 따옴표는 셀을 감싸지 못하니 곧은 따옴표 "를 쓰세요)' : ''}. 이 행은 제외했습니다`,
    ],
  ],
  extra_empty_cells: [
    [
      re(
        `${LINES}: more cells than the header's (?<h>\\d+), the extra ones empty, where the file's other rows have none: read as if the row ended with a delimiter, but a cell that contains (?<d>a comma|a semicolon|a tab) outside double quotes moves the cells after it one column to the right, which an empty last cell hides; check these rows, and put such a cell in double quotes, as (?<ex>.+)`,
      ),
      (g) =>
        `${koLines(g.lines!)}: 셀이 머리글의 ${g.h}개보다 많고 남는 셀은 비어 있습니다. 파일의 다른 행에는 없는 일입니다. 행 끝에 구분 기호가 하나 더 있는 것으로 읽었지만, 큰따옴표 밖에 ${DELIMITER[g.d!]} 들어 있는 셀이 있으면 그 뒤의 셀이 한 열씩 오른쪽으로 밀리고, 마지막 셀이 비어 있으면 그것이 드러나지 않습니다. 이 행들을 확인하고, 그런 셀은 ${g.ex}처럼 큰따옴표로 감싸세요`,
    ],
  ],
  unnamed_values: [
    [
      re(
        `${LINES}: a value after the header's last named column "(?<col>[^"]*)" \\((?:first on line (?<first>\\d+): )?"(?<v>.*)" in column (?<c>\\d+)\\) is not read, and the header gives it no name; a cell that contains (?<d>a comma|a semicolon|a tab) must be in double quotes, as (?<ex>.+), and a column of data needs a name in the header`,
      ),
      (g) =>
        `${koLines(g.lines!)}: 머리글의 마지막 이름 있는 열 "${g.col}" 뒤에 값이 있습니다(${g.first ? `처음은 ${g.first}행, ` : ''}${g.c}번째 열의 "${g.v}"). 머리글에 이름이 없는 열이어서 읽지 않았습니다. ${DELIMITER[g.d!]} 들어 있는 셀은 ${g.ex}처럼 큰따옴표로 감싸야 하고, 데이터가 든 열에는 머리글에 이름을 붙여야 합니다`,
    ],
  ],
  malformed_csv: [
    [
      re(
        `${LINES}: a quoted cell opened on line (?<ol>\\d+) at character (?<oc>\\d+)(?: \\(column "(?<col>[^"]*)"\\))? (?:is never closed before the end of the file|is never closed: the quote that would close it, on line (?<cl>\\d+), is followed by other text|is not closed within (?<ml>[\\d,]+) lines? or (?<mc>[\\d,]+) characters?); (?<n>[\\d,]+) lines? rejected, the lines after (?:it|them) are read as usual\\. Close the quote, or write a quote inside a quoted cell as two \\(""\\)`,
      ),
      (g) =>
        `${koLines(g.lines!)}: ${g.ol}행 ${g.oc}번째 글자에서 시작한 따옴표 셀${g.col ? `(열 "${g.col}")` : ''}이 ${unclosed(g)}. ${g.n}개 행을 제외했고, 그 뒤의 행은 그대로 읽었습니다. ${CLOSE_THE_QUOTE}`,
    ],
  ],
  truncated_row: [
    [
      re(`line (?<line>\\d+) ends the file after (?<cells>\\d+) of the header's (?<h>\\d+) cells, without a line end: the file looks cut off \\(an interrupted download or copy\\), and the row's last cell may be cut too\\. Row rejected: export the file again \\(if the row is complete as written, end it with a line break\\)`),
      (g) =>
        `${g.line}행: 파일이 이 행의 셀 ${g.cells}개(머리글은 ${g.h}개)에서 줄바꿈 없이 끝납니다. 파일이 중간에 잘린 것으로 보이며(내려받기나 복사가 중단됨) 이 행의 마지막 셀도 잘렸을 수 있습니다. 이 행은 제외했습니다. 파일을 다시 내보내세요(행이 적힌 그대로 완전하다면 끝에 줄바꿈을 넣으세요)`,
    ],
  ],
  record_too_long: [
    [
      re(`${LINES}: the row is longer than (?<max>[\\d,]+) characters?, the most one row may hold; (?<n>[\\d,]+) lines? rejected\\. Check that this is a CSV export and that no quote is left open`),
      (g) => `${koLines(g.lines!)}: 행이 한 행에 담을 수 있는 최대 길이(${g.max}자)보다 깁니다. ${g.n}개 행을 제외했습니다. CSV 내보내기 파일인지, 닫히지 않은 따옴표가 없는지 확인하세요`,
    ],
  ],
  text_formula: [
    [
      re(`${LINES}: cells written as Excel text formulas \\((?<ex>.*)\\) were read as the text inside the quotes, as Excel shows them: (?<read>.*)`),
      (g) => `${koLines(g.lines!)}: Excel 텍스트 수식(="…")으로 적힌 셀은(${quoteExample(g.ex!)}) Excel에 보이는 대로 따옴표 안의 글자로 읽었습니다: ${g.read}`,
    ],
  ],
  won_backslash: [
    [
      re(`(?<col>"[^"]*"|[^"]+?) has (?<n>\\d+) amounts? written with a backslash before the number, (?:such as )?${V}, read as won \\((?<won>₩[^)]*)\\): Korean Windows shows the backslash as ₩, as Korean Excel's currency format writes the won sign in a CSV, and (?:it is|they are) in KRW`),
      (g) =>
        `${g.col} 열의 금액 ${g.n}개는 숫자 앞에 역슬래시를 적어(예: ${g.v}) 원화(${g.won})로 읽었습니다. 한국어 Windows는 역슬래시를 ₩로 보여 주며, 한국어 Excel의 통화 서식이 CSV에 원화 기호를 이렇게 씁니다. 이 금액의 통화는 KRW입니다`,
    ],
  ],
  quote_text: [
    [
      re(`${LINES}: text follows the closing quote of a quoted cell \\((?<ex>.*)\\); read as Excel reads it: (?<read>.*)\\. To keep the quotes, put the whole cell in quotes and double the quotes inside`),
      (g) =>
        `${koLines(g.lines!)}: 따옴표 셀의 닫는 따옴표 뒤에 글자가 있습니다(${quoteExample(g.ex!)}). Excel과 같은 방식으로 읽었습니다: ${g.read}. 따옴표를 그대로 두려면 셀 전체를 따옴표로 감싸고 안의 따옴표는 두 번 적으세요`,
    ],
  ],
};
