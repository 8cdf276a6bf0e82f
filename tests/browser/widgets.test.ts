/**
 * The widget contract, checked on every `[data-widget]` of every built page (so a new widget or
 * chapter is covered without touching this file):
 * - without JavaScript the cell shows its computed result;
 * - with JavaScript, changing each field changes the result;
 * - each text field given values outside its domain is marked aria-invalid, shows a message,
 *   keeps the last good result, never shows NaN/Infinity/undefined, runs no markup;
 * - each textarea (a pasted text the widget parses) likewise, with broken text as its bad values;
 * - hostile values in the URL state do no harm, and nothing reaches the console.
 */
import { describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { newContext, open, pages, problemList, readPage, site, watch } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';

const BROKEN_TEXT = /\b(NaN|Infinity|undefined|null)\b|\[object /;
/** Markup that would set a global if the page ever parsed a field value as HTML. */
const MARKUP = '<img src=x onerror="window.__pwned=1"><b>9</b>';

const browser = useBrowser();

const { rootUrl } = site();
const withWidgets = pages().filter((p) => !p.is404 && readPage(p).includes('data-widget='));
/**
 * A widget's behaviour is the same in every language (a translation has the English page's
 * widgets, tests/browser/parity.test.ts): it is checked on the English pages. A translation's pages
 * get the checks that depend on the page: a result without JavaScript, a clean start with it.
 */
const widgetPages = withWidgets.filter((p) => p.locale === 'root');
const translatedWidgetPages = withWidgets.filter((p) => p.locale !== 'root');

test('the site has widgets to check', () => {
  expect(widgetPages.length).toBeGreaterThan(0);
});

/**
 * A text field's domain, read from its markup: `inputmode` says whole number ("numeric"),
 * decimal ("decimal") or free text (a list); data-min/data-max bound numbers (default: ≥ 0).
 */
interface TextField {
  readonly kind: 'int' | 'decimal' | 'text';
  readonly value: string;
  readonly min: number;
  readonly max: number | null;
}

/** Values outside a field's domain, per the issue: empty, negative, fractional, zero where zero is meaningless, huge, text, markup. */
function badValues(field: TextField): string[] {
  const values = ['', '1e309', 'abc', MARKUP];
  if (field.kind === 'text') return values;
  if (field.min >= 0) values.push('-3');
  if (field.kind === 'int') values.push('2.5');
  if (field.kind === 'int' && field.min > 0) values.push('0');
  if (field.max !== null) values.push(String(field.max * 10 + 1));
  return values;
}

/** Valid-looking alternatives, nearest first, for "changing the field changes the result". */
function candidates(field: TextField): string[] {
  if (field.kind === 'text') {
    // A list: bump its first number, or add one more item.
    return [field.value.replace(/\d+(\.\d+)?/, (n) => String(Number(n) + 1)), `${field.value}, 1`];
  }
  const current = Number(field.value);
  const max = field.max ?? Number.MAX_SAFE_INTEGER;
  const base = Number.isFinite(current) && field.value !== '' ? current : field.min;
  const list =
    field.kind === 'decimal'
      ? [base * 2, base / 2, base + 1, field.min, max]
      : [base + 1, base - 1, base * 2, Math.floor(base / 2), base + 2, field.min, max, field.min + 1, 1, 2, 3];
  return [...new Set(list.filter((v) => v >= field.min && v <= max && String(v) !== field.value).map(String))];
}

/** What a widget shows: its result, summary, and which fields and messages are up. Runs in the page. */
function readWidget(root: Element) {
  const output = root.querySelector('[data-output]');
  return {
    html: output?.innerHTML ?? '',
    /** What the reader sees (lazily filled tables of closed <details> read the same). */
    text: (output as HTMLElement | null)?.innerText ?? '',
    allText: output?.textContent ?? '',
    summary: (root.querySelector('[data-summary]') as HTMLElement | null)?.innerText ?? '',
    cellMessage: root.querySelector('[data-cell-msg]')?.textContent?.trim() ?? '',
    invalid: [...root.querySelectorAll('[data-inputs] [aria-invalid="true"]')].map((el) => el.getAttribute('name')),
    messages: [...root.querySelectorAll('[data-msg-for]')].map((el) => el.textContent?.trim()).filter(Boolean),
  };
}

async function state(widget: Locator) {
  return widget.evaluate(readWidget);
}

const controlsOf = (widget: Locator) =>
  widget.locator('[data-inputs] :is(input[type="text"], select)').filter({ visible: true });

/** A field's domain from its markup (see TextField), or a select's options. */
async function domainOf(control: Locator): Promise<TextField & { options: string[] | null }> {
  return control.evaluate((el: HTMLInputElement | HTMLSelectElement) => ({
    kind: el.inputMode === 'numeric' ? 'int' : el.inputMode === 'decimal' ? 'decimal' : 'text',
    value: el.value,
    min: el.dataset.min === undefined ? 0 : Number(el.dataset.min),
    max: el.dataset.max === undefined ? null : Number(el.dataset.max),
    options: el instanceof HTMLSelectElement ? [...el.options].map((o) => o.value) : null,
  }));
}

/** What the widget shows after a value was put in a field, and how the field itself reads. */
type Entered = ReturnType<typeof readWidget> & { fieldInvalid: boolean; fieldMessage: string };

interface Probe {
  /** The field's starting value, entered first (the baseline) and to restore. */
  readonly value: string;
  /** Valid alternatives, tried in order until one changes the result. */
  readonly alternatives: string[];
  /** Values outside the field's domain, each entered after the restore. */
  readonly bad: string[];
}

/**
 * Puts values in a field as typing or choosing would (the value, then the input or change event
 * that bubbles to the cell's form) and reads the widget back after each, all in one round trip
 * per field: the page recomputes synchronously on the event, and this file enters about two
 * thousand values (one round trip each cost more than the widgets' own work). Real typing is
 * exercised in a11y.test.ts. Runs in the page. A widget that renders in a Web Worker (the
 * simulations) marks its output aria-busy until the newest result is in: it is read once that
 * settles.
 */
async function probeField(el: HTMLInputElement | HTMLSelectElement, probe: Probe) {
  const enter = async (v: string): Promise<Entered> => {
    el.value = v;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    while (el.closest('[data-widget]')!.querySelector('[aria-busy="true"]')) await new Promise((settle) => setTimeout(settle, 5));
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-msg'));
    const message = ids.length === 1 ? (document.getElementById(ids[0]!)?.textContent?.trim() ?? '') : '';
    const read = (globalThis as unknown as { nbReadWidget: typeof readWidget }).nbReadWidget;
    return { ...read(el.closest('[data-widget]')!), fieldInvalid: el.getAttribute('aria-invalid') === 'true', fieldMessage: message };
  };
  const before = await enter(probe.value);
  const tried: (Entered & { value: string })[] = [];
  for (const value of probe.alternatives) {
    const after = await enter(value);
    tried.push({ ...after, value });
    if (!(after.invalid.length > 0 || after.cellMessage) && after.html !== before.html) break;
  }
  const restored = await enter(probe.value);
  const rejected: (Entered & { value: string })[] = [];
  for (const value of probe.bad) {
    // A field that starts empty (an unanswered exercise): clearing an answer returns to that
    // starting state; enter an answer first so the clearing is a change.
    if (value === '' && probe.value === '') await enter(probe.alternatives[0] ?? '1');
    rejected.push({ ...(await enter(value)), value });
  }
  const back = await enter(probe.value);
  return { before, tried, restored, rejected, back };
}

/** A browser context whose pages carry readWidget, for probeField() and the textarea check. */
async function widgetContext() {
  const context = await newContext(browser());
  await context.addInitScript({ content: `globalThis.nbReadWidget = ${readWidget.toString()};` });
  return context;
}

/** Every widget on the page shows a result and a summary with JavaScript off, with no broken values. */
async function expectResultsWithoutJavaScript(url: string): Promise<void> {
  const context = await newContext(browser(), { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await open(page, url);
    const widgets = await page.locator('[data-widget]').all();
    expect(widgets.length).toBeGreaterThan(0);
    for (const widget of widgets) {
      const name = await widget.getAttribute('data-widget');
      const { text, allText, summary } = await state(widget);
      // allText: an exercise keeps its computed answer in a closed <details>.
      expect(allText, `${name}: result`).toMatch(/\d/);
      expect(summary.length, `${name}: summary`).toBeGreaterThan(0);
      expect(`${summary}\n${text}`, `${name}: broken values`).not.toMatch(BROKEN_TEXT);
    }
  } finally {
    await context.close();
  }
}

describe.concurrent.each(widgetPages.map((p) => [`/${p.path}`, p] as const))('widgets on %s', (_label, info) => {
  const url = rootUrl + info.path;

  test('without JavaScript, every widget shows its computed result', () => expectResultsWithoutJavaScript(url));

  test('every field changes the result; bad values are rejected in place and keep the last result', async () => {
    const context = await widgetContext();
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, url);
      const failures: string[] = [];
      for (const widget of await page.locator('[data-widget]').all()) {
        const name = `${await widget.getAttribute('data-widget')}#${await widget.getAttribute('data-ns')}`;
        const fields = await controlsOf(widget).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).name));
        expect(fields.length, `${name} has fields`).toBeGreaterThan(0);
        for (const field of fields) {
          const control = widget.locator(`[data-inputs] [name="${field}"]`);
          const fieldName = `${name} ${field}`;
          const info = await domainOf(control);
          // Reacts: some alternative changes the output, or else every alternative is refused with
          // a reason (groups that do not divide the channels, ceil_mode on a convolution). A valid
          // value that silently changes nothing is the failure: a control that does nothing.
          // A select cannot hold a value outside its options: it has no bad values.
          const alternatives = info.options ? info.options.filter((o) => o !== info.value) : candidates(info);
          const probe = { value: info.value, alternatives, bad: info.options ? [] : badValues(info) };
          const { before, tried, restored, rejected, back } = await control.evaluate(probeField, probe);
          let changed = false;
          const ignored: string[] = [];
          for (const after of tried) {
            if (after.invalid.length > 0 || after.cellMessage) {
              if (!after.cellMessage && after.messages.length === 0) failures.push(`${fieldName} = ${after.value}: refused without a message`);
              continue;
            }
            if (after.html !== before.html) {
              changed = true;
              break;
            }
            ignored.push(after.value);
          }
          if (!changed && (ignored.length > 0 || alternatives.length === 0)) {
            failures.push(`${fieldName}: accepted [${ignored.join(', ')}] but the result did not change`);
          }
          for (const after of rejected) {
            const shown = JSON.stringify(after.value);
            if (after.value === '' && info.value === '') {
              // An emptied answer is the neutral prompt again, not an error (issue #14, §6).
              if (after.fieldInvalid || after.fieldMessage) failures.push(`${fieldName} = "": an empty answer is marked as an error`);
              if (after.summary !== before.summary) failures.push(`${fieldName} = "": shows ${JSON.stringify(after.summary)}, not the starting prompt`);
              continue;
            }
            if (!after.fieldInvalid) failures.push(`${fieldName} = ${shown}: not marked aria-invalid`);
            else if (!after.fieldMessage) failures.push(`${fieldName} = ${shown}: no message beside the field`);
            if (after.html !== restored.html) failures.push(`${fieldName} = ${shown}: the last good result was replaced`);
            if (BROKEN_TEXT.test(`${after.summary}\n${after.text}`)) failures.push(`${fieldName} = ${shown}: shows NaN/Infinity/undefined`);
          }
          // An empty field (an unanswered exercise) is already outside the domain.
          if (!info.options && info.value !== '' && back.fieldInvalid) failures.push(`${fieldName}: still invalid after restoring ${info.value}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await page.evaluate(() => '__pwned' in window), 'markup ran').toBe(false);
      expect(problemList(problems), 'console, exceptions, dialogs').toEqual([]);
    } finally {
      await context.close();
    }
  });

  // A textarea holds a whole text (a pasted network) that the widget parses, possibly off the main
  // thread: the widget marks its output aria-busy until the parse settles. Its bad values are the
  // text's own: emptied, cut in half, unbalanced, markup, a number too large for any layer.
  test('every textarea changes the result; broken text is rejected in place and keeps the last result', async () => {
    const context = await widgetContext();
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, url);
      const failures: string[] = [];
      for (const widget of await page.locator('[data-widget]').all()) {
        const areas = widget.locator('textarea').filter({ visible: true });
        for (let i = 0; i < (await areas.count()); i += 1) {
          const area = areas.nth(i);
          const label = `${await widget.getAttribute('data-widget')} ${await area.getAttribute('name')}`;
          const enterText = async (value: string) => {
            await area.evaluate((el: HTMLTextAreaElement, v) => {
              el.value = v;
              el.dispatchEvent(new Event('input', { bubbles: true }));
            }, value);
            await page.waitForFunction((el) => !el?.closest('[data-widget]')?.querySelector('[aria-busy="true"]'), await area.elementHandle());
            return area.evaluate((el: HTMLTextAreaElement) => {
              const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-msg'));
              const read = (globalThis as unknown as { nbReadWidget: typeof readWidget }).nbReadWidget;
              return {
                ...read(el.closest('[data-widget]')!),
                fieldInvalid: el.getAttribute('aria-invalid') === 'true',
                fieldMessage: ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim(),
              };
            });
          };
          const text = await area.inputValue();
          // The first number that is a value (after "(", "," or ":"), not a name like "(0):".
          const ARGUMENT = /(?<=[(,:]\s*)\d+(?!\d*\)?:)/;
          const before = await enterText(text);
          const changed = await enterText(text.replace(ARGUMENT, (n) => String(Number(n) + 1)));
          if (changed.fieldInvalid || changed.html === before.html) failures.push(`${label}: a valid edit (first value + 1) did not change the result`);
          const restored = await enterText(text);
          const bad = {
            empty: '',
            truncated: text.slice(0, Math.floor(text.length / 2)),
            unbalanced: `${text}\n)`,
            markup: MARKUP,
            '300 digits': text.replace(ARGUMENT, '9'.repeat(300)),
            '1e309': text.replace(ARGUMENT, '1e309'),
          };
          for (const [name, value] of Object.entries(bad)) {
            const after = await enterText(value);
            if (!after.fieldInvalid) failures.push(`${label} ${name}: not marked aria-invalid`);
            else if (!after.fieldMessage) failures.push(`${label} ${name}: no message beside the field`);
            if (after.html !== restored.html) failures.push(`${label} ${name}: the last good result was replaced`);
            if (BROKEN_TEXT.test(`${after.summary}\n${after.text}\n${after.fieldMessage}`)) failures.push(`${label} ${name}: shows NaN/Infinity/undefined`);
          }
          if ((await enterText(text)).fieldInvalid) failures.push(`${label}: still invalid after restoring its text`);
        }
      }
      expect(failures).toEqual([]);
      expect(await page.evaluate(() => '__pwned' in window), 'markup ran').toBe(false);
      expect(problemList(problems), 'console, exceptions, dialogs').toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('hostile URL state (markup, 1e309, 300 digits) is refused and keeps the default result', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, url);
      const widgets = page.locator('[data-widget]');
      const defaults = await widgets.evaluateAll((ws) =>
        ws.map((w) => ({
          html: w.querySelector('[data-output]')?.innerHTML ?? '',
          values: Object.fromEntries([...w.querySelectorAll<HTMLInputElement>('[data-inputs] [name]')].map((el) => [el.name, el.value])),
        })),
      );
      // Every URL key of every widget: the keys of its server state (data-initial; e.g. the
      // receptive-field explorer keeps its layers in one `stack` key) and its field names.
      const keys = await widgets.evaluateAll((ws) =>
        ws.map((w) => {
          let initial: string[] = [];
          try {
            initial = Object.keys(JSON.parse((w as HTMLElement).dataset.initial ?? '{}'));
          } catch {
            initial = [];
          }
          const fields = [...w.querySelectorAll<HTMLInputElement>('[data-inputs] [name]')].map((el) => el.name);
          return [...new Set([...initial, ...fields])].map((k) => `${(w as HTMLElement).dataset.ns}.${k}`);
        }),
      );
      // Two loads: markup in every key; then huge numbers, as 1e309 and as 300 digits, alternately.
      const loads = [(_: number) => MARKUP, (i: number) => (i % 2 === 0 ? '1e309' : '9'.repeat(300))];
      for (const hostileFor of loads) {
        const hostile = hostileFor(0);
        await open(page, `${url}?${new URLSearchParams(keys.flat().map((k, i) => [k, hostileFor(i)]))}`);
        await page.waitForFunction(() => !document.querySelector('[data-widget] [aria-busy="true"]'));
        const seen = await widgets.evaluateAll((ws) =>
          ws.map((w) => ({
            name: (w as HTMLElement).dataset.widget,
            html: w.querySelector('[data-output]')?.innerHTML ?? '',
            text: `${(w.querySelector('[data-summary]') as HTMLElement | null)?.innerText}\n${(w.querySelector('[data-output]') as HTMLElement | null)?.innerText}`,
            // Fields a widget hides (options of another model) are not in play.
            fields: [...w.querySelectorAll<HTMLInputElement>('[data-inputs] [name]')].filter((el) => el.checkVisibility()).map((el) => ({
              name: el.name,
              value: el.value,
              invalid: el.getAttribute('aria-invalid') === 'true',
            })),
          })),
        );
        seen.forEach((w, i) => {
          const label = `${w.name} with ${JSON.stringify(hostile.slice(0, 20))}`;
          expect(w.html, `${label}: the default result stays`).toBe(defaults[i]!.html);
          expect(w.text, `${label}: broken values`).not.toMatch(BROKEN_TEXT);
          // A field took the URL's value and is marked, or the widget refused the link and kept its default.
          for (const f of w.fields) {
            expect(f.invalid || f.value === defaults[i]!.values[f.name], `${label}: field ${f.name} = ${JSON.stringify(f.value.slice(0, 20))}`).toBe(true);
          }
        });
        expect(await page.evaluate(() => '__pwned' in window), 'markup ran').toBe(false);
        expect(await page.locator('[data-widget] img[src="x"]').count(), 'markup inserted').toBe(0);
      }
      expect(problemList(problems), 'console, exceptions, dialogs').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.concurrent.each(translatedWidgetPages.map((p) => [`/${p.path}`, p] as const))('widgets on %s (a translation)', (_label, info) => {
  const url = rootUrl + info.path;

  test('without JavaScript, every widget shows its computed result', () => expectResultsWithoutJavaScript(url));

  test('with JavaScript, every widget starts and recomputes cleanly: no console error, no broken value', async () => {
    const context = await widgetContext();
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await open(page, url);
      const failures: string[] = [];
      for (const widget of await page.locator('[data-widget]').all()) {
        const name = `${await widget.getAttribute('data-widget')}#${await widget.getAttribute('data-ns')}`;
        const control = controlsOf(widget).first();
        if ((await controlsOf(widget).count()) === 0) continue;
        const value = await control.inputValue();
        // The field's own value again: the widget recomputes in the page's language.
        const { before } = await control.evaluate(probeField, { value, alternatives: [], bad: [] });
        if (BROKEN_TEXT.test(`${before.summary}\n${before.text}`)) failures.push(`${name}: shows NaN/Infinity/undefined`);
        if (before.summary.length === 0) failures.push(`${name}: no summary`);
      }
      expect(failures).toEqual([]);
      expect(problemList(problems), 'console, exceptions, dialogs').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
