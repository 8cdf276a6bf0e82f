/**
 * What a reader is told about bad input, in the page's language: the field rules' messages
 * (the English of decimal, list and pattern fields is with their rules: number-fields.ts,
 * pattern-field.ts)
 * and, on translated pages, the core's typed errors by kind. English is built in; a translated
 * page writes its complete table (messages.zh-cn.ts) into the cell's `data-messages` and the
 * browser adopts it with `useMessages`, so no translation ever ships in a script bundle.
 */
import type { CalcErrorCode } from '../calc/errors.ts';
import type { NumberRule } from './number-fields.ts';
import type { PatternRule } from './pattern-field.ts';
import { fill } from './template.ts';

type Table = Readonly<Record<string, string>>;

export const FIELD_MESSAGES = {
  empty: 'Enter a number.',
  digits: 'Enter digits only, like 3.',
  atMost: 'Must be at most {max}.',
  atLeast: 'Must be at least {min}.',
  whole: 'Must be a whole number.',
  choose: 'Choose one of: {options}.',
  tooLong: 'At most {max} characters.',
};

/** The exercise feedback (src/widget/exercise.ts holds the English). */
export type ExerciseMessageKey = 'correct' | 'hint' | 'tooHigh' | 'tooLow';

/**
 * A translated table: every field and exercise message, and a message per core error kind
 * (`error.<code>`), optionally refined per layer field (`error.<code>.<field>`). `{at}` is the
 * node the core names plus `colon`, or nothing for a bare formula. English pages show the
 * core's own message instead.
 */
export type MessageTable = Record<keyof typeof FIELD_MESSAGES | NumberRule | PatternRule | ExerciseMessageKey | 'colon', string> &
  Record<`error.${CalcErrorCode}`, string> &
  Partial<Record<`error.${CalcErrorCode}.${string}`, string>>;

let active: Table = {};

/** Browser: adopt the page's table (from `data-messages`); without one, English. */
export function useMessages(table: Table | undefined): void {
  if (table && typeof table === 'object') active = table;
}

/** `key` from `table` (the page's by default), else from `english`, with `{name}`s filled. */
export function message(key: string, vars: Readonly<Record<string, string | number>>, table: Table = active, english: Table = FIELD_MESSAGES): string {
  return fill(table[key] ?? english[key] ?? key, vars);
}

/** The text for an error a cell's render threw: its kind translated when the table has it. */
export function errorMessage(error: unknown, table: Table = active): string {
  const e = error as { message?: string; code?: string; field?: string; layer?: string; localized?: boolean };
  const template = e.localized ? undefined : (table[`error.${e.code}.${e.field}`] ?? table[`error.${e.code}`]);
  if (template === undefined) return e.message ?? String(error);
  return fill(template, { at: e.layer ? e.layer + table.colon : '' });
}
