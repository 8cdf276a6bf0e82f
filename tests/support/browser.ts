/**
 * The browser connection a test file shares: opened before its tests, closed after them. Each
 * file connects to the run's one Chromium (tests/support/global-setup.ts) and makes its own
 * contexts, so its pages never see another file's state.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './site.ts';

/** Call at the top of a test file; the returned function gives the open browser inside tests and hooks. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser opens in beforeAll; call the getter inside a test or hook');
    return browser;
  };
}
