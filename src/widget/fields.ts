/**
 * Validation of what a reader types into a widget field (or puts in a shared URL).
 * Pure: the same rules run in the browser and in tests. Messages are plain text (never
 * HTML) and never echo the raw input, so markup typed into a field cannot reach the page.
 * They come in the page's language (messages.ts); a table may be passed in (tests). A field
 * may word a rule its own way: `messages` maps the rule to one of its widget's labels.
 */
import { message, FIELD_MESSAGES } from './messages.ts';
import { fill } from './template.ts';
import type { NumberRule } from './number-fields.ts';
import type { PatternRule } from './pattern-field.ts';

/** A rule a value can break: a key of FIELD_MESSAGES or of a kind's own English (number-fields.ts, pattern-field.ts). */
export type FieldRule = keyof typeof FIELD_MESSAGES | NumberRule | PatternRule;
/** Label keys of the widget's own wording, by rule (`entry.<rule>`: a list entry breaking it). */
export type OwnMessages = Readonly<Partial<Record<FieldRule | `entry.${FieldRule}`, string>>>;

export interface IntegerField {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
  /** Only every `step`-th whole number from `min` (LRN's odd window: min 1, step 2). */
  readonly step?: number;
  readonly messages?: OwnMessages;
}

export interface ChoiceField {
  readonly kind: 'choice';
  readonly options: readonly string[];
}

/**
 * A kind whose rules travel with the field (made by decimalField, listField in number-fields.ts and
 * patternField in pattern-field.ts), so a page's script carries only the kinds its widgets use.
 */
interface OwnRules<T> {
  readonly messages?: OwnMessages;
  parse(raw: string, table?: Table, labels?: Labels): FieldResult<T>;
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

export type FieldDef = IntegerField | DecimalField | ChoiceField | ListField | PatternField;
export type FieldValue = number | string | readonly number[];

export type FieldResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export type Table = Readonly<Record<string, string>> | undefined;
export type Labels = Readonly<Record<string, string>> | undefined;
type Vars = Readonly<Record<string, string | number>>;
/** A broken rule, before it is worded; `english` is a kind's own English for it. */
export type Broken = { readonly ok: false; readonly rule: FieldRule; readonly vars: Vars; readonly english?: string };
export type Checked<T> = { readonly ok: true; readonly value: T } | Broken;

/** Digits, one optional point, an optional exponent: what Number() reads, minus NaN, Infinity, hex. */
export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const broken = (rule: FieldRule, vars: Vars = {}): Broken => ({ ok: false, rule, vars });

/** The message for a broken rule: the field's own label if it has one, else the page's or English text. */
export function say(field: { readonly messages?: OwnMessages }, fault: Broken, table: Table, labels: Labels): string {
  const own = field.messages?.[fault.rule];
  const text = own === undefined ? undefined : labels?.[own];
  if (text !== undefined) return fill(text, fault.vars);
  return message(fault.rule, fault.vars, table, fault.english === undefined ? FIELD_MESSAGES : { [fault.rule]: fault.english });
}

export function result<T>(checked: Checked<T>, field: { readonly messages?: OwnMessages }, table: Table, labels: Labels): FieldResult<T> {
  return checked.ok ? checked : { ok: false, message: say(field, checked, table, labels) };
}

export function checkInteger(raw: string, field: IntegerField): Checked<number> {
  const text = raw.trim();
  if (text === '') return broken('empty');
  if (!NUMBER.test(text)) return broken('digits');
  const value = Number(text);
  if (!Number.isFinite(value) || value > field.max) return broken('atMost', { max: field.max });
  if (value < field.min) return broken('atLeast', { min: field.min });
  if (!Number.isInteger(value)) return broken('whole');
  if (field.step && (value - field.min) % field.step !== 0) return broken('step', { min: field.min, step: field.step });
  return { ok: true, value };
}

export function parseInteger(raw: string, field: IntegerField, table?: Table, labels?: Labels): FieldResult<number> {
  return result(checkInteger(raw, field), field, table, labels);
}

export function parseChoice(raw: string, field: ChoiceField, table?: Table): FieldResult<string> {
  return field.options.includes(raw)
    ? { ok: true, value: raw }
    : { ok: false, message: message('choose', { options: field.options.join(', ') }, table) };
}

/** `labels`: the widget's labels, for a field's own wording of a rule. */
export function parseField(raw: string, field: FieldDef, table?: Table, labels?: Labels): FieldResult<FieldValue> {
  if (field.kind === 'int') return parseInteger(raw, field, table, labels);
  if (field.kind === 'choice') return parseChoice(raw, field, table);
  return field.parse(raw, table, labels);
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

/** The allowed whole number next to `current` (ArrowUp/ArrowDown), within range; none for other kinds. */
export function stepped(field: FieldDef, current: number, up: boolean): number | undefined {
  if (field.kind !== 'int' || !Number.isInteger(current)) return undefined;
  const step = field.step ?? 1;
  const last = field.min + Math.floor((field.max - field.min) / step) * step;
  const k = (current - field.min) / step;
  const next = field.min + (up ? Math.floor(k) + 1 : Math.ceil(k) - 1) * step;
  return Math.min(last, Math.max(field.min, next));
}

/** The range a field accepts, as its hint shows it ("1–15"); empty for choices and patterns. */
export function rangeHint(field: FieldDef): string {
  if (field.kind === 'int' || field.kind === 'decimal') return `${field.min}–${field.max}`;
  return field.kind === 'list' ? `1–${field.maxItems}` : '';
}
