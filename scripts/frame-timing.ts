/**
 * The timing table of the simulation cells (issue #12: an update within one animation frame for
 * the largest allowed stack at the default map size, on a phone-class CPU): for each cell, on its
 * English and Chinese page, the longest main-thread task and the time from input to the result's
 * paint, in Chromium with 4× CPU throttling, median of several updates.
 *
 *   npx tsx scripts/frame-timing.ts [built site dir, default .cache/site/dist-root] [--cpu 4] [--runs 5]
 *
 * Build first (`npm run build -- --outDir <dir>`, or any browser test run builds .cache/site/dist-root).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/integrations/chromium.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { settled, timeUpdate, type UpdateCost } from '../tests/support/frame-timing.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const cpu = option('cpu', 4);
const runs = option('runs', 5);
const dir = args[0] ?? join(import.meta.dirname, '..', '.cache', 'site', 'dist-root');

/** Each case alternates between two settings, so every timed update really recomputes. */
const CASES = [
  { widget: 'effective-rf', pages: ['primer/', 'zh-cn/primer/'], name: '64 layers of 3×3 (linear, uniform)', a: { layers: '64' }, b: { layers: '63' } },
  { widget: 'effective-rf', pages: ['primer/', 'zh-cn/primer/'], name: '46 layers of 3×3 (ReLU, random)', a: { activation: 'relu', weights: 'random', layers: '46' }, b: { layers: '45' } },
  { widget: 'signal-propagation', pages: ['alexnet/', 'zh-cn/alexnet/'], name: '200 layers', a: { depth: '200' }, b: { depth: '199' } },
] as const;

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(1).padStart(6);

const server = await serveStatic(dir, '/');
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(`CPU ${cpu}× slower, median of ${runs} updates (ms): longest main-thread task, wall / CPU | all main-thread CPU | input → paint | main-thread CPU by kind | output chars, elements inserted`);
  for (const c of CASES) {
    for (const path of c.pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.root + path, { waitUntil: 'load' });
      // Warm-up: starts the worker and compiles the numerics (a reader's first change pays that once).
      await timeUpdate(page, c.widget, c.b);
      await settled(page, c.widget);
      const costs: UpdateCost[] = [];
      for (let i = 0; i < runs; i += 1) {
        costs.push(await timeUpdate(page, c.widget, i % 2 === 0 ? c.a : c.b, { cpu }));
        await settled(page, c.widget);
      }
      const kinds = [...new Set(costs.flatMap((k) => Object.keys(k.breakdown)))].sort();
      const breakdown = kinds.map((k) => `${k} ${median(costs.map((x) => x.breakdown[k] ?? 0)).toFixed(1)}`).join(', ');
      console.log(
        `${c.widget.padEnd(18)} ${c.name.padEnd(36)} /${path.padEnd(15)} ${ms(median(costs.map((x) => x.longestTask)))} / ${ms(median(costs.map((x) => x.longestTaskCpu)))} | ${ms(median(costs.map((x) => x.totalCpu)))} | ${ms(median(costs.map((x) => x.inputToPaint)))} | ${breakdown} | ${costs[0]!.outputChars} chars, ${median(costs.map((x) => x.elementsInserted))} inserted`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
