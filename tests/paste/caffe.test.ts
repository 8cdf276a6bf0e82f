/**
 * The BVLC reference prototxts (tests/fixtures/paste/caffe, copied from BVLC/caffe) against the
 * registry's models built from the same files (alexnet_2012, googlenet_2014), through analyse().
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { parseNetwork, ParseError } from '../../src/parse/index';
import { prototxt } from './fixtures';

describe('BVLC prototxts = the registry', () => {
  it.each([
    ['bvlc_alexnet', 'alexnet_2012', 60_965_224],
    ['bvlc_googlenet', 'googlenet_2014', 6_998_552],
  ] as const)('%s = registry %s: params, MACs, receptive field, every row', (file, id, params) => {
    const p = parseNetwork(prototxt(file));
    expect(p.format).toBe('caffe');
    const mine = analyse(p.network);
    const theirs = analyse(getNetwork(id));
    // 60,965,224 and 6,998,552: the parameter counts quoted for bvlc_alexnet and bvlc_googlenet (see src/models).
    expect(mine.params.total).toBe(params);
    expect(mine.params).toEqual(theirs.params);
    expect(mine.macs).toBe(theirs.macs);
    expect(mine.receptiveField).toEqual(theirs.receptiveField);
    expect(mine.input).toEqual(theirs.input);
    expect(mine.output).toEqual(theirs.output);
    const weighted = (rows: typeof mine.rows) => rows.filter((r) => r.kind !== 'block' && r.params.total > 0).map((r) => [r.output, r.params.total, r.macs]);
    expect(weighted(mine.rows)).toEqual(weighted(theirs.rows));
  });

  it('reads Caffe names, in-place layers and the implicit flatten of InnerProduct', () => {
    const p = parseNetwork(prototxt('bvlc_googlenet'));
    const node = (name: string) => p.network.layers.find((l) => l.name === name);
    expect(node('inception_3a/output')).toMatchObject({ kind: 'concat', from: ['inception_3a/relu_1x1', 'inception_3a/relu_3x3', 'inception_3a/relu_5x5', 'inception_3a/relu_pool_proj'] });
    expect(node('inception_3a/pool')).toMatchObject({ kind: 'maxpool', kernel: 3, stride: 1, padding: 1, from: 'pool2/3x3_s2' });
    expect(node('pool5/drop_7x7_s1')).toMatchObject({ kind: 'dropout', p: 0.4, from: 'pool5/7x7_s1' });
    expect(node('loss3/classifier/flatten')?.from).toBe('pool5/drop_7x7_s1');
    expect(p.wiring.filter((n) => n.rule === 'caffe-implicit').map((n) => n.module)).toEqual(['loss3/classifier (InnerProduct)']);
  });

  it("Caffe's pooling rounding: ceil by default, floor with round_mode FLOOR, and the clip only with padding", () => {
    const net = (pool: string, size = 8) =>
      analyse(
        parseNetwork(`input: "data"\ninput_shape { dim: 1 dim: 3 dim: ${size} dim: ${size} }\nlayer { name: "p" type: "Pooling" bottom: "data" top: "p" pooling_param { ${pool} } }`).network,
      ).output;
    // (8 − 3)/2 = 2.5: ceil → 4, floor → 3 (pooling_layer.cpp).
    expect(net('pool: MAX kernel_size: 3 stride: 2')).toEqual([3, 4, 4]);
    expect(net('pool: MAX kernel_size: 3 stride: 2 round_mode: FLOOR')).toEqual([3, 3, 3]);
    // pad 1: ⌈(8 + 2 − 2)/2⌉ + 1 = 5, and (5 − 1)·2 = 8 ≥ 8 + 1 is false, so 5 stays.
    expect(net('pool: AVE kernel_size: 2 stride: 2 pad: 1')).toEqual([3, 5, 5]);
    // Without padding Caffe does not clip: ⌈(8 − 1)/3⌉ + 1 = 4, where PyTorch's ceil_mode clips to 3.
    expect(() => net('pool: MAX kernel_size: 1 stride: 3')).toThrow(/neither PyTorch rounding reproduces/);
    expect(net('pool: MAX global_pooling: true')).toEqual([3, 1, 1]);
  });

  it('BatchNorm + Scale (bias_term) = one BN node with γ and β; input_dim and V1 layer names are read', () => {
    const text = `name: "bn"
input: "data"
input_dim: 1
input_dim: 3
input_dim: 32
input_dim: 32
layers { name: "conv" type: CONVOLUTION bottom: "data" top: "conv" convolution_param { num_output: 16 kernel_size: 3 bias_term: false } }
layer { name: "bn" type: "BatchNorm" bottom: "conv" top: "conv" }
layer { name: "scale" type: "Scale" bottom: "conv" top: "conv" scale_param { bias_term: true } }
layer { name: "sum" type: "Eltwise" bottom: "conv" bottom: "conv" top: "sum" }
layer { name: "prob" type: "Softmax" bottom: "sum" top: "prob" }`;
    const a = analyse(parseNetwork(text).network);
    expect(a.input).toEqual([3, 32, 32]);
    expect(a.params).toEqual({ weights: 16 * 27, biases: 0, bn: 32, total: 16 * 27 + 32 });
    expect(a.output).toEqual([16, 30, 30]);
  });

  it.each([
    ['layer { name: "x" type: "Input" top: "data" input_param { shape: { dim: 1 dim: 3 dim: 8 dim: 8 } } }\nlayer { name: "up" type: "Upsample" bottom: "data" top: "up" }', 'unknown-module', 2, /up \(Upsample\): unknown layer type "Upsample"/],
    ['layer { name: "x" type: "Input" top: "data" input_param { shape: { dim: 1 dim: 3 dim: 8 dim: 8 } } }\nlayer { name: "c" type: "Convolution" bottom: "nope" top: "c" }', 'shape-mismatch', 2, /bottom "nope" is not the top of an earlier layer/],
    ['layer { name: "x" type: "Input" top: "data" input_param { shape: { dim: 1 dim: 3 dim: 8 dim: 8 } } }\nlayer { name: "c" type: "Convolution" bottom: "data" top: "c" convolution_param { num_output: 4 kernel_size: 9 } }', 'shape-mismatch', 2, /c \(Convolution\): kernel 9 does not fit a 8×8 input \(input 3×8×8\)/],
    ['layer { name: "d" type: "Data" top: "data" }\nlayer { name: "c" type: "Convolution" bottom: "data" top: "c" }', 'no-input', 1, /reads a dataset/],
    ['layer { name: "x" type: "Input" top: "data"\n input_param { shape: { dim: 1 dim: 3', 'syntax', 2, /never closed \(truncated text\?\)/],
  ])('%#: a typed error at the line', (text, code, line, message) => {
    const e = (() => {
      try {
        parseNetwork(text);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ParseError);
    expect(e).toMatchObject({ code, line });
    expect((e as Error).message).toMatch(message);
  });
});
