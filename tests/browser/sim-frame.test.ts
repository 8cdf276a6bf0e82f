/**
 * The simulation cells' updates stay small for the page's main thread (issue #12: an update within
 * one animation frame for the largest allowed stack at the default map size). What is checked is
 * what does not depend on the host's speed: the size of the result the main thread parses (the
 * heat map is a compressed PNG), how much of the output's DOM an update replaces (only what
 * changed: components/notebook/morph.ts), the containment of the result, and, at 1× in CPU time
 * (not wall time, which a busy host inflates), no main-thread task of the update near a frame
 * budget's worth of a phone-class CPU. The timing table at 4× is scripts/frame-timing.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, open, problemList, site, watch } from '../support/site.ts';
import { settled, timeUpdate } from '../support/frame-timing.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The largest stack each cell allows at its default map size (EffectiveRf/form.ts: 64 layers of
 * the default 3×3; SignalPropagation/form.ts: depth 200), reached from one layer less.
 */
const CASES = [
  { widget: 'effective-rf', page: 'primer/', from: { layers: '63' }, to: { layers: '64' } },
  { widget: 'effective-rf', page: 'zh-cn/primer/', from: { layers: '63' }, to: { layers: '64' } },
  { widget: 'signal-propagation', page: 'alexnet/', from: { depth: '199' }, to: { depth: '200' } },
  { widget: 'signal-propagation', page: 'zh-cn/alexnet/', from: { depth: '199' }, to: { depth: '200' } },
] as const;

/**
 * Output HTML the main thread parses per update, in UTF-16 units. With the heat map's PNG in
 * stored (uncompressed) deflate blocks the 64-layer effective-RF output was 38,051 (English);
 * compressed it is 7,755. The signal cell's chart is 6,755.
 */
const MAX_OUTPUT_CHARS = 12_000;
/**
 * CPU time of the update's longest main-thread task at 1×: 5–13 ms measured here. A phone-class
 * CPU is taken as 4× slower (Chromium's throttling preset), so 50 ms is a generous bound that
 * still fails a return to whole-output rebuilds of uncompressed maps on a slow host.
 */
const MAX_TASK_CPU_MS = 50;

describe.each(CASES.map((c) => [`${c.widget} on /${c.page}`, c] as const))('%s', (_label, c) => {
  test('the largest stack: a small reply, only changed nodes replaced, contained, no long main-thread task', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, site().rootUrl + c.page);
      // Starts the worker and compiles the numerics (paid once per page).
      await timeUpdate(page, c.widget, c.from);
      await settled(page, c.widget);
      const cost = await timeUpdate(page, c.widget, c.to);
      await settled(page, c.widget);

      expect(cost.outputChars).toBeGreaterThan(1000); // a whole result, not an error
      expect(cost.outputChars).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
      // One layer more changes numbers, paths and the map, not the output's structure (the
      // signal chart may gain or lose a tick).
      expect(cost.elementsInserted, 'elements inserted').toBeLessThanOrEqual(2);
      expect(cost.elementsRemoved, 'elements removed').toBeLessThanOrEqual(2);
      expect(cost.longestTaskCpu, `longest main-thread task (CPU ms); wall ${cost.longestTask.toFixed(1)} ms`).toBeLessThanOrEqual(MAX_TASK_CPU_MS);
      const contain = await page.locator(`[data-widget="${c.widget}"] .nb-result`).first().evaluate((el) => getComputedStyle(el).contain);
      expect(contain).toBe('content');
      expect(problemList(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
