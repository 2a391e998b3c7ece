/**
 * Korean of a pipeline.config.json that stops the run (ingest/config.ts,
 * config-messages.ts, config-json-text.ts, config-bytes.ts, redact.ts). A
 * config problem is one line per problem, `<file>: <key> at line L column C:
 * <what>`; each line is said on its own (fatal-text.ts), so a line no rule
 * knows stays English while the others are Korean.
 */
import type { FatalCode } from '../ingest/fatal-codes.ts';
import { type Groups, object, re, type Rule, sayWith, subject, topic } from './issue-rules.ts';
import { josa } from './josa.ts';

/** `<file>: <key>[ at line L column C]: <what>` (config-messages.ts `configIssueLines`). */
const LINE = String.raw`(?<file>.+?): (?<path>.+?)(?: at line (?<l>\d+) column (?<c>\d+))?: (?<what>.+)`;
const where = (g: Groups) => `${g.file}: ${g.path}${g.l ? `(${g.l}행 ${g.c}열)` : ''}`;

/** `…여야` or `…이어야` after a word, by its last sound. */
const mustBe = (word: string) => `${word}${josa(word, '이/가').endsWith('이') ? '이어야' : '여야'} 합니다`;

/** The types zod names (`a string`, `an object ({ ... })`). */
const TYPES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'a string': '문자열',
  'a number': '숫자',
  'a whole number': '정수',
  'a boolean': 'true 또는 false',
  'an object ({ ... })': '객체({ ... })',
  'a list ([ ... ])': '목록([ ... ])',
  'a record': '객체',
  'an object': '객체',
  'an array': '목록',
  'a list': '목록',
  null: 'null',
});

/** What was written instead (`the string "x"`, `a list`, `null`). */
function given(what: string): string | null {
  const m = /^the (?<type>string|number|boolean) (?<v>.+)$/u.exec(what);
  if (m) return m.groups!.type === 'boolean' ? m.groups!.v! : `${TYPES[`a ${m.groups!.type!}`]} ${m.groups!.v}`;
  return TYPES[what] ?? null;
}

const OPERATORS: Record<string, (n: string) => string> = {
  '>': (n) => `${n}보다 커야 합니다`,
  '>=': (n) => `${n} 이상이어야 합니다`,
  '<': (n) => `${n}보다 작아야 합니다`,
  '<=': (n) => `${n} 이하여야 합니다`,
};

/** The bounds config-messages.ts says in words (`must be at most 1200, not 99999`). */
const BOUND_WORDS: Record<string, (n: string) => string> = Object.assign(Object.create(null) as Record<string, (n: string) => string>, {
  'at most': (n: string) => `${n} 이하여야 합니다`,
  'at least': (n: string) => `${n} 이상이어야 합니다`,
  'less than': (n: string) => `${n} 미만이어야 합니다`,
  'more than': (n: string) => `${n}보다 커야 합니다`,
});

const TIME_ZONE = '"Asia/Seoul"이나 "UTC" 같은 IANA 시간대여야 합니다';

/** The schema's own messages (config.ts), whole. */
const SCHEMA_TEXT: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'must be a language code such as "en", "ko" or "de"': '"en", "ko", "de" 같은 언어 코드여야 합니다',
  'must be a non-empty text': '비어 있지 않은 텍스트여야 합니다',
  'must be a non-empty string': '비어 있지 않은 문자열이어야 합니다',
  'must be a non-empty name': '비어 있지 않은 이름이어야 합니다',
  'must be a non-empty code': '비어 있지 않은 코드여야 합니다',
  'must be an ISO 4217 code such as "KRW"': '"KRW" 같은 ISO 4217 통화 코드여야 합니다',
  'must be a secret of at least 16 characters, such as 32 random hex digits': '16자 이상의 비밀 값이어야 합니다(예: 무작위 16진수 32자리)',
  'must be an IANA time zone such as "Asia/Seoul" or "UTC"': TIME_ZONE,
  'must be a date written YYYY-MM-DD': 'YYYY-MM-DD 형식의 날짜여야 합니다',
  'must be a SHA-256 digest: 64 lowercase hexadecimal digits': 'SHA-256 해시(소문자 16진수 64자리)여야 합니다',
  'needs at least one stage of kind "lost"': 'kind가 "lost"인 단계가 하나 이상 있어야 합니다',
  'must be a web address starting with https:// and without spaces, such as "https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}"':
    'https://로 시작하고 공백이 없는 웹 주소여야 합니다(예: "https://app.hubspot.com/contacts/1234567/record/0-3/{deal_id}")',
  'must say where the deal\'s id goes with {deal_id}, such as "https://yourcompany.pipedrive.com/deal/{deal_id}"':
    '딜 ID가 들어갈 자리를 {deal_id}로 적어야 합니다(예: "https://yourcompany.pipedrive.com/deal/{deal_id}")',
  'needs at least one stage of kind "open" that is not parked': '보류(parked)가 아닌 kind "open" 단계가 하나 이상 있어야 합니다',
});

const Q = String.raw`"(?:[^"\\]|\\.)*"`;

/** What a config line says is wrong, in Korean (null: no Korean for it). */
const WHAT_RULES: Rule[] = [
  [re(`(?<text>.+)`), (g) => SCHEMA_TEXT[g.text!] ?? null],
  // A key's own problem (config-messages.ts `invalid_key`): the schema's message about it.
  [re(`key (?<text>.+)`), (g) => (SCHEMA_TEXT[g.text!] ? `키는 ${SCHEMA_TEXT[g.text!]}` : null)],
  [
    re(`unknown key (?<k>${Q}): (?:did you mean (?<m>${Q})\\? )?(?:the keys here are (?<keys>.+)|remove it) \\(docs/input\\.md lists them\\)`),
    (g) => `알 수 없는 키 ${g.k}입니다. ${g.m ? `${object(g.m)} 뜻했나요? ` : ''}${g.keys ? `여기에 쓸 수 있는 키: ${g.keys}` : '지우세요'}(docs/input.md에 목록이 있습니다)`,
  ],
  [
    re(`(?<v>${Q}) is not one of (?<list>.+): an on-hold stage is "kind": "open" with "parked": true`),
    (g) => `${topic(g.v!)} ${g.list} 중 하나가 아닙니다. 보류 단계는 "kind": "open"에 "parked": true로 적습니다`,
  ],
  [re(`(?<v>${Q}) is not one of (?<list>.+?)(?:: write (?<m>${Q}))?`), (g) => `${topic(g.v!)} ${g.list} 중 하나가 아닙니다${g.m ? `. ${josa(g.m, '으로/로')} 적으세요` : ''}`],
  [re(`is missing: add (?<one>one of )?(?<list>${Q}(?:, ${Q})*)`), (g) => `값이 없습니다. ${g.one ? `${g.list} 중 하나를` : object(g.list!)} 추가하세요`],
  [re(`is missing: add it \\((?<type>an? [a-z]+(?: [a-z]+)?|an object \\(\\{ \\.\\.\\. \\}\\)|a list \\(\\[ \\.\\.\\. \\]\\))\\)`), (g) => (TYPES[g.type!] ? `값이 없습니다. ${object(TYPES[g.type!]!)} 추가하세요` : null)],
  [
    re(`must be a number, not the text (?<v>${Q})(?:: write (?<n>\\S+) \\(without quotes\\))?`),
    (g) => `텍스트 ${subject(g.v!)} 아니라 숫자여야 합니다${g.n ? `. 따옴표 없이 ${josa(g.n, '으로/로')} 적으세요` : ''}`,
  ],
  [
    re(`must be a finite number, not one too large to hold \\(beyond (?<n>-?1\\.8e308), read as infinity\\)`),
    (g) => `유한한 숫자여야 합니다. 적힌 수가 너무 커서(${g.n} 초과) 무한대로 읽힙니다`,
  ],
  [
    re(`must be an object of text per language, not the text (?<v>${Q}): write (?<fix>\\{.+\\})`),
    (g) => `언어별 텍스트의 객체여야 합니다(지금은 텍스트 ${g.v}). ${josa(g.fix!, '으로/로')} 적으세요`,
  ],
  [
    re(`must be (?<exp>an? .+?), not (?<what>null|a list|an object|the (?:string|number|boolean) .+)`),
    (g) => {
      const exp = TYPES[g.exp!];
      const what = given(g.what!);
      return exp && what ? `${mustBe(exp)}. 지금은 ${what}입니다` : null;
    },
  ],
  [
    re(`must be from 0 to 1, not (?<n>[\\d.]+): a probability is a fraction; write (?<f>[\\d.]+) for [\\d.]+ %`),
    (g) => `0에서 1 사이여야 합니다(지금은 ${g.n}). 확률은 비율이므로 ${g.n}%는 ${josa(g.f!, '으로/로')} 적으세요`,
  ],
  [re(`Too (?:small|big): expected number to be (?<op>[<>]=?)(?<n>-?[\\d.]+)`), (g) => OPERATORS[g.op!]!(g.n!)],
  [re(`must be (?<w>at most|at least|less than|more than) (?<n>-?[\\d.e+]+), not (?<v>-?[\\d.e+]+)`), (g) => `${BOUND_WORDS[g.w!]!(g.n!)}(지금은 ${g.v})`],
  [re(`must list (?<w>at most|at least|less than|more than) (?<n>\\d+) items?, not (?<v>\\d+)`), (g) => `항목이 ${BOUND_WORDS[g.w!]!(`${g.n}개`)}(지금은 ${g.v}개)`],
  [
    re(`must be an IANA time zone such as "Asia/Seoul" or "UTC", not (?<v>${Q})(?:: did you mean (?<m>${Q})\\?|(?<abbr>: an abbreviation is not a zone; write the zone, such as "Asia/Seoul" for KST))?`),
    (g) =>
      `${TIME_ZONE}(지금은 ${g.v})${g.m ? `. ${object(g.m)} 뜻했나요?` : ''}${g.abbr ? '. 약어는 시간대가 아닙니다. KST라면 "Asia/Seoul"처럼 시간대 이름을 적으세요' : ''}`,
  ],
  [
    re(`must be an ISO 4217 code such as "KRW", not (?<v>${Q})(?:: write (?:(?<code>"[A-Z]{3}")|(?<yen>"JPY" for the yen or "CNY" for the yuan)|(?<dollar>the dollar's code, such as "USD")))?`),
    (g) =>
      `"KRW" 같은 ISO 4217 통화 코드여야 합니다(지금은 ${g.v})${g.code ? `. ${josa(g.code, '으로/로')} 적으세요` : g.yen ? '. 엔화는 "JPY", 위안화는 "CNY"로 적으세요' : g.dollar ? '. 달러는 "USD" 같은 통화 코드로 적으세요' : ''}`,
  ],
  [re(`duplicate stage id (?<id>${Q})`), (g) => `단계 ID ${subject(g.id!)} 중복됩니다`],
  [
    re(`(?<a>${Q}) of stage (?<s>${Q}) and (?<b>${Q}) of stage (?<t>${Q}) are the same name once case and spaces are ignored, as stage cells are matched; give each stage names of its own`),
    (g) => `단계 ${g.s}의 ${josa(g.a!, '과/와')} 단계 ${g.t}의 ${topic(g.b!)} 단계 셀을 맞춰 보는 방식대로 대소문자와 공백을 무시하면 같은 이름입니다. 단계마다 다른 이름을 주세요`,
  ],
  [re(`needs exactly one stage of kind "won" \\(has (?<n>\\d+)\\)`), (g) => `kind가 "won"인 단계가 정확히 하나 있어야 합니다(지금은 ${g.n}개)`],
  [re(`only an open stage can be parked \\((?<id>${Q}) is (?<kind>\\w+)\\)`), (g) => `진행 중(open) 단계만 보류(parked)할 수 있습니다(${g.id}의 kind는 ${g.kind}입니다)`],
  [
    re(`must be the id of an open stage that is not parked \\((?<ids>[^)]*)\\) or null, not (?<v>${Q})`),
    (g) => `보류가 아닌 진행 중(open) 단계의 ID(${g.ids})나 null이어야 합니다. 지금은 ${g.v}입니다`,
  ],
  [
    re(`(?<v>${Q}) is not an open stage id \\((?<ids>[^)]*)\\)(?:: it is a label of (?<id>${Q}); write "[^"]*")?`),
    (g) => `${topic(g.v!)} 진행 중(open) 단계의 ID(${g.ids})가 아닙니다${g.id ? `. ${g.id} 단계의 이름이니 ${josa(g.id, '으로/로')} 적으세요` : ''}`,
  ],
  [re(`(?<q>${Q}) is not allowed as a name`), (g) => `${topic(g.q!)} 이름으로 쓸 수 없습니다`],
  [
    re(`(?<k>${Q}) is written twice in the same object \\(first at line (?<l>\\d+) column (?<c>\\d+)\\); keep one of them`),
    (g) => `${subject(g.k!)} 같은 객체에 두 번 있습니다(처음은 ${g.l}행 ${g.c}열). 하나만 남기세요`,
  ],
];

/** One config line in Korean; null when its problem has no Korean. */
export function configLine(line: string): string | null {
  const m = re(LINE).exec(line);
  if (!m) return null;
  // Several unknown keys of one object are one line (config-messages.ts): each said, or the line stays English.
  const parts = m.groups!.what!.split(/; (?=unknown key ")/u).map((part) => sayWith(WHAT_RULES, part));
  return parts.includes(null) ? null : `${where({ ...m.groups })}: ${parts.join('; ')}`;
}

/** JSON.parse's own words (V8), as jsonSyntaxMessage passes them on. */
const PARSER_TEXT: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "Expected property name or '}'": "속성 이름이나 '}'가 와야 합니다",
  "Expected ',' or '}' after property value": "속성 값 뒤에는 ','나 '}'가 와야 합니다",
  "Expected ',' or ']' after array element": "배열 항목 뒤에는 ','나 ']'가 와야 합니다",
  "Expected ':' after property name": "속성 이름 뒤에는 ':'가 와야 합니다",
  'Expected double-quoted property name': '속성 이름은 큰따옴표로 감싸야 합니다',
  'Unterminated string': '문자열이 닫히지 않았습니다',
  'Bad control character in string literal': '문자열 안에 쓸 수 없는 제어 문자가 있습니다',
  'Unexpected non-whitespace character after JSON': 'JSON이 끝난 뒤에 다른 글자가 있습니다',
  'Bad escaped character': '문자열 안의 \\ 이스케이프가 올바르지 않습니다',
});

/** config-json-text.ts `syntaxHint`: what people most often write where JSON.parse stopped. */
function hintText(hint: string): string | null {
  if (hint === '') return '';
  if (hint === ': JSON has no comments; remove them') return '. JSON에는 주석을 쓸 수 없으니 지우세요';
  if (hint === ': JSON strings take double quotes (")') return '. JSON 문자열은 큰따옴표(")로 감싸야 합니다';
  const comma = /^: JSON allows no comma after the last item; remove the comma before this (?<c>"[}\]]")$/u.exec(hint);
  if (comma) return `. JSON에서는 마지막 항목 뒤에 쉼표를 쓸 수 없으니 이 ${comma.groups!.c} 앞의 쉼표를 지우세요`;
  if (hint.startsWith(': typographic quotes')) return '. 둥근 따옴표(“ ” ‘ ’)는 JSON의 따옴표가 아닙니다. 곧은 큰따옴표(")로 적으세요(편집기의 "스마트 따옴표" 기능이 바꿔 놓습니다)';
  const wide = /^: (?<c>".+") is a full-width character \(typed in a Korean or Japanese input mode\); write (?<n>".+")$/u.exec(hint);
  if (wide) return `. ${topic(wide.groups!.c!)} 전각 문자입니다(한글이나 일본어 입력 상태에서 입력됨). ${josa(wide.groups!.n!, '으로/로')} 적으세요`;
  return null;
}

const HINT = String.raw`(?<hint>(?:: JSON|: typographic|: "[^"]+" is a full-width).*)?`;

export const CONFIG_FATAL_RULES: Partial<Record<FatalCode, Rule[]>> = {
  config_utf16: [
    [
      re(`(?<f>.+): the file is UTF-16 \\((?<order>little|big)-endian\\) without a byte order mark, which is not read as JSON: save it as UTF-8 \\(in Notepad: File > Save as, Encoding "UTF-8"; in PowerShell: Set-Content -Encoding utf8\\)`),
      (g) =>
        `${g.f}: 바이트 순서 표시(BOM) 없는 UTF-16(${g.order === 'little' ? '리틀' : '빅'} 엔디언) 파일이어서 JSON으로 읽지 않습니다. UTF-8로 저장하세요(메모장: 파일 > 다른 이름으로 저장, 인코딩 "UTF-8" / PowerShell: Set-Content -Encoding utf8)`,
    ],
  ],
  config_empty: [
    [
      re(`(?<f>.+): the file is empty; write a JSON object such as \\{"currency": "KRW"\\}, or delete the file to use the defaults`),
      (g) => `${g.f}: 파일이 비어 있습니다. {"currency": "KRW"} 같은 JSON 객체를 적거나, 기본 설정을 쓰려면 파일을 지우세요`,
    ],
  ],
  config_not_json: [
    [
      re(`(?<f>.+?): not valid JSON: unexpected (?<ch>".+?") at line (?<l>\\d+) column (?<c>\\d+)${HINT}`),
      (g) => {
        const hint = hintText(g.hint ?? '');
        return hint === null ? null : `${g.f}: 올바른 JSON이 아닙니다: ${g.l}행 ${g.c}열의 ${topic(g.ch!)} 여기에 올 수 없습니다${hint}`;
      },
    ],
    [
      re(`(?<f>.+?): not valid JSON: (?<what>.+?) in JSON at position (?<p>\\d+)(?: \\(line (?<l>\\d+) column (?<c>\\d+)\\))?${HINT}`),
      (g) => {
        const hint = hintText(g.hint ?? '');
        const what = PARSER_TEXT[g.what!];
        return hint === null || what === undefined ? null : `${g.f}: 올바른 JSON이 아닙니다: ${g.l ? `${g.l}행 ${g.c}열` : `${g.p}번째 글자`}: ${what}${hint}`;
      },
    ],
    [re(`(?<f>.+?): not valid JSON: Unexpected end of JSON input`), (g) => `${g.f}: 올바른 JSON이 아닙니다: 파일이 JSON 중간에서 끝납니다(닫는 } 또는 ]가 빠졌나요?)`],
  ],
  config_not_object: [
    [
      re(`(?<f>.+): \\(top level\\): must be a JSON object \\(\\{ \\.\\.\\. \\}\\), not (?<what>null|an array|a string|a number|a boolean)`),
      (g) => `${g.f}: (최상위): JSON 객체({ ... })여야 합니다. 지금은 ${TYPES[g.what!] ?? g.what}입니다`,
    ],
  ],
  // One line each (fatal-text.ts splits the message into its lines).
  config_proto_key: [[re('(?<line>.+)'), (g) => configLine(g.line!)]],
  config_duplicate_key: [[re('(?<line>.+)'), (g) => configLine(g.line!)]],
  config_invalid: [[re('(?<line>.+)'), (g) => configLine(g.line!)]],
  redaction_salt_missing: [
    [
      re(
        `(?<f>.+?): redaction\\.salt: --redact needs a secret salt, so that nobody can recompute a pseudonym from a name they know: add "redaction": \\{ "salt": "<at least 16 random characters>" \\} to (?<to>.+) \\(for instance the output of: (?<cmd>node -e ".+")\\) and keep that file out of what you share`,
      ),
      (g) =>
        `${g.f}: redaction.salt: --redact에는 비밀 값(salt)이 필요합니다. 그래야 누구도 아는 이름으로 가명을 다시 계산할 수 없습니다. ${g.to === "the data folder's pipeline.config.json" ? '데이터 폴더의 pipeline.config.json' : g.to}에 "redaction": { "salt": "<무작위 문자 16자 이상>" }을 추가하고(예: ${g.cmd}의 출력) 그 파일은 공유하는 자료에서 빼세요`,
    ],
  ],
};
