/**
 * "Signal propagation at initialisation" cell: a deep stack of width-64 layers at random
 * initialisation, plain or residual, with a choice of activation, initialisation and batch norm.
 * Per layer, on a log scale: the standard deviation of the forward activations and the norm of
 * the gradient flowing back from the top. Numerics: src/sim/signal.ts (seeded, so the page's
 * server render equals what the browser computes).
 */
import { isCalcError } from '../../../src/calc/index';
import { BATCH, initStd, propagate, WIDTH, type SignalResult } from '../../../src/sim/signal';
import { escapeHtml as e } from '../../../src/widget/html';
import { formatSci, superscript } from '../../../src/widget/sci';
import type { WidgetDef } from '../../../src/widget/widget';

import { signalForm, type SignalValues } from './form';

export type { SignalValues };

export const signalLabels = {
  depth: 'Depth (layers)',
  shortcut: 'Shortcut',
  'shortcut.plain': 'plain: h ← F(h)',
  'shortcut.residual': 'residual: h ← h + F(h)',
  activation: 'Activation φ',
  'activation.relu': 'ReLU',
  'activation.sigmoid': 'sigmoid',
  'activation.tanh': 'tanh',
  init: 'Initial weights',
  'init.he': 'He: N(0, 2/64)',
  'init.xavier': 'Xavier: N(0, 2/128)',
  'init.small': 'N(0, 0.01²) (AlexNet)',
  bn: 'Batch norm',
  'bn.off': 'off',
  'bn.on': 'on (batch statistics)',
  seed: 'Seed',
  reset: 'Reset',
  ratio: 'Gradient reaching the input ÷ gradient at the top',
  forward: 'Forward std at the top ÷ at the input',
  model: 'The model',
  modelText: '{depth} fully connected layers of width {width} on a seeded batch of {batch} inputs x ~ N(0, 1); F(h) = {f}, weights N(0, {std}²). The top gradient is a random unit vector per input; each layer’s gradient norm is the root mean square over the batch.',
  chartAlt: 'Log-scale chart over layers 0 to {depth}: forward activation std from {f0} to {fL}, gradient norm from {gL} at the top to {g0} at the input.',
  keyForward: 'forward std of hₗ',
  keyGradient: 'gradient norm ‖∂L/∂hₗ‖',
  xAxis: 'layer l',
  zero: 'Exactly 0 (below the smallest floating-point number) from layer {from} down; drawn on the bottom edge.',
  'kind.plain': 'plain',
  'kind.residual': 'residual',
  summary: '{depth} {kind} {activation} layers: gradient reaching the input ÷ gradient at the top = {ratio}.',
  period: '.',
};
export type SignalLabels = typeof signalLabels;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

let cache: { key: string; result: SignalResult } | null = null;
export function computeSignal(v: SignalValues): SignalResult {
  const key = JSON.stringify([v.depth, v.shortcut, v.activation, v.init, v.bn, v.seed]);
  if (cache?.key !== key) cache = { key, result: propagate({ ...v, bn: v.bn === 'on' }) };
  return cache.result;
}

const W = 320;
const H = 200;
const M = { l: 44, r: 10, t: 10, b: 30 };

/** Decades to span: from the smallest positive value to the largest, at least two. */
function decades(values: readonly number[]): { lo: number; hi: number } {
  const logs = values.filter((x) => x > 0).map(Math.log10);
  let lo = Math.floor(Math.min(...logs, 0));
  let hi = Math.ceil(Math.max(...logs, 0));
  if (hi - lo < 2) {
    lo -= 1;
    hi += 1;
  }
  return { lo, hi };
}

function chart(v: SignalValues, r: SignalResult, l: SignalLabels): string {
  const all = [...r.forwardStd, ...r.gradNorm];
  const { lo, hi } = decades(all);
  const sx = (i: number) => M.l + (v.depth === 0 ? 0 : (i / v.depth) * (W - M.l - M.r));
  // Zero (underflow) sits on the bottom edge.
  const sy = (x: number) => (x > 0 ? H - M.b - ((Math.log10(x) - lo) / (hi - lo)) * (H - M.t - M.b) : H - M.b);
  const path = (series: readonly number[]) => `M${series.map((x, i) => `${sx(i).toFixed(1)},${sy(x).toFixed(1)}`).join('L')}`;
  const every = Math.ceil((hi - lo) / 6);
  const yTicks: number[] = [];
  // Round decades: multiples of the step.
  for (let d = Math.floor(hi / every) * every; d >= lo; d -= every) yTicks.push(d);
  const xStep = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => v.depth / s <= 5) ?? 100;
  const xTicks = Array.from({ length: Math.floor(v.depth / xStep) + 1 }, (_, i) => i * xStep);
  const alt = fill(l.chartAlt, {
    depth: v.depth,
    f0: formatSci(r.forwardStd[0]!),
    fL: formatSci(r.forwardStd[v.depth]!),
    gL: formatSci(r.gradNorm[v.depth]!),
    g0: formatSci(r.gradNorm[0]!),
  });
  return [
    `<figure class="sp-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(alt)}">`,
    ...yTicks.map((d) => `<line class="sp-grid" x1="${M.l}" x2="${W - M.r}" y1="${sy(10 ** d).toFixed(1)}" y2="${sy(10 ** d).toFixed(1)}"/><text class="sp-tick" x="${M.l - 4}" y="${sy(10 ** d).toFixed(1)}" text-anchor="end" dominant-baseline="middle">10${superscript(d)}</text>`),
    ...xTicks.map((i) => `<text class="sp-tick" x="${sx(i).toFixed(1)}" y="${H - M.b + 13}" text-anchor="middle">${i}</text>`),
    `<text class="sp-tick" x="${(M.l + W - M.r) / 2}" y="${H - 4}" text-anchor="middle">${e(l.xAxis)}</text>`,
    `<path class="sp-line-forward" d="${path(r.forwardStd)}"/>`,
    `<path class="sp-line-gradient" d="${path(r.gradNorm)}"/>`,
    `</svg><figcaption><span class="sp-key sp-key-forward">${e(l.keyForward)}</span> <span class="sp-key sp-key-gradient">${e(l.keyGradient)}</span></figcaption></figure>`,
  ].join('');
}

/** Highest layer index at and below which a series is exactly 0, or null. */
function zeroFrom(series: readonly number[]): number | null {
  let from: number | null = null;
  for (let i = 0; i < series.length && series[i] === 0; i += 1) from = i;
  return from;
}

export const signalPropagation: WidgetDef<SignalValues, SignalLabels> = {
  ...signalForm,
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? signalLabels : ({} as SignalLabels),

  summary(v, l) {
    const r = computeSignal(v);
    return fill(l.summary, { depth: v.depth, kind: l[`kind.${v.shortcut}`], activation: l[`activation.${v.activation}`], ratio: formatSci(r.ratio) });
  },

  render(v, l) {
    const r = computeSignal(v);
    const grow = r.forwardStd[v.depth]! / r.forwardStd[0]!;
    const zero = zeroFrom(r.gradNorm);
    const model = fill(l.modelText, {
      depth: v.depth,
      width: WIDTH,
      batch: BATCH,
      f: v.bn === 'on' ? 'φ(BN(W h))' : 'φ(W h)',
      std: formatSci(initStd(v.init), 3),
    });
    return [
      `<ul class="sp-facts"><li>${e(l.ratio)}: <strong>${formatSci(r.ratio)}</strong></li>`,
      `<li>${e(l.forward)}: <strong>${formatSci(grow)}</strong></li></ul>`,
      chart(v, r, l),
      zero === null ? '' : `<p class="sp-note">${e(fill(l.zero, { from: zero }))}</p>`,
      `<p class="sp-how"><strong>${e(l.model)}${e(l.period)}</strong> ${e(model)}</p>`,
    ].join('');
  },

  blame(error) {
    return isCalcError(error) ? 'depth' : undefined;
  },
};
