/** The seeded generator: reproducible, uniform in [0, 1), and normals with mean 0 and variance 1. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/sim/random';

describe('Rng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it('uniforms stay in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const rng = new Rng(1);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < n; i += 1) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside += 1;
      sum += u;
      sq += u * u;
    }
    expect(outside).toBe(0);
    // Standard errors: 0.29/√n ≈ 0.0009 for the mean; 5 of them as tolerance.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('normals have mean ≈ 0, variance ≈ 1 and ≈ 95.45 % within ±2σ', () => {
    const xs = new Rng(7).normals(100_000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    const within = xs.filter((x) => Math.abs(x) < 2).length / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    // P(|Z| < 2) = erf(√2) = 0.9545 (any normal table).
    expect(Math.abs(within - 0.9545)).toBeLessThan(0.005);
  });
});
