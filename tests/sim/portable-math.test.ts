/**
 * portable-math.ts against the engine's Math (accurate, but not the same bits in every engine):
 * within 4 ulps (Math's own are within 1) everywhere the simulations use them, and the IEEE
 * special values. What matters is that they are the same bits everywhere (tests/browser/worker-render.test.ts
 * compares Chromium's renders with Node's); accuracy only has to be far below what a chart shows.
 */
import { describe, expect, test } from 'vitest';
import { exp, log, sinCosTurn, tanh } from '../../src/sim/portable-math';
import { Rng } from '../../src/sim/random';

/** |a − b| in units of b's last place (relative 2⁻⁵² ≈ 2.2e-16), with an absolute floor near 0. */
const ulps = (a: number, b: number, floor = 1e-300) => Math.abs(a - b) / Math.max(Math.abs(b) * Number.EPSILON, floor);

const samples = (n: number, lo: number, hi: number) => {
  const rng = new Rng(99);
  return Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
};

describe('portable math', () => {
  test('exp within 4 ulps of Math.exp on [−740, 709], exact at 0', () => {
    const worst = Math.max(...samples(20_000, -700, 709).map((x) => ulps(exp(x), Math.exp(x))), ...samples(20_000, -30, 30).map((x) => ulps(exp(x), Math.exp(x))));
    expect(worst).toBeLessThanOrEqual(4);
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBeCloseTo(Math.E, 15);
    expect(exp(-740) / Math.exp(-740)).toBeCloseTo(1, 10); // subnormal
    expect([exp(710), exp(-746), exp(NaN)]).toEqual([Infinity, 0, NaN]);
  });

  test('log within 4 ulps of Math.log from subnormals to the largest double', () => {
    const xs = [...samples(20_000, 0, 1), ...samples(20_000, 1, 1e6), ...samples(2_000, 0, 1).map((u) => u * 1e-310), ...samples(2_000, 0, 1).map((u) => u * 1e308)];
    const worst = Math.max(...xs.filter((x) => x > 0).map((x) => ulps(log(x), Math.log(x), 1e-16)));
    expect(worst).toBeLessThanOrEqual(4);
    expect([log(1), log(0), log(-1), log(Infinity)]).toEqual([0, -Infinity, NaN, Infinity]);
  });

  test('tanh within 4 ulps of Math.tanh, odd, saturating', () => {
    const worst = Math.max(...samples(40_000, -25, 25).map((x) => ulps(tanh(x), Math.tanh(x), 1e-300)));
    expect(worst).toBeLessThanOrEqual(4);
    expect(tanh(-0.3)).toBe(-tanh(0.3));
    expect([tanh(0), tanh(30), tanh(-30)]).toEqual([0, 1, -1]);
  });

  test('sin and cos of a turn within 1e-16 of Math.sin(2πu), Math.cos(2πu), on the unit circle', () => {
    let worst = 0;
    for (const u of [...samples(40_000, 0, 1), 0, 0.125, 0.25, 0.5, 0.75]) {
      const [s, c] = sinCosTurn(u);
      worst = Math.max(worst, Math.abs(s - Math.sin(2 * Math.PI * u)), Math.abs(c - Math.cos(2 * Math.PI * u)), Math.abs(s * s + c * c - 1));
    }
    expect(worst).toBeLessThan(1e-15);
    expect(sinCosTurn(0)).toEqual([0, 1]);
    expect(sinCosTurn(0.25)).toEqual([1, 0]);
  });
});
