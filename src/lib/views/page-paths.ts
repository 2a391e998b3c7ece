/** Which accounts and owners get a page of their own (the pages' getStaticPaths). */
import type { SegmentTargetRow, SiteData } from './schema.ts';

/** The slugs of the accounts with a page (--max-account-pages may leave the smaller ones without). */
export function accountPageSlugs(site: Pick<SiteData, 'accounts'>): string[] {
  return site.accounts.filter((a) => a.has_page).map((a) => a.slug);
}

/** The owners' rows with a page: those with a slug (a team's row has none). */
export function ownerPageRows(site: Pick<SiteData, 'owners'>): SegmentTargetRow[] {
  return site.owners.rows.filter((r) => r.slug);
}
