/**
 * Links that also work from a file share. The build makes every internal
 * link relative (scripts/lib/relative-links.ts), and pages live at
 * `<page>/index.html`; a web server maps `funnel/` to its index.html, but a
 * browser opening the files directly (file://) shows the folder instead. On
 * file:// only, this inline script appends `index.html` to links that end in
 * a folder. Served over HTTP it does nothing, and pages read without it.
 */
export const FILE_LINKS_SCRIPT =
  "if(location.protocol==='file:')document.addEventListener('DOMContentLoaded',function(){var l=document.querySelectorAll('a[href]');for(var i=0;i<l.length;i++){var h=l[i].getAttribute('href'),m=/^([^?#]*\\/)([?#].*)?$/.exec(h);if(m&&!/^([a-z][a-z0-9+.-]*:|\\/)/i.test(h))l[i].setAttribute('href',m[1]+'index.html'+(m[2]||''));}});";

/**
 * The site root's redirect target, relative to the page (so it works under
 * any base path, inside a dated snapshot and from a file share): `<locale>/`,
 * or `<locale>/index.html` on file://.
 */
export function rootRedirectScript(defaultLocale: string, locales: readonly string[]): string {
  return `(function(){var fallback=${JSON.stringify(defaultLocale)},known=${JSON.stringify(locales)};var langs=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];var pick=fallback;for(var i=0;i<langs.length;i++){var l=String(langs[i]).toLowerCase().split('-')[0];if(known.indexOf(l)>=0){pick=l;break;}}var here=location.href.split(/[?#]/)[0];if(!/\\/$|\\.html?$/.test(here))here+='/';location.replace(new URL(pick+(location.protocol==='file:'?'/index.html':'/'),here).href);})();`;
}
