/**
 * Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on every page, served as a
 * production static host would (gzip, immutable hashed assets), in Debian's Chromium, with the
 * Lighthouse release that supports it (13.x; 12.2.3 left its render-blocking, LCP-element and
 * layout-shift audits in error against Chromium 156).
 *
 * Accessibility, best practices and SEO must score 100 (they do not depend on timing). The
 * performance score does: one unchanged build scored 83–100 on this 2-core host. With the
 * table of contents' whole-page query gone, the simulations in a worker, late code, math,
 * tables, asides, headings and widget results skipped (content-visibility, src/styles/rendering.css)
 * and a Chinese font on the host (as readers have; without one, Han text went through
 * Chromium's per-character fallback and the Chinese pages lost 3–10 points), a quiet-host report
 * of 3 runs per page gave every page a median of 100, 57 of the 60 runs 100 and the rest 99.
 * The gate is a floor of 95 on the median.
 * The CI host is slower than this one (the same suite ran 607 s here and 697 s there) and a
 * simulated score counts CPU time, so 100 itself would fail unchanged pages there; 95 fails a
 * page that gains a long task or two. The stable budgets (DOM size, no HTML math copy, one small
 * font, script priority, a style + layout CPU time) are in budgets.test.ts.
 *
 * Cost: every page in every language is checked, so each run does only what is gated: the
 * audits that carry weight in the four categories (the category scores are weighted means of
 * exactly these; unweighted diagnostics, insights and the back/forward-cache check, which
 * navigates away and back, are skipped, with what only they gather), no screenshots and no
 * extra about:blank navigation. The accessibility category stays: it runs axe at the phone
 * viewport with rules beyond WCAG A/AA (heading-order, landmark-one-main, target-size, …), which
 * a11y.test.ts (desktop width, WCAG 2.x A/AA tags) does not. One run per page; a page whose
 * first run is below the floor gets two more and is judged on the median. The table shows each
 * page's runs. LIGHTHOUSE_RUNS=3 gives every page 3 runs (for a report).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import lighthouse from 'lighthouse';
import defaultConfig from 'lighthouse/core/config/default-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../src/integrations/chromium.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';
import { chapterPages, site } from '../support/site.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const PERF_FLOOR = 95;

const auditRefs = CATEGORIES.flatMap((c) => defaultConfig.categories![c]!.auditRefs);
/** The audits that count towards the gated categories' scores (weight > 0), from Lighthouse's own config. */
const GATED_AUDITS = [...new Set(auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id))];
/**
 * The categories' other audits (weight 0: diagnostics, insights, the back/forward-cache check).
 * Lighthouse keeps every audit of `onlyCategories` and adds `onlyAudits` to them, so these must be
 * skipped by name: with onlyAudits alone a run still made 155 audits, with skipAudits 84.
 */
const UNWEIGHTED_AUDITS = [...new Set(auditRefs.map((ref) => ref.id))].filter((id) => !GATED_AUDITS.includes(id));

let chrome: chromeLauncher.LaunchedChrome;
let lighthouseVersion = '?';
let server: RunningServer;
const table: { page: string; scores: Record<Category, number>; runs: number[]; metrics: string; seconds: number }[] = [];

beforeAll(async () => {
  server = await serveStatic(site().builds.root.outDir, '/', { host: true });
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
});

afterAll(async () => {
  await chrome?.kill();
  await server?.close();
  if (table.length === 0) return;
  const header = `${'page'.padEnd(26)} perf  a11y  bp    seo   perf runs     s    (median run: FCP, LCP, TBT, CLS)`;
  const rows = table.map(
    (r) =>
      `${`/${r.page}`.padEnd(26)} ${CATEGORIES.map((c) => String(r.scores[c]).padEnd(5)).join(' ')} ${r.runs.join('/').padEnd(13)} ${r.seconds.toFixed(0).padStart(3)}  ${r.metrics}`,
  );
  console.log([`Lighthouse ${lighthouseVersion}, mobile (median of the runs shown):`, header, ...rows].join('\n'));
});

describe.each(chapterPages().map((p) => [`/${p.path}`, p] as const))('%s', (_label, info) => {
  test(`Lighthouse: 100 for accessibility, best practices and SEO; performance median at least ${PERF_FLOOR}`, async () => {
    const started = Date.now();
    const run = async () =>
      (
        await lighthouse(server.root + info.path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          onlyAudits: GATED_AUDITS,
          skipAudits: UNWEIGHTED_AUDITS,
          // Pictures of the page score nothing and take time on every run.
          disableFullPageScreenshot: true,
          // Each run opens a fresh tab, already at about:blank: a second blank navigation adds nothing.
          skipAboutBlank: true,
        })
      )!.lhr;
    const perf = (r: Awaited<ReturnType<typeof run>>) => Math.round((r.categories.performance?.score ?? 0) * 100);
    const runs = [await run()];
    if (process.env.LIGHTHOUSE_RUNS === '3' || perf(runs[0]!) < PERF_FLOOR) runs.push(await run(), await run());
    const byPerf = [...runs].sort((a, b) => perf(a) - perf(b));
    const lhr = byPerf[Math.floor(byPerf.length / 2)]!;
    lighthouseVersion = lhr.lighthouseVersion;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    table.push({
      page: info.path,
      scores,
      runs: runs.map(perf),
      seconds: (Date.now() - started) / 1000,
      metrics: ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(metric).join(', '),
    });
    // Name the audits that cost points, so a failure says what to fix.
    const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
      lhr.categories[c]!.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${c}: ${ref.id} — ${lhr.audits[ref.id]!.title}`),
    );
    expect(failing, 'failing audits').toEqual([]);
    expect({ accessibility: scores.accessibility, bestPractices: scores['best-practices'], seo: scores.seo }).toEqual({
      accessibility: 100,
      bestPractices: 100,
      seo: 100,
    });
    expect(scores.performance, `performance median of ${runs.map(perf).join(', ')} (${table.at(-1)!.metrics})`).toBeGreaterThanOrEqual(PERF_FLOOR);
  });
});
