/**
 * Browser only: our chart SVGs put into a filtered page safely (filters/dom.ts).
 * A chart's markup is parsed inert and stripped of anything scriptable before
 * it is adopted; a chart drawn as an element is copied, stripped the same way.
 */
import { drawnElement } from '../charts/render.ts';
import type { ChartOutput } from '../charts/types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Our chart SVG (the string the static page embeds) as nodes of `doc`: parsed
 * in an inert <template> (nothing loads or runs there), then stripped of
 * anything scriptable (script, foreignObject, on* attributes, links other
 * than in-document references) before it is adopted.
 */
export function svgNode(doc: Document, svg: string): Element | null {
  const template = doc.createElement('template');
  template.innerHTML = svg;
  const root = template.content.firstElementChild;
  if (!root || template.content.childElementCount !== 1) return null;
  return inertSvg(doc, root);
}

/** `root` made safe (as `svgNode`) and moved into `doc`; null unless it is an <svg>. */
function inertSvg(doc: Document, root: Element): Element | null {
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') return null;
  for (const e of Array.from(root.querySelectorAll('script, foreignObject'))) e.remove();
  const all = root.getElementsByTagName('*');
  for (let i = -1; i < all.length; i++) {
    const e = i < 0 ? root : all[i]!;
    for (const name of e.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || ((lower === 'href' || lower === 'xlink:href') && !e.getAttribute(name)!.startsWith('#'))) e.removeAttribute(name);
    }
  }
  return doc.adoptNode(root);
}

/**
 * A chart's SVG as nodes of `doc`: a copy of the element the chart was drawn
 * as (charts/render.ts `drawnElement`, no markup made or parsed), made safe
 * as `svgNode`; from its markup for an output drawn otherwise.
 */
export function chartSvg(doc: Document, chart: ChartOutput, key: 'svg' | 'narrowSvg'): Element | null {
  const drawn = drawnElement(chart, key);
  if (drawn) return inertSvg(doc, doc.importNode(drawn, true));
  const markup = chart[key];
  return markup === undefined ? null : svgNode(doc, markup);
}

