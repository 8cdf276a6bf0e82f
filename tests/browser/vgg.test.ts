/**
 * The VGG chapter as a reader meets it: math and the kernel-stack result are there without
 * JavaScript; with it, the cell recomputes on input, rejects bad input in place, and keeps
 * its state in the address bar. Expected numbers come from the calc core, not from here.
 */
import { describe, expect, test } from 'vitest';
import { analyse, receptiveFieldTable, formatCount } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { newContext, open, problemList, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const browser = useBrowser();

const url = () => `${site().rootUrl}vgg/`;
const CELL = '[data-widget="kernel-stack"]';

describe('VGG chapter', () => {
  test('reads without JavaScript: KaTeX math, diagrams, the generated tables and the default cell result', async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, url());
    expect(await page.locator('math[display="block"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('math[display="block"]').first().textContent()).toContain('F(i)');
    // Diagrams are images of the pre-rendered SVGs, one per theme (without JavaScript Starlight
    // stays in its default dark theme), with a text alternative.
    const diagrams = page.locator('.mermaid-figure img').filter({ visible: true });
    expect(await diagrams.count()).toBeGreaterThanOrEqual(1);
    await diagrams.first().scrollIntoViewIfNeeded();
    await expect.poll(() => diagrams.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await diagrams.first().getAttribute('alt')).toMatch(/^Diagram: .*3×3/);
    const vgg16 = analyse(getNetwork('vgg16'));
    // textContent: innerText leaves out what the browser has not laid out yet (the tables and
    // prose far down the page are skipped until they near the viewport: content-visibility).
    expect(await page.locator('main').textContent()).toContain(formatCount(vgg16.params.total));
    // Default cell: three 3×3 convs see 7×7 (the recursion, computed here by the core too).
    const r = receptiveFieldTable([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }]).r;
    await expect.poll(() => page.locator(`${CELL} [data-summary]`).first().innerText()).toContain(`see ${r}×${r}`);
    await context.close();
  });

  test('the kernel-stack cell recomputes on input, rejects bad input in place and shares its state', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    const cell = page.locator(CELL).first();
    const n = cell.locator('input[name="n"]');
    const summary = cell.locator('[data-summary]');

    await n.fill('2');
    await expect.poll(() => summary.innerText()).toContain('see 5×5');
    // The URL follows once the reader pauses (runtime.ts, writeUrlSoon).
    await expect.poll(() => new URL(page.url()).searchParams.get('kernel-stack.n')).toBe('2');

    const good = await cell.locator('[data-output]').innerHTML();
    for (const bad of ['', '0', '-1', '2.5', '1e309', 'three', '<b>x</b>']) {
      await n.fill(bad);
      await expect.poll(() => n.getAttribute('aria-invalid')).toBe('true');
      const messageId = (await n.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-msg'))!;
      expect((await page.locator(`#${messageId}`).innerText()).length).toBeGreaterThan(0);
      expect(await cell.locator('[data-output]').innerHTML()).toBe(good);
    }
    await n.fill('3');
    await expect.poll(() => n.getAttribute('aria-invalid')).toBeNull();
    await n.press('ArrowUp');
    await expect.poll(() => summary.innerText()).toContain('4 stacked');
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });

  test('a shared link restores the cell, and a hostile one is rejected like typing', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, `${url()}?kernel-stack.n=2&kernel-stack.d=2`);
    const cell = page.locator(CELL).first();
    await expect.poll(() => cell.locator('[data-summary]').innerText()).toContain('see 9×9'); // 2·2·(3 − 1) + 1
    await open(page, `${url()}?kernel-stack.k=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect.poll(() => cell.locator('input[name="k"]').getAttribute('aria-invalid')).toBe('true');
    expect(await cell.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });

  test.each(['light', 'dark'] as const)('in the %s theme each diagram shows one image, drawn for that theme', async (theme) => {
    const context = await newContext(browser(), { theme });
    const page = await context.newPage();
    await open(page, url());
    const shown = await page.locator('.mermaid-figure').evaluateAll((figures) =>
      figures.map((f) => [...f.querySelectorAll('img')].filter((img) => img.checkVisibility()).map((img) => img.className)),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(shown.map(() => [`mermaid-${theme}`]));
    await context.close();
  });
});
