/** Which accounts and owners get a page (views/page-paths.ts, the pages' getStaticPaths). */
import { describe, expect, it } from 'vitest';
import { accountPageSlugs, ownerPageRows } from '../../../src/lib/views/page-paths.ts';
import type { SiteData } from '../../../src/lib/views/schema.ts';

describe('page paths', () => {
  it('lists the accounts with a page, in their order, and none of the others', () => {
    const accounts = [
      { slug: 'acme', has_page: true },
      { slug: 'small', has_page: false },
      { slug: 'globex', has_page: true },
    ] as SiteData['accounts'];
    expect(accountPageSlugs({ accounts })).toEqual(['acme', 'globex']);
  });

  it('lists the owners with a slug', () => {
    const owners = { period: '2026-06', has_targets: false, rows: [{ name: 'Kim', slug: 'kim' }, { name: 'Team', slug: null }] } as SiteData['owners'];
    expect(ownerPageRows({ owners }).map((r) => r.name)).toEqual(['Kim']);
  });
});
