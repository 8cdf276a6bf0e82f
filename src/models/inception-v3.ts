/**
 * Inception v3 (Szegedy et al., "Rethinking the Inception Architecture for Computer Vision",
 * CVPR 2016, arXiv:1512.00567) as torchvision's Inception3 builds it (torchvision/models/inception.py),
 * at 299×299. Node names follow torchvision's module paths (`Mixed_5b.branch5x5_1.conv`).
 *
 * Published figures (torchvision model page, Inception_V3_Weights.IMAGENET1K_V1): 27,161,264 params,
 * 5.713 GFLOPS. The params include the AuxLogits head (the pretrained builder keeps it); the GFLOPS
 * do not: they are counted in eval mode, where forward() skips AuxLogits. Its block is marked
 * `trainingOnly`, so analyse() gives macs = 5,713,216,096 and auxMacs = 5,683,200 (5.719 G together).
 */
import type { LayerSpec, Network, Pair } from '../calc/types';
import { basicConv2d, lastName } from './blocks';
import type { NetworkOptions } from './options';

/** `aux`: keep the auxiliary classifier after Mixed_6e. Default true (torchvision's pretrained model has it). */
export type InceptionV3Options = Pick<NetworkOptions, 'aux'>;

const conv = (name: string, out: number, kernel: number | Pair, padding: number | Pair = 0, stride = 1, from?: string) =>
  basicConv2d(name, out, kernel, {
    ...(padding !== 0 ? { padding } : {}),
    ...(stride !== 1 ? { stride } : {}),
    ...(from !== undefined ? { from } : {}),
  });

/** Concatenate the branches, then the block checkpoint. */
function finish(n: string, branches: readonly string[]): LayerSpec[] {
  return [
    { name: `${n}.concat`, kind: 'concat', from: branches },
    { name: n, kind: 'block' },
  ];
}

/** InceptionA (35×35): 1×1 64 | 1×1 48 → 5×5 64 | 1×1 64 → 3×3 96 → 3×3 96 | avg pool 3/1 → 1×1 pool_features. */
function inceptionA(n: string, x: string, poolFeatures: number): LayerSpec[] {
  const b1 = conv(`${n}.branch1x1`, 64, 1, 0, 1, x);
  const b5 = [...conv(`${n}.branch5x5_1`, 48, 1, 0, 1, x), ...conv(`${n}.branch5x5_2`, 64, 5, 2)];
  const b3 = [
    ...conv(`${n}.branch3x3dbl_1`, 64, 1, 0, 1, x),
    ...conv(`${n}.branch3x3dbl_2`, 96, 3, 1),
    ...conv(`${n}.branch3x3dbl_3`, 96, 3, 1),
  ];
  const bp: LayerSpec[] = [
    { name: `${n}.pool`, kind: 'avgpool', kernel: 3, stride: 1, padding: 1, from: x },
    ...conv(`${n}.branch_pool`, poolFeatures, 1),
  ];
  return [...b1, ...b5, ...b3, ...bp, ...finish(n, [lastName(b1), lastName(b5), lastName(b3), lastName(bp)])];
}

/** InceptionB (35 → 17): 3×3/2 384 | 1×1 64 → 3×3 96 → 3×3/2 96 | max pool 3/2. */
function inceptionB(n: string, x: string): LayerSpec[] {
  const b3 = conv(`${n}.branch3x3`, 384, 3, 0, 2, x);
  const bd = [
    ...conv(`${n}.branch3x3dbl_1`, 64, 1, 0, 1, x),
    ...conv(`${n}.branch3x3dbl_2`, 96, 3, 1),
    ...conv(`${n}.branch3x3dbl_3`, 96, 3, 0, 2),
  ];
  const bp: LayerSpec[] = [{ name: `${n}.branch_pool`, kind: 'maxpool', kernel: 3, stride: 2, from: x }];
  return [...b3, ...bd, ...bp, ...finish(n, [lastName(b3), lastName(bd), lastName(bp)])];
}

/** InceptionC (17×17, factorised 7×7): 1×1 192 | 1×1 c7 → 1×7 → 7×1 192 | 1×1 c7 → 7×1 → 1×7 → 7×1 → 1×7 192 | avg pool → 1×1 192. */
function inceptionC(n: string, x: string, c7: number): LayerSpec[] {
  const b1 = conv(`${n}.branch1x1`, 192, 1, 0, 1, x);
  const b7 = [
    ...conv(`${n}.branch7x7_1`, c7, 1, 0, 1, x),
    ...conv(`${n}.branch7x7_2`, c7, [1, 7], [0, 3]),
    ...conv(`${n}.branch7x7_3`, 192, [7, 1], [3, 0]),
  ];
  const bd = [
    ...conv(`${n}.branch7x7dbl_1`, c7, 1, 0, 1, x),
    ...conv(`${n}.branch7x7dbl_2`, c7, [7, 1], [3, 0]),
    ...conv(`${n}.branch7x7dbl_3`, c7, [1, 7], [0, 3]),
    ...conv(`${n}.branch7x7dbl_4`, c7, [7, 1], [3, 0]),
    ...conv(`${n}.branch7x7dbl_5`, 192, [1, 7], [0, 3]),
  ];
  const bp: LayerSpec[] = [
    { name: `${n}.pool`, kind: 'avgpool', kernel: 3, stride: 1, padding: 1, from: x },
    ...conv(`${n}.branch_pool`, 192, 1),
  ];
  return [...b1, ...b7, ...bd, ...bp, ...finish(n, [lastName(b1), lastName(b7), lastName(bd), lastName(bp)])];
}

/** InceptionD (17 → 8): 1×1 192 → 3×3/2 320 | 1×1 192 → 1×7 → 7×1 → 3×3/2 192 | max pool 3/2. */
function inceptionD(n: string, x: string): LayerSpec[] {
  const b3 = [...conv(`${n}.branch3x3_1`, 192, 1, 0, 1, x), ...conv(`${n}.branch3x3_2`, 320, 3, 0, 2)];
  const b7 = [
    ...conv(`${n}.branch7x7x3_1`, 192, 1, 0, 1, x),
    ...conv(`${n}.branch7x7x3_2`, 192, [1, 7], [0, 3]),
    ...conv(`${n}.branch7x7x3_3`, 192, [7, 1], [3, 0]),
    ...conv(`${n}.branch7x7x3_4`, 192, 3, 0, 2),
  ];
  const bp: LayerSpec[] = [{ name: `${n}.branch_pool`, kind: 'maxpool', kernel: 3, stride: 2, from: x }];
  return [...b3, ...b7, ...bp, ...finish(n, [lastName(b3), lastName(b7), lastName(bp)])];
}

/**
 * InceptionE (8×8, expanded filter bank): 1×1 320 | 1×1 384 → [1×3 384, 3×1 384] | 1×1 448 → 3×3 384
 * → [1×3 384, 3×1 384] | avg pool → 1×1 192. The inner torch.cat nodes are `branch3x3_cat`, `branch3x3dbl_cat`.
 */
function inceptionE(n: string, x: string): LayerSpec[] {
  const b1 = conv(`${n}.branch1x1`, 320, 1, 0, 1, x);
  const b3: LayerSpec[] = [
    ...conv(`${n}.branch3x3_1`, 384, 1, 0, 1, x),
    ...conv(`${n}.branch3x3_2a`, 384, [1, 3], [0, 1]),
    ...conv(`${n}.branch3x3_2b`, 384, [3, 1], [1, 0], 1, `${n}.branch3x3_1.relu`),
    { name: `${n}.branch3x3_cat`, kind: 'concat', from: [`${n}.branch3x3_2a.relu`, `${n}.branch3x3_2b.relu`] },
  ];
  const bd: LayerSpec[] = [
    ...conv(`${n}.branch3x3dbl_1`, 448, 1, 0, 1, x),
    ...conv(`${n}.branch3x3dbl_2`, 384, 3, 1),
    ...conv(`${n}.branch3x3dbl_3a`, 384, [1, 3], [0, 1]),
    ...conv(`${n}.branch3x3dbl_3b`, 384, [3, 1], [1, 0], 1, `${n}.branch3x3dbl_2.relu`),
    {
      name: `${n}.branch3x3dbl_cat`,
      kind: 'concat',
      from: [`${n}.branch3x3dbl_3a.relu`, `${n}.branch3x3dbl_3b.relu`],
    },
  ];
  const bp: LayerSpec[] = [
    { name: `${n}.pool`, kind: 'avgpool', kernel: 3, stride: 1, padding: 1, from: x },
    ...conv(`${n}.branch_pool`, 192, 1),
  ];
  return [...b1, ...b3, ...bd, ...bp, ...finish(n, [lastName(b1), lastName(b3), lastName(bd), lastName(bp)])];
}

/** InceptionAux on Mixed_6e: avg pool 5/3 (17 → 5), 1×1 128, 5×5 768 (5 → 1), adaptive avg pool 1, fc 768 → 1000. */
function inceptionAux(n: string, x: string): LayerSpec[] {
  return [
    { name: `${n}.avgpool`, kind: 'avgpool', kernel: 5, stride: 3, from: x },
    ...conv(`${n}.conv0`, 128, 1),
    ...conv(`${n}.conv1`, 768, 5),
    { name: `${n}.adaptive_avgpool`, kind: 'adaptiveavgpool', output: 1 },
    { name: `${n}.flatten`, kind: 'flatten' },
    { name: `${n}.fc`, kind: 'linear', out: 1000 },
    { name: n, kind: 'block', trainingOnly: true },
  ];
}

export function inceptionV3(options: InceptionV3Options = {}): Network {
  const aux = options.aux ?? true;
  const layers: LayerSpec[] = [];
  const stem = (name: string, out: number, kernel: number, padding = 0, stride = 1) =>
    layers.push(...conv(name, out, kernel, padding, stride), { name, kind: 'block' });
  stem('Conv2d_1a_3x3', 32, 3, 0, 2);
  stem('Conv2d_2a_3x3', 32, 3);
  stem('Conv2d_2b_3x3', 64, 3, 1);
  layers.push({ name: 'maxpool1', kind: 'maxpool', kernel: 3, stride: 2 });
  stem('Conv2d_3b_1x1', 80, 1);
  stem('Conv2d_4a_3x3', 192, 3);
  layers.push({ name: 'maxpool2', kind: 'maxpool', kernel: 3, stride: 2 });
  layers.push(...inceptionA('Mixed_5b', 'maxpool2', 32));
  layers.push(...inceptionA('Mixed_5c', 'Mixed_5b', 64));
  layers.push(...inceptionA('Mixed_5d', 'Mixed_5c', 64));
  layers.push(...inceptionB('Mixed_6a', 'Mixed_5d'));
  layers.push(...inceptionC('Mixed_6b', 'Mixed_6a', 128));
  layers.push(...inceptionC('Mixed_6c', 'Mixed_6b', 160));
  layers.push(...inceptionC('Mixed_6d', 'Mixed_6c', 160));
  layers.push(...inceptionC('Mixed_6e', 'Mixed_6d', 192));
  if (aux) layers.push(...inceptionAux('AuxLogits', 'Mixed_6e'));
  layers.push(...inceptionD('Mixed_7a', 'Mixed_6e'));
  layers.push(...inceptionE('Mixed_7b', 'Mixed_7a'));
  layers.push(...inceptionE('Mixed_7c', 'Mixed_7b'));
  layers.push(
    { name: 'avgpool', kind: 'adaptiveavgpool', output: 1 },
    { name: 'dropout', kind: 'dropout', p: 0.5 },
    { name: 'flatten', kind: 'flatten' },
    { name: 'fc', kind: 'linear', out: 1000 },
  );
  return {
    id: 'inception_v3',
    title: aux ? 'Inception v3 (torchvision)' : 'Inception v3 (torchvision, without AuxLogits)',
    input: [3, 299, 299],
    layers,
    source: 'https://github.com/pytorch/vision/blob/main/torchvision/models/inception.py',
    encoderCut: { node: 'Mixed_7c', label: 'Mixed_7c' },
    notes: [
      'Every convolution is BasicConv2d: Conv2d(bias=False) + BatchNorm2d(eps=0.001) + ReLU.',
      'AuxLogits (after Mixed_6e) is kept by default, as in the pretrained builder: torchvision\'s 27,161,264 params include it. It runs only in training mode, so its MACs are not part of the published 5.713 GFLOPS (eval mode): they are reported apart as auxMacs (5.719 G with them).',
      'AuxLogits as torchvision builds it: avg pool 5/3, BasicConv2d 1×1 128, BasicConv2d 5×5 768, adaptive avg pool 1, fc 768→1000 (no dropout; the paper\'s "BN-auxiliary" also batch-normalises the fc, torchvision does not).',
      'Functional ops get our own names: F.avg_pool2d before branch_pool → `.pool`; F.max_pool2d in InceptionB/D → `.branch_pool`; torch.cat → `.concat`, `.branch3x3_cat`, `.branch3x3dbl_cat`; F.relu → `.relu`; AuxLogits\' pools → `.avgpool`, `.adaptive_avgpool`.',
      'Average pools in the branches count zero padding (PyTorch count_include_pad=True); this does not change any count.',
      'transform_input has no parameters and is not modelled. The Conv2d_* block rows group each stem BasicConv2d.',
    ],
  };
}
