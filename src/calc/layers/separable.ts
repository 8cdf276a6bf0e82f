/** Keras SeparableConv2D: depthwise k×k (multiplier m, no bias), then pointwise 1×1 to `out`. */
import type { Pair, ParamCount, SeparableConvSpec } from '../types';
import { exact, optionalBoolean, positiveInt, positivePair } from '../validate';
import { kernelText, oneInput, paramCount, spatialInput, type LayerResult, type Tensor } from './tensor';
import { slideWindow, windowDetail, windowRecord } from './window';

export interface SeparableCountArgs {
  readonly inChannels: number;
  readonly out: number;
  readonly kernel: number | Pair;
  readonly depthMultiplier?: number;
  readonly bias?: boolean;
}

/** weights = in·m·kh·kw (depthwise) + out·in·m (pointwise); biases = out (pointwise only). */
export function separableParams(a: SeparableCountArgs, layer = ''): ParamCount {
  const { inner, out, kArea } = separableShape(a, layer);
  const bias = optionalBoolean(layer, 'bias', a.bias, true);
  return paramCount(layer, inner * kArea + out * inner, bias ? out : 0);
}

/** MACs = H_out·W_out · (in·m·kh·kw + out·in·m): depthwise part plus pointwise part. */
export function separableMacs(a: SeparableCountArgs & { readonly outSize: number | Pair }, layer = ''): number {
  const { inner, out, kArea } = separableShape(a, layer);
  const [h, w] = positivePair(layer, 'output size', a.outSize);
  return exact(layer, 'the MAC count', h * w * (inner * kArea + out * inner));
}

function separableShape(a: SeparableCountArgs, layer: string): { inner: number; out: number; kArea: number } {
  const inC = positiveInt(layer, 'input channels', a.inChannels);
  const out = positiveInt(layer, 'out', a.out);
  const m = positiveInt(layer, 'depthMultiplier', a.depthMultiplier ?? 1);
  const [kh, kw] = positivePair(layer, 'kernel', a.kernel);
  return { inner: inC * m, out, kArea: kh * kw };
}

export function separable(spec: SeparableConvSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const shape = spatialInput(spec.name, spec.kind, input);
  const w = slideWindow(spec.name, spec, shape, input.rf);
  const counts = { inChannels: shape[0], out: spec.out, kernel: w.kernel, depthMultiplier: spec.depthMultiplier, bias: spec.bias };
  const params = separableParams(counts, spec.name);
  const macs = separableMacs({ ...counts, outSize: w.out }, spec.name);
  const m = spec.depthMultiplier ?? 1;
  let detail = `${kernelText(w.kernel)} separable conv, ${spec.out}${windowDetail(w, spec)}`;
  if (m !== 1) detail += `, depth multiplier ${m}`;
  if (spec.bias === false) detail += ', no bias';
  return { output: [spec.out, w.out[0], w.out[1]], params, macs, rf: w.rf, detail, window: windowRecord(w) };
}
