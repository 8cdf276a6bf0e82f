/**
 * Browser side of the model explorer. Same contract as components/notebook/runtime.ts, but the set
 * of fields depends on the chosen models: option fields a model does not take are hidden, skipped
 * by validation and removed from the URL. One innerHTML per update; the time of the last update is
 * kept in data-update-ms (the page reports it for resnet152).
 */
import {
  FIELD_ORDER,
  ExplorerError,
  activeFields,
  explorerDefaults,
  parseExplorer,
  renderExplorer,
  unitTableHtml,
  type Explored,
  type ExplorerLabels,
  type ExplorerValues,
  type FieldName,
} from './model-explorer';
import { markField, safeJson, setCellMessage } from '../../notebook/dom';
import { errorMessage, useMessages } from '../../../src/widget/messages';


class ModelExplorerElement extends HTMLElement {
  private ns = 'ex';
  private labels = {} as ExplorerLabels;
  private initial: ExplorerValues = explorerDefaults;
  /** What the output currently shows; null while it is the server render (bodies already filled). */
  private explored: readonly Explored[] | null = null;

  connectedCallback(): void {
    this.ns = this.dataset.ns ?? 'ex';
    // The page's labels, complete: the server wrote them (the bundle carries none of its own).
    this.labels = safeJson<ExplorerLabels>(this.dataset.labels) ?? this.labels;
    this.initial = { ...explorerDefaults, ...safeJson<Partial<ExplorerValues>>(this.dataset.initial) };
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
    const tools = this.querySelector<HTMLElement>('[data-tools]');
    if (tools) tools.hidden = false;
    this.querySelector('[data-expand]')?.addEventListener('click', () => this.toggleAll(true));
    this.querySelector('[data-collapse]')?.addEventListener('click', () => this.toggleAll(false));
    // <details> 'toggle' does not bubble: listen in the capture phase to fill a unit when it opens.
    this.querySelector('[data-output]')?.addEventListener('toggle', (event) => this.fill(event.target), true);
    if (this.applyUrlState()) this.update(false);
  }

  private fill(target: EventTarget | null): void {
    if (!(target instanceof HTMLDetailsElement) || !target.open || this.explored === null) return;
    if (target.querySelector('table')) return;
    const x = this.explored[target.dataset.which === 'b' ? 1 : 0];
    const unit = Number(target.dataset.unit);
    if (x && Number.isInteger(unit)) target.insertAdjacentHTML('beforeend', unitTableHtml(x, unit, this.labels));
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-inputs] [name="${name}"]`);
  }

  private toggleAll(open: boolean): void {
    for (const d of this.querySelectorAll<HTMLDetailsElement>('[data-output] details')) {
      d.open = open;
      this.fill(d);
    }
  }

  /** `?ex.field=` values are put into the fields and validated like typing. */
  private applyUrlState(): boolean {
    const params = new URLSearchParams(location.search);
    let applied = false;
    for (const name of FIELD_ORDER) {
      const value = params.get(`${this.ns}.${name}`);
      const input = this.field(name);
      if (value === null || !input) continue;
      const text = value.slice(0, 64);
      input.value = text;
      // A <select> silently refuses an unknown value; remember what was asked for so it is reported.
      if (input instanceof HTMLSelectElement && input.value !== text) input.dataset.rejected = text;
      applied = true;
    }
    return applied;
  }

  private step(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'size' || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const current = Number(input.value);
    if (!Number.isInteger(current)) return;
    event.preventDefault();
    input.value = String(Math.min(2048, Math.max(16, current + (event.key === 'ArrowUp' ? 1 : -1))));
    this.update(true);
  }

  private reset(): void {
    for (const name of FIELD_ORDER) {
      const input = this.field(name);
      if (input) {
        input.value = String(this.initial[name]);
        delete input.dataset.rejected;
      }
    }
    this.update(true);
  }

  private readRaw(): Partial<Record<FieldName, string>> {
    const raw: Partial<Record<FieldName, string>> = {};
    for (const name of FIELD_ORDER) {
      const input = this.field(name);
      if (!input) continue;
      raw[name] = input.dataset.rejected ?? input.value;
    }
    return raw;
  }

  private update(writeUrl: boolean): void {
    const t0 = performance.now();
    // Typing into a select clears an earlier rejected URL value.
    for (const name of FIELD_ORDER) {
      const input = this.field(name);
      if (writeUrl && input instanceof HTMLSelectElement) delete input.dataset.rejected;
    }
    const raw = this.readRaw();
    const { values, errors } = parseExplorer(raw);
    const active = new Set(activeFields(values));
    for (const name of FIELD_ORDER) {
      const wrap = this.querySelector<HTMLElement>(`[data-field="${name}"]`);
      if (wrap) wrap.hidden = !active.has(name);
    }
    let valid = true;
    for (const name of FIELD_ORDER) {
      const message = active.has(name) ? (errors[name] ?? '') : '';
      markField(this, name, message);
      if (message) valid = false;
    }
    setCellMessage(this, '');
    if (!valid) return;
    let result: ReturnType<typeof renderExplorer>;
    try {
      result = renderExplorer(values, this.labels, { lazy: true });
    } catch (error) {
      if (error instanceof ExplorerError) markField(this, error.field, errorMessage(error.source));
      else setCellMessage(this, errorMessage(error));
      return;
    }
    const t1 = performance.now();
    const output = this.querySelector('[data-output]');
    const live = this.querySelector('[data-summary]');
    // Keep the groups the reader had open (same model side and name) open after the update.
    const wasOpen = new Set(
      [...this.querySelectorAll<HTMLDetailsElement>('[data-output] details[open]')].map((d) => `${d.dataset.which}:${d.querySelector('.ex-u-name')?.textContent ?? ''}`),
    );
    this.explored = result.explored;
    if (output) {
      output.innerHTML = result.html;
      if (wasOpen.size > 0) {
        for (const d of output.querySelectorAll<HTMLDetailsElement>('details')) {
          if (!wasOpen.has(`${d.dataset.which}:${d.querySelector('.ex-u-name')?.textContent ?? ''}`)) continue;
          d.open = true;
          this.fill(d);
        }
      }
    }
    if (live && live.textContent !== result.summary) live.textContent = result.summary;
    if (writeUrl) this.writeUrl(values, active);
    const t2 = performance.now();
    this.dataset.updateMs = (t2 - t0).toFixed(1);
    this.dataset.computeMs = (t1 - t0).toFixed(1);
  }



  private writeUrl(values: ExplorerValues, active: ReadonlySet<FieldName>): void {
    const url = new URL(location.href);
    for (const name of FIELD_ORDER) {
      const key = `${this.ns}.${name}`;
      if (!active.has(name) || values[name] === this.initial[name]) url.searchParams.delete(key);
      else url.searchParams.set(key, String(values[name]));
    }
    history.replaceState(history.state, '', url);
  }
}

export function defineExplorer(): void {
  if (!customElements.get('nb-model-explorer')) customElements.define('nb-model-explorer', ModelExplorerElement);
}
