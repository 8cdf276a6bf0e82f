/** Activations and dropout: per-element, no parameters, no counted compute. */
import { CalcError } from '../errors';
import type { ActivationSpec, DropoutSpec } from '../types';
import { inRange } from '../validate';
import { oneInput, passThrough, type LayerResult, type Tensor } from './tensor';

const ACTIVATIONS: Readonly<Record<ActivationSpec['fn'], string>> = {
  relu: 'ReLU',
  relu6: 'ReLU6',
  leaky_relu: 'leaky ReLU',
  elu: 'ELU',
  gelu: 'GELU',
  silu: 'SiLU',
  hardswish: 'hard swish',
  hardsigmoid: 'hard sigmoid',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  softmax: 'softmax',
};

export function activation(spec: ActivationSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const label = Object.hasOwn(ACTIVATIONS, spec.fn) ? ACTIVATIONS[spec.fn] : undefined;
  if (label === undefined) {
    throw new CalcError('bad-parameter', spec.name, `fn must be one of ${Object.keys(ACTIVATIONS).join(', ')}, got ${JSON.stringify(spec.fn)}`);
  }
  return passThrough(input, label);
}

export function dropout(spec: DropoutSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const p = inRange(spec.name, 'p', spec.p, 0, 1);
  return passThrough(input, `dropout, p ${p}`);
}
