import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseAnswer, parseChoice, parseField, parseInteger, parseText } from '../../src/widget/fields';

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

describe('parseAnswer (an exercise\'s answer)', () => {
  test.each(['', '   '])('%j is the starting state: no value, no message', (raw) => {
    expect(parseAnswer(raw)).toEqual({ ok: true, value: '' });
  });
  test('a whole number is the answer; anything else is told why, as a whole-number field would', () => {
    expect(parseAnswer(' 4096 ')).toEqual({ ok: true, value: 4096 });
    expect(parseAnswer('2.5')).toEqual({ ok: false, message: 'Must be a whole number.' });
    expect(parseAnswer('-1')).toEqual({ ok: false, message: 'Must be at least 0.' });
    expect(parseField('', { kind: 'answer' })).toEqual({ ok: true, value: '' });
  });
});

describe('parseText (a whole text, e.g. a pasted network)', () => {
  const TEXT = { kind: 'text', maxLength: 10, rows: 4 } as const;
  test('any text up to the length is kept as typed, markup and blank lines included', () => {
    expect(parseText('a\n<b>\n', TEXT)).toEqual({ ok: true, value: 'a\n<b>\n' });
    expect(parseField('', TEXT)).toEqual({ ok: true, value: '' });
  });
  test('a longer text is refused with the limit', () => {
    expect(parseText('x'.repeat(11), TEXT)).toEqual({ ok: false, message: 'At most 10 characters.' });
  });
});
