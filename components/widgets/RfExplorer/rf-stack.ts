/**
 * The receptive-field explorer's layer stack as text and as table rows: "c3s1,p2s2" (the URL
 * state and the cell's hidden `stack` field), the raw values of each row, and the rows' HTML,
 * which the server and the enhance hook render alike.
 */
import { int, parseInteger, type IntegerField } from '../../../src/widget/fields';
import { escapeHtml as e } from '../../../src/widget/html';
import type { RfLabels } from './rf-explorer';

export type LayerKind = 'conv' | 'pool';
export interface RfLayer {
  readonly kind: LayerKind;
  readonly k: number;
  readonly s: number;
  readonly d: number;
  readonly p: number;
}
export type LayerKey = 'k' | 's' | 'd' | 'p';
export const LAYER_KEYS: readonly LayerKey[] = ['k', 's', 'd', 'p'];
export const MAX_LAYERS = 8;

export const layerFields: Readonly<Record<LayerKey, IntegerField>> = {
  k: int(1, 9),
  s: int(1, 4),
  d: int(1, 4),
  p: int(0, 4),
};

/** A control of a layer row: "l2.k" is layer 2's kernel. */
export type LayerFieldName = `l${number}.${LayerKey | 'kind'}`;

/** One layer in the stack's text after its kind (c or p): kernel, then stride, dilation, padding. */
const NUMBERS = '(\\d{1,3})(?:s(\\d{1,3}))?(?:d(\\d{1,3}))?(?:p(\\d{1,3}))?';
const TOKEN_SOURCE = `[cp]${NUMBERS}`;
/** The whole stack, 1 to MAX_LAYERS layers: what the cell's `stack` field accepts. */
export const STACK_PATTERN = new RegExp(`^\\s*${TOKEN_SOURCE}\\s*(?:,\\s*${TOKEN_SOURCE}\\s*){0,${MAX_LAYERS - 1}}$`, 'i');

/** Form field name of a layer's value: "l2.k" is layer 2's kernel. */
export function fieldName(index: number, key: LayerKey | 'kind'): LayerFieldName {
  return `l${index + 1}.${key}`;
}

/** "c3s1", "c3s2d2p2", "p2s2": kind, kernel, then stride, and dilation/padding when not 1/0. */
export function formatStack(layers: readonly RfLayer[]): string {
  return layers
    .map((l) => `${l.kind === 'conv' ? 'c' : 'p'}${l.k}s${l.s}${l.d !== 1 ? `d${l.d}` : ''}${l.p !== 0 ? `p${l.p}` : ''}`)
    .join(',');
}

/** Raw text of each field of one layer, before validation (what a URL puts into the fields). */
export interface RawLayer {
  readonly kind: LayerKind;
  readonly k: string;
  readonly s: string;
  readonly d: string;
  readonly p: string;
}

const TOKEN = new RegExp(`^([cp])${NUMBERS}$`);

/**
 * Reads `c3s1,c3s1,p2s2`. Structure is checked here (at most MAX_LAYERS tokens, each matching
 * the grammar); values are returned as text so that out-of-range numbers are reported on their
 * field like typing. Anything else (markup, huge input) is rejected as a whole: undefined (the
 * cell's stack field says why; only a URL can put such text there).
 */
export function parseStack(text: string): RawLayer[] | undefined {
  const tokens = text.trim().toLowerCase().split(',');
  if (text.length > 200 || tokens.length > MAX_LAYERS) return undefined;
  const layers: RawLayer[] = [];
  for (const token of tokens) {
    const m = TOKEN.exec(token.trim());
    if (!m) return undefined;
    layers.push({ kind: m[1] === 'c' ? 'conv' : 'pool', k: m[2]!, s: m[3] ?? (m[1] === 'p' ? m[2]! : '1'), d: m[4] ?? '1', p: m[5] ?? '0' });
  }
  return layers;
}

/** "2,3" → [2, 3]; anything else is rejected (the caller keeps its unit). */
export function parseUnit(text: string): readonly [number, number] | undefined {
  const m = /^(\d{1,2}),(\d{1,2})$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Validates one layer's raw values: errors by field name ("l2.k"), or the layer. */
export function parseLayer(raw: RawLayer, index: number): { layer?: RfLayer; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values: Partial<Record<LayerKey, number>> = {};
  for (const key of LAYER_KEYS) {
    const r = parseInteger(raw[key], layerFields[key]);
    if (r.ok) values[key] = r.value;
    else errors[fieldName(index, key)] = r.message;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { layer: { kind: raw.kind, k: values.k!, s: values.s!, d: values.d!, p: values.p! }, errors };
}

export function rawOf(layer: RfLayer): RawLayer {
  return { kind: layer.kind, k: String(layer.k), s: String(layer.s), d: String(layer.d), p: String(layer.p) };
}

/** Rows of the layer table; every value is escaped (a URL may have put any text there). */
export function layerRowsHtml(uid: string, layers: readonly RawLayer[], labels: RfLabels): string {
  const atMin = layers.length <= 1;
  return layers
    .map((raw, i) => {
      const row = `${uid}-row-${i + 1}`;
      const select = `<select id="${uid}-l${i + 1}-kind" name="${fieldName(i, 'kind')}" aria-labelledby="${row} ${uid}-col-kind">${(['conv', 'pool'] as const)
        .map((k) => `<option value="${k}"${raw.kind === k ? ' selected' : ''}>${e(labels[`kind.${k}`])}</option>`)
        .join('')}</select>`;
      const inputs = LAYER_KEYS.map((key) => {
        const id = `${uid}-l${i + 1}-${key}`;
        const f = layerFields[key];
        return `<td><input id="${id}" name="${fieldName(i, key)}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${e(raw[key])}" data-min="${f.min}" data-max="${f.max}" aria-labelledby="${row} ${uid}-col-${key}" aria-describedby="${id}-msg"><span class="nb-msg" id="${id}-msg" data-msg-for="${fieldName(i, key)}"></span></td>`;
      }).join('');
      const remove = `<button type="button" class="rf-remove" data-remove="${i}" aria-label="${e(`${labels.removeLayer} ${i + 1}`)}"${atMin ? ' aria-disabled="true"' : ''}>✕</button>`;
      return `<tr><th scope="row" id="${row}"><span class="rf-word">${e(labels.layer)} </span>${i + 1}</th><td>${select}</td>${inputs}<td>${remove}</td></tr>`;
    })
    .join('');
}

