import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The site test builds the example and drives Chromium; everything else is fast.
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
