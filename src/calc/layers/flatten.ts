/** torch.flatten(x, 1): C×H×W → C·H·W features; the receptive field ends here. */
import type { FlattenSpec } from '../types';
import { exact } from '../validate';
import { NO_PARAMS, oneInput, type LayerResult, type Tensor } from './tensor';

export function flatten(spec: FlattenSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const features = exact(spec.name, 'the feature count', input.shape.reduce((a, b) => a * b, 1));
  return { output: [features], params: NO_PARAMS, macs: 0, rf: null, detail: 'flatten' };
}
