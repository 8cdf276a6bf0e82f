import { defineConfig } from 'vitest/config';

// Three projects, in order: fast unit tests; the built site in Chromium (one build per run, see
// tests/support/global-setup.ts), one file at a time (two at a time was slower on two cores:
// a11y went from 145 to 312 s), but inside a file the per-page loops run their pages at once
// (describe.concurrent, up to Vitest's maxConcurrency of 5: a page waiting on its scripts or
// the network leaves a core idle; a11y 85 → 70 s, widgets 68 → 55 s); then Lighthouse alone,
// since its simulated performance score counts CPU time and must not share the machine.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          // numbers.test.ts reads chapter sources only; it needs no build.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/!(numbers).test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: ['tests/browser/numbers.test.ts', 'tests/browser/lighthouse.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'lighthouse',
          include: ['tests/browser/lighthouse.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          // Up to 3 Lighthouse runs per page (see the file); one run is 10–40 s on a busy host.
          testTimeout: 300_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
