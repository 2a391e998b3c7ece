/** How each open stage's stall threshold was set, and the visits a learned one rests on (the manifest's `stall_basis`, `stall_visits`). */
import type { Config } from '../config.ts';
import { MIN_VISITS_FOR_P90 } from '../metrics/stalled.ts';
import type { Metrics } from '../metrics/types.ts';
import type { StallBasis } from './schema.ts';

/** How each open stage's stall threshold was set (the rule of metrics/stalled.ts `stallThresholds`, named). */
export function stallBasis(config: Config, metrics: Metrics): [string, StallBasis][] {
  return config.openStages.map((s, i): [string, StallBasis] => {
    if (Object.hasOwn(config.stall_days, s.id)) return [s.id, 'configured'];
    if (s.parked) return [s.id, 'never'];
    const row = metrics.time_in_stage[i]!;
    return [s.id, row.visits >= MIN_VISITS_FOR_P90 && row.p90_days !== null ? 'p90' : 'default'];
  });
}

/**
 * The visits each learned threshold rests on (schema.ts `stall_visits`). Only those stages' time in stage is
 * read: with every threshold fixed (a filtered view's config) the lazy engine computes none.
 */
export function stallVisits(config: Config, metrics: Metrics): [string, number][] {
  return config.openStages.flatMap((s, i): [string, number][] => (Object.hasOwn(config.stall_days, s.id) || s.parked ? [] : [[s.id, metrics.time_in_stage[i]!.visits]]));
}
