import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests share one built site; see tests/browser/site.ts.
    testTimeout: 30_000,
  },
});
