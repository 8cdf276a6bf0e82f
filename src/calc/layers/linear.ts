/** nn.Linear on a flattened tensor. */
import { CalcError } from '../errors';
import type { LinearSpec, ParamCount } from '../types';
import { exact, optionalBoolean, positiveInt } from '../validate';
import { formatDims, oneInput, paramCount, type LayerResult, type Tensor } from './tensor';

/** weights = in · out; biases = out. */
export function linearParams(inFeatures: number, out: number, bias = true, layer = ''): ParamCount {
  const i = positiveInt(layer, 'input features', inFeatures);
  const o = positiveInt(layer, 'out', out);
  return paramCount(layer, i * o, optionalBoolean(layer, 'bias', bias, true) ? o : 0);
}

/** MACs = in · out. */
export function linearMacs(inFeatures: number, out: number, layer = ''): number {
  return exact(layer, 'the MAC count', positiveInt(layer, 'input features', inFeatures) * positiveInt(layer, 'out', out));
}

export function linear(spec: LinearSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const [features] = input.shape;
  if (input.shape.length !== 1 || features === undefined) {
    throw new CalcError('shape-mismatch', spec.name, `linear needs a flattened input, got ${formatDims(input.shape)} (add a flatten node)`);
  }
  const params = linearParams(features, spec.out, spec.bias ?? true, spec.name);
  const macs = linearMacs(features, spec.out, spec.name);
  const detail = `linear ${features} → ${spec.out}${spec.bias === false ? ', no bias' : ''}`;
  return { output: [spec.out], params, macs, rf: null, detail };
}
