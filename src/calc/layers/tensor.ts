/** What flows between nodes, what a layer returns, and the input checks every kind shares. */
import { CalcError } from '../errors';
import type { LayerKind, LayerWindow, ParamCount, ReceptiveField, Shape } from '../types';
import { exact } from '../validate';

export interface Tensor {
  readonly shape: Shape;
  /** null once the tensor has no spatial extent or after global pooling. */
  readonly rf: ReceptiveField | null;
}

export interface LayerResult {
  readonly output: Shape;
  readonly params: ParamCount;
  readonly macs: number;
  readonly rf: ReceptiveField | null;
  readonly detail: string;
  /** Sliding-window kinds only. */
  readonly window?: LayerWindow;
  /** Grouped convs only (default 1). */
  readonly groups?: number;
}

export const NO_PARAMS: ParamCount = { weights: 0, biases: 0, bn: 0, total: 0 };

export function paramCount(layer: string, weights: number, biases: number, bn = 0): ParamCount {
  return {
    weights: exact(layer, 'the weight count', weights),
    biases: exact(layer, 'the bias count', biases),
    bn: exact(layer, 'the batch-norm parameter count', bn),
    total: exact(layer, 'the parameter count', weights + biases + bn),
  };
}

/** A layer without parameters or compute that passes its input through. */
export function passThrough(input: Tensor, detail: string): LayerResult {
  return { output: input.shape, params: NO_PARAMS, macs: 0, rf: input.rf, detail };
}

export function oneInput(layer: string, kind: LayerKind, inputs: readonly Tensor[]): Tensor {
  const first = inputs[0];
  if (inputs.length !== 1 || first === undefined) {
    throw new CalcError('bad-parameter', layer, `a ${kind} node takes one input, got ${inputs.length}`);
  }
  return first;
}

export type Spatial = readonly [number, number, number];

/** The [C, H, W] of a feature map; a flattened tensor is an error. */
export function spatialInput(layer: string, kind: LayerKind, input: Tensor): Spatial {
  const s = input.shape;
  if (s.length !== 3) {
    throw new CalcError('not-spatial', layer, `a ${kind} layer needs a C×H×W feature map, got ${formatDims(s)}`);
  }
  return [s[0] as number, s[1] as number, s[2] as number];
}

export function formatDims(shape: Shape): string {
  return shape.join('×');
}

export function pairText(p: readonly [number, number]): string {
  return p[0] === p[1] ? String(p[0]) : `${p[0]}×${p[1]}`;
}

/** Kernels always print both axes ("3×3 conv"), even when square. */
export function kernelText(k: readonly [number, number]): string {
  return `${k[0]}×${k[1]}`;
}
