/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Worker threads started from bundles compiled once, not from sources stripped in each thread.
    globalSetup: ['tests/support/worker-bundles.ts'],
    // Browser tests start Chromium against the built site: give them room. CI runs the whole suite on
    // a loaded 2-core machine, where tests without a timeout of their own took up to 13 s (a browser
    // test starting a second Chromium) and 38 s (one starting Node processes): 20 s failed them by chance.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
