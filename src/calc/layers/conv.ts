/** Conv2d, grouped and depthwise included (PyTorch's nn.Conv2d). */
import { CalcError } from '../errors';
import type { ConvSpec, Pair, ParamCount } from '../types';
import { exact, optionalBoolean, positiveInt, positivePair } from '../validate';
import { kernelText, oneInput, paramCount, spatialInput, type LayerResult, type Tensor } from './tensor';
import { slideWindow, windowDetail, windowRecord } from './window';

export interface ConvCountArgs {
  readonly inChannels: number;
  readonly out: number;
  readonly kernel: number | Pair;
  readonly groups?: number;
  readonly bias?: boolean;
}

/** weights = out · (in / groups) · kh · kw; biases = out (if any). */
export function convParams(a: ConvCountArgs, layer = ''): ParamCount {
  const { perFilter, out } = convShape(a, layer);
  const bias = optionalBoolean(layer, 'bias', a.bias, true);
  return paramCount(layer, out * perFilter, bias ? out : 0);
}

/** MACs = out · H_out · W_out · (in / groups) · kh · kw (bias adds not counted). */
export function convMacs(a: ConvCountArgs & { readonly outSize: number | Pair }, layer = ''): number {
  const { perFilter, out } = convShape(a, layer);
  const [h, w] = positivePair(layer, 'output size', a.outSize);
  return exact(layer, 'the MAC count', out * h * w * perFilter);
}

/** Multiplies per output value: (in / groups) · kh · kw, after the divisibility checks. */
function convShape(a: ConvCountArgs, layer: string): { perFilter: number; out: number } {
  const inC = positiveInt(layer, 'input channels', a.inChannels);
  const out = positiveInt(layer, 'out', a.out);
  const [kh, kw] = positivePair(layer, 'kernel', a.kernel);
  const groups = positiveInt(layer, 'groups', a.groups ?? 1);
  if (inC % groups !== 0) {
    throw new CalcError('channels-not-divisible', layer, `groups ${groups} does not divide ${inC} input channels`, 'groups');
  }
  if (out % groups !== 0) {
    throw new CalcError('channels-not-divisible', layer, `groups ${groups} does not divide ${out} output channels`, 'groups');
  }
  return { perFilter: (inC / groups) * kh * kw, out };
}

export function conv(spec: ConvSpec, inputs: readonly Tensor[]): LayerResult {
  const input = oneInput(spec.name, spec.kind, inputs);
  const shape = spatialInput(spec.name, spec.kind, input);
  const inC = shape[0];
  const w = slideWindow(spec.name, spec, shape, input.rf);
  const counts = { inChannels: inC, out: spec.out, kernel: w.kernel, groups: spec.groups, bias: spec.bias };
  const params = convParams(counts, spec.name);
  const macs = convMacs({ ...counts, outSize: w.out }, spec.name);
  const groups = spec.groups ?? 1;
  let detail = `${kernelText(w.kernel)} conv, ${spec.out}${windowDetail(w, spec)}`;
  if (groups > 1) detail += groups === inC ? ', depthwise' : `, groups ${groups}`;
  if (spec.bias === false) detail += ', no bias';
  return { output: [spec.out, w.out[0], w.out[1]], params, macs, rf: w.rf, detail, window: windowRecord(w), groups };
}
