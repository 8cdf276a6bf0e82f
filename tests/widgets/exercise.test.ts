import { describe, expect, test } from 'vitest';
import { checkAnswer } from '../../src/widget/exercise';
import { exercise, exerciseSpecLabels } from '../../components/widgets/Exercise/exercise';

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

describe('the exercise cell (one definition; the answer travels in the cell\'s labels)', () => {
  const labels = { ...exercise.labels, ...exerciseSpecLabels(spec) };
  test('unanswered: the neutral prompt, no state', () => {
    expect(exercise.summary({ answer: '' }, labels)).toBe(exercise.labels.prompt);
    expect(exercise.render({ answer: '' }, labels)).not.toContain('data-state');
  });
  test('the feedback is the result, coloured by its kind, and the live summary says the same', () => {
    expect(exercise.render({ answer: 11 }, labels)).toContain('data-state="correct"');
    expect(exercise.summary({ answer: 11 }, labels)).toBe('Correct. Each layer adds (k − 1)·S.');
    expect(exercise.render({ answer: 7 }, labels)).toContain('data-state="wrong" aria-hidden="true">Not quite. That ignores the stride.</p>');
    expect(exercise.summary({ answer: 12 }, labels)).toMatch(/12 is too high/);
  });
  test('the answer waits in a closed <details>, formatted, with its unit and explanation', () => {
    const withUnit = { ...exercise.labels, ...exerciseSpecLabels({ ...spec, answer: 12544 }, 'px') };
    expect(exercise.render({ answer: '' }, withUnit)).toContain('<details><summary>Show the answer</summary><p><strong>12,544</strong> px. Each layer adds (k − 1)·S.</p></details>');
  });
  test('an explanation with markup is shown as text', () => {
    const marked = { ...exercise.labels, ...exerciseSpecLabels({ answer: 1, explanation: '<img src=x>' }) };
    expect(exercise.render({ answer: 1 }, marked)).toContain('&lt;img src=x&gt;');
  });
});
