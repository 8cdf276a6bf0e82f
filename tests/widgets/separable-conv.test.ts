import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, convParams, separableParams } from '../../src/calc/index';
import { computeSeparable, separableConv, separableConvLabels as L, type SeparableConvValues } from '../../components/widgets/SeparableConv/separable-conv';

const defaults = separableConv.defaults;

describe('separable-conv widget: Xception middle flow (728 → 728, 3×3, 19×19)', () => {
  /*
   * Standard: 9·728·728 = 9·529,984 = 4,769,856 weights; MACs = 4,769,856·19·19 = 1,721,918,016.
   * Separable: depthwise 9·728 = 6,552 + pointwise 728·728 = 529,984 → 536,536 weights
   * (= Keras' block5_sepconv1); MACs = 536,536·361 = 193,689,496.
   * Ratio = 1/728 + 1/9 = 0.1124847… → "0.1125", 1/ratio = 8.89.
   */
  const r = computeSeparable(defaults);
  it('counts both convolutions from the calc core', () => {
    expect(r.std).toEqual({ params: 4_769_856, macs: 1_721_918_016 });
    expect(r.depthwise.params).toBe(6_552);
    expect(r.pointwise.params).toBe(529_984);
    expect(r.sep).toEqual({ params: 536_536, macs: 193_689_496 });
    expect(r.ratio).toBeCloseTo(1 / 728 + 1 / 9, 12);
  });

  it('summary and derivation show the numbers substituted', () => {
    expect(separableConv.summary(defaults, L)).toBe(
      'Separable 3×3, 728 → 728: 536,536 weights against 4,769,856 for a standard conv, 8.89× fewer (ratio 0.1125).',
    );
    const html = separableConv.render(defaults, L);
    expect(html).toContain('9·728·728 = <strong>4,769,856</strong>');
    expect(html).toContain('= 1/728 + 1/9 = 0.00137 + 0.1111 = <strong>0.1125</strong>');
    expect(html).toContain('6,552 + 529,984 = <strong>536,536</strong>');
  });

  it('a depth multiplier multiplies both terms of the ratio: m = 2 → 2/728 + 2/9', () => {
    const v = { ...defaults, m: 2 };
    // depthwise 9·728·2 = 13,104; pointwise 1456·728 = 1,059,968; total 1,073,072.
    expect(computeSeparable(v).sep.params).toBe(1_073_072);
    expect(computeSeparable(v).ratio).toBeCloseTo(2 / 728 + 2 / 9, 12);
  });

  it('k = 1 makes the separable conv dearer than the standard one (ratio 1/C_out + 1)', () => {
    const v = { ...defaults, k: 1 };
    expect(separableConv.summary(v, L)).toContain('more');
    expect(computeSeparable(v).ratio).toBeCloseTo(1 / 728 + 1, 12);
  });

  it('property: ratio = m/C_out + m/k², MACs = weights·H·W, parts add up, output is finite text', () => {
    const values = fc.record({
      cin: fc.integer({ min: 1, max: 4096 }),
      cout: fc.integer({ min: 1, max: 4096 }),
      k: fc.integer({ min: 1, max: 11 }),
      m: fc.integer({ min: 1, max: 8 }),
      size: fc.integer({ min: 1, max: 2048 }),
    });
    fc.assert(
      fc.property(values, (v: SeparableConvValues) => {
        const r = computeSeparable(v);
        expect(r.ratio).toBeCloseTo(v.m / v.cout + v.m / (v.k * v.k), 9);
        expect(r.sep.params).toBe(r.depthwise.params + r.pointwise.params);
        expect(r.sep.params).toBe(separableParams({ inChannels: v.cin, out: v.cout, kernel: v.k, depthMultiplier: v.m, bias: false }).total);
        expect(r.std.params).toBe(convParams({ inChannels: v.cin, out: v.cout, kernel: v.k, bias: false }).total);
        expect(r.sep.macs).toBe(r.sep.params * v.size * v.size);
        const text = separableConv.render(v, L) + separableConv.summary(v, L);
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 200 },
    );
  });

  it('blame: a count too large for exact integers marks the map size; other errors mark nothing', () => {
    expect(separableConv.blame?.(new CalcError('too-large', '', 'the MAC count is too large'), defaults)).toBe('size');
    expect(separableConv.blame?.(new Error('other'), defaults)).toBeUndefined();
  });
});
