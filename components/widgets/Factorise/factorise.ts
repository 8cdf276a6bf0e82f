/**
 * "Factorisation explorer": one n×n convolution (C → C channels, stride 1, "same" padding) against
 * the factorisations of Szegedy et al., Rethinking the Inception Architecture (arXiv:1512.00567):
 * §3.1 a stack of 3×3 convolutions ((n − 1)/2 of them: 5×5 → two 3×3) and §3.2 the asymmetric
 * pair 1×n then n×1. Both tiny networks go through the calc core's analyse(), which gives the
 * weights, MACs and receptive fields compared here.
 */
import { analyse, CalcError, formatCompact, formatCount, formatPair, isCalcError, type Analysis, type ConvSpec, type Pair } from '../../../src/calc/index';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export type FactoriseKind = 'stack3' | 'asym';

export interface FactoriseValues {
  [key: string]: number | string;
  kind: FactoriseKind;
  n: number;
  c: number;
  size: number;
}

export const factoriseLabels = {
  kind: 'Factorisation',
  'kind.stack3': 'stacked 3×3 (§3.1)',
  'kind.asym': '1×n then n×1 (§3.2)',
  n: 'Kernel n',
  c: 'Channels C',
  size: 'Map size H = W',
  reset: 'Reset',
  before: 'Before: one n×n convolution',
  after: 'After: the factorised stack',
  compare: 'Cost and receptive field',
  layer: 'Layer',
  one: 'One n×n',
  factorised: 'Factorised',
  ratio: 'After ÷ before',
  params: 'Parameters (weights)',
  macs: 'MACs',
  nonlin: 'Layers (ReLUs)',
  rf: 'Receptive field',
  oddMessage: 'A stack of 3×3 convolutions sees an odd field: n must be odd and at least 3.',
  equal: 'equal',
  differ: 'differ',
  weights: 'weights',
  rfStep: 'receptive field',
  layerStep: '{name}: {product} = {weights} weights, field {rf}',
  stackName: '{n} stacked 3×3',
  saves: 'saves {pct}',
  costs: 'costs {pct} more',
  summary: '{what} instead of one {n}×{n}: same {rf} receptive field, {verb} of the weights.',
  caption:
    'C = {c} in and out, stride 1, “same” padding on a {size}×{size} map, weights only. Receptive fields from the calc core’s analysis of both networks.',
};
export type FactoriseLabels = typeof factoriseLabels;

function conv(name: string, c: number, kernel: number | Pair): ConvSpec {
  return { kind: 'conv', name, out: c, kernel, padding: 'same', bias: false };
}

/** The factorised layers: (n − 1)/2 stacked 3×3, or 1×n then n×1. */
export function factorisedLayers(v: FactoriseValues, l: FactoriseLabels = factorise.labels): ConvSpec[] {
  if (v.kind === 'asym') return [conv(`conv1x${v.n}`, v.c, [1, v.n]), conv(`conv${v.n}x1`, v.c, [v.n, 1])];
  // The message comes from the labels, already in the page's language.
  if (v.n < 3 || v.n % 2 === 0) throw Object.assign(new CalcError('bad-parameter', '', l.oddMessage), { localized: true });
  return Array.from({ length: (v.n - 1) / 2 }, (_, i) => conv(`conv3x3_${i + 1}`, v.c, 3));
}

export interface FactoriseResult {
  readonly before: Analysis;
  readonly after: Analysis;
}

export function computeFactorise(v: FactoriseValues, l: FactoriseLabels = factorise.labels): FactoriseResult {
  const input = [v.c, v.size, v.size];
  const after = factorisedLayers(v, l);
  const before = analyse({ id: 'before', input, layers: [conv(`conv${v.n}x${v.n}`, v.c, v.n)] });
  return { before, after: analyse({ id: 'after', input, layers: after }) };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export const factorise: WidgetDef<FactoriseValues, FactoriseLabels> = {
  name: 'factorise',
  fields: {
    kind: { kind: 'choice', options: ['stack3', 'asym'] },
    n: int(2, 15),
    c: CHANNELS,
    size: int(1, 2048),
  },
  defaults: { kind: 'stack3', n: 5, c: 192, size: 35 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? factoriseLabels : ({} as FactoriseLabels),

  summary(v, l) {
    const { before, after } = computeFactorise(v, l);
    const saving = 1 - after.params.weights / before.params.weights;
    const what = v.kind === 'asym' ? `1×${v.n} + ${v.n}×1` : fill(l.stackName, { n: (v.n - 1) / 2 });
    const verb = saving >= 0 ? fill(l.saves, { pct: pct(saving) }) : fill(l.costs, { pct: pct(-saving) });
    return fill(l.summary, { what, n: v.n, rf: formatPair(after.receptiveField.size), verb });
  },

  render(v, l) {
    const { before, after } = computeFactorise(v, l);
    const c2 = `${v.c}²`;
    const beforeSteps = `<li>${e(l.weights)} = n²·C² = ${v.n}²·${c2} = <strong>${formatCount(before.params.weights)}</strong></li>` +
      `<li>${e(l.rfStep)} = ${formatPair(before.receptiveField.size)}</li>`;
    const perLayer = after.rows.map((row) => {
      const [kh, kw] = row.window?.kernel ?? [1, 1];
      const rf = row.receptiveField ? formatPair(row.receptiveField.size) : '—';
      return `<li>${e(fill(l.layerStep, { name: row.name, product: `${kh}·${kw}·${c2}`, weights: formatCount(row.params.weights), rf }))}</li>`;
    });
    const coeff = v.kind === 'asym' ? `2n·C² = 2·${v.n}·${c2}` : `((n − 1)/2)·9·C² = ${(v.n - 1) / 2}·9·${c2}`;
    const afterSteps = perLayer.join('') + `<li>${e(l.weights)} = ${coeff} = <strong>${formatCount(after.params.weights)}</strong></li>`;
    const same = after.receptiveField.size[0] === before.receptiveField.size[0] && after.receptiveField.size[1] === before.receptiveField.size[1];
    const rows = [
      [e(l.rf), formatPair(before.receptiveField.size), formatPair(after.receptiveField.size), e(same ? l.equal : l.differ)],
      [e(l.params), formatCount(before.params.weights), formatCount(after.params.weights), pct(after.params.weights / before.params.weights)],
      [e(l.macs), formatCompact(before.macs), formatCompact(after.macs), pct(after.macs / before.macs)],
      [e(l.nonlin), '1', String(after.rows.length), `${after.rows.length}×`],
    ];
    return [
      `<h4>${e(l.before)}</h4><ol class="nb-derivation">${beforeSteps}</ol>`,
      `<h4>${e(l.after)}</h4><ol class="nb-derivation">${afterSteps}</ol>`,
      `<h4>${e(l.compare)}</h4>`,
      htmlTable(['', e(l.one), e(l.factorised), e(l.ratio)], rows, {
        caption: fill(l.caption, { c: v.c, size: v.size }),
      }),
    ].join('');
  },

  blame(error, v) {
    if (!isCalcError(error)) return undefined;
    if (error.code === 'bad-parameter' && v.kind === 'stack3') return 'n';
    if (error.code === 'too-large') return 'size';
    return undefined;
  },
};
