/**
 * "Convolution calculator" cell: one Conv2d (or MaxPool2d) layer on an H×W input. Shows the
 * output size with the reader's numbers substituted (floor, TF/Keras "same", PyTorch pooling's
 * ceil_mode and its last-window rule), then parameters (groups, bias) and MACs, with FLOPs = 2 × MACs.
 * Every number comes from the calc core (convOutputSize, samePadding, convParams, convMacs).
 */
import {
  CalcError,
  convMacs,
  convOutputSize,
  convParams,
  effectiveKernel,
  formatCompact,
  formatCount,
  isCalcError,
  samePadding,
  type ParamCount,
} from '../../../src/calc/index';
import { checkPoolPadding } from '../../../src/calc/geometry';
import { CHANNELS, int } from '../../../src/widget/fields';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';
import { renderConvCalc } from './conv-calc-derivation';

export type ConvCalcValues = {
  h: number;
  w: number;
  cin: number;
  cout: number;
  k: number;
  s: number;
  pad: string;
  p: number;
  d: number;
  groups: number;
  bias: string;
  layer: string;
  rounding: string;
};

export const convCalcLabels = {
  h: 'Input height H',
  w: 'Input width W',
  cin: 'Input channels C_in',
  cout: 'Output channels C_out',
  k: 'Kernel k (k×k)',
  s: 'Stride s',
  pad: 'Padding mode',
  'pad.explicit': 'explicit p',
  'pad.same': "TF/Keras 'same'",
  p: 'Padding p (each side)',
  d: 'Dilation d',
  groups: 'Groups g',
  bias: 'Bias',
  'bias.yes': 'yes',
  'bias.no': 'no (BN follows)',
  layer: 'Layer',
  'layer.conv': 'Conv2d',
  'layer.maxpool': 'MaxPool2d',
  rounding: 'Rounding',
  'rounding.floor': 'floor (default)',
  'rounding.ceil': 'ceil_mode=True',
  reset: 'Reset',
  size: 'Output size',
  params: 'Parameters',
  macs: 'MACs',
  result: 'Result',
  outputShape: 'Output shape',
  flops: 'FLOPs = 2 × MACs',
  gflops: 'torchvision “GFLOPS” (= MACs / 10⁹)',
  ceilOnConv: 'Conv2d has no ceil_mode: only pooling layers (MaxPool2d, AvgPool2d) can round up. Choose floor, or switch the layer to MaxPool2d.',
  kernelTooLarge: '{problem}',
  poolPadding: "MaxPool2d: {problem} (PyTorch's rule)",
  groupsNotDividing: '{problem}',
  sameStep: "'same': {out} = ⌈{L}/{s}⌉ = ⌈{size}/{stride}⌉ = {target}; padding = max(({target} − 1)·{stride} + {kEff} − {size}, 0) = {total} → {before} before, {after} after",
  dropped: 'last window would start at ({n} − 1)·{stride} = {start} ≥ {L} + {pb} = {limit}, in the right padding → dropped: {out} = <strong>{result}</strong>',
  kept: 'last window starts at ({n} − 1)·{stride} = {start} < {L} + {pb} = {limit}, inside the input or left padding → kept',
  poolNote:
    'A pooling layer has no weights: it keeps the {cin} input channels (C_out and groups are not used) and takes a max, not a multiply-accumulate, so it adds 0 parameters and 0 MACs.',
  weights: 'weights',
  biases: 'biases',
  noBias: 'biases = 0 (bias=False)',
  total: 'total',
  depthwise: 'depthwise: ',
  groupNote: 'each filter sees only {per} of {cin} input channels: 1/{g} of the {dense} weights of a dense conv',
  macsIsWeights: '= weights × output positions = {weights} × {positions} (bias additions are not counted)',
  flopsStep: 'FLOPs = 2 × MACs = 2 × {macs} = {flops} (one multiply and one add each)',
  maxPoolName: '{k}×{k} max pool',
  convName: '{k}×{k} conv',
  summaryPool: '{what}, stride {s}, on {input} gives {shape}; no parameters, no MACs.',
  summaryConv: '{what}, stride {s}, on {input} gives {shape}: {params} parameters, {macs} MACs ({flops} FLOPs).',
};
export type ConvCalcLabels = typeof convCalcLabels;

/** A core error, or this widget's own check, tagged with the field a reader should fix. */
export class ConvCalcError extends CalcError {
  /** The message comes from the labels: already in the page's language. */
  readonly localized = true;
  constructor(
    override readonly field: Extract<keyof ConvCalcValues, string>,
    problem: string,
  ) {
    super('bad-parameter', '', problem, field);
  }
}

export interface AxisResult {
  readonly size: number;
  readonly before: number;
  readonly after: number;
  readonly out: number;
  /** ceil mode: the count before the last-window rule, and whether the rule dropped a window. */
  readonly ceilRaw?: number;
  readonly dropped?: boolean;
}

export interface ConvCalcResult {
  readonly kEff: number;
  readonly h: AxisResult;
  readonly w: AxisResult;
  readonly outChannels: number;
  readonly params: ParamCount;
  readonly macs: number;
}

function axis(v: ConvCalcValues, size: number, l: ConvCalcLabels): AxisResult {
  const ceil = v.rounding === 'ceil';
  const { before, after } = v.pad === 'same' ? samePadding(size, v.k, v.s, v.d) : { before: v.p, after: v.p };
  let out: number;
  try {
    // PyTorch pooling refuses padding over half the effective window, in floor mode too.
    if (v.layer === 'maxpool') checkPoolPadding('', before, after, effectiveKernel(v.k, v.d));
    out = convOutputSize(size, v.k, v.s, before, after, v.d, ceil);
  } catch (error) {
    if (isCalcError(error) && error.code === 'kernel-too-large') throw new ConvCalcError('k', fill(l.kernelTooLarge, { problem: error.problem }));
    if (isCalcError(error) && error.code === 'bad-parameter' && error.field?.startsWith('padding')) {
      throw new ConvCalcError(v.pad === 'same' ? 'pad' : 'p', fill(l.poolPadding, { problem: error.problem }));
    }
    throw error;
  }
  if (!ceil) return { size, before, after, out };
  const kEff = effectiveKernel(v.k, v.d);
  const ceilRaw = Math.ceil((size + before + after - kEff) / v.s) + 1;
  return { size, before, after, out, ceilRaw, dropped: ceilRaw !== out };
}

/** Everything the cell shows, from the calc core. Throws CalcError (often a ConvCalcError) on an impossible layer. */
export function computeConvCalc(v: ConvCalcValues, labels: ConvCalcLabels = convCalc.labels): ConvCalcResult {
  const pool = v.layer === 'maxpool';
  if (!pool && v.rounding === 'ceil') throw new ConvCalcError('rounding', labels.ceilOnConv);
  const kEff = effectiveKernel(v.k, v.d);
  const h = axis(v, v.h, labels);
  const w = axis(v, v.w, labels);
  if (pool) {
    const none: ParamCount = { weights: 0, biases: 0, bn: 0, total: 0 };
    return { kEff, h, w, outChannels: v.cin, params: none, macs: 0 };
  }
  const counts = { inChannels: v.cin, out: v.cout, kernel: v.k, groups: v.groups, bias: v.bias === 'yes' };
  let params: ParamCount;
  let macs: number;
  try {
    params = convParams(counts);
    macs = convMacs({ ...counts, outSize: [h.out, w.out] });
  } catch (error) {
    if (isCalcError(error) && error.code === 'channels-not-divisible') throw new ConvCalcError('groups', fill(labels.groupsNotDividing, { problem: error.problem }));
    throw error;
  }
  return { kEff, h, w, outChannels: v.cout, params, macs };
}

export const convCalc: WidgetDef<ConvCalcValues, ConvCalcLabels> = {
  name: 'conv-calc',
  fields: {
    h: CHANNELS,
    w: CHANNELS,
    cin: CHANNELS,
    cout: CHANNELS,
    k: int(1, 15),
    s: int(1, 8),
    pad: { kind: 'choice', options: ['explicit', 'same'] },
    p: int(0, 16),
    d: int(1, 16),
    groups: CHANNELS,
    bias: { kind: 'choice', options: ['yes', 'no'] },
    layer: { kind: 'choice', options: ['conv', 'maxpool'] },
    rounding: { kind: 'choice', options: ['floor', 'ceil'] },
  },
  // AlexNet's first convolution (torchvision): 11×11, stride 4, padding 2, 3 → 64 channels.
  defaults: { h: 224, w: 224, cin: 3, cout: 64, k: 11, s: 4, pad: 'explicit', p: 2, d: 1, groups: 1, bias: 'yes', layer: 'conv', rounding: 'floor' },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? convCalcLabels : ({} as ConvCalcLabels),

  summary(v, l) {
    const r = computeConvCalc(v, l);
    const shape = `${r.outChannels}×${r.h.out}×${r.w.out}`;
    const pool = v.layer === 'maxpool';
    const what = fill(pool ? l.maxPoolName : l.convName, { k: v.k });
    const vars = { what, s: v.s, input: `${v.cin}×${v.h}×${v.w}`, shape, params: formatCount(r.params.total), macs: formatCompact(r.macs), flops: formatCompact(2 * r.macs) };
    return fill(pool ? l.summaryPool : l.summaryConv, vars);
  },

  render(v, l) {
    return renderConvCalc(v, computeConvCalc(v, l), l);
  },

  blame(error) {
    if (error instanceof ConvCalcError) return error.field;
    if (isCalcError(error) && error.code === 'channels-not-divisible') return 'groups';
    if (isCalcError(error) && error.code === 'kernel-too-large') return 'k';
    return undefined;
  },
};
