/**
 * One settled load per page per run, shared by the test files that only read what a plain load
 * shows: broken pages (pages.test.ts, root build), weight (weight.test.ts) and the budgets without
 * timing (budgets.test.ts). Each of those files used to load every page itself; three loads of
 * every page became one. The first file to ask for a page loads it and writes the record to
 * .cache/site/loads/<run>/; the others read it. Run alone, a file loads what it needs itself.
 *
 * The load is the one a phone reader makes: a fresh browser context (cold cache) at Lighthouse's
 * mobile viewport, light theme, JavaScript on, up to network idle (so scripts and fonts a page
 * fetches after its load event count), then until its fonts are ready.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CACHE, open, problemList, site, watch } from './site.ts';

/** Lighthouse's mobile viewport (Moto G Power). */
export const PHONE_VIEWPORT = { width: 412, height: 823 };

export interface Fetched {
  readonly url: string;
  readonly status: number;
}

export interface PageLoad {
  readonly url: string;
  /** Console errors and warnings, uncaught exceptions, failed requests, HTTP errors, dialogs. */
  readonly problems: string[];
  /** Every URL the page references (links, assets, srcset), resolved against its base. */
  readonly refs: string[];
  /** Script files fetched, /pagefind/ (loaded only when a reader searches) aside. */
  readonly scripts: Fetched[];
  /** Inline <script> bodies that run (JSON data blocks aside). */
  readonly inlineScripts: string[];
  readonly fonts: Fetched[];
  /** document.getElementsByTagName('*').length once settled. */
  readonly elements: number;
  readonly katexHtml: number;
  readonly math: number;
  readonly moduleScripts: { src: string; priority: string | null }[];
}

function recordFile(url: string): string {
  const { runId } = site();
  return join(CACHE, 'loads', runId, `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.json`);
}

/** The run's load of `url`: read from this run's record, or made now and recorded. */
export async function pageLoad(browser: Browser, url: string): Promise<PageLoad> {
  const file = recordFile(url);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PageLoad;
  const record = await loadPage(browser, url);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(record));
  return record;
}

async function loadPage(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const problems = watch(page);
    const scripts: Fetched[] = [];
    const fonts: Fetched[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const fetched = { url: response.url(), status: response.status() };
      if (type === 'script' && !new URL(fetched.url).pathname.includes('/pagefind/')) scripts.push(fetched);
      if (type === 'font') fonts.push(fetched);
    });
    await open(page, url, { settle: true });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const facts = await page.evaluate(() => {
      const refs: string[] = [];
      const attr = (selector: string, name: string) =>
        document.querySelectorAll(selector).forEach((el) => {
          const value = el.getAttribute(name);
          if (value !== null) refs.push(new URL(value, document.baseURI).href);
        });
      attr('a[href]', 'href');
      attr('link[href]', 'href');
      attr('script[src]', 'src');
      attr('img[src], source[src], video[src], audio[src], iframe[src]', 'src');
      attr('use[href]', 'href');
      document.querySelectorAll('[srcset]').forEach((el) =>
        el
          .getAttribute('srcset')!
          .split(',')
          .forEach((part) => refs.push(new URL(part.trim().split(/\s+/)[0]!, document.baseURI).href)),
      );
      return {
        refs,
        inlineScripts: [...document.querySelectorAll('script:not([src])')]
          .filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
          .map((s) => s.textContent ?? ''),
        elements: document.getElementsByTagName('*').length,
        katexHtml: document.querySelectorAll('.katex-html').length,
        math: document.querySelectorAll('math').length,
        moduleScripts: [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => ({
          src: s.src,
          priority: s.getAttribute('fetchpriority'),
        })),
      };
    });
    return { url, problems: problemList(problems), scripts, fonts, ...facts };
  } finally {
    await context.close();
  }
}

/**
 * The bytes a fetched file of the root build had: the static server sends the built file as it
 * is (tests/support/static-server.ts), so it is read from the build rather than from Chromium,
 * whose copy of a response body can be gone by the time it is asked for.
 */
export function builtFile(url: string): Buffer {
  const { rootUrl, builds } = site();
  if (!url.startsWith(rootUrl)) throw new Error(`${url} is not on the root build's server (${rootUrl})`);
  return readFileSync(join(builds.root.outDir, decodeURIComponent(new URL(url).pathname.slice(new URL(rootUrl).pathname.length))));
}
