/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start Chromium against the built site: give them room.
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
