/**
 * The explorer's "Paste your network" cell as a reader meets it. Expected figures come from the
 * calc core's registry (src/models/) and the parser fixtures' own files (tests/fixtures/paste/),
 * never from here: a pasted torchvision repr must give exactly the registry's numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { analyse, formatCount } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { newContext, open, problemList, ROOT, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const CELL = '[data-widget="paste-network"]';
const fixture = (path: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'paste', path), 'utf8');
const url = () => `${site().rootUrl}explorer/`;

const browser = useBrowser();

/**
 * Puts `text` in the textarea as a paste does (the value, then one input event) and waits until
 * the cell has parsed it. (Playwright's fill() takes minutes on 85 kB of text; a paste does not.)
 */
async function paste(page: Page, text: string): Promise<void> {
  await page.locator(`${CELL} textarea`).evaluate((el: HTMLTextAreaElement, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await waitParsed(page);
}

async function waitParsed(page: Page): Promise<void> {
  await page.waitForFunction((sel) => !document.querySelector(`${sel} .nb-output`)?.hasAttribute('aria-busy'), CELL);
}

/**
 * The totals table's cells for one row ("Parameters", "MACs"), one per model column. Text
 * content, not innerText: the cell's result is not laid out until the reader nears it
 * (src/styles/rendering.css), and innerText of skipped content is empty.
 */
async function totalsRow(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`${CELL} .ex-totals tr`)
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
    .locator('td')
    .allTextContents();
}

describe('explorer: paste your network', () => {
  test('without JavaScript the tiny custom net is analysed, with its wiring report', async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, url());
    const cell = page.locator(CELL);
    await expect(cell.locator('textarea').inputValue()).resolves.toBe(fixture('pytorch/custom.txt'));
    // generate.py's forward hooks (figures.json) give the custom net's exact figures at 65×65.
    const figures = JSON.parse(fixture('pytorch/figures.json')) as { models: Record<string, { params: number; macs: number }> };
    const custom = figures.models.custom!;
    expect(await totalsRow(page, 'Parameters')).toEqual([formatCount(custom.params)]);
    expect((await totalsRow(page, 'MACs'))[0]).toMatch(new RegExp(`^${formatCount(custom.macs)} `));
    await expect(cell.locator('.pn-wiring').textContent()).resolves.toMatch(/branch on the block input/);
    await context.close();
  });

  test('a pasted torchvision ResNet-50 gives exactly the registry resnet50, side by side', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    const cell = page.locator(CELL);
    await cell.locator('input[name="size"]').fill('224');
    await cell.locator('select[name="vs"]').selectOption('resnet50');
    await paste(page, fixture('pytorch/resnet50.txt'));
    const registry = analyse(getNetwork('resnet50'), [3, 224, 224]);
    expect(await totalsRow(page, 'Parameters')).toEqual([formatCount(registry.params.total), formatCount(registry.params.total)]);
    const macs = await totalsRow(page, 'MACs');
    expect(macs.map((m) => m.split(' ')[0])).toEqual([formatCount(registry.macs), formatCount(registry.macs)]);
    const rf = await totalsRow(page, 'Receptive field / stride');
    expect(rf[0]).toBe(rf[1]);
    await expect(cell.locator('.ex-hint', { hasText: 'known torchvision class' }).innerText()).resolves.toMatch(/known torchvision class × \d+/);
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });

  test('bad text is marked at its line, keeps the last result, runs no markup and logs nothing', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    const cell = page.locator(CELL);
    const area = cell.locator('textarea');
    const good = await cell.locator('[data-output]').innerHTML();
    const custom = fixture('pytorch/custom.txt');
    const lines = custom.split('\n');
    // An unknown leaf module on line 4 of the custom net.
    const unknown = lines.map((l, i) => (i === 3 ? l.replace('ReLU(inplace=True)', 'Mish<img src=x onerror="window.__pwned=1">()') : l)).join('\n');
    const cases: [string, string, RegExp][] = [
      ['unknown module', unknown, /^Line 4\b/],
      ['truncated', custom.slice(0, Math.floor(custom.length / 2)), /./],
      ['unbalanced parentheses', `${custom})`, /./],
      ['huge number', custom.replace('Conv2d(3, 32,', `Conv2d(3, ${'9'.repeat(300)},`), /^Line 3\b/],
      ['markup', '<script>window.__pwned=1</script>', /./],
    ];
    for (const [label, text, where] of cases) {
      await paste(page, text);
      await expect(area.getAttribute('aria-invalid'), label).resolves.toBe('true');
      const message = await cell.locator('[data-msg-for="text"]').innerText();
      expect(message, label).toMatch(where);
      expect(await cell.locator('[data-output]').innerHTML(), `${label}: last result kept`).toBe(good);
    }
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
    expect(await cell.locator('[data-msg-for="text"] *').count(), 'message is text').toBe(0);
    await paste(page, custom);
    await expect(area.getAttribute('aria-invalid')).resolves.toBeNull();
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });

  test('the pasted text round-trips through the URL fragment, never the query', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    const cell = page.locator(CELL);
    const vgg11 = fixture('pytorch/vgg11.txt');
    await cell.locator('input[name="size"]').fill('224');
    await paste(page, vgg11);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#paste=z[A-Za-z0-9_-]+$/);
    // The size follows once the reader pauses (the runtime's URL write waits for a pause).
    await expect.poll(() => new URL(page.url()).searchParams.get('paste-network.size')).toBe('224');
    const link = page.url();
    expect(new URL(link).search).not.toContain('paste=');
    const summary = await cell.locator('[data-summary]').innerText();
    const vgg = analyse(getNetwork('vgg11'), [3, 224, 224]);
    expect(summary).toContain(`${formatCount(vgg.params.total)} parameters`);

    const other = await context.newPage();
    await open(other, link);
    await waitParsed(other);
    await expect.poll(() => other.locator(`${CELL} textarea`).inputValue()).toBe(vgg11);
    await expect.poll(() => other.locator(`${CELL} [data-summary]`).innerText()).toBe(summary);
    // A damaged link is refused in words; the default result stays.
    const damaged = await context.newPage();
    const damagedProblems = watch(damaged);
    await open(damaged, `${url()}#paste=z!!<b>`);
    await expect.poll(() => damaged.locator(`${CELL} [data-msg-for="text"]`).innerText()).toMatch(/could not be read/);
    expect(problemList(problems)).toEqual([]);
    expect(problemList(damagedProblems)).toEqual([]);
    await context.close();
  });

  test('a network too large for a link is analysed and the page says it is not kept in the address', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    // 3,000 ReLUs with random names: a valid net whose compressed text exceeds the fragment limit.
    const names = Array.from({ length: 3000 }, (_, i) => `${i}${Math.random().toString(36).slice(2, 14)}`);
    const text = ['Big(', '  (conv): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))', ...names.map((n) => `  (r${n}): ReLU()`), ')'].join('\n');
    await paste(page, text);
    await expect(page.locator(`${CELL} textarea`).getAttribute('aria-invalid')).resolves.toBeNull();
    await expect.poll(() => page.locator(`${CELL} [data-text-note]`).innerText()).toMatch(/not kept in the address: compressed, it needs [\d,]+ characters there, over the limit of 16,000/);
    expect(new URL(page.url()).hash).toBe('');
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });

  test('sample buttons load their text (the large ones on demand) and the keyboard reaches them', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watch(page);
    await open(page, url());
    const cell = page.locator(CELL);
    await cell.locator('textarea').focus();
    await page.keyboard.press('Tab');
    // After the textarea: the first sample button (the messages between are not focusable).
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.sample)).resolves.toBe('custom');
    await cell.locator('[data-sample="googlenet"]').click();
    await expect.poll(() => cell.locator('textarea').inputValue()).toBe(fixture('caffe/bvlc_googlenet.deploy.prototxt'));
    await waitParsed(page);
    await expect.poll(() => cell.locator('[data-summary]').innerText()).toMatch(/^GoogleNet \(pasted Caffe prototxt\) at 3×224×224: /);
    expect(problemList(problems)).toEqual([]);
    await context.close();
  });
});
