/**
 * Print: a reader who prints a chapter (or saves it as PDF) gets the chapter. Checked under
 * Chromium's print media emulation on a chapter with widgets, diagrams, tables and external
 * links (in the dark theme, which must not reach paper), then rendered with page.pdf().
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CACHE, newContext, open, pages, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();
const { rootUrl } = site();
/** The reference chapter (widgets, diagrams, generated tables, external links), in every language it is translated into. */
const CHAPTERS = pages()
  .filter((p) => p.slug === 'vgg/')
  .map((p) => p.path);

test('the reference chapter is in the build', () => {
  expect(CHAPTERS).toContain('vgg/');
});

describe.each(CHAPTERS)('/%s in print', (CHAPTER) => {
  let page: Page;
  beforeAll(async () => {
    const context = await newContext(browser(), { theme: 'dark' });
    page = await context.newPage();
    // The reader's own numbers, through the URL state every widget keeps.
    await open(page, rootUrl + CHAPTER);
    const field = page.locator('[data-widget] .nb-field input').first();
    await field.fill('5');
    await field.dispatchEvent('input');
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  const visible = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length);

  test('no header, sidebar, search, theme switch, table of contents, pagination or widget buttons', async () => {
    for (const selector of [
      '.page > header',
      'nav.sidebar',
      'site-search',
      'starlight-theme-select',
      '.right-sidebar-container',
      'mobile-starlight-toc',
      '.pagination-links',
      '.nb-cell button',
      '.sl-skip-link',
    ]) {
      expect(await visible(selector), selector).toBe(0);
    }
    expect(await visible('.sl-markdown-content h2'), 'the chapter itself').toBeGreaterThan(3);
  });

  test("widgets print their inputs as text with the reader's values, and their current result", async () => {
    const cell = page.locator('[data-widget]').first();
    const input = cell.locator('.nb-field input').first();
    expect(await input.inputValue()).toBe('5');
    const style = await input.evaluate((e) => ({ border: getComputedStyle(e).borderTopWidth, appearance: getComputedStyle(e).appearance }));
    expect(style).toEqual({ border: '0px', appearance: 'none' });
    expect(await visible('[data-widget] .nb-output')).toBeGreaterThan(0);
    expect((await cell.locator('.nb-output').innerText()).length).toBeGreaterThan(20);
  });

  test('diagrams print in the light theme, fitted to the page; cells, tables and figures do not break', async () => {
    const shown = await page
      .locator('.mermaid-figure img')
      .evaluateAll((imgs) => imgs.filter((i) => getComputedStyle(i).display !== 'none').map((i) => i.className));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['mermaid-light']));
    const breaks = await page.evaluate(() => ['.nb-cell', 'table', '.mermaid-figure'].map((s) => getComputedStyle(document.querySelector(s)!).breakInside));
    expect(breaks).toEqual(['avoid', 'avoid', 'avoid']);
  });

  test('external links show where they go', async () => {
    const link = page.locator('.sl-markdown-content a[href^="http"]').first();
    const href = await link.getAttribute('href');
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe(`" (${href})"`);
  });

  test('renders to a PDF of the chapter alone', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    // Kept for a person to look at (git-ignored).
    writeFileSync(join(CACHE, `print-${CHAPTER.replace(/\//g, '-')}pdf`.replace('-pdf', '.pdf')), pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // The chapter, not an empty or one-page shell (the sidebar-only layout printed one page).
    expect(pages).toBeGreaterThan(3);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
