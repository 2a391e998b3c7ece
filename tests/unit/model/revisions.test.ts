/** Model rules of the 2026-11-30 revisions on the hand-derived fixture (tests/fixtures/revisions-2026-11/NOTES.md). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../src/lib/ingest/read-folder.ts';
import { computeAt, prepare } from '../../../src/lib/metrics/index.ts';
import { LOST, NONE, OPEN, WON } from '../../../src/lib/model/snapshot.ts';
import { cutoffOf, localDateOf } from '../../../src/lib/time.ts';

const DATA = join(import.meta.dirname, '../../fixtures/revisions-2026-11/data');

async function load() {
  const { dataset, config } = await readFolder(DATA);
  const result = computeAt(prepare(dataset, config), '2025-06-30');
  const index = new Map(dataset.deals.map((d, i) => [d.id, i]));
  return { config, result, at: result.context.at, d: (id: string) => index.get(id)! };
}

describe('revised model rules', () => {
  it('defaults qualification_required_from to propose and keeps labels in any language', async () => {
    const { config } = await load();
    expect(config.qualification_required_from).toBe('propose');
    expect(config.sequence.map((s) => s.id)).toEqual(['prospect', 'qualify', 'propose']);
    expect(config.openStages.map((s) => s.id)).toEqual(['prospect', 'qualify', 'propose', 'hold']);
  });

  it('closes a relabelled loss once, and a won-then-lost deal at the loss', async () => {
    const { at, d } = await load();
    expect(at.state[d('R2')]).toBe(LOST);
    expect(localDateOf(at.closedAt[d('R2')]!, 'UTC')).toBe('2025-04-01');
    expect(localDateOf(at.closedAt[d('R3')]!, 'UTC')).toBe('2025-05-10');
    expect(at.state[d('R7')]).toBe(WON);
  });

  it('keeps the position a parked deal was parked from', async () => {
    const { at, d } = await load();
    expect([at.state[d('R1')], at.position[d('R1')]]).toEqual([OPEN, 2]);
    expect(at.position[d('R6')]).toBe(0);
    expect(at.position[d('R5')]).toBe(1);
  });

  it('removes a deal from its removed_at on, and not before', async () => {
    const { at, d, result } = await load();
    expect(at.state[d('R4')]).toBe(NONE);
    const before = prepare(result.context.dataset, result.context.config);
    expect(computeAt(before, '2025-06-09').context.at.state[d('R4')]).toBe(OPEN);
    expect(computeAt(before, '2025-06-10').context.at.state[d('R4')]).toBe(NONE);
    expect(cutoffOf('2025-06-09', 'UTC')).toBe(Date.UTC(2025, 5, 10));
  });

  it('flags by position, and never pushed when close dates are not tracked', async () => {
    const { result, d } = await load();
    expect(result.flags[d('R1')]!.flags).toEqual(['no_keyman', 'budget_unconfirmed']);
    expect(result.flags[d('R5')]!.flags).toEqual(['past_expected_close']);
    expect(result.flags[d('R6')]!.flags).toEqual([]);
    expect(result.context.pushes).toBeNull();
    expect(result.metrics.slippage).toBeNull();
  });

  it('never stalls a parked deal without stall_days', async () => {
    const { result } = await load();
    expect(result.thresholds).toEqual([30, 30, 30, null]);
  });
});
