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
import { parseInteger, type FieldResult, type IntegerField } from '../../../src/site/fields';
import { escapeHtml as e, htmlTable } from '../../../src/site/html';

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
/** Padding cells drawn around the input at most, per side. */
export const MAX_MARGIN = 6;

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
    throw new CalcError('bad-parameter', '', `the stack needs 1 to ${MAX_LAYERS} layers`);
  }
  const analysis = analyse({ input: [1, state.size, state.size], layers: state.layers.map(spec) });
  const sizes = [state.size, ...analysis.rows.map((r) => r.output[1]!)];
  sizes.forEach((n, i) => {
    if (n > MAX_OUTPUT) {
      throw new CalcError('too-large', layerName(i - 1), `the map would be ${n}×${n}; this explorer draws at most ${MAX_OUTPUT}×${MAX_OUTPUT}`);
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
  if (error.code === 'bad-parameter' && /padding/.test(error.problem)) return fieldName(index, 'p');
  if (error.code === 'too-large') return fieldName(index, 'p');
  return undefined;
}

export function clampUnit(unit: readonly [number, number], out: number): readonly [number, number] {
  const c = (x: number) => Math.min(out - 1, Math.max(0, x));
  return [c(unit[0]), c(unit[1])];
}

/** Input pixels seen by output unit u along one axis: [u·S − P, u·S − P + r − 1]. */
export function span(u: number, t: Pick<RfTable, 'r' | 'S' | 'P'>): readonly [number, number] {
  const start = u * t.S - t.P;
  return [start, start + t.r - 1];
}

function num(n: number): string {
  return n < 0 ? `−${-n}` : String(n);
}

function range(a: number, b: number): string {
  return a < 0 ? `${num(a)} to ${num(b)}` : `${a}–${b}`;
}

function paddingNote(a: number, b: number, size: number, noun: string): string {
  const before = Math.max(0, -a);
  const after = Math.max(0, b - (size - 1));
  const n = before + after;
  return n === 0 ? '' : ` (${n} ${noun}${n === 1 ? '' : 's'} of padding)`;
}

/** "Output unit (2, 3) sees input rows 1–7, columns 3–9." — 0-based, padding counted. */
export function describeRegion(state: RfState, table: Pick<RfTable, 'r' | 'S' | 'P'>): string {
  const [y, x] = state.unit;
  const [r0, r1] = span(y, table);
  const [c0, c1] = span(x, table);
  return `Output unit (${y}, ${x}) sees input rows ${range(r0, r1)}${paddingNote(r0, r1, state.size, 'row')}, columns ${range(c0, c1)}${paddingNote(c0, c1, state.size, 'column')}.`;
}

export function summaryOf(state: RfState, result: RfResult): string {
  const t = result.table;
  const n = state.layers.length;
  return `${n} layer${n === 1 ? '' : 's'}: ${state.size}×${state.size} → ${result.out}×${result.out}; each unit sees ${t.r}×${t.r} pixels, ${t.S} apart. ${describeRegion(state, t)}`;
}

// ---- Grids (SVG, 10 units per cell) -------------------------------------------------

const CELL = 10;

/** The input grid with padding margin and the selected unit's region. */
export function inputGridSvg(state: RfState, result: RfResult, labels: RfLabels): string {
  const n = state.size;
  const t = result.table;
  const [r0, r1] = span(state.unit[0], t);
  const [c0, c1] = span(state.unit[1], t);
  // Margin: the padding any unit's region reaches, at most MAX_MARGIN cells.
  const lastEnd = (result.out - 1) * t.S - t.P + t.r - 1;
  const margin = Math.min(MAX_MARGIN, Math.max(t.P, lastEnd - (n - 1), 0));
  const lo = -margin;
  const hi = n - 1 + margin;
  const cells = hi - lo + 1;
  const size = cells * CELL;
  const at = (i: number) => (i - lo) * CELL;
  const clip = (a: number, b: number): [number, number] => [Math.max(a, lo), Math.min(b, hi)];
  const [y0, y1] = clip(r0, r1);
  const [x0, x1] = clip(c0, c1);
  const parts: string[] = [];
  if (margin > 0) parts.push(`<rect class="rf-pad" x="0" y="0" width="${size}" height="${size}"/>`);
  parts.push(`<rect class="rf-in" x="${at(0)}" y="${at(0)}" width="${n * CELL}" height="${n * CELL}"/>`);
  const lines: string[] = [];
  for (let i = 1; i < cells; i++) {
    lines.push(`M${i * CELL} 0V${size}M0 ${i * CELL}H${size}`);
  }
  parts.push(`<path class="rf-lines" d="${lines.join('')}"/>`);
  if (y1 >= y0 && x1 >= x0) {
    parts.push(`<rect class="rf-region" x="${at(x0)}" y="${at(y0)}" width="${(x1 - x0 + 1) * CELL}" height="${(y1 - y0 + 1) * CELL}"/>`);
  }
  parts.push(`<rect class="rf-border" x="${at(0)}" y="${at(0)}" width="${n * CELL}" height="${n * CELL}"/>`);
  const clipped = r0 < lo || r1 > hi || c0 < lo || c1 > hi;
  const caption = `${labels.input} ${n}×${n}${margin > 0 ? `, with ${margin} cell${margin === 1 ? '' : 's'} of padding drawn around it` : ''}${clipped ? ' (the region continues beyond the drawn padding)' : ''}`;
  return `<svg viewBox="-1 -1 ${size + 2} ${size + 2}" class="rf-svg" aria-hidden="true" focusable="false">${parts.join('')}</svg><span class="rf-cap">${e(caption)}</span>`;
}

/** The output map: one clickable cell per unit, the selected one filled. */
export function outputGridSvg(state: RfState, result: RfResult): string {
  const m = result.out;
  const size = m * CELL;
  const parts: string[] = [`<rect class="rf-in" x="0" y="0" width="${size}" height="${size}"/>`];
  for (let y = 0; y < m; y++) {
    for (let x = 0; x < m; x++) {
      const sel = y === state.unit[0] && x === state.unit[1];
      parts.push(`<rect class="rf-unit${sel ? ' rf-sel' : ''}" data-y="${y}" data-x="${x}" x="${x * CELL}" y="${y * CELL}" width="${CELL}" height="${CELL}"/>`);
    }
  }
  return `<svg viewBox="-1 -1 ${size + 2} ${size + 2}" class="rf-svg" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
}

// ---- Tables ---------------------------------------------------------------------------

function layerText(l: RfLayer, labels: RfLabels): string {
  const kind = labels[`kind.${l.kind}`];
  return `${kind} ${l.k}×${l.k}, s ${l.s}${l.d !== 1 ? `, d ${l.d}` : ''}${l.p !== 0 ? `, p ${l.p}` : ''}`;
}

export function tablesHtml(state: RfState, result: RfResult, labels: RfLabels): string {
  const t = result.table;
  const forwardRows = t.forward.map((row, i) => {
    const prev = t.forward[i - 1] ?? { r: 1, S: 1, P: 0 };
    return [
      `${i + 1}`,
      e(layerText(state.layers[i]!, labels)),
      `${row.effectiveKernel}`,
      `${result.sizes[i + 1]}`,
      `${prev.r} + (${row.effectiveKernel} − 1)·${prev.S} = <strong>${row.r}</strong>`,
      `${prev.S}·${row.stride} = <strong>${row.S}</strong>`,
      `${prev.P} + ${row.padding}·${prev.S} = <strong>${row.P}</strong>`,
    ];
  });
  const backwardRows = t.backward.map((row) => {
    const i = Number(row.name.replace('layer', ''));
    return [`${i}`, `${row.fAbove}`, `(${row.fAbove} − 1)·${row.stride} + ${row.effectiveKernel}`, `<strong>${row.f}</strong>`];
  });
  const [y, x] = state.unit;
  const [r0, r1] = span(y, t);
  const [c0, c1] = span(x, t);
  const region = [
    `rows: ${y}·<var>S</var> − <var>P</var> = ${y}·${t.S} − ${t.P} = ${num(r0)} … ${num(r0)} + <var>r</var> − 1 = ${num(r1)}`,
    `columns: ${x}·${t.S} − ${t.P} = ${num(c0)} … ${num(c0)} + ${t.r} − 1 = ${num(c1)}`,
  ];
  return [
    `<h4>${e(labels.forward)}</h4><div class="rf-forward">`,
    htmlTable(['#', e(labels.layer), '<var>k</var><sub>eff</sub>', 'out', '<var>r</var>', '<var>S</var>', '<var>P</var>'], forwardRows, {
      caption: `Start: r = 1, S = 1, P = 0 (one input pixel); k_eff = d(k − 1) + 1; “out” is the map size after the layer. Last row: each output unit sees ${t.r}×${t.r} pixels; neighbours are ${t.S} pixels apart.`,
      numericFrom: 2,
    }),
    '</div>',
    `<h4>${e(labels.backward)}</h4>`,
    htmlTable(['#', '<var>F</var>(<var>i</var>+1)', '(<var>F</var>(<var>i</var>+1) − 1)·<var>s</var> + <var>k</var><sub>eff</sub>', '<var>F</var>(<var>i</var>)'], backwardRows, {
      caption: `Read from the top layer down, starting from F = 1 (one output unit). The last F equals r = ${t.r}.`,
      numericFrom: 1,
    }),
    `<h4>${e(labels.region)}</h4><ol class="nb-derivation">${region.map((r) => `<li>${r}</li>`).join('')}</ol>`,
  ].join('');
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
    summary: summaryOf(s, result),
    gridIn: inputGridSvg(s, result, labels),
    gridOut: outputGridSvg(s, result),
    region: describeRegion(s, result.table),
    tables: tablesHtml(s, result, labels),
  };
}
