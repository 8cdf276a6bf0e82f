/**
 * Leaf modules of print(model): each becomes one calc-core node (or none, for Identity). Declared
 * sizes (Conv2d's in_channels, BatchNorm2d's num_features, Linear's in_features) are checked
 * against the tensor that reaches the module; a Linear after a feature map flattens or pools
 * globally when its in_features say so (reported as inferred).
 */
import { formatShape } from '../../calc/format';
import { outputLength } from '../../calc/geometry';
import type { ActivationSpec, LayerSpec, Pair } from '../../calc/types';
import { ParseError } from '../errors';
import type { GraphBuilder } from '../graph';
import type { ModuleNode } from './repr';
import { arg, bool, int, origin, padding, pair, real } from './values';

export type Leaf = (b: GraphBuilder, node: ModuleNode, x: string, name: string) => string;

function mismatch(node: ModuleNode, expected: string, b: GraphBuilder, x: string): never {
  const o = origin(node);
  throw new ParseError('shape-mismatch', o.line, o.module, `expects ${expected}, but the tensor reaching it is ${formatShape(b.shape(x))}`);
}

function channels(b: GraphBuilder, node: ModuleNode, x: string, declared: number, what: string): void {
  const s = b.shape(x);
  if (s.length !== 3 || s[0] !== declared) mismatch(node, `${declared} ${what}`, b, x);
}

const emit = (b: GraphBuilder, node: ModuleNode, spec: LayerSpec): string => b.emit(spec, origin(node));

const conv2d: Leaf = (b, node, x, name) => {
  channels(b, node, x, int(node, 'in_channels', 0), 'input channels (C×H×W)');
  const groups = int(node, 'groups', undefined, 1);
  return emit(b, node, {
    name,
    from: x,
    kind: 'conv',
    out: int(node, 'out_channels', 1),
    kernel: pair(node, 'kernel_size', 2),
    stride: pair(node, 'stride', 3, 1),
    padding: padding(node),
    dilation: pair(node, 'dilation', undefined, 1),
    ...(groups !== 1 ? { groups } : {}),
    bias: bool(node, 'bias', true),
  });
};

const batchNorm1d: Leaf = (b, node, x, name) => {
  const n = int(node, 'num_features', 0);
  const s = b.shape(x);
  if (s.length !== 1 || s[0] !== n) mismatch(node, `${n} features (a flattened tensor)`, b, x);
  return emit(b, node, { name, from: x, kind: 'bn', affine: bool(node, 'affine', true) });
};

const batchNorm: Leaf = (b, node, x, name) => {
  channels(b, node, x, int(node, 'num_features', 0), 'channels (C×H×W)');
  const affine = bool(node, 'affine', true);
  if (affine && !bool(node, 'bias', true)) {
    const o = origin(node);
    throw new ParseError('unsupported', o.line, o.module, 'BatchNorm2d with γ but no β (bias=False) has no calc-core kind (it counts γ and β together)');
  }
  return emit(b, node, { name, from: x, kind: 'bn', affine });
};

const both = (p: number | Pair): Pair => (typeof p === 'number' ? [p, p] : p);

/**
 * AvgPool2d's repr leaves out ceil_mode, so it is read as False; where True would give another
 * size for this input, the report says so.
 */
function noteHiddenCeil(b: GraphBuilder, node: ModuleNode, x: string, kernel: Pair, stride: Pair, padding: Pair): void {
  const s = b.shape(x);
  if (s.length !== 3) return;
  const sizes = (ceil: boolean) => [1, 2].map((a) => outputLength(s[a] as number, kernel[a - 1] as number, stride[a - 1] as number, padding[a - 1] as number, padding[a - 1] as number, ceil));
  const [floor, ceil] = [sizes(false), sizes(true)];
  if (floor[0] !== ceil[0] || floor[1] !== ceil[1]) {
    b.note(origin(node), 'assumed-default', `AvgPool2d's repr does not show ceil_mode: read as False (${floor.join('×')}); ceil_mode=True would give ${ceil.join('×')}`);
  }
}

const pool = (kind: 'maxpool' | 'avgpool'): Leaf => (b, node, x, name) => {
  const kernel = pair(node, 'kernel_size', 0);
  // PyTorch stores stride = kernel_size when it is not given, so the repr prints it; None is the same.
  const given = arg(node, 'stride', 1);
  const stride = given === undefined || given === null ? kernel : pair(node, 'stride', 1);
  const padding = pair(node, 'padding', undefined, 0);
  const out = emit(b, node, {
    name,
    from: x,
    kind,
    kernel,
    stride,
    padding,
    ...(kind === 'maxpool' ? { dilation: pair(node, 'dilation', undefined, 1) } : {}),
    ceil: bool(node, 'ceil_mode', false),
  });
  if (kind === 'avgpool' && arg(node, 'ceil_mode') === undefined) noteHiddenCeil(b, node, x, both(kernel), both(stride), both(padding));
  return out;
};

const adaptive = (kind: 'adaptiveavgpool' | 'adaptivemaxpool'): Leaf => (b, node, x, name) => {
  const output = pair(node, 'output_size', 0);
  return emit(b, node, { name, from: x, kind, output });
};

const activation = (fn: ActivationSpec['fn']): Leaf => (b, node, x, name) => emit(b, node, { name, from: x, kind: 'act', fn });

const dropout: Leaf = (b, node, x, name) => emit(b, node, { name, from: x, kind: 'dropout', p: real(node, 'p', 0, 0.5) });

const flatten: Leaf = (b, node, x, name) => {
  const start = arg(node, 'start_dim') ?? 1;
  const end = arg(node, 'end_dim') ?? -1;
  if (start !== 1 || end !== -1) {
    const o = origin(node);
    throw new ParseError('unsupported', o.line, o.module, `only Flatten(start_dim=1, end_dim=-1) keeps the batch apart; got start_dim=${String(start)}, end_dim=${String(end)}`);
  }
  return emit(b, node, { name, from: x, kind: 'flatten' });
};

const lrn: Leaf = (b, node, x, name) =>
  emit(b, node, {
    name,
    from: x,
    kind: 'lrn',
    size: int(node, 'size', 0),
    alpha: real(node, 'alpha', undefined, 0.0001),
    beta: real(node, 'beta', undefined, 0.75),
    k: real(node, 'k', undefined, 1),
  });

/**
 * nn.Linear. After a C×H×W map the module's forward() must have flattened or pooled functionally:
 * in_features = C·H·W → torch.flatten; in_features = C → global average pooling, then flatten.
 */
const linear: Leaf = (b, node, x, name) => {
  const inFeatures = int(node, 'in_features', 0);
  const s = b.shape(x);
  let from = x;
  if (s.length === 3) {
    const [c, h, w] = s as [number, number, number];
    const o = origin(node);
    if (inFeatures === c * h * w) {
      from = b.emit({ name: b.unique(`${name}.flatten`), from: x, kind: 'flatten' }, o);
      b.note(o, 'inferred-flatten', `in_features ${inFeatures} = ${c}·${h}·${w}: forward() flattens the ${formatShape(s)} map first`);
    } else if (inFeatures === c) {
      const pooled = b.emit({ name: b.unique(`${name}.global_pool`), from: x, kind: 'adaptiveavgpool', output: 1 }, o);
      from = b.emit({ name: b.unique(`${name}.flatten`), from: pooled, kind: 'flatten' }, o);
      b.note(o, 'inferred-global-pool', `in_features ${inFeatures} = C of the ${formatShape(s)} map: forward() pools globally, then flattens`);
    } else {
      mismatch(node, `in_features ${inFeatures}, which is neither C·H·W = ${c * h * w} nor C = ${c} of the feature map`, b, x);
    }
  } else if (s[0] !== inFeatures) {
    mismatch(node, `in_features ${inFeatures}`, b, x);
  }
  return emit(b, node, { name, from, kind: 'linear', out: int(node, 'out_features', 1), bias: bool(node, 'bias', true) });
};

const identity: Leaf = (_b, _node, x) => x;

const unsupported = (why: string): Leaf => (_b, node) => {
  const o = origin(node);
  throw new ParseError('unsupported', o.line, o.module, why);
};

export const LEAVES: Readonly<Record<string, Leaf>> = {
  Conv2d: conv2d,
  BatchNorm2d: batchNorm,
  SyncBatchNorm: batchNorm,
  BatchNorm1d: batchNorm1d,
  MaxPool2d: pool('maxpool'),
  AvgPool2d: pool('avgpool'),
  AdaptiveAvgPool2d: adaptive('adaptiveavgpool'),
  AdaptiveMaxPool2d: adaptive('adaptivemaxpool'),
  Linear: linear,
  Flatten: flatten,
  Dropout: dropout,
  Dropout2d: dropout,
  LocalResponseNorm: lrn,
  Identity: identity,
  ReLU: activation('relu'),
  ReLU6: activation('relu6'),
  LeakyReLU: activation('leaky_relu'),
  ELU: activation('elu'),
  GELU: activation('gelu'),
  SiLU: activation('silu'),
  Hardswish: activation('hardswish'),
  Hardsigmoid: activation('hardsigmoid'),
  Tanh: activation('tanh'),
  Sigmoid: activation('sigmoid'),
  Softmax: activation('softmax'),
  LogSoftmax: activation('softmax'),
  ConvTranspose2d: unsupported('transposed convolution is not a layer kind of the calc core'),
  Conv1d: unsupported('the calc core analyses 2-D networks; Conv1d is 1-D'),
  Conv3d: unsupported('the calc core analyses 2-D networks; Conv3d is 3-D'),
  Upsample: unsupported('upsampling is not a layer kind of the calc core'),
};
