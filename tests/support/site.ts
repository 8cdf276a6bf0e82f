/**
 * The one helper every site test uses: where the built site is (global-setup.ts builds it
 * once per run), its page list, its servers, a shared Chromium and page-level error capture.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../src/integrations/chromium.ts';
import { translationLocales, type TranslationLocale } from '../../src/i18n/locales.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Test builds go to .cache/ (git-ignored), never to dist/, which others may be serving. */
export const CACHE = join(ROOT, '.cache', 'site');
export const BASE_PATH = '/backbone-notebook/';

export interface BuildResult {
  readonly name: 'root' | 'base';
  readonly outDir: string;
  readonly base: string;
  readonly code: number | null;
  readonly seconds: number;
  readonly log: string;
}

export interface SiteInfo {
  readonly builds: { readonly root: BuildResult; readonly base: BuildResult };
  /** Server roots (origin + base, ending in "/"). */
  readonly rootUrl: string;
  readonly baseUrl: string;
  /** The run's shared Chromium (global-setup.ts). */
  readonly browserWs: string;
  /** Names this run's shared page loads (tests/support/page-load.ts). */
  readonly runId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteInfo;
  }
}

export function site(): SiteInfo {
  return inject('site');
}

export interface SitePage {
  /** Path below the base, e.g. "" or "vgg/" or "zh-cn/vgg/". */
  readonly path: string;
  readonly file: string;
  readonly is404: boolean;
  /** "root" (English) or a translation's key, from the path's first segment. */
  readonly locale: 'root' | TranslationLocale;
  /** The path without its locale prefix: the same for a page and its translations ("vgg/"). */
  readonly slug: string;
  /**
   * A translation's URL serving the English text until the translation lands (Starlight's
   * fallback: the page's <html lang> is the translation's, its <main lang> English).
   */
  readonly fallback: boolean;
}

/** Starlight writes the content's language on <main>; it differs from <html lang> on a fallback page. */
export function isFallbackHtml(html: string): boolean {
  const page = html.match(/<html[^>]*\slang="([^"]+)"/)?.[1];
  const main = html.match(/<main[^>]*\slang="([^"]+)"/)?.[1];
  return page !== undefined && main !== undefined && page !== main;
}

function localeOf(path: string): { locale: SitePage['locale']; slug: string } {
  const first = path.split('/')[0] as TranslationLocale;
  return translationLocales.includes(first) ? { locale: first, slug: path.slice(first.length + 1) } : { locale: 'root', slug: path };
}

/** Every HTML page in a built site, from the output itself (so new chapters are covered). */
export function listPages(outDir: string): SitePage[] {
  const pages: SitePage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro' && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        const rel = relative(outDir, full).split(sep).join('/');
        const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        const fallback = isFallbackHtml(readFileSync(full, 'utf8'));
        pages.push({ path, file: full, is404: rel === '404.html', fallback, ...localeOf(path) });
      }
    }
  };
  walk(outDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Pages of the root build (the 404 page included; filter `is404` where it does not belong),
 * without fallback pages: those repeat an English page's content under a translation's URL, and
 * their own checks (links, notice, search) are in pages.test.ts and i18n.test.ts.
 */
export function pages(): SitePage[] {
  return allPages().filter((p) => !p.fallback);
}

/** Every page of the root build, fallback pages included. */
export function allPages(): SitePage[] {
  const { builds } = site();
  if (builds.root.code !== 0 || !existsSync(builds.root.outDir)) {
    throw new Error(`the site build failed (exit ${builds.root.code}); see build.test.ts\n${tail(builds.root.log)}`);
  }
  return listPages(builds.root.outDir);
}

/** Chapter pages: everything but the 404 page. */
export function chapterPages(): SitePage[] {
  return pages().filter((p) => !p.is404);
}

/** Start tags in a built page: its element count before scripts run, for ranking pages by weight. */
export function elementCount(html: string): number {
  return html.match(/<[a-zA-Z][^\s/>]*/g)?.length ?? 0;
}

export function tail(log: string, lines = 30): string {
  return log.split('\n').slice(-lines).join('\n');
}

export function readPage(page: SitePage): string {
  return readFileSync(page.file, 'utf8');
}

/**
 * The run's shared Chromium (started once in global-setup.ts); closing the returned Browser
 * only disconnects this file from it. Outside a site run, a Chromium of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const ws = site().browserWs;
  return ws ? chromium.connect(ws) : chromium.launch(chromiumLaunchOptions());
}

export type Theme = 'light' | 'dark';

export async function newContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; theme?: Theme } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.theme ?? 'light',
  });
  // Starlight reads the theme from localStorage before first paint.
  if (options.theme) await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), options.theme);
  return context;
}

/** Everything a page did wrong while it was open. */
export interface PageProblems {
  readonly console: string[];
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

export function watch(page: Page, options: { allow404?: (url: string) => boolean } = {}): PageProblems {
  const problems: PageProblems = { console: [], errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is the page navigating away mid-request (tests that do not wait for network
    // idle); a missing file shows up as an HTTP status below.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.requests.push(`${r.url()} failed: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !options.allow404?.(r.url())) problems.requests.push(`${r.url()} → HTTP ${r.status()}`);
  });
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return problems;
}

export function problemList(p: PageProblems): string[] {
  return [...p.console, ...p.errors.map((e) => `uncaught: ${e}`), ...p.requests, ...p.dialogs.map((d) => `dialog ${d}`)];
}

/**
 * Loads a page up to its load event, which is enough for the widgets: every script of ours is
 * a module script and runs before DOMContentLoaded. `settle` also waits for the network to go
 * idle (whatever the page fetches later, e.g. on idle); it costs at least 0.5 s per load, so
 * only the broken-page check asks for it.
 */
export async function open(page: Page, url: string, options: { settle?: boolean } = {}): Promise<void> {
  const response = await page.goto(url, { waitUntil: options.settle ? 'networkidle' : 'load' });
  if (!response) throw new Error(`no response for ${url}`);
}

/**
 * Runs `task` on every item, at most `limit` at a time. For page loops that mostly wait (for a
 * script's timer, the network), where one page at a time leaves the two cores idle.
 */
export async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
