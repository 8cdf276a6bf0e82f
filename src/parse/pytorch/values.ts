/** Reads the numbers of a module's extra_repr, with errors that point at the module's line. */
import type { Pair, Padding } from '../../calc/types';
import { ParseError } from '../errors';
import type { ModuleNode, Value } from './repr';

export function origin(node: ModuleNode): { line: number; module: string } {
  return { line: node.line, module: node.path === '' ? node.type : `${node.path} (${node.type})` };
}

function fail(node: ModuleNode, what: string, v: Value | undefined): never {
  const o = origin(node);
  throw new ParseError('bad-value', o.line, o.module, `${what} must be a whole number ≥ 0, got ${JSON.stringify(v) ?? 'nothing'}`);
}

/** The keyword, else the positional argument at `index`. */
export function arg(node: ModuleNode, key: string, index?: number): Value | undefined {
  if (Object.hasOwn(node.kwargs, key)) return node.kwargs[key];
  return index === undefined ? undefined : node.args[index];
}

export function int(node: ModuleNode, key: string, index?: number, fallback?: number): number {
  const v = arg(node, key, index) ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(node, key, v);
  if (!Number.isSafeInteger(v)) {
    const o = origin(node);
    throw new ParseError('too-large', o.line, o.module, `${key} ${String(v)} is beyond exact whole numbers`);
  }
  return v;
}

export function real(node: ModuleNode, key: string, index: number | undefined, fallback: number): number {
  const v = arg(node, key, index) ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    const o = origin(node);
    throw new ParseError('bad-value', o.line, o.module, `${key} must be a number, got ${JSON.stringify(v)}`);
  }
  return v;
}

export function bool(node: ModuleNode, key: string, fallback: boolean): boolean {
  const v = arg(node, key);
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') {
    const o = origin(node);
    throw new ParseError('bad-value', o.line, o.module, `${key} must be True or False, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** 3 or (3, 3) → 3; (1, 7) → [1, 7]. */
export function pair(node: ModuleNode, key: string, index: number | undefined, fallback?: number): number | Pair {
  const v = arg(node, key, index) ?? fallback;
  if (Array.isArray(v)) {
    if (v.length !== 2) fail(node, `${key} (a pair)`, v);
    const h = checked(node, key, v[0]);
    const w = checked(node, key, v[1]);
    return h === w ? h : [h, w];
  }
  return checked(node, key, v as Value | undefined);
}

function checked(node: ModuleNode, key: string, v: Value | undefined): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(node, key, v);
  if (!Number.isSafeInteger(v)) {
    const o = origin(node);
    throw new ParseError('too-large', o.line, o.module, `${key} ${String(v)} is beyond exact whole numbers`);
  }
  return v;
}

export function padding(node: ModuleNode): Padding {
  const v = arg(node, 'padding');
  if (v === 'same' || v === 'valid') return v;
  return pair(node, 'padding', undefined, 0);
}
