/** The 404 page, which says its words in every language: the site's default language first. */
import { LOCALES, type Locale, messages } from '../../i18n/index.ts';

/** Every language of the site, `first` (the default) leading. */
export function notFoundLocales(first: Locale): Locale[] {
  return [first, ...LOCALES.filter((l) => l !== first)];
}

/** The page's title: its title in each language of `order`, then the tool's name. */
export function notFoundTitle(order: readonly Locale[]): string {
  return `${order.map((l) => messages(l).notFound.title).join(' · ')} · Pipescope`;
}
