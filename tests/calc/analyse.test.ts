import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type LayerSpec } from '../../src/calc/index';

const stack = (layers: LayerSpec[], input: number[] = [3, 32, 32]) => ({ input, layers });

describe('analyse', () => {
  it('infers input channels, counts params and MACs of a conv stack', () => {
    const a = analyse(
      stack([
        { name: 'c1', kind: 'conv', out: 8, kernel: 3, padding: 1 },
        { name: 'p1', kind: 'maxpool', kernel: 2 },
        { name: 'c2', kind: 'conv', out: 4, kernel: 3, bias: false },
      ]),
    );
    // c1: 8·3·9 = 216 weights + 8 biases; MACs 8·32·32·27 = 221,184.
    // c2 on 8×16×16 → 4×14×14: 4·8·9 = 288 weights; MACs 4·14·14·72 = 56,448.
    expect(a.rows.map((r) => r.output)).toEqual([[8, 32, 32], [8, 16, 16], [4, 14, 14]]);
    expect(a.params).toEqual({ weights: 504, biases: 8, bn: 0, total: 512 });
    expect(a.macs).toBe(221_184 + 56_448);
    expect(a.network).toBe('stack');
    expect(a.output).toEqual([4, 14, 14]);
  });

  it('block rows sum their members and are not added to totals', () => {
    const a = analyse({
      id: 'tiny',
      input: [3, 8, 8],
      layers: [
        { name: 'stem', kind: 'conv', out: 4, kernel: 1 },
        { name: 'layer1.0.conv', kind: 'conv', out: 4, kernel: 1 },
        { name: 'layer1.0.bn', kind: 'bn' },
        { name: 'layer1.0', kind: 'block' },
        { name: 'layer1.1.conv', kind: 'conv', out: 4, kernel: 1 },
        { name: 'layer1', kind: 'block' },
      ],
    });
    // stem 3·4+4 = 16; each layer1 conv 4·4+4 = 20; bn 8.
    const byName = new Map(a.rows.map((r) => [r.name, r]));
    expect(byName.get('layer1.0')?.params.total).toBe(28);
    expect(byName.get('layer1')?.params).toEqual({ weights: 32, biases: 8, bn: 8, total: 48 });
    expect(byName.get('layer1')?.macs).toBe(2 * 16 * 64);
    expect(a.params.total).toBe(16 + 48);
    expect(a.network).toBe('tiny');
  });
});

describe('analyse errors', () => {
  it('names the layer and the problem', () => {
    const err = (() => {
      try {
        analyse(stack([{ name: 'pool5', kind: 'maxpool', kernel: 3 }], [8, 2, 2]));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CalcError);
    expect(err).toMatchObject({ code: 'kernel-too-large', layer: 'pool5', message: 'pool5: kernel 3 does not fit a 2×2 input' });
  });
});

describe('analyse inputs', () => {
  const layers: LayerSpec[] = [
    { name: 'a', kind: 'conv', out: 2, kernel: 3 },
    { name: 'b', kind: 'conv', out: 5, kernel: 1, from: 'input' },
    { name: 'c', kind: 'conv', out: 3, kernel: 1 },
  ];

  it('from defaults to the previous node; "input" names the model input', () => {
    const a = analyse(stack(layers, [4, 6, 6]));
    expect(a.rows.map((r) => [r.name, r.input, r.output])).toEqual([
      ['a', [4, 6, 6], [2, 4, 4]],
      ['b', [4, 6, 6], [5, 6, 6]],
      ['c', [5, 6, 6], [3, 6, 6]],
    ]);
    // c reads b (5 channels): 3·5 + 3 = 18 params.
    expect(a.rows[2]?.params.total).toBe(18);
  });

  it('an explicit input overrides the network default, and the network is left untouched', () => {
    const net = { id: 'n', title: 'n', input: [4, 6, 6], layers, source: 'test' };
    const copy = structuredClone(net);
    expect(analyse(net, [4, 10, 12]).rows[0]?.output).toEqual([2, 8, 10]);
    expect(net).toEqual(copy);
  });

  it('rows carry the paper label when the node has one', () => {
    const a = analyse(stack([{ name: 'features.0', label: 'conv1_1', kind: 'conv', out: 1, kernel: 1 }]));
    expect(a.rows[0]?.label).toBe('conv1_1');
  });
});

describe('eval-mode conventions', () => {
  // A two-node head after a 4×4 map: conv 1×1 (8·2 weights + 2 biases at 16 positions) and fc.
  const head: LayerSpec[] = [
    { name: 'body', kind: 'conv', out: 8, kernel: 3, padding: 1 },
    { name: 'aux.conv', kind: 'conv', out: 2, kernel: 1, from: 'body' },
    { name: 'aux', kind: 'block', trainingOnly: true },
    { name: 'top', kind: 'conv', out: 4, kernel: 1, from: 'body' },
  ];

  it('a training-only head counts its params, but its MACs go to auxMacs', () => {
    const a = analyse(stack(head, [3, 4, 4]));
    // body 8·3·9·16 = 3,456; aux.conv 2·8·16 = 256; top 4·8·16 = 512.
    expect(a.macs).toBe(3_456 + 512);
    expect(a.auxMacs).toBe(256);
    expect(a.params.total).toBe(8 * 27 + 8 + 2 * 8 + 2 + 4 * 8 + 4);
    expect(a.rows.map((r) => r.trainingOnly)).toEqual([false, true, true, false]);
  });

  it('a pool window covering the whole map is global pooling: the field ends, as with AdaptiveAvgPool2d(1)', () => {
    const fixed = analyse(stack([{ name: 'c', kind: 'conv', out: 1, kernel: 3 }, { name: 'p', kind: 'avgpool', kernel: 5, stride: 1 }], [1, 7, 7]));
    const adaptive = analyse(stack([{ name: 'c', kind: 'conv', out: 1, kernel: 3 }, { name: 'p', kind: 'adaptiveavgpool', output: 1 }], [1, 7, 7]));
    expect(fixed.rows[1]?.receptiveField).toBeNull();
    expect(fixed.receptiveField.size).toEqual([3, 3]);
    expect(fixed.receptiveField).toEqual(adaptive.receptiveField);
    // A window smaller than the map is an ordinary pool: 3 + (3 − 1)·1 = 5.
    const partial = analyse(stack([{ name: 'c', kind: 'conv', out: 1, kernel: 3 }, { name: 'p', kind: 'avgpool', kernel: 3, stride: 2 }], [1, 7, 7]));
    expect(partial.receptiveField.size).toEqual([5, 5]);
  });
});

describe('memory traffic (fp32, unfused)', () => {
  it('a conv reads its weights and input and writes its output, 4 bytes each', () => {
    // 3×3 conv 8 → 16 on 8×10×10, pad 1: 16·8·9 + 16 = 1,168 params, 800 in, 1,600 out.
    const a = analyse(stack([{ name: 'c', kind: 'conv', out: 16, kernel: 3, padding: 1 }], [8, 10, 10]));
    expect(a.rows[0]?.bytes).toBe(4 * (1_168 + 800 + 1_600));
    // MACs 16·8·9·100 = 115,200: 115,200 / 14,272 ≈ 8.07 MACs per byte.
    expect(a.rows[0]?.macs).toBe(115_200);
    expect(a.bytes).toBe(14_272);
  });

  it('a depthwise 3×3 does 64× fewer MACs than a dense one for nearly the same bytes', () => {
    const dense = analyse(stack([{ name: 'c', kind: 'conv', out: 64, kernel: 3, padding: 1, bias: false }], [64, 28, 28])).rows[0]!;
    const dw = analyse(stack([{ name: 'c', kind: 'conv', out: 64, kernel: 3, padding: 1, groups: 64, bias: false }], [64, 28, 28])).rows[0]!;
    // Same input and output, 64× fewer MACs, almost the same bytes: intensity falls ~64×.
    expect(dense.macs / dw.macs).toBe(64);
    expect(dense.macs / dense.bytes).toBeGreaterThan(40 * (dw.macs / dw.bytes));
    expect(dw.macs / dw.bytes).toBeLessThan(1.2);
  });

  it('flatten and dropout move nothing; merges read every input; blocks sum their members', () => {
    const a = analyse(
      stack(
        [
          { name: 'b.x', kind: 'conv', out: 2, kernel: 1, bias: false },
          { name: 'b.y', kind: 'conv', out: 2, kernel: 1, bias: false, from: 'input' },
          { name: 'b.add', kind: 'add', from: ['b.x', 'b.y'] },
          { name: 'b', kind: 'block' },
          { name: 'd', kind: 'dropout', p: 0.5 },
          { name: 'f', kind: 'flatten' },
        ],
        [2, 3, 3],
      ),
    );
    const by = (n: string) => a.rows.find((r) => r.name === n)!.bytes;
    expect(by('b.x')).toBe(4 * (4 + 18 + 18));
    expect(by('b.add')).toBe(4 * (18 + 18 + 18));
    expect(by('b')).toBe(by('b.x') + by('b.y') + by('b.add'));
    expect(by('d')).toBe(0);
    expect(by('f')).toBe(0);
  });
});
