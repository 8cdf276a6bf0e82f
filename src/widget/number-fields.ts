/**
 * Number fields beyond a plain whole number: decimals, lists of numbers, and whole numbers on a
 * step (LRN's odd window). Each field carries its own rules (`parse`) and their English, so only
 * a page whose widgets use them loads them. A field may word a rule its own way: `messages` maps
 * the rule to one of its widget's labels (already in the page's language). Translations of the
 * generic wording are in messages.zh-cn.ts, like every rule's.
 */
import { NUMBER, type DecimalField, type FieldResult, type IntegerField, type Labels, type ListField, type Table } from './fields.ts';
import { FIELD_MESSAGES, message } from './messages.ts';
import { fill } from './template.ts';

const ENGLISH = {
  step: 'Must be {min} plus a multiple of {step}.',
  decimal: 'Enter a number, like 0.75 or 1e-4.',
  decimalComma: 'Use a point for decimals, like 0.75.',
  listEmpty: 'Enter at least one number.',
  listGap: 'Remove the empty entry between two commas.',
  listTooMany: 'At most {max} numbers.',
  listEntry: 'Entry {n}: {message}',
};

export type NumberRule = keyof typeof ENGLISH;
type Rule = keyof typeof FIELD_MESSAGES | NumberRule;
/** Label keys of the widget's own wording, by rule (`entry.<rule>`: a list entry breaking it). */
export type OwnMessages = Readonly<Partial<Record<Rule | `entry.${Rule}`, string>>>;

type Vars = Readonly<Record<string, string | number>>;
/** A broken rule, before it is worded. */
type Broken = { readonly ok: false; readonly rule: Rule; readonly vars: Vars };
type Checked<T> = { readonly ok: true; readonly value: T } | Broken;
const broken = (rule: Rule, vars: Vars = {}): Broken => ({ ok: false, rule, vars });

interface Worded {
  readonly messages?: OwnMessages;
}
export type SteppedSpec = Pick<IntegerField, 'min' | 'max'> & Worded & { readonly step: number };
export type DecimalSpec = Pick<DecimalField, 'min' | 'max'> & Worded;
export type ListSpec = Pick<ListField, 'item' | 'maxItems' | 'maxLength'> & Worded;

/** The field's own label for a rule if it has one, else the page's (or English) message. */
function say(field: Worded, fault: Broken, table: Table, labels: Labels): string {
  const own = field.messages?.[fault.rule];
  const text = own === undefined ? undefined : labels?.[own];
  return text === undefined ? message(fault.rule, fault.vars, table, { ...FIELD_MESSAGES, ...ENGLISH }) : fill(text, fault.vars);
}

function result<T>(checked: Checked<T>, field: Worded, table: Table, labels: Labels): FieldResult<T> {
  return checked.ok ? checked : { ok: false, message: say(field, checked, table, labels) };
}

function checkInteger(raw: string, field: Pick<IntegerField, 'min' | 'max'> & { readonly step?: number }): Checked<number> {
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

function checkDecimal(raw: string, field: DecimalSpec): Checked<number> {
  const text = raw.trim();
  if (text === '') return broken('empty');
  if (/^[+-]?\d+,\d+$/.test(text)) return broken('decimalComma');
  if (!NUMBER.test(text)) return broken('decimal');
  const value = Number(text);
  if (value < field.min) return broken('atLeast', { min: field.min });
  if (!Number.isFinite(value) || value > field.max) return broken('atMost', { max: field.max });
  return { ok: true, value: value === 0 ? 0 : value }; // no −0
}

export function parseStepped(raw: string, field: SteppedSpec, table?: Table, labels?: Labels): FieldResult<number> {
  return result(checkInteger(raw, field), field, table, labels);
}

/** The allowed value next to `current`, from an off-step one too, within range. */
export function nextOnStep(field: SteppedSpec, current: number, up: boolean): number {
  const last = field.min + Math.floor((field.max - field.min) / field.step) * field.step;
  const k = (current - field.min) / field.step;
  const next = field.min + (up ? Math.floor(k) + 1 : Math.ceil(k) - 1) * field.step;
  return Math.min(last, Math.max(field.min, next));
}

export function parseDecimal(raw: string, field: DecimalSpec, table?: Table, labels?: Labels): FieldResult<number> {
  return result(checkDecimal(raw, field), field, table, labels);
}

/** "30, 40,220 1.5" → [30, 40, 220, 1.5]; an entry's fault is reported with its position. */
export function parseList(raw: string, field: ListSpec, table?: Table, labels?: Labels): FieldResult<number[]> {
  const text = raw.trim();
  if (text === '') return result(broken('listEmpty'), field, table, labels);
  const parts = text.split(/\s*[,;\s]\s*/);
  if (parts.some((p) => p === '')) return result(broken('listGap'), field, table, labels);
  if (parts.length > field.maxItems) return result(broken('listTooMany', { max: field.maxItems }), field, table, labels);
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const item = field.item.kind === 'int' ? checkInteger(part, field.item) : checkDecimal(part, field.item);
    if (item.ok) {
      values.push(item.value);
      continue;
    }
    const own = field.messages?.[`entry.${item.rule}`];
    const text = own === undefined ? undefined : labels?.[own];
    if (text !== undefined) return { ok: false, message: fill(text, { ...item.vars, n: i + 1 }) };
    return { ok: false, message: message('listEntry', { n: i + 1, message: say({}, item, table, labels) }, table, ENGLISH) };
  }
  return { ok: true, value: values };
}

/** A whole number on a step from `min` (LRN's window n: min 1, step 2, so odd). */
export function steppedField(spec: SteppedSpec): IntegerField & SteppedSpec {
  return {
    kind: 'int',
    ...spec,
    parse: (raw, table, labels) => parseStepped(raw, spec, table, labels),
    next: (current, up) => nextOnStep(spec, current, up),
  };
}

export function decimalField(spec: DecimalSpec): DecimalField & DecimalSpec {
  return { kind: 'decimal', ...spec, parse: (raw, table, labels) => parseDecimal(raw, spec, table, labels) };
}

export function listField(spec: ListSpec): ListField & ListSpec {
  return { kind: 'list', ...spec, parse: (raw, table, labels) => parseList(raw, spec, table, labels) };
}
