/**
 * Korean of the messages about an Excel workbook or a ZIP archive read as
 * exports (ingest/workbook/, ingest/archive/): why one cannot be read, its
 * sheets or files left unread.
 */
import { re, type Rules } from './issue-rules.ts';

/** The reasons ingest/workbook/ gives (zip-entries.ts, xlsx.ts, workbook-exports.ts); null for one not listed here. */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the file is cut off \(an interrupted download or copy\)$/u, () => '파일이 중간에 잘렸습니다(다운로드나 복사가 중단됨)'],
  [/^the file is cut off or not a ZIP file \(no end of its directory\)$/u, () => '파일이 잘렸거나 ZIP 형식이 아닙니다(디렉터리 끝이 없음)'],
  [/^its (?:ZIP64 )?directory is (?:missing|damaged)$/u, () => 'ZIP 디렉터리가 손상되었습니다'],
  [/^it is protected by a password$/u, () => '암호로 보호되어 있습니다'],
  [/^its part (.+) is over (\d+) MB unpacked$/u, (m) => `${m[1]} 부분이 압축을 풀면 ${m[2]}MB를 넘습니다`],
  [/^its part (.+) is damaged$/u, (m) => `${m[1]} 부분이 손상되었습니다`],
  [/^its part (.+) is compressed in a way this tool does not read \(method (\d+)\)$/u, (m) => `${m[1]} 부분이 이 도구가 읽지 못하는 방식(method ${m[2]})으로 압축되어 있습니다`],
  [/^it has no workbook part \(xl\/workbook\.xml\): it is not an Excel workbook$/u, () => '통합 문서 부분(xl/workbook.xml)이 없어 Excel 통합 문서가 아닙니다'],
  [/^it has no visible sheet$/u, () => '보이는 시트가 없습니다'],
  [
    /^its (?:only table is|tables are) on the hidden sheets? (.+): unhide it in Excel \(right-click a sheet tab, Unhide\) and save the workbook, or export it again$/u,
    (m) => `표가 숨겨진 시트 ${m[1]}에만 있습니다. Excel에서 시트 탭을 마우스 오른쪽 단추로 클릭해 [숨기기 취소]를 하고 저장하거나, 다시 내보내세요`,
  ],
  [/^its sheet "(.+)" is missing \((.+)\)$/u, (m) => `"${m[1]}" 시트가 없습니다(${m[2]})`],
  [/^its sheet "(.+)" is cut off \((.+) ends before its last row\)$/u, (m) => `"${m[1]}" 시트가 중간에 잘렸습니다(${m[2]}: 마지막 행 전에 끝남)`],
  [/^the file cannot be read \((.+)\)$/u, (m) => `파일을 읽을 수 없습니다(${m[1]})`],
  [/^it is too large to read as a workbook$/u, () => '통합 문서로 읽기에는 너무 큽니다'],
  // An XLS (workbook/cfb.ts, xls.ts).
  [
    /^it is an Excel 5\.0\/95 workbook, older than the Excel 97-2003 format this tool reads: open it in Excel and save it as \.xlsx$/u,
    () => 'Excel 5.0/95 통합 문서로, 이 도구가 읽는 Excel 97-2003 형식보다 오래되었습니다. Excel에서 열어 .xlsx로 저장하세요',
  ],
  [/^it is not an Excel workbook \(an Office file of another kind\)$/u, () => 'Excel 통합 문서가 아닙니다(다른 종류의 Office 파일)'],
  [/^it is not an Excel workbook \(its Workbook stream does not start as one\)$/u, () => 'Excel 통합 문서가 아닙니다(Workbook 스트림이 통합 문서처럼 시작하지 않음)'],
  [/^its compound file (header|directory) is damaged$/u, (m) => `복합 파일의 ${m[1] === 'header' ? '헤더' : '디렉터리'}가 손상되었습니다`],
  [/^its shared strings are (cut off|damaged)$/u, (m) => `공유 문자열이 ${m[1] === 'cut off' ? '잘렸습니다' : '손상되었습니다'}`],
  [/^its sheet is damaged \(it does not start where the workbook says\)$/u, () => '시트가 손상되었습니다(통합 문서가 가리키는 위치에서 시작하지 않음)'],
  [/^its table is wider than a sheet \(row (\d+) passes ([\d,]+) columns\)$/u, (m) => `표가 시트보다 넓습니다(${m[1]}행이 ${m[2]}열을 넘음)`],
  [/^its sheet is damaged \(a cell record is shorter than its kind\)$/u, () => '시트가 손상되었습니다(셀 레코드가 그 종류의 길이보다 짧음)'],
];

/** Why a file of an archive is not read (archive-exports.ts), in Korean. */
const ENTRY_WHY: [RegExp, string][] = [
  [/ \(a workbook of a kind not read\)$/u, ' (읽지 않는 종류의 통합 문서)'],
  [/ \(protected by a password\)$/u, ' (암호로 보호됨)'],
  [/ \(compressed in a way this tool does not read \(method (\d+)\)\)$/u, ' (이 도구가 읽지 못하는 압축 방식, method $1)'],
  [/ \(over (\d+) MB unpacked\)$/u, ' (압축을 풀면 $1MB 초과)'],
];

/** `"a.pdf", "b.xls" (a workbook of a kind not read) and 3 more`, in Korean; null when an item's why has no Korean. */
function listKo(list: string): string | null {
  const more = / and (\d+) more$/u.exec(list);
  const items = (more ? list.slice(0, more.index) : list).split(/, (?=")/u);
  const said = items.map((item) => {
    if (/^"[^"]*"$/u.test(item)) return item;
    for (const [pattern, ko] of ENTRY_WHY) if (pattern.test(item)) return item.replace(pattern, ko);
    return null;
  });
  return said.includes(null) ? null : `${said.join(', ')}${more ? ` 외 ${more[1]}개` : ''}`;
}

function reasonKo(reason: string): string | null {
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return say(m);
  }
  return null;
}

/** What is done with the files of a folder named like a data file (export-listing.ts `FOLDER_WHY`). */
const FOLDER_WHY_KO: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "; the files in it, if any, are taken as a subfolder's": '. 안에 파일이 있으면 하위 폴더의 파일로 다룹니다',
  ' (a hidden folder is not looked into)': '(숨김 폴더는 열어 보지 않습니다)',
  ' (a folder inside a subfolder is not looked into)': '(하위 폴더 안의 폴더는 열어 보지 않습니다)',
});

export const CONTAINER_RULES: Rules = {
  not_csv: [
    [
      re(`a ZIP archive that cannot be read: (?<why>.+)\\. Download it again, or extract it and put the CSV files it holds in the folder in its place`),
      (g) => {
        const why = reasonKo(g.why!);
        return why === null ? null : `읽을 수 없는 ZIP 압축 파일입니다: ${why}. 다시 내려받거나, 압축을 풀어 그 안의 CSV 파일을 이 폴더에 대신 넣으세요`;
      },
    ],
    [
      re(`an Excel workbook that cannot be read: (?<why>.+)\\. Export it again as CSV from the CRM \\(or open it in Excel and save it as "CSV UTF-8"\\), and put the CSV file in its place`),
      (g) => {
        const why = reasonKo(g.why!);
        return why === null ? null : `읽을 수 없는 Excel 통합 문서입니다: ${why}. CRM에서 CSV로 다시 내보내거나(또는 Excel에서 열어 "CSV UTF-8"로 저장하여) 그 CSV 파일로 바꾸세요`;
      },
    ],
  ],
  archive_entries_not_read: [
    [re(`(?<n>\\d+) of its files (?:is|are) not read: (?<list>.+)`), (g) => listKo(g.list!) === null ? null : `파일 ${g.n}개를 읽지 않았습니다: ${listKo(g.list!)}`],
  ],
  unknown_export: [
    [
      re(`(?<n>\\d+) of its CSV files (?:matches|match) no (?<f>[\\w-]+) export and (?:is|are) not read \\(a CRM's full export holds files of every kind\\): (?<list>.+)`),
      (g) => `CSV 파일 ${g.n}개는 ${g.f === 'supported' ? '지원하는' : g.f} 내보내기 형식과 맞지 않아 읽지 않았습니다(CRM 전체 내보내기에는 온갖 종류의 파일이 들어 있습니다): ${g.list!.replace(/ and (\d+) more$/u, ' 외 $1개')}`,
    ],
  ],
  // A file or folder whose name is not UTF-8 (export-listing.ts `misnamedMessage`): an archive extracted without its character set.
  file_not_read: [
    [
      re(`not read: its name is not UTF-8(?: \\(its bytes read as "(?<shown>.*)"\\))?, so it cannot be opened by the name this system gives it; a ZIP archive made on Windows and extracted without its character set names files so: rename it, or extract the archive again with "unzip -O cp949"`),
      (g) =>
        `읽지 않았습니다: 이름이 UTF-8이 아니어서${g.shown === undefined ? '' : `(바이트를 읽으면 "${g.shown}")`} 이 시스템이 알려 주는 이름으로는 열 수 없습니다. Windows에서 만든 ZIP 파일을 문자 집합 지정 없이 풀면 이렇게 됩니다. 이름을 바꾸거나 "unzip -O cp949"로 다시 푸세요`,
    ],
    // A folder named like a data file (export-listing.ts `folderMessage`).
    [
      re(`a folder, not a file, though its name ends in "(?<end>\\.[A-Za-z]+)": not read as a file(?<why>.*)`),
      (g) => (FOLDER_WHY_KO[g.why!] === undefined ? null : `확장자가 "${g.end}"인 이름이지만 파일이 아니라 폴더여서 파일로 읽지 않았습니다${FOLDER_WHY_KO[g.why!]}`),
    ],
  ],
  sheet_skipped: [
    [
      re(`its sheet (?<sheet>.+) is read: the sheets? before it, (?<skipped>.+), (?:holds|hold) no table \\(a cover: lines of text, or labels with their values\\), so (?:it is|they are) not read`),
      (g) => `${g.sheet} 시트를 읽었습니다. 그 앞의 ${g.skipped} 시트에는 표가 없어(글 줄이나 항목과 값만 있는 표지) 읽지 않았습니다`,
    ],
  ],
  sheet_not_read: [
    [
      re(`only its sheet (?<sheet>.+) is read: (?<others>.+) (?:holds|hold) data too and (?:is|are) not read; save each sheet to read as a file of its own`),
      (g) => `${g.sheet} 시트만 읽었습니다. ${g.others}에도 데이터가 있지만 읽지 않았습니다. 읽을 시트는 각각 별도 파일로 저장하세요`,
    ],
    [
      re(`only its first sheet, (?<sheet>.+), is read: (?<others>.+) (?:holds|hold) data too and (?:is|are) not read; save each sheet to read as a file of its own`),
      (g) => `첫 시트 ${g.sheet}만 읽었습니다. ${g.others}에도 데이터가 있지만 읽지 않았습니다. 읽을 시트는 각각 별도 파일로 저장하세요`,
    ],
  ],
  uncalculated_formulas: [
    [
      re(`(?<n>\\d+) formula cells? (?:has|have) no saved value \\(first (?<cell>[A-Z]*\\d*)\\), as a program that writes formulas without calculating them leaves them, and reads? as empty: open the workbook in Excel and save it, or export it again as CSV`),
      (g) => `수식 셀 ${g.n}개에 저장된 값이 없어(처음은 ${g.cell}) 빈 칸으로 읽었습니다. 수식을 계산하지 않고 쓰는 프로그램이 만든 통합 문서입니다. Excel에서 열어 저장하거나 CSV로 다시 내보내세요`,
    ],
  ],
};
