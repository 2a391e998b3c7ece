/**
 * A CSV reader that never bends a row (issue 7): quotes in odd places,
 * unclosed quotes, lone CRs, rows with too many cells, NUL bytes, records
 * longer than the limit. Every physical line belongs to exactly one record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/lib/dataset.ts';
import { CSV_LIMITS, type CsvLimits, parseCsv } from '../../../src/lib/ingest/csv.ts';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { byteSource } from '../../../src/lib/ingest/decode.ts';
import { IngestFatalError, IssueLog } from '../../../src/lib/ingest/issues.ts';
import { readTable } from '../../../src/lib/ingest/table.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { utf8, utf16 } from './helpers.ts';

interface Rec {
  line: number;
  lastLine: number;
  cells: string[];
  problem?: string;
}

/** Every record parseCsv reports, header first, with its lines. */
function parse(input: string | Iterable<string>, limits?: CsvLimits): Rec[] {
  const out: Rec[] = [];
  parseCsv(
    typeof input === 'string' ? [input] : input,
    {
      header: (h) => out.push({ line: h.line, lastLine: h.lastLine, cells: h.names, ...(h.malformed ? { problem: describeProblem(h.malformed) } : {}) }),
      record: (r) => out.push({ line: r.line, lastLine: r.lastLine, cells: r.malformed ? [] : r.toArray(), ...(r.malformed ? { problem: describeProblem(r.malformed) } : {}) }),
    },
    limits,
  );
  return out;
}

const describeProblem = (p: NonNullable<Parameters<Parameters<typeof parseCsv>[1]['record']>[0]['malformed']>) =>
  p.kind === 'too_long' ? 'too_long' : `${p.reason}@${p.openLine}:${p.openColumn}`;

/** A canonical-like table read by readTable (field_count on): rows, stats and issues. */
function table(text: string | Uint8Array, known = ['id', 'name', 'note'], chunkBytes = 7) {
  const issues = new IssueLog();
  const rows: { line: number; cells: string[] }[] = [];
  const t = readTable(byteSource(typeof text === 'string' ? utf8(text) : text, chunkBytes), { file: 'deals.csv', required: [], known }, { issues }, () => (record) => {
    rows.push({ line: record.line, cells: record.toArray() });
    return true;
  });
  return { rows, stats: t.stats, issues: issues.sorted() };
}

const brief = (issues: Issue[]) => issues.map((i) => `${i.line} ${i.severity} ${i.code}${i.column ? ` [${i.column}]` : ''}: ${i.message}`);

describe('quotes inside and after cells', () => {
  it('reads a quote inside an unquoted cell as a character', () => {
    expect(parse('id,name\n1,Alpha "Beta" Gamma\n2,x\n3,y\n').slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: ['1', 'Alpha "Beta" Gamma'] },
      { line: 3, lastLine: 3, cells: ['2', 'x'] },
      { line: 4, lastLine: 4, cells: ['3', 'y'] },
    ]);
  });

  it('reads text after a closing quote as Excel does, and never glues the next lines', () => {
    const lines = ['id,name,note'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},"Alpha" upgrade,n${i}`);
    const text = `${lines.join('\n')}\n`;
    const { rows, stats, issues } = table(text);
    expect(stats).toEqual({ rows: 100_000, accepted: 100_000, rejected: 0 });
    expect(rows[0]).toEqual({ line: 2, cells: ['1', 'Alpha upgrade', 'n1'] });
    expect(rows.at(-1)).toEqual({ line: 100_001, cells: ['100000', 'Alpha upgrade', 'n100000'] });
    expect(brief(issues)).toEqual([
      '2 warning quote_text [name]: lines 2-100001: text follows the closing quote of a quoted cell (first on line 2, column "name": "Alpha" upgrade); read as Excel reads it: Alpha upgrade. To keep the quotes, put the whole cell in quotes and double the quotes inside',
    ]);
  });

  it('keeps the rest of the cell after the closing quote literally, quotes included, up to the delimiter', () => {
    expect(parse('a,b\n"x"y"z",w\n"a""b" c\r\n1,2').slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: ['xy"z"', 'w'] },
      { line: 3, lastLine: 3, cells: ['a"b c'] },
      { line: 4, lastLine: 4, cells: ['1', '2'] },
    ]);
  });
});

describe("Excel's text formulas", () => {
  const text = 'id,name,note\n="00123", ="Kim ""Jr""" ,x\n"=""D-2""",="A"&"B",=""\n3,="1,2"\n=SUM(1),b,c\n';

  it('reads ="…" as the text inside the quotes, quoted or not, whatever the chunk edges', () => {
    for (const chunkBytes of [1, 2, 3, 5, 7, 4096]) {
      const { rows, stats } = table(text, ['id', 'name', 'note'], chunkBytes);
      expect(stats).toEqual({ rows: 4, accepted: 4, rejected: 0 });
      expect(rows.map((r) => r.cells)).toEqual([
        ['00123', 'Kim "Jr"', 'x'],
        // More than one string is a formula like any other, kept as written; ="" is an empty text.
        ['D-2', '="A"&"B"', ''],
        // A delimiter splits an unquoted formula as any cell: neither part is one.
        ['3', '="1', '2"'],
        ['=SUM(1)', 'b', 'c'],
      ]);
    }
  });

  it('says so once per file, with the first cell as written and as read (en, ko)', () => {
    const { issues } = table(text);
    expect(brief(issues)).toEqual([
      '2 warning text_formula [id]: lines 2 and 3: cells written as Excel text formulas (first on line 2, column "id": ="00123") were read as the text inside the quotes, as Excel shows them: 00123',
    ]);
    expect(issueMessage(issues[0]!, 'ko')).toBe(
      '2, 3행: Excel 텍스트 수식(="…")으로 적힌 셀은(처음은 2행, 열 "id": ="00123") Excel에 보이는 대로 따옴표 안의 글자로 읽었습니다: 00123',
    );
  });

  it('names the header among the lines when a column name is written as one, and reads the name inside', () => {
    const { rows, issues } = table('="id",name,note\n1,a,b\n="2",c,d\n', ['id', 'name', 'note']);
    expect(rows.map((r) => r.cells)).toEqual([['1', 'a', 'b'], ['2', 'c', 'd']]);
    expect(brief(issues)).toEqual([
      '1 warning text_formula [id]: lines 1 and 3: cells written as Excel text formulas (first on line 1, column "id": ="id") were read as the text inside the quotes, as Excel shows them: id',
    ]);
  });
});

describe('unclosed quotes', () => {
  it('rejects the line of a quote never closed before the end of the file, and reads the lines after it', () => {
    const { rows, stats, issues } = table('id,name,note\n1,a,b\n2,"Acme,x\n3,c,d\n4,e,f\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(stats).toEqual({ rows: 4, accepted: 3, rejected: 1 });
    expect(brief(issues)).toEqual([
      '3 error malformed_csv [name]: line 3: a quoted cell opened on line 3 at character 3 (column "name") is never closed before the end of the file; 1 line rejected, the lines after it are read as usual. Close the quote, or write a quote inside a quoted cell as two ("")',
    ]);
  });

  it('does not let a stray quote pair with the opening quote of a later row', () => {
    // Without the rule, lines 3-6 would be one record: the quote on line 3 "closes" at the one opening "Beta" on line 6.
    const text = ['id,name,note', '1,a,b', '2,"Alpha upgrade,x', '3,c,d', '4,e,f', '5,"Beta",y', '6,g,h'].join('\n');
    const { rows, stats, issues } = table(text);
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'a', 'b'] },
      { line: 4, cells: ['3', 'c', 'd'] },
      { line: 5, cells: ['4', 'e', 'f'] },
      { line: 6, cells: ['5', 'Beta', 'y'] },
      { line: 7, cells: ['6', 'g', 'h'] },
    ]);
    expect(stats).toEqual({ rows: 6, accepted: 5, rejected: 1 });
    expect(brief(issues)).toEqual([
      '3 error malformed_csv [name]: line 3: a quoted cell opened on line 3 at character 3 (column "name") is never closed: the quote that would close it, on line 6, is followed by other text; 1 line rejected, the lines after it are read as usual. Close the quote, or write a quote inside a quoted cell as two ("")',
    ]);
  });

  it('names the whole range of a multi-line record whose later quote is unclosed', () => {
    const text = ['id,name,note', '1,a,b', '2,"two', 'lines","three', 'more', 'lines', 'end', '3,c,d', '4,"x" y,z'].join('\r\n');
    // Line 3 opens a quoted cell closed on line 4, where another opens and never closes properly.
    const { rows, stats, issues } = table(text);
    expect(stats).toEqual({ rows: 7, accepted: 6, rejected: 1 });
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 8, 9]);
    expect(brief(issues)[0]).toBe(
      '3 error malformed_csv [note]: lines 3-4: a quoted cell opened on line 4 at character 8 (column "note") is never closed: the quote that would close it, on line 9, is followed by other text; 2 lines rejected, the lines after them are read as usual. Close the quote, or write a quote inside a quoted cell as two ("")',
    );
    expect(issues[1]).toMatchObject({
      line: 9,
      code: 'quote_text',
      message: 'line 9: text follows the closing quote of a quoted cell (column "name": "x" y); read as Excel reads it: x y. To keep the quotes, put the whole cell in quotes and double the quotes inside',
    });
  });

  it('bounds a quoted cell by lines and characters', () => {
    const limits = { maxChars: 1000, maxCellLines: 3 };
    const ok = parse('h\n"1\n2\n3\n4"\nnext', limits);
    expect(ok.slice(1)).toEqual([{ line: 2, lastLine: 5, cells: ['1\n2\n3\n4'] }, { line: 6, lastLine: 6, cells: ['next'] }]);
    const long = parse('h\n"1\n2\n3\n4\n5"\nnext', limits);
    expect(long.slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: [], problem: 'long@2:1' },
      { line: 3, lastLine: 3, cells: ['2'] },
      { line: 4, lastLine: 4, cells: ['3'] },
      { line: 5, lastLine: 5, cells: ['4'] },
      { line: 6, lastLine: 6, cells: ['5"'] },
      { line: 7, lastLine: 7, cells: ['next'] },
    ]);
    const wide = parse(`h\n"${'x'.repeat(2000)}"\nnext`, limits);
    expect(wide.slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: [], problem: 'long@2:1' },
      { line: 3, lastLine: 3, cells: ['next'] },
    ]);
  });

  it('makes a header that cannot be read a fatal error naming the file', () => {
    expect(() => table('"id,name\n1,a\n')).toThrow(IngestFatalError);
    expect(() => table('"id,name\n1,a\n')).toThrow(/^deals\.csv: the header cannot be read: line 1: a quoted cell opened on line 1 at character 1 is never closed/);
  });
});

describe('line ends', () => {
  it('ends a line at a lone CR inside an LF file, so two deals are never glued', () => {
    expect(parse('id,name\n1,x\r2,y\n3,z\r\n4,w').slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: ['1', 'x'] },
      { line: 3, lastLine: 3, cells: ['2', 'y'] },
      { line: 4, lastLine: 4, cells: ['3', 'z'] },
      { line: 5, lastLine: 5, cells: ['4', 'w'] },
    ]);
  });

  it('counts a lone CR inside a quoted cell as a line, as editors show it', () => {
    expect(parse('id,note\n1,"a\rb"\n2,c').slice(1)).toEqual([
      { line: 2, lastLine: 3, cells: ['1', 'a\rb'] },
      { line: 4, lastLine: 4, cells: ['2', 'c'] },
    ]);
  });

  it('numbers lines the same way when decoding a file that mixes UTF-8 and legacy lines', () => {
    // "Müller" in Windows-1252 (FC) on line 3, after a line ended by a lone CR.
    const bytes = Uint8Array.from([...utf8('id,name,note\n1,José,a\r2,M'), 0xfc, ...utf8('ller,b\n3,Zoë,c\n')]);
    for (const size of [1, 3, 7, 1024]) {
      const { rows, issues } = table(bytes, ['id'], size);
      expect(rows).toEqual([
        { line: 2, cells: ['1', 'José', 'a'] },
        { line: 3, cells: ['2', 'Müller', 'b'] },
        { line: 4, cells: ['3', 'Zoë', 'c'] },
      ]);
      expect(brief(issues)).toEqual(['3 warning mixed_encoding: line 3 is not UTF-8 and was read as Windows-1252; the rest is UTF-8. Re-export the file as UTF-8 to be sure']);
    }
  });

  it('reads a CRLF cut between its CR and LF by a chunk edge as one line end', () => {
    expect(parse(['id,x\r', '\n1,a\r', '\n2,b']).map((r) => r.line)).toEqual([1, 2, 3]);
  });
});

describe("Excel's delimiter hint (sep=)", () => {
  it('takes a first line `sep=;` as the delimiter, not as the header, and numbers the lines as they are in the file', () => {
    // A comma inside a cell shows that ';' was used, not detected from the header (which has none).
    for (const nl of ['\n', '\r\n', '\r']) {
      expect(parse(`sep=;${nl}id${nl}1,5${nl}`)).toEqual([
        { line: 2, lastLine: 2, cells: ['id'] },
        { line: 3, lastLine: 3, cells: ['1,5'] },
      ]);
    }
    expect(parse('SEP=\t\nid,x\tname\n1\ta\n').map((r) => r.cells)).toEqual([['id,x', 'name'], ['1', 'a']]);
  });

  it('reads the same whatever the chunk edges, a CRLF cut after its CR included', () => {
    const text = 'sep=;\r\nid;name;note\r\n1;a;b\r\n2;c,d;e\r\n';
    for (const size of [1, 2, 5, 6, 7, 64]) {
      const { rows, stats, issues } = table(text, ['id', 'name', 'note'], size);
      expect(rows).toEqual([
        { line: 3, cells: ['1', 'a', 'b'] },
        { line: 4, cells: ['2', 'c,d', 'e'] },
      ]);
      expect(stats).toEqual({ rows: 2, accepted: 2, rejected: 0 });
      expect(issues).toEqual([]);
    }
  });

  it('is only the first line: a later `sep=,` is a record like any other', () => {
    expect(parse('id,name\nsep=,\n').map((r) => r.cells)).toEqual([['id', 'name'], ['sep=', '']]);
  });

  it('says what is wrong with a hint naming a delimiter it does not read', () => {
    const text = 'sep=|\ndeal_id|stage|entered_at\n';
    expect(() => readTable(byteSource(utf8(text)), { file: 'stage_history.csv', required: ['deal_id', 'stage', 'entered_at'], known: [] }, { issues: new IssueLog() }, () => () => true)).toThrow(
      'stage_history.csv: missing required columns "deal_id", "stage", "entered_at"; line 1 is Excel\'s delimiter hint "sep=|", and Pipescope reads only "," ";" or tab as the delimiter: save the file as CSV with one of them',
    );
  });

  it('reads a data folder whose files start with it', () => {
    const deals = 'sep=;\ndeal_id;account_id;owner;amount;created_at;stage\nD1;A1;Kim;"1,500";2025-01-01;prospect\n';
    const { dataset } = loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8('sep=,\ndeal_id,stage,entered_at\nD1,prospect,2025-01-01\n') });
    expect(dataset.deals.map((d) => [d.id, d.amount, d.line])).toEqual([['D1', 1500, 3]]);
    expect(dataset.stageHistory.length).toBe(1);
    expect(dataset.issues).toEqual([]);
  });
});

describe('cells against the header', () => {
  const header = 'deal_id,account_id,owner,amount,created_at,stage,competitor,source';
  const history = 'deal_id,stage,entered_at\nD1,prospect,2025-01-01\nD3,prospect,2025-01-01\n';

  it('rejects a row with more cells than the header, and says to quote the cell with the delimiter', () => {
    const deals = `${header}\nD1,A1,Kim,100,2025-01-01,prospect,Rival,web\nD2,A2,Kim,100,2025-01-01,prospect,Rival, Inc,web\nD3,A3,Kim,100,2025-01-01,prospect\n`;
    const { dataset } = loadDataset({ 'deals.csv': utf8(deals), 'stage_history.csv': utf8(history) });
    expect(dataset.files['deals.csv']).toEqual({ rows: 3, accepted: 2, rejected: 1 });
    expect(brief(dataset.issues)).toEqual([
      '3 error field_count: line 3: 9 cells, the header has 8 (extra: "web"); a cell that contains a comma must be in double quotes, as "Rival, Inc". Row rejected',
    ]);
    // Fewer cells than the header: the missing trailing cells are empty.
    expect(dataset.deals.map((d) => [d.id, d.competitor, d.source])).toEqual([
      ['D1', 'Rival', 'web'],
      ['D3', '', ''],
    ]);
  });

  it('accepts extra cells that are blank (trailing delimiters)', () => {
    const { stats, issues } = table('id,name,note\n1,a,b,,\n2,a,b, ;\n', ['id']);
    expect(stats).toEqual({ rows: 2, accepted: 1, rejected: 1 });
    expect(brief(issues)).toEqual(['3 error field_count: line 3: 4 cells, the header has 3 (extra: ";"); a cell that contains a comma must be in double quotes, as "Rival, Inc". Row rejected']);
  });

  it('names rows with empty extra cells when the file\'s other rows have none, where a cell split at an unquoted delimiter hides (en, ko)', () => {
    // Every row ends with a delimiter (a tool that writes rows so): nothing to say.
    expect(table('id,name,note\n1,a,b,\n2,a,b,\n').issues).toEqual([]);
    // One row does: "Rival, Inc" unquoted, its last cell empty, read as name "Rival" and note " Inc" without a cell left over.
    const { stats, issues } = table('id,name,note\n1,Rival, Inc,\n2,Acme,x\n3,Beta,y\n4,Rival, Inc,\n');
    expect(stats).toEqual({ rows: 4, accepted: 4, rejected: 0 });
    expect(brief(issues)).toEqual([
      `2 warning extra_empty_cells: lines 2 and 5: more cells than the header's 3, the extra ones empty, where the file's other rows have none: read as if the row ended with a delimiter, but a cell that contains a comma outside double quotes moves the cells after it one column to the right, which an empty last cell hides; check these rows, and put such a cell in double quotes, as "Rival, Inc"`,
    ]);
    expect(issueMessage(issues[0]!, 'ko')).toBe(
      '2, 5행: 셀이 머리글의 3개보다 많고 남는 셀은 비어 있습니다. 파일의 다른 행에는 없는 일입니다. 행 끝에 구분 기호가 하나 더 있는 것으로 읽었지만, 큰따옴표 밖에 쉼표(,)가 들어 있는 셀이 있으면 그 뒤의 셀이 한 열씩 오른쪽으로 밀리고, 마지막 셀이 비어 있으면 그것이 드러나지 않습니다. 이 행들을 확인하고, 그런 셀은 "Rival, Inc"처럼 큰따옴표로 감싸세요',
    );
  });

  it('says how to name a required column written another way (case, spaces, _ - .)', () => {
    const read = (header: string) => () => readTable(byteSource(utf8(`${header}\n`)), { file: 'deals.csv', required: ['deal_id', 'created_at', 'stage'], known: [] }, { issues: new IssueLog() }, () => () => true);
    expect(read('Deal ID,Created.At,stage')).toThrow('deals.csv: missing required columns "deal_id", "created_at"; the header has "Deal ID", "Created.At": name them exactly deal_id, created_at');
    expect(read('deal-id,created_at,Stage')).toThrow('deals.csv: missing required column "deal_id"; the header has "deal-id": name it exactly deal_id');
    // An invisible character pasted into a name (a zero-width space, a word joiner): named, escaped, not left unseen.
    expect(read('deal_id\u200b,created_at,\u2060stage')).toThrow(
      'deals.csv: missing required columns "deal_id", "stage"; the header has "deal_id\\u200b", "\\u2060stage": name them exactly deal_id, stage',
    );
    // Nothing like it: no hint.
    expect(read('id,created_at,stage')).toThrow(/^deals\.csv: missing required column "deal_id"$/);
  });

  it('says that column names typed in another language are not read, and how to name them', () => {
    const read = (header: string) => () => readTable(byteSource(utf8(`${header}\n`)), { file: 'deals.csv', required: ['deal_id', 'stage'], known: [] }, { issues: new IssueLog() }, () => () => true);
    expect(read('딜ID,딜명,고객사ID,단계')).toThrow(
      'deals.csv: missing required columns "deal_id", "stage"; its column names are not in English ("딜ID", "딜명", "고객사ID", ...): name the columns as docs/input.md does, in English (the required ones above)',
    );
    // Mostly English, one Korean name: the usual message (the names are not guessed either way).
    expect(read('deal_id,owner,amount,단계')).toThrow(/^deals\.csv: missing required column "stage"$/);
  });

  it('says when a required file is a web page or JSON, not CSV', () => {
    const read = (text: string) => () => readTable(byteSource(utf8(text)), { file: 'deals.csv', required: ['deal_id'], known: [] }, { issues: new IssueLog() }, () => () => true);
    expect(read('<!DOCTYPE html>\n<html lang="en">\n')).toThrow(
      'deals.csv: missing required column "deal_id"; the file is a web page (HTML), not CSV: a download link that needed a sign-in saves the sign-in page. Export the file again from the CRM',
    );
    expect(read('  <html>\n')).toThrow(/the file is a web page \(HTML\)/u);
    expect(read('[{"deal_id": "D1"}]\n')).toThrow('deals.csv: missing required column "deal_id"; the file is JSON, not CSV: export it again as CSV');
    expect(read('<deal_id>,stage\n')).toThrow(/^deals\.csv: missing required column "deal_id"$/u);
  });

  it('reports a line that repeats the header (two files joined into one) as itself, once, not as a row of bad values', () => {
    const text = 'id,name,note\n1,a,b\nid,name,note\n"id", name ,"note"\n2,c,d\nid,name\nID,Name,NOTE\nid,nam,notes\n\ufeffid,name,note\n';
    for (const size of [3, 64]) {
      const { rows, stats, issues } = table(text, ['id', 'name', 'note'], size);
      // Cell for cell as the header's names are matched: quotes, spaces (a BOM of the file joined) and case aside.
      // A line of fewer names is the header without some columns; as many cells that are not names as names make a row.
      expect(rows.map((r) => r.line)).toEqual([2, 5, 8]);
      expect(stats).toEqual({ rows: 8, accepted: 3, rejected: 5 });
      const repeats = (n: number) => `${n} error repeated_header: line ${n} repeats the header of line 1 (were two files joined into one?); it is not a row`;
      expect(brief(issues)).toEqual([
        repeats(3),
        repeats(4),
        '6 error reordered_header: line 6 repeats the header of line 1 without some of its columns (id, name; were two files joined into one?): it is not a row, and the rows below it are read by its columns; the columns it lacks (note) are empty in those rows',
        repeats(7),
        repeats(9),
      ]);
    }
    // Case as toLowerCase folds it, the header's own matching: non-ASCII letters too, and nothing that folding does not make equal.
    const other = table('Ünit,Größe\nÜNIT,GRÖSSE\nünit,GRÖßE\nuNIT,größe\n', ['ünit'], 64);
    expect(other.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(brief(other.issues)).toEqual(['3 error repeated_header: line 3 repeats the header of line 1 (were two files joined into one?); it is not a row']);
    // İ lower-cases to two characters (i and a dot above): the name is longer than the cell it matches.
    const dotted = table('İd,Ad\nİD,AD\nID,AD\nid,ad\n', ['i̇d'], 64);
    expect(dotted.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(dotted.issues.map((i) => i.line)).toEqual([2]);
    // A Korean name, a one-character one and one whose second character is not ASCII: a row starting as none of them is a row.
    const wide = table('거래,a,bé\n1,2,3\n거래,A,BÉ\nb,a,x\nbé,1,2\nA,거래,BÉ\nBÉ,거래,a\n', ['거래'], 64);
    expect(wide.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(wide.issues.map((i) => [i.line, i.code])).toEqual([[3, 'repeated_header'], [6, 'reordered_header'], [7, 'reordered_header']]);
  });

  it("reports a one-column file's header repeated (two exports of accounts.csv joined) rather than reading it as an id", () => {
    const { rows, stats, issues } = table('account_id\nA-1\n"Account_ID"\nA-2\naccount_id2\n', ['account_id'], 64);
    expect(rows.map((r) => r.cells)).toEqual([['A-1'], ['A-2'], ['account_id2']]);
    expect(stats).toEqual({ rows: 4, accepted: 3, rejected: 1 });
    expect(brief(issues)).toEqual(['3 error repeated_header: line 3 repeats the header of line 1 (were two files joined into one?); it is not a row']);
  });

  it('reads the rows below a header repeated in another order by that order, until the header comes again (en, ko)', () => {
    // Two exports joined, the second with its columns moved and one left out; then the first order again.
    const text = 'id,name,note\n1,a,b\nNote,ID\nn2,2\nn3,3,extra\n"id","name","note"\n4,d,e\n';
    for (const size of [3, 64]) {
      const { rows, stats, issues } = table(text, ['id', 'name', 'note'], size);
      expect(rows).toEqual([
        { line: 2, cells: ['1', 'a', 'b'] },
        { line: 4, cells: ['2', '', 'n2'] },
        { line: 7, cells: ['4', 'd', 'e'] },
      ]);
      // A row with a cell past the repeated header's two is rejected as any row with more cells than its header.
      expect(stats).toEqual({ rows: 6, accepted: 3, rejected: 3 });
      expect(brief(issues).map((m) => m.split(':').slice(0, 3).join(':'))).toEqual([
        '3 error reordered_header: line 3 repeats the header of line 1 with its columns in another order (Note, ID; were two files joined into one?): it is not a row, and the rows below it are read by its columns; the columns it lacks (name) are empty in those rows',
        '5 error field_count: line 5: 3 cells, the header has 2 (extra',
        '6 error repeated_header: line 6 repeats the header of line 1 (were two files joined into one?); it is not a row',
      ]);
      expect(issues[0]!.message).toBe(
        'line 3 repeats the header of line 1 with its columns in another order (Note, ID; were two files joined into one?): it is not a row, and the rows below it are read by its columns; the columns it lacks (name) are empty in those rows',
      );
      expect(issueMessage(issues[0]!, 'ko')).toBe(
        '3행은 1행의 머리글을 열 순서를 바꾸어 되풀이합니다(Note, ID. 두 파일을 하나로 합쳤나요?). 행으로 읽지 않았고, 그 아래 행은 이 머리글의 열대로 읽었습니다. 이 머리글에 없는 열(name)은 그 행들에서 비어 있습니다',
      );
    }
  });

  it('reads below a repeated header with a column added, leaving its cells unread', () => {
    const text = 'id,name,note\n1,a,b\nnote,Extra,ID,name\nn2,x,2,c\n';
    const { rows, stats, issues } = table(text, ['id', 'name', 'note'], 64);
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'a', 'b'] },
      { line: 4, cells: ['2', 'c', 'n2'] },
    ]);
    expect(stats).toEqual({ rows: 3, accepted: 2, rejected: 1 });
    expect(brief(issues)).toEqual([
      '3 error reordered_header: line 3 repeats the header of line 1 with its columns in another order (note, Extra, ID, name; were two files joined into one?): it is not a row, and the rows below it are read by its columns; its columns the first header does not have (Extra) are not read',
    ]);
    expect(issueMessage(issues[0]!, 'ko')).toBe(
      '3행은 1행의 머리글을 열 순서를 바꾸어 되풀이합니다(note, Extra, ID, name. 두 파일을 하나로 합쳤나요?). 행으로 읽지 않았고, 그 아래 행은 이 머리글의 열대로 읽었습니다. 첫 머리글에 없는 열(Extra)은 읽지 않았습니다',
    );
    // In the first order with a column added: read by its columns too, not as rows of too many cells.
    const added = table('id,name,note\n1,a,b\nid,name,note,Extra\n2,c,d,x\n', ['id', 'name', 'note'], 64);
    expect(added.rows.map((r) => r.cells)).toEqual([['1', 'a', 'b'], ['2', 'c', 'd']]);
    expect(added.issues.map((i) => i.message.split(' (')[0])).toEqual(['line 3 repeats the header of line 1 with other columns']);
  });

  it('takes a line of names for a header only when it has every required column', () => {
    const issues = new IssueLog();
    const rows: string[][] = [];
    readTable(byteSource(utf8('id,stage,at\n1,won,2025\nstage,id\nat,stage\n')), { file: 'deals.csv', required: ['id', 'stage'], known: [] }, { issues }, () => (record) => {
      rows.push(record.toArray());
      return true;
    });
    // "at,stage" lacks the required id: a row as written (below the reordered header, in its order).
    expect(rows).toEqual([['1', 'won', '2025'], ['stage', 'at', '']]);
    expect(issues.issues.map((i) => [i.line, i.code])).toEqual([[3, 'reordered_header']]);
  });

  it('names a semicolon for a semicolon file', () => {
    const { issues } = table('id;name;note\n1;a;b;c\n', ['id']);
    expect(issues[0]!.message).toBe('line 2: 4 cells, the header has 3 (extra: "c"); a cell that contains a semicolon must be in double quotes, as "Rival; Inc". Row rejected');
  });
});

describe('NUL bytes', () => {
  const history = utf8('deal_id,stage,entered_at\n');
  const header = 'deal_id,account_id,owner,amount,created_at,stage\n';

  it('refuses a file with NUL bytes, naming the file, line and byte offset', () => {
    const deals = new Uint8Array([...utf8(`${header}D1,A1,Kim,1,2025-01-01,prospect\nD2,A`), 0, 0, 0]);
    expect(() => loadDataset({ 'deals.csv': deals, 'stage_history.csv': history })).toThrow(
      'deals.csv: contains NUL bytes from line 3 (byte offset 85): not a text CSV file (a spreadsheet, a database file, or UTF-16 without a byte-order mark?); open it in the program that made it and export it as CSV (UTF-8)',
    );
  });

  it('refuses a file that is NUL bytes only, and one whose NUL follows invalid UTF-8', () => {
    expect(() => loadDataset({ 'deals.csv': new Uint8Array(100_000), 'stage_history.csv': history })).toThrow(/^deals\.csv: contains NUL bytes from line 1 \(byte offset 0\)/);
    const legacy = new Uint8Array([...utf8(header), 0xe9, 0x0a, 0x41, 0x00]);
    expect(() => loadDataset({ 'deals.csv': legacy, 'stage_history.csv': history })).toThrow(/^deals\.csv: contains NUL bytes from line 3 \(byte offset 52\)/);
  });

  it('reads UTF-16 (whose bytes hold 00) but refuses a U+0000 character in it', () => {
    const ok = loadDataset({ 'deals.csv': utf16(`${header}D1,A1,Kim,1,2025-01-01,prospect\n`, 'le'), 'stage_history.csv': history });
    expect(ok.dataset.deals).toHaveLength(1);
    const bad = utf16(`${header}D1,A1,Kim,1,2025-01-01,prospect\nD2,\0`, 'be');
    expect(() => loadDataset({ 'deals.csv': bad, 'stage_history.csv': history })).toThrow(/^deals\.csv: contains NUL bytes from line 3 \(byte offset 170\)/);
  });
});

describe('records longer than the limit', () => {
  it('reports a too-long row at its lines and reads on, without keeping it', () => {
    const limits = { maxChars: 100, maxCellLines: 10 };
    const text = `h,i\n1,${'a'.repeat(300)},x\n2,b\n3,"q\nr",${'c'.repeat(200)}\n4,d`;
    for (const size of [1, 7, 64, 10_000]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(parse(chunks, limits).slice(1)).toEqual([
        { line: 2, lastLine: 2, cells: [], problem: 'too_long' },
        { line: 3, lastLine: 3, cells: ['2', 'b'] },
        { line: 4, lastLine: 5, cells: [], problem: 'too_long' },
        { line: 6, lastLine: 6, cells: ['4', 'd'] },
      ]);
    }
  });

  it('does so at the default limit of 16 MiB, streaming 64 MiB of one line in small chunks', () => {
    let held = 0;
    function* chunks() {
      yield 'id,note\n1,';
      const block = 'x'.repeat(1 << 16);
      for (let i = 0; i < 1024; i++) yield block;
      yield '\n2,ok\n';
    }
    const rows = parse(
      (function* () {
        for (const c of chunks()) {
          held = Math.max(held, c.length);
          yield c;
        }
      })(),
    );
    expect(rows.slice(1)).toEqual([
      { line: 2, lastLine: 2, cells: [], problem: 'too_long' },
      { line: 3, lastLine: 3, cells: ['2', 'ok'] },
    ]);
    expect(CSV_LIMITS.maxChars).toBe(16 * 1024 * 1024);
  });

  it('says so in the issue', () => {
    const { issues } = table(`id,name,note\n1,${'a'.repeat(CSV_LIMITS.maxChars + 1)}\n2,b\n`, ['id'], 1 << 16);
    expect(brief(issues)).toEqual([
      '2 error record_too_long [name]: line 2: the row is longer than 16,777,216 characters, the most one row may hold; 1 line rejected. Check that this is a CSV export and that no quote is left open',
    ]);
  });
});

describe('every physical line belongs to exactly one record (property)', () => {
  const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '가', ';', ','), maxLength: 6 }).filter((s) => !s.startsWith('"'));
  const inner = fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '\n', '\r\n', '\r', '""', ' '), maxLength: 8 });
  const cell = fc.oneof(
    { weight: 4, arbitrary: plain },
    { weight: 4, arbitrary: inner.map((s) => `"${s}"`) },
    { weight: 1, arbitrary: fc.tuple(inner, plain).map(([s, t]) => `"${s}"${t.replace(/[,;\t]/gu, '')}`) }, // text after the closing quote
    { weight: 1, arbitrary: inner.map((s) => `"${s}`) }, // never closed
  );
  const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
  const file = fc
    .tuple(fc.constantFrom(',', ';', '\t'), fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), lineEnd), { minLength: 1, maxLength: 10 }), fc.boolean())
    .map(([d, rows, small]) => ({ text: `h1${d}h2\n${rows.map(([cells, nl]) => cells.join(d) + nl).join('')}`, limits: small ? { maxChars: 40, maxCellLines: 2 } : CSV_LIMITS }));

  it('covers every non-blank line once, and reads the same twice and in any chunks', () => {
    fc.assert(
      fc.property(file, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }), ({ text, limits }, sizes) => {
        const recs = parse(text, limits);
        expect(parse(text, limits)).toEqual(recs);
        const chunks: string[] = [];
        for (let i = 0, k = 0; i < text.length; k++) {
          chunks.push(text.slice(i, i + sizes[k % sizes.length]!));
          i += sizes[k % sizes.length]!;
        }
        expect(parse(chunks, limits)).toEqual(recs);
        const physical = text.split(/\r\n|\r|\n/u);
        if (physical.at(-1) === '') physical.pop();
        let next = 1;
        for (const r of recs) {
          expect(r.line).toBeGreaterThanOrEqual(next);
          expect(r.lastLine).toBeGreaterThanOrEqual(r.line);
          // Lines skipped between records are blank records: spaces, delimiters, empty quoted cells.
          for (let l = next; l < r.line; l++) expect(physical[l - 1]).toMatch(/^[\s,;"]*$/u);
          next = r.lastLine + 1;
        }
        expect(next - 1).toBeLessThanOrEqual(physical.length);
        for (let l = next; l <= physical.length; l++) expect(physical[l - 1]).toMatch(/^[\s,;"]*$/u);
      }),
      { numRuns: 1000 },
    );
  });
});
