/**
 * Names that print alike but differ by a character that prints as nothing
 * (invisible-names.ts): said with their lines, in English and Korean, and
 * read as written.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/ingest/dataset-builder.ts';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';

const enc = new TextEncoder();
const HEADER = 'deal_id,account_id,owner,team,product,amount,created_at,stage,lost_reason';

function read(rows: string[]) {
  const files = {
    'deals.csv': enc.encode([HEADER, ...rows].join('\n') + '\n'),
    'stage_history.csv': enc.encode('deal_id,stage,entered_at\n'),
  };
  return loadDataset(files).dataset;
}

describe('names that differ by a character that prints as nothing', () => {
  it('names each such name with its lines, beside the name it looks like, and keeps both as written', () => {
    const dataset = read([
      'D1,A,Kim,T1,P,10,2025-01-01,prospect,',
      'D2,A,Kim\u200b,T1,P,10,2025-01-01,prospect,',
      'D3,A,Lee,T1\u2060,P,10,2025-01-01,prospect,',
      'D4,A,Kim\u200b,T1,P,10,2025-01-01,prospect,',
      // Alone, the character splits nothing: not said.
      'D5,A,Park\u200b,T2,P,10,2025-01-01,prospect,',
    ]);
    const said = dataset.issues.filter((i) => i.code === 'invisible_character');
    expect(said.map((i) => [i.line, i.column, i.severity, i.message])).toEqual([
      [3, 'owner', 'warning', 'lines 3 and 5: owner "Kim\\u200b" is "Kim" but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart: delete it where it is'],
      [4, 'team', 'warning', 'line 4: team "T1\\u2060" is "T1" but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart: delete it where it is'],
    ]);
    expect(issueMessage(said[0]!, 'ko')).toBe(
      '3, 5행: owner "Kim\\u200b"은 보이지 않는 문자(웹 페이지나 채팅에서 복사한 글에 섞여 오는 문자) 하나만 빼면 "Kim"과 같아서 둘이 따로 집계됩니다. 그 문자를 지우세요',
    );
    expect(dataset.deals.map((d) => d.owner)).toEqual(['Kim', 'Kim\u200b', 'Lee', 'Kim\u200b', 'Park\u200b']);
  });

  it('names twins that both have such a character, and a name made of them alone', () => {
    const dataset = read([
      'D1,A,Kim,T1,P,10,2025-01-01,prospect,pri\u200bce',
      'D2,A,Lee,T1,P,10,2025-01-01,prospect,pri\u2060ce',
      'D3,A,\u200b,T1,P,10,2025-01-01,prospect,',
    ]);
    expect(dataset.issues.filter((i) => i.code === 'invisible_character').map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'lost_reason', 'line 3: lost_reason "pri\\u2060ce" is "pri\\u200bce" but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart: delete it where it is'],
      [4, 'owner', 'line 4: owner "\\u200b" prints as nothing at all (characters copied from a web page or a chat): the deals show no name: delete it where it is'],
    ]);
    const ko = dataset.issues.filter((i) => i.code === 'invisible_character').map((i) => issueMessage(i, 'ko'));
    expect(ko[1]).toBe('4행: owner "\\u200b"는 보이지 않는 문자(웹 페이지나 채팅에서 복사한 문자)로만 되어 있어 딜에 이름이 보이지 않습니다. 그 문자를 지우세요');
  });

  it('names a name with a bidirectional control even alone, as it shows its text in another order (en, ko)', () => {
    const dataset = read([
      // U+202E turns "miK" around: shown as "Kim".
      'D1,A,\u202emiK,T1,P,10,2025-01-01,prospect,',
      'D2,A,Lee,T1,P,10,2025-01-01,prospect,',
      // Beside "Lee" it is that name's twin; a right-to-left mark (U+200F) alone reorders nothing, as in Arabic or Hebrew names.
      'D3,A,Lee\u2066,T1,P,10,2025-01-01,prospect,',
      'D4,A,Park\u200f,T1,P,10,2025-01-01,prospect,',
    ]);
    const said = dataset.issues.filter((i) => i.code === 'invisible_character');
    expect(said.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 'owner', 'line 2: owner "\\u202emiK" has a character that changes the order its text is shown in (a bidirectional control, as a disguised name carries), so the pages may show it as another name: delete it where it is'],
      [4, 'owner', 'line 4: owner "Lee\\u2066" is "Lee" but for a character that prints as nothing (as text copied from a web page or a chat carries), so the two are counted apart: delete it where it is'],
    ]);
    expect(issueMessage(said[0]!, 'ko')).toBe(
      '2행: owner "\\u202emiK"은 글자가 보이는 순서를 바꾸는 문자(양방향 제어 문자, 이름을 위장할 때 쓰임)가 있어 페이지에 다른 이름으로 보일 수 있습니다. 그 문자를 지우세요',
    );
    expect(dataset.deals.map((d) => d.owner)).toEqual(['\u202emiK', 'Lee', 'Lee\u2066', 'Park\u200f']);
  });

  it('says nothing of a name whose twin is only on a rejected row', () => {
    const dataset = read(['D1,A,Kim,T1,P,-5,2025-01-01,prospect,', 'D2,A,Kim\u200b,T1,P,10,2025-01-01,prospect,']);
    expect(dataset.issues.map((i) => i.code)).not.toContain('invisible_character');
    expect(dataset.deals.map((d) => d.owner)).toEqual(['Kim\u200b']);
  });
});
