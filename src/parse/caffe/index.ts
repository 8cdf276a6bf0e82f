/**
 * Caffe .prototxt → calc-core Network. The graph is exact: each layer reads the blobs named by
 * `bottom` and writes `top` (in-place layers write the blob they read). Layer semantics follow
 * BVLC Caffe's layer implementations (src/caffe/layers/*.cpp) and caffe.proto defaults.
 */
import type { Network, Shape } from '../../calc/types';
import { ParseError } from '../errors';
import { GraphBuilder } from '../graph';
import type { ParsedNetwork } from '../pytorch/index';
import { HANDLERS, type Ctx } from './handlers';
import { DATA, findInput } from './input';
import { fail, readLayers } from './layer';
import { first, parsePrototxt } from './prototxt';

/** Layers with no effect on an inference pass's counts: skipped, and said so. */
const TRAINING_ONLY = new Set(['SoftmaxWithLoss', 'Accuracy', 'Silence', 'EuclideanLoss', 'SigmoidCrossEntropyLoss', 'HingeLoss', 'InfogainLoss']);

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
