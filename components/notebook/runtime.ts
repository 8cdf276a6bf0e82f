/**
 * Browser side of the widget contract: one custom element class per widget definition.
 * It reads the fields, validates them (src/widget/fields.ts), re-renders the output with the
 * same pure render the server used, and mirrors valid state into the URL query
 * (`?<ns>.<field>=value`). Bad input marks the field, shows a message and keeps the last
 * good result. Nothing here throws to the console.
 *
 * A widget whose render takes longer than a frame renders in its own Web Worker
 * (`registerWorkerWidget`): the cell keeps the previous result, marked `aria-busy` (and dimmed
 * by CSS), until the newest request's result arrives; older results are dropped. A result
 * updates only the output's nodes that differ from it (morph.ts).
 */
import { parseField } from '../../src/widget/fields.ts';
import { errorMessage, useMessages } from '../../src/widget/messages.ts';
import type { AnyWidgetDef, WidgetDef, WidgetForm, WidgetLabels, WidgetValues } from '../../src/widget/widget.ts';
import { markField, safeJson, setCellMessage } from './dom';
import { morphInner } from './morph';
import { errorOf, renderRequest, type RenderClient, type RenderReply } from './render-request';

type AnyForm = WidgetForm<WidgetValues>;

export function registerWidget<V extends WidgetValues, L extends WidgetLabels>(definition: WidgetDef<V, L>): void {
  const def: AnyWidgetDef = definition;
  define(def, class extends NotebookCell {
    protected readonly form = def;
    protected render(values: WidgetValues, labels: WidgetLabels): RenderReply {
      return renderRequest(def, { values, labels });
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
      return client.request(this.ns, { values, labels });
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
    for (const name of Object.keys(this.form.fields)) {
      const value = params.get(`${this.ns}.${name}`);
      const input = this.field(name);
      if (value === null || !input) continue;
      input.value = value.slice(0, 64);
      applied = true;
    }
    return applied;
  }

  /** ArrowUp/ArrowDown step whole-number fields, like a spin button. */
  private step(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const field = this.form.fields[input.name];
    const current = Number(input.value);
    if (field?.kind !== 'int' || !Number.isInteger(current)) return;
    const next = Math.min(field.max, Math.max(field.min, current + (event.key === 'ArrowUp' ? 1 : -1)));
    event.preventDefault();
    input.value = String(next);
    this.update(true);
  }

  private reset(): void {
    for (const [name, value] of Object.entries(this.initial)) {
      const input = this.field(name);
      if (input) input.value = String(value);
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
    let valid = true;
    for (const [name, def] of Object.entries(this.form.fields)) {
      const input = this.field(name);
      if (!input) continue;
      const result = parseField(input.value, def);
      markField(this, name, result.ok ? '' : result.message);
      if (result.ok) values[name] = result.value;
      else valid = false;
    }
    setCellMessage(this, '');
    if (!valid) {
      // The last good result stays; a render of earlier values must not replace it.
      this.cancel();
      this.busy(false);
      return;
    }
    const reply = this.render(values, this.labels);
    if (!(reply instanceof Promise)) {
      this.show(reply, values, writeUrl);
      return;
    }
    this.busy(true);
    void reply.then((settled) => {
      if (settled === null) return; // a newer render is on its way
      this.busy(false);
      this.show(settled, values, writeUrl);
    });
  }

  private show(reply: RenderReply, values: WidgetValues, writeUrl: boolean): void {
    if (!reply.ok) {
      const message = errorMessage(errorOf(reply.error));
      if (reply.blamed !== undefined) markField(this, reply.blamed, message);
      else setCellMessage(this, message);
      return;
    }
    const output = this.querySelector('[data-output]');
    const live = this.querySelector('[data-summary]');
    // Only what changed is replaced: a new result restyles and repaints its numbers, not the cell.
    if (output) morphInner(output, reply.html);
    if (live && live.textContent !== reply.summary) live.textContent = reply.summary;
    if (writeUrl) this.writeUrl(values);
  }

  private writeUrl(values: WidgetValues): void {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(values)) {
      if (value === this.initial[name]) url.searchParams.delete(`${this.ns}.${name}`);
      else url.searchParams.set(`${this.ns}.${name}`, String(value));
    }
    history.replaceState(history.state, '', url);
  }
}
