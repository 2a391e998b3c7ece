/** Every page's model, and every table of a locale (for the CSV downloads). */
import type { TableModel } from '../table.ts';
import { velocityModel, winLossModel } from './analysis.ts';
import { funnelModel } from './funnel.ts';
import type { PageContext, PageKey } from './context.ts';
import { accountModel, accountsIndexModel } from './accounts.ts';
import { dataQualityModel, ownersModel } from './lists.ts';
import { overviewModel } from './overview.ts';
import { forecastModel, forecastTables } from './forecast.ts';
import { stalledModel, waterfallModel } from './pipeline-pages.ts';
import { repurchaseModel } from './repurchase.ts';
import { trendsModel, trendsTables } from './trends.ts';
import { changesModel, changesTables } from './changes.ts';
import { pageModel } from './page-model.ts';

export * from './absence.ts';
export * from './forecast-absence.ts';
export * from './flag-absence.ts';
export * from './data-notes.ts';
export * from './accounts.ts';
export * from './analysis.ts';
export * from './funnel.ts';
export * from './context.ts';
export * from './deals.ts';
export * from './forecast.ts';
export * from './forecast-deals.ts';
export * from './lists.ts';
export * from './owner.ts';
export * from './overview.ts';
export * from './tiles.ts';
export * from './pipeline-pages.ts';
export * from './repurchase.ts';
export * from './trends.ts';
export * from './changes.ts';
export * from './snapshots.ts';
export * from './page-model.ts';
export * from './print-footer.ts';


/** The tables a page shows (chart tables included), by page, from the page's shared model. */
export function pageTables(ctx: PageContext, page: PageKey): TableModel[] {
  switch (page) {
    case 'overview': {
      const o = pageModel(ctx, overviewModel);
      return [...o.charts.map((c) => c.table), o.stalled];
    }
    case 'funnel':
    case 'velocity':
    case 'win-loss':
    case 'waterfall':
    case 'repurchase': {
      const model = pageModel(ctx, { funnel: funnelModel, velocity: velocityModel, 'win-loss': winLossModel, waterfall: waterfallModel, repurchase: repurchaseModel }[page]);
      return [...model.charts.map((c) => c.table), ...model.tables];
    }
    case 'forecast':
      return forecastTables(pageModel(ctx, forecastModel));
    case 'trends':
      return trendsTables(pageModel(ctx, trendsModel));
    case 'changes':
      return changesTables(pageModel(ctx, changesModel));
    case 'stalled':
      return pageModel(ctx, stalledModel).tables;
    case 'owners':
      return pageModel(ctx, ownersModel).tables;
    case 'accounts':
      return [pageModel(ctx, accountsIndexModel)];
    case 'data-quality': {
      const dq = pageModel(ctx, dataQualityModel);
      return [...dq.tables, dq.removed];
    }
  }
}

export { accountModel, type PageContext };
