/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every page in every language, in the light
 * and the dark theme, zero violations; and every widget control is reachable with Tab and works
 * from the keyboard (typing, and ArrowUp/ArrowDown on whole-number fields).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, open, pages, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/**
 * Rules whose outcome the theme can change: colours, and the images shown only in one theme
 * (each diagram has a light and a dark image). The dark theme is checked with these alone, on
 * the same load: every other rule saw the same markup in the light theme.
 */
const THEME_RULES = ['color-contrast', 'link-in-text-block', 'image-alt', 'role-img-alt', 'svg-img-alt'];

async function axe(page: Page, only: 'tags' | 'theme'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const available = only === 'theme' ? await page.evaluate(() => (window as unknown as { axe: { getRules: () => { ruleId: string }[] } }).axe.getRules().map((r) => r.ruleId)) : [];
  const runOnly = only === 'tags' ? { type: 'tag', values: TAGS } : { type: 'rule', values: THEME_RULES.filter((r) => available.includes(r)) };
  const violations = await page.evaluate(async (config) => {
    const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe.run(
      document,
      { runOnly: config, resultTypes: ['violations'] },
    );
    return result.violations;
  }, runOnly);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
  );
}

const browser = useBrowser();

const { rootUrl } = site();
const all = pages();

/**
 * Each page is loaded once, in the light theme: axe with every WCAG A/AA rule; then the page is
 * switched to the dark theme as Starlight's theme picker does (data-theme on <html>) and the
 * colour rules run again. Both themes' diagrams, code and widget colours are in the page's CSS,
 * so no reload is needed to see them.
 */
describe.concurrent.each(all.map((p) => [`/${p.path}`, p] as const))('%s', (_label, info) => {
  test('has no axe violations in the light theme, nor colour violations in the dark theme', async () => {
    const context = await newContext(browser(), { theme: 'light' });
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path);
      // Expressive Code makes overflowing code blocks focusable a moment after load (a resize
      // observer, then an idle callback); axe must see the page as a reader's keyboard will.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
      );
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
      expect(await axe(page, 'tags'), 'axe violations, light theme').toEqual([]);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
      });
      // Proves the dark theme really applied, so the second run is not a light run again.
      expect(await background(), 'body background after switching to dark').not.toBe(light);
      expect(await axe(page, 'theme'), 'colour violations, dark theme').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Pages with widgets, read from the built HTML so new widgets are covered. Keyboard operation is
 * widget behaviour, the same in every language: it is checked on the English pages (a
 * translation's widgets are the English page's, tests/browser/parity.test.ts).
 */
const widgetPages = all.filter((p) => p.locale === 'root' && readFileSync(p.file, 'utf8').includes('data-widget='));

test('some page has a widget to check from the keyboard', () => {
  expect(widgetPages.length).toBeGreaterThan(0);
});

describe.concurrent.each(widgetPages.map((p) => [`/${p.path}`, p] as const))('keyboard on %s', (_label, info) => {
  test('every widget control is reachable with Tab, and typing and arrow keys work', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path);
      // Fields a widget hides until they apply (e.g. options of another model) are not stops.
      const controls = page.locator('[data-widget] [data-inputs] :is(input, select, textarea, button):not(:disabled)').filter({ visible: true });
      const total = await controls.count();
      expect(total).toBeGreaterThan(0);
      // Tag every control; record every element Tab lands on.
      await controls.evaluateAll((els) => els.forEach((el, i) => el.setAttribute('data-kbd', String(i))));
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { nbTabbed: string[] }).nbTabbed = seen;
        document.addEventListener('focusin', (event) => {
          const kbd = (event.target as Element).getAttribute('data-kbd');
          if (kbd !== null) seen.push(kbd);
        });
      });
      // Each widget is walked on its own: focus a point just before it, press Tab once per
      // focusable element it holds and once more, and focus must have passed every control and
      // left the widget (no trap). The page's other stops (header, sidebar, prose links) are
      // Starlight's and the prose's; walking them for every widget page cost most of this test.
      const trapped: string[] = [];
      for (const widget of await page.locator('[data-widget]').all()) {
        const stops = await widget.evaluate((el) => {
          const probe = document.createElement('span');
          probe.tabIndex = -1;
          probe.dataset.kbdProbe = '';
          el.before(probe);
          probe.focus({ preventScroll: true });
          const focusable = ':is(a[href], button, input, select, textarea, summary, [tabindex]):not([tabindex="-1"], :disabled)';
          return [...el.querySelectorAll<HTMLElement>(focusable)].filter((f) => f.checkVisibility()).length;
        });
        for (let i = 0; i <= stops; i += 1) await page.keyboard.press('Tab');
        const inside = await widget.evaluate((el) => {
          document.querySelector('[data-kbd-probe]')?.remove();
          return el.contains(document.activeElement);
        });
        if (inside) trapped.push(`${await widget.getAttribute('data-widget')}#${await widget.getAttribute('data-ns')}`);
      }
      expect(trapped, 'widgets Tab does not leave after passing each of their stops').toEqual([]);
      const reached = new Set(await page.evaluate(() => (window as unknown as { nbTabbed: string[] }).nbTabbed));
      const missed = await controls.evaluateAll(
        (els, got) => els.filter((el) => !got.includes(el.getAttribute('data-kbd')!)).map((el) => el.id || el.outerHTML.slice(0, 80)),
        [...reached],
      );
      expect(missed, 'controls Tab never reaches').toEqual([]);

      // Operable: for each whole-number field, type a value, then step it with the arrow keys.
      const numbers = page.locator('[data-widget] [data-inputs] input[inputmode="numeric"][data-min][data-max]').filter({ visible: true });
      for (let i = 0; i < (await numbers.count()); i += 1) {
        const input = numbers.nth(i);
        const min = Number(await input.getAttribute('data-min'));
        const max = Number(await input.getAttribute('data-max'));
        const start = Math.min(max - 1, Math.max(min + 1, min)); // a value that can step both ways
        await input.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(String(start));
        await expect(input.inputValue()).resolves.toBe(String(start));
        // Up raises the value, Down lowers it (by one, or to the next allowed value: LRN's n is odd).
        await page.keyboard.press('ArrowUp');
        const up = Number(await input.inputValue());
        expect(up, `ArrowUp on ${await input.getAttribute('id')}`).toBeGreaterThan(start);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(Number(await input.inputValue()), `ArrowDown on ${await input.getAttribute('id')}`).toBeLessThan(up);
      }
      // Choice fields change with the arrow keys too (native <select> behaviour).
      const selects = page.locator('[data-widget] [data-inputs] select').filter({ visible: true });
      for (let i = 0; i < (await selects.count()); i += 1) {
        const select = selects.nth(i);
        if ((await select.locator('option').count()) < 2) continue;
        const before = await select.inputValue();
        await select.focus();
        await page.keyboard.press(before === (await select.locator('option').last().getAttribute('value')) ? 'ArrowUp' : 'ArrowDown');
        await expect(select.inputValue(), `arrow keys on ${await select.getAttribute('id')}`).resolves.not.toBe(before);
      }
    } finally {
      await context.close();
    }
  });
});
