/**
 * Argument errors about the folders a build writes and reads besides the
 * data (exit 2): an `--out` it may not replace, the build cache, the
 * snapshots, what someone added to `--out`, Pipescope's own public folder,
 * and a build stopped while swapping in its output. Paths stay as written.
 */
import { josa } from './josa.ts';
import { dateList, listed, texts } from './cli-messages-kit.ts';

/** The folders `--out` may not be, nor hold (build.ts), by what they are. */
export type FolderKind = 'data' | 'project' | 'public' | 'cwd' | 'cache' | 'buildCache';

const FOLDER_EN: Record<FolderKind, string> = {
  data: 'the data folder',
  project: 'the project folder',
  public: "Pipescope's own public folder",
  cwd: 'the working folder',
  cache: 'the cache folder',
  buildCache: 'the build cache',
};
const FOLDER_KO: Record<FolderKind, string> = {
  data: '데이터 폴더',
  project: '프로젝트 폴더',
  public: 'Pipescope 자체의 public 폴더',
  cwd: '작업 폴더',
  cache: '캐시 폴더',
  buildCache: '빌드 캐시',
};

/** `--out dist는`: the option and its path, with the particle. */
const outKo = (out: string, pair: '은/는' | '이/가' = '은/는') => `--out ${josa(out, pair)}`;
const OWN_EN = 'give a folder of its own, such as dist';
const OWN_KO = 'dist처럼 전용 폴더를 주세요';

export const OUT_MESSAGES = {
  out_needs_file: texts(
    () => '--out needs a file, or - for standard output',
    () => '--out에는 파일을 주거나, 표준 출력이면 -를 주어야 합니다',
  ),
  out_folder_not_file: texts(
    (p: { out: string; example: string }) => `--out ${p.out} is a folder; give a file, such as ${p.example}/metrics.json, or - for standard output`,
    (p) => `${outKo(p.out)} 폴더입니다. ${p.example}/metrics.json 같은 파일을 주거나, 표준 출력이면 -를 주세요`,
  ),
  out_is_input: texts(
    (p: { out: string }) => `--out ${p.out} is an input in the data folder; write the metrics somewhere else`,
    (p) => `${outKo(p.out)} 데이터 폴더의 입력 파일입니다. 지표는 다른 곳에 쓰세요`,
  ),
  out_is_config: texts(
    (p: { out: string }) => `--out ${p.out} is the --config file; write the metrics somewhere else`,
    (p) => `${outKo(p.out)} --config 파일입니다. 지표는 다른 곳에 쓰세요`,
  ),
  out_root: texts(
    (p: { out: string }) => `--out ${p.out} is the root of the file system; ${OWN_EN}`,
    (p) => `${outKo(p.out)} 파일 시스템의 루트입니다. ${OWN_KO}`,
  ),
  out_in_public: texts(
    (p: { out: string; path: string; inside: boolean }) =>
      `--out ${p.out} is ${p.inside ? `inside ${FOLDER_EN.public} (${p.path})` : FOLDER_EN.public}, whose files (the favicon, the table-sorting script) Astro copies into every output; ` +
      `${OWN_EN} (GitLab Pages publishes a folder named public: build into another one and move it there last, as docs/publish.md shows)`,
    (p) =>
      `${outKo(p.out)} ${p.inside ? `${FOLDER_KO.public}(${p.path}) 안에 있습니다` : `${FOLDER_KO.public}입니다`}. Astro는 이 폴더의 파일(파비콘, 표 정렬 스크립트)을 모든 출력에 복사합니다. ` +
      `${OWN_KO}(GitLab Pages는 public이라는 폴더를 게시하므로, docs/publish.md처럼 다른 폴더에 빌드한 뒤 마지막에 그리로 옮기세요)`,
  ),
  out_protected: texts(
    (p: { out: string; what: FolderKind; path: string; parent: boolean }) =>
      `--out ${p.out} is ${p.parent ? `a parent of ${FOLDER_EN[p.what]} (${p.path})` : FOLDER_EN[p.what]}; the build replaces its --out folder, so ${OWN_EN}`,
    (p) => `${outKo(p.out)} ${p.parent ? `${FOLDER_KO[p.what]}(${p.path})의 상위 폴더입니다` : `${FOLDER_KO[p.what]}입니다`}. 빌드는 --out 폴더를 통째로 교체하므로 ${OWN_KO}`,
  ),
  out_symlink: texts(
    (p: { out: string; real: string }) => `--out ${p.out} is a symbolic link; give the folder it points to (${p.real})`,
    (p) => `${outKo(p.out)} 심볼릭 링크입니다. 링크가 가리키는 폴더(${p.real})를 주세요`,
  ),
  out_redacted: texts(
    (p: { out: string }) =>
      `--out ${p.out} holds a redacted build (--redact), a dashboard shared with pseudonyms for the names; ` +
      `this build, without --redact, has the real names and would replace it: add --redact, or build into another --out`,
    (p) =>
      `${outKo(p.out)} 가명으로 바꾼(--redact) 빌드의 출력으로, 이름을 가명으로 공유하는 대시보드입니다. ` +
      `--redact가 없는 이 빌드는 실명을 담고 있어 이를 교체하게 됩니다. --redact를 주거나 다른 --out에 빌드하세요`,
  ),
  out_is_file: texts(
    (p: { out: string }) => `--out ${p.out} is a file, not a folder`,
    (p) => `${outKo(p.out)} 폴더가 아니라 파일입니다`,
  ),
  out_not_ours: texts(
    (p: { out: string; manifest: string; generator: string; others: readonly string[] }) =>
      `--out ${p.out} is not empty and not a previous Pipescope output (no ${p.manifest} with "generator": "${p.generator}"): it holds ${listed(p.others, 3, 'en')}, which the build would replace; ` +
      `give a new or empty folder, or move ${p.others.length === 1 ? 'it' : 'them'} out of this one yourself (hidden entries such as .git, and a CNAME, may stay: the build keeps them)`,
    (p) =>
      `${outKo(p.out)} 비어 있지 않고 이전 Pipescope 출력도 아닙니다("generator": "${p.generator}"가 든 ${p.manifest} 없음). 빌드가 교체할 ${josa(listed(p.others, 3, 'ko'), '이/가')} 들어 있습니다. ` +
      `새 폴더나 빈 폴더를 주거나, 이 폴더에서 직접 옮기세요(.git 같은 숨은 항목과 CNAME은 그대로 두어도 됩니다. 빌드가 유지합니다)`,
  ),
  config_inside_out: texts(
    (p: { config: string }) => `--config ${p.config} is inside --out, which the build replaces; keep the config elsewhere`,
    (p) => `--config ${josa(p.config, '은/는')} 빌드가 교체하는 --out 안에 있습니다. 설정 파일은 다른 곳에 두세요`,
  ),
  cache_overlaps: texts(
    (p: { cache: string }) => `--cache ${p.cache} is or holds the data folder or --out, or is inside the data folder; give a folder of its own`,
    (p) => `--cache ${josa(p.cache, '은/는')} 데이터 폴더나 --out 자체이거나 이를 담고 있거나, 데이터 폴더 안에 있습니다. 캐시 전용 폴더를 주세요`,
  ),
  cache_not_folder: texts(
    (p: { cache: string }) => `--cache ${p.cache} is not a folder`,
    (p) => `--cache ${josa(p.cache, '은/는')} 폴더가 아닙니다`,
  ),
  cache_not_ours: texts(
    (p: { cache: string; marker: string }) => `--cache ${p.cache} is not empty and not a Pipescope build cache (no ${p.marker}); give a new or empty folder`,
    (p) => `--cache ${josa(p.cache, '은/는')} 비어 있지 않고 Pipescope 빌드 캐시도 아닙니다(${p.marker} 없음). 새 폴더나 빈 폴더를 주세요`,
  ),
  site_data_busy: texts(
    (p: { pid: number | null; file: string }) => `another build (process ${p.pid ?? 'unknown'}) is writing ${p.file}; run this again once it has finished`,
    (p) => `다른 빌드(프로세스 ${p.pid ?? '알 수 없음'})가 ${p.file}에 쓰는 중입니다. 그 빌드가 끝난 뒤 다시 실행하세요`,
  ),
  snapshot_exists: texts(
    (p: { asOf: string; store: string }) => `a snapshot of ${p.asOf} already exists in ${p.store}, and snapshots are never changed silently: pass --replace to rebuild it`,
    (p) => `${p.store}에 ${p.asOf} 스냅숏이 이미 있으며, 스냅숏은 알리지 않고 바꾸지 않습니다. 다시 만들려면 --replace를 주세요`,
  ),
  new_history_has_snapshots: texts(
    (p: { store: string; dates: readonly string[] }) =>
      `--new-history: ${p.store} already has ${p.dates.length} snapshot(s) (${dateList(p.dates)}); leave out --new-history to keep them`,
    (p) => `--new-history: ${p.store}에 이미 스냅숏 ${p.dates.length}개가 있습니다(${dateList(p.dates)}). 이를 유지하려면 --new-history를 빼세요`,
  ),
  added_in_the_way: texts(
    (p: { entry: string; clash: string; out: string }) =>
      `${p.entry} was not written by the previous build, and this build writes ${p.clash}; move it out of ${p.out} (or remove it yourself), then build again`,
    (p) => `${josa(p.entry, '은/는')} 이전 빌드가 쓴 것이 아닌데, 이번 빌드가 ${josa(p.clash, '을/를')} 씁니다. ${p.out} 밖으로 옮기거나 직접 지운 뒤 다시 빌드하세요`,
  ),
  public_clash: texts(
    (p: { public: string; clashes: readonly string[] }) => {
      const one = p.clashes.length === 1;
      return (
        `Pipescope's own public folder holds ${one ? 'a file' : `${p.clashes.length} files`} where the build writes its own (${clashList(p.public, p.clashes, 'in all')}): ` +
        `Astro copies that folder into every output, so a page or file of the build would be replaced or written twice. ` +
        `Move ${one ? 'it' : 'them'} out of ${p.public}/ (Pipescope's own files there are favicon.svg and sort-tables.js); ` +
        `to publish a file of your own beside the pages, put it into --out after the build: the next build keeps it (docs/publish.md, Hosting)`
      );
    },
    (p) =>
      `Pipescope 자체의 public 폴더에 빌드가 직접 쓰는 자리의 파일 ${p.clashes.length}개가 있습니다(${clashList(p.public, p.clashes, '모두')}). ` +
      `Astro는 이 폴더를 모든 출력에 복사하므로 빌드의 페이지나 파일이 바뀌거나 두 번 쓰입니다. ` +
      `${p.public}/ 밖으로 옮기세요(이 폴더에 있는 Pipescope 자체 파일은 favicon.svg와 sort-tables.js입니다). ` +
      `페이지 옆에 자신의 파일을 게시하려면 빌드 뒤에 --out에 넣으세요. 다음 빌드가 그대로 둡니다(docs/publish.md, Hosting)`,
  ),
  swap_several_aside: texts(
    (p: { out: string; asides: readonly string[]; target: string }) =>
      `${p.out} is missing, and ${p.asides.length} builds stopped while swapping in their output each left the output they were replacing beside it (${listed(p.asides, 5, 'en')}); ` +
      `rename the one to keep to ${p.target}, then build again`,
    (p) =>
      `${josa(p.out, '이/가')} 없습니다. 출력을 바꿔 넣던 중 멈춘 빌드 ${p.asides.length}개가 각각 교체하던 출력을 그 옆에 남겼습니다(${listed(p.asides, 5, 'ko')}). ` +
      `남길 것의 이름을 ${josa(p.target, '으로/로')} 바꾼 뒤 다시 빌드하세요`,
  ),
  swap_running: texts(
    (p: { out: string; pid: number; aside: string; target: string }) =>
      `${p.out} is missing: process ${p.pid}, still running, moved it to ${p.aside} to swap in its own output; run this again once that build has finished ` +
      `(if no build is running, process ${p.pid} is another program: rename ${p.aside} to ${p.target} yourself)`,
    (p) =>
      `${josa(p.out, '이/가')} 없습니다. 아직 실행 중인 ${josa(`프로세스 ${p.pid}`, '이/가')} 자신의 출력을 바꿔 넣으려고 이를 ${josa(p.aside, '으로/로')} 옮겼습니다. 그 빌드가 끝난 뒤 다시 실행하세요` +
      `(실행 중인 빌드가 없다면 ${josa(`프로세스 ${p.pid}`, '은/는')} 다른 프로그램입니다. ${p.aside}의 이름을 직접 ${josa(p.target, '으로/로')} 바꾸세요)`,
  ),
};

/** The first five clashes in the public folder, then how many in all. */
function clashList(folder: string, clashes: readonly string[], all: string): string {
  const first = clashes.slice(0, 5).map((p) => `${folder}/${p}`).join(', ');
  return clashes.length > 5 ? `${first}, ... (${all === 'in all' ? `${clashes.length} in all` : `${all} ${clashes.length}개`})` : first;
}
