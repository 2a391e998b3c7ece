/**
 * Korean of the messages that depend on the config (pipeline.config.json): a stage it does not name, a
 * currency without its rate, a product it names that no deal has, the pipelines of a deals.csv read as one
 * funnel, and deals.csv's stage against the history's, named by the config's labels.
 */
import { COL, object, re, type Rules, topic, V } from './issue-rules.ts';

export const CONFIG_RULES: Rules = {
  unknown_stage: [
    [
      re(
        `${COL} ${V} is not a configured stage id or label \\((?<known>.*)\\); it looks like (?<id>\\S+) \\((?<name>"(?:[^"\\\\]|\\\\.)*")\\): to read it as that stage, add (?<cell>"(?:[^"\\\\]|\\\\.)*") to the stage's "aliases" in pipeline\\.config\\.json`,
      ),
      (g) =>
        `${g.col} ${topic(g.v!)} 설정된 단계 ID나 이름이 아닙니다(${g.known}). ${g.id}(${g.name}) 단계로 보입니다. 그 단계로 읽으려면 pipeline.config.json에서 그 단계의 "aliases"에 ${object(g.cell!)} 추가하세요`,
    ],
    [
      re(
        `${COL} ${V} is not a configured stage id or label \\((?<known>.*)\\); add it to "stages" in pipeline\\.config\\.json or, if it is another name of a configured stage \\(its name before a rename\\), to that stage's "aliases"`,
      ),
      (g) =>
        `${g.col} ${topic(g.v!)} 설정된 단계 ID나 이름이 아닙니다(${g.known}). pipeline.config.json의 "stages"에 추가하거나, 설정된 단계의 다른 이름(이름을 바꾸기 전의 이름 등)이면 그 단계의 "aliases"에 추가하세요`,
    ],
    [re(`${COL} ${V} is not a configured stage id or label \\((?<known>.*)\\)`), (g) => `${g.col} ${topic(g.v!)} 설정된 단계 ID나 이름이 아닙니다(${g.known})`],
  ],
  missing_fx_rate: [
    [
      re(`${COL} (?<c>[A-Za-z]{3}) has no rate in the config "fx" \\(amounts are reported in (?<d>[A-Z]{3})\\)(?<add>; add "fx": \\{"[A-Z]{3}": <[A-Z]{3} for 1 [A-Z]{3}>\\} to pipeline\\.config\\.json to read the row)?`),
      (g) =>
        `${g.col} ${g.c}의 환율이 설정 "fx"에 없습니다(금액은 ${g.d}로 집계합니다)${g.add ? `. 이 행을 읽으려면 pipeline.config.json에 "fx": {"${g.c}": <1 ${g.c}당 ${g.d}>}를 추가하세요` : ''}`,
    ],
  ],
  stage_mismatch: [
    [
      re(`stage is "(?<a>[^"]+)"(?<al> \\([^()]*\\))? but the latest stage_history row \\(line (?<n>\\d+)\\) is "(?<b>[^"]+)"(?<bl> \\([^()]*\\))?; the history wins`),
      (g) => `stage는 "${g.a}"${g.al ?? ''}이지만 마지막 stage_history 행(${g.n}행)은 "${g.b}"${g.bl ?? ''}입니다. 이력을 따릅니다`,
    ],
  ],
  locale_not_korean: [
    [
      re(`locale ${V}: "kr" is Korea's country code \\(as a language code it is Kanuri\\), so the dashboard opens in English; for Korean write "ko"`),
      (g) => `locale ${g.v}: 한국의 국가 코드이며, 언어 코드로는 카누리어입니다. 그래서 대시보드가 영어로 열립니다. 한국어로 열려면 "ko"로 적으세요`,
    ],
    [
      re(`locale ${V}: "kor" is Korean's three-letter code, and the dashboard is chosen by the two-letter one, so the dashboard opens in English; for Korean write "ko"`),
      (g) => `locale ${g.v}: 한국어의 세 글자 코드이며, 대시보드 언어는 두 글자 코드로 정합니다. 그래서 대시보드가 영어로 열립니다. 한국어로 열려면 "ko"로 적으세요`,
    ],
  ],
  unknown_product: [
    [
      re(`no deal has the product ${V}: did you mean (?<m>"(?:[^"\\\\]|\\\\.)*") \\((?<n>\\d+) deals?\\)\\? Products match exactly, so its deals have no lifecycle from the config`),
      (g) => `제품 ${g.v}인 딜이 없습니다. ${g.m}(딜 ${g.n}건)${object(g.m!).slice(g.m!.length)} 뜻했나요? 제품 이름은 정확히 같아야 하므로 그 딜들에는 설정의 수명 주기가 적용되지 않습니다`,
    ],
    [re(`no deal has the product ${V}: the products in deals\\.csv are (?<list>.+)`), (g) => `제품 ${g.v}인 딜이 없습니다. deals.csv의 제품: ${g.list}`],
  ],
  several_pipelines: [
    [
      re(
        `the pipeline column names (?<n>\\d+) pipelines \\((?<list>.+)\\), and they are read together as one funnel: to see one apart, read its deals and their history rows alone with --pipeline "<name>"`,
      ),
      (g) =>
        `pipeline 열에 파이프라인이 ${g.n}개 있습니다(${g.list!.replace(/: (\d+) deals?/gu, ': 딜 $1건')}). 모두 하나의 퍼널로 읽었습니다. 파이프라인 하나만 따로 보려면 --pipeline "<이름>"으로 그 파이프라인의 딜과 이력 행만 읽으세요`,
    ],
  ],
};
