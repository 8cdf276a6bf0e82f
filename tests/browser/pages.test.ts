/**
 * No broken pages, in both builds (domain root and BASE_PATH): every page loads without a
 * console error or warning, uncaught exception, failed request or HTTP error; every internal
 * link, asset and #fragment it references resolves (fragments against ids on the target page).
 * Each page's load is the run's shared one (tests/support/page-load.ts), made at phone width.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { listPages, newContext, open, problemList, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';
import { pageLoad } from '../support/page-load.ts';
import { translationLocales } from '../../src/i18n/locales.ts';

/** Status and element ids of every internal URL checked so far (one fetch per URL per build). */
const targets = new Map<string, Promise<{ status: number; ids: Set<string> | null }>>();

function target(url: string) {
  let entry = targets.get(url);
  if (!entry) {
    entry = fetch(url).then(async (response) => {
      const html = (response.headers.get('content-type') ?? '').includes('text/html');
      const text = await response.text();
      const ids = html ? new Set([...text.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!))) : null;
      return { status: response.status, ids };
    });
    targets.set(url, entry);
  }
  return entry;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

const browser = useBrowser();
let context: BrowserContext;
beforeAll(async () => {
  context = await newContext(browser());
});

const { builds, rootUrl, baseUrl } = site();
const variants = [
  { name: 'root', root: rootUrl, build: builds.root },
  { name: `base ${builds.base.base}`, root: baseUrl, build: builds.base },
];

describe.each(variants)('$name build', ({ root, build }) => {
  const pages = build.code === 0 ? listPages(build.outDir) : [];

  test('has pages', () => {
    expect(pages.filter((p) => !p.is404).length, `build exited ${build.code}`).toBeGreaterThan(0);
  });

  // Concurrent: a settled load is mostly waiting for the network to go quiet, which overlaps.
  // Concurrent tests assert with their own `expect` (Vitest's rule for concurrent tests). The load
  // is the run's shared one (tests/support/page-load.ts): weight and budgets read the same record.
  test.concurrent.for(pages.map((p) => [`/${p.path}`, p] as const))('%s loads cleanly and its links resolve', async ([, info], { expect }) => {
    const { problems, refs } = await pageLoad(browser(), root + info.path);
    const origin = new URL(root).origin;
    const broken: string[] = [];
    for (const ref of new Set(refs)) {
      const url = new URL(ref);
      if (url.origin !== origin) continue; // external: no network here
      const fragment = decodeURIComponent(url.hash.slice(1));
      url.hash = '';
      const { status, ids } = await target(url.href);
      if (status >= 400) broken.push(`${ref} → HTTP ${status}`);
      else if (fragment && ids && !ids.has(fragment)) broken.push(`${ref} → no element with id "${fragment}"`);
    }
    expect(problems, 'console, exceptions and failed requests').toEqual([]);
    expect(broken, 'broken internal links and assets').toEqual([]);
  });

  test('search loads its UI only when opened (Ctrl+K), then finds chapters under this base', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    try {
      await open(page, `${root}vgg/`, { settle: true });
      expect(scripts.filter((u) => u.includes('ui-core')), 'Pagefind UI loaded before the search opened').toEqual([]);
      await page.keyboard.press('Control+k');
      const input = page.locator('#starlight__search input');
      await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
      await page.keyboard.type('receptive field');
      const results = page.locator('#starlight__search .pagefind-ui__result-link');
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.every((h) => h.startsWith(root)), `result links under ${root}: ${hrefs.join(' ')}`).toBe(true);
      // Pagefind keeps one index per language (<html lang>): an English page finds English pages.
      expect(hrefs.filter((h) => translationLocales.some((l) => h.startsWith(`${root}${l}/`))), 'translated pages in English results').toEqual([]);
      expect(problemList(problems)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test.each(translationLocales)('search on a %s page finds that language\'s pages only (感受野)', async (locale) => {
    const page = await context.newPage();
    const problems = watch(page);
    try {
      await open(page, `${root}${locale}/glossary/`, { settle: true });
      await page.keyboard.press('Control+k');
      const input = page.locator('#starlight__search input');
      await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
      await page.keyboard.type('感受野');
      const results = page.locator('#starlight__search .pagefind-ui__result-link');
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.filter((h) => !h.startsWith(`${root}${locale}/`)), `results outside ${root}${locale}/`).toEqual([]);
      expect(problemList(problems)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('an unknown address gets the 404 page with status 404', async () => {
    const page = await context.newPage();
    try {
      const response = await page.goto(`${root}no-such-chapter/`);
      expect(response?.status()).toBe(404);
      await expect(page.title()).resolves.toMatch(/not found/i);
    } finally {
      await page.close();
    }
  });
});
