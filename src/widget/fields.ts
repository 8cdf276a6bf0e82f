/**
 * Validation of what a reader types into a widget field (or puts in a shared URL).
 * Pure: the same rules run in the browser and in tests. Messages are plain text (never
 * HTML) and never echo the raw input, so markup typed into a field cannot reach the page.
 * They come in the page's language (messages.ts); a table may be passed in (tests).
 */
import { message } from './messages.ts';

export interface IntegerField {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
}

export interface ChoiceField {
  readonly kind: 'choice';
  readonly options: readonly string[];
}

/**
 * A whole number the reader works out (an exercise's answer): it starts empty, and an empty
 * answer is the starting state, not a mistake (its value is ''). No range is shown and the
 * arrow keys do not step it: an answer is typed, not searched for.
 */
export interface AnswerField {
  readonly kind: 'answer';
}

/**
 * A whole text (a pasted network), shown as a textarea. The runtime checks only its length; the
 * widget parses it (its `enhance`), and it is not kept in the URL query: a widget that keeps it
 * in the URL does so itself (the paste cell compresses it into the fragment).
 */
export interface TextField {
  readonly kind: 'text';
  readonly maxLength: number;
  /** Visible lines. */
  readonly rows: number;
}

export type FieldDef = IntegerField | ChoiceField | AnswerField | TextField;

export type FieldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Table = Readonly<Record<string, string>> | undefined;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseInteger(raw: string, field: IntegerField, table?: Table): FieldResult<number> {
  const fail = (key: string, vars = {}) => ({ ok: false, message: message(key, vars, table) }) as const;
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (!NUMBER.test(text)) return fail('digits');
  const value = Number(text);
  if (!Number.isFinite(value) || value > field.max) return fail('atMost', { max: field.max });
  if (value < field.min) return fail('atLeast', { min: field.min });
  if (!Number.isInteger(value)) return fail('whole');
  return { ok: true, value };
}

export function parseChoice(raw: string, field: ChoiceField, table?: Table): FieldResult<string> {
  return field.options.includes(raw)
    ? { ok: true, value: raw }
    : { ok: false, message: message('choose', { options: field.options.join(', ') }, table) };
}

/** The range an answer may take (the largest answer in the book is far below it). */
export const ANSWER_RANGE: IntegerField = { kind: 'int', min: 0, max: 1e15 };

export function parseAnswer(raw: string, table?: Table): FieldResult<number | ''> {
  return raw.trim() === '' ? { ok: true, value: '' } : parseInteger(raw, ANSWER_RANGE, table);
}

export function parseText(raw: string, field: TextField, table?: Table): FieldResult<string> {
  return raw.length <= field.maxLength ? { ok: true, value: raw } : { ok: false, message: message('tooLong', { max: field.maxLength }, table) };
}

export function parseField(raw: string, field: FieldDef, table?: Table): FieldResult<number | string> {
  if (field.kind === 'answer') return parseAnswer(raw, table);
  if (field.kind === 'text') return parseText(raw, field, table);
  return field.kind === 'int' ? parseInteger(raw, field, table) : parseChoice(raw, field, table);
}
