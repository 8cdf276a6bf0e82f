/**
 * VGG (Simonyan & Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition",
 * ICLR 2015) as torchvision builds it: https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py
 */
import { analyse, type EncoderCut, type LayerSpec, type Network } from '../calc/index';

export const VGG_SOURCE = 'https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py';
export const VGG_PAPER = 'https://arxiv.org/abs/1409.1556';

/** torchvision's `cfgs`: output channels of each 3×3 conv, "M" for a 2×2/2 max pool. */
export const vggCfgs = {
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  B: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
} as const satisfies Record<string, readonly (number | 'M')[]>;

export type VggCfgName = keyof typeof vggCfgs;

/** One entry of the paper's Table 1: "conv3-64", "conv1-256", "LRN" or "maxpool". */
export type VggPaperLayer = { readonly conv: 1 | 3; readonly out: number } | 'LRN' | 'maxpool';

function conv3(...outs: readonly number[]): VggPaperLayer[] {
  return outs.map((out) => ({ conv: 3, out }));
}

/** The paper's Table 1 columns (the convolutional part; every column ends in FC-4096, FC-4096, FC-1000). */
export const vggPaperColumns: Readonly<Record<'A' | 'A-LRN' | 'B' | 'C' | 'D' | 'E', readonly VggPaperLayer[]>> = {
  A: [...conv3(64), 'maxpool', ...conv3(128), 'maxpool', ...conv3(256, 256), 'maxpool', ...conv3(512, 512), 'maxpool', ...conv3(512, 512), 'maxpool'],
  'A-LRN': [...conv3(64), 'LRN', 'maxpool', ...conv3(128), 'maxpool', ...conv3(256, 256), 'maxpool', ...conv3(512, 512), 'maxpool', ...conv3(512, 512), 'maxpool'],
  B: [...conv3(64, 64), 'maxpool', ...conv3(128, 128), 'maxpool', ...conv3(256, 256), 'maxpool', ...conv3(512, 512), 'maxpool', ...conv3(512, 512), 'maxpool'],
  C: [
    ...conv3(64, 64), 'maxpool', ...conv3(128, 128), 'maxpool',
    ...conv3(256, 256), { conv: 1, out: 256 }, 'maxpool',
    ...conv3(512, 512), { conv: 1, out: 512 }, 'maxpool',
    ...conv3(512, 512), { conv: 1, out: 512 }, 'maxpool',
  ],
  D: [...conv3(64, 64), 'maxpool', ...conv3(128, 128), 'maxpool', ...conv3(256, 256, 256), 'maxpool', ...conv3(512, 512, 512), 'maxpool', ...conv3(512, 512, 512), 'maxpool'],
  E: [
    ...conv3(64, 64), 'maxpool', ...conv3(128, 128), 'maxpool', ...conv3(256, 256, 256, 256), 'maxpool',
    ...conv3(512, 512, 512, 512), 'maxpool', ...conv3(512, 512, 512, 512), 'maxpool',
  ],
};

export type VggColumn = keyof typeof vggPaperColumns;

/** "conv3-64" as printed in the paper's Table 1. */
export function vggLayerLabel(l: VggPaperLayer): string {
  return typeof l === 'string' ? l : `conv${l.conv}-${l.out}`;
}

/** torchvision's classifier after features: avgpool(7), flatten, FC-4096, FC-4096, FC-1000. */
function head(): LayerSpec[] {
  return [
    { name: 'avgpool', kind: 'adaptiveavgpool', output: 7 },
    { name: 'flatten', kind: 'flatten' },
    { name: 'classifier.0', label: 'fc6', kind: 'linear', out: 4096 },
    { name: 'classifier.1', kind: 'act', fn: 'relu' },
    { name: 'classifier.2', kind: 'dropout', p: 0.5 },
    { name: 'classifier.3', label: 'fc7', kind: 'linear', out: 4096 },
    { name: 'classifier.4', kind: 'act', fn: 'relu' },
    { name: 'classifier.5', kind: 'dropout', p: 0.5 },
    { name: 'classifier.6', label: 'fc8', kind: 'linear', out: 1000 },
  ];
}

/**
 * torchvision's make_layers: each conv is conv3×3 pad 1 (+ BN) + ReLU, each "M" a 2×2/2 max pool,
 * numbered as one nn.Sequential ("features.0", "features.1", …). Labels follow the paper
 * ("conv3_2", "pool3"), which Caffe's VGG models also use.
 */
function features(layers: readonly VggPaperLayer[], batchNorm: boolean): LayerSpec[] {
  const out: LayerSpec[] = [];
  const next = (): string => `features.${out.length}`;
  let stage = 1;
  let inStage = 0;
  for (const l of layers) {
    if (l === 'maxpool') {
      out.push({ name: next(), label: `pool${stage}`, kind: 'maxpool', kernel: 2, stride: 2 });
      stage += 1;
      inStage = 0;
    } else if (l === 'LRN') {
      // The paper reuses Krizhevsky et al.'s LRN settings (VGG paper, Section 2.3).
      out.push({ name: next(), kind: 'lrn', size: 5, alpha: 1e-4, beta: 0.75, k: 2 });
    } else {
      inStage += 1;
      out.push({ name: next(), label: `conv${stage}_${inStage}`, kind: 'conv', out: l.out, kernel: l.conv, padding: l.conv === 3 ? 1 : 0 });
      if (batchNorm) out.push({ name: next(), kind: 'bn' });
      out.push({ name: next(), kind: 'act', fn: 'relu' });
    }
  }
  return out;
}

function fromCfg(cfg: readonly (number | 'M')[]): VggPaperLayer[] {
  return cfg.map((c) => (c === 'M' ? 'maxpool' : { conv: 3, out: c }));
}

const DEPTH: Readonly<Record<VggCfgName, number>> = { A: 11, B: 13, D: 16, E: 19 };

/** The features end with pool5, the fifth max pool. */
function pool5Cut(convs: readonly LayerSpec[]): EncoderCut {
  const node = convs.at(-1)?.name ?? 'features';
  return { node, label: `pool5 (${node})` };
}

/** torchvision's vgg11 … vgg19 and their _bn variants at 3×224×224. */
export function vgg(cfg: VggCfgName, batchNorm = false): Network {
  const depth = DEPTH[cfg];
  const convs = features(fromCfg(vggCfgs[cfg]), batchNorm);
  return {
    id: `vgg${depth}${batchNorm ? '_bn' : ''}`,
    title: `VGG-${depth}${batchNorm ? ' with batch norm' : ''} (configuration ${cfg})`,
    input: [3, 224, 224],
    layers: [...convs, ...head()],
    source: VGG_SOURCE,
    encoderCut: pool5Cut(convs),
    notes: [
      'torchvision adds AdaptiveAvgPool2d(7) before the classifier; at 224×224 it is an identity.',
      ...(batchNorm ? ['Batch norm after every conv is torchvision\'s addition; the paper (2014) predates batch norm.'] : []),
    ],
  };
}

export const vgg11 = (): Network => vgg('A');
export const vgg11_bn = (): Network => vgg('A', true);
export const vgg13 = (): Network => vgg('B');
export const vgg13_bn = (): Network => vgg('B', true);
export const vgg16 = (): Network => vgg('D');
export const vgg16_bn = (): Network => vgg('D', true);
export const vgg19 = (): Network => vgg('E');
export const vgg19_bn = (): Network => vgg('E', true);

/** Any column of the paper's Table 1 (A-LRN and C included) as a network, for Table 2. */
export function vggPaperNetwork(column: VggColumn): Network {
  const convs = features(vggPaperColumns[column], false);
  return {
    id: `vgg_${column}`,
    title: `VGG configuration ${column} (paper, Table 1)`,
    input: [3, 224, 224],
    layers: [...convs, ...head()],
    source: VGG_PAPER,
    encoderCut: pool5Cut(convs),
    notes: ['Built from the paper\'s Table 1; the avgpool node is torchvision\'s and an identity at 224×224.'],
  };
}

export interface VggSummaryRow {
  readonly column: VggColumn;
  /** Conv plus FC layers: the "11 weight layers" of the paper's header row. */
  readonly weightLayers: number;
  readonly params: number;
  /** As the paper's Table 2 prints it: millions, rounded. */
  readonly paramsMillions: number;
}

/** The paper's Table 2 ("Number of parameters (in millions)"), computed from Table 1. */
export function vggTable2(): readonly VggSummaryRow[] {
  return (Object.keys(vggPaperColumns) as VggColumn[]).map((column) => {
    const a = analyse(vggPaperNetwork(column));
    const weightLayers = a.rows.filter((r) => r.kind === 'conv' || r.kind === 'linear').length;
    return { column, weightLayers, params: a.params.total, paramsMillions: Math.round(a.params.total / 1e6) };
  });
}
