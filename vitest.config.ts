import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, then the built site in Chromium (one build per run, see
// tests/support/global-setup.ts). The site files run one at a time: each drives a browser,
// and the machine has two cores.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          // numbers.test.ts reads chapter sources only; it needs no build.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/!(numbers).test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          exclude: ['tests/site/numbers.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
