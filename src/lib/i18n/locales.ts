/**
 * The UI languages. Kept apart from the message catalogues so that the
 * formatting library can name a locale without importing every UI string.
 */

export const LOCALES = ['en', 'ko'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in that language (for the language switch). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** BCP 47 tag for `lang` attributes and Intl. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The UI language a config language code means: its language, ignoring case and region (`ko-KR`, `KO` -> ko), else English. */
export function uiLocale(code: string): Locale {
  const language = code.split('-')[0]!.toLowerCase();
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** The text given under `language` or a code of that language (`ko`, `ko-KR`, `KO`). */
function textIn(text: Record<string, string>, language: Locale): string | undefined {
  return text[language] || Object.entries(text).find(([code, t]) => t && code.split('-')[0]!.toLowerCase() === language)?.[1];
}

/** Text given per language (config labels and buyer steps): `locale`'s, else English, else any non-empty one. */
export function localizedText(text: Record<string, string> | null | undefined, locale: Locale): string | null {
  if (!text) return null;
  return textIn(text, locale) || textIn(text, 'en') || Object.values(text).find((t) => t) || null;
}
