/** AdaptiveAvgPool2d / AdaptiveMaxPool2d: a fixed output size whatever the input. */
import { rfThroughWindow } from '../receptive-field';
import type { AdaptivePoolSpec, Pair, ReceptiveField } from '../types';
import { positivePair } from '../validate';
import { NO_PARAMS, oneInput, pairText, spatialInput, type LayerResult, type Tensor } from './tensor';

/**
 * An adaptive pool is a plain window layer only when every window has the same size and step:
 * identity (in = out) or exact downsampling (in % out = 0, kernel = stride = in/out). Global pooling
 * and uneven windows have no single (r, S, P), so the field ends (null).
 */
function adaptiveField(rf: ReceptiveField | null, inHW: Pair, out: Pair): ReceptiveField | null {
  if (rf === null) return null;
  if (inHW[0] === out[0] && inHW[1] === out[1]) return rf;
  if (out[0] === 1 && out[1] === 1) return null;
  if (inHW[0] % out[0] !== 0 || inHW[1] % out[1] !== 0) return null;
  const k: Pair = [inHW[0] / out[0], inHW[1] / out[1]];
  return rfThroughWindow(rf, k, k, [0, 0]);
}

export function adaptivePool(spec: AdaptivePoolSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const [c, h, w] = spatialInput(spec.name, spec.kind, input);
  const out = positivePair(spec.name, 'output', spec.output);
  const label = spec.kind === 'adaptiveavgpool' ? 'avg' : 'max';
  const detail = out[0] === 1 && out[1] === 1 ? `global ${label} pool` : `adaptive ${label} pool → ${pairText(out)}`;
  return { output: [c, out[0], out[1]], params: NO_PARAMS, macs: 0, rf: adaptiveField(input.rf, [h, w], out), detail };
}
