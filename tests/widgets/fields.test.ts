import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CHANNELS, fieldText, int, maxInputLength, parseAnswer, parseChoice, parseField, parseInteger, parseText, rangeHint, stepped, urlText } from '../../src/widget/fields';
import { decimalField, listField, parseDecimal, parseList, steppedField } from '../../src/widget/number-fields';
import { parsePattern, patternField } from '../../src/widget/pattern-field';

const KERNEL = { kind: 'int', min: 1, max: 11 } as const;

describe('int and CHANNELS, the shared declarations', () => {
  test('int(min, max) is a whole-number field with that range', () => {
    expect(int(2, 15)).toEqual({ kind: 'int', min: 2, max: 15 });
    expect(parseField('1', int(2, 15))).toEqual({ ok: false, message: 'Must be at least 2.' });
    expect(rangeHint(int(2, 15))).toBe('2–15');
  });

  test('a channel count is 1–4096', () => {
    expect(parseField('4096', CHANNELS)).toEqual({ ok: true, value: 4096 });
    expect(parseField('4097', CHANNELS)).toEqual({ ok: false, message: 'Must be at most 4096.' });
    expect(parseField('0', CHANNELS)).toEqual({ ok: false, message: 'Must be at least 1.' });
  });
});

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

describe('step rules: every step-th whole number from min', () => {
  // LRN's window n (Krizhevsky et al. 2012, §3.3: n adjacent kernel maps, centred on i) is odd.
  const odd = steppedField({ min: 1, max: 15, step: 2 });

  test('values off the step are refused with the generic message, or the field\'s own label', () => {
    expect(parseField('7', odd)).toEqual({ ok: true, value: 7 });
    expect(parseField('4', odd)).toEqual({ ok: false, message: 'Must be 1 plus a multiple of 2.' });
    expect(parseField('2.5', odd)).toEqual({ ok: false, message: 'Must be a whole number.' });
    const own = steppedField({ min: 1, max: 15, step: 2, messages: { step: 'msg.odd' } });
    expect(parseField('4', own, undefined, { 'msg.odd': 'Must be odd.' })).toEqual({ ok: false, message: 'Must be odd.' });
    // Without the label (a page that did not write it) the generic message stands in.
    expect(parseField('4', own)).toEqual({ ok: false, message: 'Must be 1 plus a multiple of 2.' });
  });

  test('the arrow keys step to the next allowed value, from an off-step one too, within range', () => {
    expect([stepped(odd, 5, true), stepped(odd, 5, false)]).toEqual([7, 3]);
    expect([stepped(odd, 4, true), stepped(odd, 4, false)]).toEqual([5, 3]);
    expect([stepped(odd, 15, true), stepped(odd, 1, false)]).toEqual([15, 1]);
    expect(stepped({ kind: 'int', min: 0, max: 4 }, 2, true)).toBe(3);
    expect(stepped(decimalField({ min: 0, max: 1 }), 0, true)).toBeUndefined();
    expect(stepped(odd, 2.5, true)).toBeUndefined();
  });
});

describe('parseDecimal', () => {
  const beta = decimalField({ min: 0, max: 10 });
  test.each([
    ['0.75', 0.75],
    ['.5', 0.5],
    ['1e-4', 1e-4],
    ['-0', 0],
  ])('accepts %j as %d', (raw, value) => {
    expect(parseDecimal(raw, beta)).toEqual({ ok: true, value });
  });
  test.each([
    ['', 'Enter a number.'],
    ['0,75', 'Use a point for decimals, like 0.75.'],
    ['NaN', 'Enter a number, like 0.75 or 1e-4.'],
    ['<b>1</b>', 'Enter a number, like 0.75 or 1e-4.'],
    ['-1', 'Must be at least 0.'],
    ['-1e309', 'Must be at least 0.'],
    ['11', 'Must be at most 10.'],
    ['1e309', 'Must be at most 10.'],
  ])('rejects %j: %s', (raw, message) => {
    expect(parseField(raw, beta)).toEqual({ ok: false, message });
  });
});

describe('parseList', () => {
  const acts = listField({ item: decimalField({ min: 0, max: 100 }), maxItems: 3, maxLength: 40 });
  test('commas, semicolons or spaces separate the entries', () => {
    expect(parseList('1, 2;3', acts)).toEqual({ ok: true, value: [1, 2, 3] });
    expect(parseList(' 1.5  2 ', acts)).toEqual({ ok: true, value: [1.5, 2] });
  });
  test.each([
    ['', 'Enter at least one number.'],
    ['1,,2', 'Remove the empty entry between two commas.'],
    ['1, 2, 3, 4', 'At most 3 numbers.'],
    ['1, 200', 'Entry 2: Must be at most 100.'],
    ['1, <b>', 'Entry 2: Enter a number, like 0.75 or 1e-4.'],
  ])('rejects %j: %s', (raw, message) => {
    expect(parseField(raw, acts)).toEqual({ ok: false, message });
  });
  test('a field words an entry\'s fault its own way, with the entry\'s number', () => {
    const own = { ...acts, messages: { 'entry.atLeast': 'msg.negative' } };
    expect(parseList('1, -2', own, undefined, { 'msg.negative': 'Entry {n} is below {min}.' })).toEqual({ ok: false, message: 'Entry 2 is below 0.' });
  });
  test('a list is shown with spaces and kept in a URL without them; both read back', () => {
    expect(fieldText([30, 40, 0.5])).toBe('30, 40, 0.5');
    expect(urlText([30, 40, 0.5])).toBe('30,40,0.5');
    expect(parseList(urlText([30, 40, 0.5]), acts)).toEqual({ ok: true, value: [30, 40, 0.5] });
    expect([fieldText(3), urlText('a')]).toEqual(['3', 'a']);
  });
});

describe('parsePattern', () => {
  const unit = patternField({ pattern: /^\d{1,2},\d{1,2}$/, maxLength: 5, hidden: true });
  test('accepts text of the form, refuses anything else without echoing it', () => {
    expect(parsePattern(' 1,2 ', unit)).toEqual({ ok: true, value: '1,2' });
    expect(parsePattern('<b>1,2</b>', unit)).toEqual({ ok: false, message: 'This is not in the expected form.' });
    expect(parsePattern('1,2'.padEnd(6, '0'), unit).ok).toBe(false);
  });
});

describe('what the cell shows and reads', () => {
  test('range hints and the longest URL value per kind', () => {
    expect(rangeHint({ kind: 'int', min: 1, max: 48 })).toBe('1–48');
    expect(rangeHint(decimalField({ min: 0, max: 1000 }))).toBe('0–1000');
    expect(rangeHint(listField({ item: { kind: 'int', min: 0, max: 1 }, maxItems: 16, maxLength: 200 }))).toBe('1–16');
    expect(rangeHint({ kind: 'choice', options: ['a'] })).toBe('');
    expect(maxInputLength({ kind: 'int', min: 1, max: 2 })).toBe(64);
    expect(maxInputLength(patternField({ pattern: /x/, maxLength: 200 }))).toBe(200);
  });
});
