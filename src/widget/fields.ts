/**
 * Validation of what a reader types into a widget field (or puts in a shared URL).
 * Pure: the same rules run in the browser and in tests. Messages are plain text (never
 * HTML) and never echo the raw input, so markup typed into a field cannot reach the page.
 * They come in the page's language (messages.ts); a table may be passed in (tests).
 * Whole numbers and choices are built in; other kinds carry their rules with the field
 * (number-fields.ts, pattern-field.ts), so a page's script holds only the kinds it uses.
 */
import { message } from './messages.ts';

export type Table = Readonly<Record<string, string>> | undefined;
/** The widget's labels: a field may word a rule as one of them (number-fields.ts). */
export type Labels = Readonly<Record<string, string>> | undefined;

/** A field that brings its own rules (and its own arrow-key step, for a whole number). */
interface OwnRules<T> {
  parse(raw: string, table?: Table, labels?: Labels): FieldResult<T>;
}

export interface IntegerField extends Partial<OwnRules<number>> {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
  /** The allowed value next to `current` (ArrowUp/ArrowDown); by default ±1 within range. */
  next?(current: number, up: boolean): number;
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


/** Any finite decimal in range: "0.75", ".5", "1e-4"; never NaN, Infinity or a decimal comma. */
export interface DecimalField extends OwnRules<number> {
  readonly kind: 'decimal';
  readonly min: number;
  readonly max: number;
}

/** Numbers separated by commas (or spaces), each checked by `item`: "30, 40, 220". */
export interface ListField extends OwnRules<number[]> {
  readonly kind: 'list';
  readonly item: IntegerField | DecimalField;
  readonly maxItems: number;
  /** The longest text a URL may put into the field. */
  readonly maxLength: number;
}

/**
 * A short text of a fixed form, usually state the widget's own controls write (the RF
 * explorer's layer stack "c3s1,p2s2"): `hidden` fields render as hidden inputs.
 */
export interface PatternField extends OwnRules<string> {
  readonly kind: 'pattern';
  readonly pattern: RegExp;
  readonly maxLength: number;
  readonly hidden?: boolean;
}

export type FieldDef = IntegerField | ChoiceField | AnswerField | TextField | DecimalField | ListField | PatternField;
export type FieldValue = number | string | readonly number[];

export type FieldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Digits, one optional point, an optional exponent: what Number() reads, minus NaN, Infinity, hex. */
export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseInteger(raw: string, field: Pick<IntegerField, 'min' | 'max'>, table?: Table): FieldResult<number> {
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

/** A whole number from `min` to `max`: how a widget declares a plain number field. */
export function int(min: number, max: number): IntegerField {
  return { kind: 'int', min, max };
}

/** A channel (or group) count, as every widget that takes one accepts it. */
export const CHANNELS = int(1, 4096);

/** The range an answer may take (the largest answer in the book is far below it). */
export const ANSWER_RANGE = int(0, 1e15);

export function parseAnswer(raw: string, table?: Table): FieldResult<number | ''> {
  return raw.trim() === '' ? { ok: true, value: '' } : parseInteger(raw, ANSWER_RANGE, table);
}

export function parseText(raw: string, field: TextField, table?: Table): FieldResult<string> {
  return raw.length <= field.maxLength ? { ok: true, value: raw } : { ok: false, message: message('tooLong', { max: field.maxLength }, table) };
}

/** `labels`: the widget's labels, for a field's own wording of a rule. */
export function parseField(raw: string, field: FieldDef, table?: Table, labels?: Labels): FieldResult<FieldValue> {
  if (field.kind === 'choice') return parseChoice(raw, field, table);
  if (field.kind === 'answer') return parseAnswer(raw, table);
  if (field.kind === 'text') return parseText(raw, field, table);
  if (field.kind === 'int' && !field.parse) return parseInteger(raw, field, table);
  return field.parse!(raw, table, labels);
}

/** A value as its field shows it ("30, 40, 220" for a list); `parseField` reads it back. */
export function fieldText(value: FieldValue): string {
  return typeof value === 'object' ? value.join(', ') : String(value);
}

/** A value as a URL holds it: a list without spaces ("30,40,220"). */
export function urlText(value: FieldValue): string {
  return typeof value === 'object' ? value.join(',') : String(value);
}

/** The longest text the runtime reads from a URL into a field. */
export function maxInputLength(field: FieldDef): number {
  return 'maxLength' in field ? field.maxLength : 64;
}

/** The whole number ArrowUp/ArrowDown moves a field to; none for other kinds or a non-integer. */
export function stepped(field: FieldDef, current: number, up: boolean): number | undefined {
  if (field.kind !== 'int' || !Number.isInteger(current)) return undefined;
  return field.next ? field.next(current, up) : Math.min(field.max, Math.max(field.min, current + (up ? 1 : -1)));
}

/** The range a field accepts, as its hint shows it ("1–15"); empty for choices and patterns. */
export function rangeHint(field: FieldDef): string {
  if (field.kind === 'int' || field.kind === 'decimal') return `${field.min}–${field.max}`;
  return field.kind === 'list' ? `1–${field.maxItems}` : '';
}
