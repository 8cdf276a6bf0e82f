/**
 * Caffe .prototxt → calc-core Network. The graph is exact: each layer reads the blobs named by
 * `bottom` and writes `top` (in-place layers write the blob they read). Layer semantics follow
 * BVLC Caffe's layer implementations (src/caffe/layers/*.cpp) and caffe.proto defaults.
 */
import { outputLength } from '../../calc/geometry';
import type { LayerSpec, Network, Pair, Shape } from '../../calc/types';
import { ParseError } from '../errors';
import { GraphBuilder, type NodeBody, type Origin } from '../graph';
import type { ParsedNetwork } from '../pytorch/index';
import { all, first, isMessage, parsePrototxt, type Message } from './prototxt';

/** Caffe's V1 `layers { type: CONVOLUTION }` enum names → V2 type strings. */
const V1: Readonly<Record<string, string>> = {
  CONVOLUTION: 'Convolution',
  POOLING: 'Pooling',
  LRN: 'LRN',
  INNER_PRODUCT: 'InnerProduct',
  RELU: 'ReLU',
  SIGMOID: 'Sigmoid',
  TANH: 'TanH',
  DROPOUT: 'Dropout',
  SOFTMAX: 'Softmax',
  CONCAT: 'Concat',
  ELTWISE: 'Eltwise',
  FLATTEN: 'Flatten',
  SPLIT: 'Split',
  DATA: 'Data',
  IMAGE_DATA: 'ImageData',
  SOFTMAX_LOSS: 'SoftmaxWithLoss',
  ACCURACY: 'Accuracy',
  DECONVOLUTION: 'Deconvolution',
};

/** Layers with no effect on an inference pass's counts: skipped, and said so. */
const TRAINING_ONLY = new Set(['SoftmaxWithLoss', 'Accuracy', 'Silence', 'EuclideanLoss', 'SigmoidCrossEntropyLoss', 'HingeLoss', 'InfogainLoss']);
const DATA = new Set(['Data', 'ImageData', 'HDF5Data', 'MemoryData', 'WindowData']);

interface Ctx {
  readonly b: GraphBuilder;
  /** Blob name → the node that last wrote it. */
  readonly blobs: Map<string, string>;
  /** BatchNorm nodes by name, so a following Scale can give them γ and β. */
  readonly batchNorms: Map<string, number>;
}

interface Layer {
  readonly msg: Message;
  readonly name: string;
  readonly type: string;
  readonly bottoms: string[];
  readonly tops: string[];
  readonly at: Origin;
}

function fail(l: Layer, code: 'bad-value' | 'unsupported' | 'unknown-module' | 'shape-mismatch', problem: string): never {
  throw new ParseError(code, l.at.line, l.at.module, problem);
}

function param(l: Layer, key: string): Message | undefined {
  const v = first(l.msg, key);
  return isMessage(v) ? v : undefined;
}

function num(l: Layer, m: Message | undefined, key: string, fallback: number): number {
  const v = m === undefined ? undefined : first(m, key);
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(l, 'bad-value', `${key} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function whole(l: Layer, m: Message | undefined, key: string, fallback: number): number {
  const v = num(l, m, key, fallback);
  if (!Number.isSafeInteger(v) || v < 0) fail(l, 'bad-value', `${key} must be a whole number ≥ 0, got ${v}`);
  return v;
}

function flag(l: Layer, m: Message | undefined, key: string, fallback: boolean): boolean {
  const v = m === undefined ? undefined : first(m, key);
  if (v === undefined) return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail(l, 'bad-value', `${key} must be true or false, got ${JSON.stringify(v)}`);
}

function word(m: Message | undefined, key: string, fallback: string): string {
  const v = m === undefined ? undefined : first(m, key);
  return typeof v === 'string' ? v : fallback;
}

/** Caffe's spatial fields: `kernel_size: 3` (repeated: h, w) or `kernel_h`/`kernel_w`. */
function hw(l: Layer, m: Message | undefined, key: string, hKey: string, wKey: string, fallback: number): Pair {
  const h = m === undefined ? undefined : first(m, hKey);
  if (h !== undefined) return [whole(l, m, hKey, fallback), whole(l, m, wKey, fallback)];
  const vals = m === undefined ? [] : all(m, key);
  for (const v of vals) if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(l, 'bad-value', `${key} must be a whole number ≥ 0, got ${JSON.stringify(v)}`);
  if (vals.length === 0) return [fallback, fallback];
  if (vals.length === 1) return [vals[0] as number, vals[0] as number];
  if (vals.length === 2) return [vals[0] as number, vals[1] as number];
  return fail(l, 'bad-value', `${key} has ${vals.length} values; a 2-D layer takes one or two`);
}

const one = (p: Pair): number | Pair => (p[0] === p[1] ? p[0] : p);

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

const HANDLERS: Readonly<Record<string, (ctx: Ctx, l: Layer) => void>> = {
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

function dims(m: Message, l: Origin): number[] {
  return all(m, 'dim').map((d) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1) throw new ParseError('bad-value', l.line, l.module, `input dim must be a whole number ≥ 1, got ${JSON.stringify(d)}`);
    return d;
  });
}

/** [C, H, W] of the image input: `input_shape`/`input_dim` at the top, or an Input layer. */
function findInput(root: Message, layers: readonly Layer[]): { blob: string; chw: Shape } {
  const at: Origin = { line: root.fields.find((f) => f.key === 'input')?.line ?? null, module: 'input' };
  const named = all(root, 'input').filter((v): v is string => typeof v === 'string');
  const shapes = all(root, 'input_shape').filter(isMessage);
  const flat = all(root, 'input_dim').map((d) => (typeof d === 'number' ? d : NaN));
  let nchw: number[] | undefined;
  let blob = named[0];
  if (shapes[0] !== undefined) nchw = dims(shapes[0], at);
  else if (flat.length >= 4) nchw = flat.slice(0, 4);
  const layer = layers.find((l) => l.type === 'Input');
  if (nchw === undefined && layer !== undefined) {
    const shape = first(param(layer, 'input_param') ?? { fields: [], line: 0 }, 'shape');
    if (isMessage(shape)) nchw = dims(shape, layer.at);
    blob = layer.tops[0];
  }
  if (blob === undefined || nchw === undefined) {
    const data = layers.find((l) => DATA.has(l.type));
    const why = data !== undefined ? `the ${data.type} layer "${data.name}" reads a dataset, whose image size the prototxt does not say` : 'no input found';
    throw new ParseError('no-input', data?.at.line ?? null, data?.name ?? '', `${why}; use a deploy prototxt (input_shape, input_dim or an Input layer)`);
  }
  if (nchw.length !== 4 || nchw.some((d) => !Number.isSafeInteger(d) || d < 1)) {
    throw new ParseError('bad-value', at.line, 'input', `the input shape must be N, C, H, W of whole numbers ≥ 1, got ${nchw.join(', ')}`);
  }
  return { blob, chw: nchw.slice(1) };
}

function readLayers(root: Message): Layer[] {
  const out: Layer[] = [];
  for (const f of root.fields) {
    if ((f.key !== 'layer' && f.key !== 'layers') || !isMessage(f.value)) continue;
    const msg = f.value;
    const rawType = first(msg, 'type');
    const type = typeof rawType === 'string' ? (V1[rawType] ?? rawType) : '';
    const name = typeof first(msg, 'name') === 'string' ? (first(msg, 'name') as string) : `layer ${out.length + 1}`;
    // A train_val prototxt lists TRAIN-only layers (data, losses); an inference pass is the TEST net.
    const include = first(msg, 'include');
    if (isMessage(include) && first(include, 'phase') === 'TRAIN') continue;
    const strings = (key: string) => all(msg, key).filter((v): v is string => typeof v === 'string');
    out.push({ msg, name, type, bottoms: strings('bottom'), tops: strings('top'), at: { line: f.line, module: `${name} (${type || 'no type'})` } });
  }
  return out;
}

export interface CaffeOptions {
  /** [height, width] instead of the prototxt's. */
  readonly input?: readonly [number, number];
}

export function parseCaffe(text: string, options: CaffeOptions = {}): ParsedNetwork {
  const root = parsePrototxt(text);
  const layers = readLayers(root);
  if (layers.length === 0) throw new ParseError('empty', null, '', 'the prototxt has no layer { … } entries');
  const found = findInput(root, layers);
  const chw: Shape = options.input === undefined ? found.chw : [found.chw[0] as number, options.input[0], options.input[1]];
  const ctx: Ctx = { b: new GraphBuilder(chw), blobs: new Map([[found.blob, 'input']]), batchNorms: new Map() };
  ctx.b.note({ line: null, module: '' }, 'caffe-graph', 'every layer reads its bottom blobs and writes its top (in-place layers rewrite the blob they read)');
  for (const l of layers) {
    if (l.type === 'Input' || DATA.has(l.type)) continue;
    if (TRAINING_ONLY.has(l.type)) {
      ctx.b.note(l.at, 'caffe-implicit', `${l.type} is for training only; skipped`);
      continue;
    }
    const handler = Object.hasOwn(HANDLERS, l.type) ? HANDLERS[l.type] : undefined;
    if (handler === undefined) {
      fail(l, l.type === 'Deconvolution' ? 'unsupported' : 'unknown-module', `unknown layer type "${l.type}"; known: ${Object.keys(HANDLERS).join(', ')}`);
    }
    handler(ctx, l);
  }
  if (ctx.b.layers.length === 0) throw new ParseError('empty', null, '', 'the prototxt has no computing layers');
  const name = first(root, 'name');
  const id = typeof name === 'string' && name !== '' ? name : 'prototxt';
  const network: Network = {
    id,
    title: `${id} (pasted Caffe prototxt)`,
    input: chw,
    layers: ctx.b.layers,
    source: 'pasted Caffe prototxt',
  };
  return { network, wiring: ctx.b.wiring };
}
