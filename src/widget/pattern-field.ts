/**
 * A field holding text of a fixed form, usually state a widget's own controls write (the RF
 * explorer's layer stack "c3s1,p2s2"); `hidden` fields render as hidden inputs. The field
 * carries its rule, so only pages whose widgets use it load it.
 */
import { result, type FieldResult, type Labels, type PatternField, type Table } from './fields.ts';

const PATTERN = { pattern: 'This is not in the expected form.' };
export type PatternRule = keyof typeof PATTERN;

type Spec = Omit<PatternField, 'kind' | 'parse'>;

export function parsePattern(raw: string, field: Spec, table?: Table, labels?: Labels): FieldResult<string> {
  const text = raw.trim();
  const ok = text.length <= field.maxLength && field.pattern.test(text);
  return result(ok ? { ok: true, value: text } : { ok: false, rule: 'pattern', vars: {}, english: PATTERN.pattern }, field, table, labels);
}

export function patternField(spec: Spec): PatternField {
  return { kind: 'pattern', ...spec, parse: (raw, table, labels) => parsePattern(raw, spec, table, labels) };
}
