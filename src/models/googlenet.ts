/**
 * GoogLeNet (Inception v1), Szegedy et al., "Going Deeper with Convolutions" (CVPR 2015,
 * arXiv:1409.4842), as data — two builds of the same Table 1:
 *
 * - `googlenet`: torchvision's GoogLeNet (BasicConv2d = conv without bias + BN + ReLU, the "5×5"
 *   branch with a 3×3 kernel, pytorch/vision#906). The build behind the ImageNet weights ported
 *   from TensorFlow; 6,624,904 params and 1.498 GFLOPS on the torchvision model page.
 * - `googlenet_2014`: the paper's network as BVLC Caffe's `bvlc_googlenet` writes it (biases, no
 *   BN, true 5×5 branches, LRN, 3×3/2 pool4, 7×7 average pool, dropout 0.4).
 *
 * Both builders read the module widths from `googlenetTable1`, the paper's Table 1.
 */
import type { LayerSpec, Network } from '../calc/types';
import { basicConv2d, convRelu, lastName } from './blocks';
import type { NetworkOptions } from './options';
import type { Build } from './build';

/** `aux`: add the two auxiliary classifiers (after inception4a and inception4d). Default false. */
export type GoogLeNetOptions = Pick<NetworkOptions, 'aux'>;

/** One Inception module row of the paper's Table 1 ("GoogLeNet incarnation of the Inception architecture"). */
export interface GoogLeNetInceptionRow {
  /** Our node/block name ("inception3a"); the paper writes "inception (3a)". */
  readonly name: string;
  /** Channels coming in (depth of the previous row's output). */
  readonly inChannels: number;
  /** Spatial output size at 224×224 input (the paper's "output size" is size×size×outChannels). */
  readonly outputSize: number;
  readonly ch1x1: number;
  readonly ch3x3red: number;
  readonly ch3x3: number;
  readonly ch5x5red: number;
  readonly ch5x5: number;
  readonly poolProj: number;
  /** = ch1x1 + ch3x3 + ch5x5 + poolProj (the concatenation). */
  readonly outChannels: number;
  /** Table 1's "params" column as printed (K; the paper's K are 1024 for these rows). */
  readonly paperParamsK: number;
  /** Table 1's "ops" column as printed (M multiply-accumulates). */
  readonly paperOpsM: number;
}

function row(
  name: string,
  inChannels: number,
  outputSize: number,
  widths: readonly [number, number, number, number, number, number],
  paperParamsK: number,
  paperOpsM: number,
): GoogLeNetInceptionRow {
  const [ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj] = widths;
  return {
    name,
    inChannels,
    outputSize,
    ch1x1,
    ch3x3red,
    ch3x3,
    ch5x5red,
    ch5x5,
    poolProj,
    outChannels: ch1x1 + ch3x3 + ch5x5 + poolProj,
    paperParamsK,
    paperOpsM,
  };
}

/**
 * The paper's Table 1, Inception rows: [#1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj].
 * The same widths appear in torchvision's googlenet.py (Inception(in, ...) calls) and in
 * bvlc_googlenet's prototxt (num_output of inception_Xy/{1x1,3x3_reduce,3x3,5x5_reduce,5x5,pool_proj}).
 */
export const googlenetTable1: readonly GoogLeNetInceptionRow[] = [
  row('inception3a', 192, 28, [64, 96, 128, 16, 32, 32], 159, 128),
  row('inception3b', 256, 28, [128, 128, 192, 32, 96, 64], 380, 304),
  row('inception4a', 480, 14, [192, 96, 208, 16, 48, 64], 364, 73),
  row('inception4b', 512, 14, [160, 112, 224, 24, 64, 64], 437, 88),
  row('inception4c', 512, 14, [128, 128, 256, 24, 64, 64], 463, 100),
  row('inception4d', 512, 14, [112, 144, 288, 32, 64, 64], 580, 119),
  row('inception4e', 528, 14, [256, 160, 320, 32, 128, 128], 840, 170),
  row('inception5a', 832, 7, [256, 160, 320, 32, 128, 128], 1072, 54),
  row('inception5b', 832, 7, [384, 192, 384, 48, 128, 128], 1388, 71),
];

function table1(name: string): GoogLeNetInceptionRow {
  const r = googlenetTable1.find((x) => x.name === name);
  if (r === undefined) throw new Error(`googlenetTable1 has no row ${name}`);
  return r;
}

/** The builds of GoogLeNet the registry holds: torchvision's (BN, no biases, "5×5" branch 3×3) or the paper's Caffe model. */
export type GoogLeNetBuild = Extract<Build, 'torchvision' | 'caffe'>;

/** The six widths of an Inception module, as Table 1 names them. */
export type InceptionWidths = Pick<GoogLeNetInceptionRow, 'ch1x1' | 'ch3x3red' | 'ch3x3' | 'ch5x5red' | 'ch5x5' | 'poolProj'>;

/** "inception3a" + "branch1" → "inception3a.branch1"; a lone module ("") keeps the bare name. */
function at(module: string, node: string): string {
  return module === '' ? node : `${module}.${node}`;
}

/** Kernel of the "5×5" branch: 5 in the paper (Caffe), 3 in torchvision (pytorch/vision#906). */
export function bigKernel(build: GoogLeNetBuild): 3 | 5 {
  return build === 'torchvision' ? 3 : 5;
}

/** The pool branch's 3×3 max pool, stride 1, padding 1 (ceil mode, as Caffe and torchvision). */
export function branchPool(name: string, input: string): LayerSpec {
  return { name, kind: 'maxpool', kernel: 3, stride: 1, padding: 1, ceil: true, from: input };
}

/**
 * One Inception module (Figure 2b) without its block row. Branch names follow torchvision
 * (branch1, branch2.{0,1}, branch3.{0,1}, branch4.{0,1}, then concat); for Caffe they map to
 * inception_Xy/1x1, 3x3_reduce, 3x3, 5x5_reduce, 5x5, pool, pool_proj. `name` "" gives bare names.
 */
export function inceptionModule(name: string, w: InceptionWidths, input: string, build: GoogLeNetBuild): LayerSpec[] {
  const n = name;
  const cv = build === 'torchvision' ? basicConv2d : convRelu;
  const k5 = bigKernel(build);
  const b1 = cv(at(n, 'branch1'), w.ch1x1, 1, { from: input });
  const b2 = [...cv(at(n, 'branch2.0'), w.ch3x3red, 1, { from: input }), ...cv(at(n, 'branch2.1'), w.ch3x3, 3, { padding: 1 })];
  const b3 = [...cv(at(n, 'branch3.0'), w.ch5x5red, 1, { from: input }), ...cv(at(n, 'branch3.1'), w.ch5x5, k5, { padding: (k5 - 1) / 2 })];
  const b4: LayerSpec[] = [branchPool(at(n, 'branch4.0'), input), ...cv(at(n, 'branch4.1'), w.poolProj, 1)];
  return [...b1, ...b2, ...b3, ...b4, { name: at(n, 'concat'), kind: 'concat', from: [lastName(b1), lastName(b2), lastName(b3), lastName(b4)] }];
}

/** A Table 1 row as the network's module: the branches, then the block row that sums them. */
function inception(r: GoogLeNetInceptionRow, input: string, build: GoogLeNetBuild): LayerSpec[] {
  return [...inceptionModule(r.name, r, input, build), { name: r.name, kind: 'block' }];
}

/** torchvision's InceptionAux: adaptive avg pool 4×4, BasicConv2d 1×1 128, fc 2048→1024, ReLU, dropout 0.7, fc. */
function auxTorchvision(name: string, input: string): LayerSpec[] {
  return [
    { name: `${name}.avgpool`, kind: 'adaptiveavgpool', output: 4, from: input },
    ...basicConv2d(`${name}.conv`, 128, 1),
    { name: `${name}.flatten`, kind: 'flatten' },
    { name: `${name}.fc1`, kind: 'linear', out: 1024 },
    { name: `${name}.relu`, kind: 'act', fn: 'relu' },
    { name: `${name}.dropout`, kind: 'dropout', p: 0.7 },
    { name: `${name}.fc2`, kind: 'linear', out: 1000 },
    { name, kind: 'block', trainingOnly: true },
  ];
}

/** bvlc_googlenet's loss1/loss2 heads: ave_pool 5/3, conv 1×1 128 + ReLU, fc 1024 + ReLU, dropout 0.7, classifier. */
function auxCaffe(name: string, input: string): LayerSpec[] {
  return [
    { name: `${name}.avgpool`, kind: 'avgpool', kernel: 5, stride: 3, ceil: true, from: input },
    ...convRelu(`${name}.conv`, 128, 1),
    { name: `${name}.flatten`, kind: 'flatten' },
    { name: `${name}.fc1`, kind: 'linear', out: 1024 },
    { name: `${name}.relu`, kind: 'act', fn: 'relu' },
    { name: `${name}.dropout`, kind: 'dropout', p: 0.7 },
    { name: `${name}.fc2`, kind: 'linear', out: 1000 },
    { name, kind: 'block', trainingOnly: true },
  ];
}

function body(build: GoogLeNetBuild, aux: boolean): LayerSpec[] {
  const tv = build === 'torchvision';
  const cv = tv ? basicConv2d : convRelu;
  const layers: LayerSpec[] = [
    ...cv('conv1', 64, 7, { stride: 2, padding: 3 }),
    { name: 'conv1', kind: 'block' },
    // Caffe rounds pooling output sizes up: the same as PyTorch's ceil_mode=True.
    { name: 'maxpool1', kind: 'maxpool', kernel: 3, stride: 2, ceil: true },
  ];
  // Caffe: pool1/3x3_s2 → pool1/norm1 → conv2/3x3_reduce → conv2/3x3 → conv2/norm2 → pool2/3x3_s2.
  // Caffe's LRN uses alpha/size inside the sum (k = 1 default); we record the prototxt's numbers.
  if (!tv) layers.push({ name: 'norm1', kind: 'lrn', size: 5, alpha: 0.0001, beta: 0.75, k: 1 });
  layers.push(...cv('conv2', 64, 1), { name: 'conv2', kind: 'block' });
  layers.push(...cv('conv3', 192, 3, { padding: 1 }), { name: 'conv3', kind: 'block' });
  if (!tv) layers.push({ name: 'norm2', kind: 'lrn', size: 5, alpha: 0.0001, beta: 0.75, k: 1 });
  layers.push({ name: 'maxpool2', kind: 'maxpool', kernel: 3, stride: 2, ceil: true });

  const add = (name: string) => layers.push(...inception(table1(name), lastName(layers), build));
  const addAux = (name: string, input: string) => {
    if (aux) layers.push(...(tv ? auxTorchvision(name, input) : auxCaffe(name, input)));
  };
  add('inception3a');
  add('inception3b');
  layers.push({ name: 'maxpool3', kind: 'maxpool', kernel: 3, stride: 2, ceil: true });
  add('inception4a');
  addAux('aux1', 'inception4a');
  layers.push(...inception(table1('inception4b'), 'inception4a', build));
  add('inception4c');
  add('inception4d');
  addAux('aux2', 'inception4d');
  layers.push(...inception(table1('inception4e'), 'inception4d', build));
  // torchvision: MaxPool2d(2, stride=2, ceil_mode=True); Caffe pool4/3x3_s2: 3×3 stride 2. Both 14 → 7.
  layers.push(
    tv
      ? { name: 'maxpool4', kind: 'maxpool', kernel: 2, stride: 2, ceil: true }
      : { name: 'maxpool4', kind: 'maxpool', kernel: 3, stride: 2, ceil: true },
  );
  add('inception5a');
  add('inception5b');
  if (tv) {
    layers.push(
      { name: 'avgpool', kind: 'adaptiveavgpool', output: 1 },
      { name: 'flatten', kind: 'flatten' },
      { name: 'dropout', kind: 'dropout', p: 0.2 },
      { name: 'fc', kind: 'linear', out: 1000 },
    );
  } else {
    layers.push(
      { name: 'avgpool', kind: 'avgpool', kernel: 7, stride: 1, ceil: true },
      { name: 'dropout', kind: 'dropout', p: 0.4 },
      { name: 'flatten', kind: 'flatten' },
      { name: 'fc', kind: 'linear', out: 1000 },
    );
  }
  return layers;
}

/**
 * torchvision's GoogLeNet. Params: 6,624,904 without aux (what `googlenet(weights=...)` returns:
 * the pretrained builder drops the heads); with `aux: true`, 13,004,888.
 *
 * Derivation of the aux heads (BasicConv2d conv has no bias; BN adds γ, β):
 *   aux1 (C_in = 512): 512·128 + 2·128 + (2048·1024 + 1024) + (1024·1000 + 1000)
 *                    = 65,536 + 256 + 2,098,176 + 1,025,000 = 3,188,968
 *   aux2 (C_in = 528): 528·128 + 256 + 2,098,176 + 1,025,000        = 3,191,016
 *   6,624,904 + 3,188,968 + 3,191,016 = 13,004,888 — torchvision's figure with aux_logits=True.
 */
export function googlenet(options: GoogLeNetOptions = {}): Network {
  const aux = options.aux ?? false;
  return {
    id: 'googlenet',
    title: aux ? 'GoogLeNet (torchvision, with aux heads)' : 'GoogLeNet (torchvision)',
    input: [3, 224, 224],
    layers: body('torchvision', aux),
    source: 'https://github.com/pytorch/vision/blob/main/torchvision/models/googlenet.py',
    encoderCut: { node: 'inception5b', label: 'inception5b' },
    notes: [
      'Every convolution is BasicConv2d: Conv2d(bias=False) + BatchNorm2d(eps=0.001) + ReLU; the 2014 paper has no batch norm (added with the TensorFlow port the weights come from).',
      'The "5×5" branch (branch3.1) uses a 3×3 kernel with padding 1: a known torchvision deviation kept for the pretrained weights (pytorch/vision#906).',
      'maxpool4 is 2×2/2 (ceil) where the paper/Caffe use 3×3/2; both give 7×7 at 224. No LRN layers.',
      'All max pools use ceil_mode=True, as Caffe rounds pooling output sizes up.',
      'Aux heads (aux1 after inception4a, aux2 after inception4d) are off by default, as in the pretrained builder; they only run in training mode. Head: adaptive avg pool 4×4, BasicConv2d 1×1 128, fc 2048→1024, ReLU, dropout 0.7, fc 1024→1000 (the paper uses 5×5/3 average pooling instead of adaptive).',
      'F.relu, torch.cat and the aux heads\' functional pooling/flatten have no torchvision module name; we name them `.relu`, `.concat`, `.avgpool`, `.flatten`. The conv1/conv2/conv3 block rows group each BasicConv2d.',
      'transform_input (an input re-normalisation) has no parameters and is not modelled.',
    ],
  };
}

/**
 * The paper's GoogLeNet as BVLC Caffe builds it (models/bvlc_googlenet/deploy.prototxt; the aux
 * heads loss1/loss2 from train_val.prototxt). Derived totals (conv and fc weights + biases):
 *   without aux: 6,998,552 (the commonly quoted figure for bvlc_googlenet)
 *   with aux:    + loss1 (512·128+128 + 2048·1024+1024 + 1024·1000+1000 = 3,188,840)
 *                + loss2 (528·128+128 + …                             = 3,190,888) = 13,378,280.
 */
export function googlenet2014(options: GoogLeNetOptions = {}): Network {
  const aux = options.aux ?? false;
  return {
    id: 'googlenet_2014',
    title: aux ? 'GoogLeNet (2014 paper, BVLC Caffe, with aux heads)' : 'GoogLeNet (2014 paper, BVLC Caffe)',
    input: [3, 224, 224],
    layers: body('caffe', aux),
    encoderCut: { node: 'inception5b', label: 'inception5b' },
    source:
      'https://github.com/BVLC/caffe/blob/master/models/bvlc_googlenet/deploy.prototxt (aux heads: train_val.prototxt); Szegedy et al. 2014, Table 1, arXiv:1409.4842',
    notes: [
      'Convolutions have biases and are followed by ReLU; there is no batch normalisation.',
      'LRN (local_size 5, alpha 0.0001, beta 0.75) after maxpool1 (Caffe pool1/norm1) and after conv3 (Caffe conv2/norm2), before maxpool2.',
      'Caffe names map to ours: conv1/7x7_s2 → conv1, conv2/3x3_reduce → conv2, conv2/3x3 → conv3, poolN/3x3_s2 → maxpoolN, inception_Xy/{1x1, 3x3_reduce, 3x3, 5x5_reduce, 5x5, pool, pool_proj} → inceptionXy.{branch1, branch2.0, branch2.1, branch3.0, branch3.1, branch4.0, branch4.1}, pool5/7x7_s1 → avgpool, loss3/classifier → fc, lossN/* → auxN.*.',
      'Caffe rounds pooling output sizes up (ceil mode), so 3×3/2 pools give 112 → 56 → 28 → 14 → 7.',
      'Aux heads (off by default; training only): 5×5/3 average pool, 1×1 conv 128 + ReLU, fc 1024 + ReLU, dropout 0.7, fc 1000.',
      'Caffe\'s InnerProduct flattens implicitly; the flatten node is ours.',
    ],
  };
}
