import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, isCalcError } from '../../src/calc/index';
import { computeFactorise, factorise, factoriseLabels as L, type FactoriseValues } from '../../components/widgets/Factorise/factorise';

const defaults = factorise.defaults;

describe('factorise widget: Rethinking the Inception Architecture §3.1 and §3.2', () => {
  /*
   * Default: 5×5, C = 192 on 35×35. One 5×5: 25·192² = 25·36,864 = 921,600 weights,
   * MACs 921,600·1225 = 1,128,960,000. Two 3×3: 18·36,864 = 663,552 weights, MACs 812,851,200.
   * Both see 5×5; 663,552 / 921,600 = 0.72, a 28.0% saving.
   */
  it('5×5 → two 3×3 at C = 192: 921,600 → 663,552 weights, receptive field 5×5 on both sides', () => {
    const { before, after } = computeFactorise(defaults);
    expect(before.params.weights).toBe(921_600);
    expect(after.params.weights).toBe(663_552);
    expect(before.macs).toBe(1_128_960_000);
    expect(after.macs).toBe(812_851_200);
    expect(before.receptiveField.size).toEqual([5, 5]);
    expect(after.receptiveField.size).toEqual([5, 5]);
    expect(factorise.summary(defaults, L)).toBe('2 stacked 3×3 instead of one 5×5: same 5×5 receptive field, saves 28.0% of the weights.');
  });

  /* 7×7 at C = 192 (Inception v3's 17×17 grid): 49·36,864 = 1,806,336 → (7 + 7)·36,864 = 516,096. */
  it('7×7 → 1×7 + 7×1 at C = 192: 1,806,336 → 516,096 weights, 7×7 field', () => {
    const v: FactoriseValues = { kind: 'asym', n: 7, c: 192, size: 17 };
    const { before, after } = computeFactorise(v);
    expect(before.params.weights).toBe(1_806_336);
    expect(after.params.weights).toBe(516_096);
    expect(after.receptiveField.size).toEqual([7, 7]);
    expect(factorise.render(v, L)).toContain('2n·C² = 2·7·192² = <strong>516,096</strong>');
  });

  it('3×3 → 1×3 + 3×1 saves 33.3% (the paper’s figure)', () => {
    expect(factorise.summary({ kind: 'asym', n: 3, c: 64, size: 8 }, L)).toContain('saves 33.3%');
  });

  it('an even or too small n for the 3×3 stack throws a CalcError that blames n, never NaN', () => {
    for (const n of [2, 4, 6, 14]) {
      const v: FactoriseValues = { ...defaults, kind: 'stack3', n };
      let caught: unknown;
      try {
        factorise.render(v, L);
      } catch (error) {
        caught = error;
      }
      expect(isCalcError(caught)).toBe(true);
      expect((caught as Error).message).toBe(L.oddMessage);
      expect(factorise.blame?.(caught as Error, v)).toBe('n');
    }
    expect(factorise.blame?.(new Error('other'), defaults)).toBeUndefined();
    expect(factorise.blame?.(new CalcError('too-large', 'x', 'y'), defaults)).toBe('size');
  });

  it('property: the receptive fields are always equal and the weights follow (n−1)/2·9·C² and 2n·C²', () => {
    const stack = fc.record({
      kind: fc.constant('stack3' as const),
      n: fc.integer({ min: 1, max: 7 }).map((i) => 2 * i + 1),
      c: fc.integer({ min: 1, max: 1024 }),
      size: fc.integer({ min: 1, max: 256 }),
    });
    const asym = fc.record({
      kind: fc.constant('asym' as const),
      n: fc.integer({ min: 2, max: 15 }),
      c: fc.integer({ min: 1, max: 1024 }),
      size: fc.integer({ min: 1, max: 256 }),
    });
    fc.assert(
      fc.property(fc.oneof(stack, asym), (v) => {
        const { before, after } = computeFactorise(v);
        expect(after.receptiveField.size).toEqual(before.receptiveField.size);
        expect(before.receptiveField.size).toEqual([v.n, v.n]);
        const coeff = v.kind === 'asym' ? 2 * v.n : ((v.n - 1) / 2) * 9;
        expect(after.params.weights).toBe(coeff * v.c * v.c);
        expect(after.output).toEqual(before.output);
        expect(factorise.render(v, L) + factorise.summary(v, L)).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 150 },
    );
  });
});
