/**
 * Korean of the messages of the vendor adapters (ingest/vendor/): a CRM's
 * column labels, ids and file names are kept as the export writes them.
 */
import { koLineList, koLines, LINE_LIST, LINES, QUOTED, re, type Rules, THOUSANDS_DOUBT_EN, thousandsDoubtKo, topic, V } from './issue-rules.ts';

/** A name as the export writes it, in double quotes, with 은/는 as it reads. */
const quotedTopic = (name: string) => topic(`"${name}"`);

const ROW_REJECTED = '이 행은 제외했습니다';
/** "1 deal has" / "3 deals have", "1 opportunity has" / "2 opportunities have": the count. */
const DEALS = String.raw`(?<n>\d+) deals? (?:has|have)`;
const OPPORTUNITIES = String.raw`(?<n>\d+) opportunit(?:y has|ies have)`;
/** "(line 5)" / "(lines 5, 9)" of the adapters' lists. */
const AT_LINES = String.raw`\(lines? ${LINE_LIST}\)`;

export const VENDOR_RULES: Rules = {
  stage_dates_other_pipeline: [
    [
      re(
        `${DEALS} "Date entered" dates only in columns of other pipelines than (?:its|their) "(?<col>[^"]+)" \\(lines? ${LINE_LIST}; (?<names>.+)\\): those dates are not used, and the history is made from "(?<created>[^"]+)" and "(?<stage>[^"]+)"\\. A column applies to the deals whose "[^"]+" it names in parentheses: export "[^"]+" as HubSpot shows it`,
      ),
      (g) =>
        `딜 ${g.n}건은 "Date entered" 날짜가 "${g.col}"과 다른 파이프라인의 열에만 있습니다(${koLineList(g.list!)}, ${g.names}). 그 날짜는 쓰지 않았고 이력은 "${g.created}"와 "${g.stage}"로 만들었습니다. 열은 괄호 안에 이름이 적힌 "${g.col}"의 딜에만 적용됩니다. "${g.col}"을 HubSpot 화면에 보이는 대로 내보내세요`,
    ],
  ],
  no_company: [
    [
      re(`${DEALS} no associated company ${AT_LINES}: each stands for its own account "deal-<Record ID>", so repurchase cycles and account pages see them apart`),
      (g) => `딜 ${g.n}건에 연결된 회사가 없습니다(${koLineList(g.list!)}). 딜마다 자체 고객사 "deal-<Record ID>"로 보므로 재구매 주기와 고객사 페이지에서 따로 집계됩니다`,
    ],
    [
      re(`${DEALS} no organization ${AT_LINES}: each stands for its own account "deal-<Deal - ID>"`),
      (g) => `딜 ${g.n}건에 조직(organization)이 없습니다(${koLineList(g.list!)}). 딜마다 자체 고객사 "deal-<Deal - ID>"로 봅니다`,
    ],
  ],
  several_companies: [
    [
      re(`${DEALS} several associated companies ${AT_LINES}; the first listed is taken as the account\\. Export "Associated Company IDs \\(Primary\\)" to get the primary one`),
      (g) => `딜 ${g.n}건에 연결된 회사가 여러 개입니다(${koLineList(g.list!)}). 처음 나열된 회사를 고객사로 봅니다. 기본(Primary) 회사를 쓰려면 "Associated Company IDs (Primary)" 열을 내보내세요`,
    ],
  ],
  account_by_name: [
    [
      re(`no organization ID column: deals are grouped into accounts by ${QUOTED('col')} \\(two organizations of the same name become one\\)\\. Add "Organization - ID" to the export to tell them apart`),
      (g) => `조직 ID 열이 없어 "${g.col}" 값으로 딜을 고객사별로 묶었습니다(이름이 같은 두 조직은 하나가 됩니다). 둘을 구분하려면 내보내기에 "Organization - ID" 열을 추가하세요`,
    ],
  ],
  no_currency_column: [
    [
      re(`no ${QUOTED('col')} column: every amount \\(${QUOTED('amount')}\\) is read in (?<c>[A-Z]{3}), the default "currency" \\(pipeline\\.config\\.json gives none\\)\\. Export "[^"]*" with the deals, or, if every deal is in one currency, set "currency" to it in pipeline\\.config\\.json`),
      (g) => `"${g.col}" 열이 없어 모든 금액("${g.amount}")을 기본 통화 ${g.c}로 읽었습니다(pipeline.config.json에 "currency"가 없음). 딜과 함께 "${g.col}" 열을 내보내거나, 모든 딜이 한 통화라면 pipeline.config.json의 "currency"를 그 통화로 지정하세요`,
    ],
    [
      re(`no ${QUOTED('col')} column: every amount \\(${QUOTED('amount')}\\) is read in (?<c>[A-Z]{3}), so the "fx" rates \\((?<rates>[A-Z, ]+)\\) are never used\\. Export "[^"]*" with the deals, or, if every deal is in one currency, set "currency" to it and remove "fx" in pipeline\\.config\\.json`),
      (g) => `"${g.col}" 열이 없어 모든 금액("${g.amount}")을 ${g.c}로 읽었으므로 "fx" 환율(${g.rates})은 쓰이지 않습니다. 딜과 함께 "${g.col}" 열을 내보내거나, 모든 딜이 한 통화라면 pipeline.config.json에서 "currency"를 그 통화로 지정하고 "fx"를 지우세요`,
    ],
  ],
  account_stand_in: [
    [
      re(`the Opportunity History report has no "Account Name" column, so each opportunity's name stands in for its account`),
      () => 'Opportunity History 보고서에 "Account Name" 열이 없어 딜마다 딜 이름을 고객사 이름으로 대신 씁니다',
    ],
    [
      re(`${OPPORTUNITIES} no ${QUOTED('col')}; each (?:one's|opportunity's) name stands in for its account`),
      (g) => `딜 ${g.n}건에 "${g.col}" 값이 없어 딜마다 딜 이름을 고객사 이름으로 대신 씁니다`,
    ],
    [
      re(`${OPPORTUNITIES} no AccountId \\(private opportunities\\); each one's own Id stands in for its account`),
      (g) => `딜 ${g.n}건에 AccountId가 없어(비공개 딜) 딜마다 그 Id를 고객사로 대신 씁니다`,
    ],
  ],
  other_pipeline: [
    [
      re(`(?<n>\\d+) rows? of other pipelines left out \\((?<which>.+)\\): only --pipeline ${QUOTED('name')} is read`),
      (g) =>
        `다른 파이프라인의 행 ${g.n}개를 제외했습니다(${g.which!.replace(/(\d+) of ("[^"]*")/gu, '$2 $1개').replace('"(no pipeline)"', '"(파이프라인 없음)"')}). --pipeline "${g.name}"만 읽습니다`,
    ],
  ],
  missing_id: [
    [
      re(`${QUOTED('col')} is empty, so the row cannot be told apart from other deals; row rejected`),
      (g) => `"${g.col}" 값이 비어 있어 이 행을 다른 딜과 구별할 수 없습니다. ${ROW_REJECTED}`,
    ],
  ],
  missing_stage: [
    [
      re(`"Deal Stage" is empty for deal ${QUOTED('id')}, so it cannot be placed in the pipeline; set its stage in HubSpot and export again\\. Row rejected`),
      (g) => `딜 "${g.id}"의 "Deal Stage" 값이 비어 있어 파이프라인에 넣을 수 없습니다. HubSpot에서 단계를 지정한 뒤 다시 내보내세요. ${ROW_REJECTED}`,
    ],
    [
      re(`"Deal - Stage" is empty for (?<status>open|deleted) deal ${QUOTED('id')}, so it cannot be placed in the pipeline; row rejected`),
      (g) => `${g.status === 'open' ? '진행 중' : '삭제된'} 딜 "${g.id}"의 "Deal - Stage" 값이 비어 있어 파이프라인에 넣을 수 없습니다. ${ROW_REJECTED}`,
    ],
    [re(`${QUOTED('col')} is empty; row skipped`), (g) => `"${g.col}" 값이 비어 있어 이 행을 건너뛰었습니다`],
  ],
  missing_opportunity: [[re('the row names no opportunity; row skipped'), () => '어느 딜의 행인지 적혀 있지 않아 이 행을 건너뛰었습니다']],
  invalid_status: [
    [
      re(`${QUOTED('col')} is ${QUOTED('value')}, not one of open, won, lost, deleted; row rejected`),
      (g) => `"${g.col}" 값 ${quotedTopic(g.value!)} open, won, lost, deleted 중 하나가 아닙니다. ${ROW_REJECTED}`,
    ],
  ],
  amount_missing: [[re(`${QUOTED('col')} is empty; it counts as 0`), (g) => `"${g.col}" 값이 비어 있어 0으로 계산합니다`]],
  // Canonical lines said as the export's (assemble.ts `inExportTerms`).
  stage_mismatch: [
    [
      re(`${QUOTED('col')} is "(?<a>[^"]+)"(?<al> \\([^()]*\\))? but the latest stage entry \\((?<file>.+) line (?<n>\\d+)\\) is "(?<b>[^"]+)"(?<bl> \\([^()]*\\))?; the history wins`),
      (g) => `${quotedTopic(g.col!)} "${g.a}"${g.al ?? ''}이지만 마지막 단계 기록(${g.file} ${g.n}행)은 "${g.b}"${g.bl ?? ''}입니다. 이력을 따릅니다`,
    ],
  ],
  missing_close: [
    [
      re(`the deal is in the closed stage "(?<s>[^"]+)" \\(${QUOTED('col')}\\), but the export has no stage entry that dates it and no close date, so when it closed is unknown: export its whole history \\(a report filtered by date leaves earlier changes out\\)`),
      (g) => `마감 단계 "${g.s}"("${g.col}")의 딜인데 내보내기에 그 단계의 날짜가 적힌 기록도 마감일도 없어 언제 마감됐는지 알 수 없습니다. 이력 전체를 내보내세요(날짜로 필터링한 보고서에는 이전 변경이 빠집니다)`,
    ],
  ],
  synthesized_history: [
    [re(`no stage entries in the export; the history is made from (?<cols>.+)`), (g) => `내보내기에 단계 기록이 없어 이력을 ${g.cols!.replace(/" and "/u, '", "')} 열에서 만들었습니다`],
  ],
  unknown_deal: [
    [re(`${QUOTED('col')} ${V} is not among the export's deals`), (g) => `"${g.col}" ${topic(g.v!)} 내보내기의 딜 가운데 없습니다`],
    [re(`${QUOTED('col')} ${V} belongs to a rejected row \\((?<file>.+) line (?<n>\\d+)\\)`), (g) => `"${g.col}" ${topic(g.v!)} 제외된 행(${g.file} ${g.n}행)의 딜입니다`],
  ],
  ambiguous_amount: [
    [re(`${QUOTED('col')} ${V} ${THOUSANDS_DOUBT_EN}`), (g) => `"${g.col}" ${topic(g.v!)} ${thousandsDoubtKo(g)}`],
  ],
  missing_fx_rate: [
    [
      re(`${QUOTED('col')} (?<c>[A-Za-z]{3}) has no rate in the config "fx" \\(amounts are reported in (?<d>[A-Z]{3})\\)(?<add>; add "fx": \\{"[A-Z]{3}": <[A-Z]{3} for 1 [A-Z]{3}>\\} to pipeline\\.config\\.json to read the row)?`),
      (g) =>
        `"${g.col}" ${g.c}의 환율이 설정 "fx"에 없습니다(금액은 ${g.d}로 집계합니다)${g.add ? `. 이 행을 읽으려면 pipeline.config.json에 "fx": {"${g.c}": <1 ${g.c}당 ${g.d}>}를 추가하세요` : ''}`,
    ],
  ],
  deleted_deals: [
    [
      re(`(?<n>\\d+) deleted deals? ${AT_LINES}: each counts until its ${QUOTED('col')} \\(Pipedrive's last change of the deal, its deletion\\) and no longer after`),
      (g) => `삭제된 딜 ${g.n}건(${koLineList(g.list!)}): 딜마다 "${g.col}"(Pipedrive에서 딜이 마지막으로 바뀐 때, 즉 삭제된 때)까지만 집계합니다`,
    ],
  ],
  deleted_undated: [
    [
      re(`deal ${QUOTED('id')} is deleted, but the export does not say when \\(${QUOTED('col')} is missing or empty\\); row rejected\\. Export that column to keep the deal until its deletion`),
      (g) => `딜 ${quotedTopic(g.id!)} 삭제되었지만 언제 삭제되었는지 알 수 없습니다("${g.col}" 열이 없거나 비어 있음). ${ROW_REJECTED}. 삭제 전까지 딜을 집계하려면 그 열을 함께 내보내세요`,
    ],
  ],
  deleted_record: [
    [re(`IsDeleted is true \\(the record is in the Recycle Bin\\); not used`), () => 'IsDeleted가 true입니다(휴지통에 있는 레코드). 이 행은 쓰지 않았습니다'],
    [
      re(`IsDeleted is true \\(the opportunity is in the Recycle Bin\\); it and its history are not used`),
      () => 'IsDeleted가 true입니다(휴지통에 있는 딜). 이 딜과 그 이력은 쓰지 않았습니다',
    ],
    [re(`belongs to opportunity (?<id>\\S+), which is deleted; not used`), (g) => `삭제된 딜 ${g.id}의 행이어서 쓰지 않았습니다`],
  ],
  deal_removed: [
    [
      re(
        `(?<n>\\d+) deals? (?:is|are) in (?<file>.+) but not in this export \\((?<ids>.*)\\): each is taken as deleted on (?<date>\\d{4}-\\d{2}-\\d{2}), and no longer counts from that day` +
          `(?:; (?:it is|all of them are|(?<m>\\d+) of them (?:is|are)) in another pipeline here \\((?<to>.*)\\), moved there or this pipeline renamed, not deleted from the CRM: if it was renamed, write its new name in the earlier exports' ${QUOTED('col')} column and choose it with --pipeline)?`,
      ),
      (g) =>
        `딜 ${g.n}건이 ${g.file}에는 있지만 이 내보내기에는 없습니다(${g.ids}). ${g.date}에 삭제된 것으로 보고 그날부터 집계하지 않습니다` +
        (g.to === undefined
          ? ''
          : `. ${g.m === undefined ? (g.n === '1' ? '이 딜은' : '이 딜들은 모두') : `그중 ${g.m}건은`} 이 내보내기에서 다른 파이프라인(${g.to})에 있어, CRM에서 삭제된 것이 아니라 그쪽으로 옮겨졌거나 파이프라인 이름이 바뀐 것입니다. 이름이 바뀌었다면 이전 내보내기의 "${g.col}" 열에 새 이름을 쓰고 --pipeline으로 그 이름을 고르세요`),
    ],
  ],
  deal_reappeared: [
    [
      re(`deal ${QUOTED('id')} is missing from (?<file>.+) but back in this export; it is taken as never removed`),
      (g) => `딜 "${g.id}": ${g.file}에는 없었지만 이 내보내기에 다시 있습니다. 삭제된 적이 없는 것으로 봅니다`,
    ],
  ],
  undated_stage: [
    [
      re(`no date says when the deal entered its stage ${QUOTED('stage')}; it is taken as entered at (?<at>.+)`),
      (g) => `딜이 현재 단계 "${g.stage}"에 들어간 날짜가 없어 ${g.at}에 들어간 것으로 봅니다`,
    ],
  ],
  report_title: [
    [
      re(`lines? (?<lines>[\\d, ]+) \\("(?<text>.*)"\\) above the header (?:is|are) the report's title, not data; skipped`),
      (g) => `머리글 위의 ${g.lines}행("${g.text}")은 보고서 제목이며 데이터가 아니어서 건너뛰었습니다`,
    ],
  ],
  report_footer: [
    [
      re(`${LINES} \\((?<texts>.*)\\) (?:is|are) the report's footer, not opportunities; skipped`),
      (g) => `${koLines(g.lines!)}(${g.texts})은 보고서의 꼬리말이며 딜이 아니어서 건너뛰었습니다`,
    ],
  ],
  totals_row_skipped: [
    [
      re(`${LINES} \\((?<texts>.*)\\) (?:is a totals row, not a deal|are totals rows, not deals); skipped`),
      (g) => `${koLines(g.lines!)}(${g.texts})은 합계 행이며 딜이 아니어서 건너뛰었습니다`,
    ],
  ],
  report_count_differs: [
    [
      re(`"(?<text>.*)" counts (?<stated>\\d+) records?, but the file holds (?<rows>\\d+) rows? above it(?:, (?<rejected>\\d+) of them rejected above)? \\((?<gap>\\d+) (?<way>fewer|more): .*\\)`),
      (g) =>
        `"${g.text}"에는 레코드가 ${g.stated}건이라고 적혀 있지만 그 위의 행은 ${g.rows}개입니다${g.rejected === undefined ? '' : `(그중 ${g.rejected}개는 위에서 거부됨)`}. ${
          g.way === 'fewer'
            ? `${g.gap}개가 모자랍니다: 내보낸 뒤 행을 지웠거나, 파일이 잘렸거나, 깨진 따옴표가 줄을 합쳤습니다. 모두 읽으려면 보고서를 다시 내보내세요`
            : `${g.gap}개가 많습니다: 내보낸 뒤 행을 더했습니다. 더한 행도 그대로 읽었습니다`
        }`,
    ],
  ],
  duplicate_rows: [
    [
      re(
        `${LINES} (?:repeats a change|repeat changes) that ${QUOTED('file')} holds \\(the same opportunity, date, stages, amount and close date\\): the same report exported twice, or exports of overlapping periods\\. Each change is counted once, so (?:this row is|these rows are) not used; keep one export of each period in the folder`,
      ),
      (g) =>
        `${topic(koLines(g.lines!))} "${g.file}"에 이미 있는 변경(같은 딜, 날짜, 단계, 금액, 마감일)을 되풀이합니다. 같은 보고서를 두 번 내보냈거나 기간이 겹치는 내보내기입니다. 변경마다 한 번만 세므로 이 행은 쓰지 않았습니다. 폴더에는 기간마다 내보내기를 하나만 두세요`,
    ],
  ],
  not_in_report: [
    [
      re(`opportunity ${QUOTED('name')} has history rows but is not in the Opportunities report \\(its filters\\?\\); the deal is built from its history`),
      (g) => `딜 ${quotedTopic(g.name!)} 이력 행은 있지만 Opportunities 보고서에는 없습니다(보고서 필터 때문일 수 있습니다). 이력으로 딜을 만들었습니다`,
    ],
  ],
  owner_ids: [
    [
      re('owners are shown as Salesforce user ids: add User\\.csv \\(Id, FirstName, LastName\\) to the folder for their names'),
      () => '담당자를 Salesforce 사용자 ID로 표시합니다. 이름으로 보려면 User.csv(Id, FirstName, LastName)를 폴더에 추가하세요',
    ],
  ],
  unknown_owner: [
    [
      re('(?<n>\\d+) OwnerId value\\(s\\) are not in User\\.csv and are shown as ids: (?<ids>.+)'),
      (g) => `OwnerId 값 ${g.n}개가 User.csv에 없어 ID로 표시합니다: ${g.ids}`,
    ],
  ],
  unknown_account: [
    [
      re('(?<n>\\d+) AccountId value\\(s\\) are not in Account\\.csv and have no name: (?<ids>.+)'),
      (g) => `AccountId 값 ${g.n}개가 Account.csv에 없어 이름이 없습니다: ${g.ids}`,
    ],
  ],
  no_pipelines: [
    [
      re(`Salesforce reports have no pipelines; --pipeline ${QUOTED('p')} is ignored \\(filter the report instead\\)`),
      (g) => `Salesforce 보고서에는 파이프라인이 없어 --pipeline "${g.p}" 옵션을 무시했습니다(보고서에서 필터하세요)`,
    ],
    [
      re(`Salesforce has no pipelines; --pipeline ${QUOTED('p')} is ignored \\(export the opportunities you want\\)`),
      (g) => `Salesforce에는 파이프라인이 없어 --pipeline "${g.p}" 옵션을 무시했습니다(원하는 딜만 내보내세요)`,
    ],
  ],
  no_history: [
    [
      re("no Opportunity History report: only each deal's current stage is known \\(add the history report for conversion, time in stage and past replays\\)"),
      () => 'Opportunity History 보고서가 없어 딜마다 현재 단계만 알 수 있습니다(전환율, 단계별 체류 기간, 과거 시점의 재현을 보려면 이력 보고서를 추가하세요)',
    ],
    [
      re("no OpportunityHistory\\.csv: only each deal's current stage is known \\(export OpportunityHistory for conversion, time in stage and past replays\\)"),
      () => 'OpportunityHistory.csv가 없어 딜마다 현재 단계만 알 수 있습니다(전환율, 단계별 체류 기간, 과거 시점의 재현을 보려면 OpportunityHistory를 내보내세요)',
    ],
  ],
  unordered_history: [
    [
      re(
        `opportunity ${QUOTED('name')}: the (?<n>\\d+) rows of (?<date>.+) \\(lines (?<lines>[\\d, ]+)\\) do not link up ${QUOTED('from')} -> ${QUOTED('to')}, so their order that day is unknown; kept in file order`,
      ),
      (g) => `딜 "${g.name}": ${g.date}의 행 ${g.n}개(${g.lines}행)가 "${g.from}" → "${g.to}"로 이어지지 않아 그날의 순서를 알 수 없습니다. 파일 순서대로 두었습니다`,
    ],
  ],
  no_stage_dates: [
    [
      re('the export has no "Date entered <stage>" columns, so the stage history is not known: add them to the exported columns \\(docs/exports\\.md\\)'),
      () => '내보내기에 "Date entered <stage>" 열이 없어 단계 이력을 알 수 없습니다. 내보낼 열에 추가하세요(docs/exports.md)',
    ],
  ],
};
