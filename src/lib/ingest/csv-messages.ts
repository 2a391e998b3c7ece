/**
 * What table.ts tells the user about records the CSV reader could not take
 * as they are: each message names the lines (and the column and character
 * where there is one) and says what to do.
 */
import { CSV_LIMITS, type CsvLimits, type Delimiter } from './csv.ts';
import type { CsvProblem } from './csv-record.ts';
import { LineRuns, lineList } from './line-runs.ts';

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** "line 5" or "lines 5-9". */
export function lineRange(first: number, last: number): string {
  return last > first ? `lines ${first}-${last}` : `line ${first}`;
}

/** ' (column "notes")' for a cell under a named header column, else ''. */
export function columnNote(names: readonly string[], cell: number): string {
  const name = names[cell];
  return name ? ` (column "${name}")` : '';
}

/** A cell as written, cut when long, for a message. */
function shown(text: string): string {
  const flat = text.replace(/[\r\n]+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** The error for a record the tokenizer rejected (lines `first`–`last`); `header`: the fatal error's reason instead. */
export function problemMessage(problem: CsvProblem, first: number, last: number, names: readonly string[], header = false, limits: CsvLimits = CSV_LIMITS): string {
  const lines = lineRange(first, last);
  const rejected = header ? '' : `; ${count(last - first + 1, 'line')} rejected`;
  if (problem.kind === 'too_long') {
    return `${lines}: the ${header ? 'header' : 'row'} is longer than ${count(limits.maxChars, 'character')}, the most one row may hold${rejected}. Check that this is a CSV export and that no quote is left open`;
  }
  const where = `a quoted cell opened on line ${problem.openLine} at character ${problem.openColumn}${columnNote(names, problem.cell)}`;
  const why =
    problem.reason === 'eof'
      ? 'is never closed before the end of the file'
      : problem.reason === 'text_after'
        ? `is never closed: the quote that would close it, on line ${problem.closeLine}, is followed by other text`
        : `is not closed within ${count(limits.maxCellLines, 'line')} or ${count(limits.maxChars, 'character')}`;
  const after = header ? '' : `, the lines after ${last > first ? 'them' : 'it'} are read as usual`;
  return `${lines}: ${where} ${why}${rejected}${after}. Close the quote, or write a quote inside a quoted cell as two ("")`;
}

/** The delimiter in words, and a cell holding it quoted: what the messages about a split cell advise. */
function delimiterWords(delimiter: Delimiter): { name: string; example: string } {
  const name = delimiter === ',' ? 'a comma' : delimiter === ';' ? 'a semicolon' : 'a tab';
  return { name, example: delimiter === '\t' ? '"Rival<tab>Inc"' : `"Rival${delimiter} Inc"` };
}

/** The error for a row with more cells than the header (extra cells not all blank). */
export function fieldCountMessage(first: number, last: number, cells: number, header: number, extra: readonly string[], delimiter: Delimiter, curly = false): string {
  const { name, example } = delimiterWords(delimiter);
  const extras = extra.slice(0, 3).map((c) => `"${shown(c)}"`).join(', ');
  // A text editor's smart quotes look like quotes and quote nothing.
  const why = curly ? ' (typographic quotes, “ ”, do not quote a cell: write straight ones, ")' : '';
  return `${lineRange(first, last)}: ${cells} cells, the header has ${header} (extra: ${extras}${extra.length > 3 ? ', …' : ''}); a cell that contains ${name} must be in double quotes, as ${example}${why}. Row rejected`;
}

/** Whether a cell of `record` opens with a typographic quote (“Rival, Inc” typed in an editor that curls quotes). */
export function opensCurlyQuote(cells: Iterable<string>): boolean {
  for (const cell of cells) if (/^[\u201c\u201e\u00ab\u2018]/u.test(cell)) return true;
  return false;
}

/**
 * The error for a line that is the header again with its columns in another
 * order, fewer of them or others (two exports joined, the second with its
 * columns moved, left out or added): the rows below it are read by its
 * columns, `missing` (the header's names it lacks) empty, `unknown` (its
 * cells the header has no column for) not read.
 */
export function reorderedHeaderMessage(line: number, headerLine: number, cells: readonly string[], moved: boolean, missing: readonly string[], unknown: readonly string[]): string {
  const named = cells.filter((c) => c !== '');
  const shown = named.length > 8 ? `${named.slice(0, 8).join(', ')}, …` : named.join(', ');
  const how = moved ? 'with its columns in another order' : unknown.length > 0 && missing.length === 0 ? 'with other columns' : 'without some of its columns';
  const lacking = missing.length === 0 ? '' : `; the columns it lacks (${missing.join(', ')}) are empty in those rows`;
  const other = unknown.length === 0 ? '' : `; its columns the first header does not have (${unknown.join(', ')}) are not read`;
  return `line ${line} repeats the header of line ${headerLine} ${how} (${shown}; were two files joined into one?): it is not a row, and the rows below it are read by its columns${lacking}${other}`;
}

/**
 * The error for the file's last row when it has two or more cells but fewer
 * than the header, and no line end: the file was most likely cut off (an interrupted download
 * or copy), so its last cell may be cut too (`12000` read as `120`).
 */
export function truncatedMessage(line: number, cells: number, header: number): string {
  return `line ${line} ends the file after ${cells} of the header's ${header} cells, without a line end: the file looks cut off (an interrupted download or copy), and the row's last cell may be cut too. Row rejected: export the file again (if the row is complete as written, end it with a line break)`;
}


/** Lines of records with a cell read otherwise than written, the first such cell kept as an example. */
class CellExampleLines extends LineRuns {
  first: { line: number; cell: number; raw: string; read: string } | null = null;

  add(line: number, cell: number, raw: string, read: string): void {
    if (this.count === 0) this.first = { line, cell, raw, read };
    this.addLine(line);
  }

  /** 'column "x": raw', or 'first on line 4, column "x": raw' when there are more. */
  protected example(names: readonly string[]): string {
    const f = this.first!;
    const column = names[f.cell] ? `, column "${names[f.cell]}"` : '';
    return this.count === 1 ? `${column.slice(2)}${column ? ': ' : ''}${shown(f.raw)}` : `first on line ${f.line}${column}: ${shown(f.raw)}`;
  }
}

/** Lines of records with text after a closing quote, gathered for one warning per file. */
export class QuoteTextLines extends CellExampleLines {
  message(names: readonly string[]): string {
    return `${lineList(this.runs, this.count)}: text follows the closing quote of a quoted cell (${this.example(names)}); read as Excel reads it: ${shown(this.first!.read)}. To keep the quotes, put the whole cell in quotes and double the quotes inside`;
  }
}

/**
 * Lines with cells written as Excel text formulas (`="00123"`), for one
 * warning per file: read as the text inside the quotes, as Excel shows them.
 */
export class TextFormulaLines extends CellExampleLines {
  message(names: readonly string[]): string {
    return `${lineList(this.runs, this.count)}: cells written as Excel text formulas (${this.example(names)}) were read as the text inside the quotes, as Excel shows them: ${shown(this.first!.read)}`;
  }
}

/**
 * Lines of rows with a value after the header's last named column, under
 * the empty names Excel leaves in a header (`stage,lost_reason,,,`), for one
 * warning per file: such a value is not read, and most often it is the end
 * of a cell split at an unquoted delimiter, the rest of which was read as
 * the named column (`price, timing` read as `price`).
 */
export class UnnamedValueLines extends LineRuns {
  first: { line: number; column: number; value: string } | null = null;

  add(line: number, column: number, value: string): void {
    if (this.count === 0) this.first = { line, column, value };
    this.addLine(line);
  }

  /** `named`: the header's named columns, up to its last named one. */
  message(names: readonly string[], named: number, delimiter: Delimiter): string {
    const f = this.first!;
    const { name, example } = delimiterWords(delimiter);
    const where = this.count === 1 ? '' : `first on line ${f.line}: `;
    return `${lineList(this.runs, this.count)}: a value after the header's last named column "${names[named - 1]}" (${where}"${shown(f.value)}" in column ${f.column + 1}) is not read, and the header gives it no name; a cell that contains ${name} must be in double quotes, as ${example}, and a column of data needs a name in the header`;
  }
}

/**
 * Lines of rows with more cells than the header, the extra ones empty, for one warning per file when its other
 * rows have none. Such cells are read as a delimiter ending the row (a tool that ends every row so), but a cell
 * split at an unquoted delimiter in a row whose last cell is empty looks just the same: `Rival, Inc` then reads
 * as competitor `Rival` and source `Inc`, and no cell is left over to reject the row (`field_count`).
 */
export class ExtraBlankLines extends LineRuns {
  firstLine = 0;
  /** Rows of no more cells than the header. */
  others = 0;

  add(line: number): void {
    if (this.count === 0) this.firstLine = line;
    this.addLine(line);
  }

  message(header: number, delimiter: Delimiter): string {
    const { name, example } = delimiterWords(delimiter);
    return `${lineList(this.runs, this.count)}: more cells than the header's ${header}, the extra ones empty, where the file's other rows have none: read as if the row ended with a delimiter, but a cell that contains ${name} outside double quotes moves the cells after it one column to the right, which an empty last cell hides; check these rows, and put such a cell in double quotes, as ${example}`;
  }
}
