/**
 * What each Caffe layer type becomes in the calc core's graph. Layer semantics follow BVLC Caffe's
 * layer implementations (src/caffe/layers/*.cpp): each reads the blobs named by `bottom` and writes
 * `top` (in-place layers write the blob they read).
 */
import { outputLength } from '../../calc/geometry';
import type { LayerSpec, Pair } from '../../calc/types';
import type { GraphBuilder, NodeBody } from '../graph';
import { fail, flag, hw, num, one, param, whole, word, type Layer } from './layer';

export interface Ctx {
  readonly b: GraphBuilder;
  /** Blob name → the node that last wrote it. */
  readonly blobs: Map<string, string>;
  /** BatchNorm nodes by name, so a following Scale can give them γ and β. */
  readonly batchNorms: Map<string, number>;
}

function input(ctx: Ctx, l: Layer, n: number): string {
  const blob = l.bottoms[n];
  if (blob === undefined) fail(l, 'bad-value', `needs a bottom blob #${n + 1}`);
  const node = ctx.blobs.get(blob);
  if (node === undefined) fail(l, 'shape-mismatch', `bottom "${blob}" is not the top of an earlier layer or an input`);
  return node;
}

function emit(ctx: Ctx, l: Layer, spec: LayerSpec): void {
  const name = ctx.b.emit({ ...spec, name: ctx.b.unique(spec.name) }, l.at);
  for (const top of l.tops) ctx.blobs.set(top, name);
}

function convolution(ctx: Ctx, l: Layer): void {
  const p = param(l, 'convolution_param');
  const groups = whole(l, p, 'group', 1);
  emit(ctx, l, {
    name: l.name,
    from: input(ctx, l, 0),
    kind: 'conv',
    out: whole(l, p, 'num_output', 0),
    kernel: one(hw(l, p, 'kernel_size', 'kernel_h', 'kernel_w', 0)),
    stride: one(hw(l, p, 'stride', 'stride_h', 'stride_w', 1)),
    padding: one(hw(l, p, 'pad', 'pad_h', 'pad_w', 0)),
    dilation: one(hw(l, p, 'dilation', 'dilation_h', 'dilation_w', 1)),
    ...(groups !== 1 ? { groups } : {}),
    bias: flag(l, p, 'bias_term', true),
  });
}

/**
 * Caffe pooling (pooling_layer.cpp): out = ⌈(in + 2p − k)/s⌉ + 1 (round_mode CEIL, the default), and
 * only when there is padding, one less if the last window would start in the padding. PyTorch's
 * ceil_mode always applies that clip, so the two agree except without padding and stride > kernel;
 * the node takes whichever core rounding gives Caffe's size, and a size neither gives is an error.
 */
function pooling(ctx: Ctx, l: Layer): void {
  const p = param(l, 'pooling_param');
  const from = input(ctx, l, 0);
  const shape = ctx.b.shape(from);
  if (shape.length !== 3) fail(l, 'shape-mismatch', `pooling needs a C×H×W map, gets ${shape.join('×')}`);
  const method = word(p, 'pool', 'MAX');
  if (method !== 'MAX' && method !== 'AVE') fail(l, 'unsupported', `pool ${method}: only MAX and AVE have a calc-core kind`);
  const kind = method === 'MAX' ? 'maxpool' : 'avgpool';
  const inHW: Pair = [shape[1] as number, shape[2] as number];
  if (flag(l, p, 'global_pooling', false)) {
    emit(ctx, l, { name: l.name, from, kind, kernel: inHW, stride: 1 });
    ctx.b.note(l.at, 'caffe-implicit', `global_pooling: the kernel is the whole ${inHW.join('×')} map`);
    return;
  }
  const kernel = hw(l, p, 'kernel_size', 'kernel_h', 'kernel_w', 0);
  const stride = hw(l, p, 'stride', 'stride_h', 'stride_w', 1);
  const pad = hw(l, p, 'pad', 'pad_h', 'pad_w', 0);
  const roundCeil = word(p, 'round_mode', 'CEIL') === 'CEIL';
  const caffe = (a: 0 | 1): number => {
    const span = inHW[a] + 2 * pad[a] - kernel[a];
    let out = (roundCeil ? Math.ceil(span / stride[a]) : Math.floor(span / stride[a])) + 1;
    if ((pad[0] > 0 || pad[1] > 0) && (out - 1) * stride[a] >= inHW[a] + pad[a]) out--;
    return out;
  };
  const core = (a: 0 | 1, ceil: boolean): number => outputLength(inHW[a], kernel[a], stride[a], pad[a], pad[a], ceil);
  const want: Pair = [caffe(0), caffe(1)];
  const ceil = [true, false].find((c) => core(0, c) === want[0] && core(1, c) === want[1]);
  if (ceil === undefined) fail(l, 'unsupported', `Caffe's rounding gives ${want.join('×')} here, which neither PyTorch rounding reproduces`);
  emit(ctx, l, { name: l.name, from, kind, kernel: one(kernel), stride: one(stride), padding: one(pad), ceil });
}

function innerProduct(ctx: Ctx, l: Layer): void {
  const p = param(l, 'inner_product_param');
  if (whole(l, p, 'axis', 1) !== 1) fail(l, 'unsupported', 'only axis 1 (flatten everything after the batch) is supported');
  let from = input(ctx, l, 0);
  if (ctx.b.shape(from).length === 3) {
    from = ctx.b.emit({ name: ctx.b.unique(`${l.name}/flatten`), from, kind: 'flatten' }, l.at);
    ctx.b.note(l.at, 'caffe-implicit', 'InnerProduct flattens its C×H×W input (axis 1); the flatten node is ours');
  }
  emit(ctx, l, { name: l.name, from, kind: 'linear', out: whole(l, p, 'num_output', 0), bias: flag(l, p, 'bias_term', true) });
}

function concat(ctx: Ctx, l: Layer): void {
  const p = param(l, 'concat_param');
  if (whole(l, p, 'axis', whole(l, p, 'concat_dim', 1)) !== 1) fail(l, 'unsupported', 'only concatenation along channels (axis 1) is supported');
  emit(ctx, l, { name: l.name, kind: 'concat', from: l.bottoms.map((_, i) => input(ctx, l, i)) });
}

function eltwise(ctx: Ctx, l: Layer): void {
  const p = param(l, 'eltwise_param');
  const op = word(p, 'operation', 'SUM');
  if (op !== 'SUM') fail(l, 'unsupported', `Eltwise ${op}: only SUM has a calc-core kind (add)`);
  emit(ctx, l, { name: l.name, kind: 'add', from: l.bottoms.map((_, i) => input(ctx, l, i)) });
}

function batchNorm(ctx: Ctx, l: Layer): void {
  emit(ctx, l, { name: l.name, from: input(ctx, l, 0), kind: 'bn', affine: false });
  ctx.batchNorms.set(ctx.blobs.get(l.tops[0] ?? '') ?? '', ctx.b.layers.length - 1);
}

/** Caffe's BatchNorm has no learned parameters; the Scale after it holds γ (and β with bias_term). */
function scale(ctx: Ctx, l: Layer): void {
  const from = input(ctx, l, 0);
  const bn = ctx.batchNorms.get(from);
  const p = param(l, 'scale_param');
  if (bn === undefined || l.bottoms.length !== 1) fail(l, 'unsupported', 'a Scale layer is supported only right after a BatchNorm (it then holds γ and β)');
  if (!flag(l, p, 'bias_term', false)) fail(l, 'unsupported', 'Scale without bias_term (γ only) has no calc-core kind; BatchNorm + Scale with bias_term is γ and β');
  const spec = ctx.b.layers[bn] as LayerSpec;
  ctx.b.layers[bn] = { ...spec, affine: true } as LayerSpec;
  for (const top of l.tops) ctx.blobs.set(top, from);
  ctx.b.note(l.at, 'caffe-implicit', `Scale after BatchNorm ${spec.name}: its γ and β are counted on the BatchNorm node`);
}

const passThrough = (make: (l: Layer) => NodeBody) => (ctx: Ctx, l: Layer) =>
  emit(ctx, l, { ...make(l), name: l.name, from: input(ctx, l, 0) } as LayerSpec);

export const HANDLERS: Readonly<Record<string, (ctx: Ctx, l: Layer) => void>> = {
  Convolution: convolution,
  Pooling: pooling,
  InnerProduct: innerProduct,
  Concat: concat,
  Eltwise: eltwise,
  BatchNorm: batchNorm,
  Scale: scale,
  ReLU: passThrough((l) => ({ kind: 'act', fn: num(l, param(l, 'relu_param'), 'negative_slope', 0) === 0 ? 'relu' : 'leaky_relu' })),
  Sigmoid: passThrough(() => ({ kind: 'act', fn: 'sigmoid' })),
  TanH: passThrough(() => ({ kind: 'act', fn: 'tanh' })),
  ELU: passThrough(() => ({ kind: 'act', fn: 'elu' })),
  Softmax: passThrough(() => ({ kind: 'act', fn: 'softmax' })),
  Dropout: passThrough((l) => ({ kind: 'dropout', p: num(l, param(l, 'dropout_param'), 'dropout_ratio', 0.5) })),
  Flatten: passThrough(() => ({ kind: 'flatten' })),
  LRN: passThrough((l) => {
    const p = param(l, 'lrn_param');
    return { kind: 'lrn', size: whole(l, p, 'local_size', 5), alpha: num(l, p, 'alpha', 1), beta: num(l, p, 'beta', 0.75), k: num(l, p, 'k', 1) };
  }),
  Split: (ctx, l) => {
    const from = input(ctx, l, 0);
    for (const top of l.tops) ctx.blobs.set(top, from);
  },
};
