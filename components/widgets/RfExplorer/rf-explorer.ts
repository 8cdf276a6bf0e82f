/**
 * Receptive-field explorer: a small stack of conv/pool layers (square, one axis shown for both),
 * the forward (r, S, P) and backward F(i) recursions, and the input region one output unit sees,
 * drawn on a grid. A widget definition: its fields are the input size and two hidden fields, the
 * layer stack ("c3s1,p2s2") and the chosen unit ("1,2"), which the layer table and the clickable
 * map write (rf-enhance.ts). Pure: the server, the browser and the tests render with the same
 * functions. Shapes and fields come from the calc core's analyse(); the recursion rows from
 * receptiveFieldTable().
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
import { patternField } from '../../../src/widget/pattern-field';
import { int, type IntegerField } from '../../../src/widget/fields';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';
import { num, outputHtml, span } from './rf-render';
import {
  MAX_LAYERS,
  STACK_PATTERN,
  fieldName,
  formatStack,
  parseLayer,
  parseStack,
  parseUnit,
  type LayerFieldName,
  type RfLayer,
} from './rf-stack';

export { inputGridSvg, MAX_MARGIN, outputGridSvg, span, tablesHtml } from './rf-render';

export {
  LAYER_KEYS,
  MAX_LAYERS,
  STACK_PATTERN,
  fieldName,
  formatStack,
  layerFields,
  layerRowsHtml,
  parseLayer,
  parseStack,
  parseUnit,
  rawOf,
  type LayerFieldName,
  type LayerKey,
  type LayerKind,
  type RawLayer,
  type RfLayer,
} from './rf-stack';

export interface RfState {
  readonly size: number;
  readonly layers: readonly RfLayer[];
  /** Selected output unit [row, column], 0-based. */
  readonly unit: readonly [number, number];
}

/** Largest output map the explorer draws (the grid stays readable and clickable). */
export const MAX_OUTPUT = 48;

export const sizeField: IntegerField = int(1, 48);

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
  maxLayers: 'At most {max} layers.',
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
export function blameRf(error: unknown): 'size' | LayerFieldName | undefined {
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

/** The cell's values: the size field, and the hidden fields the layer table and the map write. */
export type RfValues = { readonly size: number; readonly stack: string; readonly unit: string };

/** An error whose message is already in the page's language, on the control it names. */
const localized = (problem: string, field: string) => Object.assign(new CalcError('bad-parameter', '', problem, field), { localized: true });

/** The state a cell's values describe; a layer value out of range (from a URL) throws, naming its control. */
export function stateOf(v: RfValues): RfState {
  const rows = parseStack(v.stack);
  if (!rows) throw new CalcError('bad-parameter', '', 'the layer stack cannot be read', 'stack');
  const layers = rows.map((row, i) => {
    const { layer, errors } = parseLayer(row, i);
    const [field, message] = Object.entries(errors)[0] ?? [];
    if (!layer) throw localized(message ?? '', field ?? 'stack');
    return layer;
  });
  return { size: v.size, layers, unit: parseUnit(v.unit) ?? rfDefaults.unit };
}

/** The state with the chosen unit clamped into the map (the field keeps the choice, restored once it fits). */
function computed(v: RfValues): { state: RfState; result: RfResult } {
  const state = stateOf(v);
  const result = computeRf(state);
  return { state: { ...state, unit: clampUnit(state.unit, result.out) }, result };
}

export const rfExplorer: WidgetDef<RfValues, RfLabels> = {
  name: 'rf-explorer',
  fields: {
    size: sizeField,
    stack: patternField({ pattern: STACK_PATTERN, maxLength: 200, hidden: true }),
    unit: patternField({ pattern: /^\d{1,2},\d{1,2}$/, maxLength: 16, hidden: true }),
  },
  defaults: { size: rfDefaults.size, stack: formatStack(rfDefaults.layers), unit: rfDefaults.unit.join(',') },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? rfLabels : ({} as RfLabels),

  summary(v, l) {
    const { state, result } = computed(v);
    return summaryOf(state, result, l);
  },

  render(v, l, id = 'nb-rf') {
    const { state, result } = computed(v);
    return outputHtml(state, result, l, { id, region: describeRegion(state, result.table, l) });
  },

  blame(error) {
    const field = isCalcError(error) ? error.field : undefined;
    if (field !== undefined && /^l\d+\.[a-z]+$/.test(field)) return field as LayerFieldName;
    return blameRf(error);
  },
};
