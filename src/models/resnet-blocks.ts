/**
 * ResNet's building blocks, as torchvision exports `BasicBlock` and `Bottleneck` (torchvision/models/
 * resnet.py): plain LayerSpec data that the ImageNet ResNets, the CIFAR ResNets and the residual-block
 * widget all compose. Module names follow torchvision (conv1, bn1, …, downsample.0/1); `add` and the
 * per-conv ReLUs are ours, since torchvision reuses one ReLU module and adds in forward().
 */
import type { LayerSpec } from '../calc/types';

/**
 * How the shortcut meets a changed shape: `identity` (x unchanged), `projection` (the paper's option
 * B/C: 1×1 conv with the block's stride + BN, torchvision's `downsample`), or `zero-pad` (option A,
 * the CIFAR networks: x subsampled by the stride and its new channels zero).
 */
export type ShortcutKind = 'identity' | 'projection' | 'zero-pad';

export interface ResidualBlockArgs {
  /** Module path of the block ("layer2.0"); "" names the nodes bare (conv1, bn1, …) for a lone block. */
  readonly name: string;
  /** The node feeding the block ("input" for a lone block). */
  readonly input: string;
  /** torchvision's `planes`: the 3×3 width; the block outputs planes · expansion channels. */
  readonly planes: number;
  readonly stride: number;
  /** Dilation of the 3×3 (torchvision's replace_stride_with_dilation); default 1. */
  readonly dilation?: number;
  readonly shortcut: ShortcutKind;
  /** Bottleneck only: stride on the 3×3 (torchvision, "V1.5", default) or on the first 1×1 (paper, "V1"). */
  readonly strideOn?: '1x1' | '3x3';
}

/** BasicBlock outputs `planes` channels, Bottleneck 4 · planes. */
export const EXPANSION = { basic: 1, bottleneck: 4 } as const;

/** "layer2.0" + "conv1" → "layer2.0.conv1"; a lone block ("") keeps the bare name. */
function at(block: string, node: string): string {
  return block === '' ? node : `${block}.${node}`;
}

function conv3x3(name: string, out: number, stride: number, dilation: number, from?: string): LayerSpec {
  return {
    name,
    ...(from !== undefined ? { from } : {}),
    kind: 'conv',
    out,
    kernel: 3,
    ...(stride !== 1 ? { stride } : {}),
    padding: dilation,
    ...(dilation !== 1 ? { dilation } : {}),
    bias: false,
  };
}

function conv1x1(name: string, out: number, stride: number, from?: string): LayerSpec {
  return {
    name,
    kind: 'conv',
    out,
    kernel: 1,
    ...(stride !== 1 ? { stride } : {}),
    bias: false,
    ...(from !== undefined ? { from } : {}),
  };
}

/**
 * The shortcut on the block input, then out += shortcut, then ReLU. Option A has no zero-channel
 * layer in the calc core, so it is written as a 1×1 max pool with the stride (exactly x[:, ::s, ::s])
 * concatenated with itself to reach 2C channels: the same shape, receptive field, parameters (none)
 * and MACs (none) as zero padding; only the values of the padded half differ, which no count reads.
 */
function residualTail(a: ResidualBlockArgs, mainLast: string, outChannels: number): LayerSpec[] {
  const n = a.name;
  const tail: LayerSpec[] = [];
  let identity = a.input;
  if (a.shortcut === 'projection') {
    tail.push(conv1x1(at(n, 'downsample.0'), outChannels, a.stride, a.input), { name: at(n, 'downsample.1'), kind: 'bn' });
    identity = at(n, 'downsample.1');
  } else if (a.shortcut === 'zero-pad') {
    const sub = at(n, 'shortcut.sub');
    tail.push(
      { name: sub, from: a.input, kind: 'maxpool', kernel: 1, stride: a.stride },
      { name: at(n, 'shortcut.pad'), kind: 'concat', from: [sub, sub] },
    );
    identity = at(n, 'shortcut.pad');
  }
  tail.push({ name: at(n, 'add'), kind: 'add', from: [mainLast, identity] }, { name: at(n, 'relu'), kind: 'act', fn: 'relu' });
  return tail;
}

/** torchvision's BasicBlock: 3×3 (with the stride) → BN → ReLU → 3×3 → BN, + shortcut, ReLU. */
export function basicBlock(a: ResidualBlockArgs): LayerSpec[] {
  const n = a.name;
  return [
    conv3x3(at(n, 'conv1'), a.planes, a.stride, 1, a.input),
    { name: at(n, 'bn1'), kind: 'bn' },
    { name: at(n, 'relu1'), kind: 'act', fn: 'relu' },
    conv3x3(at(n, 'conv2'), a.planes, 1, 1),
    { name: at(n, 'bn2'), kind: 'bn' },
    ...residualTail(a, at(n, 'bn2'), a.planes),
  ];
}

/** torchvision's Bottleneck (base_width 64, groups 1): 1×1 → 3×3 → 1×1 to 4 · planes, + shortcut, ReLU. */
export function bottleneck(a: ResidualBlockArgs): LayerSpec[] {
  const n = a.name;
  const width = a.planes;
  const strideOn = a.strideOn ?? '3x3';
  const s1 = strideOn === '1x1' ? a.stride : 1;
  const s3 = strideOn === '3x3' ? a.stride : 1;
  return [
    conv1x1(at(n, 'conv1'), width, s1, a.input),
    { name: at(n, 'bn1'), kind: 'bn' },
    { name: at(n, 'relu1'), kind: 'act', fn: 'relu' },
    conv3x3(at(n, 'conv2'), width, s3, a.dilation ?? 1),
    { name: at(n, 'bn2'), kind: 'bn' },
    { name: at(n, 'relu2'), kind: 'act', fn: 'relu' },
    conv1x1(at(n, 'conv3'), width * EXPANSION.bottleneck, 1),
    { name: at(n, 'bn3'), kind: 'bn' },
    ...residualTail(a, at(n, 'bn3'), width * EXPANSION.bottleneck),
  ];
}
