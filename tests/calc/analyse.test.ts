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
