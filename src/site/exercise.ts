/**
 * Checking a reader's answer to an exercise: pure, so the feedback rules are unit-tested.
 * A wrong answer gets the hint written for that mistake, or a direction (too high/low).
 */
import { parseInteger, type FieldResult } from './fields';

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

export const ANSWER_FIELD = { kind: 'int', min: 0, max: 1e15 } as const;

/** An empty answer is the starting state (the neutral prompt), not a mistake. */
export function checkAnswer(raw: string, spec: ExerciseSpec): Feedback {
  if (raw.trim() === '') return { kind: 'empty', message: '' };
  const parsed: FieldResult<number> = parseInteger(raw, ANSWER_FIELD);
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  if (parsed.value === spec.answer) return { kind: 'correct', message: `Correct. ${spec.explanation}` };
  const hint = spec.hints?.find((h) => h.value === parsed.value);
  if (hint) return { kind: 'wrong', message: `Not quite. ${hint.text}` };
  const direction = parsed.value > spec.answer ? 'too high' : 'too low';
  return { kind: 'wrong', message: `Not quite: ${parsed.value} is ${direction}. Work through it step by step, then try again.` };
}
