/** MaxPool2d / AvgPool2d with PyTorch semantics: stride defaults to the kernel, optional ceil_mode. */
import { CalcError } from '../errors';
import type { PoolSpec } from '../types';
import { optionalBoolean } from '../validate';
import { NO_PARAMS, kernelText, oneInput, spatialInput, type LayerResult, type Spatial, type Tensor } from './tensor';
import { slideWindow, windowDetail, type Window } from './window';

export function pool(spec: PoolSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const shape = spatialInput(spec.name, spec.kind, input);
  const ceil = optionalBoolean(spec.name, 'ceil', spec.ceil, false);
  if (spec.kind === 'avgpool' && spec.dilation !== undefined && spec.dilation !== 1) {
    throw new CalcError('bad-parameter', spec.name, 'avg pool has no dilation (PyTorch AvgPool2d)');
  }
  const w = slideWindow(spec.name, spec, shape, input.rf, { ceil });
  const label = spec.kind === 'maxpool' ? 'max pool' : 'avg pool';
  // Only an average: a max pool that happens to cover a tiny map is still the body's downsampling.
  const global = spec.kind === 'avgpool' && coversWholeMap(w, shape);
  const detail = `${kernelText(w.kernel)} ${label}${windowDetail(w, spec, w.kernel)}${ceil ? ', ceil' : ''}${global ? ' (global)' : ''}`;
  // A single average over the whole map is global average pooling (BVLC GoogLeNet's 7×7 pool5),
  // the same operation as AdaptiveAvgPool2d(1): the field ends here, as it does there.
  return { output: [shape[0], w.out[0], w.out[1]], params: NO_PARAMS, macs: 0, rf: global ? null : w.rf, detail };
}

/** One output unit whose window (after the padding before it) reaches every pixel of a map larger than 1×1. */
function coversWholeMap(w: Window, shape: Spatial): boolean {
  const [, h, wd] = shape;
  if (h * wd === 1 || w.out[0] !== 1 || w.out[1] !== 1) return false;
  return w.kEff[0] - w.sides[0] >= h && w.kEff[1] - w.sides[2] >= wd;
}
