/**
 * The math as Chromium's MathML Core draws it, where it departed from TeX (src/styles/math.css):
 * measured on every page with math, at phone width and 2 device pixels per CSS pixel (where a
 * stretched brace lost its ends).
 * - A brace under or over an expression (\underbrace, \overbrace) spans the expression.
 * - \bigl( … \bigr) and \Bigl( … \Bigr) take about TeX's width (its size-variant parentheses are
 *   0.46–0.47 em wide), not the 0.875 em box Chromium gives a stretched parenthesis.
 * - A line of prose holding inline math or HTML notation (C<sub>in</sub>) is as tall as any other
 *   line of its paragraph.
 */
import { describe, expect, test } from 'vitest';
import { chapterPages, open, readPage, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const { rootUrl } = site();
const withMath = chapterPages().filter((p) => readPage(p).includes('<math'));

test('pages with math exist, with braces, \\bigl parentheses and inline math in prose (the checks below are not vacuous)', () => {
  const html = withMath.map(readPage).join('');
  expect(withMath.length).toBeGreaterThanOrEqual(12);
  expect(html.match(/<munder>/g)?.length).toBeGreaterThanOrEqual(4);
  expect(html.match(/minsize="1\.[28]em"/g)?.length).toBeGreaterThanOrEqual(8);
  expect(html.match(/<p>(?:(?!<\/p>)[\s\S])*?<math/g)?.length).toBeGreaterThanOrEqual(50);
});

describe.concurrent.each(withMath.map((p) => [`/${p.path}`, p] as const))('%s at 390 px, 2 device pixels per px', (_label, info) => {
  test('braces span their expression, \\bigl( takes TeX\'s width, inline math keeps the line height', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path, { settle: true });
      // The math font swaps in when it arrives (font-display: swap); measure with it.
      await page.evaluate(async () => {
        await document.fonts.load("16px 'Notebook Math'");
        await document.fonts.ready;
      });
      // Late blocks are skipped until the reader nears them, and a skipped block measures as its
      // height estimate (src/styles/rendering.css): lay everything out, as scrolling through would.
      await page.addStyleTag({ content: '.sl-markdown-content * { content-visibility: visible !important }' });
      const found = await page.evaluate(() => {
        const em = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
        // A brace narrower than its expression (1 px for rounding).
        const shortBraces = [...document.querySelectorAll('munder > mo[stretchy="true"]:last-child, mover > mo[stretchy="true"]:last-child')]
          .filter((brace) => brace.getBoundingClientRect().width < brace.parentElement!.firstElementChild!.getBoundingClientRect().width - 1)
          .map((brace) => brace.closest('math')!.textContent!.slice(0, 60));
        // Space a fixed-size parenthesis takes in its row (its box and margins), in ems of the formula.
        const wideParens = [...document.querySelectorAll('mo[minsize][form]')]
          .map((mo) => {
            const style = getComputedStyle(mo);
            const taken = (mo.getBoundingClientRect().width + parseFloat(style.marginLeft) + parseFloat(style.marginRight)) / em(mo);
            return taken > 0.6 ? `${mo.closest('math')!.textContent!.slice(0, 40)}: ${taken.toFixed(2)} em` : undefined;
          })
          .filter(Boolean);
        // Prose paragraphs whose inline math or HTML notation (C<sub>in</sub>) made a line taller:
        // the paragraph's height is not a whole number of lines. Fractions, braces, roots, tables
        // and ∑/∏ with limits may be taller than a line, in TeX too.
        const tallLines = [...document.querySelectorAll('.sl-markdown-content p')]
          .filter((p) => p.querySelector('math') && !p.querySelector('mfrac, munder, mover, msqrt, mtable, munderover'))
          .filter((p) => ![...p.querySelectorAll('mo')].some((mo) => /[∑∏]/u.test(mo.textContent!)))
          .map((p) => {
            const line = parseFloat(getComputedStyle(p).lineHeight);
            const height = p.getBoundingClientRect().height;
            const lines = Math.round(height / line);
            return Math.abs(height - lines * line) > 1 ? `${p.textContent!.slice(0, 50)}…: ${height.toFixed(1)} px for ${lines} lines of ${line} px` : undefined;
          })
          .filter(Boolean);
        return { shortBraces, wideParens, tallLines };
      });
      expect(found.shortBraces, 'braces narrower than their expression').toEqual([]);
      expect(found.wideParens, '\\bigl( or \\Bigl( wider than 0.6 em').toEqual([]);
      expect(found.tallLines, 'paragraphs whose inline math or notation made a line taller').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
