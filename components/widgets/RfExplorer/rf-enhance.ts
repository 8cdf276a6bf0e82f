/**
 * The receptive-field explorer's `enhance` hook: the editable layer table (add, remove, arrow
 * keys) and the clickable, keyboard-operable output map. Both only write the cell's hidden
 * fields, `stack` ("c3s1,p2s2") and `unit` ("1,2"), so the runtime stays the one place that
 * validates them, renders, and keeps the URL state (?rf.stack=…&rf.size=…&rf.unit=…). The
 * table's own values are checked here, each marked beside its control; while one is invalid
 * the stack field is empty, so the last good result stays. ?rf.l2.k=5 in a URL is read too.
 */
import { markField, safeJson, setCellMessage } from '../../notebook/dom';
import { fill } from '../../../src/widget/template';
import type { CellHandle } from '../../../src/widget/widget';
import { clampUnit, type RfLabels } from './rf-explorer';
import { stepped } from '../../../src/widget/fields';
import {
  LAYER_KEYS,
  MAX_LAYERS,
  fieldName,
  formatStack,
  layerFields,
  layerRowsHtml,
  parseLayer,
  parseStack,
  type LayerKey,
  type RawLayer,
  type RfLayer,
} from './rf-stack';

const NEW_LAYER: RawLayer = { kind: 'conv', k: '3', s: '1', d: '1', p: '0' };
/** A layer control's URL key after the namespace: "l2.k". */
const LAYER_KEY = /^l\d+\.(kind|k|s|d|p)$/;

export function rfEnhance(root: HTMLElement, cell: CellHandle): void {
  const form = root.querySelector<HTMLFormElement>('[data-inputs]');
  const body = root.querySelector<HTMLElement>('[data-layers]');
  const hidden = (name: string) => root.querySelector<HTMLInputElement>(`[data-inputs] input[name="${name}"]`);
  const stack = hidden('stack');
  const unit = hidden('unit');
  if (!form || !body || !stack || !unit) return;
  const labels = cell.labels as RfLabels;
  const ns = root.dataset.ns ?? 'rf';
  const initial = { size: '', stack: stack.defaultValue, unit: unit.defaultValue, ...safeJson<Record<string, string | number>>(root.dataset.initial) };
  const control = (name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);

  const readLayers = (): RawLayer[] =>
    [...body.querySelectorAll('tr')].map((_, i) => {
      const value = (key: string) => control(fieldName(i, key as 'k'))?.value ?? '';
      return { kind: value('kind') === 'pool' ? 'pool' : 'conv', k: value('k'), s: value('s'), d: value('d'), p: value('p') };
    });
  const writeLayers = (layers: readonly RawLayer[]): void => {
    body.innerHTML = layerRowsHtml(`nb-${ns}`, layers, labels);
    const add = root.querySelector('[data-add]');
    if (layers.length >= MAX_LAYERS) add?.setAttribute('aria-disabled', 'true');
    else add?.removeAttribute('aria-disabled');
  };
  /** Checks every row, marks each control, and writes the stack they spell ('' while one is invalid). */
  const syncStack = (): void => {
    const layers: RfLayer[] = [];
    readLayers().forEach((raw, i) => {
      const { layer, errors } = parseLayer(raw, i);
      for (const key of LAYER_KEYS) markField(root, fieldName(i, key), errors[fieldName(i, key)] ?? '');
      if (layer) layers.push(layer);
    });
    stack.value = layers.length === body.querySelectorAll('tr').length ? formatStack(layers) : '';
  };
  const chooseUnit = (y: number, x: number): void => {
    unit.value = `${y},${x}`;
    unit.dispatchEvent(new Event('input', { bubbles: true }));
  };

  // Before the runtime's own listeners (on the form and the reset button): the stack is current.
  form.addEventListener('input', syncStack, true);
  form.addEventListener('change', syncStack, true);
  root.addEventListener(
    'click',
    (event) => {
      if (!(event.target as Element | null)?.closest?.('[data-reset]')) return;
      const layers = parseStack(String(initial.stack));
      if (layers) writeLayers(layers);
    },
    true,
  );
  body.addEventListener('keydown', (event) => stepLayerValue(event));
  form.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button || (!body.contains(button) && !button.hasAttribute('data-add'))) return;
    const layers = readLayers();
    if (button.hasAttribute('data-add')) {
      if (layers.length >= MAX_LAYERS) return setCellMessage(root, fill(labels.maxLayers, { max: MAX_LAYERS }));
      writeLayers([...layers, NEW_LAYER]);
    } else {
      const index = Number(button.getAttribute('data-remove'));
      if (!Number.isInteger(index) || layers.length <= 1) return;
      layers.splice(index, 1);
      writeLayers(layers);
      // Keep focus in the list: the next row's remove button, or the last one.
      const buttons = body.querySelectorAll<HTMLButtonElement>('[data-remove]');
      buttons[Math.min(index, buttons.length - 1)]?.focus();
    }
    syncStack();
    cell.refresh();
  });
  root.addEventListener('click', (event) => {
    const picked = (event.target as Element | null)?.closest?.('[data-grid] [data-y]');
    if (picked) chooseUnit(Number(picked.getAttribute('data-y')), Number(picked.getAttribute('data-x')));
  });
  root.addEventListener('keydown', (event) => {
    const grid = (event.target as Element | null)?.closest?.('[data-grid]');
    const shown = grid?.querySelector('.rf-sel');
    if (!grid || !shown) return;
    const out = Math.sqrt(grid.querySelectorAll('[data-y]').length);
    const next = moved(event.key, Number(shown.getAttribute('data-y')), Number(shown.getAttribute('data-x')), out);
    if (!next) return;
    event.preventDefault();
    chooseUnit(...clampUnit(next, out));
  });

  adoptUrlState();

  /** The runtime put the URL's stack into its field: show it in the table, with any ?rf.l2.k=. */
  function adoptUrlState(): void {
    const params = new URLSearchParams(location.search);
    const layers = parseStack(stack!.value);
    if (!layers) {
      // A stack no one could have written: the whole link is refused, the default shown.
      for (const name of ['stack', 'size', 'unit'] as const) {
        const input = control(name);
        if (input) input.value = String(initial[name]);
        markField(root, name, '');
      }
      setCellMessage(root, labels.stackMessage);
      return;
    }
    const layerParams = [...params].filter(([key]) => key.startsWith(`${ns}.`) && LAYER_KEY.test(key.slice(ns.length + 1)));
    if (!params.has(`${ns}.stack`) && layerParams.length === 0) return;
    writeLayers(layers);
    for (const [key, value] of layerParams) {
      const input = control(key.slice(ns.length + 1));
      if (input) input.value = value.slice(0, 64);
    }
    syncStack();
    cell.refresh();
  }

  /** ArrowUp/ArrowDown step a layer value within its range, like a spin button. */
  function stepLayerValue(event: KeyboardEvent): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const field = layerFields[input.name.split('.')[1] as LayerKey];
    const next = field && stepped(field, Number(input.value), event.key === 'ArrowUp');
    if (next === undefined) return;
    event.preventDefault();
    input.value = String(next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** The unit a key moves to on an out×out map: arrows by one, Home/End along the row, PageUp/PageDown along the column. */
function moved(key: string, y: number, x: number, out: number): readonly [number, number] | undefined {
  const last = out - 1;
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
  return moves[key];
}
