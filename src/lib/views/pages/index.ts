/** Every page's model, and every table of a locale (for the CSV downloads). */
import type { TableModel } from '../table.ts';
import { funnelModel, velocityModel, winLossModel } from './analysis.ts';
import type { PageContext, PageKey } from './context.ts';
import { accountModel, accountsIndexModel, dataQualityModel, ownersModel } from './lists.ts';
import { overviewModel } from './overview.ts';
import { forecastModel, forecastTables } from './forecast.ts';
import { repurchaseModel, stalledModel, waterfallModel } from './pipeline-pages.ts';
import { trendsModel, trendsTables } from './trends.ts';
import { changesModel, changesTables } from './changes.ts';

export * from './absence.ts';
export * from './analysis.ts';
export * from './context.ts';
export * from './deals.ts';
export * from './forecast.ts';
export * from './lists.ts';
export * from './overview.ts';
export * from './pipeline-pages.ts';
export * from './trends.ts';
export * from './changes.ts';
export * from './snapshots.ts';

/** The tables a page shows (chart tables included), by page. */
export function pageTables(ctx: PageContext, page: PageKey): TableModel[] {
  switch (page) {
    case 'overview': {
      const o = overviewModel(ctx);
      return [...o.charts.map((c) => c.table), o.stalled];
    }
    case 'funnel':
    case 'velocity':
    case 'win-loss':
    case 'waterfall':
    case 'repurchase': {
      const model = { funnel: funnelModel, velocity: velocityModel, 'win-loss': winLossModel, waterfall: waterfallModel, repurchase: repurchaseModel }[page](ctx);
      return [...model.charts.map((c) => c.table), ...model.tables];
    }
    case 'forecast':
      return forecastTables(forecastModel(ctx));
    case 'trends':
      return trendsTables(trendsModel(ctx));
    case 'changes':
      return changesTables(changesModel(ctx));
    case 'stalled':
      return stalledModel(ctx).tables;
    case 'owners':
      return ownersModel(ctx).tables;
    case 'accounts':
      return [accountsIndexModel(ctx)];
    case 'data-quality': {
      const dq = dataQualityModel(ctx);
      return [...dq.tables, dq.removed];
    }
  }
}

/**
 * CSV path of a table below the locale folder: `<page>/<table>.csv`; for the
 * page of one account or owner, `accounts/<slug>-<table>.csv` (a download
 * named after its account, and no folder per account: a large build writes
 * thousands fewer).
 */
export function csvPath(page: string, tableId: string): string {
  if (/^(accounts|owners)\/[^/]+$/u.test(page)) return `${page}-${tableId}.csv`;
  return `${page === 'overview' ? 'overview' : page}/${tableId}.csv`;
}

export { accountModel, type PageContext };
