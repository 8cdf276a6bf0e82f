/**
 * The figures the chapter "From Inception to Xception" quotes in its prose, computed once by the
 * calc core for both languages (content/inception-to-xception.mdx and its zh-cn translation).
 */
import {
  analyse,
  convParams,
  separableParams,
  type Analysis,
  type ConvSpec,
  type LayerRow,
  type LayerSpec,
  type Pair,
  type PoolSpec,
} from '../calc/index';
import { analysisOf } from '../models/analysis';
import { googlenetTable1, type GoogLeNetInceptionRow } from '../models/googlenet';
import { inceptionToXception, XCEPTION_MIDDLE } from '../models/inception-steps';
import { layerTraffic, networkTraffic } from '../models/memory-traffic';
import { rowOf, sumRows } from './facts';

export { XCEPTION_MIDDLE };

export const xc = analysisOf('xception');
/** Depthwise, pointwise and dense 3×3 at the middle-flow setting: MACs against fp32 bytes. */
export const traffic = layerTraffic();
/** Inception v3 (no aux head) and Xception as whole networks: MACs against fp32 bytes. */
export const netTraffic = networkTraffic();

/** The five simplifications, step 0 (Inception v3's module) to step 6 (Xception's op). */
export const steps = inceptionToXception();
export const stepW = (i: number): number => (steps[i] as (typeof steps)[number]).analysis.params.weights;
export const C = XCEPTION_MIDDLE.channels;

/** Weights of one bias-free convolution: k×k (or kh×kw), cin → cout, in `groups` groups. */
export const w = (k: number | Pair, cin = 1, cout = 1, groups = 1): number =>
  convParams({ inChannels: cin, out: cout, kernel: k, groups, bias: false }).weights;
/** Weights of one bias-free depthwise separable k×k convolution, cin → cout. */
export const sepW = (cin: number, cout: number, k = 3): number =>
  separableParams({ inChannels: cin, out: cout, kernel: k, bias: false }).weights;
/** "28%": how much smaller `after` is than `before`, rounded to a whole per cent. */
export const saving = (after: number, before: number): string => `${Math.round(100 * (1 - after / before))}%`;

export const sepMid = rowOf(xc, 'block5.sepconv1');
export const block5 = rowOf(xc, 'block5');
/** The eight middle-flow blocks, block5 … block12, summed. */
export const middle = sumRows(xc, (r) => /^block(5|6|7|8|9|10|11|12)\./.test(r.name));

/** Image column of the centre of the first output unit's receptive field of a layer. */
export const rowCentre = (name: string): number => {
  const f = rowOf(xc, name).receptiveField;
  if (f === null) throw new Error(`xception layer "${name}" has no receptive field`);
  return ((f.size[0] as number) - 1) / 2 - (f.padding[0] as number);
};

/** Batch-normalised channels: `params.bn` counts γ and β, two per channel. */
export const bnChannels = xc.params.bn / 2;
/** Convolutional layers, shortcut 1×1s excluded (Chollet's count). */
export const convLayers = xc.rows.filter((r) => (r.kind === 'conv' || r.kind === 'separable') && !r.name.endsWith('.residual')).length;
export const blockCount = xc.rows.filter((r) => r.kind === 'block').length;
/** Of those, the ones that are not separable: the stem's two convolutions. */
export const plainConvs = xc.rows.filter((r) => r.kind === 'conv' && !r.name.endsWith('.residual')).length;

/** GoogLeNet's inception (3a), the paper's Table 1 row. */
export const t3a = googlenetTable1.find((r) => r.name === 'inception3a') as GoogLeNetInceptionRow;

/** A bias-free k×k convolution with "same" padding, as in the Inception v1 branches. */
export const v1conv = (name: string, out: number, k: number, from: string): ConvSpec => ({
  kind: 'conv',
  name,
  out,
  kernel: k,
  padding: (k - 1) / 2,
  bias: false,
  from,
});
/** The pooling branch's 3×3 max pool, stride 1, on the module input. */
export const v1pool = (name: string): PoolSpec => ({ kind: 'maxpool', name, kernel: 3, stride: 1, padding: 1, from: 'input' });

const concatOfBranches: LayerSpec = { kind: 'concat', name: 'cat', from: ['b1', 'b2', 'b3', 'b4'] };

/** inception (3a) without reductions: 1×1, 3×3, 5×5 and a pool side by side on its input. */
export const naive3a: Analysis = analyse({
  input: [t3a.inChannels, t3a.outputSize, t3a.outputSize],
  layers: [v1conv('b1', t3a.ch1x1, 1, 'input'), v1conv('b2', t3a.ch3x3, 3, 'input'), v1conv('b3', t3a.ch5x5, 5, 'input'), v1pool('b4'), concatOfBranches],
});
/** inception (3a) as GoogLeNet builds it: 1×1 reductions before the 3×3 and 5×5, a projection after the pool. */
export const reduced3a: Analysis = analyse({
  input: [t3a.inChannels, t3a.outputSize, t3a.outputSize],
  layers: [
    v1conv('b1', t3a.ch1x1, 1, 'input'),
    v1conv('b2r', t3a.ch3x3red, 1, 'input'),
    v1conv('b2', t3a.ch3x3, 3, 'b2r'),
    v1conv('b3r', t3a.ch5x5red, 1, 'input'),
    v1conv('b3', t3a.ch5x5, 5, 'b3r'),
    v1pool('b4p'),
    v1conv('b4', t3a.poolProj, 1, 'b4p'),
    concatOfBranches,
  ],
});

/** Weights of the continuum's module: a 1×1 conv C → C, then a 3×3 conv C → C in g groups (no bias). */
export const continuumWeights = (c: number, g: number): number =>
  analyse({
    input: [c, 1, 1],
    layers: [
      { kind: 'conv', name: 'pointwise', out: c, kernel: 1, bias: false },
      { kind: 'conv', name: 'spatial', out: c, kernel: 3, padding: 1, groups: g, bias: false },
    ],
  }).params.weights;

/** Exercise: Xception's block3.sepconv2, a separable 3×3 from 256 to 256 channels. */
export const ex256: LayerRow = rowOf(xc, 'block3.sepconv2');
/** Exercise: the continuum's module at C = 256, g = 16, and its g = 1 trap. */
export const exG = continuumWeights(256, 16);
export const exG1 = continuumWeights(256, 1);
/** Exercise: a 7×7 from 192 to 192 channels on the 17×17 grid, factorised into 1×7 then 7×1. */
export const ex7 = analyse({
  input: [192, 17, 17],
  layers: [
    { kind: 'conv', name: 'a', out: 192, kernel: [1, 7], padding: [0, 3], bias: false },
    { kind: 'conv', name: 'b', out: 192, kernel: [7, 1], padding: [3, 0], bias: false },
  ],
});
