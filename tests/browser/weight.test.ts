/**
 * Weight: the JavaScript a reader's browser loads with each page, counted as a static host
 * would send it (gzip), must stay within 40 kB. Measured in Chromium after the network goes
 * idle, so scripts a page fetches later on its own count too; the search engine and index
 * under /pagefind/ load only when a reader searches and are left out, as the issue allows.
 * No page may ship Mermaid, KaTeX or a UI framework runtime: those render at build time.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, open, pages, site } from '../support/site.ts';

/** 40 kB, in bytes (decimal kilobytes: the stricter reading). */
const JS_BUDGET = 40_000;
/** Signatures of runtimes that must never reach a reader's browser. */
const FORBIDDEN = /mermaid|katex|react-dom|preact|svelte|__VUE__/i;

interface Weight {
  readonly page: string;
  readonly files: { url: string; raw: number; gzip: number }[];
  readonly gzip: number;
  readonly raw: number;
}

let browser: Browser;
const weights: Weight[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (weights.length === 0) return;
  // The report the issue asks for: every page, heaviest first.
  const rows = [...weights].sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(6);
  console.log(
    [`JavaScript per page (kB, gzip / raw; budget ${JS_BUDGET / 1000} kB gzip):`, ...rows.map((w) => `${kb(w.gzip)} ${kb(w.raw)}  /${w.page}`)].join('\n'),
  );
  console.log(`heaviest: /${rows[0]!.page} at ${(rows[0]!.gzip / 1000).toFixed(1)} kB gzip`);
});

const { rootUrl } = site();

// Concurrent: a settled load is mostly waiting for the network to go quiet, which overlaps.
// One page at a time: loading pages concurrently undercounted a page's scripts (a translated
// chapter measured 10.1 kB beside its English page's 21.4 kB, with the same seven scripts).
test.for(pages().map((p) => [`/${p.path}`, p] as const))(
  `%s loads at most ${JS_BUDGET / 1000} kB of JavaScript (gzip), and no Mermaid, KaTeX or framework runtime`,
  async ([, info]) => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const bodies: Promise<{ url: string; body: Buffer } | null>[] = [];
      page.on('response', (response) => {
        const url = response.url();
        if (response.request().resourceType() !== 'script' || new URL(url).pathname.includes('/pagefind/')) return;
        bodies.push(response.body().then((body) => ({ url, body }), () => null));
      });
      await open(page, rootUrl + info.path, { settle: true });
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
          .map((s) => s.textContent ?? ''),
      );
      const files = [
        ...(await Promise.all(bodies)).filter((b) => b !== null),
        ...inline.map((text, i) => ({ url: `inline script ${i + 1}`, body: Buffer.from(text) })),
      ];
      const sized = files.map((f) => ({ url: f.url, raw: f.body.length, gzip: gzipSync(f.body).length }));
      const weight = {
        page: info.path,
        files: sized,
        gzip: sized.reduce((s, f) => s + f.gzip, 0),
        raw: sized.reduce((s, f) => s + f.raw, 0),
      };
      weights.push(weight);
      const forbidden = files.filter((f) => FORBIDDEN.test(f.body.toString('utf8'))).map((f) => f.url);
      expect(forbidden, 'scripts carrying a build-time runtime').toEqual([]);
      const detail = [...sized].sort((a, b) => b.gzip - a.gzip).map((f) => `${f.gzip} B  ${f.url}`).join('\n');
      expect(weight.gzip, `JavaScript on /${info.path}, gzip bytes:\n${detail}`).toBeLessThanOrEqual(JS_BUDGET);
    } finally {
      await context.close();
    }
  },
);
