/** Normalisation layers: no spatial effect, so the receptive field passes through. */
import type { BatchNormSpec, LrnSpec, ParamCount } from '../types';
import { finiteNumber, optionalBoolean, positiveInt } from '../validate';
import { NO_PARAMS, oneInput, paramCount, passThrough, type LayerResult, type Tensor } from './tensor';

/** γ and β per channel; running mean/var are buffers, not parameters (torchvision's count). */
export function bnParams(channels: number, affine = true, layer = ''): ParamCount {
  const c = positiveInt(layer, 'channels', channels);
  return optionalBoolean(layer, 'affine', affine, true) ? paramCount(layer, 0, 0, 2 * c) : NO_PARAMS;
}

export function batchNorm(spec: BatchNormSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const params = bnParams(input.shape[0] ?? 0, spec.affine ?? true, spec.name);
  return { ...passThrough(input, spec.affine === false ? 'batch norm, no affine' : 'batch norm'), params };
}

export function lrn(spec: LrnSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const size = positiveInt(spec.name, 'size', spec.size);
  const alpha = finiteNumber(spec.name, 'alpha', spec.alpha);
  const beta = finiteNumber(spec.name, 'beta', spec.beta);
  const k = finiteNumber(spec.name, 'k', spec.k);
  return passThrough(input, `LRN, size ${size}, α ${alpha}, β ${beta}, k ${k}`);
}
