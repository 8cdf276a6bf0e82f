/**
 * Keyboard users reach every code block that scrolls sideways, at every width, before it has
 * been laid out: the blocks far down a page are skipped (`content-visibility: auto`), and
 * Expressive Code's script only measures a block once it is, so the build marks the ones that
 * may scroll (src/integrations/ec-scroll-focus.ts). At 320 (the narrowest column the build
 * assumes) and 1280 px, straight after load and without scrolling: every block that overflows is
 * focusable. The tab stops at load are static HTML, the same at every width, and a block that
 * scrolls at a phone's 390 px scrolls at 320 too, so 320 covers the phones. At 1280 px, once scrolled into view, a block that does not overflow
 * loses its stop (Expressive Code's script still runs).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chapterPages, eachConcurrently, open, readPage, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();

const { rootUrl } = site();
const withCode = chapterPages().filter((p) => readPage(p).includes('class="expressive-code"'));
const WIDTHS = [320, 1280];

/** Each block's state as loaded (read before anything measures it), then its measured overflow. */
function blocks(page: Page) {
  return page.evaluate(() => {
    const pres = [...document.querySelectorAll<HTMLElement>('.expressive-code pre')];
    const loaded = pres.map((pre) => ({ focusable: pre.tabIndex === 0, skipped: !pre.checkVisibility({ contentVisibilityAuto: true }) }));
    return pres.map((pre, i) => ({ ...loaded[i]!, scrolls: pre.scrollWidth > pre.clientWidth + 1, title: pre.textContent!.slice(0, 40) }));
  });
}

/** Over every page and width, so the checks below are seen to cover the case they are for. */
const seen = { blocks: 0, skipped: 0, scrolls: 0, wideScrolls: 0 };

/** Pages open at once: each waits 0.4–0.6 s for Expressive Code's timers, mostly idle. */
const AT_ONCE = 4;

describe.each(WIDTHS.map((w) => [w] as const))('%i px', (width) => {
  test('every code block that scrolls is focusable straight after load, on every page', async () => {
    const context = await browser().newContext({ viewport: { width, height: 800 } });
    try {
      const problems: string[] = [];
      await eachConcurrently(withCode, AT_ONCE, async (info) => {
        const page = await context.newPage();
        await open(page, rootUrl + info.path);
        // Past Expressive Code's first measuring (a ResizeObserver, 250 ms, then an idle callback).
        await page.waitForTimeout(400);
        const found = await blocks(page);
        await page.close();
        expect(found.length, info.path).toBeGreaterThan(0);
        seen.blocks += found.length;
        seen.skipped += found.filter((b) => b.skipped).length;
        seen.scrolls += found.filter((b) => b.scrolls).length;
        if (width === 1280) seen.wideScrolls += found.filter((b) => b.scrolls).length;
        problems.push(...found.filter((b) => b.scrolls && !b.focusable).map((b) => `/${info.path}: ${b.title}`));
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('the checks above are not vacuous: blocks were skipped at load, and some scroll even at 1280 px', () => {
  expect(seen.skipped).toBeGreaterThan(seen.blocks / 3);
  expect(seen.wideScrolls).toBeGreaterThan(0);
  expect(seen.scrolls).toBeGreaterThan(seen.wideScrolls);
});

test('at 1280 px a block that does not scroll is no tab stop once seen; one that scrolls stays one', async () => {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const problems: string[] = [];
    let stops = 0;
    // The English pages: the blocks' widths are the same in both languages (their Chinese comments are checked above).
    // One page at a time: Expressive Code removes a stop in an idle callback, which a busy renderer defers.
    const page = await context.newPage();
    for (const info of withCode.filter((p) => p.locale === 'root')) {
      await open(page, rootUrl + info.path);
      const pres = page.locator('.expressive-code pre');
      for (let i = 0; i < (await pres.count()); i++) await pres.nth(i).scrollIntoViewIfNeeded();
      await page.waitForTimeout(600);
      const found = await blocks(page);
      stops += found.filter((b) => !b.focusable).length;
      problems.push(...found.filter((b) => b.scrolls !== b.focusable).map((b) => `/${info.path}: ${b.title}: scrolls ${b.scrolls}, focusable ${b.focusable}`));
    }
    expect(problems).toEqual([]);
    expect(stops, 'blocks that lost their tab stop').toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
