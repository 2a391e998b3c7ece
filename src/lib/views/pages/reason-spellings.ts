/**
 * Reasons written more than one way ("Price" and "price", "가격" and "가 격", a
 * config label's words beside the same words typed in): the metrics group
 * reasons by their text as written (metrics.md), so each spelling is a row of
 * its own and the chart splits one cause. The Win / loss page names them and
 * how to write them one way.
 */
import { UNSPECIFIED } from '../../i18n/index.ts';
import type { PageContext } from './context.ts';

/**
 * Spellings of one reason as the data writes them (what to correct in the CRM), most deals first; grouped by the
 * words the page shows (a config label's words count as the code's); groups by their deals, most first.
 */
export function reasonSpellings(ctx: PageContext, rows: readonly { reason: string; count: number }[]): string[][] {
  const groups = new Map<string, { labels: string[]; count: number }>();
  for (const row of rows) {
    if (row.reason === UNSPECIFIED) continue;
    const key = spellingKey(ctx.label(row.reason));
    const group = groups.get(key) ?? { labels: [], count: 0 };
    groups.set(key, group);
    group.labels.push(row.reason);
    group.count += row.count;
  }
  return [...groups.values()].filter((g) => g.labels.length > 1).sort((a, b) => b.count - a.count).map((g) => g.labels);
}

/** What a reason's spelling comes to once case, width and spaces are set aside. */
function spellingKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').replace(/[\s_\-.]+/gu, '');
}

/** The Win / loss page's note on loss and win reasons written more than one way; null when each is written one way. */
export function reasonSpellingsNote(ctx: PageContext): string | null {
  const { metrics } = ctx.site;
  const groups = [...reasonSpellings(ctx, metrics.loss_reasons), ...reasonSpellings(ctx, metrics.win_reasons)];
  if (groups.length === 0) return null;
  return ctx.m.absence.reasonSpellings({ groups: groups.slice(0, 3), more: Math.max(0, groups.length - 3) }, ctx.f);
}
