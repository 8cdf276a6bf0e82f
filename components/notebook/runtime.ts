/**
 * Browser side of the widget contract: one custom element class per widget definition.
 * It reads the fields, validates them (src/site/fields.ts), re-renders the output with the
 * same pure render the server used, and mirrors valid state into the URL query
 * (`?<ns>.<field>=value`). Bad input marks the field, shows a message and keeps the last
 * good result. Nothing here throws to the console.
 */
import { parseField } from '../../src/site/fields.ts';
import { errorMessage, useMessages } from '../../src/site/messages.ts';
import type { AnyWidgetDef, WidgetDef, WidgetLabels, WidgetValues } from '../../src/site/widget.ts';
import { markField, safeJson, setCellMessage } from './dom';

type AnyDef = AnyWidgetDef;

export function registerWidget<V extends WidgetValues, L extends WidgetLabels>(definition: WidgetDef<V, L>): void {
  const def: AnyDef = definition;
  const tag = `nb-${def.name}`;
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends NotebookCell {
      protected readonly def = def;
    },
  );
}

abstract class NotebookCell extends HTMLElement {
  protected abstract readonly def: AnyDef;
  private labels: WidgetLabels = {};
  private initial: WidgetValues = {};
  private ns = '';

  connectedCallback(): void {
    this.ns = this.dataset.ns ?? this.def.name;
    this.labels = safeJson(this.dataset.labels) ?? this.def.labels;
    this.initial = safeJson(this.dataset.initial) ?? this.def.defaults;
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
    this.def.enhance?.(this, { refresh: () => this.update(true), labels: this.labels });
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-inputs] [name="${name}"]`);
  }

  /** Fills fields from `?ns.field=` parameters; hostile values are validated like typing. */
  private applyUrlState(): boolean {
    const params = new URLSearchParams(location.search);
    let applied = false;
    for (const name of Object.keys(this.def.fields)) {
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
    const field = this.def.fields[input.name];
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

  private update(writeUrl: boolean): void {
    const values: WidgetValues = {};
    let valid = true;
    for (const [name, def] of Object.entries(this.def.fields)) {
      const input = this.field(name);
      if (!input) continue;
      const result = parseField(input.value, def);
      markField(this, name, result.ok ? '' : result.message);
      if (result.ok) values[name] = result.value;
      else valid = false;
    }
    setCellMessage(this, '');
    if (!valid) return;
    let html: string;
    let summary: string;
    try {
      html = this.def.render(values, this.labels);
      summary = this.def.summary(values, this.labels);
    } catch (error) {
      const message = errorMessage(error);
      const blamed = error instanceof Error ? this.def.blame?.(error, values) : undefined;
      if (blamed !== undefined) markField(this, String(blamed), message);
      else setCellMessage(this, message);
      return;
    }
    const output = this.querySelector('[data-output]');
    const live = this.querySelector('[data-summary]');
    if (output) output.innerHTML = html;
    if (live && live.textContent !== summary) live.textContent = summary;
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

