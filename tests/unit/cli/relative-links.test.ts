/** Relative links (scripts/lib/relative-links.ts) and the hosting options (--site, --base). */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../scripts/lib/io.ts';
import { fractionOption, hostingOptions } from '../../../scripts/lib/publish.ts';
import { normalizeBase, relativePath, relativizeHtml } from '../../../scripts/lib/relative-links.ts';
import { snapshotPageHtml } from '../../../src/site/relative-links.ts';
import { isOutsideSnapshot } from '../../../src/lib/views/snapshots.ts';

describe('relativePath', () => {
  it.each([
    ['', 'en/', 'en/'],
    ['', '', './'],
    ['en/', 'en/', './'],
    ['en/funnel/', 'en/', '../'],
    ['en/funnel/', 'en/stalled/', '../stalled/'],
    ['en/funnel/', 'metrics.json', '../../metrics.json'],
    ['en/accounts/acme/', 'en/csv/accounts/acme/deals.csv', '../../csv/accounts/acme/deals.csv'],
    ['en/', 'ko/', '../ko/'],
    ['snapshots/2026-06-30/en/', 'en/snapshots/', '../../../en/snapshots/'],
    ['', 'a:b/', './a:b/'],
    ['en/', 'a:b/', '../a:b/'],
  ])('from %j to %j is %j', (from, to, want) => {
    expect(relativePath(from, to)).toBe(want);
  });
});

describe('relativizeHtml', () => {
  const page = [
    '<link rel="icon" href="/p/favicon.svg"><script defer src="/p/sort-tables.js"></script>',
    '<meta http-equiv="refresh" content="0; url=/p/en/">',
    '<a href="/p/en/">home</a><a href="/p/en/stalled/#top">s</a><a href="/p/en/funnel/?owner=Kim">f</a>',
    '<a href="https://example.com/p/en/">out</a><a href="#main">skip</a><a href="//cdn/p/x">cdn</a>',
    '<form data-src="/p/data/abc.json" data-script-src="/p/_astro/FilterBar.abc.js" data-base="/p/" data-page="/p/kept"></form>',
    '<a href="/p/en/snapshots/">all</a><a href="/p/snapshots/2026-05-31/en/">prev</a>',
    '<td>href="/p/en/" as text stays</td>',
  ].join('\n');

  it('makes every link under the base relative to the page, and leaves other URLs alone', () => {
    const out = relativizeHtml(page, 'en/funnel/index.html', '/p/');
    expect(out).toContain('href="../../favicon.svg"');
    expect(out).toContain('src="../../sort-tables.js"');
    expect(out).toContain('content="0; url=../"');
    expect(out).toContain('<a href="../">home</a><a href="../stalled/#top">s</a><a href="./?owner=Kim">f</a>');
    expect(out).toContain('href="https://example.com/p/en/"');
    expect(out).toContain('href="#main"');
    expect(out).toContain('href="//cdn/p/x"');
    // The filter form's data and script (loaded by its inline loader): relative too, or a copied snapshot or a site
    // under another path would load the live site's root's script, or none.
    expect(out).toContain('data-src="../../data/abc.json" data-script-src="../../_astro/FilterBar.abc.js" data-base="../../" data-page="/p/kept"');
    expect(out).toContain('<td>href="/p/en/" as text stays</td>');
  });

  it('inside a snapshot: its own pages resolve within it, the snapshots index and other snapshots at the site root', () => {
    const out = relativizeHtml(page, 'en/funnel/index.html', '/p/', { prefix: 'snapshots/2026-06-30/', outside: isOutsideSnapshot });
    expect(out).toContain('href="../../favicon.svg"');
    expect(out).toContain('<a href="../">home</a>');
    expect(out).toContain('<a href="../../../../en/snapshots/">all</a><a href="../../../2026-05-31/en/">prev</a>');
    // Resolved, they land where they should.
    const at = 'https://host/p/snapshots/2026-06-30/en/funnel/';
    expect(new URL('../../../../en/snapshots/', at).pathname).toBe('/p/en/snapshots/');
    expect(new URL('../../../2026-05-31/en/', at).pathname).toBe('/p/snapshots/2026-05-31/en/');
  });

  it('a snapshot’s copy shows the snapshot note, whose links go to the live site: the same page and the snapshots index', () => {
    const html =
      '<header><a href="/p/en/">Pipescope</a></header><main><p class="snapshot-note" role="note" hidden>Snapshot of Jun 8, 2026. <a href="/p/en/funnel/">Latest</a> · <a href="/p/en/snapshots/">All</a></p><a href="/p/en/velocity/">v</a></main>';
    const out = snapshotPageHtml(html, 'en/funnel/index.html', '/p/', 'snapshots/2026-06-08/');
    expect(out).toBe(
      '<header><a href="../">Pipescope</a></header><main><p class="snapshot-note" role="note">Snapshot of Jun 8, 2026. <a href="../../../../en/funnel/">Latest</a> · <a href="../../../../en/snapshots/">All</a></p><a href="../velocity/">v</a></main>',
    );
    const at = 'https://host/p/snapshots/2026-06-08/en/funnel/';
    expect(new URL('../../../../en/funnel/', at).pathname).toBe('/p/en/funnel/');
    // The live site keeps it hidden, its links relative as any others.
    expect(relativizeHtml(html, 'en/funnel/index.html', '/p/')).toContain('<p class="snapshot-note" role="note" hidden>Snapshot of Jun 8, 2026. <a href="./">Latest</a>');
    // A page without the note is rewritten as before.
    expect(snapshotPageHtml('<a href="/p/en/">x</a>', 'en/index.html', '/p/', 'snapshots/2026-06-08/')).toBe('<a href="./">x</a>');
  });

  it('with base "/", at the site root', () => {
    expect(relativizeHtml('<a href="/en/">x</a><a href="/">r</a>', 'index.html', '/')).toBe('<a href="en/">x</a><a href="./">r</a>');
  });
});

describe('--base and --site', () => {
  it('normalises a base path and refuses anything else', () => {
    expect(normalizeBase('/pipescope')).toBe('/pipescope/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('/a/b/')).toBe('/a/b/');
    for (const bad of ['pipescope', '//evil.com/', '/a/../b/', '/a/./', '/a/%2E%2E/', '/a"><script>/', "/a'/", '/a//b/', '/a  b/', '/ a/', '/a\tb/']) expect(normalizeBase(bad), bad).toBeNull();
  });

  it('takes the base from the site URL unless --base says it', () => {
    expect(hostingOptions('https://acme.github.io/pipescope/', undefined)).toEqual({ site: 'https://acme.github.io/pipescope', base: '/pipescope/', siteUrl: 'https://acme.github.io/pipescope/' });
    expect(hostingOptions('https://acme.github.io', '/pipescope')).toEqual({ site: 'https://acme.github.io', base: '/pipescope/', siteUrl: 'https://acme.github.io/pipescope/' });
    expect(hostingOptions(undefined, undefined)).toEqual({ site: undefined, base: '/', siteUrl: null });
    expect(() => hostingOptions('https://acme.github.io/a/', '/b/')).toThrow(/disagree/u);
    for (const bad of ['ftp://x/', 'acme.github.io', 'https://u:p@x/', 'https://x/?q=1', 'https://x/#h']) expect(() => hostingOptions(bad, undefined), bad).toThrow(UsageError);
    expect(() => hostingOptions(undefined, 'x')).toThrow(/--base must be a path/u);
  });

  it('takes a space or a Korean name, percent-encoded as a link needs it (only the 404 page carries it); refuses an encoded slash or a broken encoding, and says what a base may hold', () => {
    const encoded = '/%EC%98%81%EC%97%85%20%ED%8C%8C%EC%9D%B4%ED%94%84%EB%9D%BC%EC%9D%B8/';
    expect(normalizeBase('/영업 파이프라인')).toBe(encoded);
    expect(normalizeBase(encoded)).toBe(encoded);
    expect(normalizeBase('/a%20b/c')).toBe('/a%20b/c/');
    expect(normalizeBase('/Sales_2026/v1.2~x-y/')).toBe('/Sales_2026/v1.2~x-y/');
    expect(hostingOptions('https://acme.example/영업 파이프라인/', undefined)).toEqual({ site: `https://acme.example${encoded.slice(0, -1)}`, base: encoded, siteUrl: `https://acme.example${encoded}` });
    expect(hostingOptions('https://acme.example/영업 파이프라인/', '/영업 파이프라인/').base).toBe(encoded);
    for (const bad of ['/pipe%2Fscope/', '/a%ZZ/', '/%ED%8C/']) expect(normalizeBase(bad), bad).toBeNull();
    expect(() => hostingOptions(undefined, '/a!b/')).toThrow(/^--base must be a path such as \/pipescope\/ or \/sales pipeline\/ \(names of letters and digits, "\.", "_", "~" and "-", a space between words\), not "\/a!b\/"$/u);
    expect(() => hostingOptions('https://acme.github.io/a!b/', undefined)).toThrow(
      /^--site https:\/\/acme\.github\.io\/a!b\/: its path \(\/a!b\/\) must be like \/pipescope\/, of names of letters and digits, .*, a space between words$/u,
    );
  });

  it('takes an address as --base for what it is, and trailing slashes for one', () => {
    expect(() => hostingOptions(undefined, 'https://acme.github.io/pipescope/')).toThrow(
      '--base is the path alone, such as /pipescope/, not an address ("https://acme.github.io/pipescope/"): give the address as --site https://acme.github.io/pipescope/',
    );
    // "$SITE_URL/" with a SITE_URL that already ends in a slash.
    expect(hostingOptions('https://acme.github.io/pipescope//', undefined)).toEqual({ site: 'https://acme.github.io/pipescope', base: '/pipescope/', siteUrl: 'https://acme.github.io/pipescope/' });
    expect(hostingOptions('https://acme.github.io//', undefined)).toEqual({ site: 'https://acme.github.io', base: '/', siteUrl: 'https://acme.github.io/' });
    expect(normalizeBase('/pipescope//')).toBe('/pipescope/');
  });

  it('--max-rejected is a fraction from 0 to 1', () => {
    expect(fractionOption('max-rejected', '0')).toBe(0);
    expect(fractionOption('max-rejected', '0.01')).toBe(0.01);
    expect(fractionOption('max-rejected', '1')).toBe(1);
    expect(fractionOption('max-rejected', '.5')).toBe(0.5);
    for (const bad of ['1.5', '-0.1', '5%', '', 'abc', '1e-2', 'NaN']) expect(() => fractionOption('max-rejected', bad), bad).toThrow(/fraction from 0 to 1/u);
  });
});
