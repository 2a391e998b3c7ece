/**
 * Browser only: a chart with a wide and a narrow variant (a container query
 * shows the one that fits) has only the variant on screen drawn when the
 * filtered page is written (filters/dom.ts); the other is drawn when the
 * chart's width crosses the breakpoint, or before printing.
 */

/** The variant divs of a chart not drawn yet (off screen when the chart was filled), with the SVG each would hold. */
const pending = new WeakMap<HTMLElement, () => Element | null>();
let observer: ResizeObserver | null = null;

/** Whether `e` is laid out (not `display: none`, as the container query hides the variant that does not fit). */
function shown(e: Element): boolean {
  return getComputedStyle(e).display !== 'none';
}

/** Which variant each watched chart showed when last laid out (noted by the observer, when reading it costs nothing). */
const lastShown = new WeakMap<Element, ShownVariant>();

/** Draw the pending variants that are now on screen (`all`: every one, for printing). */
function drawPending(holders: Iterable<Element>, all = false): void {
  for (const holder of holders) {
    if (!all) lastShown.set(holder, variantOf(holder));
    for (const div of Array.from(holder.children)) {
      const svg = div instanceof HTMLElement ? pending.get(div) : undefined;
      if (!svg || !(all || shown(div))) continue;
      pending.delete(div as HTMLElement);
      const node = svg();
      div.replaceChildren(...(node ? [node] : []));
    }
  }
}

/** The other variant is drawn when its container query shows it (the holder's width crosses the breakpoint) or before printing. */
function watch(holder: Element): void {
  const view = holder.ownerDocument.defaultView;
  if (!view || typeof view.ResizeObserver !== 'function') return drawPending([holder], true);
  if (!observer) {
    observer = new view.ResizeObserver((entries) => drawPending(entries.map((e) => e.target)));
    view.addEventListener('beforeprint', () => drawPending(Array.from(holder.ownerDocument.querySelectorAll('.chart-svg.has-narrow')), true));
  }
  observer.observe(holder);
}

/** Which variant of a chart with a narrow one is on screen now: read before the page is written to (one layout for all charts). */
export type ShownVariant = 'wide' | 'narrow' | null;

function variantOf(holder: Element): ShownVariant {
  const narrow = holder.querySelector(':scope > .chart-narrow');
  return narrow && holder.classList.contains('has-narrow') ? (shown(narrow) ? 'narrow' : 'wide') : null;
}

/** As the observer last saw it (a size change since would have been observed), else read now. */
export function shownVariant(figure: Element): ShownVariant {
  const holder = figure.querySelector(':scope > .chart-svg');
  if (!holder) return null;
  return lastShown.get(holder) ?? variantOf(holder);
}


/** `div`, a variant not on screen, gets the SVG `svg` makes once it is shown (or printed). */
export function drawWhenShown(holder: Element, div: HTMLElement, svg: () => Element | null): void {
  pending.set(div, svg);
  watch(holder);
}
