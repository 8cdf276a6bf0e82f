/**
 * ResNet (He, Zhang, Ren & Sun, "Deep Residual Learning for Image Recognition", CVPR 2016,
 * arXiv:1512.03385) as torchvision builds it (torchvision/models/resnet.py): resnet18/34 with
 * BasicBlock, resnet50/101/152 with Bottleneck (expansion 4).
 *
 * Options:
 * - `strideOn`: where a Bottleneck's stride goes. '3x3' (default) is torchvision's "ResNet V1.5"
 *   (stride on conv2, the 3×3); '1x1' is the paper's original ("V1", stride on conv1). Same
 *   parameters; the first 1×1 then reads only every other pixel (a quarter of the positions), so
 *   fewer MACs, and the 3×3 works after the stride, so a larger receptive field.
 * - `outputStride`: 32 (default), 16 or 8 = torchvision's replace_stride_with_dilation
 *   [F, F, T] / [F, T, T] (DeepLab's "atrous" backbone). Only for Bottleneck, as torchvision.
 */
import { CalcError } from '../calc/errors';
import type { LayerSpec, Network } from '../calc/types';
import type { NetworkOptions } from './options';
import { basicBlock, bottleneck, type ResidualBlockArgs } from './resnet-blocks';

export { basicBlock, bottleneck, EXPANSION, type ResidualBlockArgs, type ShortcutKind } from './resnet-blocks';

export type ResNetDepth = 18 | 34 | 50 | 101 | 152;

export type ResNetOptions = Pick<NetworkOptions, 'strideOn' | 'outputStride'>;

export type ResNetBlockKind = 'basic' | 'bottleneck';

/** One column of the paper's Table 1. */
export interface ResNetDepthSpec {
  readonly depth: ResNetDepth;
  readonly block: ResNetBlockKind;
  /** Output channels of a block = planes · expansion. */
  readonly expansion: 1 | 4;
  /** Blocks per stage conv2_x … conv5_x (torchvision's layers=[…]). */
  readonly repeats: readonly [number, number, number, number];
  /** Table 1's last row, "FLOPs" (×10⁹; multiply-adds), as printed. */
  readonly paperFlopsG: number;
}

/** One row of the paper's Table 1 (a stage). */
export interface ResNetStageRow {
  /** Paper's layer name: "conv2_x". */
  readonly paperName: string;
  /** torchvision's module: "layer1". */
  readonly torchvisionName: string;
  /** Output size (H = W) at 224×224 input. */
  readonly outputSize: number;
  /** torchvision's `planes` (the 3×3 width; BasicBlock's width). */
  readonly planes: number;
}

/** A conv inside a block as Table 1 prints it: "[1×1, 64]". */
export interface ResNetBlockConv {
  readonly kernel: 1 | 3;
  readonly out: number;
}

export const resnetStages: readonly ResNetStageRow[] = [
  { paperName: 'conv2_x', torchvisionName: 'layer1', outputSize: 56, planes: 64 },
  { paperName: 'conv3_x', torchvisionName: 'layer2', outputSize: 28, planes: 128 },
  { paperName: 'conv4_x', torchvisionName: 'layer3', outputSize: 14, planes: 256 },
  { paperName: 'conv5_x', torchvisionName: 'layer4', outputSize: 7, planes: 512 },
];

export const resnetDepths: readonly ResNetDepthSpec[] = [
  { depth: 18, block: 'basic', expansion: 1, repeats: [2, 2, 2, 2], paperFlopsG: 1.8 },
  { depth: 34, block: 'basic', expansion: 1, repeats: [3, 4, 6, 3], paperFlopsG: 3.6 },
  { depth: 50, block: 'bottleneck', expansion: 4, repeats: [3, 4, 6, 3], paperFlopsG: 3.8 },
  { depth: 101, block: 'bottleneck', expansion: 4, repeats: [3, 4, 23, 3], paperFlopsG: 7.6 },
  { depth: 152, block: 'bottleneck', expansion: 4, repeats: [3, 8, 36, 3], paperFlopsG: 11.3 },
];

/** The convs of one block, as Table 1 prints them in brackets. */
export function resnetBlockConvs(block: ResNetBlockKind, planes: number): readonly ResNetBlockConv[] {
  return block === 'basic'
    ? [
        { kernel: 3, out: planes },
        { kernel: 3, out: planes },
      ]
    : [
        { kernel: 1, out: planes },
        { kernel: 3, out: planes },
        { kernel: 1, out: planes * 4 },
      ];
}

/**
 * The paper's Table 1 ("Architectures for ImageNet") as data: the stem row (conv1 7×7, 64, stride 2
 * → 112×112; 3×3 max pool, stride 2 at the head of conv2_x), the four stage rows × five depths, and
 * the FLOPs row. `cells[stage][depth]` = the bracketed block and its repeat count.
 */
export const resnetTable1 = {
  stem: { paperName: 'conv1', outputSize: 112, kernel: 7, out: 64, stride: 2, maxpool: { kernel: 3, stride: 2 } },
  stages: resnetStages,
  depths: resnetDepths,
  cells: resnetStages.map((stage, i) =>
    resnetDepths.map((d) => ({
      depth: d.depth,
      convs: resnetBlockConvs(d.block, stage.planes),
      repeat: d.repeats[i] as number,
    })),
  ),
  head: { outputSize: 1, description: 'average pool, 1000-d fc, softmax' },
} as const;

export function resnetDepthSpec(depth: ResNetDepth): ResNetDepthSpec {
  const spec = resnetDepths.find((d) => d.depth === depth);
  if (spec === undefined) throw new CalcError('unknown-network', `resnet${depth}`, `no ResNet of depth ${depth}`);
  return spec;
}

/** torchvision's replace_stride_with_dilation for layer2, layer3, layer4. */
function replaceStrideWithDilation(id: string, outputStride: unknown): readonly [boolean, boolean, boolean] {
  switch (outputStride) {
    case undefined:
    case 32:
      return [false, false, false];
    case 16:
      return [false, false, true];
    case 8:
      return [false, true, true];
    default:
      throw new CalcError('bad-option', id, `outputStride must be 8, 16 or 32, not ${String(outputStride)}`, 'outputStride');
  }
}

/** A ResNet of any stage depths: Table 1's stem, four stages and head, with `repeats[i]` blocks in stage i. */
export interface ResNetCustomSpec {
  readonly block: ResNetBlockKind;
  /** Blocks per stage conv2_x … conv5_x: whole numbers 1…100. */
  readonly repeats: readonly [number, number, number, number];
}

/** Weight layers of a ResNet as the paper counts depth: conv1 + convs on the main path + fc. */
export function resnetWeightLayers(spec: ResNetCustomSpec): number {
  const perBlock = spec.block === 'basic' ? 2 : 3;
  return 2 + perBlock * spec.repeats.reduce((s, n) => s + n, 0);
}

/**
 * Same builder as `resnet(depth)` with the block kind and blocks per stage chosen freely (for
 * the ResNet chapter's builder). `resnetCustom({ block: 'bottleneck', repeats: [3, 4, 6, 3] })`
 * has the layers of `resnet(50)`; only the id and title differ.
 */
export function resnetCustom(spec: ResNetCustomSpec, options: ResNetOptions = {}): Network {
  const id = 'resnet_custom';
  if (spec.block !== 'basic' && spec.block !== 'bottleneck') {
    throw new CalcError('bad-option', id, `block must be 'basic' or 'bottleneck', not ${String(spec.block)}`, 'block');
  }
  const repeats = spec.repeats as readonly unknown[];
  if (!Array.isArray(repeats) || repeats.length !== 4) {
    throw new CalcError('bad-option', id, 'repeats must list the blocks of the four stages conv2_x … conv5_x', 'repeats');
  }
  repeats.forEach((n, i) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100) {
      throw new CalcError('bad-option', id, `conv${i + 2}_x must have 1 to 100 blocks, not ${String(n)}`, 'repeats');
    }
  });
  const depth = resnetWeightLayers(spec);
  const stages = { block: spec.block, expansion: spec.block === 'basic' ? 1 : 4, repeats: spec.repeats } as const;
  return buildResNet(stages, id, `ResNet-${depth} (custom, blocks ${spec.repeats.join('-')}`, options);
}

export function resnet(depth: ResNetDepth, options: ResNetOptions = {}): Network {
  return buildResNet(resnetDepthSpec(depth), `resnet${depth}`, `ResNet-${depth} (torchvision`, options);
}

type StageSpec = Pick<ResNetDepthSpec, 'block' | 'expansion' | 'repeats'>;

/** `titleHead` is the title up to its open parenthesis: "ResNet-50 (torchvision". */
function buildResNet(spec: StageSpec, id: string, titleHead: string, options: ResNetOptions): Network {
  const strideOn = options.strideOn ?? '3x3';
  if (strideOn !== '3x3' && strideOn !== '1x1') {
    throw new CalcError('bad-option', id, `strideOn must be '1x1' or '3x3', not ${String(strideOn)}`, 'strideOn');
  }
  const dilate = replaceStrideWithDilation(id, options.outputStride);
  if (spec.block === 'basic') {
    if (strideOn === '1x1') {
      throw new CalcError('bad-option', id, `strideOn '1x1' needs Bottleneck blocks; ${id}'s BasicBlock has no 1×1 conv`, 'strideOn');
    }
    if (dilate.some((d) => d)) {
      // torchvision: BasicBlock raises NotImplementedError("Dilation > 1 not supported in BasicBlock").
      throw new CalcError(
        'bad-option',
        id,
        `outputStride ${String(options.outputStride)} needs dilated convolutions, which torchvision does not support in BasicBlock (resnet18/34); use resnet50, 101 or 152`,
        'outputStride',
      );
    }
  }

  const layers: LayerSpec[] = [
    { name: 'conv1', kind: 'conv', out: 64, kernel: 7, stride: 2, padding: 3, bias: false },
    { name: 'bn1', kind: 'bn' },
    { name: 'relu', kind: 'act', fn: 'relu' },
    { name: 'maxpool', kind: 'maxpool', kernel: 3, stride: 2, padding: 1 },
  ];
  let prev = 'maxpool';
  let inplanes = 64;
  let dilation = 1;
  const expansion = spec.expansion;
  resnetStages.forEach((stage, i) => {
    // torchvision's _make_layer: the first block gets the *previous* dilation, the rest the new one.
    let stride = i === 0 ? 1 : 2;
    const previousDilation = dilation;
    if (i > 0 && dilate[i - 1]) {
      dilation *= stride;
      stride = 1;
    }
    const downsample = stride !== 1 || inplanes !== stage.planes * expansion;
    const repeats = spec.repeats[i] as number;
    for (let b = 0; b < repeats; b++) {
      const args: ResidualBlockArgs = {
        name: `${stage.torchvisionName}.${b}`,
        input: prev,
        planes: stage.planes,
        stride: b === 0 ? stride : 1,
        dilation: b === 0 ? previousDilation : dilation,
        shortcut: b === 0 && downsample ? 'projection' : 'identity',
        strideOn,
      };
      const block = spec.block === 'basic' ? basicBlock(args) : bottleneck(args);
      layers.push(...block);
      prev = `${args.name}.relu`;
    }
    inplanes = stage.planes * expansion;
    layers.push({ name: stage.torchvisionName, kind: 'block' });
    prev = stage.torchvisionName;
  });
  layers.push(
    { name: 'avgpool', kind: 'adaptiveavgpool', output: 1 },
    { name: 'flatten', kind: 'flatten' },
    // fc: 512·expansion features (inferred from the incoming shape) → 1000 classes.
    { name: 'fc', kind: 'linear', out: 1000 },
  );

  const os = options.outputStride ?? 32;
  const variant = [
    spec.block === 'bottleneck' ? (strideOn === '3x3' ? 'V1.5' : 'V1, stride on 1×1') : '',
    os !== 32 ? `output stride ${os}` : '',
  ].filter((s) => s !== '');
  return {
    id,
    title: `${titleHead}${variant.length > 0 ? `, ${variant.join(', ')}` : ''})`,
    input: [3, 224, 224],
    layers,
    source: 'https://github.com/pytorch/vision/blob/main/torchvision/models/resnet.py; He et al. 2016, Table 1, arXiv:1512.03385',
    encoderCut: { node: 'layer4', label: 'layer4' },
    notes: [
      'Convolutions have no bias; every conv is followed by BatchNorm2d (γ, β counted; running statistics are buffers).',
      spec.block === 'bottleneck'
        ? strideOn === '3x3'
          ? 'Bottleneck stride on the 3×3 conv (conv2): torchvision\'s "ResNet V1.5". The paper (and Caffe\'s original models) put it on the first 1×1 (strideOn: \'1x1\'); parameters are identical, MACs and receptive field differ.'
          : 'Bottleneck stride on the first 1×1 conv (conv1), as in the paper ("V1"); torchvision\'s default puts it on the 3×3 ("V1.5").'
        : 'BasicBlock: two 3×3 convs; the first one carries the stride.',
      'Shortcuts are identity, or (projection, the paper\'s option B) conv1×1 with the block\'s stride + BN when the stride or the channel count changes.',
      'torchvision\'s single `relu` module per block is split into relu1, relu2 and the final `relu` after `add` (out += identity) so every node has its own name; flatten is torch.flatten.',
      os === 32
        ? 'outputStride 16 / 8 (torchvision replace_stride_with_dilation) is available for Bottleneck ResNets only.'
        : `outputStride ${os}: replace_stride_with_dilation = [${dilate.map((d) => (d ? 'True' : 'False')).join(', ')}]; a dilated stage has stride 1, its first block keeps the previous dilation and the later blocks use the new one (padding = dilation), as torchvision's _make_layer. The 1×1 downsample keeps stride 1 but still projects the channels.`,
    ],
  };
}

export const resnet18 = (options: ResNetOptions = {}): Network => resnet(18, options);
export const resnet34 = (options: ResNetOptions = {}): Network => resnet(34, options);
export const resnet50 = (options: ResNetOptions = {}): Network => resnet(50, options);
export const resnet101 = (options: ResNetOptions = {}): Network => resnet(101, options);
export const resnet152 = (options: ResNetOptions = {}): Network => resnet(152, options);
