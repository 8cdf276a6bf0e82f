/** Merge nodes: channel concat (Inception) and elementwise add (ResNet shortcuts). */
import { CalcError } from '../errors';
import { mergeReceptiveFields } from '../receptive-field';
import type { AddSpec, ConcatSpec, LayerKind } from '../types';
import { exact } from '../validate';
import { NO_PARAMS, formatDims, type LayerResult, type Tensor } from './tensor';

function atLeastTwo(layer: string, kind: LayerKind, inputs: readonly Tensor[]): readonly [Tensor, ...Tensor[]] {
  const first = inputs[0];
  if (inputs.length < 2 || first === undefined) {
    throw new CalcError('bad-parameter', layer, `${kind} needs at least two inputs, got ${inputs.length}`);
  }
  return [first, ...inputs.slice(1)];
}

/** Concat along channels: every input must share H×W (or all be flat). */
export function concat(spec: ConcatSpec, inputs: readonly Tensor[]): LayerResult {
  const [first] = atLeastTwo(spec.name, spec.kind, inputs);
  const rank = first.shape.length;
  let channels = 0;
  for (const t of inputs) {
    const sameRest = t.shape.length === rank && t.shape.every((d, i) => i === 0 || d === first.shape[i]);
    if (!sameRest) {
      const what = rank === 3 ? 'height×width' : 'rank';
      throw new CalcError('shape-mismatch', spec.name, `concat inputs must share ${what}, got ${inputs.map((i) => formatDims(i.shape)).join(' and ')}`);
    }
    channels += t.shape[0] as number;
  }
  const output = [exact(spec.name, 'the channel count', channels), ...first.shape.slice(1)];
  const rf = rank === 3 ? mergeReceptiveFields(spec.name, inputs.map((t) => t.rf)) : null;
  return { output, params: NO_PARAMS, macs: 0, rf, detail: `concat of ${inputs.length}` };
}

/** Elementwise add: identical shapes. */
export function add(spec: AddSpec, inputs: readonly Tensor[]): LayerResult {
  const [first] = atLeastTwo(spec.name, spec.kind, inputs);
  for (const t of inputs) {
    if (t.shape.length !== first.shape.length || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new CalcError('shape-mismatch', spec.name, `add inputs must have the same shape, got ${inputs.map((i) => formatDims(i.shape)).join(' and ')}`);
    }
  }
  const rf = first.shape.length === 3 ? mergeReceptiveFields(spec.name, inputs.map((t) => t.rf)) : null;
  return { output: first.shape, params: NO_PARAMS, macs: 0, rf, detail: `add of ${inputs.length}` };
}
