/**
 * Browser side of the LRN cell, following the notebook runtime's contract attribute for
 * attribute: validate every field on input, mark bad ones (aria-invalid + message), keep the
 * last good result, announce a one-line summary, mirror valid state into `?<ns>.<field>=`.
 * Nothing here throws to the console.
 */
import { isCalcError } from '../../../src/calc/index';
import {
  formatLrnField,
  lrnBlame,
  lrnFieldNames,
  lrnFieldSpecs,
  lrnSummary,
  parseLrnField,
  renderLrn,
  type LrnField,
  type LrnLabels,
  type LrnValues,
} from './lrn-demo';
import { markField, safeJson, setCellMessage } from '../../notebook/dom';
import { useMessages } from '../../../src/widget/messages';


class LrnDemoElement extends HTMLElement {
  private labels = {} as LrnLabels;
  private initial: Partial<Record<LrnField, string>> = {};
  private ns = 'lrn-demo';

  connectedCallback(): void {
    this.ns = this.dataset.ns ?? 'lrn-demo';
    // The page's labels, complete: the server wrote them (the bundle carries none of its own).
    this.labels = safeJson<LrnLabels>(this.dataset.labels) ?? this.labels;
    this.initial = safeJson(this.dataset.initial) ?? {};
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
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-inputs] [name="${name}"]`);
  }

  private applyUrlState(): boolean {
    const params = new URLSearchParams(location.search);
    let applied = false;
    for (const name of lrnFieldNames) {
      const value = params.get(`${this.ns}.${name}`);
      const input = this.field(name);
      if (value === null || !input) continue;
      input.value = value.slice(0, 200);
      applied = true;
    }
    return applied;
  }

  /** ArrowUp/ArrowDown step the whole-number fields (n by 2, so it stays odd). */
  private step(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const name = input.name as LrnField;
    if (name !== 'n' && name !== 'channel') return;
    const spec = lrnFieldSpecs[name];
    const current = Number(input.value);
    if (!Number.isInteger(current)) return;
    const up = event.key === 'ArrowUp';
    // n must be odd: step to the next odd value (from an even one too).
    const moved = name === 'n' ? (current % 2 === 0 ? current + (up ? 1 : -1) : current + (up ? 2 : -2)) : current + (up ? 1 : -1);
    const next = Math.min(spec.max, Math.max(spec.min, moved));
    event.preventDefault();
    input.value = String(next);
    this.update(true);
  }

  private reset(): void {
    for (const [name, value] of Object.entries(this.initial)) {
      const input = this.field(name);
      if (input && typeof value === 'string') input.value = value;
    }
    this.update(true);
  }

  private update(writeUrl: boolean): void {
    const values: Record<string, unknown> = {};
    let valid = true;
    for (const name of lrnFieldNames) {
      const input = this.field(name);
      if (!input) continue;
      const result = parseLrnField(name, input.value);
      markField(this, name, result.ok ? '' : result.message);
      if (result.ok) values[name] = result.value;
      else valid = false;
    }
    setCellMessage(this, '');
    if (!valid) return;
    const v = values as unknown as LrnValues;
    let html: string;
    let summary: string;
    try {
      html = renderLrn(v, this.labels);
      summary = lrnSummary(v, this.labels);
    } catch (error) {
      const message = isCalcError(error) ? sentence(error.problem) : this.labels.failed;
      const blamed = lrnBlame(error);
      if (blamed !== undefined) markField(this, blamed, message);
      else setCellMessage(this, message);
      return;
    }
    const output = this.querySelector('[data-output]');
    const live = this.querySelector('[data-summary]');
    if (output) output.innerHTML = html;
    if (live && live.textContent !== summary) live.textContent = summary;
    if (writeUrl) this.writeUrl(v);
  }



  private writeUrl(v: LrnValues): void {
    const url = new URL(location.href);
    for (const name of lrnFieldNames) {
      const text = formatLrnField(name, v[name]);
      const key = `${this.ns}.${name}`;
      // Compare parsed forms so "1e-4" and "0.0001" both count as the default.
      const initial = this.initial[name];
      const parsedInitial = initial === undefined ? undefined : parseLrnField(name, initial);
      const same = parsedInitial?.ok === true && formatLrnField(name, parsedInitial.value) === text;
      if (same) url.searchParams.delete(key);
      else url.searchParams.set(key, name === 'acts' ? text.replace(/ /g, '') : text);
    }
    history.replaceState(history.state, '', url);
  }
}

/** The problem as a sentence: capitalised, with a full stop unless it ends in one (。 included). */
function sentence(text: string): string {
  const capital = capitalise(text);
  return /[.。]$/.test(capital) ? capital : `${capital}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function defineLrnElement(): void {
  if (!customElements.get('nb-lrn-demo')) customElements.define('nb-lrn-demo', LrnDemoElement);
}
