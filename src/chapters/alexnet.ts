/**
 * The figures the AlexNet chapter quotes, computed once for both languages (content/alexnet.mdx
 * and content/zh-cn/alexnet.mdx import the same names).
 */
import { analyse, convOutputSize, type LayerRow, type LayerSpec } from '../calc/index';
import { analysisOf } from '../models/analysis';
import { getNetwork } from '../models/registry';
import { rowOf, sumRows } from './facts';
import { propagate, type InitName, type SignalDetail } from '../sim/signal';
import type { ActivationName } from '../sim/activations';

/** The paper's two-tower net (BVLC Caffe, 227×227), torchvision's single tower, and the paper's net fed 224×224. */
export const paper = analysisOf('alexnet_2012');
export const tv = analysisOf('alexnet');
export const paper224 = analysisOf('alexnet_2012', {}, [3, 224, 224]);

export const convPart = sumRows(paper, (r) => r.kind === 'conv');
export const fcPart = sumRows(paper, (r) => r.kind === 'linear');
export const conv1 = rowOf(paper, 'conv1');
export const conv2 = rowOf(paper, 'conv2');
export const conv4 = rowOf(paper, 'conv4');
export const fc6 = rowOf(paper, 'fc6');
export const tvConv1 = rowOf(tv, 'conv1');

/** One layer of the paper's net recomputed with groups = 1: the same layer as one tower. */
export function asOneTower(name: string): LayerRow {
  const layer: LayerSpec | undefined = getNetwork('alexnet_2012').layers.find((l) => l.name === name);
  if (layer?.kind !== 'conv') throw new Error(`alexnet_2012 has no convolution "${name}"`);
  return analyse({ input: rowOf(paper, name).input, layers: [{ ...layer, groups: 1 }] }).rows[0] as LayerRow;
}
export const conv2Single = asOneTower('conv2');
export const conv4Single = asOneTower('conv4');

/** Output units of every conv and fully connected layer: the paper's "neurons". */
export const neurons = paper.rows
  .filter((r) => r.kind === 'conv' || r.kind === 'linear')
  .reduce((sum, r) => sum + r.output.reduce((p, d) => p * d, 1), 0);

/** conv1 on 224×224: the floored size, and the fraction the formula gives before flooring. */
export const conv1At224 = convOutputSize(224, 11, 4);
export const conv1Exact224 = (224 - 11) / 4 + 1;
/** pool1's width with the paper's overlapping 3×3/2 pool, and with a plain 2×2/2 pool. */
export const pool1Overlap = rowOf(paper, 'pool1').output[1];
export const pool1Plain = convOutputSize(conv1.output[1] as number, 2, 2);
/** fc6's input length at 224 and at 227. */
export const fc6In224 = rowOf(paper224, 'fc6').input[0];
export const fc6In227 = fc6.input[0];

/** A plain stack (no shortcut, no BN, seed 1) at initialisation. */
export function stack(depth: number, activation: ActivationName, init: InitName): SignalDetail {
  return propagate({ depth, shortcut: 'plain', activation, init, bn: false, seed: 1 });
}
export const sig50 = stack(50, 'sigmoid', 'xavier');
export const relu50 = stack(50, 'relu', 'he');
export const small50 = stack(50, 'relu', 'small');
export const sig20 = stack(20, 'sigmoid', 'xavier');

/** Orders of magnitude the gradient loses through 20 sigmoid layers, and the bound σ′ ≤ 1/4 alone gives (4²⁰). */
export const exSigOrders = Math.floor(-Math.log10(sig20.ratio));
export const exSigBound = Math.floor(20 * Math.log10(4));
/** First depth at which N(0, 0.01²) ReLU layers shrink the forward std below 10⁻⁶ of the input's. */
export const exSmallDepth = small50.forwardStd.findIndex((x) => x / (small50.forwardStd[0] as number) < 1e-6);
