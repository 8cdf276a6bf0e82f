/**
 * The timing table of the simulation cells (issue #12: an update within one animation frame for
 * the largest allowed stack at the default map size, on a phone-class CPU): for each cell, on its
 * English and Chinese page, where an update's time goes, in Chromium with the main thread's CPU
 * throttled 4×, median of several updates: the main thread's CPU by kind for the whole update,
 * its longest task and the frame that shows the result; the worker, raster and display threads'
 * CPU; the time from the input event to the drawn frame.
 *
 *   npx tsx scripts/frame-timing.ts [built site dir, default .cache/site/dist-root] [--cpu 4] [--runs 5] [--style CSS] [--only TEXT]
 *
 * `--only` times the cases whose widget, name or page contains TEXT; `--style` adds a style sheet to each page before timing (a same-build comparison, e.g.
 * `--style '.sl-markdown-content > * { isolation: auto }'`). Build first (`npm run build -- --outDir
 * <dir>`, or any browser test run builds .cache/site/dist-root). Chromium throttles the main thread
 * only: the worker runs at this machine's speed (tests/sim/sim.bench.ts times its work alone).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/integrations/chromium.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { settled, timeUpdate, type UpdateCost } from '../tests/support/frame-timing.ts';
import { BREAKDOWN, type Breakdown } from '../tests/support/trace.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const cpu = Number(option('cpu') ?? 4);
const runs = Number(option('runs') ?? 5);
const style = option('style');
const only = option('only');
const dir = args[0] ?? join(import.meta.dirname, '..', '.cache', 'site', 'dist-root');

/** Each case alternates between two settings, so every timed update really recomputes. */
const CASES = [
  { widget: 'effective-rf', pages: ['primer/', 'zh-cn/primer/'], name: '64 layers of 3×3 (linear, uniform)', a: { layers: '64' }, b: { layers: '63' } },
  { widget: 'effective-rf', pages: ['primer/'], name: '8 layers of 3×3 (the default)', a: { layers: '8' }, b: { layers: '9' } },
  { widget: 'effective-rf', pages: ['primer/'], name: '46 layers of 3×3 (ReLU, random)', a: { activation: 'relu', weights: 'random', layers: '46' }, b: { layers: '45' } },
  { widget: 'signal-propagation', pages: ['alexnet/', 'zh-cn/alexnet/'], name: '200 layers', a: { depth: '200' }, b: { depth: '199' } },
] as const;

const median = (xs: readonly number[]) => {
  const known = xs.filter((x) => !Number.isNaN(x)).sort((p, q) => p - q);
  return known.length ? known[Math.floor(known.length / 2)]! : NaN;
};
const SHORT: Record<(typeof BREAKDOWN)[number], string> = { script: 'script', style: 'style', layout: 'layout', paint: 'paint', 'layerize+commit': 'layerize', 'parse HTML': 'parse', 'image fetch': 'img src', 'URL write': 'URL' };
const ms = (x: number) => x.toFixed(1).padStart(9);
const row = (label: string, total: number, parts: readonly Breakdown[]) =>
  `  ${label.padEnd(30)}${ms(total)} |${BREAKDOWN.map((k) => ms(median(parts.map((b) => b[k])))).join('')}`;

const server = await serveStatic(dir, '/');
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(`main thread ${cpu}× slower, median of ${runs} updates, ms; load average ${loadavg()[0]!.toFixed(2)}${style ? `; added style: ${style}` : ''}`);
  for (const c of CASES) {
    for (const path of c.pages) {
      if (only && !`${c.widget} ${c.name} /${path}`.includes(only)) continue;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.root + path, { waitUntil: 'load' });
      if (style) await page.addStyleTag({ content: style });
      // Warm-up: starts the worker and compiles the numerics (a reader's first change pays that once).
      await timeUpdate(page, c.widget, c.b);
      await settled(page, c.widget);
      const costs: UpdateCost[] = [];
      for (let i = 0; i < runs; i += 1) {
        costs.push(await timeUpdate(page, c.widget, i % 2 === 0 ? c.a : c.b, { cpu }));
        await settled(page, c.widget);
      }
      const m = (f: (x: UpdateCost) => number) => median(costs.map(f));
      console.log(`\n${c.widget} ${c.name} on /${path}: input → drawn frame ${m((x) => x.inputToPresent).toFixed(1)} (main-thread frames ${m((x) => x.frames)})`);
      console.log(`  ${'main-thread CPU'.padEnd(30)}${'total'.padStart(9)} |${BREAKDOWN.map((k) => SHORT[k].padStart(9)).join('')}`);
      console.log(row('whole update', m((x) => x.totalCpu), costs.map((x) => x.breakdown)));
      console.log(row(`longest task (wall ${m((x) => x.longestTask).toFixed(1)})`, m((x) => x.longestTaskCpu), costs.map((x) => x.longestBreakdown)));
      console.log(row('frame showing the result', m((x) => x.resultFrameCpu), costs.map((x) => x.resultFrameBreakdown)));
      console.log(`  off the main thread (CPU): worker ${m((x) => x.worker).toFixed(1)}, raster ${m((x) => x.raster).toFixed(1)}, display ${m((x) => x.display).toFixed(1)}`);
      console.log(`  output ${costs[0]!.outputChars} chars, ${m((x) => x.elementsInserted)} elements inserted, ${m((x) => x.elementsRemoved)} removed`);
      await context.close();
    }
  }
  console.log(`\nload average ${loadavg()[0]!.toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
