/**
 * Argument errors about an option's value (exit 2, with the usage line):
 * what parseArgs, the option checks and the publishing options refuse; and
 * the notice of a data folder's config that `--config` replaces.
 * Option names, values, paths and dates stay as written; the prose is
 * said in English or Korean (cli-messages.ts).
 */
import { josa } from './josa.ts';
import { texts } from './cli-messages-kit.ts';

/** `("abc"가 아님)`: the value given, quoted, with its particle. */
const notKo = (value: string) => `(${josa(`"${value}"`, '이/가')} 아님)`;
const opt = (name: string) => `--${name}`;

export const OPTION_MESSAGES = {
  unknown_argument: texts(
    (p: { arg: string }) => `unknown argument "${p.arg}"`,
    (p) => `알 수 없는 인수입니다: "${p.arg}"`,
  ),
  given_twice: texts(
    (p: { name: string }) => `--${p.name} is given twice`,
    (p) => `${josa(opt(p.name), '이/가')} 두 번 주어졌습니다`,
  ),
  takes_no_value: texts(
    (p: { name: string }) => `--${p.name} takes no value`,
    (p) => `${josa(opt(p.name), '은/는')} 값을 받지 않습니다`,
  ),
  needs_value: texts(
    (p: { name: string }) => `--${p.name} needs a value`,
    (p) => `${opt(p.name)}에 값이 필요합니다`,
  ),
  needs_folder: texts(
    (p: { name: string }) => `--${p.name} needs a folder`,
    (p) => `${opt(p.name)}에는 폴더를 주어야 합니다`,
  ),
  date_option: texts(
    (p: { name: string; value: string }) => `--${p.name} must be a date YYYY-MM-DD, not "${p.value}"`,
    (p) => `${josa(opt(p.name), '은/는')} YYYY-MM-DD 형식의 날짜여야 합니다${notKo(p.value)}`,
  ),
  as_of_range: texts(
    (p: { min: string; max: string; value: string }) => `--as-of must be between ${p.min} and ${p.max}, not ${p.value}`,
    (p) => `--as-of는 ${p.min}부터 ${p.max}까지의 날짜여야 합니다(${josa(p.value, '이/가')} 아님)`,
  ),
  whole_number: texts(
    (p: { name: string; max: number; value: string }) => `--${p.name} must be a whole number from 0 to ${p.max}, not "${p.value}"`,
    (p) => `${josa(opt(p.name), '은/는')} 0부터 ${p.max}까지의 정수여야 합니다${notKo(p.value)}`,
  ),
  one_of: texts(
    (p: { name: string; choices: readonly string[]; value: string }) => `--${p.name} must be one of ${p.choices.join(', ')}, not "${p.value}"`,
    (p) => `${josa(opt(p.name), '은/는')} ${p.choices.join(', ')} 중 하나여야 합니다${notKo(p.value)}`,
  ),
  data_required: texts(
    () => '--data <folder> is required',
    () => '--data <folder>를 주어야 합니다',
  ),
  config_needs_file: texts(
    () => '--config needs a file, such as ci/pipeline.config.json',
    () => '--config에는 ci/pipeline.config.json 같은 파일을 주어야 합니다',
  ),
  redact_amounts_alone: texts(
    () => '--redact-amounts rounds the amounts of a redacted build: give --redact too',
    () => '--redact-amounts는 가명으로 바꾼 빌드의 금액을 반올림합니다. --redact도 주세요',
  ),
  redact_amounts_zero: texts(
    () => '--redact-amounts must be a whole number of at least 1 (an amount in the config currency, such as 10000000)',
    () => '--redact-amounts는 1 이상의 정수여야 합니다(설정 통화의 금액, 예: 10000000)',
  ),
  cannot_listen: texts(
    (p: { host: string; port: number; code: string }) => `cannot listen on ${p.host}:${p.port} (${p.code}): choose another --port${p.code === 'EADDRNOTAVAIL' ? ' or --host' : ''}`,
    (p) => `${p.host}:${p.port}에서 연결을 받을 수 없습니다(${p.code}). 다른 ${p.code === 'EADDRNOTAVAIL' ? '--port나 --host를' : '--port를'} 고르세요`,
  ),
  weekday_invalid: texts(
    (p: { value: string }) => `--snapshot-weekday must be a weekday, 1 (Monday) to 7 (Sunday) as date +%u counts, or its name (mon, Monday), or daily, not "${p.value}"`,
    (p) => `--snapshot-weekday는 요일이어야 합니다. date +%u처럼 1(월요일)부터 7(일요일)까지의 숫자나 요일 이름(mon, Monday), 또는 매일이면 daily를 주세요${notKo(p.value)}`,
  ),
  weekday_without_snapshot: texts(
    () => '--snapshot-weekday goes with --snapshot (it says on which weekday the snapshot is added)',
    () => '--snapshot-weekday는 --snapshot과 함께 씁니다(스냅숏을 추가할 요일을 정합니다)',
  ),
  weekday_not_scheduled: texts(
    (p: { flag: string }) => `--snapshot-weekday is for scheduled builds; --${p.flag} adds the snapshot of the date it builds, whatever its weekday: leave --snapshot-weekday out`,
    (p) => `--snapshot-weekday는 정기 빌드용입니다. ${josa(opt(p.flag), '은/는')} 요일과 상관없이 빌드하는 날짜의 스냅숏을 추가하므로 --snapshot-weekday를 빼세요`,
  ),
  report_needs_file: texts(
    (p: { name: string }) => `--${p.name} needs a file, such as ${p.name}.md`,
    (p) => `${opt(p.name)}에는 ${p.name}.md 같은 파일을 주어야 합니다`,
  ),
  report_inside_out: texts(
    (p: { name: string; value: string; beside: string }) => `--${p.name} ${p.value} is inside --out, which the build replaces; write it elsewhere, such as ${p.beside} beside it`,
    (p) => `${opt(p.name)} ${josa(p.value, '은/는')} 빌드가 교체하는 --out 안에 있습니다. 그 옆의 ${p.beside}처럼 다른 곳에 쓰세요`,
  ),
  report_in_data: texts(
    (p: { name: string; value: string }) => `--${p.name} ${p.value} could be an input of the data folder; write it elsewhere`,
    (p) => `${opt(p.name)} ${josa(p.value, '은/는')} 데이터 폴더의 입력 파일로 읽힐 수 있습니다. 다른 곳에 쓰세요`,
  ),
  report_is_config: texts(
    (p: { name: string; value: string }) => `--${p.name} ${p.value} is the --config file; write it elsewhere`,
    (p) => `${opt(p.name)} ${josa(p.value, '은/는')} --config 파일입니다. 다른 곳에 쓰세요`,
  ),
  reports_same: texts(
    (p: { stdout: boolean }) => `--digest and --summary name the same ${p.stdout ? 'output (-)' : 'file'}`,
    (p) => `--digest와 --summary가 같은 ${p.stdout ? '출력(-)' : '파일'}을 가리킵니다`,
  ),
  fraction: texts(
    (p: { name: string; value: string }) => `--${p.name} must be a fraction from 0 to 1 (0.01 = 1% of the rows), not "${p.value}"`,
    (p) => `${josa(opt(p.name), '은/는')} 0부터 1까지의 비율(0.01 = 행의 1%)이어야 합니다${notKo(p.value)}`,
  ),
  whole_days: texts(
    (p: { name: string; value: string }) => `--${p.name} must be a whole number of days, such as 3, not "${p.value}"`,
    (p) => `${josa(opt(p.name), '은/는')} 3처럼 정수 일수여야 합니다${notKo(p.value)}`,
  ),
  base_is_address: texts(
    (p: { base: string }) => `--base is the path alone, such as /pipescope/, not an address ("${p.base}"): give the address as --site ${p.base}`,
    (p) => `--base에는 /pipescope/처럼 경로만 주어야 하며, 주소("${p.base}")는 받지 않습니다. 주소는 ${josa(`--site ${p.base}`, '으로/로')} 주세요`,
  ),
  base_invalid: texts(
    (p: { base: string }) =>
      `--base must be a path such as /pipescope/ or /sales pipeline/ (names of letters and digits, ".", "_", "~" and "-", a space between words), not "${p.base}"`,
    (p) =>
      `--base는 /pipescope/나 /영업 파이프라인/ 같은 경로여야 합니다${notKo(p.base)}. 이름에는 글자와 숫자, ".", "_", "~", "-", 낱말 사이의 공백만 쓸 수 있습니다`,
  ),
  site_invalid: texts(
    (p: { site: string }) => `--site must be the site's address, such as https://acme.github.io/pipescope/, not "${p.site}"`,
    (p) => `--site는 https://acme.github.io/pipescope/ 같은 사이트 주소여야 합니다${notKo(p.site)}`,
  ),
  site_path_invalid: texts(
    (p: { site: string; path: string }) =>
      `--site ${p.site}: its path (${p.path}) must be like /pipescope/, of names of letters and digits, ".", "_", "~" and "-", a space between words`,
    (p) =>
      `--site ${p.site}: 경로(${p.path})는 /pipescope/처럼 글자와 숫자, ".", "_", "~", "-", 낱말 사이의 공백으로 된 이름이어야 합니다`,
  ),
  site_base_disagree: texts(
    (p: { site: string; base: string }) => `--site ${p.site} and --base ${p.base} disagree on the path; give the path once`,
    (p) => `${josa(`--site ${p.site}`, '과/와')} --base ${p.base}의 경로가 다릅니다. 경로는 한 번만 주세요`,
  ),
  replace_without_snapshot: texts(
    () => '--replace goes with --snapshot (it replaces the snapshot of the same date)',
    () => '--replace는 --snapshot과 함께 씁니다(같은 날짜의 스냅숏을 교체합니다)',
  ),
  compare_to_not_before: texts(
    (p: { compareTo: string; asOf: string }) => `--compare-to ${p.compareTo} must be before the as-of date ${p.asOf}`,
    (p) => `--compare-to ${josa(p.compareTo, '은/는')} 기준일 ${p.asOf}보다 앞선 날짜여야 합니다`,
  ),
  cache_and_no_cache: texts(
    () => '--cache and --no-cache disagree: give one',
    () => '--cache와 --no-cache는 함께 줄 수 없습니다. 하나만 주세요',
  ),
  new_history_without_snapshot: texts(
    () => '--new-history goes with --snapshot',
    () => '--new-history는 --snapshot과 함께 씁니다',
  ),
  new_history_and_snapshots: texts(
    () => '--new-history starts a history without earlier snapshots: give it or --snapshots <folder>, not both',
    () => '--new-history는 이전 스냅숏 없이 기록을 새로 시작합니다. 이 옵션과 --snapshots <folder> 중 하나만 주세요',
  ),
  /** Not an error: a line before the run (scripts/lib/config-option.ts `replacedConfigNotice`). */
  config_replaced: texts(
    (p: { config: string; own: string }) => `the config is ${p.config} (--config); ${p.own} in the data folder is not read`,
    (p) => `설정은 --config로 준 ${josa(p.config, '을/를')} 읽습니다. 데이터 폴더의 ${josa(p.own, '은/는')} 읽지 않습니다`,
  ),
};
