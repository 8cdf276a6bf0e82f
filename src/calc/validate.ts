/** Field checks shared by the layer kinds. Each throws a CalcError naming layer and field. */
import { CalcError } from './errors';
import type { Pair } from './types';

function describe(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  return JSON.stringify(v) ?? String(v);
}

export function positiveInt(layer: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    throw new CalcError('bad-parameter', layer, `${field} must be a positive whole number, got ${describe(v)}`, field);
  }
  return v;
}

export function nonNegativeInt(layer: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new CalcError('bad-parameter', layer, `${field} must be a whole number ≥ 0, got ${describe(v)}`, field);
  }
  return v;
}

export function finiteNumber(layer: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new CalcError('bad-parameter', layer, `${field} must be a finite number, got ${describe(v)}`, field);
  }
  return v;
}

export function inRange(layer: string, field: string, v: unknown, lo: number, hi: number): number {
  const x = finiteNumber(layer, field, v);
  if (x < lo || x > hi) {
    throw new CalcError('bad-parameter', layer, `${field} must be between ${lo} and ${hi}, got ${x}`, field);
  }
  return x;
}

export function optionalBoolean(layer: string, field: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') {
    throw new CalcError('bad-parameter', layer, `${field} must be true or false, got ${describe(v)}`, field);
  }
  return v;
}

/** A number or [h, w] pair of positive whole numbers (kernel, stride, dilation, output). */
export function positivePair(layer: string, field: string, v: unknown): Pair {
  if (typeof v === 'number') {
    const x = positiveInt(layer, field, v);
    return [x, x];
  }
  if (Array.isArray(v) && v.length === 2) {
    return [positiveInt(layer, field, v[0]), positiveInt(layer, field, v[1])];
  }
  throw new CalcError('bad-parameter', layer, `${field} must be a positive whole number or an [h, w] pair, got ${describe(v)}`, field);
}

/** Guards every count: anything that leaves exact integers (or becomes NaN/Infinity) is an error. */
export function exact(layer: string, what: string, v: number): number {
  if (!Number.isSafeInteger(v)) {
    throw new CalcError('too-large', layer, `${what} is too large to count exactly`);
  }
  return v;
}

export { describe as describeValue };
