/**
 * What a filtered page replaces, from the very page models the Astro pages
 * render: tiles, charts (with their tables), tables, notes, and a few
 * sentences marked `data-filter-text` on the page. Pure (runs in Node for
 * the tests and in the browser for filters/dom.ts).
 */
import type { TableModel } from '../views/table.ts';
import type { ChartBlock } from '../views/chart-block.ts';
import {
  forecastModel,
  funnelModel,
  overviewModel,
  ownersModel,
  type PageContext,
  repurchaseModel,
  stalledModel,
  type TileModel,
  velocityModel,
  waterfallModel,
  winLossModel,
} from '../views/pages/index.ts';

/** The pages with a filter form: where a subset of the deals makes sense. */
export const FILTER_PAGES = ['overview', 'funnel', 'velocity', 'win-loss', 'stalled', 'waterfall', 'forecast', 'repurchase', 'owners'] as const;
export type FilterPage = (typeof FILTER_PAGES)[number];

export function isFilterPage(page: string | null | undefined): page is FilterPage {
  return (FILTER_PAGES as readonly string[]).includes(page ?? '');
}

export interface PageParts {
  tiles: TileModel[];
  charts: ChartBlock[];
  /** Tables outside charts. */
  tables: TableModel[];
  notes: string[];
  /** Text of the elements marked `data-filter-text="<key>"`, as [key, text]. */
  texts: [string, string][];
}

export function pageParts(ctx: PageContext, page: FilterPage): PageParts {
  const { m, f } = ctx;
  switch (page) {
    case 'overview': {
      const o = overviewModel(ctx);
      return { tiles: o.tiles, charts: o.charts, tables: [o.stalled], notes: o.notes, texts: [['stalled-total', m.common.dealCount({ count: o.stalledTotal }, f)]] };
    }
    case 'stalled': {
      const s = stalledModel(ctx);
      return {
        tiles: [],
        charts: [],
        tables: s.tables,
        notes: s.notes,
        texts: [
          ['stalled-summary', s.stalledCount > 0 ? s.summary : ''],
          ['stalled-heading', s.stalledHeading],
        ],
      };
    }
    case 'forecast': {
      const model = forecastModel(ctx);
      // The charts' intros: the attainment's names whose target its bars are shares of; the tables' (the call by owner
      // says when no target applies to the view). The deal lists' headings and the close-date filter's sentence on its
      // list (hidden when '').
      const texts = model.sections.flatMap((s): [string, string][] =>
        s.kind === 'chart' && s.intro
          ? [[`${s.block.id}-intro`, s.intro]]
          : s.kind === 'table' && s.intro
            ? [[`${s.table.id}-intro`, s.intro]]
            : s.kind === 'deals'
            ? [['forecast-deals-closing-intro', s.deals.closingIntro], ...s.deals.lists.map((l): [string, string] => [`${l.table.id}-heading`, l.heading])]
            : [],
      );
      return { tiles: [], charts: model.charts, tables: model.tables, notes: model.notes, texts };
    }
    case 'owners': {
      const model = ownersModel(ctx);
      return { tiles: [], charts: [], tables: model.tables, notes: model.notes, texts: [] };
    }
    default: {
      const build = { funnel: funnelModel, velocity: velocityModel, 'win-loss': winLossModel, waterfall: waterfallModel, repurchase: repurchaseModel }[page];
      const model = build(ctx);
      // Every table's sentences, none as '': the page then hides those it showed for all deals (dom.ts).
      const intros = new Map(model.tableIntros ?? []);
      const texts = model.tables.map((t): [string, string] => [`${t.id}-intro`, intros.get(t.id) ?? '']);
      if (model.lead !== undefined) texts.push(['page-intro', model.lead]);
      return { tiles: [], charts: model.charts, tables: model.tables, notes: model.notes, texts };
    }
  }
}
