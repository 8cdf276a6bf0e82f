/** Geometry shared by the sliding-window kinds (conv, separable conv, max/avg pool). */
import { CalcError } from '../errors';
import { checkPoolPadding, outputLength, resolvePadding, type Sides } from '../geometry';
import { rfThroughWindow } from '../receptive-field';
import type { LayerWindow, Pair, Padding, ReceptiveField } from '../types';
import { exact, positivePair } from '../validate';
import { pairText, type Spatial } from './tensor';

export interface WindowFields {
  readonly kernel: number | Pair;
  readonly stride?: number | Pair;
  readonly padding?: Padding;
  readonly dilation?: number | Pair;
}

export interface Window {
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly dilation: Pair;
  readonly kEff: Pair;
  readonly sides: Sides;
  readonly out: Pair;
  readonly rf: ReceptiveField | null;
}

export function slideWindow(
  layer: string,
  spec: WindowFields,
  input: Spatial,
  rf: ReceptiveField | null,
  pool?: { readonly ceil: boolean },
): Window {
  const ceil = pool?.ceil ?? false;
  // Pooling's stride defaults to its kernel (PyTorch); conv's to 1.
  const defaultStride = pool === undefined ? 1 : spec.kernel;
  const kernel = positivePair(layer, 'kernel', spec.kernel);
  const stride = positivePair(layer, 'stride', spec.stride ?? defaultStride);
  const dilation = positivePair(layer, 'dilation', spec.dilation ?? 1);
  const kEff: Pair = [dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1];
  const hw: Pair = [input[1], input[2]];
  const sides = resolvePadding(layer, spec.padding, hw, kEff, stride);
  if (pool !== undefined) {
    checkPoolPadding(layer, sides[0], sides[1], kEff[0]);
    checkPoolPadding(layer, sides[2], sides[3], kEff[1]);
  }
  const out: Pair = [
    outputLength(hw[0], kEff[0], stride[0], sides[0], sides[1], ceil),
    outputLength(hw[1], kEff[1], stride[1], sides[2], sides[3], ceil),
  ];
  if (out[0] < 1 || out[1] < 1) {
    const dil = dilation[0] === 1 && dilation[1] === 1 ? '' : ` (dilation ${pairText(dilation)}, effective ${pairText(kEff)})`;
    const pad = sides.every((p) => p === 0) ? '' : ` with padding ${paddingText(sides)}`;
    throw new CalcError('kernel-too-large', layer, `kernel ${pairText(kernel)}${dil} does not fit a ${hw[0]}×${hw[1]} input${pad}`, 'kernel');
  }
  const field = rf && rfThroughWindow(rf, kEff, stride, [sides[0], sides[2]]);
  if (field) for (const v of [...field.size, ...field.stride, ...field.padding]) exact(layer, 'the receptive field', v);
  return { kernel, stride, dilation, kEff, sides, out, rf: field };
}

/** The row's structured record of the window (what `windowDetail` prints). */
export function windowRecord(w: Window): LayerWindow {
  return { kernel: w.kernel, stride: w.stride, padding: w.sides, dilation: w.dilation };
}

export function paddingText(s: Sides): string {
  if (s[0] === s[1] && s[2] === s[3]) return s[0] === s[2] ? String(s[0]) : `${s[0]}×${s[2]}`;
  return `[${s.join(', ')}]`;
}

/** ", stride 2, pad 1, dilation 2" — only the fields that differ from the plain case. */
export function windowDetail(w: Window, spec: WindowFields, defaultStride: Pair = [1, 1]): string {
  let d = '';
  if (w.stride[0] !== defaultStride[0] || w.stride[1] !== defaultStride[1]) d += `, stride ${pairText(w.stride)}`;
  if (spec.padding === 'same') d += ', pad same';
  else if (w.sides.some((p) => p !== 0)) d += `, pad ${paddingText(w.sides)}`;
  if (w.dilation[0] !== 1 || w.dilation[1] !== 1) d += `, dilation ${pairText(w.dilation)}`;
  return d;
}
