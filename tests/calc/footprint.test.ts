import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dilatedFootprint } from '../../src/calc/index';

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
