// Progressive enhancement: sortable tables and account search. The pages are
// complete without this file; it only adds interaction.
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
        // A totals row (its cells marked "total") stays last, whatever the order of the others.
        const all = [...body.rows];
        const totals = all.filter((r) => r.querySelector(':scope > td.total'));
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
  for (const input of document.querySelectorAll('input[data-search]')) {
    const label = input.closest('label');
    if (label) label.hidden = false;
    const table = document.getElementById(`t-${input.dataset.search}`);
    // Without word joiners (U+2060, which keep a middle dot inside a word on its line): '확인·내부' finds the row.
    const plain = (s) => s.replace(/\u2060/g, '').toLowerCase();
    input.addEventListener('input', () => {
      const q = plain(input.value.trim());
      for (const row of table.tBodies[0].rows) row.hidden = q !== '' && !plain(row.textContent).includes(q);
    });
  }
};
// Off the critical path: the page is complete without this, so let it load first.
if ('requestIdleCallback' in window) requestIdleCallback(enhance, { timeout: 2000 });
else setTimeout(enhance, 0);
