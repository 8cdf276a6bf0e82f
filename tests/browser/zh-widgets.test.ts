/**
 * Chinese pages: no widget, table or figure shows an English word outside the allow-list
 * (tests/support/english.ts: layer and module names, symbols, units, model and library names),
 * with JavaScript (after the widgets' custom elements have re-rendered) and without. One load per
 * page and mode. Every page under zh-cn/ in the build is checked, so new chapters are covered.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, open, pages, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';
import { englishWords } from '../support/english.ts';

const { rootUrl } = site();
// The glossary's table pairs each term with its English name on purpose.
const zhPages = pages().filter((p) => p.path.startsWith('zh-cn/') && !p.is404 && p.slug !== 'glossary/');

/** What a reader meets in the widgets, tables and figures: text and accessible names. */
async function readerText(page: Page): Promise<{ where: string; text: string; pasted: string }[]> {
  return page.evaluate(() => {
    // A <noscript> is text the reader never sees while scripts run; without them its content is checked.
    const SKIP = 'code, pre, textarea, script, style, math, .katex, noscript';
    // Our components: widgets, computed tables (.nb-table-wrap) and figures (.nb-figure); prose,
    // diagrams and code blocks are the chapter's and the theme's.
    const roots = [...document.querySelectorAll<HTMLElement>('main [data-widget], main .nb-table-wrap, main figure.nb-figure')].filter(
      (el) => !el.parentElement?.closest('[data-widget], .nb-table-wrap, figure.nb-figure'),
    );
    // What the reader pasted is theirs: its words may show up as module and network names.
    const pasted = [...document.querySelectorAll('textarea')].map((t) => t.value).join(' ');
    return roots.map((root, i) => {
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(SKIP).forEach((el) => el.remove());
      // A subscript belongs to its symbol: C<sub>out</sub> reads as C _out, an identifier.
      clone.querySelectorAll('sub').forEach((el) => el.replaceWith(`_${el.textContent ?? ''}`));
      const names = [...clone.querySelectorAll('[aria-label], [alt], [title]'), clone].flatMap((el) =>
        ['aria-label', 'alt', 'title'].map((a) => el.getAttribute(a) ?? ''),
      );
      const where = root.dataset.widget ?? `${root.tagName.toLowerCase()} ${i + 1}`;
      // Text nodes one by one: <option>ReLU</option><option>tanh</option> are two words, not one.
      const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
      return { where, text: [...texts, ...names].join(' '), pasted };
    });
  });
}

const browser = useBrowser();

describe.concurrent.each(zhPages.map((p) => [`/${p.path}`, p] as const))('%s', (_label, info) => {
  test.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('widgets, tables and figures speak Chinese %s', async (_mode, javaScriptEnabled) => {
    const context = await newContext(browser(), { javaScriptEnabled });
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path);
      const found = (await readerText(page))
        .map(({ where, text, pasted }) => ({ where, words: [...new Set(englishWords(text, new Set(pasted.match(/[A-Za-z]+/g))))] }))
        .filter((x) => x.words.length > 0);
      expect(found, 'English words per widget/table/figure').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// Every English chapter has its Chinese page (tests/i18n/sync.test.ts), so an empty list means the
// page discovery broke and the checks above ran on nothing.
test('the build has Chinese chapters to check', () => {
  expect(zhPages.length).toBeGreaterThan(0);
});
