import { describe, expect, it } from 'vitest';
import { CalcError, formatCompact, formatCount, formatPair, formatRatio, formatShape } from '../../src/calc/index';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [61_100_840, '61,100,840'],
    [138_357_544, '138,357,544'],
    [15_470_264_320, '15,470,264,320'],
    [-1234, '−1,234'],
  ])('%d → %s', (n, text) => expect(formatCount(n)).toBe(text));
});

describe('formatCompact', () => {
  it.each([
    [138_357_544, '138.4 M'],
    [15_470_264_320, '15.47 G'],
    [61_100_840, '61.10 M'],
    [714_188_480, '714.2 M'],
    [1_792, '1.792 k'],
    [999, '999'],
    [0.714, '0.714'],
    [999_960, '1.000 M'], // rounding carries into the next unit
    [2.5e12, '2.500 T'],
    [-1_500_000, '−1.500 M'],
  ])('%d → %s', (n, text) => expect(formatCompact(n)).toBe(text));

  it('takes a number of significant digits', () => {
    expect(formatCompact(138_357_544, 3)).toBe('138 M');
    expect(formatCompact(138_357_544, 2)).toBe('140 M');
    expect(() => formatCompact(1, 0)).toThrow(CalcError);
  });

  it('refuses NaN and Infinity', () => {
    expect(() => formatCompact(Number.NaN)).toThrow('formatCompact: cannot format NaN');
    expect(() => formatCount(Number.POSITIVE_INFINITY)).toThrow('formatCount: cannot format Infinity');
  });
});

describe('formatRatio', () => {
  it('how many times a is b, with the digits asked for', () => {
    expect(formatRatio(3, 2)).toBe('1.50×');
    expect(formatRatio(1, 3, 1)).toBe('0.3×');
    expect(formatRatio(92_897_280, 9_437_184, 1)).toBe('9.8×');
  });

  it('a dash, not Infinity or NaN, when b is 0', () => {
    expect(formatRatio(5, 0)).toBe('—');
    expect(formatRatio(0, 0, 1)).toBe('—');
  });
});

describe('formatShape / formatPair', () => {
  it('joins with ×', () => {
    expect(formatShape([64, 112, 112])).toBe('64×112×112');
    expect(formatShape([4096])).toBe('4096');
    expect(formatPair([7, 7])).toBe('7×7');
  });
});
