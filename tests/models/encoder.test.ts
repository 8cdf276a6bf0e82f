import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/calc/index';
import { encoderAnalysis, encoderCut, fcnVgg16 } from '../../src/models/encoder';
import { getNetwork, networkIds } from '../../src/models/registry';

describe('encoder cuts (each builder sets encoderCut)', () => {
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
      expect(getNetwork(id).encoderCut, `${id} sets no encoderCut`).toBeDefined();
    }
  });

  it('all encoders have output stride 32 at 512×512', () => {
    for (const id of networkIds) expect(encoderAnalysis(id, {}, 512).receptiveField.stride[0], id).toBe(32);
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
