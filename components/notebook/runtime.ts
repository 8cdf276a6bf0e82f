/**
 * Browser side of the widget contract: one custom element class per widget definition.
 * It reads the fields, validates them (src/widget/fields.ts), re-renders the output with the
 * same pure render the server used, and mirrors valid state into the URL query
 * (`?<ns>.<field>=value`) once the reader pauses. Bad input marks the field, shows a message and keeps the last
 * good result. Nothing here throws to the console.
 *
 * A widget whose render takes longer than a frame renders in its own Web Worker
 * (`registerWorkerWidget`): the cell keeps the previous result, marked `aria-busy` (and dimmed
 * by CSS), until the newest request's result arrives; older results are dropped. A result
 * updates only the output's nodes that differ from it (morph.ts).
 */
import { fieldText, maxInputLength, parseField, stepped, urlText } from '../../src/widget/fields.ts';
import { errorMessage, useMessages } from '../../src/widget/messages.ts';
import type { AnyWidgetDef, WidgetDef, WidgetForm, WidgetLabels, WidgetValues } from '../../src/widget/widget.ts';
import { markField, safeJson, setCellMessage } from './dom';
import { morphInner } from './morph';
import { errorOf, renderRequest, type RenderClient, type RenderReply } from './render-request';

type AnyForm = WidgetForm<WidgetValues>;

/** How long the reader pauses before the URL follows the result (writeUrlSoon). */
const URL_DELAY_MS = 300;

export function registerWidget<V extends WidgetValues, L extends WidgetLabels>(definition: WidgetDef<V, L>): void {
  const def: AnyWidgetDef = definition;
  define(def, class extends NotebookCell {
    protected readonly form = def;
    protected render(values: WidgetValues, labels: WidgetLabels): RenderReply {
      return renderRequest(def, { values, labels, id: `nb-${this.ns}` });
    }
    protected override enhance(): void {
      def.enhance?.(this, { refresh: () => this.update(true), labels: this.labels });
    }
    protected override ownLabels(): WidgetLabels {
      return def.labels;
    }
  });
}

/** A widget rendered off the main thread: only its form loads with the page. */
export function registerWorkerWidget<V extends WidgetValues>(widgetForm: WidgetForm<V>, client: RenderClient): void {
  const form = widgetForm as AnyForm;
  define(form, class extends NotebookCell {
    protected readonly form = form;
    protected render(values: WidgetValues, labels: WidgetLabels): Promise<RenderReply | null> {
      return client.request(this.ns, { values, labels, id: `nb-${this.ns}` });
    }
    protected override cancel(): void {
      client.cancel(this.ns);
    }
  });
}

function define(form: AnyForm, element: CustomElementConstructor): void {
  const tag = `nb-${form.name}`;
  if (!customElements.get(tag)) customElements.define(tag, element);
}

abstract class NotebookCell extends HTMLElement {
  protected abstract readonly form: AnyForm;
  /** The output for valid values: at once, or later from a worker (null: superseded). */
  protected abstract render(values: WidgetValues, labels: WidgetLabels): RenderReply | Promise<RenderReply | null>;
  /** Forgets a render still on its way (the fields turned invalid). */
  protected cancel(): void {}
  /** Behaviour beyond recompute, once connected. */
  protected enhance(): void {}
  /** Labels when the cell's own are unreadable (a worker's render fills them from the definition). */
  protected ownLabels(): WidgetLabels {
    return {};
  }
  protected labels: WidgetLabels = {};
  protected ns = '';
  private initial: WidgetValues = {};
  /** The result last written (null: the server's). */
  private shownHtml: string | null = null;
  /** The URL write waiting for the reader to pause (writeUrlSoon). */
  private pendingUrl: (() => void) | null = null;
  private urlTimer = 0;

  connectedCallback(): void {
    this.ns = this.dataset.ns ?? this.form.name;
    this.labels = safeJson(this.dataset.labels) ?? this.ownLabels();
    this.initial = safeJson(this.dataset.initial) ?? this.form.defaults;
    useMessages(safeJson(this.dataset.messages));
    const form = this.querySelector<HTMLFormElement>('[data-inputs]');
    form?.addEventListener('input', () => this.update(true));
    form?.addEventListener('change', () => this.update(true));
    form?.addEventListener('keydown', (event) => this.step(event));
    const reset = this.querySelector<HTMLButtonElement>('[data-reset]');
    if (reset) {
      reset.hidden = false;
      reset.addEventListener('click', () => this.reset());
    }
    addEventListener('pagehide', this.flushUrl);
    if (this.applyUrlState()) this.update(false);
    this.enhance();
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-inputs] [name="${name}"]`);
  }

  /** Fills fields from `?ns.field=` parameters; hostile values are validated like typing. */
  private applyUrlState(): boolean {
    const params = new URLSearchParams(location.search);
    let applied = false;
    for (const [name, field] of Object.entries(this.form.fields)) {
      if (field.kind === 'text') continue; // a whole text is not kept in the query (fields.ts)
      const value = params.get(`${this.ns}.${name}`);
      const input = this.field(name);
      if (value === null || !input) continue;
      input.value = value.slice(0, maxInputLength(this.form.fields[name]!));
      applied = true;
    }
    return applied;
  }

  /** ArrowUp/ArrowDown step whole-number fields to the next allowed value, like a spin button. */
  private step(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const field = this.form.fields[input.name];
    const next = field && stepped(field, Number(input.value), event.key === 'ArrowUp');
    if (next === undefined) return;
    event.preventDefault();
    input.value = String(next);
    this.update(true);
  }

  private reset(): void {
    for (const [name, value] of Object.entries(this.initial)) {
      const input = this.field(name);
      if (input) input.value = fieldText(value);
    }
    this.update(true);
  }

  /** Marks the output as being recomputed; the previous result stays until the new one arrives. */
  private busy(on: boolean): void {
    const output = this.querySelector('.nb-output');
    if (on) output?.setAttribute('aria-busy', 'true');
    else output?.removeAttribute('aria-busy');
  }

  protected update(writeUrl: boolean): void {
    const values: WidgetValues = {};
    const problems = new Map<string, string>();
    for (const [name, def] of Object.entries(this.form.fields)) {
      const input = this.field(name);
      if (!input) continue;
      const result = parseField(input.value, def, undefined, this.labels);
      if (result.ok) values[name] = result.value;
      else problems.set(name, result.message);
    }
    const active = this.showActive(values);
    let valid = true;
    for (const name of Object.keys(this.form.fields)) {
      const message = active.has(name) ? (problems.get(name) ?? '') : '';
      markField(this, name, message);
      if (message) valid = false;
    }
    setCellMessage(this, '');
    if (!valid) {
      // The last good result stays; a render of earlier values must not replace it.
      this.cancel();
      this.busy(false);
      return;
    }
    // An inactive field that does not parse (an option of another model) renders as its default.
    const all = { ...this.form.defaults, ...values };
    const reply = this.render(all, this.labels);
    if (!(reply instanceof Promise)) {
      this.show(reply, all, writeUrl, active);
      return;
    }
    this.busy(true);
    void reply.then((settled) => {
      if (settled === null) return; // a newer render is on its way
      this.busy(false);
      this.show(settled, all, writeUrl, active);
    });
  }

  /** Shows the fields that apply to these values (all, for most widgets) and returns their names. */
  private showActive(values: WidgetValues): ReadonlySet<string> {
    const names = Object.keys(this.form.fields);
    if (!this.form.active) return new Set(names);
    const active = new Set<string>(this.form.active({ ...this.form.defaults, ...values }));
    for (const name of names) {
      const wrap = this.querySelector<HTMLElement>(`[data-inputs] [data-field="${name}"]`);
      if (wrap) wrap.hidden = !active.has(name);
    }
    return active;
  }

  private show(reply: RenderReply, values: WidgetValues, writeUrl: boolean, active: ReadonlySet<string>): void {
    if (!reply.ok) {
      const message = errorMessage(errorOf(reply.error));
      if (reply.blamed !== undefined) markField(this, reply.blamed, message);
      else setCellMessage(this, message);
      return;
    }
    const output = this.querySelector('[data-output]');
    const live = this.querySelector('[data-summary]');
    // Only what changed is replaced: a new result restyles and repaints its numbers, not the cell.
    // The same result is left alone (typing in a text field the widget parses itself re-renders it).
    if (output && reply.html !== this.shownHtml) morphKeepingOpen(output, reply.html);
    this.shownHtml = reply.html;
    if (live && live.textContent !== reply.summary) live.textContent = reply.summary;
    if (writeUrl) this.writeUrlSoon(values, active);
  }

  /**
   * The URL follows the result once the reader pauses (URL_DELAY_MS after the last change), in
   * one history.replaceState: a write is a same-document navigation (7–15 ms of main-thread CPU at
   * 4× throttling, and Chromium then refetches and decodes the page's icon), which would otherwise
   * run between a worker's reply and the frame that shows it, on every step of a reader's typing.
   * Leaving the page writes what is pending, so Back returns to the state the reader left.
   */
  private writeUrlSoon(values: WidgetValues, active: ReadonlySet<string>): void {
    this.pendingUrl = () => this.writeUrl(values, active);
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(this.flushUrl, URL_DELAY_MS);
  }

  private readonly flushUrl = (): void => {
    clearTimeout(this.urlTimer);
    const write = this.pendingUrl;
    this.pendingUrl = null;
    write?.();
  };

  private writeUrl(values: WidgetValues, active: ReadonlySet<string>): void {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(values)) {
      if (this.form.fields[name]?.kind === 'text') continue;
      const initial = this.initial[name];
      if (!active.has(name) || (initial !== undefined && urlText(value) === urlText(initial))) url.searchParams.delete(`${this.ns}.${name}`);
      else url.searchParams.set(`${this.ns}.${name}`, urlText(value));
    }
    history.replaceState(history.state, '', url);
  }
}

/** Brings a result to new HTML; a <details> the reader opened (same summary text) stays open. */
function morphKeepingOpen(output: Element, html: string): void {
  const summaryOf = (d: HTMLDetailsElement) => d.querySelector('summary')?.textContent ?? '';
  const open = new Set([...output.querySelectorAll<HTMLDetailsElement>('details[open]')].map(summaryOf));
  morphInner(output, html);
  if (open.size === 0) return;
  for (const d of output.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(summaryOf(d))) d.open = true;
}
