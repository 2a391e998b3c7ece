/**
 * targets.csv's owners and teams written otherwise than deals.csv writes them (`수도권 영업팀` for 수도권영업팀, an
 * owner with a zero-width space, `Kim` for `kim`): such a target counts no deal, so each gets a
 * `target_name_unmatched` warning naming the deals' spelling. A name no deal comes near says nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueMessage } from '../../../src/lib/i18n/issue-text.ts';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';

const dir = mkdtempSync(join(tmpdir(), 'pipescope-target-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync('data/sample', dir, { recursive: true });
const file = join(dir, 'targets.csv');
const lines = readFileSync(file, 'utf8').split('\n');
// Line 6: 2024-Q1's team target of 수도권영업팀; the first owner row, 2025-Q1 김민준's.
const owner = lines.findIndex((l) => l.startsWith('2025-Q1,김민준,'));
lines[5] = lines[5]!.replace('수도권영업팀', '수도권 영업팀');
lines[owner] = lines[owner]!.replace('김민준', '김민\u200b준');
lines.push('2026-Q3,신입사원,,100000000');
writeFileSync(file, lines.join('\n'));

describe('targets whose names deals.csv writes otherwise', () => {
  it('a warning on each such line and column, naming the deals’ spelling (an invisible character shown escaped); none for a name no deal has', async () => {
    const { dataset } = await readFolder(dir);
    const warned = dataset.issues.filter((i) => i.code === 'target_name_unmatched').map((i) => ({ file: i.file, line: i.line, column: i.column, message: i.message }));
    expect(warned).toEqual([
      {
        file: 'targets.csv',
        line: 6,
        column: 'team',
        message: 'team "수도권 영업팀" names no deal\'s team; deals.csv writes it "수도권영업팀", so this target counts none of its deals: write it as deals.csv does',
      },
      {
        file: 'targets.csv',
        line: owner + 1,
        column: 'owner',
        message: 'owner "김민\\u200b준" names no deal\'s owner; deals.csv writes it "김민준", so this target counts none of its deals: write it as deals.csv does',
      },
    ]);
    expect(issueMessage({ code: 'target_name_unmatched', message: warned[0]!.message }, 'ko')).toBe(
      '팀 "수도권 영업팀"은 어느 딜의 팀과도 같지 않아 이 목표에는 딜이 하나도 집계되지 않습니다(deals.csv의 표기: "수도권영업팀"). deals.csv와 같게 적으세요',
    );
    // The rows stay targets (read as written, as input.md says): the warning says why they count nothing.
    expect(dataset.targets!.some((t) => t.team === '수도권 영업팀')).toBe(true);
  });
});
