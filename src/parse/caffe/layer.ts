/**
 * A Caffe layer as the parser reads it: its type (V1 enum names mapped to V2), blobs and origin,
 * and typed readers for its `*_param` fields with caffe.proto's defaults. A bad value fails with a
 * ParseError naming the layer and line.
 */
import type { Pair } from '../../calc/types';
import { ParseError, shownValue } from '../errors';
import type { Origin } from '../graph';
import { all, first, isMessage, type Message } from './prototxt';

/** Caffe's V1 `layers { type: CONVOLUTION }` enum names → V2 type strings. */
const V1: Readonly<Record<string, string>> = {
  CONVOLUTION: 'Convolution',
  POOLING: 'Pooling',
  LRN: 'LRN',
  INNER_PRODUCT: 'InnerProduct',
  RELU: 'ReLU',
  SIGMOID: 'Sigmoid',
  TANH: 'TanH',
  DROPOUT: 'Dropout',
  SOFTMAX: 'Softmax',
  CONCAT: 'Concat',
  ELTWISE: 'Eltwise',
  FLATTEN: 'Flatten',
  SPLIT: 'Split',
  DATA: 'Data',
  IMAGE_DATA: 'ImageData',
  SOFTMAX_LOSS: 'SoftmaxWithLoss',
  ACCURACY: 'Accuracy',
  DECONVOLUTION: 'Deconvolution',
};

export interface Layer {
  readonly msg: Message;
  readonly name: string;
  readonly type: string;
  readonly bottoms: string[];
  readonly tops: string[];
  readonly at: Origin;
}

export function fail(l: Layer, code: 'bad-value' | 'unsupported' | 'unknown-module' | 'shape-mismatch', problem: string): never {
  throw new ParseError(code, l.at.line, l.at.module, problem);
}

export function param(l: Layer, key: string): Message | undefined {
  const v = first(l.msg, key);
  return isMessage(v) ? v : undefined;
}

export function num(l: Layer, m: Message | undefined, key: string, fallback: number): number {
  const v = m === undefined ? undefined : first(m, key);
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(l, 'bad-value', `${key} must be a number, got ${shownValue(v, 'nothing')}`);
  return v;
}

export function whole(l: Layer, m: Message | undefined, key: string, fallback: number): number {
  const v = num(l, m, key, fallback);
  if (!Number.isSafeInteger(v) || v < 0) fail(l, 'bad-value', `${key} must be a whole number ≥ 0, got ${v}`);
  return v;
}

export function flag(l: Layer, m: Message | undefined, key: string, fallback: boolean): boolean {
  const v = m === undefined ? undefined : first(m, key);
  if (v === undefined) return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail(l, 'bad-value', `${key} must be true or false, got ${shownValue(v, 'nothing')}`);
}

export function word(m: Message | undefined, key: string, fallback: string): string {
  const v = m === undefined ? undefined : first(m, key);
  return typeof v === 'string' ? v : fallback;
}

/** Caffe's spatial fields: `kernel_size: 3` (repeated: h, w) or `kernel_h`/`kernel_w`. */
export function hw(l: Layer, m: Message | undefined, key: string, hKey: string, wKey: string, fallback: number): Pair {
  const h = m === undefined ? undefined : first(m, hKey);
  if (h !== undefined) return [whole(l, m, hKey, fallback), whole(l, m, wKey, fallback)];
  const vals = m === undefined ? [] : all(m, key);
  for (const v of vals) if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(l, 'bad-value', `${key} must be a whole number ≥ 0, got ${shownValue(v, 'nothing')}`);
  if (vals.length === 0) return [fallback, fallback];
  if (vals.length === 1) return [vals[0] as number, vals[0] as number];
  if (vals.length === 2) return [vals[0] as number, vals[1] as number];
  return fail(l, 'bad-value', `${key} has ${vals.length} values; a 2-D layer takes one or two`);
}

export const one = (p: Pair): number | Pair => (p[0] === p[1] ? p[0] : p);

export function readLayers(root: Message): Layer[] {
  const out: Layer[] = [];
  for (const f of root.fields) {
    if ((f.key !== 'layer' && f.key !== 'layers') || !isMessage(f.value)) continue;
    const msg = f.value;
    const rawType = first(msg, 'type');
    const type = typeof rawType === 'string' ? (V1[rawType] ?? rawType) : '';
    const name = typeof first(msg, 'name') === 'string' ? (first(msg, 'name') as string) : `layer ${out.length + 1}`;
    // A train_val prototxt lists TRAIN-only layers (data, losses); an inference pass is the TEST net.
    const include = first(msg, 'include');
    if (isMessage(include) && first(include, 'phase') === 'TRAIN') continue;
    const strings = (key: string) => all(msg, key).filter((v): v is string => typeof v === 'string');
    out.push({ msg, name, type, bottoms: strings('bottom'), tops: strings('top'), at: { line: f.line, module: `${name} (${type || 'no type'})` } });
  }
  return out;
}
