import { describe, expect, it } from 'vitest';
import { analyse, CalcError, truncateNetwork, unitsOf, type Network } from '../../src/calc/index';
import { encoderAnalysis, encoderCut } from '../../src/models/encoder';
import { getNetwork, networkIds } from '../../src/models/registry';

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
