/**
 * "Effective receptive field" cell (Luo et al., NeurIPS 2016): the gradient of the centre unit of
 * a stack of n k×k convolutions with respect to every input pixel, as a heat map over the whole
 * theoretical field, with the theoretical side and the side of the smallest centred square that
 * holds 95 % of the gradient mass; and both sides against the depth, where √n meets n.
 * Numerics: src/sim/erf.ts. The heat map is one PNG (src/widget/png.ts), so it reads without
 * JavaScript and stays one element however large the field.
 */
import { isCalcError } from '../../../src/calc/index';
import { effectiveRf, growth, type ErfResult } from '../../../src/sim/erf';
import { escapeHtml as e } from '../../../src/widget/html';
import { encodeIndexedPng, pngDataUri } from '../../../src/widget/png';
import type { WidgetDef } from '../../../src/widget/widget';

import { effectiveRfForm, type EffectiveRfValues } from './form';

export type { EffectiveRfValues };

export const effectiveRfLabels = {
  layers: 'Layers n',
  kernel: 'Kernel k',
  stride: 'Stride s (each layer)',
  dilation: 'Dilation d (each layer)',
  activation: 'Between layers',
  'activation.linear': 'nothing (linear)',
  'activation.relu': 'ReLU',
  weights: 'Weights',
  'weights.uniform': 'uniform: every weight 1/k²',
  'weights.random': 'random: He-normal, seeded',
  reset: 'Reset',
  theoretical: 'Theoretical field',
  effective: 'Effective RF (95 %)',
  holes: 'Pixels no path reaches',
  how: 'How it is computed',
  exact: 'Exact: with uniform weights and no non-linearity the gradient map is the n-fold convolution of a box of k taps (d apart) with itself, the outer product of a 1-D profile, so the 95 % side follows in closed form.',
  simulated: 'Simulated: back-propagation from the centre unit through actual single-channel stacks on the whole theoretical field (input N(0, 1)), the normalised |∂y/∂x| maps of {draws} seeded draws averaged.',
  deadNote: '{dead} further draws were dead (ReLUs blocked every path to the centre unit) and were replaced.',
  mapAlt: 'Heat map of |∂y/∂x| over a {side}×{side} input: the theoretical field of {r}×{r} (dashed square) and the centred {s95}×{s95} square (solid) holding 95 % of the gradient; brighter means a larger gradient, black means none.',
  mapCaption: 'Brightness ∝ √|∂y/∂x| (the square root keeps the faint edge visible); black is exactly 0. Dashed: the theoretical field; solid: the effective field (95 % of the gradient mass).',
  chart: 'Side against the number of layers',
  chartTheoretical: 'theoretical (∝ n)',
  chartEffective: '95 %, uniform linear (∝ √n)',
  chartHere: 'this setting',
  chartAlt: 'Line chart of the field side against the number of layers 1 to {max}: the theoretical side grows linearly to {rmax}; the 95 % side of uniform linear stacks grows like the square root of n, to {emax}; the marked point is this setting, {n} layers, {s95}.',
  xAxis: 'layers n',
  yAxis: 'side (pixels)',
  /** After the chart's key: what the y axis measures, with the language's punctuation. */
  chartTail: '; {axis}.',
  period: '.',
  holesOf: '<strong>{holes}</strong> of {total}',
  summary: '{n} × {k}×{k}: theoretical field {r}×{r}, effective RF (95 %) {s95}×{s95}.',
};
export type EffectiveRfLabels = typeof effectiveRfLabels;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

// One entry: the runtime asks for render and summary of the same values in a row.
let cache: { key: string; result: ErfResult } | null = null;
export function computeEffectiveRf(v: EffectiveRfValues): ErfResult {
  const key = JSON.stringify([v.layers, v.kernel, v.stride, v.dilation, v.activation, v.weights]);
  if (cache?.key !== key) cache = { key, result: effectiveRf(v) };
  return cache.result;
}

/** Inferno-like ramp for values in (0, 1]; index 0 (exactly zero gradient) is black. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [20, 11, 52],
  [87, 16, 110],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];
export const PALETTE: readonly (readonly [number, number, number])[] = Array.from({ length: 256 }, (_, i) => {
  if (i === 0) return [0, 0, 0] as const;
  const t = ((i - 1) / 254) * (STOPS.length - 1);
  const j = Math.min(STOPS.length - 2, Math.floor(t));
  const f = t - j;
  const a = STOPS[j]!;
  const b = STOPS[j + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + f * (b[c]! - a[c]!))) as unknown as readonly [number, number, number];
});

/** Margin of zero gradient drawn around the field, so its square edge shows. */
export function marginOf(side: number): number {
  return Math.max(1, Math.round(side / 10));
}

/** The map as palette indices on a (side + 2·margin)² canvas: √(v/max) → 1…255, 0 → 0. */
export function heatIndices(result: ErfResult): { size: number; margin: number; pixels: Uint8Array } {
  const margin = marginOf(result.side);
  const size = result.side + 2 * margin;
  const pixels = new Uint8Array(size * size);
  let max = 0;
  for (const v of result.map) if (v > max) max = v;
  for (let y = 0; y < result.side; y += 1) {
    for (let x = 0; x < result.side; x += 1) {
      const v = result.map[y * result.side + x]!;
      pixels[(y + margin) * size + x + margin] = v > 0 && max > 0 ? 1 + Math.round(254 * Math.sqrt(v / max)) : 0;
    }
  }
  return { size, margin, pixels };
}

function heatMap(r: ErfResult, l: EffectiveRfLabels): string {
  const { size, margin, pixels } = heatIndices(r);
  const uri = pngDataUri(encodeIndexedPng(size, size, pixels, PALETTE));
  const inset = margin + (r.side - r.side95) / 2;
  const alt = fill(l.mapAlt, { side: size, r: r.side, s95: r.side95 });
  return [
    `<figure class="erf-map"><div class="erf-frame">`,
    `<img src="${uri}" width="${size}" height="${size}" alt="${e(alt)}">`,
    `<svg viewBox="0 0 ${size} ${size}" aria-hidden="true" preserveAspectRatio="none">`,
    `<rect class="erf-theory" x="${margin}" y="${margin}" width="${r.side}" height="${r.side}"/>`,
    `<rect class="erf-95" x="${inset}" y="${inset}" width="${r.side95}" height="${r.side95}"/>`,
    `</svg></div><figcaption>${e(l.mapCaption)}</figcaption></figure>`,
  ].join('');
}

const W = 300;
const H = 190;
const M = { l: 34, r: 10, t: 10, b: 30 };

function niceStep(max: number): number {
  for (const step of [1, 2, 4, 8, 16, 32, 64, 128]) if (max / step <= 5) return step;
  return 256;
}

function chart(v: EffectiveRfValues, r: ErfResult, l: EffectiveRfLabels): string {
  const points = growth(v.kernel, v.stride, v.dilation, 64);
  const nMax = Math.max(2, points.length);
  const yMax = Math.max(...points.map((p) => p.side), r.side, 2);
  const sx = (n: number) => M.l + ((n - 1) / (nMax - 1)) * (W - M.l - M.r);
  const sy = (s: number) => H - M.b - (s / yMax) * (H - M.t - M.b);
  const path = (key: 'side' | 'side95') => `M${points.map((p) => `${sx(p.layers).toFixed(1)},${sy(p[key]).toFixed(1)}`).join('L')}`;
  const xStep = niceStep(nMax);
  const yStep = niceStep(yMax) * (yMax > 160 ? 2 : 1);
  const xTicks = [1, ...Array.from({ length: Math.floor(nMax / xStep) }, (_, i) => (i + 1) * xStep)].filter((n, i, a) => n <= nMax && a.indexOf(n) === i);
  const yTicks = Array.from({ length: Math.floor(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const last = points[points.length - 1] ?? { layers: v.layers, side: r.side, side95: r.side95 };
  const alt = fill(l.chartAlt, { max: nMax, rmax: last.side, emax: last.side95, n: v.layers, s95: `${r.side95}×${r.side95}` });
  return [
    `<figure class="erf-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(alt)}">`,
    ...yTicks.map((y) => `<line class="erf-grid" x1="${M.l}" x2="${W - M.r}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}"/><text class="erf-tick" x="${M.l - 4}" y="${sy(y).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${y}</text>`),
    ...xTicks.map((n) => `<text class="erf-tick" x="${sx(n).toFixed(1)}" y="${H - M.b + 13}" text-anchor="middle">${n}</text>`),
    `<text class="erf-tick" x="${(M.l + W - M.r) / 2}" y="${H - 4}" text-anchor="middle">${e(l.xAxis)}</text>`,
    `<path class="erf-line-theory" d="${path('side')}"/>`,
    `<path class="erf-line-95" d="${path('side95')}"/>`,
    points.length > 0 ? `<circle class="erf-here" cx="${sx(Math.min(v.layers, nMax)).toFixed(1)}" cy="${sy(r.side95).toFixed(1)}" r="4"/>` : '',
    `</svg><figcaption><span class="erf-key erf-key-theory">${e(l.chartTheoretical)}</span> <span class="erf-key erf-key-95">${e(l.chartEffective)}</span> <span class="erf-key erf-key-here">${e(l.chartHere)}</span>${fill(e(l.chartTail), { axis: e(l.yAxis) })}</figcaption></figure>`,
  ].join('');
}

function derivation(v: EffectiveRfValues, r: ErfResult): string {
  const keff = v.dilation * (v.kernel - 1) + 1;
  const jumps = Array.from({ length: v.layers }, (_, i) => v.stride ** i);
  const sum = v.stride === 1 ? `${v.layers}·${keff - 1}` : `${keff - 1}·(${jumps.length > 6 ? `${jumps.slice(0, 3).join(' + ')} + … + ${jumps[jumps.length - 1]}` : jumps.join(' + ')})`;
  return `<var>k</var><sub>eff</sub> = ${v.dilation}·(${v.kernel} − 1) + 1 = ${keff}; <var>r</var> = 1 + ${sum} = <strong>${r.side}</strong>`;
}

export const effectiveRfWidget: WidgetDef<EffectiveRfValues, EffectiveRfLabels> = {
  ...effectiveRfForm,
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? effectiveRfLabels : ({} as EffectiveRfLabels),

  summary(v, l) {
    const r = computeEffectiveRf(v);
    return fill(l.summary, { n: v.layers, k: v.kernel, r: r.side, s95: r.side95 });
  },

  render(v, l) {
    const r = computeEffectiveRf(v);
    const how = r.exact ? l.exact : `${fill(l.simulated, { draws: r.draws })}${r.dead > 0 ? ` ${fill(l.deadNote, { dead: r.dead })}` : ''}`;
    const holes = r.holes > 0 ? `<li>${e(l.holes)}: ${fill(l.holesOf, { holes: r.holes, total: r.side * r.side })}</li>` : '';
    return [
      `<ul class="erf-facts"><li>${e(l.theoretical)}: <strong>${r.side}×${r.side}</strong> (${derivation(v, r)})</li>`,
      `<li>${e(l.effective)}: <strong>${r.side95}×${r.side95}</strong></li>${holes}</ul>`,
      `<div class="erf-figures">${heatMap(r, l)}${chart(v, r, l)}</div>`,
      `<p class="erf-how"><strong>${e(l.how)}${e(l.period)}</strong> ${e(how)}</p>`,
    ].join('');
  },

  blame(error, values) {
    return isCalcError(error) && error.layer in values ? (error.layer as keyof EffectiveRfValues) : undefined;
  },
};
