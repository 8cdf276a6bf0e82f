/**
 * Classification backbone → segmentation encoder, with the calc core doing every count.
 *
 * - `truncateNetwork` keeps a named node and everything it depends on (and nothing else: an
 *   auxiliary head that branches off earlier is dropped), with every `from` made explicit so the
 *   shorter layer list still means the same graph. `analyse()` of the result is the encoder.
 * - `ENCODER_CUTS` says where each registry model's feature extractor ends: the last node before
 *   global pooling / the classifier.
 * - `dilatedFootprint` is the gridding picture: which input offsets reach one output unit through
 *   a stack of dilated convolutions (Wang et al. 2018, "Understanding Convolution for Semantic
 *   Segmentation", arXiv:1702.08502).
 * - `fcnVgg16` is VGG-16 with fc6/fc7 rewritten as convolutions, as FCN does (Long et al. 2015).
 *
 * Pure: no DOM, no I/O. Unit tests in tests/site/encoder.test.ts.
 */
import { analyse, CalcError, effectiveKernel, INPUT_NAME, type Analysis, type LayerRow, type LayerSpec, type Network } from '../calc/index';
import { getNetwork, type NetworkOptions } from '../models/registry';

/** `from` of every node resolved to an explicit list of source names. */
function explicitSources(layers: readonly LayerSpec[]): string[][] {
  let previous = INPUT_NAME;
  return layers.map((spec) => {
    const from = spec.from;
    const sources = from === undefined ? [previous] : typeof from === 'string' ? [from] : [...from];
    previous = spec.name;
    return sources;
  });
}

/**
 * The sub-network that computes node `last`: `last` and its ancestors, in the original order,
 * with explicit `from`s. A block node is kept when any node it sums is kept and it sits before
 * `last` (blocks are checkpoints in the chain, so a kept block is also an ancestor).
 */
export function truncateNetwork(net: Network, last: string): Network {
  const index = net.layers.findIndex((l) => l.name === last);
  if (index === -1) throw new CalcError('unknown-input', last, `${net.id} has no node called "${last}"`);
  const sources = explicitSources(net.layers);
  const keep = new Set<string>([last]);
  for (let i = index; i >= 0; i--) {
    const spec = net.layers[i] as LayerSpec;
    if (!keep.has(spec.name)) continue;
    for (const s of sources[i] as string[]) keep.add(s);
  }
  const layers: LayerSpec[] = [];
  net.layers.slice(0, index + 1).forEach((spec, i) => {
    if (!keep.has(spec.name)) return;
    const from = sources[i] as string[];
    layers.push({ ...spec, from: from.length === 1 ? (from[0] as string) : from } as LayerSpec);
  });
  return {
    ...net,
    id: `${net.id}:${last}`,
    title: `${net.title}, up to ${last}`,
    layers,
  };
}

/** Where each model's feature extractor ends: the last node before global pooling / the classifier. */
export const ENCODER_CUTS: Readonly<Record<string, { readonly node: string; readonly label: string }>> = {
  alexnet: { node: 'features.12', label: 'pool5 (features.12)' },
  alexnet_2012: { node: 'pool5', label: 'pool5' },
  vgg11: { node: 'features.20', label: 'pool5 (features.20)' },
  vgg11_bn: { node: 'features.28', label: 'pool5 (features.28)' },
  vgg13: { node: 'features.24', label: 'pool5 (features.24)' },
  vgg13_bn: { node: 'features.34', label: 'pool5 (features.34)' },
  vgg16: { node: 'features.30', label: 'pool5 (features.30)' },
  vgg16_bn: { node: 'features.43', label: 'pool5 (features.43)' },
  vgg19: { node: 'features.36', label: 'pool5 (features.36)' },
  vgg19_bn: { node: 'features.52', label: 'pool5 (features.52)' },
  googlenet: { node: 'inception5b', label: 'inception5b' },
  googlenet_2014: { node: 'inception5b', label: 'inception5b' },
  inception_v3: { node: 'Mixed_7c', label: 'Mixed_7c' },
  xception: { node: 'block14', label: 'block14' },
  resnet18: { node: 'layer4', label: 'layer4' },
  resnet34: { node: 'layer4', label: 'layer4' },
  resnet50: { node: 'layer4', label: 'layer4' },
  resnet101: { node: 'layer4', label: 'layer4' },
  resnet152: { node: 'layer4', label: 'layer4' },
};

export function encoderCut(id: string): { readonly node: string; readonly label: string } {
  const cut = Object.hasOwn(ENCODER_CUTS, id) ? ENCODER_CUTS[id] : undefined;
  if (cut === undefined) throw new CalcError('unknown-network', id, 'no encoder cut is defined for this model');
  return cut;
}

/** A registry model without its classifier, analysed at a square input (default: the model's). */
export function encoderOf(id: string, options: NetworkOptions = {}, last?: string): Network {
  return truncateNetwork(getNetwork(id, options), last ?? encoderCut(id).node);
}

const encoderCache = new Map<string, Analysis>();

/** Memoised analysis of an encoder at size×size (3 channels). */
export function encoderAnalysis(id: string, options: NetworkOptions = {}, size?: number, last?: string): Analysis {
  const key = JSON.stringify([id, options, size, last]);
  let a = encoderCache.get(key);
  if (a === undefined) {
    const net = encoderOf(id, options, last);
    a = analyse(net, size === undefined ? undefined : [3, size, size]);
    encoderCache.set(key, a);
  }
  return a;
}

/** Elements of a [C, H, W] (or [F]) tensor. */
export function elements(shape: readonly number[]): number {
  return shape.reduce((p, x) => p * x, 1);
}

/** Kinds whose outputs a framework stores for the backward pass (in-place ReLU and dropout excluded). */
const STORED = new Set<LayerRow['kind']>(['conv', 'separable', 'bn', 'lrn', 'maxpool', 'avgpool', 'adaptiveavgpool', 'adaptivemaxpool', 'add', 'concat', 'linear']);

/**
 * Activation values a training step keeps for one image: the outputs of every conv, norm, pool,
 * merge and linear row (block rows and in-place ReLU/dropout excluded). ×4 bytes in float32.
 */
export function activationValues(a: Analysis): number {
  let sum = 0;
  for (const row of a.rows) if (STORED.has(row.kind)) sum += elements(row.output);
  return sum;
}

/** Bytes → "12.3 MiB" / "1.23 GiB" (binary units, as memory is reported by frameworks). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new CalcError('bad-parameter', 'formatBytes', `cannot format ${String(bytes)}`);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let x = bytes;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i += 1;
  }
  return i === 0 ? `${x} B` : `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ${units[i]}`;
}

// ── Stages ───────────────────────────────────────────────────────────────────────────────────

/** A top-level unit of a network: one block row, or a run of rows outside any block (the stem). */
export interface Unit {
  /** Display name: the block's name, "stem" or "conv1 … maxpool" style for a run of loose rows. */
  readonly name: string;
  /** True for a block row of the core; false for a run of loose rows (or a VGG stage). */
  readonly block: boolean;
  /** Indices into analysis.rows of the non-block rows this unit sums. */
  readonly rows: readonly number[];
  readonly params: number;
  readonly macs: number;
  readonly output: readonly number[];
  readonly receptiveField: LayerRow['receptiveField'];
}

function ownerBlock(name: string, blocks: ReadonlySet<string>): string | undefined {
  let dot = name.lastIndexOf('.');
  let owner: string | undefined;
  while (dot !== -1) {
    const prefix = name.slice(0, dot);
    if (blocks.has(prefix)) owner = prefix; // keep going: the outermost block wins
    dot = name.lastIndexOf('.', dot - 1);
  }
  return owner;
}

/**
 * Groups an analysis' rows into units for per-stage tables and bar charts. A network with block
 * rows (GoogLeNet, Inception v3, Xception, ResNet) gets one unit per outermost block and one per
 * run of loose rows between blocks. A network without blocks (AlexNet, VGG) is split after every
 * max pool ("stage 1", "stage 2", …) and the rest is "head".
 */
export function unitsOf(a: Analysis): Unit[] {
  const blockNames = new Set(a.rows.filter((r) => r.kind === 'block').map((r) => r.name));
  const units: { name: string; block: boolean; rows: number[]; output: readonly number[]; rf: LayerRow['receptiveField'] }[] = [];
  const pending = new Map<string, number[]>();
  let loose: number[] = [];
  const flushLoose = (name?: string) => {
    if (loose.length === 0) return;
    const first = a.rows[loose[0] as number] as LayerRow;
    const last = a.rows[loose.at(-1) as number] as LayerRow;
    const label = name ?? (loose.length === 1 ? first.name : `${first.name} … ${last.name}`);
    units.push({ name: label, block: false, rows: loose, output: last.output, rf: last.receptiveField });
    loose = [];
  };
  if (blockNames.size === 0) {
    let stage = 1;
    a.rows.forEach((row, i) => {
      loose.push(i);
      if (row.kind === 'maxpool') {
        flushLoose(`stage ${stage}`);
        stage += 1;
      }
    });
    flushLoose(stage === 1 ? 'all layers' : 'head');
  } else {
    a.rows.forEach((row, i) => {
      if (row.kind === 'block') {
        if (ownerBlock(row.name, blockNames) !== undefined) return; // nested block: summed by its owner
        flushLoose();
        units.push({ name: row.name, block: true, rows: pending.get(row.name) ?? [], output: row.output, rf: row.receptiveField });
        return;
      }
      const owner = ownerBlock(row.name, blockNames);
      if (owner === undefined) loose.push(i);
      else {
        const list = pending.get(owner) ?? [];
        list.push(i);
        pending.set(owner, list);
      }
    });
    flushLoose();
  }
  return units.map((u) => {
    let params = 0;
    let macs = 0;
    for (const i of u.rows) {
      const r = a.rows[i] as LayerRow;
      params += r.params.total;
      macs += r.macs;
    }
    return { name: u.name, block: u.block, rows: u.rows, params, macs, output: u.output, receptiveField: u.rf };
  });
}

// ── Gridding ─────────────────────────────────────────────────────────────────────────────────

export interface DilatedLayer {
  readonly kernel: number;
  readonly dilation: number;
}

export interface Footprint {
  /** Width (= height) of the square of input offsets covered, i.e. the receptive field. */
  readonly size: number;
  /** counts[y][x]: how many paths connect input pixel (x, y) of the square to the output unit. */
  readonly counts: readonly (readonly number[])[];
  /** Pixels of the square that reach the output at least once. */
  readonly used: number;
}

/**
 * Which input pixels contribute to one output unit after stride-1 dilated convolutions with
 * square kernels (gridding, Wang et al. 2018, §3.2). Along one axis a layer spreads a position
 * to offsets {0, d, …, (k − 1)d}; the stack is the convolution of those combs, and a square
 * kernel's 2-D footprint is the outer product of the 1-D one with itself.
 */
export function dilatedFootprint(layers: readonly DilatedLayer[]): Footprint {
  let axis = [1];
  for (const l of layers) {
    const span = effectiveKernel(l.kernel, l.dilation);
    const next = new Array<number>(axis.length + span - 1).fill(0);
    axis.forEach((c, i) => {
      if (c === 0) return;
      for (let t = 0; t < l.kernel; t++) next[i + t * l.dilation] = (next[i + t * l.dilation] as number) + c;
    });
    axis = next;
  }
  const counts = axis.map((cy) => axis.map((cx) => cy * cx));
  const used = axis.filter((c) => c > 0).length ** 2;
  return { size: axis.length, counts, used };
}

// ── FCN ──────────────────────────────────────────────────────────────────────────────────────

/**
 * VGG-16 as FCN's encoder (Long, Shelhamer & Darrell, "Fully Convolutional Networks for Semantic
 * Segmentation", CVPR 2015, arXiv:1411.4038, §3.1 and §4.2): the features up to pool5, then fc6 as
 * a 7×7 convolution with 4096 outputs and fc7 as a 1×1 convolution — the same weights as
 * torchvision's classifier.0 and classifier.3, reshaped. FCN's Caffe model pads conv1_1 by 100
 * and crops later so small inputs survive the unpadded 7×7; here fc6 is padded by 3 instead,
 * which keeps the map at input/32 and changes no count per position.
 */
export function fcnVgg16(): Network {
  const features = truncateNetwork(getNetwork('vgg16'), 'features.30');
  const layers: LayerSpec[] = [
    ...features.layers,
    { name: 'fc6', label: 'conv6', kind: 'conv', out: 4096, kernel: 7, padding: 3, from: 'features.30' },
    { name: 'relu6', kind: 'act', fn: 'relu' },
    { name: 'fc7', label: 'conv7', kind: 'conv', out: 4096, kernel: 1 },
    { name: 'relu7', kind: 'act', fn: 'relu' },
  ];
  return {
    id: 'fcn_vgg16',
    title: 'VGG-16 as FCN encoder (fc6, fc7 as convolutions)',
    input: [3, 224, 224],
    layers,
    source: 'https://arxiv.org/abs/1411.4038; https://github.com/shelhamer/fcn.berkeleyvision.org/blob/master/voc-fcn8s/net.py',
    notes: ['fc6 is padded by 3 here; the Caffe model pads conv1_1 by 100 instead and crops the scores.'],
  };
}
