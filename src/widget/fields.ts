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

export type FieldDef = IntegerField | ChoiceField;

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

export function parseField(raw: string, field: FieldDef, table?: Table): FieldResult<number | string> {
  return field.kind === 'int' ? parseInteger(raw, field, table) : parseChoice(raw, field, table);
}
