/**
 * A field holding text of a fixed form, usually state a widget's own controls write (the RF
 * explorer's layer stack "c3s1,p2s2"); `hidden` fields render as hidden inputs. The field
 * carries its rule, so only pages whose widgets use it load it.
 */
import type { FieldResult, PatternField, Table } from './fields.ts';
import { message } from './messages.ts';

const PATTERN = { pattern: 'This is not in the expected form.' };
export type PatternRule = keyof typeof PATTERN;

type Spec = Omit<PatternField, 'kind' | 'parse'>;

export function parsePattern(raw: string, field: Spec, table?: Table): FieldResult<string> {
  const text = raw.trim();
  if (text.length <= field.maxLength && field.pattern.test(text)) return { ok: true, value: text };
  return { ok: false, message: message('pattern', {}, table, PATTERN) };
}

export function patternField(spec: Spec): PatternField {
  return { kind: 'pattern', ...spec, parse: (raw, table) => parsePattern(raw, spec, table) };
}
