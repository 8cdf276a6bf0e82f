/**
 * Browser side of the receptive-field explorer: the same contract as components/notebook/runtime.ts
 * (validation with a message beside the field, aria-invalid, the last good result kept, an aria-live
 * summary, URL state), plus a dynamic layer list and a keyboard- and pointer-operable output map.
 * URL: ?rf.stack=c3s1,p2s2&rf.size=16&rf.unit=1,2 (per-field ?rf.l2.k=5 is read too).
 */
import { markField, safeJson, setCellMessage } from '../../notebook/dom';
import { parseInteger } from '../../../src/widget/fields';
import { errorMessage, useMessages } from '../../../src/widget/messages';
import {
  LAYER_KEYS,
  MAX_LAYERS,
  blameRf,
  clampUnit,
  computeRf,
  describeRegion,
  fieldName,
  formatStack,
  inputGridSvg,
  layerRowsHtml,
  outputGridSvg,
  parseLayer,
  parseStack,
  parseUnit,
  rfDefaults,
  sizeField,
  summaryOf,
  tablesHtml,
  type LayerKind,
  type RawLayer,
  type RfLabels,
  type RfLayer,
  type RfResult,
  type RfState,
} from './rf-explorer';

interface Initial {
  size: number;
  stack: string;
  unit: string;
}

const NEW_LAYER: RawLayer = { kind: 'conv', k: '3', s: '1', d: '1', p: '0' };

class RfExplorerElement extends HTMLElement {
  private ns = 'rf';
  private uid = 'nb-rf';
  private labels = {} as RfLabels;
  private initial: Initial = { size: rfDefaults.size, stack: formatStack(rfDefaults.layers), unit: '1,2' };
  /** The unit shown is the one the reader chose, clamped while the map is smaller, restored once it fits. */
  private unit: readonly [number, number] = rfDefaults.unit;
  private chosen: readonly [number, number] = rfDefaults.unit;
  /** The last stack that computed; the map and the unit keys work on it while a field is invalid. */
  private good: { state: RfState; result: RfResult } | null = null;

  connectedCallback(): void {
    this.ns = this.dataset.ns ?? 'rf';
    this.uid = this.dataset.uid ?? `nb-${this.ns}`;
    // The page's labels, complete: the server wrote them (the bundle carries none of its own).
    this.labels = safeJson<RfLabels>(this.dataset.labels) ?? this.labels;
    this.initial = { ...this.initial, ...safeJson<Partial<Initial>>(this.dataset.initial) };
    useMessages(safeJson(this.dataset.messages));
    this.choose(parseUnit(this.initial.unit) ?? rfDefaults.unit);
    const form = this.querySelector<HTMLFormElement>('[data-inputs]');
    form?.addEventListener('input', () => this.update(true));
    form?.addEventListener('change', () => this.update(true));
    form?.addEventListener('keydown', (event) => this.step(event));
    form?.addEventListener('click', (event) => this.onFormClick(event));
    const grid = this.querySelector<HTMLElement>('[data-grid]');
    grid?.addEventListener('click', (event) => this.onGridClick(event));
    grid?.addEventListener('keydown', (event) => this.onGridKey(event));
    const reset = this.querySelector<HTMLButtonElement>('[data-reset]');
    reset?.addEventListener('click', () => this.reset());
    if (reset) reset.hidden = false;
    // The server render is the initial state: compute it once so the map works before any edit.
    this.update(false, { quiet: true });
    if (this.applyUrlState()) this.update(false);
    this.syncAdd(this.rows().length);
  }

  private input(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.querySelector(`[data-inputs] [name="${name}"]`);
  }

  private rows(): HTMLTableRowElement[] {
    return [...this.querySelectorAll<HTMLTableRowElement>('[data-layers] > tr')];
  }

  /** The layer list as typed (raw text), read from the fields. */
  private readLayers(): RawLayer[] {
    return this.rows().map((_, i) => {
      const kind = this.input(fieldName(i, 'kind'))?.value === 'pool' ? 'pool' : 'conv';
      const value = (key: (typeof LAYER_KEYS)[number]) => this.input(fieldName(i, key))?.value ?? '';
      return { kind: kind as LayerKind, k: value('k'), s: value('s'), d: value('d'), p: value('p') };
    });
  }

  private writeLayers(layers: readonly RawLayer[]): void {
    const body = this.querySelector('[data-layers]');
    if (body) body.innerHTML = layerRowsHtml(this.uid, layers, this.labels);
  }

  private applyUrlState(): boolean {
    const params = new URLSearchParams(location.search);
    let applied = false;
    const stack = params.get(`${this.ns}.stack`);
    if (stack !== null) {
      const parsed = parseStack(stack.slice(0, 201));
      if (parsed.ok) {
        this.writeLayers(parsed.value);
        applied = true;
      } else {
        setCellMessage(this, this.labels.stackMessage);
        return false;
      }
    }
    for (const [key, value] of params) {
      if (!key.startsWith(`${this.ns}.`) || key === `${this.ns}.stack` || key === `${this.ns}.unit`) continue;
      const input = this.input(key.slice(this.ns.length + 1));
      if (!input) continue;
      input.value = value.slice(0, 64);
      applied = true;
    }
    const unit = params.get(`${this.ns}.unit`);
    const parsedUnit = unit === null ? undefined : parseUnit(unit.slice(0, 16));
    if (parsedUnit) {
      this.choose(parsedUnit);
      applied = true;
    }
    return applied;
  }

  private onFormClick(event: Event): void {
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button || !this.contains(button)) return;
    const layers = this.readLayers();
    if (button.hasAttribute('data-add')) {
      if (layers.length >= MAX_LAYERS) {
        setCellMessage(this, `At most ${MAX_LAYERS} layers.`);
        return;
      }
      this.writeLayers([...layers, { ...NEW_LAYER }]);
      this.syncAdd(layers.length + 1);
      this.update(true);
      return;
    }
    const index = Number(button.getAttribute('data-remove'));
    if (!Number.isInteger(index) || layers.length <= 1) return;
    layers.splice(index, 1);
    this.writeLayers(layers);
    this.syncAdd(layers.length);
    this.update(true);
    // Keep focus in the list: the next row's remove button, or the last one.
    const buttons = this.querySelectorAll<HTMLButtonElement>('[data-remove]');
    buttons[Math.min(index, buttons.length - 1)]?.focus();
  }

  private syncAdd(count: number): void {
    const add = this.querySelector('[data-add]');
    if (!add) return;
    if (count >= MAX_LAYERS) add.setAttribute('aria-disabled', 'true');
    else add.removeAttribute('aria-disabled');
  }

  /** ArrowUp/ArrowDown step whole-number fields within their range, like a spin button. */
  private step(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const min = Number(input.dataset.min);
    const max = Number(input.dataset.max);
    const current = Number(input.value);
    if (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(current)) return;
    event.preventDefault();
    input.value = String(Math.min(max, Math.max(min, current + (event.key === 'ArrowUp' ? 1 : -1))));
    this.update(true);
  }

  private onGridClick(event: Event): void {
    const cell = (event.target as Element | null)?.closest?.('[data-y]');
    if (!cell || !this.good) return;
    const y = Number(cell.getAttribute('data-y'));
    const x = Number(cell.getAttribute('data-x'));
    if (!Number.isInteger(y) || !Number.isInteger(x)) return;
    this.moveTo([y, x]);
  }

  private onGridKey(event: KeyboardEvent): void {
    if (!this.good) return;
    const [y, x] = this.unit;
    const last = this.good.result.out - 1;
    const moves: Record<string, readonly [number, number]> = {
      ArrowUp: [y - 1, x],
      ArrowDown: [y + 1, x],
      ArrowLeft: [y, x - 1],
      ArrowRight: [y, x + 1],
      Home: [y, 0],
      End: [y, last],
      PageUp: [0, x],
      PageDown: [last, x],
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    this.moveTo(next);
  }

  private moveTo(unit: readonly [number, number]): void {
    if (!this.good) return;
    this.choose(clampUnit(unit, this.good.result.out));
    this.show({ ...this.good.state, unit: this.unit }, this.good.result);
    this.writeUrl(this.good.state);
  }

  private choose(unit: readonly [number, number]): void {
    this.chosen = this.unit = unit;
  }

  private reset(): void {
    const parsed = parseStack(this.initial.stack);
    if (parsed.ok) this.writeLayers(parsed.value);
    const size = this.input('size');
    if (size) size.value = String(this.initial.size);
    this.choose(parseUnit(this.initial.unit) ?? rfDefaults.unit);
    this.syncAdd(this.rows().length);
    this.update(true);
  }

  private update(writeUrl: boolean, options: { quiet?: boolean } = {}): void {
    let valid = true;
    const sizeInput = this.input('size');
    const size = parseInteger(sizeInput?.value ?? '', sizeField);
    markField(this, 'size', size.ok ? '' : size.message);
    if (!size.ok) valid = false;
    const layers: RfLayer[] = [];
    this.readLayers().forEach((raw, i) => {
      const { layer, errors } = parseLayer(raw, i);
      for (const key of LAYER_KEYS) {
        const name = fieldName(i, key);
        markField(this, name, errors[name] ?? '');
      }
      if (layer) layers.push(layer);
      else valid = false;
    });
    if (!options.quiet) setCellMessage(this, '');
    if (!valid || !size.ok) return;
    let result: RfResult;
    try {
      result = computeRf({ size: size.value, layers });
    } catch (error) {
      const message = errorMessage(error);
      const blamed = blameRf(error);
      if (blamed) markField(this, blamed, message);
      else setCellMessage(this, message);
      return;
    }
    const state: RfState = { size: size.value, layers, unit: clampUnit(this.chosen, result.out) };
    this.unit = state.unit;
    this.good = { state, result };
    if (!options.quiet) this.show(state, result);
    if (writeUrl) this.writeUrl(state);
  }

  private show(state: RfState, result: RfResult): void {
    const set = (selector: string, html: string) => {
      const el = this.querySelector(selector);
      if (el && el.innerHTML !== html) el.innerHTML = html;
    };
    set('[data-grid-in]', inputGridSvg(state, result, this.labels));
    set('[data-grid]', outputGridSvg(state, result));
    set('[data-tables]', tablesHtml(state, result, this.labels));
    const region = this.querySelector('[data-region]');
    const text = describeRegion(state, result.table, this.labels);
    if (region && region.textContent !== text) region.textContent = text;
    const cap = this.querySelector('[data-out-cap]');
    if (cap) cap.textContent = `${this.labels.output} ${result.out}×${result.out}`;
    const live = this.querySelector('[data-summary]');
    const summary = summaryOf(state, result, this.labels);
    if (live && live.textContent !== summary) live.textContent = summary;
  }

  private writeUrl(state: RfState): void {
    const url = new URL(location.href);
    for (const key of [...url.searchParams.keys()]) {
      if (/^l\d+\./.test(key.slice(this.ns.length + 1)) && key.startsWith(`${this.ns}.`)) url.searchParams.delete(key);
    }
    const entries: [string, string, string][] = [
      ['stack', formatStack(state.layers), this.initial.stack],
      ['size', String(state.size), String(this.initial.size)],
      ['unit', `${state.unit[0]},${state.unit[1]}`, this.initial.unit],
    ];
    for (const [name, value, initial] of entries) {
      if (value === initial) url.searchParams.delete(`${this.ns}.${name}`);
      else url.searchParams.set(`${this.ns}.${name}`, value);
    }
    history.replaceState(history.state, '', url);
  }
}

export function defineRfExplorer(): void {
  if (!customElements.get('nb-rf-explorer')) customElements.define('nb-rf-explorer', RfExplorerElement);
}
