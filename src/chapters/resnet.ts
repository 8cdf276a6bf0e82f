/**
 * The figures the ResNet chapter quotes, computed once for both languages (content/resnet.mdx and
 * content/zh-cn/resnet.mdx). Numbers, analyses and small functions only: prose stays in the MDX.
 */
import { analyse, convParams, type Analysis, type LayerRow, type ReceptiveField } from '../calc/index';
import { foldBatchNorm } from '../calc/bn-fold';
import { analysisOf } from '../models/analysis';
import { resnetDepths } from '../models/resnet';
import { cifarDepth, cifarResNet } from '../models/resnet-cifar';
import { strideShift } from '../models/resnet-stride';
import type { ActivationName } from '../sim/activations';
import { propagate, type InitName, type Shortcut, type SignalDetail } from '../sim/signal';
import { percent, rowOf, sumRows } from './facts';
import { computeBlock, resBlock } from '../../components/widgets/ResBlock/index';

export const r18 = analysisOf('resnet18');
export const r34 = analysisOf('resnet34');
export const r50 = analysisOf('resnet50');
/** ResNet-50 as the paper built it (V1: stride on the first 1×1). */
export const r50v1 = analysisOf('resnet50', { strideOn: '1x1' });

/** Weights of a bias-free k×k convolution from cin to out channels. */
export const w = (cin: number, out: number, k: number): number => convParams({ inChannels: cin, out, kernel: k, bias: false }).weights;
/** One 3×3 convolution at 256 channels. */
export const plain256 = w(256, 256, 3);
/** The bottleneck's three convolutions at 256 channels: 1×1 reduce to 64, 3×3 at 64, 1×1 expand. */
export const bottle256 = w(256, 64, 1) + w(64, 64, 3) + w(64, 256, 1);
/** A basic block (two 3×3) at 64 and at 256 channels. */
export const basic64 = 2 * w(64, 64, 3);
export const basic256 = 2 * w(256, 256, 3);

export const convCount = (a: Analysis): number => a.rows.filter((r) => r.kind === 'conv').length;
/** Projection shortcuts: torchvision's `downsample` convolutions. */
export const projections = (a: Analysis): number => a.rows.filter((r) => r.kind === 'conv' && r.name.includes('.downsample.')).length;
export const shortcutParams = (a: Analysis): number => sumRows(a, (r) => r.name.includes('.downsample.')).params;
/** The first convolution of every block. */
export const blockInputs = (a: Analysis): LayerRow[] => a.rows.filter((r) => /^layer\d\.\d+\.conv1$/.test(r.name));

/** Parameters option C adds: a 1×1 projection + BN on every block whose shortcut is the identity. */
export function optionCExtra(a: Analysis): number {
  let extra = 0;
  for (const first of blockInputs(a)) {
    const projected = a.rows.some((x) => x.name === first.name.replace('conv1', 'downsample.0'));
    if (projected) continue;
    const out = rowOf(a, first.name.replace(/conv1$/, 'add')).output[0] as number;
    extra += w(first.input[0] as number, out, 1) + 2 * out;
  }
  return extra;
}

/** Batch norm's share of ResNet-50's parameters, "1.23%". */
export const bnShare = percent(r50.params.bn, r50.params.total, 2);
export const bottleneckNets = resnetDepths.filter((d) => d.block === 'bottleneck');
/** The paper's V1 (stride on the first 1×1) and torchvision's V1.5 (stride on the 3×3) of a depth. */
export const v1Of = (depth: number): Analysis => analysisOf(`resnet${depth}`, { strideOn: '1x1' });
export const v15Of = (depth: number): Analysis => analysisOf(`resnet${depth}`);
/** Receptive field of one `layer4` unit. */
export function rf4(a: Analysis): ReceptiveField {
  const field = rowOf(a, 'layer4').receptiveField;
  if (field === null) throw new Error(`${a.network}: layer4 has no receptive field`);
  return field;
}
/** Shape of `layer4`'s output, "2048×7×7". */
export const layer4Shape = (a: Analysis): string => rowOf(a, 'layer4').output.join('×');
/** MACs in G with two decimals, for the V1/V1.5 table. */
export const g = (macs: number): string => (macs / 1e9).toFixed(2);

/** The CIFAR-10 ResNets of §4.2 with n = 3, 9, 18, 200 blocks per stage (20, 56, 110, 1202 layers). */
export const cifar = [3, 9, 18, 200].map((n) => ({ n, depth: cifarDepth(n), a: analyse(cifarResNet(n)) }));
/** Test errors (%) as printed in the paper's Table 6, by depth. */
export const paperCifar: Readonly<Record<number, string>> = { 20: '8.75', 56: '6.97', 110: '6.43', 1202: '7.93' };
export const cifar1202 = cifar[3] as (typeof cifar)[number];

/** Signal propagation at initialisation through 50 fully connected layers (seed 1). */
export const sp = (shortcut: Shortcut, activation: ActivationName, init: InitName, bn = false): SignalDetail =>
  propagate({ depth: 50, shortcut, activation, init, bn, seed: 1 });
export const spPlainSig = sp('plain', 'sigmoid', 'xavier');
export const spResSig = sp('residual', 'sigmoid', 'xavier');
/** ReLU with AlexNet's N(0, 0.01²) weights. */
export const spPlainSmall = sp('plain', 'relu', 'small');
export const spResSmall = sp('residual', 'relu', 'small');
/** Layers (of 50) whose input still gets at least 10⁻³ of the top gradient. */
export const alive = (r: SignalDetail): number => r.gradNorm.slice(0, 50).filter((norm) => norm >= 1e-3).length;

/** The residual-block cell's default block: ResNet-50's layer2.0. */
export const defaultBlock = computeBlock('bottleneck', resBlock.defaults);
/** ResNet-50's layer1.1: bottleneck 256 → 64 → 256 with an identity shortcut. */
export const blockAt256 = computeBlock('bottleneck', { ...resBlock.defaults, cin: 256, planes: 64, stride: '1', size: 56, shortcut: 'auto' });
/** The wrong answer that adds a 1×1 projection (256 → 256) and its BN to that block. */
export const blockAt256Projected = blockAt256.analysis.params.total + w(256, 256, 1) + 2 * 256;
/** A basic block at 256 channels, for comparison with blockAt256. */
export const basicAt256 = computeBlock('basic', { ...resBlock.defaults, kind: 'basic', cin: 256, planes: 256, stride: '1', size: 56, shortcut: 'auto' });
export const shift50 = strideShift(50);
export const fold50 = foldBatchNorm(r50);

/** ResNet-101 as DeepLab dilates it (output stride 16) against the plain one. */
export const r101 = analysisOf('resnet101');
export const r101os16 = analysisOf('resnet101', { outputStride: 16 });
