/**
 * Xception (Chollet, "Xception: Deep Learning with Depthwise Separable Convolutions", CVPR 2017,
 * arXiv:1610.02357) as Keras Applications builds it (keras/src/applications/xception.py), 299×299.
 *
 * Node names: Keras' `blockN_xxx` becomes `blockN.xxx` so block rows block1 … block14 can sum
 * them (e.g. block2_sepconv1_bn → block2.sepconv1_bn). Keras leaves the shortcut layers unnamed
 * (conv2d, batch_normalization, add): here they are `blockN.residual`, `blockN.residual_bn`,
 * `blockN.add`. The top is `avg_pool` (GlobalAveragePooling2D) and `predictions` (Dense).
 *
 * Keras' naming differs from the paper's figure: the middle flow is block5 … block12 (8 repeats),
 * block13 is the exit flow's residual module (728, 1024, max pool), block14 the last two
 * separable convs (1536, 2048).
 *
 * Parameter convention. The Keras docs' table (https://keras.io/api/applications/) lists 22,910,480
 * "parameters" = model.count_params(), which includes BatchNormalization's non-trainable moving
 * mean and variance (2 per channel, exactly as many as γ and β). The calc core counts γ and β only
 * (as torchvision's numel over parameters()), so here total = 22,855,952 (Keras' trainable count)
 * and total + params.bn = 22,910,480.
 */
import type { LayerSpec, Network } from '../calc/types';

export type XceptionOptions = Record<string, never>;

/** [ReLU] SeparableConv2D 3×3 'same' (no bias) + BN [ReLU]; `from` goes on the first node. */
function sep(block: string, i: number, out: number, act: 'before' | 'after' | 'none', from?: string): LayerSpec[] {
  const p = `${block}.sepconv${i}`;
  const f = from !== undefined ? { from } : {};
  return [
    ...(act === 'before' ? [{ name: `${p}_act`, kind: 'act', fn: 'relu', ...f } as const] : []),
    { name: p, kind: 'separable', out, kernel: 3, padding: 'same', bias: false, ...(act === 'before' ? {} : f) },
    { name: `${p}_bn`, kind: 'bn' },
    ...(act === 'after' ? [{ name: `${p}_act`, kind: 'act', fn: 'relu' } as const] : []),
  ];
}

/**
 * Entry/exit residual module: shortcut conv 1×1 /2 'same' + BN on the block input; main path
 * [relu] sep(a) BN relu sep(b) BN, max pool 3×3/2 'same'; add. Block 2 has no leading ReLU
 * (block1 ends with one). Nodes in Keras' creation order (shortcut first).
 */
function downBlock(n: number, input: string, a: number, b: number, leadingRelu: boolean): LayerSpec[] {
  const block = `block${n}`;
  return [
    { name: `${block}.residual`, kind: 'conv', out: b, kernel: 1, stride: 2, padding: 'same', bias: false, from: input },
    { name: `${block}.residual_bn`, kind: 'bn' },
    ...sep(block, 1, a, leadingRelu ? 'before' : 'none', input),
    ...sep(block, 2, b, 'before'),
    { name: `${block}.pool`, kind: 'maxpool', kernel: 3, stride: 2, padding: 'same' },
    { name: `${block}.add`, kind: 'add', from: [`${block}.pool`, `${block}.residual_bn`] },
    { name: block, kind: 'block' },
  ];
}

/** Middle flow module: 3 × (ReLU, separable 728, BN), identity shortcut. */
function middleBlock(n: number, input: string): LayerSpec[] {
  const block = `block${n}`;
  return [
    ...sep(block, 1, 728, 'before', input),
    ...sep(block, 2, 728, 'before'),
    ...sep(block, 3, 728, 'before'),
    { name: `${block}.add`, kind: 'add', from: [`${block}.sepconv3_bn`, input] },
    { name: block, kind: 'block' },
  ];
}

export function xception(_options: XceptionOptions = {}): Network {
  const layers: LayerSpec[] = [
    { name: 'block1.conv1', kind: 'conv', out: 32, kernel: 3, stride: 2, padding: 'valid', bias: false },
    { name: 'block1.conv1_bn', kind: 'bn' },
    { name: 'block1.conv1_act', kind: 'act', fn: 'relu' },
    { name: 'block1.conv2', kind: 'conv', out: 64, kernel: 3, padding: 'valid', bias: false },
    { name: 'block1.conv2_bn', kind: 'bn' },
    { name: 'block1.conv2_act', kind: 'act', fn: 'relu' },
    { name: 'block1', kind: 'block' },
    ...downBlock(2, 'block1', 128, 128, false),
    ...downBlock(3, 'block2', 256, 256, true),
    ...downBlock(4, 'block3', 728, 728, true),
  ];
  for (let n = 5; n <= 12; n++) layers.push(...middleBlock(n, `block${n - 1}`));
  layers.push(
    ...downBlock(13, 'block12', 728, 1024, true),
    ...sep('block14', 1, 1536, 'after'),
    ...sep('block14', 2, 2048, 'after'),
    { name: 'block14', kind: 'block' },
    { name: 'avg_pool', kind: 'adaptiveavgpool', output: 1 },
    { name: 'flatten', kind: 'flatten' },
    { name: 'predictions', kind: 'linear', out: 1000 },
  );
  return {
    id: 'xception',
    title: 'Xception (Keras Applications)',
    input: [3, 299, 299],
    layers,
    source: 'https://github.com/keras-team/keras/blob/master/keras/src/applications/xception.py; Chollet 2017, Figure 5, arXiv:1610.02357',
    encoderCut: { node: 'block14', label: 'block14' },
    notes: [
      'Keras names map to ours as blockN_xxx → blockN.xxx; the unnamed shortcut Conv2D / BatchNormalization / Add are blockN.residual, blockN.residual_bn, blockN.add; avg_pool and predictions keep their names (flatten is ours: GlobalAveragePooling2D already returns a vector).',
      'Keras numbering: entry flow block1 – block4, middle flow block5 – block12 (8 repeats), exit flow block13 (728 → 1024 with max pool and 1×1/2 shortcut) and block14 (1536, 2048).',
      'The Keras docs count 22,910,480 parameters including BatchNormalization\'s moving mean and variance (non-trainable); the calc core counts BN γ and β only, giving 22,855,952 (Keras\' trainable count). The difference, 54,528, equals params.bn.',
      'SeparableConv2D has use_bias=False (its BN follows); depth multiplier 1. The paper\'s Figure 5 omits the batch normalisation that follows every conv.',
      '\'same\' padding on stride-2 windows puts the extra pixel after (TF convention): 147 → 74 → 37 → 19 → 10.',
      'Shapes are written [C, H, W] although Keras is channels-last.',
    ],
  };
}
