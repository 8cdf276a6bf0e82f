import { describe, expect, it } from 'vitest';
import {
  analyse,
  bnParams,
  convMacs,
  convParams,
  linearMacs,
  linearParams,
  separableMacs,
  separableParams,
  type LayerSpec,
  type Shape,
} from '../../src/calc/index';

/** The one row of a single-layer network. */
function one(spec: LayerSpec, input: Shape) {
  const row = analyse({ input, layers: [spec] }).rows[0];
  if (row === undefined) throw new Error('no row');
  return row;
}

describe('conv', () => {
  it('plain: weights out·in·kh·kw, MACs out·H·W·in·kh·kw', () => {
    // 64 filters 3×3 over 3 channels: 1,728 weights + 64 biases; 224² outputs · 27 = 86,704,128 MACs.
    const r = one({ name: 'c', kind: 'conv', out: 64, kernel: 3, padding: 1 }, [3, 224, 224]);
    expect(r.params).toEqual({ weights: 1728, biases: 64, bn: 0, total: 1792 });
    expect(r.macs).toBe(86_704_128);
    expect(r.detail).toBe('3×3 conv, 64, pad 1');
  });

  it('grouped: weights out·(in/groups)·k², MACs scale the same way', () => {
    // AlexNet conv2 (Caffe): 256 × 48 × 25 = 307,200 weights; 27² outputs → 307,200 · 729 MACs.
    const r = one({ name: 'conv2', kind: 'conv', out: 256, kernel: 5, padding: 2, groups: 2 }, [96, 27, 27]);
    expect(r.params.total).toBe(307_456);
    expect(r.macs).toBe(307_200 * 729);
    expect(r.detail).toBe('5×5 conv, 256, pad 2, groups 2');
  });

  it('depthwise: groups = in channels', () => {
    const r = one({ name: 'dw', kind: 'conv', out: 32, kernel: 3, padding: 1, groups: 32, bias: false }, [32, 10, 10]);
    expect(r.params.total).toBe(32 * 9);
    expect(r.macs).toBe(32 * 100 * 9);
    expect(r.detail).toBe('3×3 conv, 32, pad 1, depthwise, no bias');
  });

  it('non-square kernel, per-side and "same" padding, dilation', () => {
    // 1×7 conv, pad [0, 3] (Inception v3): shape kept.
    expect(one({ name: 'c', kind: 'conv', out: 8, kernel: [1, 7], padding: [0, 3] }, [4, 17, 17]).output).toEqual([8, 17, 17]);
    // "same" with stride 2 on 15: ⌈15/2⌉ = 8.
    expect(one({ name: 'c', kind: 'conv', out: 8, kernel: 3, stride: 2, padding: 'same' }, [4, 15, 15]).output).toEqual([8, 8, 8]);
    // Dilation 2, pad 2 keeps 33; RF of one layer is k_eff = 5.
    const d = one({ name: 'c', kind: 'conv', out: 8, kernel: 3, dilation: 2, padding: 2 }, [4, 33, 33]);
    expect(d.output).toEqual([8, 33, 33]);
    expect(d.receptiveField?.size).toEqual([5, 5]);
    expect(d.detail).toBe('3×3 conv, 8, pad 2, dilation 2');
    // Asymmetric 4-sided padding: H 10+1+0−3+1 = 9, W 10+2+2−3+1 = 12.
    expect(one({ name: 'c', kind: 'conv', out: 1, kernel: 3, padding: [1, 0, 2, 2] }, [1, 10, 10]).output).toEqual([1, 9, 12]);
    expect(one({ name: 'c', kind: 'conv', out: 1, kernel: 3, padding: 'valid' }, [1, 10, 10]).output).toEqual([1, 8, 8]);
  });

  it('formula helpers', () => {
    expect(convParams({ inChannels: 64, out: 64, kernel: 3 })).toEqual({ weights: 36_864, biases: 64, bn: 0, total: 36_928 });
    expect(convParams({ inChannels: 64, out: 64, kernel: [1, 7], groups: 4, bias: false }).total).toBe(64 * 16 * 7);
    expect(convMacs({ inChannels: 64, out: 64, kernel: 3, outSize: 224 })).toBe(1_849_688_064);
    expect(convMacs({ inChannels: 8, out: 4, kernel: 3, groups: 2, outSize: [2, 3] })).toBe(4 * 6 * 4 * 9);
    // The seed's comparison: one 7×7 vs three 3×3 with C = 10 channels in and out: 49C² vs 27C².
    expect(convParams({ inChannels: 10, out: 10, kernel: 7, bias: false }).total).toBe(4900);
    expect(3 * convParams({ inChannels: 10, out: 10, kernel: 3, bias: false }).total).toBe(2700);
  });
});

describe('separable conv (Keras SeparableConv2D)', () => {
  it('depthwise part (no bias) + pointwise part (bias)', () => {
    // Xception block2 sepconv1 (no bias): 64 → 128, 3×3 on 147×147, "same": 64·9 + 64·128 = 8,768 weights.
    const r = one({ name: 's', kind: 'separable', out: 128, kernel: 3, padding: 'same', bias: false }, [64, 147, 147]);
    expect(r.params.total).toBe(64 * 9 + 64 * 128);
    expect(r.macs).toBe(147 * 147 * (64 * 9 + 128 * 64));
    expect(r.output).toEqual([128, 147, 147]);
    expect(separableParams({ inChannels: 64, out: 128, kernel: 3 }).biases).toBe(128);
    // Depth multiplier 2: the depthwise stage makes 2 maps per channel, the pointwise reads all 2·in.
    expect(separableParams({ inChannels: 3, out: 4, kernel: 3, depthMultiplier: 2, bias: false }).total).toBe(3 * 2 * 9 + 4 * 6);
    expect(separableMacs({ inChannels: 3, out: 4, kernel: 3, depthMultiplier: 2, outSize: 5 })).toBe(25 * (54 + 24));
  });
});

describe('pooling', () => {
  it('stride defaults to the kernel', () => {
    const r = one({ name: 'p', kind: 'maxpool', kernel: 2 }, [8, 9, 9]);
    expect(r.output).toEqual([8, 4, 4]);
    expect(r.detail).toBe('2×2 max pool');
    expect(r.params.total).toBe(0);
    expect(r.macs).toBe(0);
  });

  it('ceil mode (GoogLeNet: 112 → 56) and padding', () => {
    expect(one({ name: 'p', kind: 'maxpool', kernel: 3, stride: 2, ceil: true }, [64, 112, 112]).output).toEqual([64, 56, 56]);
    expect(one({ name: 'p', kind: 'maxpool', kernel: 3, stride: 2, padding: 1 }, [64, 112, 112]).output).toEqual([64, 56, 56]);
    expect(one({ name: 'p', kind: 'avgpool', kernel: 3, stride: 1, padding: 1 }, [8, 5, 5]).detail).toBe('3×3 avg pool, stride 1, pad 1');
    expect(one({ name: 'p', kind: 'maxpool', kernel: 3, stride: 2, ceil: true }, [8, 7, 7]).detail).toBe('3×3 max pool, stride 2, ceil');
  });

  it('pool receptive field: 2×2/2 after r 5, S 1 → r 6, S 2', () => {
    const a = analyse({
      input: [1, 8, 8],
      layers: [
        { name: 'c1', kind: 'conv', out: 1, kernel: 3, padding: 1 },
        { name: 'c2', kind: 'conv', out: 1, kernel: 3, padding: 1 },
        { name: 'p', kind: 'maxpool', kernel: 2 },
      ],
    });
    expect(a.rows[2]?.receptiveField).toEqual({ size: [6, 6], stride: [2, 2], padding: [2, 2], aligned: true });
  });
});

describe('adaptive pool, flatten, linear, bn', () => {
  it('adaptive pool fixes the output size', () => {
    expect(one({ name: 'a', kind: 'adaptiveavgpool', output: [6, 6] }, [256, 13, 13]).output).toEqual([256, 6, 6]);
    expect(one({ name: 'a', kind: 'adaptivemaxpool', output: 1 }, [256, 13, 13]).detail).toBe('global max pool');
    expect(one({ name: 'a', kind: 'adaptiveavgpool', output: 7 }, [512, 7, 7]).detail).toBe('adaptive avg pool → 7');
  });

  it('flatten multiplies out C·H·W', () => {
    const r = one({ name: 'f', kind: 'flatten' }, [256, 6, 6]);
    expect(r.output).toEqual([9216]);
    expect(r.receptiveField).toBeNull();
  });

  it('linear: in·out weights + out biases; MACs in·out', () => {
    const a = analyse({ input: [256, 6, 6], layers: [{ name: 'f', kind: 'flatten' }, { name: 'fc6', kind: 'linear', out: 4096 }] });
    expect(a.rows[1]?.params).toEqual({ weights: 37_748_736, biases: 4096, bn: 0, total: 37_752_832 });
    expect(a.rows[1]?.macs).toBe(37_748_736);
    expect(linearParams(4096, 1000).total).toBe(4_097_000);
    expect(linearParams(10, 5, false).total).toBe(50);
    expect(linearMacs(4096, 1000)).toBe(4_096_000);
  });

  it('bn: γ and β per channel (running stats are buffers)', () => {
    expect(one({ name: 'bn', kind: 'bn' }, [64, 4, 4]).params).toEqual({ weights: 0, biases: 0, bn: 128, total: 128 });
    expect(one({ name: 'bn', kind: 'bn', affine: false }, [64, 4, 4]).params.total).toBe(0);
    expect(bnParams(512)).toEqual({ weights: 0, biases: 0, bn: 1024, total: 1024 });
  });

  it('details of the pass-through kinds', () => {
    expect(one({ name: 'x', kind: 'lrn', size: 5, alpha: 1e-4, beta: 0.75, k: 2 }, [4, 3, 3]).detail).toBe('LRN, size 5, α 0.0001, β 0.75, k 2');
    expect(one({ name: 'x', kind: 'dropout', p: 0.5 }, [4, 3, 3]).detail).toBe('dropout, p 0.5');
    expect(one({ name: 'x', kind: 'act', fn: 'tanh' }, [4, 3, 3]).detail).toBe('tanh');
  });

  it('every activation keeps the shape and has no parameters or MACs; an unknown one is a typed error', () => {
    const fns = ['relu', 'relu6', 'leaky_relu', 'elu', 'gelu', 'silu', 'hardswish', 'hardsigmoid', 'tanh', 'sigmoid', 'softmax'] as const;
    for (const fn of fns) {
      const r = one({ name: 'x', kind: 'act', fn }, [4, 3, 3]);
      expect(r.output).toEqual([4, 3, 3]);
      expect(r.params.total + r.macs).toBe(0);
    }
    expect(one({ name: 'x', kind: 'act', fn: 'relu6' }, [4, 3, 3]).detail).toBe('ReLU6');
    expect(() => one({ name: 'x', kind: 'act', fn: 'swish' as 'relu' }, [4, 3, 3])).toThrow(/x: fn must be one of relu, relu6/);
  });
});

describe('merges', () => {
  it('concat adds channels; add keeps the shape', () => {
    const a = analyse({
      input: [3, 8, 8],
      layers: [
        { name: 'a', kind: 'conv', out: 4, kernel: 1 },
        { name: 'b', kind: 'conv', out: 6, kernel: 3, padding: 1, from: 'input' },
        { name: 'cat', kind: 'concat', from: ['a', 'b'] },
        { name: 'c', kind: 'conv', out: 10, kernel: 1 },
        { name: 'sum', kind: 'add', from: ['cat', 'c'] },
      ],
    });
    expect(a.rows.map((r) => r.output)).toEqual([[4, 8, 8], [6, 8, 8], [10, 8, 8], [10, 8, 8], [10, 8, 8]]);
    expect(a.rows[2]?.detail).toBe('concat of 2');
    expect(a.rows[4]?.input).toEqual([10, 8, 8]);
  });

  it('concat of flat features', () => {
    const a = analyse({
      input: [2, 2, 2],
      layers: [
        { name: 'f', kind: 'flatten' },
        { name: 'l', kind: 'linear', out: 3 },
        { name: 'cat', kind: 'concat', from: ['f', 'l'] },
      ],
    });
    expect(a.output).toEqual([11]);
  });
});
