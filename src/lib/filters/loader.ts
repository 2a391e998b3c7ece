/**
 * The filter form's few lines that load with a filterable page (FilterBar.astro).
 * The page is complete without them. The form is already shown by an inline
 * line in FilterBar.astro (so it is in place from the first paint); only when
 * a filter is in the URL or the form is used do these load the filter code and
 * data (client.ts). No imports: this must stay tiny (the keys are
 * filter.ts FILTER_KEYS, checked by tests/unit/filters/filter.test.ts).
 */
export const LOADER_KEYS = ['owner', 'team', 'product', 'source', 'segment', 'industry', 'region', 'period', 'closing'];

export function hasFilter(search: string): boolean {
  const params = new URLSearchParams(search);
  return LOADER_KEYS.some((k) => (params.get(k) ?? '').trim() !== '');
}

export function startFilters(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-filters]');
  if (!form) return;
  form.hidden = false; // normally already shown by FilterBar.astro's inline line
  const apply = () =>
    import('./client.ts').then(
      (c) => c.run(form),
      () => {
        doc.documentElement.classList.remove('filtering');
        doc.documentElement.dataset.filterState = 'error';
      },
    );
  const show = () => {
    if (hasFilter(location.search)) {
      doc.documentElement.classList.add('filtering');
      doc.documentElement.dataset.filterState = 'loading';
      void apply();
    } else if (doc.documentElement.classList.contains('filtered')) location.reload();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const key of LOADER_KEYS) {
      const field = form.elements.namedItem(key) as HTMLSelectElement | HTMLInputElement | null;
      const value = field?.value.trim() ?? '';
      if (value !== '') params.set(key, value);
    }
    const query = params.toString();
    history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    show();
  });
  addEventListener('popstate', show);
  show();
}
