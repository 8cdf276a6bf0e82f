/**
 * Classification backbone → segmentation encoder: a registry model cut at its `encoderCut` (set by
 * each builder) with src/calc's truncateNetwork, analysed (memoised) by the calc core; and
 * `fcnVgg16`, VGG-16 with fc6/fc7 rewritten as convolutions, as FCN does (Long et al. 2015).
 *
 * Pure: no DOM, no I/O. Unit tests in tests/models/encoder.test.ts.
 */
import { analyse, CalcError, truncateNetwork, type Analysis, type EncoderCut, type LayerSpec, type Network } from '../calc/index';
import { getNetwork, type NetworkOptions } from './registry';

/** Where a registry model's feature extractor ends (its builder's `encoderCut`). */
export function encoderCut(id: string, options: NetworkOptions = {}): EncoderCut {
  const net = getNetwork(id, options);
  if (net.encoderCut === undefined) throw new CalcError('unknown-network', id, 'no encoder cut is defined for this model');
  return net.encoderCut;
}

/** A registry model without its classifier, analysed at a square input (default: the model's). */
export function encoderOf(id: string, options: NetworkOptions = {}, last?: string): Network {
  return truncateNetwork(getNetwork(id, options), last ?? encoderCut(id, options).node);
}

const encoderCache = new Map<string, Analysis>();

/** Memoised analysis of an encoder at size×size (3 channels). */
export function encoderAnalysis(id: string, options: NetworkOptions = {}, size?: number, last?: string): Analysis {
  const key = JSON.stringify([id, options, size, last]);
  let a = encoderCache.get(key);
  if (a === undefined) {
    const net = encoderOf(id, options, last);
    a = analyse(net, size === undefined ? undefined : [3, size, size]);
    encoderCache.set(key, a);
  }
  return a;
}

/**
 * VGG-16 as FCN's encoder (Long, Shelhamer & Darrell, "Fully Convolutional Networks for Semantic
 * Segmentation", CVPR 2015, arXiv:1411.4038, §3.1 and §4.2): the features up to pool5, then fc6 as
 * a 7×7 convolution with 4096 outputs and fc7 as a 1×1 convolution — the same weights as
 * torchvision's classifier.0 and classifier.3, reshaped. FCN's Caffe model pads conv1_1 by 100
 * and crops later so small inputs survive the unpadded 7×7; here fc6 is padded by 3 instead,
 * which keeps the map at input/32 and changes no count per position.
 */
export function fcnVgg16(): Network {
  const features = truncateNetwork(getNetwork('vgg16'), 'features.30');
  const layers: LayerSpec[] = [
    ...features.layers,
    { name: 'fc6', label: 'conv6', kind: 'conv', out: 4096, kernel: 7, padding: 3, from: 'features.30' },
    { name: 'relu6', kind: 'act', fn: 'relu' },
    { name: 'fc7', label: 'conv7', kind: 'conv', out: 4096, kernel: 1 },
    { name: 'relu7', kind: 'act', fn: 'relu' },
  ];
  return {
    id: 'fcn_vgg16',
    title: 'VGG-16 as FCN encoder (fc6, fc7 as convolutions)',
    input: [3, 224, 224],
    layers,
    source: 'https://arxiv.org/abs/1411.4038; https://github.com/shelhamer/fcn.berkeleyvision.org/blob/master/voc-fcn8s/net.py',
    notes: ['fc6 is padded by 3 here; the Caffe model pads conv1_1 by 100 instead and crops the scores.'],
  };
}
