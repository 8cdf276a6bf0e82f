/**
 * Keyboard users reach every code block that scrolls sideways, at every width, before it has
 * been laid out: the blocks far down a page are skipped (`content-visibility: auto`), and
 * Expressive Code's script only measures a block once it is, so the build marks the ones that
 * may scroll (src/integrations/ec-scroll-focus.ts). At 320, 390 and 1280 px, straight after load
 * and without scrolling: every block that overflows is focusable. At 1280 px, once scrolled into
 * view, a block that does not overflow loses its stop (Expressive Code's script still runs).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chapterPages, launchBrowser, open, readPage, site } from '../support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const { rootUrl } = site();
const withCode = chapterPages().filter((p) => readPage(p).includes('class="expressive-code"'));

/** Each block's state as loaded (read before anything measures it), then its measured overflow. */
function blocks(page: Page) {
  return page.evaluate(() => {
    const pres = [...document.querySelectorAll<HTMLElement>('.expressive-code pre')];
    const loaded = pres.map((pre) => ({ focusable: pre.tabIndex === 0, skipped: !pre.checkVisibility({ contentVisibilityAuto: true }) }));
    return pres.map((pre, i) => ({ ...loaded[i]!, scrolls: pre.scrollWidth > pre.clientWidth + 1, title: pre.textContent!.slice(0, 40) }));
  });
}

test('chapters with code blocks exist, and some blocks load skipped (the checks below are not vacuous)', () => {
  expect(withCode.length).toBeGreaterThanOrEqual(12);
});

describe.each(withCode.map((p) => [`/${p.path}`, p] as const))('%s', (_label, info) => {
  test('every code block that scrolls is focusable at load, at 320, 390 and 1280 px', async () => {
    const seen = { skipped: 0, scrolls: 0 };
    for (const width of [320, 390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await open(page, rootUrl + info.path);
        // Past Expressive Code's first measuring (a ResizeObserver, 250 ms, then an idle callback).
        await page.waitForTimeout(600);
        const found = await blocks(page);
        expect(found.length).toBeGreaterThan(0);
        seen.skipped += found.filter((b) => b.skipped).length;
        seen.scrolls += found.filter((b) => b.scrolls).length;
        expect(found.filter((b) => b.scrolls && !b.focusable).map((b) => `${width} px: ${b.title}`)).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(seen.scrolls, 'blocks that scroll at some width').toBeGreaterThan(0);
    expect(seen.skipped, 'blocks skipped at load').toBeGreaterThan(0);
  });

  test('at 1280 px a block that does not scroll is no tab stop once seen; one that scrolls stays one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path);
      const count = await page.locator('.expressive-code pre').count();
      for (let i = 0; i < count; i++) await page.locator('.expressive-code pre').nth(i).scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      const found = await blocks(page);
      expect(found.filter((b) => b.scrolls !== b.focusable).map((b) => `${b.title}: scrolls ${b.scrolls}, focusable ${b.focusable}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
