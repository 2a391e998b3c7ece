/**
 * The problems of the snapshots a build keeps (scripts/lib/snapshots.ts,
 * SnapshotsError: exit 1): a `--snapshots` folder missing or not one of
 * snapshots, snapshots a build would drop or another build added, a
 * `snapshot.json` that cannot be read, and earlier snapshots a redacted
 * build may not carry. Paths, dates, option names and JSON keys stay as
 * written. A `snapshot.json` that is not JSON, or not a
 * snapshot's, is said as a config's is (fatal-text-config.ts): the parser's
 * and the schema's words in Korean where the config's rules know them, as
 * they were written where not.
 */
import { josa } from './josa.ts';
import { dateList, texts } from './cli-messages-kit.ts';
import { CONFIG_FATAL_RULES, configLine } from './fatal-text-config.ts';
import { sayWith } from './issue-rules.ts';

/** "a snapshot", "3 snapshots" (`what`: "redacted " before it). */
const snapshotsEn = (n: number, what = '') => (n === 1 ? `a ${what}snapshot` : `${n} ${what}snapshots`);

/** What a carried snapshot was rounded to (null: exact amounts). */
export interface SnapshotBand {
  asOf: string;
  band: number | null;
}
const bandEn = (x: SnapshotBand) => `${x.asOf}: ${x.band === null ? 'exact amounts' : `rounded to ${x.band}`}`;
const bandKo = (x: SnapshotBand) => `${x.asOf}: ${x.band === null ? '정확한 금액' : `${x.band} 단위로 반올림`}`;

/** The ways out of a redacted build's refused snapshots. */
const ownOutEn = (rule: string) => `build it into an --out of its own, with --snapshots of ${rule} only, or --snapshot --new-history to start its own history`;
const ownOutKo = (rule: string) => `전용 --out에 빌드하되, ${rule}만 든 --snapshots를 주거나 --snapshot --new-history로 자체 기록을 새로 시작하세요`;

/** `<file>: not valid JSON: <syntax>` in Korean: the config's words for it (JSON.parse's and the hint's), else the syntax as written. */
function notJsonKo(file: string, syntax: string): string {
  return sayWith(CONFIG_FATAL_RULES.config_not_json ?? [], `${file}: not valid JSON: ${syntax}`) ?? `${file}: 올바른 JSON이 아닙니다: ${syntax}`;
}

export const SNAPSHOT_MESSAGES = {
  snapshots_missing: texts(
    (p: { store: string; folder: string }) =>
      `--snapshots ${p.store}: no such folder. It should hold the earlier snapshots (one YYYY-MM-DD folder each, as in the published site's ${p.folder}/): ` +
      `restore it first (from the deployed branch, the CI cache or the bucket); for the very first snapshot, use --new-history instead of --snapshots`,
    (p) =>
      `--snapshots ${p.store}: 폴더가 없습니다. 이 폴더에는 이전 스냅숏이 있어야 합니다(게시된 사이트의 ${p.folder}/처럼 스냅숏마다 YYYY-MM-DD 폴더 하나). ` +
      `먼저 배포된 브랜치, CI 캐시, 버킷에서 복원하세요. 맨 처음 스냅숏이라면 --snapshots 대신 --new-history를 쓰세요`,
  ),
  snapshots_not_folder: texts(
    (p: { store: string }) => `--snapshots ${p.store} is not a folder`,
    (p) => `--snapshots ${josa(p.store, '은/는')} 폴더가 아닙니다`,
  ),
  snapshots_would_drop: texts(
    (p: { out: string; lost: readonly string[]; store: string | null; folder: string }) =>
      `${p.out} has ${p.lost.length} snapshot(s) this build would drop (${dateList(p.lost)}): ` +
      `${p.store === null ? `there is no ${p.out}/${p.folder} folder` : `${p.store} does not have them`}. ` +
      `Pass --snapshots <folder> with every earlier snapshot, or remove ${p.out} yourself to start over`,
    (p) =>
      `${p.out}에는 이번 빌드의 출력에서 빠지게 될 스냅숏 ${p.lost.length}개가 있습니다(${dateList(p.lost)}). ` +
      `${p.store === null ? `${p.out}/${p.folder} 폴더가 없습니다` : `${p.store}에는 그 스냅숏이 없습니다`}. ` +
      `이전 스냅숏이 모두 든 --snapshots <folder>를 주거나, 처음부터 다시 시작하려면 ${josa(p.out, '을/를')} 직접 지우세요`,
  ),
  snapshots_none_found: texts(
    (p: { out: string; folder: string }) =>
      `--snapshot: no earlier snapshots were found (no --snapshots folder, and ${p.out} has none), and a build never starts a new history silently. ` +
      `Pass --snapshots <folder> with the earlier snapshots (the published site's ${p.folder}/ folder, a CI cache, a bucket), or --new-history if this is the first snapshot`,
    (p) =>
      `--snapshot: 이전 스냅숏을 찾지 못했습니다(--snapshots 폴더를 주지 않았고 ${p.out}에도 없습니다). 빌드는 알리지 않고 기록을 새로 시작하지 않습니다. ` +
      `이전 스냅숏이 든 --snapshots <folder>(게시된 사이트의 ${p.folder}/ 폴더, CI 캐시, 버킷)를 주거나, 첫 스냅숏이라면 --new-history를 주세요`,
  ),
  snapshots_empty: texts(
    (p: { store: string }) =>
      `--snapshots ${p.store} holds no snapshot (a cache or a bucket restored empty?), and a build never starts a new history silently. ` +
      `Restore the earlier snapshots into it, or, if this is the first snapshot, build with --snapshot --new-history instead of --snapshots`,
    (p) =>
      `--snapshots ${p.store}에 스냅숏이 하나도 없습니다(캐시나 버킷이 비어 있는 채로 복원되었나요?). 빌드는 알리지 않고 기록을 새로 시작하지 않습니다. ` +
      `이전 스냅숏을 그 폴더에 복원하거나, 첫 스냅숏이라면 --snapshots 대신 --snapshot --new-history로 빌드하세요`,
  ),
  snapshots_gained: texts(
    (p: { out: string; gained: readonly string[] }) =>
      `${p.out} gained ${snapshotsEn(p.gained.length)} while this build ran (${dateList(p.gained)}), which this build does not have: ` +
      `another build wrote ${p.out} meanwhile? Nothing was replaced; run this build again`,
    (p) =>
      `이 빌드가 실행되는 동안 ${p.out}에 이 빌드에 없는 스냅숏 ${p.gained.length}개가 생겼습니다(${dateList(p.gained)}). ` +
      `그사이 다른 빌드가 ${p.out}에 썼나요? 아무것도 교체하지 않았습니다. 이 빌드를 다시 실행하세요`,
  ),
  snapshot_not_dated: texts(
    // `own`: the folder is --out's own snapshots folder (no --snapshots given), where an entry is one put there by hand.
    (p: { entry: string; own?: string }) =>
      `${p.entry} is not a snapshot (a snapshots folder holds only YYYY-MM-DD folders): ` +
      (p.own === undefined ? 'is --snapshots the right folder?' : `move it out of ${p.own} (a file of your own in --out goes beside that folder, as a CNAME does, and is kept)`),
    (p) =>
      `${josa(p.entry, '은/는')} 스냅숏이 아닙니다(스냅숏 폴더에는 YYYY-MM-DD 폴더만 있습니다). ` +
      (p.own === undefined ? '--snapshots가 맞는 폴더인가요?' : `${p.own} 밖으로 옮기세요(--out에 직접 두는 파일은 CNAME처럼 그 폴더 옆에 두면 유지됩니다)`),
  ),
  snapshot_other_date: texts(
    (p: { entry: string; file: string; asOf: string; date: string }) => `${p.entry}: its ${p.file} says as_of ${p.asOf}, not ${p.date}`,
    (p) => `${p.entry}: ${p.file}의 as_of가 ${josa(p.date, '이/가')} 아니라 ${p.asOf}입니다`,
  ),
  snapshot_no_manifest: texts(
    (p: { entry: string; file: string }) => `${p.entry} is not a snapshot: it has no ${p.file}`,
    (p) => `${josa(p.entry, '은/는')} 스냅숏이 아닙니다. ${josa(p.file, '이/가')} 없습니다`,
  ),
  snapshot_unreadable: texts(
    (p: { file: string; errno: string }) => `${p.file}: cannot be read (${p.errno})`,
    (p) => `${p.file}: 읽을 수 없습니다(${p.errno})`,
  ),
  snapshot_not_json: texts(
    (p: { file: string; syntax: string }) => `${p.file}: not valid JSON: ${p.syntax}`,
    (p) => notJsonKo(p.file, p.syntax),
  ),
  snapshot_invalid: texts(
    (p: { entry: string; issues: readonly string[] }) => `${p.issues.join('; ')}: is ${p.entry} a snapshot?`,
    (p) => `${p.issues.map((line) => configLine(line) ?? line).join('; ')}. ${josa(p.entry, '이/가')} 스냅숏이 맞나요?`,
  ),
  snapshot_not_file: texts(
    (p: { entry: string }) => `${p.entry} is not a regular file or folder (a symbolic link?); a snapshot holds only files`,
    (p) => `${josa(p.entry, '은/는')} 일반 파일이나 폴더가 아닙니다(심볼릭 링크인가요?). 스냅숏에는 파일만 담을 수 있습니다`,
  ),
  snapshots_not_redacted: texts(
    (p: { store: string; dates: readonly string[] }) =>
      `--redact: ${p.store} has ${snapshotsEn(p.dates.length)} built without --redact (${dateList(p.dates)}), with the real names, ` +
      `which a redacted output would carry: ${ownOutEn('redacted snapshots')}`,
    (p) =>
      `--redact: ${p.store}에 --redact 없이 빌드해 실명이 담긴 스냅숏 ${p.dates.length}개가 있습니다(${dateList(p.dates)}). ` +
      `가명으로 바꾼 출력이 이를 그대로 담게 됩니다. ${ownOutKo('가명으로 바꾼 스냅숏')}`,
  ),
  snapshots_redacted: texts(
    (p: { store: string; dates: readonly string[] }) =>
      `${p.store} has ${snapshotsEn(p.dates.length, 'redacted ')} (${dateList(p.dates)}), a history shared with pseudonyms for the names; ` +
      `this build, without --redact, would put the real names beside them: add --redact (with the config's redaction.salt), or ${ownOutEn('snapshots built without --redact')}`,
    (p) =>
      `${p.store}에 가명으로 바꾼(--redact) 스냅숏 ${p.dates.length}개가 있습니다(${dateList(p.dates)}). 이름을 가명으로 공유하는 기록입니다. ` +
      `--redact가 없는 이 빌드는 그 옆에 실명을 싣게 됩니다. --redact를 주거나(설정의 redaction.salt와 함께), ${ownOutKo('--redact 없이 빌드한 스냅숏')}`,
  ),
  snapshots_less_rounded: texts(
    (p: { band: number; store: string; finer: readonly SnapshotBand[] }) =>
      `--redact-amounts ${p.band}: ${p.store} has ${snapshotsEn(p.finer.length, 'redacted ')} with amounts less rounded than this build's (${dateList(p.finer.map(bandEn))}), ` +
      `which an output of amounts rounded to ${p.band} would carry: ${ownOutEn(`snapshots rounded to ${p.band} or more`)}; ` +
      `or build with the band of those snapshots`,
    (p) =>
      `--redact-amounts ${p.band}: ${p.store}에 이 빌드보다 금액이 덜 반올림된, 가명으로 바꾼 스냅숏 ${p.finer.length}개가 있습니다(${dateList(p.finer.map(bandKo))}). ` +
      `금액을 ${p.band} 단위로 반올림한 출력이 이를 그대로 담게 됩니다. ${ownOutKo(`${p.band} 이상의 단위로 반올림한 스냅숏`)}. ` +
      `아니면 그 스냅숏들의 단위로 빌드하세요`,
  ),
  snapshots_band_unknown: texts(
    (p: { band: number; store: string; dates: readonly string[] }) =>
      `--redact-amounts ${p.band}: ${p.store} has ${snapshotsEn(p.dates.length, 'redacted ')} (${dateList(p.dates)}) made before snapshots recorded their amount band, ` +
      `so they may show amounts less rounded than this build's: if they were built with a band of ${p.band} or more, add "amount_band": <that band> to their snapshot.json where you keep them; ` +
      `otherwise ${ownOutEn(`snapshots rounded to ${p.band} or more`)}`,
    (p) =>
      `--redact-amounts ${p.band}: ${p.store}에 스냅숏이 금액 단위를 기록하지 않던 때에 만든, 가명으로 바꾼 스냅숏 ${p.dates.length}개가 있습니다(${dateList(p.dates)}). ` +
      `그래서 이 빌드보다 금액이 덜 반올림되어 있을 수 있습니다. ${p.band} 이상의 단위로 빌드한 것이라면, 보관하는 곳에서 그 snapshot.json에 "amount_band": <그 단위>를 추가하세요. ` +
      `아니라면 ${ownOutKo(`${p.band} 이상의 단위로 반올림한 스냅숏`)}`,
  ),
};
