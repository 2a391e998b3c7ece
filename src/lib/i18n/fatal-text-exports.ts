/**
 * Korean of the problems that stop the reading of CRM exports
 * (ingest/vendor): no export in the folder, a column an export lacks, the
 * pipeline to choose. The files a message lists are said with the words the
 * Data quality page uses for them (issue-text.ts): one translation each.
 */
import type { FatalCode } from '../ingest/fatal-codes.ts';
import { type Groups, object, re, type Rule, subject, topic } from './issue-rules.ts';
import { issueMessage } from './issue-text.ts';
import { josa } from './josa.ts';

/** The exports and reports as the adapters name them (their `name`, one of them, several). */
const KINDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'HubSpot deals export': 'HubSpot 딜 내보내기',
  'a HubSpot deals export': 'HubSpot 딜 내보내기',
  'HubSpot deals exports': 'HubSpot 딜 내보내기',
  'HubSpot deals': 'HubSpot 딜',
  'Pipedrive deals export': 'Pipedrive 딜 내보내기',
  'a Pipedrive deals export': 'Pipedrive 딜 내보내기',
  'Pipedrive deals exports': 'Pipedrive 딜 내보내기',
  'Pipedrive deals': 'Pipedrive 딜',
  'Salesforce reports': 'Salesforce 보고서',
  'a Salesforce report': 'Salesforce 보고서',
  'Salesforce Data Loader exports': 'Salesforce Data Loader 내보내기',
  'a Salesforce Data Loader export': 'Salesforce Data Loader 내보내기',
  'Opportunities report': 'Opportunities 보고서',
  'Opportunity History report': 'Opportunity History 보고서',
  'a folder of canonical files': '표준 파일 폴더',
  'one of the canonical files': '표준 파일',
  'canonical files': '표준 파일',
  'the format --format names': '--format으로 지정한 형식',
});

const kind = (name: string | undefined) => (name === undefined ? undefined : KINDS[name]);

/** `"A" (3 deals), "B" (1 deal)` (pipeline-choice.ts) as `"A"(딜 3건), "B"(딜 1건)`; the made-up name of deals without a pipeline in Korean too. */
const pipelines = (list: string) => list.replace(/ \((\d+) deals?\)/gu, '(딜 $1건)').replaceAll('"(no pipeline)"', '"(파이프라인 없음)"');

/** Column labels listed as `"A" or "B", "C" and "D"` (required-columns.ts), in Korean. */
const labels = (list: string) => list.replaceAll('" or "', '" 또는 "').replaceAll('" and "', '", "');

const RUN_TO_DETECT = (format: string) => `${josa(`--format ${format}`, '으로/로')} 실행하거나 --format 없이 실행하여 형식을 자동으로 알아내게 하세요`;

/**
 * Why a file of the folder was not read (unread-files.ts `whyNotRead`,
 * `otherFormatsSaid`), as the Data quality page says it; null when it has no Korean.
 */
function whyNotRead(reason: string): string | null {
  const looks = /^(?:it looks|they look) like (?<what>.+?), not (?<wanted>.+?): run with --format (?<f>\S+), or without --format to detect it$/u.exec(reason);
  if (looks) {
    const [what, wanted] = [kind(looks.groups!.what), kind(looks.groups!.wanted)];
    return what && wanted ? `${what} 형식으로 보이며 ${wanted} 형식이 아닙니다. ${RUN_TO_DETECT(looks.groups!.f!)}` : null;
  }
  const canonical = /^(?:it is one of|they are) the canonical files \(docs\/input\.md\), not (?<wanted>.+?): run with --format canonical, or without --format$/u.exec(reason);
  if (canonical) {
    const wanted = kind(canonical.groups!.wanted);
    return wanted ? `표준 파일(docs/input.md)이며 ${wanted} 형식이 아닙니다. --format canonical로 실행하거나 --format 없이 실행하세요` : null;
  }
  for (const code of ['empty_file', 'not_csv', 'file_not_read']) {
    const said = issueMessage({ code, message: reason }, 'ko');
    if (said !== reason) return said;
  }
  // The reasons of `unknown_export`, said after that message's own first sentences.
  const prefix = 'not a file this tool reads (its columns match no supported export); the file is ignored';
  const said = issueMessage({ code: 'unknown_export', message: `${prefix}: ${reason}` }, 'ko');
  const koPrefix = issueMessage({ code: 'unknown_export', message: prefix }, 'ko');
  return said.startsWith(`${koPrefix}. `) ? said.slice(koPrefix.length + 2) : null;
}

/**
 * ` a.csv: <why>. b.csv, c.csv: <why>` (the message's last `.` dropped): each
 * file and why it was not read, in Korean; null when one has no Korean. A
 * reason may hold `. ` itself, so each end is tried until the rest reads too.
 */
function filesNotRead(rest: string): string | null {
  if (rest === '') return '';
  const m = /^ (?<files>[^:]+?): /u.exec(rest);
  if (!m) return null;
  const after = rest.slice(m[0].length);
  for (let end = after.indexOf('.'); end >= 0; end = after.indexOf('.', end + 1)) {
    if (end + 1 < after.length && after[end + 1] !== ' ') continue;
    const why = whyNotRead(after.slice(0, end));
    const next = why === null ? null : filesNotRead(after.slice(end + 1));
    if (why !== null && next !== null) return ` ${m.groups!.files}: ${why}.${next}`;
  }
  const why = whyNotRead(after);
  return why === null ? null : ` ${m.groups!.files}: ${why}.`;
}

const PUT = ' Put deals.csv and stage_history.csv (docs/input.md) or the files your CRM exports (docs/exports.md) in the folder';

/** load.ts's `no export found` message. */
function noExport(message: string): string | null {
  const head = /^(?:no export found|no (?<name>.+?) found \(--format (?<f>[^)]+)\))(?:: (?<names>.+?))?(?:\.(?= |$)|$)/u.exec(message);
  if (!head) return null;
  const g: Groups = { ...head.groups };
  let rest = message.slice(head[0].length);
  const put = rest.startsWith(PUT);
  if (put) rest = rest.slice(PUT.length).replace(/^\./u, '');
  const files = filesNotRead(rest);
  if (files === null) return null;
  const name = g.name === undefined ? '내보내기 파일' : kind(g.name);
  if (name === undefined) return null;
  const listed = g.names === undefined ? '' : g.names === 'no CSV file' ? '(CSV 파일이 없습니다)' : `(폴더의 파일: ${g.names})`;
  const said = `${object(name)} 찾지 못했습니다${g.f ? `(--format ${g.f})` : ''}${listed}.${put ? ' deals.csv와 stage_history.csv(docs/input.md), 또는 CRM에서 내보낸 파일(docs/exports.md)을 폴더에 넣으세요.' : ''}${files}`;
  return said.replace(/\.$/u, '');
}

const HISTORY_WHY: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  ' ("Last Modified" is the date of each change)': '("Last Modified"는 각 변경의 날짜입니다)',
  ', needed to join it to the Opportunities report': '(Opportunities 보고서와 연결하는 데 필요합니다)',
  ', needed to build the deals (or add an Opportunities report)': '(딜을 만드는 데 필요합니다. 또는 Opportunities 보고서를 추가하세요)',
});

export const EXPORT_FATAL_RULES: Partial<Record<FatalCode, Rule[]>> = {
  unknown_format: [[re(`unknown --format (?<v>"[^"]*") \\(one of: (?<list>.+)\\)`), (g) => `알 수 없는 --format ${g.v}입니다(가능한 값: ${g.list})`]],
  no_export: [[re('(?<m>.+)'), (g) => noExport(g.m!)]],
  mixed_exports: [
    [
      re(`the folder mixes exports of different CRMs: (?<which>.+)\\. Keep one CRM's files per folder, or choose one with --format`),
      (g) => `폴더에 여러 CRM의 내보내기가 섞여 있습니다: ${g.which!.replace(/(^|; )([^;(]+?) \(/gu, (all, sep: string, name: string) => `${sep}${KINDS[name] ?? name}(`)}. 폴더마다 한 CRM의 파일만 두거나 --format으로 하나를 고르세요`,
    ],
  ],
  export_lacks_columns: [
    [
      re(`(?<f>.+?): the (?<what>HubSpot deals export|Pipedrive deals export) lacks (?<list>.+); add (?:it|them) to the exported columns and export again`),
      (g) => `${g.f}: ${KINDS[g.what!]}에 ${labels(g.list!)} 열이 없습니다. 내보낼 열에 추가하여 다시 내보내세요`,
    ],
    [
      re(`(?<f>.+?): the Opportunities report lacks (?<list>.+); add (?:it|them) to the report and export again`),
      (g) => `${g.f}: Opportunities 보고서에 ${g.list} 열이 없습니다. 보고서에 추가하여 다시 내보내세요`,
    ],
    [
      re(`(?<f>.+?): the Opportunity History report lacks (?<list>"[^"]*"(?:, "[^"]*")*)(?<why>.*?); add (?:it|them) to the report and export again`),
      (g) => (HISTORY_WHY[g.why!] ? `${g.f}: Opportunity History 보고서에 ${g.list} 열이 없습니다${HISTORY_WHY[g.why!]}. 보고서에 추가하여 다시 내보내세요` : null),
    ],
    [
      re(`(?<f>.+?): the Opportunity export lacks (?<list>.+); add (?:it|them) to the export and run it again`),
      (g) => `${g.f}: Opportunity 내보내기에 ${g.list} 열이 없습니다. 내보내기에 추가하여 다시 실행하세요`,
    ],
  ],
  export_columns_differ: [
    [
      re(`(?<f>.+?): its columns differ from (?<first>.+); export every (?<what>Opportunities report|Opportunity History report) with the same columns`),
      (g) => `${g.f}: 열 구성이 ${josa(g.first!, '과/와')} 다릅니다. 모든 ${KINDS[g.what!]}를 같은 열로 내보내세요`,
    ],
  ],
  opportunity_file_missing: [
    [
      re(`(?<f>.+?): Salesforce Data Loader exports need Opportunity\\.csv \\(the Opportunity object: (?<cols>.+)\\)`),
      (g) => `${g.f}: Salesforce Data Loader 내보내기에는 Opportunity.csv(Opportunity 개체: ${g.cols})가 필요합니다`,
    ],
  ],
  undated_exports: [
    [
      re(
        `(?<n>\\d+) (?<what>.+?) exports found, but (?<list>.+) carr(?:ies|y) no date: a series of exports is ordered by the YYYY-MM-DD in each file name \\(or its folder\\)\\. Rename the files, or keep only one export`,
      ),
      (g) =>
        KINDS[g.what!]
          ? `${KINDS[g.what!]} 내보내기가 ${g.n}개 있지만 ${g.list}에는 날짜가 없습니다. 여러 내보내기는 각 파일 이름(또는 폴더 이름)의 YYYY-MM-DD 순서로 읽습니다. 파일 이름을 바꾸거나 내보내기를 하나만 두세요`
          : null,
    ],
  ],
  exports_same_date: [
    [
      re(`(?<a>.+?) and (?<b>.+) are both dated (?<d>\\d{4}-\\d{2}-\\d{2}): keep one export per date`),
      (g) => `${josa(g.a!, '과/와')} ${g.b}의 날짜가 모두 ${g.d}입니다. 날짜마다 내보내기를 하나만 두세요`,
    ],
  ],
  unmatched_stages: [
    [
      re(
        `(?<f>.+?): (?<n>\\d+) stage names? match(?:es)? no configured stage: (?<list>.+)\\. Add them to "stages" in (?<config>.+?) \\(a snippet follows\\), or run (?<cmd>\`npm run init -- --data <folder>(?: --out -)?\`)(?: and copy its stages into (?<into>.+?))?; a name a configured stage had before it was renamed goes into that stage's "aliases" instead \\(\`"aliases": \\["Old name"\\]\`\\)\\.`,
      ),
      (g) =>
        `${g.f}: 설정된 단계와 맞지 않는 단계 이름이 ${g.n}개 있습니다: ${g.list!.replace(/ \((\d+) rows?\)/gu, '($1개 행)')}. ` +
        `${g.config}의 "stages"에 추가하거나(아래 예시 참고) ${object(g.cmd!)} ${g.into ? `실행해 그 출력의 단계들을 ${g.into}에 복사하세요` : '실행하세요'}. ` +
        '설정된 단계의 예전 이름(이름을 바꾸기 전의 이름)이라면 대신 그 단계의 "aliases"에 넣으세요(`"aliases": ["예전 이름"]`).',
    ],
  ],
  pipeline_needed: [
    [
      re(`the (?<what>.+?) export holds (?<n>\\d+) pipelines: (?<list>.+)\\. Metrics are about one pipeline's stages: choose one with --pipeline "<name>"`),
      (g) =>
        KINDS[g.what!]
          ? `${KINDS[g.what!]} 내보내기에 파이프라인이 ${g.n}개 있습니다: ${pipelines(g.list!)}. 지표는 한 파이프라인의 단계로 계산하므로 --pipeline "<이름>"으로 하나를 고르세요`
          : null,
    ],
  ],
  pipeline_not_applicable: [
    [
      re(
        `--pipeline (?<v>"(?:[^"\\\\]|\\\\.)*") cannot be applied to (?<what>.+?): only HubSpot and Pipedrive exports, and canonical files whose deals\\.csv has a "pipeline" column, hold pipelines to choose from; leave out --pipeline`,
      ),
      (g) =>
        KINDS[g.what!]
          ? `--pipeline ${topic(g.v!)} ${KINDS[g.what!]}에는 쓸 수 없습니다. 고를 파이프라인이 있는 것은 HubSpot과 Pipedrive 내보내기, 그리고 deals.csv에 "pipeline" 열이 있는 표준 파일뿐이니 --pipeline을 빼세요`
          : null,
    ],
  ],
  pipeline_column_missing: [
    [
      re(`--pipeline (?<v>".*") cannot be applied: the (?<what>.+?) export has no (?<col>"[^"]*") column\\. Add that column to the export, or leave out --pipeline`),
      (g) =>
        KINDS[g.what!] ? `--pipeline ${object(g.v!)} 적용할 수 없습니다. ${KINDS[g.what!]} 내보내기에 ${g.col} 열이 없습니다. 내보내기에 그 열을 추가하거나 --pipeline을 빼세요` : null,
    ],
    // Canonical files (ingest/pipeline-filter.ts): deals.csv is named as the file it is.
    [
      re(`--pipeline (?<v>".*") cannot be applied: deals\\.csv has no (?<col>"[^"]*") column\\. Add that column to deals\\.csv, or leave out --pipeline`),
      (g) => `--pipeline ${object(g.v!)} 적용할 수 없습니다. deals.csv에 ${g.col} 열이 없습니다. deals.csv에 그 열을 추가하거나 --pipeline을 빼세요`,
    ],
  ],
  pipeline_column_needed: [
    [
      re(
        `the (?<what>.+?) export has no (?<col>"[^"]*") column, but its "Date entered" columns date the stages of (?<n>\\d+) pipelines: (?<list>.+)\\. Metrics are about one pipeline's stages, and without that column these deals would be mixed into one funnel: add "[^"]*" to the exported columns, then choose one with --pipeline "<name>"`,
      ),
      (g) =>
        KINDS[g.what!]
          ? `${KINDS[g.what!]} 내보내기에 ${g.col} 열이 없는데, "Date entered" 열들이 파이프라인 ${g.n}개의 단계 날짜를 담고 있습니다: ${pipelines(g.list!)}. 지표는 한 파이프라인의 단계로 계산하므로, 그 열이 없으면 이 딜들이 한 퍼널에 섞입니다. 내보낼 열에 ${g.col} 열을 추가한 뒤 --pipeline "<이름>"으로 하나를 고르세요`
          : null,
    ],
  ],
  pipeline_not_found: [
    [
      re(
        `--pipeline (?<v>".*") is not in the (?<what>.+?) export: it holds no deals at all \\(only its header row\\)\\. Check that the view you exported is not empty or filtered, and export it again`,
      ),
      (g) =>
        KINDS[g.what!]
          ? `--pipeline ${subject(g.v!)} ${KINDS[g.what!]} 내보내기에 없습니다. 내보내기에 딜이 하나도 없습니다(머리글 행만 있습니다). 내보낸 보기가 비어 있거나 필터가 걸려 있지 않은지 확인하고 다시 내보내세요`
          : null,
    ],
    [
      re(`--pipeline (?<v>".*") is not in the (?<what>.+?) export, whose (?<col>"[^"]*") column holds: (?<list>.+)`),
      (g) => (KINDS[g.what!] ? `--pipeline ${subject(g.v!)} ${KINDS[g.what!]} 내보내기에 없습니다. ${g.col} 열에 있는 파이프라인: ${pipelines(g.list!)}` : null),
    ],
    [
      re(`--pipeline (?<v>".*") is not in deals\\.csv: it holds no deals at all \\(only its header row\\)\\. Check that the view you exported is not empty or filtered, and export it again`),
      (g) => `--pipeline ${subject(g.v!)} deals.csv에 없습니다. deals.csv에 딜이 하나도 없습니다(머리글 행만 있습니다). 내보낸 보기가 비어 있거나 필터가 걸려 있지 않은지 확인하고 다시 내보내세요`,
    ],
    [
      re(`--pipeline (?<v>".*") is not in deals\\.csv, whose (?<col>"[^"]*") column holds: (?<list>.+)`),
      (g) => `--pipeline ${subject(g.v!)} deals.csv에 없습니다. ${g.col} 열에 있는 파이프라인: ${pipelines(g.list!)}`,
    ],
  ],
};

/** readFolder's hint after a missing deals.csv: the folder's files that are exports (`a.csv: it looks like ...`), in Korean. */
export function exportsHint(said: string): string | null {
  const files = filesNotRead(` ${said}`);
  return files === null ? null : files.slice(1).replace(/\.$/u, '');
}
