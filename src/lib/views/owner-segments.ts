/** The owners' and teams' target rows of the manifest: each owner with the slug of their page and their teams. */
import type { MetricContext } from '../metrics/context.ts';
import type { SegmentTargets as MetricSegmentTargets } from '../metrics/targets.ts';
import { byCodePoint } from '../stats.ts';
import type { SegmentTargets } from './schema.ts';
import { uniqueSlugs } from './slugs.ts';

/** Owner rows with the slug of each owner's page. */
export function withSlugs(group: MetricSegmentTargets, teams: ReadonlyMap<string, string[]>): SegmentTargets {
  const slugs = uniqueSlugs(group.rows.map((r) => r.name), 'owner');
  return { ...group, rows: group.rows.map((r) => ({ ...r, slug: slugs.get(r.name)!, teams: teams.get(r.name) ?? [] })) };
}

/** Each owner's teams (deals.csv `team`, trimmed, in code-point order) over their deals that exist at T. */
export function ownerTeams(ctx: MetricContext): Map<string, string[]> {
  const { dataset, timelines: tl, T } = ctx;
  const byOwner = new Map<string, Set<string>>();
  for (let d = 0; d < dataset.deals.length; d++) {
    if (!(tl.created[d]! < T)) continue;
    const deal = dataset.deals[d]!;
    const team = deal.team.trim();
    if (team === '') continue;
    let teams = byOwner.get(deal.owner);
    if (!teams) byOwner.set(deal.owner, (teams = new Set()));
    teams.add(team);
  }
  return new Map([...byOwner].map(([owner, teams]) => [owner, [...teams].sort(byCodePoint)]));
}

/** Team rows: teams have no page of their own. */
export function withoutSlugs(group: MetricSegmentTargets): SegmentTargets {
  return { ...group, rows: group.rows.map((r) => ({ ...r, slug: null, teams: [] })) };
}
