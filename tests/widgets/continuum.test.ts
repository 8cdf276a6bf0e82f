import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, isCalcError, separableParams } from '../../src/calc/index';
import { analysisOf, rowOf } from '../../src/chapters/facts';
import { divisors, inceptionToXception } from '../../src/models/inception-steps';
import { continuum, continuumAt, continuumLabels as L, nearestDivisors, regionOf } from '../../components/widgets/Continuum/continuum';

const defaults = continuum.defaults;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('continuum widget: 1×1 conv to C, then 3×3 conv in g groups', () => {
  /*
   * C = 728, g = 4, 19×19: 1×1 728·728 = 529,984; 3×3 9·182·728 = 1,192,464; total 1,722,448
   * = C²(1 + 9/4); MACs 1,722,448·361 = 621,803,728. g = 1: 10·529,984 = 5,299,840, so g = 4 is
   * 1,722,448 / 5,299,840 = 32.5% of it.
   */
  it('default point: 1,722,448 weights and 621,803,728 MACs', () => {
    const a = continuumAt(728, 4, 19);
    expect(a.params.weights).toBe(1_722_448);
    expect(a.macs).toBe(621_803_728);
    expect(continuum.summary(defaults, L)).toBe(
      'g = 4 (182 channels per group): 1,722,448 weights, 32.5% of g = 1; a few towers, like the 3–4 branches of an Inception v1/v3 module (steps 2–3).',
    );
    const html = continuum.render(defaults, L);
    expect(html).toContain('9·(C/g)·C = 9·182·728 = 1,192,464');
    expect(html).toContain('<svg');
  });

  it('g = C is depthwise: the same weights as Xception’s separable conv and as the core’s block5.sepconv1', () => {
    const a = continuumAt(728, 728, 19);
    expect(a.params.weights).toBe(536_536); // 728² + 9·728
    expect(a.params.weights).toBe(separableParams({ inChannels: 728, out: 728, kernel: 3, bias: false }).weights);
    expect(a.params.weights).toBe(rowOf(analysisOf('xception'), 'block5.sepconv1').params.weights);
    expect(a.macs).toBe(rowOf(analysisOf('xception'), 'block5.sepconv1').macs);
    expect(regionOf(728, 728)).toBe('extreme');
    expect(regionOf(728, 1)).toBe('ordinary');
    expect(regionOf(728, 2)).toBe('inception');
    expect(regionOf(728, 8)).toBe('more');
    expect(continuum.summary({ c: 728, g: 728, size: 19 }, L)).toMatch(/^g = 728 \(1 channel per group\): 536,536 weights/);
  });

  it('steps 3, 4 and 5 of the five-step table are points of the continuum', () => {
    const steps = inceptionToXception();
    expect(steps[3]!.analysis.params.weights).toBe(continuumAt(728, 4, 19).params.weights);
    expect(steps[4]!.analysis.params.weights).toBe(continuumAt(728, 8, 19).params.weights);
    expect(steps[5]!.analysis.macs).toBe(continuumAt(728, 728, 19).macs);
  });

  it('a g that does not divide C throws a CalcError naming the nearest divisors, blamed on g', () => {
    const error = thrown(() => continuum.render({ ...defaults, g: 5 }, L));
    expect(isCalcError(error)).toBe(true);
    expect((error as Error).message).toBe('g must divide C = 728; the nearest divisors are 4 and 7.');
    expect(continuum.blame?.(error as Error, defaults)).toBe('g');
    const tooMany = thrown(() => continuum.summary({ ...defaults, g: 729 }, L));
    expect((tooMany as Error).message).toBe('g can be at most C = 728 (one channel per group).');
    expect(continuum.blame?.(tooMany as Error, defaults)).toBe('g');
    expect(continuum.blame?.(new CalcError('too-large', 'x', 'y'), defaults)).toBe('size');
    expect(continuum.blame?.(new Error('other'), defaults)).toBeUndefined();
    expect(nearestDivisors(728, 5)).toEqual([4, 7]);
    expect(nearestDivisors(7, 8)).toEqual([7]);
  });

  it('divisors(728) are the 16 valid group counts', () => {
    expect(divisors(728)).toEqual([1, 2, 4, 7, 8, 13, 14, 26, 28, 52, 56, 91, 104, 182, 364, 728]);
    expect(divisors(1)).toEqual([1]);
    expect(divisors(49)).toEqual([1, 7, 49]);
    expect(isCalcError(thrown(() => divisors(0)))).toBe(true);
  });

  it('property: for every divisor g of C the weights are C²(1 + 9/g) and fall as g grows; output never shows NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2048 }), fc.integer({ min: 1, max: 64 }), (c, size) => {
        const ds = divisors(c);
        for (const d of ds) expect(c % d).toBe(0);
        let last = Infinity;
        for (const g of ds) {
          const w = continuumAt(c, g, size).params.weights;
          expect(w).toBe(c * c + (9 * c * c) / g);
          expect(w).toBeLessThan(last);
          last = w;
        }
        const g = ds[Math.floor(ds.length / 2)]!;
        const text = continuum.render({ c, g, size }, L) + continuum.summary({ c, g, size }, L);
        expect(text).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('inceptionToXception: the five simplifications at C = 728, 19×19 (four towers of 182)', () => {
  /*
   * 1×1 728 → 182: 132,496; 3×3 182 → 182: 9·182² = 298,116.
   * Step 0: 4 × 132,496 (every branch has one 1×1) + 3 × 298,116 (1 + 2 3×3s) = 529,984 + 894,348 = 1,424,332.
   * Step 1: 529,984 + 5 × 298,116 = 2,020,564.   Step 2: 529,984 + 4 × 298,116 = 1,722,448 = step 3.
   * Step 4 (g = 8): 529,984 + 9·91·728 = 1,126,216.   Step 5 = Xception: 529,984 + 9·728 = 536,536.
   */
  const steps = inceptionToXception();
  it('weights per step', () => {
    expect(steps.map((s) => s.analysis.params.weights)).toEqual([1_424_332, 2_020_564, 1_722_448, 1_722_448, 1_126_216, 536_536, 536_536]);
    expect(steps.map((s) => s.spatialGroups)).toEqual([4, 4, 4, 4, 8, 728, 728]);
  });
  it('every step maps 728×19×19 to 728×19×19', () => {
    for (const s of steps) expect(s.analysis.output).toEqual([728, 19, 19]);
  });
  it('towers or groups that do not divide C are a CalcError', () => {
    expect(isCalcError(thrown(() => inceptionToXception({ channels: 728, size: 19, towers: 3, groups: 8 })))).toBe(true);
    expect(isCalcError(thrown(() => inceptionToXception({ channels: 728, size: 19, towers: 4, groups: 5 })))).toBe(true);
  });
});
