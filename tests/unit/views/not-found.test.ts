/** The 404 page's languages and title (views/pages/not-found.ts): the site's default language first. */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/lib/i18n/index.ts';
import { notFoundLocales, notFoundTitle } from '../../../src/lib/views/pages/not-found.ts';

describe('the 404 page', () => {
  it('puts the default language first, then the others', () => {
    expect(notFoundLocales('ko')).toEqual(['ko', 'en']);
    expect(notFoundLocales('en')).toEqual(['en', 'ko']);
  });

  it('is titled in each language, in that order, then the tool', () => {
    expect(notFoundTitle(['ko', 'en'])).toBe(`${messages('ko').notFound.title} · ${messages('en').notFound.title} · Pipescope`);
  });
});
