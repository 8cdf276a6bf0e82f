/**
 * Effective receptive field against closed forms. With uniform weights and no non-linearity the
 * gradient map is the outer product of the n-fold convolution of a box of k taps (Luo et al. 2016,
 * §2.2), i.e. multinomial coefficients of (1 + x^d + … + x^((k−1)d))^n over k^n; the 95 % side
 * then has an exact integer criterion, checked here with BigInt arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalcError } from '../../src/calc/index';
import {
  coneSides,
  effectiveRf,
  growth,
  maxLayers,
  MAX_SIDE,
  side95OfMap,
  side95OfProfile,
  theoreticalSide,
  uniformProfile,
  workPerDraw,
  MAX_WORK,
  type ErfParams,
} from '../../src/sim/erf';
import { dilatedFootprint } from '../../src/calc/index';
import { receptiveFieldTable } from '../../src/calc/index';

/** Coefficients of (1 + x^d + … + x^((k−1)d))^n, exactly. */
function multinomial(n: number, k: number, d: number): bigint[] {
  let poly: bigint[] = [1n];
  for (let i = 0; i < n; i += 1) {
    const next = new Array<bigint>(poly.length + (k - 1) * d).fill(0n);
    for (let j = 0; j < poly.length; j += 1) for (let t = 0; t < k; t += 1) next[j + t * d]! += poly[j]!;
    poly = next;
  }
  return poly;
}

/** Smallest centred square side t of the 2-D map N⊗N / k^(2n) with mass ≥ 19/20, in integers. */
function exactSide95(coeffs: bigint[], k: number, n: number): number {
  const total = BigInt(k) ** BigInt(n);
  const len = coeffs.length;
  for (let t = len % 2 === 1 ? 1 : 2; t <= len; t += 2) {
    let mass = 0n;
    for (let i = (len - t) / 2; i < (len + t) / 2; i += 1) mass += coeffs[i]!;
    if (20n * mass * mass >= 19n * total * total) return t;
  }
  return len;
}

const uniform = (layers: number, kernel: number, stride = 1, dilation = 1): ErfParams => ({ layers, kernel, stride, dilation, activation: 'linear', weights: 'uniform' });

describe('theoretical field', () => {
  it('agrees with the calc core’s receptive-field recursion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (n, k, s, d) => {
        const table = receptiveFieldTable(Array.from({ length: n }, () => ({ kernel: k, stride: s, dilation: d })));
        expect(theoreticalSide(n, k, s, d)).toBe(table.r);
      }),
    );
  });

  it('is r = 1 + n(k − 1)d at stride 1', () => {
    expect(theoreticalSide(8, 3, 1, 1)).toBe(17);
    expect(coneSides(3, 3, 1, 2)).toEqual([13, 9, 5, 1]);
  });
});

describe('uniform linear stacks: closed form', () => {
  it('k = 2 gives the binomial distribution C(n, j)/2^n', () => {
    const n = 10;
    const p = uniformProfile(n, 2, 1, 1);
    let c = 1;
    for (let j = 0; j <= n; j += 1) {
      expect(p[j]).toBeCloseTo(c / 2 ** n, 15);
      c = (c * (n - j)) / (j + 1);
    }
  });

  it('the profile is the multinomial of (1 + x^d + … + x^((k−1)d))^n over k^n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }), (n, k, d) => {
        fc.pre(theoreticalSide(n, k, 1, d) <= MAX_SIDE);
        const exact = multinomial(n, k, d);
        const p = uniformProfile(n, k, 1, d);
        expect(p.length).toBe(exact.length);
        const total = Number(BigInt(k) ** BigInt(n));
        for (let j = 0; j < p.length; j += 1) expect(p[j]).toBeCloseTo(Number(exact[j]!) / total, 12);
      }),
    );
  });

  it('the 95 % side equals the exact integer computation for many n, k, d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 8 }), (n, k, d) => {
        fc.pre(theoreticalSide(n, k, 1, d) <= MAX_SIDE);
        const r = effectiveRf(uniform(n, k, 1, d));
        expect(r.exact).toBe(true);
        expect(r.side95).toBe(exactSide95(multinomial(n, k, d), k, n));
      }),
      { numRuns: 150 },
    );
  });

  it('grows like √n while the theoretical field grows like n (3×3, Luo et al. Fig. 1)', () => {
    const at = (n: number) => effectiveRf(uniform(n, 3)).side95;
    // Quadrupling the depth roughly doubles the effective side but quadruples the theoretical one.
    const ratio = (at(64) - 1) / (at(16) - 1);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
    expect((theoreticalSide(64, 3, 1, 1) - 1) / (theoreticalSide(16, 3, 1, 1) - 1)).toBe(4);
    // And its share of the theoretical side shrinks with depth.
    const share = [4, 16, 64].map((n) => at(n) / theoreticalSide(n, 3, 1, 1));
    expect(share[0]).toBeGreaterThan(share[1]!);
    expect(share[1]).toBeGreaterThan(share[2]!);
  });

  it('the 2-D search agrees with the separable one on outer products', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (raw) => {
        const p = Float64Array.from(raw);
        fc.pre(p.some((x) => x > 0));
        const map = new Float64Array(p.length * p.length);
        for (let y = 0; y < p.length; y += 1) for (let x = 0; x < p.length; x += 1) map[y * p.length + x] = p[y]! * p[x]!;
        const a = side95OfMap(map, p.length);
        const b = side95OfProfile(p);
        // Rounding may move a boundary case by one step of 2; nothing more.
        expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
        expect(a % 2).toBe(p.length % 2);
      }),
    );
  });

  it('bottom-up growth() matches the top-down profile, strides included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), (k, s, d) => {
        for (const point of growth(k, s, d, 64)) {
          expect(point.side).toBe(theoreticalSide(point.layers, k, s, d));
          expect(point.side95).toBe(side95OfProfile(uniformProfile(point.layers, k, s, d)));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('gridding', () => {
  it('pixels no path reaches are the holes of the calc core’s dilated footprint', () => {
    for (const d of [1, 2, 3, 4]) {
      for (const n of [1, 2, 3, 4]) {
        const fp = dilatedFootprint(Array.from({ length: n }, () => ({ kernel: 3, dilation: d })));
        const r = effectiveRf(uniform(n, 3, 1, d));
        expect(r.side).toBe(fp.size);
        expect(r.holes).toBe(fp.size * fp.size - fp.used);
      }
    }
  });

  it('holes carry exactly zero gradient in simulated stacks too', () => {
    const p: ErfParams = { layers: 3, kernel: 3, stride: 1, dilation: 2, activation: 'relu', weights: 'random' };
    const r = effectiveRf(p);
    const exact = effectiveRf({ ...p, activation: 'linear', weights: 'uniform' });
    let zeros = 0;
    for (let i = 0; i < r.map.length; i += 1) {
      if (exact.map[i] === 0) expect(r.map[i]).toBe(0);
      if (r.map[i] === 0) zeros += 1;
    }
    expect(zeros).toBeGreaterThanOrEqual(r.holes);
    expect(r.holes).toBeGreaterThan(0);
  });
});

describe('simulated stacks (ReLU or random weights)', () => {
  const settings = fc.record({
    layers: fc.integer({ min: 1, max: 24 }),
    kernel: fc.integer({ min: 3, max: 5 }),
    stride: fc.constant(1),
    dilation: fc.integer({ min: 1, max: 3 }),
    activation: fc.constantFrom('linear' as const, 'relu' as const),
    weights: fc.constantFrom('uniform' as const, 'random' as const),
  });

  it('give a normalised, deterministic map inside the theoretical field', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 1e6 }), (p, seed) => {
        fc.pre(p.layers <= maxLayers(p));
        const a = effectiveRf(p, seed);
        const b = effectiveRf(p, seed);
        expect(Array.from(a.map)).toEqual(Array.from(b.map));
        expect(a.map.length).toBe(a.side * a.side);
        expect(a.map.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
        expect(a.side95).toBeLessThanOrEqual(a.side);
        expect(a.side95 % 2).toBe(a.side % 2);
        expect(a.draws).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });

  it('random linear stacks concentrate like uniform ones: the 95 % side is well inside the field at depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const r = effectiveRf({ layers: 32, kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'random' }, seed);
        expect(r.side95).toBeLessThan(r.side * 0.75);
      }),
      { numRuns: 8 },
    );
  });
});

describe('limits', () => {
  it('refuses a field wider than it draws, naming the layers and the largest depth that fits', () => {
    try {
      effectiveRf(uniform(8, 3, 2, 1));
      expect.unreachable();
    } catch (error) {
      expect(isCalcError(error) && error.layer).toBe('layers');
      expect(String(error)).toContain(`use ${maxLayers({ kernel: 3, stride: 2, dilation: 1, activation: 'linear', weights: 'uniform' })} layers or fewer`);
    }
    expect(theoreticalSide(7, 3, 2, 1)).toBeLessThanOrEqual(MAX_SIDE);
    expect(() => effectiveRf(uniform(7, 3, 2, 1))).not.toThrow();
  });

  it('keeps every simulated draw within the work budget', () => {
    for (const k of [3, 4, 5, 7]) {
      const p = { kernel: k, stride: 1, dilation: 1, activation: 'relu', weights: 'random' } as const;
      const n = maxLayers(p);
      expect(n).toBeGreaterThan(0);
      expect(workPerDraw({ ...p, layers: n })).toBeLessThanOrEqual(MAX_WORK);
      if (n < 64) expect(() => effectiveRf({ ...p, layers: n + 1 })).toThrow(/multiply–adds|wider/);
    }
  });

  it('draws the widget’s deepest closed-form stack, 64 layers of 5×5, and simulates the deepest allowed stack', () => {
    expect(effectiveRf(uniform(64, 5)).side).toBe(MAX_SIDE);
    const deepest = { ...uniform(maxLayers({ kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'random' }), 3), weights: 'random' } as const;
    expect(effectiveRf(deepest).draws).toBe(1);
  });
});
