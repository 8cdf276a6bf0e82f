/** MaxPool2d / AvgPool2d with PyTorch semantics: stride defaults to the kernel, optional ceil_mode. */
import { CalcError } from '../errors';
import type { PoolSpec } from '../types';
import { optionalBoolean } from '../validate';
import { NO_PARAMS, kernelText, oneInput, spatialInput, type LayerResult, type Tensor } from './tensor';
import { slideWindow, windowDetail, windowRecord } from './window';

export function pool(spec: PoolSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const shape = spatialInput(spec.name, spec.kind, input);
  const ceil = optionalBoolean(spec.name, 'ceil', spec.ceil, false);
  if (spec.kind === 'avgpool' && spec.dilation !== undefined && spec.dilation !== 1) {
    throw new CalcError('bad-parameter', spec.name, 'avg pool has no dilation (PyTorch AvgPool2d)', 'dilation');
  }
  const w = slideWindow(spec.name, spec, shape, input.rf, { ceil });
  const label = spec.kind === 'maxpool' ? 'max pool' : 'avg pool';
  const detail = `${kernelText(w.kernel)} ${label}${windowDetail(w, spec, w.kernel)}${ceil ? ', ceil' : ''}`;
  return { output: [shape[0], w.out[0], w.out[1]], params: NO_PARAMS, macs: 0, rf: w.rf, detail, window: windowRecord(w) };
}
