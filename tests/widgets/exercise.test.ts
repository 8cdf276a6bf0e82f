import { describe, expect, test } from 'vitest';
import { checkAnswer } from '../../src/widget/exercise';

const spec = {
  answer: 11,
  explanation: 'Each layer adds (k − 1)·S.',
  hints: [{ value: 7, text: 'That ignores the stride.' }],
};

describe('checkAnswer', () => {
  test('a right answer is confirmed with the explanation', () => {
    expect(checkAnswer(' 11 ', spec)).toEqual({ kind: 'correct', message: 'Correct. Each layer adds (k − 1)·S.' });
  });
  test('a known wrong answer gets its hint, not just "wrong"', () => {
    expect(checkAnswer('7', spec)).toEqual({ kind: 'wrong', message: 'Not quite. That ignores the stride.' });
  });
  test('any other wrong answer is told which way it is off', () => {
    expect(checkAnswer('12', spec).message).toMatch(/12 is too high/);
    expect(checkAnswer('3', spec).message).toMatch(/3 is too low/);
  });
  test.each(['eleven', '1e309', '-1', '2.5', '<script>'])('%j is invalid input, not a wrong answer', (raw) => {
    expect(checkAnswer(raw, spec).kind).toBe('invalid');
  });
  test.each(['', '   '])('%j is the starting state (the neutral prompt), not an error', (raw) => {
    expect(checkAnswer(raw, spec)).toEqual({ kind: 'empty', message: '' });
  });
});
