// Progressive enhancement: sortable tables, account search, and a keyboard stop only on the tables that scroll. The
// pages are complete without this file; it only adds interaction.
const enhance = () => {
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  // data-sort: a number, or a date, month or period (2026-06-30, 2026-Q2), whose text would sort alphabetically.
  const key = (cell) => {
    const raw = cell.dataset.sort;
    if (raw === undefined || raw === '') return cell.textContent.trim();
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
  };
  for (const table of document.querySelectorAll('table[data-sortable]')) {
    const body = table.tBodies[0];
    if (!body || body.rows.length < 2) continue;
    table.querySelectorAll('thead th').forEach((th, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.append(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        table.querySelectorAll('thead th').forEach((o) => o.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', dir);
        const sign = dir === 'ascending' ? 1 : -1;
        // A totals row (its cells, the row header too, marked "total") stays last, whatever the order of the others.
        const all = [...body.rows];
        const totals = all.filter((r) => r.querySelector(':scope > .total'));
        const rows = all.filter((r) => !totals.includes(r)).sort((a, b) => {
          const x = key(a.cells[index]);
          const y = key(b.cells[index]);
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
          return sign * c;
        });
        body.append(...rows, ...totals);
      });
    });
  }
  // Keyboard focus in a table's scroll region: the focused link is scrolled wholly into view, clear of the first
  // column where it is pinned (a phone). Chromium leaves a link at the region's edge unscrolled, and Shift+Tab back
  // along a row leaves one under the pinned column.
  for (const region of document.querySelectorAll('.table-scroll')) {
    region.addEventListener('focusin', (event) => {
      const target = event.target;
      const cell = target instanceof Element && target !== region ? target.closest('td, th') : null;
      const first = cell?.parentElement?.firstElementChild;
      if (!cell || !first) return;
      const pinned = getComputedStyle(first).position === 'sticky';
      if (pinned && cell === first) return;
      const area = region.getBoundingClientRect();
      const left = pinned ? first.getBoundingClientRect().right : area.left;
      const right = area.left + region.clientLeft + region.clientWidth;
      const box = target.getBoundingClientRect();
      if (box.right > right) region.scrollLeft += box.right - right + 4;
      else if (box.left < left) region.scrollLeft -= left - box.left + 4;
    });
  }
  // A long list's "Show all 71", closed again: its first rows come back above it and push it far down the page, out of
  // sight of the keyboard's focus on it. It is scrolled back into view.
  for (const fold of document.querySelectorAll('details.fold-all')) {
    fold.addEventListener('toggle', () => {
      const summary = fold.querySelector(':scope > summary');
      if (!fold.open && summary && document.activeElement === summary) summary.scrollIntoView({ block: 'nearest' });
    });
  }
  for (const input of document.querySelectorAll('input[data-search]')) {
    const label = input.closest('label');
    if (label) label.hidden = false;
    const table = document.getElementById(`t-${input.dataset.search}`);
    // Without word joiners (U+2060, which keep a middle dot inside a word on its line): '확인·내부' finds the row.
    const plain = (s) => s.replace(/\u2060/g, '').toLowerCase();
    // Said as the rows narrow (a screen reader hears it; an empty table says why): '8 of 120 rows shown'.
    const status = document.querySelector(`[data-status-for="${input.dataset.search}"]`);
    const number = (n) => n.toLocaleString(document.documentElement.lang);
    input.addEventListener('input', () => {
      const q = plain(input.value.trim());
      const rows = table.tBodies[0].rows;
      let shown = 0;
      for (const row of rows) {
        row.hidden = q !== '' && !plain(row.textContent).includes(q);
        if (!row.hidden) shown += 1;
      }
      if (!status) return;
      status.textContent = q === '' ? '' : shown === 0 ? status.dataset.none : status.dataset.shown.replace('{shown}', number(shown)).replace('{total}', number(rows.length));
    });
  }
};
// Copying text out of a page (a table into a spreadsheet, a figure into a slide): the word joiners (U+2060) that keep
// a middle dot inside a word on its line ('확인·내부') are left out, so a pasted name is the name as typed or as in the
// CSV (a spreadsheet's lookup or a search finds it). Only a selection that holds one is rewritten; the HTML keeps its
// table around copied rows or cells, as the browser's own copy does.
const TABLE_PARTS = /^(TABLE|THEAD|TBODY|TFOOT|TR)$/;
document.addEventListener('copy', (event) => {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || !event.clipboardData) return;
  const text = selection.toString();
  if (!text.includes('\u2060')) return;
  const holder = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    const common = range.commonAncestorContainer;
    const within = common.nodeType === Node.ELEMENT_NODE ? common : common.parentElement;
    let part = range.cloneContents();
    if (within && TABLE_PARTS.test(within.tagName)) {
      if (within.tagName !== 'TABLE') {
        const section = within.cloneNode(false);
        section.append(part);
        part = section;
      }
      const table = document.createElement('table');
      table.append(part);
      part = table;
    }
    holder.append(part);
  }
  // No-break spaces (a date kept on one line: '2026. 6. 30.') as plain spaces, as the browser's own copy writes them.
  event.clipboardData.setData('text/plain', text.replace(/\u2060/g, '').replace(/\u00a0/g, ' '));
  event.clipboardData.setData('text/html', holder.innerHTML.replace(/\u2060/g, ''));
  event.preventDefault();
});
// A table's scroll region is a keyboard stop (tabindex="0", set in the HTML so a page without scripts keeps it) only
// while it scrolls sideways: there the keys move it; elsewhere (a laptop's narrow table) the stop would be one more
// Tab press that does nothing. Watched as the region or its table resizes (a phone turned, "Show all", a filter).
if ('ResizeObserver' in window) {
  const focusWhereScrolling = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const region = entry.target.closest('.table-scroll');
      if (!region) continue;
      if (region.scrollWidth > region.clientWidth + 1) region.setAttribute('tabindex', '0');
      // Kept while focused: taking it away would drop the reader's focus to the page's start.
      else if (document.activeElement !== region) region.removeAttribute('tabindex');
    }
  });
  for (const region of document.querySelectorAll('.table-scroll')) {
    focusWhereScrolling.observe(region);
    if (region.firstElementChild) focusWhereScrolling.observe(region.firstElementChild);
  }
}
// Off the critical path: the page is complete without this, so let it load first.
if ('requestIdleCallback' in window) requestIdleCallback(enhance, { timeout: 2000 });
else setTimeout(enhance, 0);
