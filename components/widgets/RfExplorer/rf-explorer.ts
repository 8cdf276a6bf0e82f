/**
 * Receptive-field explorer: a small stack of conv/pool layers (square, one axis shown for both),
 * the forward (r, S, P) and backward F(i) recursions, and the input region one output unit sees,
 * drawn on a grid. Pure: the Astro component renders the default on the server, the custom element
 * (rf-element.ts) re-renders with the same functions. Shapes and fields come from the calc core's
 * analyse(); the recursion rows from receptiveFieldTable().
 */
import {
  CalcError,
  analyse,
  isCalcError,
  receptiveFieldTable,
  type Analysis,
  type LayerSpec,
  type RfTable,
} from '../../../src/calc/index';
import { parseInteger, type FieldResult, type IntegerField } from '../../../src/widget/fields';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import { inputGridSvg, num, outputGridSvg, span, tablesHtml } from './rf-render';

export { inputGridSvg, MAX_MARGIN, outputGridSvg, span, tablesHtml } from './rf-render';

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

export interface RfState {
  readonly size: number;
  readonly layers: readonly RfLayer[];
  /** Selected output unit [row, column], 0-based. */
  readonly unit: readonly [number, number];
}

export const MAX_LAYERS = 8;
/** Largest output map the explorer draws (the grid stays readable and clickable). */
export const MAX_OUTPUT = 48;

export const sizeField: IntegerField = { kind: 'int', min: 1, max: 48 };
export const layerFields: Readonly<Record<LayerKey, IntegerField>> = {
  k: { kind: 'int', min: 1, max: 9 },
  s: { kind: 'int', min: 1, max: 4 },
  d: { kind: 'int', min: 1, max: 4 },
  p: { kind: 'int', min: 0, max: 4 },
};

export const rfLabels = {
  title: 'Receptive-field explorer: build a stack, pick an output unit',
  size: 'Input size H = W',
  layer: 'Layer',
  kind: 'Kind',
  'kind.conv': 'conv',
  'kind.pool': 'max pool',
  k: 'Kernel k',
  s: 'Stride s',
  d: 'Dilation d',
  p: 'Padding p',
  remove: 'Remove',
  removeLayer: 'Remove layer',
  add: 'Add layer',
  reset: 'Reset',
  input: 'Input',
  output: 'Output',
  gridHelp: 'Click a unit, or focus the map and use the arrow keys, to choose the output unit.',
  outputMap: 'Output map',
  forward: 'Bottom-up (Araujo et al.): r ← r + (k_eff − 1)·S, S ← S·s, P ← P + p·S',
  backward: 'Top-down (classic): F(i) = (F(i+1) − 1)·s + k_eff',
  region: 'Region of the selected unit',
  stackMessage: 'The layer stack in the address could not be read, so the default stack is shown.',
  rangeTo: '{a} to {b}',
  paddingRow: ' ({n} row of padding)',
  paddingRows: ' ({n} rows of padding)',
  paddingColumn: ' ({n} column of padding)',
  paddingColumns: ' ({n} columns of padding)',
  regionText: 'Output unit ({y}, {x}) sees input rows {rows}, columns {columns}.',
  summaryOne: '1 layer: {size}×{size} → {out}×{out}; each unit sees {r}×{r} pixels, {S} apart. {region}',
  summaryMany: '{n} layers: {size}×{size} → {out}×{out}; each unit sees {r}×{r} pixels, {S} apart. {region}',
  gridPadding: ', with {n} cells of padding drawn around it',
  gridPaddingOne: ', with 1 cell of padding drawn around it',
  gridClipped: ' (the region continues beyond the drawn padding)',
  out: 'out',
  forwardCaption:
    'Start: r = 1, S = 1, P = 0 (one input pixel); k_eff = d(k − 1) + 1; “out” is the map size after the layer. Last row: each output unit sees {r}×{r} pixels; neighbours are {S} pixels apart.',
  backwardCaption: 'Read from the top layer down, starting from F = 1 (one output unit). The last F equals r = {r}.',
  rows: 'rows',
  columns: 'columns',
};
export type RfLabels = typeof rfLabels;

export const rfDefaults: RfState = {
  size: 16,
  layers: [
    { kind: 'conv', k: 3, s: 1, d: 1, p: 0 },
    { kind: 'conv', k: 3, s: 1, d: 1, p: 0 },
    { kind: 'pool', k: 2, s: 2, d: 1, p: 0 },
    { kind: 'conv', k: 3, s: 1, d: 1, p: 0 },
  ],
  unit: [1, 2],
};

/** Form field name of a layer's value: "l2.k" is layer 2's kernel. */
export function fieldName(index: number, key: LayerKey | 'kind'): string {
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

const TOKEN = /^([cp])(\d{1,3})(?:s(\d{1,3}))?(?:d(\d{1,3}))?(?:p(\d{1,3}))?$/;

/**
 * Reads `c3s1,c3s1,p2s2`. Structure is checked here (at most MAX_LAYERS tokens, each matching
 * the grammar); values are returned as text so that out-of-range numbers are reported on their
 * field like typing. Anything else (markup, huge input) is rejected as a whole.
 */
export function parseStack(text: string): FieldResult<RawLayer[]> {
  if (text.length > 200) return { ok: false, message: 'The layer stack is too long.' };
  const tokens = text.trim().toLowerCase().split(',');
  if (tokens.length > MAX_LAYERS) return { ok: false, message: `At most ${MAX_LAYERS} layers.` };
  const layers: RawLayer[] = [];
  for (const token of tokens) {
    const m = TOKEN.exec(token.trim());
    if (!m) return { ok: false, message: 'Write layers like c3s1,p2s2 (kind, kernel, stride, then d… and p… if needed).' };
    layers.push({ kind: m[1] === 'c' ? 'conv' : 'pool', k: m[2]!, s: m[3] ?? (m[1] === 'p' ? m[2]! : '1'), d: m[4] ?? '1', p: m[5] ?? '0' });
  }
  return { ok: true, value: layers };
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

export interface RfResult {
  readonly analysis: Analysis;
  readonly table: RfTable;
  /** Map size after each layer, input first. */
  readonly sizes: readonly number[];
  readonly out: number;
}

function layerName(i: number): string {
  return `layer${i + 1}`;
}

function spec(l: RfLayer, i: number): LayerSpec {
  const name = layerName(i);
  return l.kind === 'conv'
    ? { kind: 'conv', name, out: 1, kernel: l.k, stride: l.s, padding: l.p, dilation: l.d, bias: false }
    : { kind: 'maxpool', name, kernel: l.k, stride: l.s, padding: l.p, dilation: l.d };
}

/** Shapes and fields of the stack; throws the core's CalcError when a layer does not fit. */
export function computeRf(state: Pick<RfState, 'size' | 'layers'>): RfResult {
  if (state.layers.length === 0 || state.layers.length > MAX_LAYERS) {
    throw new CalcError('bad-parameter', '', `the stack needs 1 to ${MAX_LAYERS} layers`, 'stack');
  }
  const analysis = analyse({ input: [1, state.size, state.size], layers: state.layers.map(spec) });
  const sizes = [state.size, ...analysis.rows.map((r) => r.output[1]!)];
  sizes.forEach((n, i) => {
    if (n > MAX_OUTPUT) {
      throw new CalcError('too-large', layerName(i - 1), `the map would be ${n}×${n}; this explorer draws at most ${MAX_OUTPUT}×${MAX_OUTPUT}`, 'map');
    }
  });
  const table = receptiveFieldTable(
    state.layers.map((l, i) => ({ name: layerName(i), kernel: l.k, stride: l.s, padding: l.p, dilation: l.d })),
  );
  return { analysis, table, sizes, out: sizes.at(-1)! };
}

/** Which field to mark for a core error: the layer's kernel (does not fit) or padding (pool bound, map too big). */
export function blameRf(error: unknown): string | undefined {
  if (!isCalcError(error)) return undefined;
  const m = /^layer(\d+)$/.exec(error.layer);
  if (!m) return error.code === 'too-large' ? 'size' : undefined;
  const index = Number(m[1]) - 1;
  if (error.code === 'kernel-too-large') return fieldName(index, 'k');
  if (error.code === 'bad-parameter' && error.field?.startsWith('padding')) return fieldName(index, 'p');
  if (error.code === 'too-large') return fieldName(index, 'p');
  return undefined;
}

export function clampUnit(unit: readonly [number, number], out: number): readonly [number, number] {
  const c = (x: number) => Math.min(out - 1, Math.max(0, x));
  return [c(unit[0]), c(unit[1])];
}

function range(a: number, b: number, l: RfLabels): string {
  return a < 0 ? fill(l.rangeTo, { a: num(a), b: num(b) }) : `${a}–${b}`;
}

function paddingNote(a: number, b: number, size: number, one: string, many: string): string {
  const before = Math.max(0, -a);
  const after = Math.max(0, b - (size - 1));
  const n = before + after;
  return n === 0 ? '' : fill(n === 1 ? one : many, { n });
}

/** "Output unit (2, 3) sees input rows 1–7, columns 3–9." — 0-based, padding counted. */
export function describeRegion(state: RfState, table: Pick<RfTable, 'r' | 'S' | 'P'>, l: RfLabels = import.meta.env.SSR ? rfLabels : ({} as RfLabels)): string {
  const [y, x] = state.unit;
  const [r0, r1] = span(y, table);
  const [c0, c1] = span(x, table);
  const rows = range(r0, r1, l) + paddingNote(r0, r1, state.size, l.paddingRow, l.paddingRows);
  const columns = range(c0, c1, l) + paddingNote(c0, c1, state.size, l.paddingColumn, l.paddingColumns);
  return fill(l.regionText, { y, x, rows, columns });
}

export function summaryOf(state: RfState, result: RfResult, l: RfLabels = import.meta.env.SSR ? rfLabels : ({} as RfLabels)): string {
  const t = result.table;
  const n = state.layers.length;
  const vars = { n, size: state.size, out: result.out, r: t.r, S: t.S, region: describeRegion(state, t, l) };
  return fill(n === 1 ? l.summaryOne : l.summaryMany, vars);
}

// ---- The layer list (server and browser render the same rows) --------------------------

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

/** Server render of the whole output area's parts. */
export function renderRf(state: RfState, labels: RfLabels): { result: RfResult; summary: string; gridIn: string; gridOut: string; region: string; tables: string } {
  const result = computeRf(state);
  const s: RfState = { ...state, unit: clampUnit(state.unit, result.out) };
  return {
    result,
    summary: summaryOf(s, result, labels),
    gridIn: inputGridSvg(s, result, labels),
    gridOut: outputGridSvg(s, result),
    region: describeRegion(s, result.table, labels),
    tables: tablesHtml(s, result, labels),
  };
}
