/**
 * Signal propagation at initialisation: the textbook behaviours, as properties over seeds
 * (no hard-coded outputs), and the back-propagated gradient checked against finite differences.
 * Sources of the behaviours: Glorot & Bengio 2010 (saturating units, §4); He et al. 2015,
 * "Delving Deep into Rectifiers" §2.2 (He init keeps ReLU stacks' variance); He et al. 2016,
 * "Identity Mappings in Deep Residual Networks" eqs. 4–5 (the shortcut's direct gradient path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES } from '../../src/sim/activations';
import { BATCH, initStd, lossAt, propagate, WIDTH, type SignalParams } from '../../src/sim/signal';

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const base = { shortcut: 'plain', activation: 'relu', init: 'he', bn: false } as const;

describe('activations', () => {
  it('derivatives match central differences', () => {
    for (const name of ACTIVATION_NAMES) {
      const { f, df } = ACTIVATIONS[name];
      for (const x of [-6, -2.5, -0.3, 0.4, 1.7, 5]) expect(df(x)).toBeCloseTo((f(x + 1e-6) - f(x - 1e-6)) / 2e-6, 6);
    }
  });

  it('σ′ never exceeds 1/4 and the sigmoid does not overflow', () => {
    fc.assert(fc.property(fc.double({ min: -800, max: 800, noNaN: true }), (x) => {
      expect(ACTIVATIONS.sigmoid.df(x)).toBeLessThanOrEqual(0.25);
      expect(Number.isFinite(ACTIVATIONS.sigmoid.f(x))).toBe(true);
    }));
  });
});

describe('initialisations', () => {
  it('are He √(2/fan_in), Xavier √(2/(fan_in+fan_out)) and AlexNet’s 0.01', () => {
    expect(initStd('he', 64, 64)).toBeCloseTo(Math.sqrt(2 / 64), 15);
    expect(initStd('xavier', 64, 64)).toBeCloseTo(Math.sqrt(1 / 64), 15);
    expect(initStd('small')).toBe(0.01);
  });
});

describe('behaviour over seeds', () => {
  it('plain sigmoid stacks vanish: 20 layers pass back less than 10⁻⁶ of the gradient, whatever the init', () => {
    fc.assert(
      fc.property(seeds, fc.constantFrom('he' as const, 'xavier' as const, 'small' as const), (seed, init) => {
        expect(propagate({ ...base, activation: 'sigmoid', init, depth: 20, seed }).ratio).toBeLessThan(1e-6);
      }),
      { numRuns: 12 },
    );
  });

  it('plain ReLU stacks with AlexNet’s N(0, 0.01²) vanish forward and backward', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const r = propagate({ ...base, init: 'small', depth: 20, seed });
        expect(r.ratio).toBeLessThan(1e-10);
        expect(r.forwardStd[20]! / r.forwardStd[0]!).toBeLessThan(1e-10);
      }),
      { numRuns: 10 },
    );
  });

  it('He init keeps a plain ReLU stack of 20 layers within a factor of 10 both ways', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const r = propagate({ ...base, depth: 20, seed });
        expect(r.ratio).toBeGreaterThan(0.1);
        expect(r.ratio).toBeLessThan(10);
        expect(r.forwardStd[20]! / r.forwardStd[0]!).toBeGreaterThan(0.1);
        expect(r.forwardStd[20]! / r.forwardStd[0]!).toBeLessThan(10);
      }),
      { numRuns: 10 },
    );
  });

  it('residual stacks keep the gradient alive at depth, for every activation, init and batch norm', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.constantFrom(...ACTIVATION_NAMES),
        fc.constantFrom('he' as const, 'xavier' as const, 'small' as const),
        fc.boolean(),
        (seed, activation, init, bn) => {
          const residual = propagate({ depth: 60, shortcut: 'residual', activation, init, bn, seed });
          expect(residual.ratio).toBeGreaterThan(0.5);
          expect(Math.min(...residual.gradNorm)).toBeGreaterThan(0.5);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('batch norm holds a plain ReLU stack’s forward signal steady while its gradient grows with depth', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const at = (depth: number) => propagate({ ...base, bn: true, depth, seed });
        const [d25, d50] = [at(25), at(50)];
        expect(d50.forwardStd[50]! / d50.forwardStd[25]!).toBeGreaterThan(0.5);
        expect(d50.forwardStd[50]! / d50.forwardStd[25]!).toBeLessThan(2);
        expect(d25.ratio).toBeGreaterThan(1);
        expect(d50.ratio).toBeGreaterThan(d25.ratio);
      }),
      { numRuns: 8 },
    );
  });

  it('the same seed gives the same numbers; another seed other numbers', () => {
    const p: SignalParams = { ...base, depth: 10, seed: 7 };
    expect(propagate(p).gradNorm).toEqual(propagate(p).gradNorm);
    expect(propagate({ ...p, seed: 8 }).gradNorm).not.toEqual(propagate(p).gradNorm);
  });
});

describe('gradient', () => {
  /** ∂L/∂h_0 from back-propagation against a central difference of the forward pass. */
  function check(p: SignalParams, entries: number[]): void {
    const { input, inputGradient } = propagate(p);
    for (const i of entries) {
      const h = 1e-5;
      const plus = Float64Array.from(input);
      const minus = Float64Array.from(input);
      plus[i]! += h;
      minus[i]! -= h;
      const numeric = (lossAt(p, plus) - lossAt(p, minus)) / (2 * h);
      expect(inputGradient[i]).toBeCloseTo(numeric, 5);
    }
  }
  const entries = [0, 17, WIDTH + 3, BATCH * WIDTH - 1];

  it.each([
    ['plain tanh', { shortcut: 'plain', activation: 'tanh', init: 'xavier', bn: false }],
    ['plain sigmoid with batch norm', { shortcut: 'plain', activation: 'sigmoid', init: 'he', bn: true }],
    ['residual tanh with batch norm', { shortcut: 'residual', activation: 'tanh', init: 'he', bn: true }],
    ['residual ReLU', { shortcut: 'residual', activation: 'relu', init: 'he', bn: false }],
  ] as const)('back-propagation matches finite differences: %s', (_, settings) => {
    check({ ...settings, depth: 4, seed: 3 }, entries);
  });

  it('refuses a depth outside 1…200 with a typed error', () => {
    expect(() => propagate({ ...base, depth: 0, seed: 1 })).toThrow(/depth/);
    expect(() => propagate({ ...base, depth: 201, seed: 1 })).toThrow(/depth/);
  });
});
