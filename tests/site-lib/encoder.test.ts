import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type Network } from '../../src/calc/index';
import { getNetwork, networkIds } from '../../src/models/registry';
import {
  activationValues,
  dilatedFootprint,
  ENCODER_CUTS,
  encoderAnalysis,
  encoderCut,
  fcnVgg16,
  formatBytes,
  truncateNetwork,
  unitsOf,
} from '../../src/site/encoder';

describe('truncateNetwork', () => {
  it('keeps the node and its ancestors, with explicit froms', () => {
    const net: Network = {
      id: 'toy',
      title: 'toy',
      input: [3, 8, 8],
      source: '',
      layers: [
        { name: 'a', kind: 'conv', out: 4, kernel: 3, padding: 1 },
        { name: 'side', kind: 'conv', out: 2, kernel: 1 }, // hangs off a, not needed by b
        { name: 'b', kind: 'conv', out: 4, kernel: 3, padding: 1, from: 'a' },
        { name: 'c', kind: 'add', from: ['a', 'b'] },
        { name: 'd', kind: 'conv', out: 1, kernel: 1 },
      ],
    };
    const t = truncateNetwork(net, 'c');
    expect(t.layers.map((l) => l.name)).toEqual(['a', 'b', 'c']);
    expect(t.layers.map((l) => l.from)).toEqual(['input', 'a', ['a', 'b']]);
    // a: 3·3·3·4 + 4 = 112; b: 3·3·4·4 + 4 = 148; add: 0 → 260.
    expect(analyse(t).params.total).toBe(260);
  });

  it('drops auxiliary heads that branch off before the cut', () => {
    const withAux = encoderAnalysis('googlenet', { aux: true });
    const without = encoderAnalysis('googlenet', { aux: false });
    expect(withAux.params.total).toBe(without.params.total);
    expect(withAux.rows.some((r) => r.name.startsWith('aux'))).toBe(false);
  });

  it('ResNet-50 encoder = whole network minus fc (2048·1000 + 1000)', () => {
    const full = analyse(getNetwork('resnet50'));
    expect(encoderAnalysis('resnet50').params.total).toBe(full.params.total - (2048 * 1000 + 1000));
    expect(encoderAnalysis('resnet50').macs).toBe(full.macs - 2048 * 1000);
  });

  it('rejects an unknown node with a CalcError', () => {
    expect(() => truncateNetwork(getNetwork('vgg16'), 'nope')).toThrow(CalcError);
    expect(() => encoderCut('lenet')).toThrow(CalcError);
  });
});

describe('ENCODER_CUTS', () => {
  it('has a cut for every registry model, just before global pooling or the classifier', () => {
    for (const id of networkIds) {
      const cut = encoderCut(id);
      const a = analyse(getNetwork(id));
      const i = a.rows.findIndex((r) => r.name === cut.node);
      expect(i, id).toBeGreaterThan(0);
      expect(a.rows[i]!.output, id).toHaveLength(3);
      expect(a.rows.slice(i + 1).some((r) => r.kind === 'conv' || r.kind === 'separable'), id).toBe(
        // Inception v3's AuxLogits head comes after Mixed_6e but before the cut; after the cut no conv is left.
        false,
      );
      expect(Object.hasOwn(ENCODER_CUTS, id)).toBe(true);
    }
  });

  it('all encoders have output stride 32 at 512×512', () => {
    for (const id of networkIds) expect(encoderAnalysis(id, {}, 512).receptiveField.stride[0], id).toBe(32);
  });
});

describe('unitsOf', () => {
  it('units partition the non-block rows: their sums are the totals (every model)', () => {
    for (const id of networkIds) {
      const a = analyse(getNetwork(id));
      const units = unitsOf(a);
      expect(units.reduce((s, u) => s + u.params, 0), id).toBe(a.params.total);
      // Units cover every row, training-only heads included: eval-mode MACs + aux MACs.
      expect(units.reduce((s, u) => s + u.macs, 0), id).toBe(a.macs + a.auxMacs);
      const covered = units.flatMap((u) => u.rows).sort((x, y) => x - y);
      const expected = a.rows.flatMap((r, i) => (r.kind === 'block' ? [] : [i]));
      expect(covered, id).toEqual(expected);
    }
  });

  it('ResNet: stem, four stages, head; VGG: five stages and head', () => {
    expect(unitsOf(analyse(getNetwork('resnet50'))).map((u) => u.name)).toEqual(['conv1 … maxpool', 'layer1', 'layer2', 'layer3', 'layer4', 'avgpool … fc']);
    expect(unitsOf(analyse(getNetwork('vgg16'))).map((u) => u.name)).toEqual(['stage 1', 'stage 2', 'stage 3', 'stage 4', 'stage 5', 'head']);
  });
});

describe('dilatedFootprint (gridding)', () => {
  it('two 3×3 at dilation 2: 9×9 field, only the even offsets: 5·5 = 25 pixels', () => {
    const f = dilatedFootprint([
      { kernel: 3, dilation: 2 },
      { kernel: 3, dilation: 2 },
    ]);
    expect(f.size).toBe(9);
    expect(f.used).toBe(25);
    // Along one axis the combs {0,2,4} * {0,2,4} give 1,0,2,0,3,0,2,0,1 paths.
    expect(f.counts[0]).toEqual([1, 0, 2, 0, 3, 0, 2, 0, 1]);
    expect(f.counts[4]![4]).toBe(9);
  });

  it('HDC 1, 2, 3 covers its whole 13×13 field', () => {
    const f = dilatedFootprint([1, 2, 3].map((d) => ({ kernel: 3, dilation: d })));
    expect(f.size).toBe(13); // 1 + 2·(1 + 2 + 3)
    expect(f.used).toBe(169);
  });

  it('property: size = 1 + Σ d(k − 1), paths = k^(2n), used ≤ size²', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kernel: fc.integer({ min: 1, max: 5 }), dilation: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 }),
        (layers) => {
          const f = dilatedFootprint(layers);
          expect(f.size).toBe(1 + layers.reduce((s, l) => s + l.dilation * (l.kernel - 1), 0));
          const paths = f.counts.flat().reduce((s, c) => s + c, 0);
          expect(paths).toBe(layers.reduce((p, l) => p * l.kernel * l.kernel, 1));
          expect(f.used).toBeLessThanOrEqual(f.size * f.size);
          // The corner pixel is always reached (all taps at their last offset).
          expect(f.counts[f.size - 1]![f.size - 1]).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('activations and bytes', () => {
  it('counts conv/bn/pool/add outputs, not in-place ReLU', () => {
    const a = analyse({
      input: [1, 4, 4],
      layers: [
        { name: 'c', kind: 'conv', out: 2, kernel: 3, padding: 1 }, // 2·4·4 = 32
        { name: 'r', kind: 'act', fn: 'relu' }, // in place: 0
        { name: 'p', kind: 'maxpool', kernel: 2 }, // 2·2·2 = 8
      ],
    });
    expect(activationValues(a)).toBe(40);
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(600 * 1024 * 1024)).toBe('600 MiB');
    expect(() => formatBytes(Number.NaN)).toThrow(CalcError);
  });
});

describe('fcnVgg16', () => {
  it('conv6 has exactly fc6\'s parameters (7·7·512·4096 + 4096) and taps sit at strides 8, 16, 32', () => {
    const a = analyse(fcnVgg16(), [3, 512, 512]);
    const row = (l: string) => a.rows.find((r) => r.label === l)!;
    expect(row('conv6').params.total).toBe(7 * 7 * 512 * 4096 + 4096);
    expect(row('conv7').params.total).toBe(4096 * 4096 + 4096);
    expect([row('pool3'), row('pool4'), row('conv7')].map((r) => r.receptiveField!.stride[0])).toEqual([8, 16, 32]);
    expect(row('pool3').output).toEqual([256, 64, 64]);
    // pool5's field 212 (VGG chapter) + (7 − 1)·32 from the 7×7 conv6.
    expect(row('conv7').receptiveField!.size[0]).toBe(212 + 6 * 32);
  });
});
