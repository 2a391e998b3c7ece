import type { PageContext } from './context.ts';

const made = new WeakMap<PageContext, Map<(ctx: PageContext) => unknown, unknown>>();

/**
 * `make(ctx)`, made once per context: a site's pages and the CSV route's
 * list of their tables (pageTables) share one model per page and locale.
 * Models are never changed once made.
 */
export function pageModel<T>(ctx: PageContext, make: (ctx: PageContext) => T): T {
  let models = made.get(ctx);
  if (!models) made.set(ctx, (models = new Map()));
  if (!models.has(make)) models.set(make, make(ctx));
  return models.get(make) as T;
}
