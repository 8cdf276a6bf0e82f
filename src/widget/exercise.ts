/**
 * Checking a reader's answer to an exercise: pure, so the feedback rules are unit-tested.
 * A wrong answer gets the hint written for that mistake, or a direction (too high/low).
 */
import { parseAnswer } from './fields';
import { message } from './messages';

export interface ExerciseHint {
  /** A wrong answer a reader typically gives. */
  readonly value: number;
  /** What that answer reveals, and where to look. */
  readonly text: string;
}

export interface ExerciseSpec {
  readonly answer: number;
  readonly hints?: readonly ExerciseHint[];
  readonly explanation: string;
}

export type Feedback =
  | { readonly kind: 'empty'; readonly message: '' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'correct'; readonly message: string }
  | { readonly kind: 'wrong'; readonly message: string };

const FEEDBACK = {
  correct: 'Correct. {explanation}',
  hint: 'Not quite. {hint}',
  tooHigh: 'Not quite: {value} is too high. Work through it step by step, then try again.',
  tooLow: 'Not quite: {value} is too low. Work through it step by step, then try again.',
};

/** An empty answer is the starting state (the neutral prompt), not a mistake. */
export function checkAnswer(raw: string, spec: ExerciseSpec, table?: Readonly<Record<string, string>>): Feedback {
  const parsed = parseAnswer(raw, table);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  if (parsed.value === '') return { kind: 'empty', message: '' };
  if (parsed.value === spec.answer) return { kind: 'correct', message: message('correct', { explanation: spec.explanation }, table, FEEDBACK) };
  const hint = spec.hints?.find((h) => h.value === parsed.value);
  if (hint) return { kind: 'wrong', message: message('hint', { hint: hint.text }, table, FEEDBACK) };
  return { kind: 'wrong', message: message(parsed.value > spec.answer ? 'tooHigh' : 'tooLow', { value: parsed.value }, table, FEEDBACK) };
}
