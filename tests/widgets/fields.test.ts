import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseChoice, parseField, parseInteger } from '../../src/widget/fields';

const KERNEL = { kind: 'int', min: 1, max: 11 } as const;

describe('parseInteger', () => {
  test.each([
    ['3', 3],
    [' 7 ', 7],
    ['+5', 5],
    ['1e1', 10],
    ['4.0', 4],
  ])('accepts %j as %d', (raw, value) => {
    expect(parseInteger(raw, KERNEL)).toEqual({ ok: true, value });
  });

  // The widget contract's list of bad input, each with the message the reader sees.
  test.each([
    ['', 'Enter a number.'],
    ['   ', 'Enter a number.'],
    ['abc', 'Enter digits only, like 3.'],
    ['<img src=x onerror=alert(1)>', 'Enter digits only, like 3.'],
    ['3px', 'Enter digits only, like 3.'],
    ['0x10', 'Enter digits only, like 3.'],
    ['NaN', 'Enter digits only, like 3.'],
    ['Infinity', 'Enter digits only, like 3.'],
    ['-3', 'Must be at least 1.'],
    ['0', 'Must be at least 1.'],
    ['2.5', 'Must be a whole number.'],
    ['12', 'Must be at most 11.'],
    ['1e309', 'Must be at most 11.'],
  ])('rejects %j: %s', (raw, message) => {
    expect(parseInteger(raw, KERNEL)).toEqual({ ok: false, message });
  });

  test('never echoes the input, so markup cannot reach the page', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const result = parseInteger(raw, KERNEL);
        if (!result.ok) expect(result.message).not.toMatch(/[<>]/);
        else expect(Number.isInteger(result.value) && result.value >= 1 && result.value <= 11).toBe(true);
      }),
    );
  });

  test('every whole number in range round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), (n) => {
        expect(parseInteger(String(n), KERNEL)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('parseChoice', () => {
  const stride = { kind: 'choice', options: ['1x1', '3x3'] } as const;
  test('accepts a listed option and rejects anything else, naming the options', () => {
    expect(parseChoice('3x3', stride)).toEqual({ ok: true, value: '3x3' });
    expect(parseChoice('5x5', stride)).toEqual({ ok: false, message: 'Choose one of: 1x1, 3x3.' });
    expect(parseField('<b>', stride)).toEqual({ ok: false, message: 'Choose one of: 1x1, 3x3.' });
  });
});
