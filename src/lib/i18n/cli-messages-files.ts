/**
 * What the commands say about the files they write (cli-messages.ts): an
 * output that cannot be written, with the system's reason (errno codes
 * stay as the system gives them), data that cannot be read, and the
 * build's lines about entries of `--out` it did not write (kept, moved back,
 * left beside it by a build stopped outright: scripts/lib/out-dir.ts,
 * interrupted-swap.ts). Paths stay as written.
 */
import { josa } from './josa.ts';
import { entriesEn, entriesKo, listed, texts, themEn } from './cli-messages-kit.ts';
import type { Locale } from './locales.ts';

/** Why the system refused, by errno code (ENOTREG, EDANGLING: writeFileAtomic's own refusals, scripts/lib/io.ts). */
const REASONS = new Map<string, Record<Locale, string>>([
  ['EACCES', { en: 'permission denied', ko: '권한이 없습니다' }],
  ['EPERM', { en: 'operation not permitted', ko: '허용되지 않는 작업입니다' }],
  ['ENOENT', { en: 'its folder does not exist', ko: '그 폴더가 없습니다' }],
  ['ENOTDIR', { en: 'a part of its path is a file, not a folder', ko: '경로 중간에 폴더가 아니라 파일이 있습니다' }],
  ['EISDIR', { en: 'it is a folder', ko: '폴더입니다' }],
  ['EROFS', { en: 'the file system is read-only', ko: '읽기 전용 파일 시스템입니다' }],
  ['ENOSPC', { en: 'no space left on the device', ko: '장치에 남은 공간이 없습니다' }],
  ['EDQUOT', { en: 'disk quota exceeded', ko: '디스크 할당량을 넘었습니다' }],
  ['EEXIST', { en: 'a part of its path is a file, not a folder', ko: '경로 중간에 폴더가 아니라 파일이 있습니다' }],
  ['ENOTEMPTY', { en: 'a folder is in the way', ko: '그 자리에 폴더가 있습니다' }],
  ['EXDEV', { en: 'it is on another device', ko: '다른 장치에 있습니다' }],
  ['ENAMETOOLONG', { en: 'the name is too long', ko: '이름이 너무 깁니다' }],
  ['EBUSY', { en: 'it is busy', ko: '사용 중입니다' }],
  ['EIO', { en: 'the device reported an input/output error', ko: '장치가 입출력 오류를 보고했습니다' }],
  ['EPIPE', { en: 'its reader stopped reading', ko: '읽는 쪽이 읽기를 멈췄습니다' }],
  [
    'ENOTREG',
    {
      en: 'something other than a file is there (a socket or a block device), which Pipescope never writes into; give the path of a file',
      ko: '파일이 아닌 것(소켓이나 블록 장치)이 있어 Pipescope가 쓰지 않습니다. 파일의 경로를 주세요',
    },
  ],
  ['EDANGLING', { en: 'it is a symbolic link to a file that does not exist; give the path of the file itself', ko: '없는 파일을 가리키는 심볼릭 링크입니다. 파일 자체의 경로를 주세요' }],
]);
const REFUSED: Record<Locale, string> = { en: 'the system refused', ko: '시스템이 거부했습니다' };

/** The errno codes with a reason of their own (the rest: "the system refused"). */
export const ERRNO_CODES: readonly string[] = [...REASONS.keys()];
export const reason = (errno: string, locale: Locale): string => (REASONS.get(errno) ?? REFUSED)[locale];

/** A build stopped outright, by its process. */
const whoEn = (pid: number) => `a build stopped outright (process ${pid})`;
const whoKo = (pid: number) => `강제로 멈춘 빌드(프로세스 ${pid})`;
/** What is removed of an output a build moved aside: the rest of one it replaced, or one it was replacing. */
const asideEn = (pid: number, rest: boolean) => (rest ? `the rest of the output ${whoEn(pid)} replaced, only files a build wrote` : `the output ${whoEn(pid)} was replacing, only files a build wrote`);
const asideKo = (pid: number, rest: boolean) => `${whoKo(pid)}가 ${rest ? '교체한 출력의 나머지' : '교체하던 출력'}이며 빌드가 쓴 파일만 있었습니다`;

/** "one entry", "2 entries" (the build's lines on what it kept). */
const keptEn = (entries: readonly string[]) => `${entries.length === 1 ? 'one entry' : `${entries.length} entries`} (${listed(entries, 5, 'en')})`;

/** An entry no build wrote that could not be moved: --out has another of its name, or the system refused. */
export interface Stuck {
  rel: string;
  errno?: string;
}
const stuckEn = (out: string) => (s: Stuck) => `${s.rel} (${s.errno ?? `${out}/ has another`})`;
const stuckKo = (out: string) => (s: Stuck) => `${s.rel}(${s.errno ?? `${out}/에 다른 것이 있음`})`;

export const FILE_MESSAGES = {
  cannot_write: texts(
    (p: { path: string; errno: string }) => `cannot write ${p.path}: ${reason(p.errno, 'en')} (${p.errno})`,
    (p) => `${p.path}에 쓸 수 없습니다: ${reason(p.errno, 'ko')}(${p.errno})`,
  ),
  cannot_write_stdout: texts(
    (p: { errno: string }) => `cannot write standard output: ${reason(p.errno, 'en')} (${p.errno})`,
    (p) => `표준 출력에 쓸 수 없습니다: ${reason(p.errno, 'ko')}(${p.errno})`,
  ),
  cannot_put_back: texts(
    (p: { path: string; errno: string; old: string }) => `cannot write ${p.path}: ${reason(p.errno, 'en')} (${p.errno}), and the previous output could not be put back: it is in ${p.old}`,
    (p) => `${p.path}에 쓸 수 없습니다: ${reason(p.errno, 'ko')}(${p.errno}). 이전 출력도 되돌려 놓지 못했습니다. 이전 출력은 ${p.old}에 있습니다`,
  ),
  cannot_read_data: texts(
    (p: { detail: string }) => `cannot read the data: ${p.detail}`,
    (p) => `데이터를 읽을 수 없습니다: ${p.detail}`,
  ),
  warning: texts(
    () => 'warning',
    () => '경고',
  ),
  internal_error: texts(
    (p: { message: string }) => `internal error: ${p.message}\nThis is a bug in Pipescope, not a problem with your data; please report it with the lines below.`,
    (p) => `내부 오류: ${p.message}\nPipescope의 버그이며 데이터의 문제가 아닙니다. 아래 줄들과 함께 알려 주세요.`,
  ),
  cache_not_stored: texts(
    (p: { dir: string; errno: string }) => `the output was not stored in the build cache ${p.dir} (${p.errno}); the next build of the same inputs renders it again`,
    (p) => `출력을 빌드 캐시 ${p.dir}에 저장하지 못했습니다(${p.errno}). 입력이 같은 다음 빌드가 다시 렌더링합니다`,
  ),
  added_not_moved: texts(
    (p: { out: string; stuck: readonly string[]; where: string }) =>
      `${p.stuck.length === 1 ? 'a file' : `${p.stuck.length} files`} added to ${p.out} could not be moved into the new output (${listed(p.stuck, 5, 'en')}): the previous output with them is in ${p.where}`,
    (p) => `${p.out}에 추가된 파일 ${p.stuck.length}개를 새 출력으로 옮기지 못했습니다(${listed(p.stuck, 5, 'ko')}). 그 파일이 든 이전 출력은 ${p.where}에 있습니다`,
  ),
  previous_not_removed: texts(
    (p: { old: string; errno: string }) => `the previous output, moved to ${p.old}, could not be removed (${p.errno}); remove it yourself`,
    (p) => `${josa(p.old, '으로/로')} 옮긴 이전 출력을 지우지 못했습니다(${p.errno}). 직접 지우세요`,
  ),
  stale_removed: texts(
    (p: { out: string; names: readonly string[] }) =>
      `removed ${p.names.length === 1 ? 'a folder' : `${p.names.length} folders`} that a build stopped outright left beside ${p.out}: ${p.names.join(', ')}`,
    (p) => `강제로 멈춘 빌드가 ${p.out} 옆에 남긴 폴더 ${p.names.length}개를 지웠습니다: ${p.names.join(', ')}`,
  ),
  kept_added: texts(
    (p: { out: string; entries: readonly string[] }) => `kept ${keptEn(p.entries)} added to ${p.out}/ since the previous build`,
    (p) => `이전 빌드 뒤에 ${p.out}/에 추가된 ${entriesKo(p.entries.length)}(${listed(p.entries, 5, 'ko')})를 그대로 두었습니다`,
  ),
  kept_hosting: texts(
    (p: { out: string; entries: readonly string[] }) => `kept ${keptEn(p.entries)} that ${p.out}/ held before its first build`,
    (p) => `첫 빌드 전부터 ${p.out}/에 있던 ${entriesKo(p.entries.length)}(${listed(p.entries, 5, 'ko')})를 그대로 두었습니다`,
  ),
  kept_guessed: texts(
    (p: { out: string; entries: readonly string[] }) =>
      `kept ${keptEn(p.entries)} in ${p.out}/ that this build does not write; the previous build's manifest does not list its files (an earlier version), so they may be yours`,
    (p) =>
      `${p.out}/에서 이번 빌드가 쓰지 않는 ${entriesKo(p.entries.length)}(${listed(p.entries, 5, 'ko')})를 그대로 두었습니다. 이전 빌드의 매니페스트에 파일 목록이 없으므로(이전 버전) 사용자의 파일일 수 있습니다`,
  ),
  swap_put_back: texts(
    (p: { out: string; pid: number; aside: string; added: readonly string[] }) =>
      `${p.out} was missing: ${whoEn(p.pid)} had moved it to ${p.aside} to swap in its own output; put it back` +
      (p.added.length === 0 ? '' : `, with ${entriesEn(p.added.length)} added to it (${listed(p.added, 5, 'en')})`),
    (p) =>
      `${josa(p.out, '이/가')} 없었습니다. ${whoKo(p.pid)}가 자신의 출력을 바꿔 넣으려고 ${josa(p.aside, '으로/로')} 옮겨 두었던 것을 되돌려 놓았습니다` +
      (p.added.length === 0 ? '' : `(그 안에 추가된 ${entriesKo(p.added.length)} 포함: ${listed(p.added, 5, 'ko')})`),
  ),
  swap_moved_in: texts(
    (p: { out: string; pid: number; aside: string; moved: readonly string[] }) =>
      `moved ${entriesEn(p.moved.length)} added to ${p.out}/ (${listed(p.moved, 5, 'en')}) into it from ${p.aside}, the output ${whoEn(p.pid)} replaced before it had moved them over`,
    (p) => `${whoKo(p.pid)}가 옮겨 오기 전에 교체한 출력 ${p.aside}에서, ${p.out}/에 추가되었던 ${entriesKo(p.moved.length)}(${listed(p.moved, 5, 'ko')})를 ${p.out}/로 옮겼습니다`,
  ),
  swap_stuck: texts(
    (p: { out: string; pid: number; aside: string; stuck: readonly Stuck[] }) =>
      `${p.aside} is the output ${whoEn(p.pid)} replaced, and holds ${entriesEn(p.stuck.length)} no build wrote that could not be moved into ${p.out}/: ` +
      `${listed(p.stuck.map(stuckEn(p.out)), 5, 'en')}; move ${themEn(p.stuck.length)} where you want ${themEn(p.stuck.length)}, then remove that folder yourself`,
    (p) =>
      `${josa(p.aside, '은/는')} ${whoKo(p.pid)}가 교체한 출력이며, 어떤 빌드도 쓰지 않았고 ${p.out}/로 옮길 수 없는 ${entriesKo(p.stuck.length)}가 들어 있습니다: ` +
      `${listed(p.stuck.map(stuckKo(p.out)), 5, 'ko')}. 원하는 곳으로 옮긴 뒤 그 폴더를 직접 지우세요`,
  ),
  swap_removed: texts(
    (p: { aside: string; pid: number; rest: boolean }) => `removed ${p.aside}, ${asideEn(p.pid, p.rest)}`,
    (p) => `${josa(p.aside, '을/를')} 지웠습니다. ${asideKo(p.pid, p.rest)}`,
  ),
  swap_not_removed: texts(
    (p: { aside: string; pid: number; rest: boolean; errno: string }) => `${p.aside}, ${asideEn(p.pid, p.rest)}, could not be removed (${p.errno}); remove it yourself`,
    (p) => `${josa(p.aside, '을/를')} 지우지 못했습니다(${p.errno}). ${asideKo(p.pid, p.rest)}. 직접 지우세요`,
  ),
  aside_unknown: texts(
    (p: { aside: string }) =>
      `${p.aside} is an output a build was replacing when it stopped, and holds files that may be yours (it cannot tell which); move them where you want them, then remove that folder yourself`,
    (p) => `${josa(p.aside, '은/는')} 멈춘 빌드가 교체하던 출력이며, 사용자의 것일 수 있는 파일이 들어 있습니다(어느 것인지 알 수 없습니다). 원하는 곳으로 옮긴 뒤 그 폴더를 직접 지우세요`,
  ),
  aside_left: texts(
    (p: { aside: string; out: string; left: readonly string[] }) =>
      `${p.aside} is an output a build was replacing when it stopped, and holds ${entriesEn(p.left.length)} no build wrote (${listed(p.left, 5, 'en')}): ` +
      `once ${p.out}/ holds a build's output, the next build moves ${themEn(p.left.length)} into it (or move ${themEn(p.left.length)} where you want ${themEn(p.left.length)} yourself, then remove that folder)`,
    (p) =>
      `${josa(p.aside, '은/는')} 멈춘 빌드가 교체하던 출력이며, 어떤 빌드도 쓰지 않은 ${entriesKo(p.left.length)}(${listed(p.left, 5, 'ko')})가 들어 있습니다. ` +
      `${p.out}/에 빌드 출력이 생기면 다음 빌드가 이 항목을 그리로 옮깁니다(또는 원하는 곳으로 직접 옮긴 뒤 그 폴더를 지우세요)`,
  ),
};
