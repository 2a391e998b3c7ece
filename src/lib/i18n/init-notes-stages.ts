/**
 * Korean of `npm run init`'s notes about the suggested stages
 * (ingest/vendor/suggest-stages.ts): the kind, order, probability and id of
 * each stage name, read back from the English note. Part of the one list of
 * note templates, INIT_NOTE_RULES (init-notes-text.ts).
 */
import { josa } from './josa.ts';
import { type Groups, re, type Rule, subject, topic } from './issue-rules.ts';

/** A value as the notes quote it (JSON.stringify): a stage name, an id, an example cell. */
export const Q = String.raw`"(?:[^"\\]|\\.)*"`;
const KIND = String.raw`(?<kind>open|won|lost)`;
const KINDS: Record<string, string> = { open: '진행 중(open)', won: '수주(won)', lost: '실주(lost)' };

/** The columns a guess read (suggest-evidence.ts `describe`): `"Closed"/"Won"` or `the flags`. */
const koColumns = (columns: string) => (columns === 'the flags' ? '종료·수주 플래그' : `${columns} 열`);

/** How the tie-break of the open stages' order is said (suggest-stages.ts `fallback`). */
const FALLBACK = String.raw`(?<fb>by their probability|in the order they first appear)`;
const FALLBACK_KO: Record<string, string> = { 'by their probability': '확률 순', 'in the order they first appear': '처음 나온 순서' };
const FALLBACK_HOW: Record<string, string> = { 'by their probability': '확률 순으로', 'in the order they first appear': '처음 나온 순서대로' };

/** Why a stage has its kind (suggest-stages.ts `collectFacts`, `closeEvidence`), in Korean; null for a wording without Korean. */
function koWhy(why: string): string | null {
  const parked = why.endsWith(', parked: its name says on hold');
  const text = parked ? why.slice(0, -', parked: its name says on hold'.length) : why;
  const reasons: [RegExp, (g: Groups) => string][] = [
    [re(`${KIND}: the stage table says so`), () => '내보내기의 단계 표(stage table)에 그렇게 적혀 있습니다'],
    [
      re(`${KIND}: (?<closed>\\d+) of its (?<rows>\\d+) deals? have closed_at, and (?<most>\\d+) a (?<reason>win_reason|lost_reason) \\((?<other>\\d+) the other reason\\)`),
      (g) => `이 단계 딜 ${g.rows}건 중 ${g.closed}건에 closed_at이 있고, ${g.most}건에 ${subject(g.reason!)} 있습니다(다른 사유는 ${g.other}건)`,
    ],
    [re(`${KIND}: so say (?<cols>.+) for (?<n>\\d+) of its (?<total>\\d+) deals?`), (g) => `이 단계 딜 ${g.total}건 중 ${g.n}건의 ${koColumns(g.cols!)} 값이 ${KINDS[g.kind!]} 단계를 나타냅니다`],
    [
      re(`${KIND}: guessed from its name(?: \\((?<cols>.+) disagree\\))?`),
      (g) => `이름으로 추정했습니다${g.cols ? `(${koColumns(g.cols)} 값이 엇갈립니다)` : ''}`,
    ],
  ];
  for (const [pattern, say] of reasons) {
    const m = pattern.exec(text);
    if (m) return `${m.groups!.kind}: ${say({ ...m.groups })}${parked ? '. 이름으로 보아 보류(parked) 단계입니다' : ''}`;
  }
  return null;
}

/** The probability after a stage's reason (suggest-stages.ts `addStage`), in Korean; null for a wording without Korean. */
function koProbability(text: string): string | null {
  const table = /^, probability (?<p>[\d.]+) from the stage table$/u.exec(text);
  if (table) return `. 확률 ${table.groups!.p}: 단계 표의 값입니다`;
  const median = /^, probability (?<p>[\d.]+): the median of (?<n>\d+) values? of (?<cols>.+)$/u.exec(text);
  if (median) return `. 확률 ${median.groups!.p}: ${koColumns(median.groups!.cols!)} 값 ${median.groups!.n}개의 중앙값입니다`;
  return null;
}

/** `stage "Name" (3 rows) -> id "name", <why><probability>` and `... -> an alias of "won", <why>`. */
function koStage(g: Groups): string | null {
  const at = g.rest!.search(/, probability [\d.]+(?: from the stage table|: the median of )/u);
  const why = koWhy(at === -1 ? g.rest! : g.rest!.slice(0, at));
  const probability = at === -1 ? '' : koProbability(g.rest!.slice(at));
  if (why === null || probability === null) return null;
  const to = g.id ? `id ${g.id}` : `${g.alias}의 별칭("aliases")`;
  return `단계 ${g.name}(${g.n}개 행) -> ${to}. ${why}${probability}`;
}

export const STAGE_NOTE_RULES: Rule[] = [
  [re(`stage (?<name>${Q}) \\((?<n>\\d+) rows?\\) -> (?:id (?<id>${Q})|an alias of (?<alias>${Q})), (?<rest>.+)`), koStage],
  [
    re(`(?<names>${Q}(?:, ${Q})*) all look won, and a config has one won stage: (?<won>${Q}) \\(the most used, (?<n>\\d+) rows?\\) is it, and the others are its "aliases" so their rows still count as won`),
    (g) =>
      `${g.names}: 모두 수주 단계로 보이지만 설정에는 수주 단계가 하나만 있습니다. 가장 많이 쓰인 ${g.won}(${g.n}개 행)을 수주 단계로 하고, ` +
      '나머지는 그 단계의 "aliases"에 넣어 그 행들도 수주로 셉니다',
  ],
  [re('order of the open stages: the sort order of the stage table in the export'), () => '진행 중 단계의 순서: 내보내기에 있는 단계 표(stage table)의 정렬 순서를 따랐습니다'],
  [
    re(`order of the open stages: no deal moved between them, so they are ${FALLBACK}: check it`),
    (g) => `진행 중 단계의 순서: 단계 사이를 옮겨 간 딜이 없어 ${FALLBACK_HOW[g.fb!]} 두었습니다. 확인하세요`,
  ],
  [
    re(`order of the open stages: the direction most deals took between each pair, from (?<n>\\d+) moves? between them \\(stages no move orders: ${FALLBACK}\\)`),
    (g) => `진행 중 단계의 순서: 단계 사이의 이동 ${g.n}건에서 두 단계마다 더 많은 딜이 옮겨 간 방향을 따랐습니다(이동으로 순서가 정해지지 않는 단계는 ${FALLBACK_KO[g.fb!]})`,
  ],
  [
    re(`deals moved between (?<a>${Q}) and (?<b>${Q}) as often one way as the other: their order is a guess`),
    (g) => `${josa(g.a!, '과/와')} ${g.b} 사이를 딜이 양쪽 방향으로 같은 횟수만큼 옮겨 갔습니다. 두 단계의 순서는 추정입니다`,
  ],
  [
    re('the moves between open stages go round in a circle; the order breaks it where most deals moved on and fewest came back: check it'),
    () => '진행 중 단계 사이의 이동이 순환합니다. 가장 많은 딜이 다음 단계로 넘어가고 가장 적은 딜이 되돌아온 곳에서 순환을 끊어 순서를 정했으니 확인하세요',
  ],
  [
    re(`no stage name looks ${KIND}, and a config needs one: added (?<id>${Q}) for it; if one of the names above is (?<again>open|won|lost), set its kind instead and remove this stage`),
    (g) =>
      `${KINDS[g.kind!]} 단계로 보이는 이름이 없는데 설정에는 하나가 필요하여 ${g.id} 단계를 추가했습니다. ` +
      `위의 이름 중 ${KINDS[g.again!]} 단계가 있으면 대신 그 단계의 kind를 바꾸고 이 단계를 지우세요`,
  ],
  [
    re('no probabilities in the exports: "probability" left out, so each open stage counts 0 \\(won 1\\); add them if you weigh the pipeline by stage'),
    () => '내보내기 파일에 확률이 없어 "probability"를 넣지 않았습니다. 진행 중 단계는 모두 0(수주는 1)으로 계산합니다. 파이프라인을 단계별 확률로 가중하려면 추가하세요',
  ],
  [
    re(
      `qualification_required_from (?<id>${Q}): (?<name>${Q}) is a proposal stage; open deals at it or later are flagged when no keyman is named or the budget is unconfirmed \\(only when those columns exist\\)\\. Set null to turn the flags off`,
    ),
    (g) =>
      `qualification_required_from ${g.id}: ${topic(g.name!)} 제안 단계입니다. 이 단계 이후의 진행 중 딜은 키맨이 없거나 예산이 미확정이면 위험 신호로 표시합니다(해당 열이 있을 때만). ` +
      '표시하지 않으려면 null로 지정하세요',
  ],
  [
    re(
      'qualification_required_from left out \\(the flags are off\\): no stage is clearly a proposal stage; name the first stage where a keyman and budget should be known to turn them on',
    ),
    () => 'qualification_required_from은 넣지 않았습니다(위험 신호 표시 꺼짐): 분명한 제안 단계가 없습니다. 표시를 켜려면 키맨과 예산을 알아야 하는 첫 단계를 지정하세요',
  ],
];
