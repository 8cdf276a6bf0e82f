/**
 * The simulation cells (effective RF, signal propagation) render in a Web Worker: the page loads
 * only their forms; the first change starts the worker; the result the reader sees is exactly
 * what the server renders for the same values (same seeded numerics, same definition: Node here,
 * Chromium there, whose Math.exp/log/sin/cos differ in the last bits, hence src/sim/portable-math.ts);
 * while the worker runs, the previous result stays, marked aria-busy.
 */
import { describe, expect, test } from 'vitest';
import { effectiveRfWidget } from '../../components/widgets/EffectiveRf/effective-rf';
import { signalPropagation } from '../../components/widgets/SignalPropagation/signal-propagation';
import type { AnyWidgetDef, WidgetValues } from '../../src/widget/widget';
import { newContext, open, problemList, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();

const CASES = [
  { page: 'primer/', def: effectiveRfWidget, change: { layers: '12', activation: 'relu', weights: 'random' } },
  { page: 'segmentation/', def: effectiveRfWidget, change: { layers: '30', kernel: '5' } },
  { page: 'alexnet/', def: signalPropagation, change: { depth: '120', activation: 'relu', init: 'he', bn: 'on' } },
] as const;

describe.each(CASES.map((c) => [`${c.def.name} on /${c.page}`, c] as const))('%s', (_label, c) => {
  test("loads no numerics with the page; in a worker computes exactly the server's render", async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      const problems = watch(page);
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
      await open(page, site().rootUrl + c.page, { settle: true });
      const root = page.locator(`[data-widget="${c.def.name}"]`).first();
      const labels = JSON.parse((await root.getAttribute('data-labels'))!) as Record<string, string>;
      const initial = JSON.parse((await root.getAttribute('data-initial'))!) as WidgetValues;
      expect(scripts.filter((s) => /effective-rf|signal-propagation|render-worker/.test(s)), 'numerics loaded with the page').toEqual([]);
      expect(workers).toEqual([]);

      const seen = await root.evaluate(async (el, change) => {
        let busy = false;
        const observer = new MutationObserver(() => (busy ||= el.querySelector('.nb-output[aria-busy="true"]') !== null));
        observer.observe(el, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
        for (const [name, value] of Object.entries(change)) {
          const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-inputs] [name="${name}"]`)!;
          input.value = value;
          input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        }
        while (el.querySelector('[aria-busy="true"]')) await new Promise((settle) => setTimeout(settle, 5));
        observer.disconnect();
        return { busy, html: el.querySelector('[data-output]')!.innerHTML, summary: el.querySelector('[data-summary]')!.textContent };
      }, c.change);

      const def = c.def as unknown as AnyWidgetDef;
      const values: WidgetValues = { ...initial };
      for (const [name, value] of Object.entries(c.change)) values[name] = def.fields[name]!.kind === 'int' ? Number(value) : value;
      // The server's render of the same values, here in Node, read back through the browser's HTML
      // parser (which writes <rect/> as <rect></rect>): the browser shows exactly that.
      const expected = await page.evaluate((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return template.innerHTML;
      }, def.render(values, { ...def.labels, ...labels }));
      expect(seen.html).toBe(expected);
      expect(seen.summary).toBe(def.summary(values, { ...def.labels, ...labels }));
      expect(seen.busy, 'marked aria-busy while the worker ran').toBe(true);
      expect(workers.filter((w) => w.includes('render-worker')), 'a worker rendered it').toHaveLength(1);
      expect(problemList(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
