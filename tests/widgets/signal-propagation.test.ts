import { describe, expect, test } from 'vitest';
import { propagate } from '../../src/sim/signal';
import { formatSci } from '../../src/widget/sci';
import { signalPropagation, type SignalValues } from '../../components/widgets/SignalPropagation/signal-propagation';

const values = (v: Partial<SignalValues> = {}): SignalValues => ({ ...signalPropagation.defaults, ...v });
const render = (v: Partial<SignalValues> = {}) => signalPropagation.render(values(v), signalPropagation.labels);

describe('signal-propagation widget', () => {
  test('prints the gradient ratio computed by src/sim', () => {
    const v = values();
    const r = propagate({ ...v, bn: v.bn === 'on' });
    expect(render()).toContain(`<strong>${formatSci(r.ratio)}</strong>`);
    expect(signalPropagation.summary(v, signalPropagation.labels)).toContain(formatSci(r.ratio));
  });

  test('draws both series as paths over every layer on a log scale', () => {
    const html = render({ depth: 12 });
    const paths = [...html.matchAll(/<path class="sp-line-(forward|gradient)" d="M([^"]+)"/g)];
    expect(paths.map((m) => m[1])).toEqual(['forward', 'gradient']);
    for (const m of paths) expect(m[2]!.split('L')).toHaveLength(13);
    expect(html).toMatch(/10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+</);
  });

  test('a gradient that underflows to exactly 0 is said so, never printed as NaN or Infinity', () => {
    const html = render({ activation: 'sigmoid', init: 'small', depth: 200 });
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    const r = propagate({ depth: 200, shortcut: 'plain', activation: 'sigmoid', init: 'small', bn: false, seed: 1 });
    if (r.gradNorm[0] === 0) expect(html).toContain('Exactly 0');
    else expect(html).not.toContain('Exactly 0');
  });

  test('every field changes the result', () => {
    const base = render();
    for (const change of [{ depth: 51 }, { shortcut: 'residual' }, { activation: 'relu' }, { init: 'he' }, { bn: 'on' }, { seed: 2 }] as const) {
      expect(render(change), JSON.stringify(change)).not.toBe(base);
    }
  });
});

describe('formatSci', () => {
  test.each([
    [0.457, '0.46'],
    [12.3, '12'],
    [3.2e-40, '3.2×10⁻⁴⁰'],
    [1e-5, '10⁻⁵'],
    [9.05e10, '9.1×10¹⁰'],
    [0, '0'],
  ])('%s → %s', (x, text) => {
    expect(formatSci(x)).toBe(text);
  });
  test('refuses NaN and Infinity', () => {
    expect(() => formatSci(Number.NaN)).toThrow();
    expect(() => formatSci(Infinity)).toThrow();
  });
});
