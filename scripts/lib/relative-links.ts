/** The link rewriting lives with the site (src/site/relative-links.ts), whose middleware applies it as pages are rendered. */
export * from '../../src/site/relative-links.ts';
