/**
 * Receptive fields after Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional
 * Neural Networks", Distill 2019. Per axis a unit has size r, effective stride S (the "jump"
 * between neighbouring units, in input pixels) and effective padding P (unit i's region starts
 * at i·S − P). A window layer (kernel k, dilation d, stride s, padding before p) maps
 *   r ← r + (k_eff − 1)·S,   P ← P + p·S,   S ← S·s,   with k_eff = d(k − 1) + 1.
 * Read from the top down the same recursion is the textbook F(i) = (F(i+1) − 1)·s_i + k_i.
 */
import { CalcError } from './errors';
import type { Pair, ReceptiveField } from './types';
import { effectiveKernel } from './geometry';
import { nonNegativeInt, positiveInt } from './validate';

/** One axis of a receptive field. */
export interface AxisField {
  readonly r: number;
  readonly S: number;
  readonly P: number;
}

/** A pixel of the input sees itself. */
export const INPUT_FIELD: ReceptiveField = { size: [1, 1], stride: [1, 1], padding: [0, 0], aligned: true };

/** Forward step along one axis. */
export function rfForwardStep(prev: AxisField, kernel: number, stride = 1, padBefore = 0, dilation = 1): AxisField {
  const kEff = effectiveKernel(kernel, dilation);
  positiveInt('', 'stride', stride);
  nonNegativeInt('', 'padding', padBefore);
  return { r: prev.r + (kEff - 1) * prev.S, S: prev.S * stride, P: prev.P + padBefore * prev.S };
}

/** Backward step: how many pixels below a layer a region of F units above it covers. */
export function rfBackwardStep(fAbove: number, kernel: number, stride = 1, dilation = 1): number {
  positiveInt('', 'F', fAbove);
  positiveInt('', 'stride', stride);
  return (fAbove - 1) * stride + effectiveKernel(kernel, dilation);
}

/** Centre of unit 0's region, in input pixels: (r − 1)/2 − P. Paths agree iff centres agree. */
export function rfCentre(a: AxisField): number {
  return (a.r - 1) / 2 - a.P;
}

/** Both axes through a window layer (conv, pool, exact adaptive pool). Callers pass validated numbers. */
export function rfThroughWindow(rf: ReceptiveField, kEff: Pair, stride: Pair, padBefore: Pair): ReceptiveField {
  return {
    size: [rf.size[0] + (kEff[0] - 1) * rf.stride[0], rf.size[1] + (kEff[1] - 1) * rf.stride[1]],
    stride: [rf.stride[0] * stride[0], rf.stride[1] * stride[1]],
    padding: [rf.padding[0] + padBefore[0] * rf.stride[0], rf.padding[1] + padBefore[1] * rf.stride[1]],
    aligned: rf.aligned,
  };
}

function axis(rf: ReceptiveField, i: 0 | 1): AxisField {
  return { r: rf.size[i], S: rf.stride[i], P: rf.padding[i] };
}

function mergeAxis(fields: readonly AxisField[]): { field: AxisField; aligned: boolean } {
  const first = fields[0] as AxisField;
  let P = first.P;
  let right = first.r - first.P - 1;
  let aligned = true;
  const centre = rfCentre(first);
  for (const f of fields) {
    P = Math.max(P, f.P);
    right = Math.max(right, f.r - f.P - 1);
    if (rfCentre(f) !== centre) aligned = false;
  }
  return { field: { r: right + P + 1, S: first.S, P }, aligned };
}

/**
 * Receptive field at a concat/add: the smallest region covering every path's region.
 * Paths must share the effective stride, otherwise neighbouring output units would not be a
 * fixed shift apart and no single (r, S, P) describes them: that is a CalcError
 * ('misaligned-stride'). Different centres are allowed and reported as aligned = false.
 * A path without a receptive field (after a non-exact adaptive pool) makes the result null.
 */
export function mergeReceptiveFields(layer: string, fields: readonly (ReceptiveField | null)[]): ReceptiveField | null {
  const present: ReceptiveField[] = [];
  for (const f of fields) {
    if (f === null) return null;
    present.push(f);
  }
  const first = present[0];
  if (first === undefined) return null;
  for (const f of present) {
    if (f.stride[0] !== first.stride[0] || f.stride[1] !== first.stride[1]) {
      throw new CalcError(
        'misaligned-stride',
        layer,
        `inputs have different effective strides (${present.map((p) => `${p.stride[0]}×${p.stride[1]}`).join(' vs ')}), so their units do not line up`,
      );
    }
  }
  const h = mergeAxis(present.map((f) => axis(f, 0)));
  const w = mergeAxis(present.map((f) => axis(f, 1)));
  return {
    size: [h.field.r, w.field.r],
    stride: [h.field.S, w.field.S],
    padding: [h.field.P, w.field.P],
    aligned: h.aligned && w.aligned && present.every((f) => f.aligned),
  };
}

/** One layer of a single-path stack, along one axis. */
export interface RfStackLayer {
  readonly name?: string;
  readonly kernel: number;
  readonly stride?: number; // default 1
  readonly padding?: number; // padding before, default 0
  readonly dilation?: number; // default 1
}

/** Forward row: the field of one unit after this layer. */
export interface RfForwardRow {
  readonly name: string;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  readonly effectiveKernel: number;
  readonly r: number;
  readonly S: number;
  readonly P: number;
}

/** Backward row: F(i) = (F(i+1) − 1)·stride_i + k_eff_i, listed from the top layer down. */
export interface RfBackwardRow {
  readonly name: string;
  readonly kernel: number;
  readonly stride: number;
  readonly effectiveKernel: number;
  /** F(i+1): the region at this layer's output (1 at the top). */
  readonly fAbove: number;
  /** F(i): the region at this layer's input. */
  readonly f: number;
}

export interface RfTable {
  readonly forward: readonly RfForwardRow[];
  readonly backward: readonly RfBackwardRow[];
  /** r, S, P of a top unit in input pixels; backward's last f equals r. */
  readonly r: number;
  readonly S: number;
  readonly P: number;
}

/** Both recursions step by step for a single-path stack, so a widget can print the table. */
export function receptiveFieldTable(stack: readonly RfStackLayer[]): RfTable {
  const forward: RfForwardRow[] = [];
  let cur: AxisField = { r: 1, S: 1, P: 0 };
  stack.forEach((l, i) => {
    const stride = l.stride ?? 1;
    const padding = l.padding ?? 0;
    const dilation = l.dilation ?? 1;
    cur = rfForwardStep(cur, l.kernel, stride, padding, dilation);
    forward.push({
      name: l.name ?? `layer ${i + 1}`,
      kernel: l.kernel,
      stride,
      padding,
      dilation,
      effectiveKernel: effectiveKernel(l.kernel, dilation),
      ...cur,
    });
  });
  const backward: RfBackwardRow[] = [];
  let f = 1;
  for (let i = forward.length - 1; i >= 0; i--) {
    const row = forward[i] as RfForwardRow;
    const below = rfBackwardStep(f, row.kernel, row.stride, row.dilation);
    backward.push({ name: row.name, kernel: row.kernel, stride: row.stride, effectiveKernel: row.effectiveKernel, fAbove: f, f: below });
    f = below;
  }
  return { forward, backward, ...cur };
}
