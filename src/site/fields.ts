/**
 * Validation of what a reader types into a widget field (or puts in a shared URL).
 * Pure: the same rules run in the browser and in tests. Messages are plain text (never
 * HTML) and never echo the raw input, so markup typed into a field cannot reach the page.
 */

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

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseInteger(raw: string, field: IntegerField): FieldResult<number> {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a number.' };
  if (!NUMBER.test(text)) return { ok: false, message: 'Enter digits only, like 3.' };
  const value = Number(text);
  if (!Number.isFinite(value) || value > field.max) return { ok: false, message: `Must be at most ${field.max}.` };
  if (value < field.min) return { ok: false, message: `Must be at least ${field.min}.` };
  if (!Number.isInteger(value)) return { ok: false, message: 'Must be a whole number.' };
  return { ok: true, value };
}

export function parseChoice(raw: string, field: ChoiceField): FieldResult<string> {
  return field.options.includes(raw)
    ? { ok: true, value: raw }
    : { ok: false, message: `Choose one of: ${field.options.join(', ')}.` };
}

export function parseField(raw: string, field: FieldDef): FieldResult<number | string> {
  return field.kind === 'int' ? parseInteger(raw, field) : parseChoice(raw, field);
}
