/**
 * "Depthwise separable vs standard" cell: one k×k convolution C_in → C_out against Xception's
 * depthwise separable convolution (depthwise k×k with depth multiplier m, then pointwise 1×1), at
 * stride 1 with "same" padding on an H×W map. Counts come from the calc core (convParams/convMacs,
 * separableParams/separableMacs); biases are left out on both sides, as in Xception.
 */
import { convMacs, convParams, formatCompact, formatCount, isCalcError } from '../../../src/calc/index';
import { separableMacs, separableParams } from '../../../src/calc/index';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export interface SeparableConvValues {
  [key: string]: number;
  cin: number;
  cout: number;
  k: number;
  m: number;
  size: number;
}

export const separableConvLabels = {
  cin: 'Input channels C_in',
  cout: 'Output channels C_out',
  k: 'Kernel k',
  m: 'Depth multiplier m',
  size: 'Map size H = W',
  reset: 'Reset',
  standard: 'Standard k×k convolution',
  separable: 'Depthwise separable: depthwise k×k, then pointwise 1×1',
  ratioHead: 'Ratio: separable ÷ standard',
  compare: 'Side by side',
  params: 'Parameters (weights)',
  macs: 'MACs',
  std: 'Standard',
  sep: 'Separable',
  ratio: 'Ratio',
  depthwise: 'depthwise',
  pointwise: 'pointwise',
  weights: 'weights',
  fewer: '{x}× fewer',
  more: '{x}× more',
  caption:
    'Weights only (no biases); stride 1 with “same” padding, so both outputs are {shape} and MACs are weights × {hw} positions for both.',
  summary: 'Separable {k}×{k}, {cin} → {cout}: {sep} weights against {std} for a standard conv, {factor} (ratio {ratio}).',
};
export type SeparableConvLabels = typeof separableConvLabels;

export interface SeparableConvResult {
  readonly std: { readonly params: number; readonly macs: number };
  readonly depthwise: { readonly params: number; readonly macs: number };
  readonly pointwise: { readonly params: number; readonly macs: number };
  readonly sep: { readonly params: number; readonly macs: number };
  /** sep.params / std.params, which equals m/C_out + m/k². */
  readonly ratio: number;
}

export function computeSeparable(v: SeparableConvValues): SeparableConvResult {
  const kernel = v.k;
  const outSize = v.size;
  const std = {
    params: convParams({ inChannels: v.cin, out: v.cout, kernel, bias: false }).total,
    macs: convMacs({ inChannels: v.cin, out: v.cout, kernel, bias: false, outSize }),
  };
  // The two halves as PyTorch writes them: Conv2d(groups = C_in) then a 1×1 Conv2d.
  const inner = v.cin * v.m;
  const depthwise = {
    params: convParams({ inChannels: v.cin, out: inner, kernel, groups: v.cin, bias: false }).total,
    macs: convMacs({ inChannels: v.cin, out: inner, kernel, groups: v.cin, bias: false, outSize }),
  };
  const pointwise = {
    params: convParams({ inChannels: inner, out: v.cout, kernel: 1, bias: false }).total,
    macs: convMacs({ inChannels: inner, out: v.cout, kernel: 1, bias: false, outSize }),
  };
  const counts = { inChannels: v.cin, out: v.cout, kernel, depthMultiplier: v.m, bias: false };
  const sep = { params: separableParams(counts).total, macs: separableMacs({ ...counts, outSize }) };
  return { std, depthwise, pointwise, sep, ratio: sep.params / std.params };
}

/** "0.1125" with enough digits to be useful, never exponent notation for the ranges allowed. */
export function ratioText(x: number): string {
  return x >= 0.01 ? x.toFixed(4) : x.toPrecision(3);
}

/** How many times cheaper (or dearer): "8.89× fewer" / "1.50× more". */
export function factorText(ratio: number, l: SeparableConvLabels = separableConv.labels): string {
  return ratio <= 1 ? fill(l.fewer, { x: (1 / ratio).toFixed(2) }) : fill(l.more, { x: ratio.toFixed(2) });
}

export const separableConv: WidgetDef<SeparableConvValues, SeparableConvLabels> = {
  name: 'separable-conv',
  fields: {
    cin: CHANNELS,
    cout: CHANNELS,
    k: int(1, 11),
    m: int(1, 8),
    size: int(1, 2048),
  },
  defaults: { cin: 728, cout: 728, k: 3, m: 1, size: 19 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? separableConvLabels : ({} as SeparableConvLabels),

  summary(v, l) {
    const r = computeSeparable(v);
    const factor = factorText(r.ratio, l);
    return fill(l.summary, { k: v.k, cin: v.cin, cout: v.cout, sep: formatCount(r.sep.params), std: formatCount(r.std.params), factor, ratio: ratioText(r.ratio) });
  },

  render(v, l) {
    const r = computeSeparable(v);
    const hw = v.size * v.size;
    const k2 = v.k * v.k;
    const std = [
      `<li>${e(l.weights)} = k²·C_in·C_out = ${k2}·${v.cin}·${v.cout} = <strong>${formatCount(r.std.params)}</strong></li>`,
      `<li>MACs = ${e(l.weights)}·H·W = ${formatCount(r.std.params)}·${v.size}·${v.size} = <strong>${formatCount(r.std.macs)}</strong></li>`,
    ].join('');
    const mTerm = v.m === 1 ? '' : `·${v.m}`;
    const sep = [
      `<li>${e(l.depthwise)}: k²·C_in·m = ${k2}·${v.cin}·${v.m} = ${formatCount(r.depthwise.params)}</li>`,
      `<li>${e(l.pointwise)}: C_in·m·C_out = ${v.cin}${mTerm}·${v.cout} = ${formatCount(r.pointwise.params)}</li>`,
      `<li>${e(l.weights)} = ${formatCount(r.depthwise.params)} + ${formatCount(r.pointwise.params)} = <strong>${formatCount(r.sep.params)}</strong></li>`,
      `<li>MACs = ${e(l.weights)}·H·W = ${formatCount(r.sep.params)}·${hw} = <strong>${formatCount(r.sep.macs)}</strong></li>`,
    ].join('');
    const mNum = v.m === 1 ? '1' : String(v.m);
    const ratio = [
      `<li>(k²·C_in·m + C_in·m·C_out) / (k²·C_in·C_out)</li>`,
      `<li>= m/C_out + m/k²</li>`,
      `<li>= ${mNum}/${v.cout} + ${mNum}/${k2} = ${ratioText(v.m / v.cout)} + ${ratioText(v.m / k2)} = <strong>${ratioText(r.ratio)}</strong></li>`,
      `<li>${formatCount(r.sep.params)} / ${formatCount(r.std.params)} = ${ratioText(r.ratio)}: ${e(factorText(r.ratio, l))}</li>`,
    ].join('');
    const rows = [
      [e(l.params), formatCount(r.std.params), formatCount(r.sep.params), ratioText(r.ratio)],
      [e(l.macs), formatCompact(r.std.macs), formatCompact(r.sep.macs), ratioText(r.sep.macs / r.std.macs)],
    ];
    return [
      `<h4>${e(l.standard)}</h4><ol class="nb-derivation">${std}</ol>`,
      `<h4>${e(l.separable)}</h4><ol class="nb-derivation">${sep}</ol>`,
      `<h4>${e(l.ratioHead)}</h4><ol class="nb-derivation">${ratio}</ol>`,
      htmlTable(['', e(l.std), e(l.sep), e(l.ratio)], rows, {
        caption: fill(l.caption, { shape: `${v.cout}×${v.size}×${v.size}`, hw }),
      }),
    ].join('');
  },

  blame(error) {
    return isCalcError(error) && error.code === 'too-large' ? 'size' : undefined;
  },
};
