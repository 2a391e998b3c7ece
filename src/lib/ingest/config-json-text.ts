/**
 * Where things are in the text of pipeline.config.json: the line and column
 * of each key and value (so that a schema problem names where to look, as a
 * CSV problem names its line), and the keys written twice in one object,
 * which JSON.parse reads silently as the last one.
 */

/** A key path as zod gives it: object keys and array indexes. */
export type JsonPath = readonly PropertyKey[];

export interface TextPosition {
  line: number;
  column: number;
}

interface Located {
  /** The member's key (absent for array items and the top-level value). */
  key: number | null;
  value: number;
}

export interface DuplicateKey {
  path: (string | number)[];
  key: string;
  first: TextPosition;
  again: TextPosition;
}

export interface JsonLayout {
  /** Where the key (for a member, when `key` is asked) or value at `path` starts; the nearest enclosing one when the text has none there. */
  positionOf(path: JsonPath, key?: boolean): TextPosition | null;
  duplicates: DuplicateKey[];
}

const pathKey = (path: JsonPath) => JSON.stringify(path.map((p) => (typeof p === 'number' ? p : String(p))));

/**
 * Scans text that JSON.parse has accepted (so it is well formed): whitespace,
 * strings, numbers, literals, objects and arrays only.
 */
export function jsonLayout(json: string): JsonLayout {
  const at = new Map<string, Located>();
  const duplicates: DuplicateKey[] = [];
  const lineStarts = [0];
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 10 || (c === 13 && json.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const position = (offset: number): TextPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  let i = 0;
  const space = () => {
    while (i < json.length && /\s/u.test(json[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(json.slice(start, i)) as string;
  };
  const value = (path: (string | number)[], key: number | null): void => {
    space();
    at.set(pathKey(path), { key, value: i });
    const c = json[i];
    if (c === '{') {
      i++;
      const seen = new Map<string, number>();
      space();
      while (json[i] !== '}') {
        space();
        const keyAt = i;
        const name = string();
        const first = seen.get(name);
        if (first !== undefined) duplicates.push({ path: [...path], key: name, first: position(first), again: position(keyAt) });
        else seen.set(name, keyAt);
        space();
        i++; // ':'
        value([...path, name], keyAt);
        space();
        if (json[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '[') {
      i++;
      space();
      for (let n = 0; json[i] !== ']'; n++) {
        value([...path, n], null);
        space();
        if (json[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '"') string();
    else while (i < json.length && /[^\s,\]}]/u.test(json[i]!)) i++;
  };
  value([], null);
  return {
    duplicates,
    positionOf(path, key = false) {
      for (let n = path.length; n >= 0; n--) {
        const found = at.get(pathKey(path.slice(0, n)));
        if (found) return position(key && n === path.length && found.key !== null ? found.key : found.value);
      }
      return null;
    },
  };
}

/** `line 3 column 13`, as JSON syntax errors say it. */
export function atPosition(p: TextPosition): string {
  return `line ${p.line} column ${p.column}`;
}

/**
 * JSON.parse's message, with a line and column where it gives none: for an
 * unexpected character it quotes the text instead (over several lines), so
 * the first such character is found here, with what people most often write
 * there (a comment, single quotes, a comma after the last item, typographic
 * quotes, a full-width character typed in a Korean or Japanese input mode).
 */
export function jsonSyntaxMessage(json: string, message: string): string {
  const hint = (at: number) => syntaxHint(json, at);
  const position = /\bat position (\d+)/.exec(message);
  if (position) return `${message}${hint(Number(position[1]))}`;
  const token = /^Unexpected token '(.)'/u.exec(message);
  const at = token ? outsideStrings(json, token[1]!) : -1;
  if (at < 0) return message.split('\n')[0]!;
  const before = json.slice(0, at).split(/\r\n|\r|\n/);
  return `unexpected ${JSON.stringify(token![1])} at line ${before.length} column ${before.at(-1)!.length + 1}${hint(at)}`;
}

function syntaxHint(json: string, at: number): string {
  const c = json[at];
  if (c === undefined) return '';
  if (c === '/') return ': JSON has no comments; remove them';
  if (c === "'") return ': JSON strings take double quotes (")';
  if ((c === '}' || c === ']') && json.slice(0, at).trimEnd().endsWith(',')) {
    return `: JSON allows no comma after the last item; remove the comma before this ${JSON.stringify(c)}`;
  }
  if ('\u201c\u201d\u2018\u2019'.includes(c)) return ': typographic quotes (“ ” ‘ ’) are not JSON quotes; write straight double quotes (") (an editor\'s "smart quotes" change them)';
  const narrow = c.normalize('NFKC');
  if (narrow !== c && /^[\x21-\x7e]$/u.test(narrow)) return `: ${JSON.stringify(c)} is a full-width character (typed in a Korean or Japanese input mode); write ${JSON.stringify(narrow)}`;
  return '';
}

/** The first `c` in `json` outside its double-quoted strings (where JSON.parse stopped, for a character JSON never has there), or -1. */
function outsideStrings(json: string, c: string): number {
  let quoted = false;
  for (let i = 0; i < json.length; i++) {
    const x = json[i];
    if (quoted) {
      if (x === '\\') i++;
      else if (x === '"') quoted = false;
    } else if (x === '"') quoted = true;
    else if (x === c) return i;
  }
  return -1;
}
