import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CalcError } from '../../src/calc/index';
import { fieldText, parseField } from '../../src/widget/fields';
import { parseDecimal } from '../../src/widget/number-fields';
import {
  computeLrn,
  formatDecimal,
  lrnBlame,
  lrnDefaults,
  lrnFields,
  lrnLabels,
  lrnSummary,
  renderLrn,
  type LrnField,
  type LrnValues,
} from '../../components/widgets/LrnDemo/lrn-demo';

/** A field as the cell reads it: the contract's parser with the widget's rules and wording. */
const parseLrnField = (name: LrnField, raw: string) => parseField(raw, lrnFields[name], undefined, lrnLabels);
const parseActivations = (raw: string) => parseLrnField('acts', raw);
const lrnFieldNames = Object.keys(lrnFields) as LrnField[];

const v = (over: Partial<LrnValues>): LrnValues => ({ ...lrnDefaults, ...over });
const computeError = (values: LrnValues): Error => {
  try {
    computeLrn(values);
  } catch (error) {
    return error as Error;
  }
  throw new Error('computeLrn accepted the values');
};

describe('lrn-demo: the paper\'s formula on the default pixel', () => {
  it('defaults are the paper\'s constants (§3.3)', () => {
    expect([lrnDefaults.k, lrnDefaults.n, lrnDefaults.alpha, lrnDefaults.beta]).toEqual([2, 5, 1e-4, 0.75]);
  });

  it('channel 3, next to the strong channel 2', () => {
    const r = computeLrn(lrnDefaults).rows[3]!;
    // window max(0, 3 − 2) … min(9, 3 + 2) = 1 … 5
    expect([r.from, r.to]).toEqual([1, 5]);
    // 40² + 220² + 40² + 30² + 30² = 1600 + 48400 + 1600 + 900 + 900
    expect(r.sum).toBe(53_400);
    // (2 + 1e-4·53,400)^0.75 = 7.34^0.75 = e^(0.75·ln 7.34) = e^1.49500 ≈ 4.4594
    expect(r.denominator).toBeCloseTo(4.4594, 3);
    // 40 / 4.4594 ≈ 8.970
    expect(r.b).toBeCloseTo(8.970, 2);
  });

  it('the same activity in a quiet neighbourhood (channel 6) is suppressed less', () => {
    const { rows } = computeLrn(lrnDefaults);
    // window 4 … 8: 30² + 30² + 40² + 30² + 40² = 5900; (2 + 0.59)^0.75 ≈ 2.0416; 40 / 2.0416 ≈ 19.59
    expect(rows[6]!.sum).toBe(5900);
    expect(rows[6]!.b).toBeCloseTo(19.59, 1);
    expect(rows[6]!.b).toBeGreaterThan(2 * rows[3]!.b);
  });

  it('edges clip the window: channel 0 sums channels 0…2', () => {
    const r = computeLrn(lrnDefaults).rows[0]!;
    expect([r.from, r.to, r.sum]).toEqual([0, 2, 900 + 1600 + 48_400]);
  });

  it('Caffe/PyTorch convention divides α by n: α/5 = 2e-5', () => {
    const r = computeLrn(v({ convention: 'caffe' }));
    expect(r.alphaUsed).toBeCloseTo(2e-5, 12);
    // (2 + 2e-5·53,400)^0.75 = 3.068^0.75 ≈ 2.3181; 40 / 2.3181 ≈ 17.26
    expect(r.rows[3]!.b).toBeCloseTo(17.26, 1);
  });
});

describe('lrn-demo: render and summary', () => {
  it('derivation substitutes the reader\'s numbers', () => {
    const html = renderLrn(lrnDefaults, lrnLabels);
    expect(html).toContain('40² + 220² + 40² + 30² + 30² = <strong>53,400</strong>');
    expect(html).toContain('(2 + 0.0001·53,400)<sup>0.75</sup> = 7.34<sup>0.75</sup> = <strong>4.459</strong>');
    expect(html).toContain('40 / 4.459 = <strong>8.97</strong>');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('summary line', () => {
    expect(lrnSummary(lrnDefaults)).toBe('Channel 3: 40 → 8.97 (÷ 4.459, Σa² over channels 1–5 = 53,400).');
  });

  it('escapes nothing it should not: labels are escaped', () => {
    const html = renderLrn(lrnDefaults, { ...lrnLabels, table: '<b>x</b>' });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('lrn-demo: parsing with the widget contract', () => {
  it.each([
    ['', 'Enter a number.'],
    ['1e309', 'Must be at most 10.'],
    ['NaN', 'Enter a number, like 0.75 or 1e-4.'],
    ['Infinity', 'Enter a number, like 0.75 or 1e-4.'],
    ['<script>', 'Enter a number, like 0.75 or 1e-4.'],
    ['0,75', 'Use a point for decimals, like 0.75.'],
    ['-1', 'Must be at least 0.'],
    ['0x10', 'Enter a number, like 0.75 or 1e-4.'],
  ])('decimal %j → %s', (raw, message) => {
    expect(parseDecimal(raw, { min: 0, max: 10 })).toEqual({ ok: false, message });
  });

  it.each([
    ['1e-4', 1e-4],
    ['.5', 0.5],
    [' 0.75 ', 0.75],
    ['2', 2],
    ['-0', 0],
  ])('decimal %j → %s', (raw, value) => {
    expect(parseDecimal(raw, { min: 0, max: 10 })).toEqual({ ok: true, value });
  });

  it('activation lists', () => {
    expect(parseActivations('30, 40,220 1.5')).toEqual({ ok: true, value: [30, 40, 220, 1.5] });
    expect(parseActivations('')).toEqual({ ok: false, message: 'Enter at least one activation.' });
    expect(parseActivations('1,,2').ok).toBe(false);
    expect(parseActivations('1, -2')).toEqual({ ok: false, message: 'Entry 2 is negative; activations after ReLU are never below 0.' });
    expect(parseActivations('1, 1e309')).toEqual({ ok: false, message: 'Entry 2: Must be at most 10000.' });
    expect(parseActivations('1, <b>')).toEqual({ ok: false, message: 'Entry 2: Enter a number, like 0.75 or 1e-4.' });
    expect(parseActivations(Array.from({ length: 17 }, () => '1').join(','))).toEqual({ ok: false, message: 'At most 16 channels.' });
  });

  it('n must be an odd whole number', () => {
    expect(parseLrnField('n', '4')).toEqual({ ok: false, message: 'Must be odd, so the window is centred on channel i.' });
    expect(parseLrnField('n', '2.5')).toEqual({ ok: false, message: 'Must be a whole number.' });
    expect(parseLrnField('n', '7')).toEqual({ ok: true, value: 7 });
  });

  it('the lrn-demo definition is this widget: its fields, defaults and the cell name the URL keys use', async () => {
    const { lrnDemo } = await import('../../components/widgets/LrnDemo/lrn-demo');
    expect(lrnDemo.name).toBe('lrn-demo');
    expect(lrnDemo.fields).toBe(lrnFields);
    expect(lrnDemo.render(lrnDefaults, lrnLabels)).toBe(renderLrn(lrnDefaults, lrnLabels));
    expect(lrnDemo.blame?.(computeError(v({ acts: [1, 2, 3], channel: 5 })), lrnDefaults)).toBe('channel');
  });

  it('messages never echo the input', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        for (const name of lrnFieldNames) {
          const r = parseLrnField(name, raw);
          if (!r.ok && raw.trim().length > 3) expect(r.message).not.toContain(raw.trim());
        }
      }),
    );
  });

  it('format and parse round-trip the defaults', () => {
    for (const name of lrnFieldNames) {
      expect(parseLrnField(name, fieldText(lrnDefaults[name]))).toEqual({ ok: true, value: lrnDefaults[name] });
    }
  });
});

describe('lrn-demo: bad combinations throw CalcError, never NaN', () => {
  it('a channel beyond the list is blamed on the channel field', () => {
    const bad = v({ acts: [1, 2, 3], channel: 5 });
    expect(() => computeLrn(bad)).toThrow(CalcError);
    try {
      computeLrn(bad);
    } catch (e) {
      expect(lrnBlame(e)).toBe('channel');
      expect((e as CalcError).problem).toBe('There are 3 channels, so i goes from 0 to 2.');
    }
  });

  it('k = 0 with an all-zero window is blamed on k', () => {
    const bad = v({ acts: [0, 0, 0], channel: 0, k: 0 });
    expect(() => computeLrn(bad)).toThrow(CalcError);
    try {
      computeLrn(bad);
    } catch (e) {
      expect(lrnBlame(e)).toBe('k');
    }
  });

  it('other errors are not blamed', () => {
    expect(lrnBlame(new Error('x'))).toBeUndefined();
  });
});

describe('lrn-demo: properties', () => {
  const acts = fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), { minLength: 1, maxLength: 16 });
  const params = fc.record({
    n: fc.constantFrom(1, 3, 5, 7, 9),
    k: fc.double({ min: 0.5, max: 1000, noNaN: true }),
    alpha: fc.double({ min: 0, max: 10, noNaN: true }),
    beta: fc.double({ min: 0, max: 10, noNaN: true }),
  });

  it('no output exceeds a/k^β, none is negative, all are finite', () => {
    fc.assert(
      fc.property(acts, params, (a, p) => {
        const { rows } = computeLrn({ ...p, acts: a, channel: 0, convention: 'paper' });
        for (const r of rows) {
          expect(Number.isFinite(r.b)).toBe(true);
          expect(r.b).toBeGreaterThanOrEqual(0);
          expect(r.b).toBeLessThanOrEqual((r.a / Math.pow(p.k, p.beta)) * (1 + 1e-12));
        }
      }),
    );
  });

  it('Caffe with α·n equals the paper with α', () => {
    fc.assert(
      fc.property(acts, params, (a, p) => {
        const paper = computeLrn({ ...p, acts: a, channel: 0, convention: 'paper' });
        const caffe = computeLrn({ ...p, alpha: p.alpha * p.n, acts: a, channel: 0, convention: 'caffe' });
        paper.rows.forEach((r, i) => expect(caffe.rows[i]!.b).toBeCloseTo(r.b, 9));
      }),
    );
  });

  it('formatDecimal never prints NaN, Infinity or e-notation', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), (x) => {
        expect(formatDecimal(x)).not.toMatch(/NaN|Infinity|e[+-]?\d/);
      }),
    );
  });
});
