/**
 * Decimal and list fields (LRN's k, α, β and its activations). Each field carries its own rules
 * (`parse`) and their English, so only a page whose widgets use these kinds loads them (text of
 * a fixed form is in pattern-field.ts). Translations are in messages.zh-cn.ts, like every rule's.
 */
import { NUMBER, checkInteger, result, say, type Broken, type Checked, type DecimalField, type FieldResult, type Labels, type ListField, type Table } from './fields.ts';
import { message } from './messages.ts';
import { fill } from './template.ts';

const DECIMAL = {
  decimal: 'Enter a number, like 0.75 or 1e-4.',
  decimalComma: 'Use a point for decimals, like 0.75.',
};
const LIST = {
  listEmpty: 'Enter at least one number.',
  listGap: 'Remove the empty entry between two commas.',
  listTooMany: 'At most {max} numbers.',
  listEntry: 'Entry {n}: {message}',
};

export type NumberRule = keyof typeof DECIMAL | keyof typeof LIST;

type Spec<F> = Omit<F, 'kind' | 'parse'>;
const own = <K extends NumberRule>(english: Record<K, string>, rule: K, vars = {}): Broken => ({ ok: false, rule, vars, english: english[rule] });

function checkDecimal(raw: string, field: Spec<DecimalField>): Checked<number> {
  const text = raw.trim();
  if (text === '') return { ok: false, rule: 'empty', vars: {} };
  if (/^[+-]?\d+,\d+$/.test(text)) return own(DECIMAL, 'decimalComma');
  if (!NUMBER.test(text)) return own(DECIMAL, 'decimal');
  const value = Number(text);
  if (value < field.min) return { ok: false, rule: 'atLeast', vars: { min: field.min } };
  if (!Number.isFinite(value) || value > field.max) return { ok: false, rule: 'atMost', vars: { max: field.max } };
  return { ok: true, value: value === 0 ? 0 : value }; // no −0
}

export function parseDecimal(raw: string, field: Spec<DecimalField>, table?: Table, labels?: Labels): FieldResult<number> {
  return result(checkDecimal(raw, field), field, table, labels);
}

/** "30, 40,220 1.5" → [30, 40, 220, 1.5]; an entry's fault is reported with its position. */
export function parseList(raw: string, field: Spec<ListField>, table?: Table, labels?: Labels): FieldResult<number[]> {
  const text = raw.trim();
  if (text === '') return result(own(LIST, 'listEmpty'), field, table, labels);
  const parts = text.split(/\s*[,;\s]\s*/);
  if (parts.some((p) => p === '')) return result(own(LIST, 'listGap'), field, table, labels);
  if (parts.length > field.maxItems) return result(own(LIST, 'listTooMany', { max: field.maxItems }), field, table, labels);
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const item = field.item.kind === 'int' ? checkInteger(part, field.item) : checkDecimal(part, field.item);
    if (item.ok) {
      values.push(item.value);
      continue;
    }
    const worded = field.messages?.[`entry.${item.rule}`];
    const text = worded === undefined ? undefined : labels?.[worded];
    if (text !== undefined) return { ok: false, message: fill(text, { ...item.vars, n: i + 1 }) };
    return { ok: false, message: message('listEntry', { n: i + 1, message: say(field.item, item, table, labels) }, table, LIST) };
  }
  return { ok: true, value: values };
}

export function decimalField(spec: Spec<DecimalField>): DecimalField {
  return { kind: 'decimal', ...spec, parse: (raw, table, labels) => parseDecimal(raw, spec, table, labels) };
}

export function listField(spec: Spec<ListField>): ListField {
  return { kind: 'list', ...spec, parse: (raw, table, labels) => parseList(raw, spec, table, labels) };
}
