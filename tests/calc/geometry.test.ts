import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, convOutputSize, effectiveKernel, samePadding } from '../../src/calc/index';

/** Counts window positions one by one (padded coordinates 0 … L−1, L = in + pb + pa). */
function bruteForceCount(inSize: number, k: number, s: number, pb: number, pa: number, d: number, ceil: boolean): number {
  const L = inSize + pb + pa;
  const kEff = d * (k - 1) + 1;
  let n = 0;
  for (let start = 0; start < L + s; start += s) {
    const overhang = start + kEff - L; // pixels past the padded end
    // floor mode: the window must fit. ceil mode (PyTorch): it may hang over by less than a
    // stride, but must start inside the input or the left padding.
    const ok = ceil ? overhang < s && start < inSize + pb : overhang <= 0;
    if (ok) n += 1;
  }
  return n;
}

describe('effectiveKernel', () => {
  it('is d(k − 1) + 1', () => {
    expect(effectiveKernel(3)).toBe(3);
    expect(effectiveKernel(3, 2)).toBe(5);
    expect(effectiveKernel(3, 6)).toBe(13); // DeepLab's rate-6 atrous 3×3
    expect(effectiveKernel(1, 4)).toBe(1);
  });
});

describe('convOutputSize', () => {
  it.each([
    // [in, k, s, pb, pa, d, ceil, out, why]
    [224, 3, 1, 1, 1, 1, false, 224, 'VGG conv: same size'],
    [224, 2, 2, 0, 0, 1, false, 112, 'VGG pool'],
    [224, 11, 4, 2, 2, 1, false, 55, 'torchvision AlexNet conv1: ⌊(228−11)/4⌋+1 = 55'],
    [227, 11, 4, 0, 0, 1, false, 55, 'Caffe AlexNet conv1: (227−11)/4+1 = 55'],
    [55, 3, 2, 0, 0, 1, false, 27, 'AlexNet pool1'],
    [224, 7, 2, 3, 3, 1, false, 112, 'ResNet stem'],
    [112, 3, 2, 0, 0, 1, true, 56, 'GoogLeNet pool, ceil: ⌈109/2⌉+1 = 56 (floor would give 55)'],
    [112, 3, 2, 0, 0, 1, false, 55, 'same, floor'],
    [14, 3, 2, 1, 1, 1, true, 8, 'ceil with padding: ⌈13/2⌉+1 = 8'],
    [5, 2, 2, 1, 1, 1, true, 3, 'ceil: 4th window would start in the right padding ((4−1)·2 = 6 ≥ 5+1), so 3'],
    [2, 3, 2, 0, 0, 1, true, 1, 'ceil lets a kernel hang over by less than a stride (PyTorch gives 1)'],
    [65, 3, 1, 2, 2, 2, false, 65, 'dilated 3×3 with padding = dilation keeps the size'],
  ])('in %i, k %i, s %i, pad %i+%i, d %i, ceil %s → %i (%s)', (inSize, k, s, pb, pa, d, ceil, out) => {
    expect(convOutputSize(inSize, k, s, pb, pa, d, ceil)).toBe(out);
    expect(bruteForceCount(inSize, k, s, pb, pa, d, ceil)).toBe(out);
  });

  it('ceil mode (pooling) takes at most half the kernel as padding, as PyTorch', () => {
    expect(() => convOutputSize(8, 3, 2, 2, 2, 1, true)).toThrow(
      new CalcError('bad-parameter', '', 'padding must be at most half the kernel (1 for an effective kernel of 3)', 'padding'),
    );
  });

  it('throws kernel-too-large when no window fits', () => {
    expect(() => convOutputSize(2, 3)).toThrow(new CalcError('kernel-too-large', '', 'kernel 3 does not fit an input of 2', 'kernel'));
    expect(() => convOutputSize(2, 3, 1, 0, 0, 2)).toThrow('kernel 3 (dilation 2, effective 5) does not fit an input of 2');
    expect(() => convOutputSize(1, 5, 1, 1, 1)).toThrow('kernel 5 does not fit an input of 1 padded by 1+1');
  });

  it.each([
    [() => convOutputSize(0, 3), 'input size must be a positive whole number, got 0'],
    [() => convOutputSize(8, 3, 0), 'stride must be a positive whole number, got 0'],
    [() => convOutputSize(8, 1.5), 'kernel must be a positive whole number, got 1.5'],
    [() => convOutputSize(8, 3, 1, -1), 'padding before must be a whole number ≥ 0, got -1'],
    [() => convOutputSize(8, 3, 1, 0, Number.NaN), 'padding after must be a whole number ≥ 0, got NaN'],
    [() => convOutputSize(8, 3, 1, 0, 0, Number.POSITIVE_INFINITY), 'dilation must be a positive whole number, got Infinity'],
  ])('validates arguments: %s', (call, message) => {
    expect(call).toThrow(message);
  });

  it('property: equals the number of window positions counted one by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (inSize, k, s, pb, pa, d, ceil) => {
          const kEff = d * (k - 1) + 1;
          if (ceil && Math.max(pb, pa) > Math.floor(kEff / 2)) {
            // PyTorch pooling refuses such padding, and the ceil rule assumes it.
            expect(() => convOutputSize(inSize, k, s, pb, pa, d, ceil)).toThrow('padding must be at most half the kernel');
            return;
          }
          const expected = bruteForceCount(inSize, k, s, pb, pa, d, ceil);
          if (expected < 1) {
            expect(() => convOutputSize(inSize, k, s, pb, pa, d, ceil)).toThrow(CalcError);
          } else {
            expect(convOutputSize(inSize, k, s, pb, pa, d, ceil)).toBe(expected);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('samePadding (TF/Keras "same")', () => {
  it.each([
    // [in, k, s, d, before, after]
    [224, 3, 1, 1, 1, 1], // symmetric
    [224, 3, 2, 1, 0, 1], // total = (112−1)·2 + 3 − 224 = 1: the extra pixel goes after
    [299, 3, 2, 1, 1, 1], // total = 149·2 + 3 − 299 = 2
    [147, 3, 2, 1, 1, 1], // Xception entry flow: total = 73·2 + 3 − 147 = 2
    [224, 7, 2, 1, 2, 3], // total = 111·2 + 7 − 224 = 5
    [10, 1, 2, 1, 0, 0], // never negative
    [33, 3, 1, 2, 2, 2], // k_eff 5
  ])('in %i, k %i, s %i, d %i → before %i, after %i', (inSize, k, s, d, before, after) => {
    expect(samePadding(inSize, k, s, d)).toEqual({ before, after, total: before + after });
  });

  it('property: "same" output is ⌈in/s⌉', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), (inSize, k, s, d) => {
        const p = samePadding(inSize, k, s, d);
        expect(p.before).toBeLessThanOrEqual(p.after);
        expect(convOutputSize(inSize, k, s, p.before, p.after, d)).toBe(Math.ceil(inSize / s));
      }),
    );
  });
});
