/**
 * Sliding-window arithmetic along one axis: the formulas a widget shows with the reader's numbers.
 * Public functions validate their arguments and throw CalcError (layer "") on bad ones.
 */
import { CalcError } from './errors';
import type { Padding } from './types';
import { nonNegativeInt, optionalBoolean, positiveInt } from './validate';

/** Span of a dilated kernel: k_eff = d·(k − 1) + 1. */
export function effectiveKernel(kernel: number, dilation = 1): number {
  positiveInt('', 'kernel', kernel);
  positiveInt('', 'dilation', dilation);
  return dilation * (kernel - 1) + 1;
}

/**
 * Output length without validation; may be ≤ 0 when the window does not fit.
 * floor mode: ⌊(L − k_eff)/s⌋ + 1 with L = in + pb + pa.
 * ceil mode (PyTorch pooling): ⌈(L − k_eff)/s⌉ + 1, minus one if the last window would start
 * inside the right padding, i.e. (out − 1)·s ≥ in + pb.
 */
export function outputLength(
  inSize: number,
  kEff: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  ceil: boolean,
): number {
  const span = inSize + padBefore + padAfter - kEff;
  if (!ceil) return Math.floor(span / stride) + 1;
  let out = Math.ceil(span / stride) + 1;
  if ((out - 1) * stride >= inSize + padBefore) out -= 1;
  return out;
}

/** Output length of a conv or pooling window along one axis (PyTorch semantics; ceil mode is pooling's). */
export function convOutputSize(
  inSize: number,
  kernel: number,
  stride = 1,
  padBefore = 0,
  padAfter = padBefore,
  dilation = 1,
  ceil = false,
): number {
  positiveInt('', 'input size', inSize);
  positiveInt('', 'stride', stride);
  nonNegativeInt('', 'padding before', padBefore);
  nonNegativeInt('', 'padding after', padAfter);
  optionalBoolean('', 'ceil', ceil, false);
  const kEff = effectiveKernel(kernel, dilation);
  if (ceil) checkPoolPadding('', padBefore, padAfter, kEff);
  const out = outputLength(inSize, kEff, stride, padBefore, padAfter, ceil);
  if (out < 1) {
    const pad = padBefore === 0 && padAfter === 0 ? '' : ` padded by ${padBefore}+${padAfter}`;
    throw new CalcError('kernel-too-large', '', `kernel ${describeKernel(kernel, dilation)} does not fit an input of ${inSize}${pad}`, 'kernel');
  }
  return out;
}

/**
 * PyTorch pooling refuses padding over half the effective window (such windows could see only
 * padding). The ceil-mode rule above drops at most one window, which is exact only under this bound.
 */
export function checkPoolPadding(layer: string, padBefore: number, padAfter: number, kEff: number): void {
  if (Math.max(padBefore, padAfter) > Math.floor(kEff / 2)) {
    throw new CalcError('bad-parameter', layer, `padding must be at most half the kernel (${Math.floor(kEff / 2)} for an effective kernel of ${kEff})`, 'padding');
  }
}

export function describeKernel(kernel: number, dilation: number): string {
  return dilation === 1 ? String(kernel) : `${kernel} (dilation ${dilation}, effective ${dilation * (kernel - 1) + 1})`;
}

export interface SidePadding {
  readonly before: number;
  readonly after: number;
  readonly total: number;
}

/**
 * TF/Keras "same" padding along one axis: output = ⌈in/s⌉, and
 * total = max((⌈in/s⌉ − 1)·s + k_eff − in, 0), before = ⌊total/2⌋ (the extra pixel goes after).
 */
export function samePadding(inSize: number, kernel: number, stride = 1, dilation = 1): SidePadding {
  positiveInt('', 'input size', inSize);
  positiveInt('', 'stride', stride);
  const kEff = effectiveKernel(kernel, dilation);
  return samePaddingRaw(inSize, kEff, stride);
}

export function samePaddingRaw(inSize: number, kEff: number, stride: number): SidePadding {
  const total = Math.max((Math.ceil(inSize / stride) - 1) * stride + kEff - inSize, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, total };
}

/** Per-side padding [top, bottom, left, right] for any Padding form. */
export type Sides = readonly [number, number, number, number];

export function resolvePadding(
  layer: string,
  padding: Padding | undefined,
  inHW: readonly [number, number],
  kEff: readonly [number, number],
  stride: readonly [number, number],
): Sides {
  if (padding === undefined || padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    const h = samePaddingRaw(inHW[0], kEff[0], stride[0]);
    const w = samePaddingRaw(inHW[1], kEff[1], stride[1]);
    return [h.before, h.after, w.before, w.after];
  }
  if (typeof padding === 'number') {
    const p = nonNegativeInt(layer, 'padding', padding);
    return [p, p, p, p];
  }
  if (Array.isArray(padding) && padding.length === 2) {
    const h = nonNegativeInt(layer, 'padding', padding[0]);
    const w = nonNegativeInt(layer, 'padding', padding[1]);
    return [h, h, w, w];
  }
  if (Array.isArray(padding) && padding.length === 4) {
    return [
      nonNegativeInt(layer, 'padding', padding[0]),
      nonNegativeInt(layer, 'padding', padding[1]),
      nonNegativeInt(layer, 'padding', padding[2]),
      nonNegativeInt(layer, 'padding', padding[3]),
    ];
  }
  throw new CalcError(
    'bad-parameter',
    layer,
    `padding must be a whole number ≥ 0, [h, w], [top, bottom, left, right], "same" or "valid", got ${JSON.stringify(padding)}`,
    'padding',
  );
}
