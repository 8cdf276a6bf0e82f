/**
 * The figures the primer's prose, tables and exercises show (content/primer.mdx and its Chinese
 * translation share them), all computed by the calc core and the simulations.
 */
import { convOutputSize, convParams, effectiveKernel, receptiveFieldTable, rfCentre, rfForwardStep, samePadding } from '../calc/index';
import { analysisOf } from '../models/analysis';
import { effectiveRf, growth, type ErfParams, type ErfResult } from '../sim/erf';
import { rowOf } from './facts';

export const alex = analysisOf('alexnet');

/** Where one stride-2 unit's field is centred on 224 pixels with 'same' padding (all of it after): a 3×3 branch… */
export const centreA = rfCentre(rfForwardStep({ r: 1, S: 1, P: 0 }, 3, 2, samePadding(224, 3, 2).before));
/** …and a 1×1 shortcut: the two paths of a merge that disagree by a pixel. */
export const centreB = rfCentre(rfForwardStep({ r: 1, S: 1, P: 0 }, 1, 2, samePadding(224, 1, 2).before));

export const a1 = rowOf(alex, 'conv1');
export const a2 = rowOf(alex, 'conv2');
export const p1 = rowOf(alex, 'pool1');
export const r18 = analysisOf('resnet18');
export const r34 = analysisOf('resnet34');
export const r18conv1 = rowOf(r18, 'conv1');

/** AlexNet's conv1 in torchvision: 11×11, stride 4, padding 2 on 224 pixels. */
export const alexOut = convOutputSize(224, 11, 4, 2);
/** The numerator of its output-size formula, H + 2p − k. */
export const alexSpan = 224 + 2 * 2 - 11;

/** torchvision GoogLeNet's first 3×3, stride-2 max pool on 112 pixels, with and without ceil_mode. */
export const gnCeil = convOutputSize(112, 3, 2, 0, 0, 1, true);
export const gnFloor = convOutputSize(112, 3, 2);

/** MaxPool2d(2, stride=2, padding=1, ceil_mode=True) on 5 pixels: the plain ceiling… */
export const dropNaive = Math.ceil((5 + 1 + 1 - 2) / 2) + 1;
/** …and PyTorch's answer, after the last-window rule. */
export const dropCeil = convOutputSize(5, 2, 2, 1, 1, 1, true);

/** TF 'same' padding of a 7×7, stride-2 convolution on 224 pixels, and its output (PyTorch's padding=3 gives the same count). */
export const same7 = samePadding(224, 7, 2);
export const same7Out = convOutputSize(224, 7, 2, same7.before, same7.after);

export const k3d2 = effectiveKernel(3, 2);
export const k3d4 = effectiveKernel(3, 4);

/** A 3×3 convolution 128 → 128 without bias: dense, 32 groups, depthwise. */
export const dense = convParams({ inChannels: 128, out: 128, kernel: 3, bias: false });
export const grouped = convParams({ inChannels: 128, out: 128, kernel: 3, groups: 32, bias: false });
export const depthwise = convParams({ inChannels: 128, out: 128, kernel: 3, groups: 128, bias: false });

export interface FloorCeilRow {
  readonly n: number;
  readonly floor: number;
  readonly ceil: number;
  readonly same: number;
}

/** A 3×3, stride-2 pool without padding on a few input sizes: floor, ceil_mode and 'same' (⌈n/2⌉). */
export const floorCeil: readonly FloorCeilRow[] = [7, 8, 13, 112].map((n) => ({
  n,
  floor: convOutputSize(n, 3, 2),
  ceil: convOutputSize(n, 3, 2, 0, 0, 1, true),
  same: Math.ceil(n / 2),
}));

// Exercises: MaxPool2d(3, stride=2, ceil_mode=True) on 56 pixels, and the floor a reader may give.
export const ex1 = convOutputSize(56, 3, 2, 0, 0, 1, true);
export const ex1floor = convOutputSize(56, 3, 2);

// Exercise: a 3×3 convolution 256 → 256 with groups=32; the dense count and one group's count are the hints.
export const exG = convParams({ inChannels: 256, out: 256, kernel: 3, groups: 32, bias: false });
export const exGdense = convParams({ inChannels: 256, out: 256, kernel: 3, bias: false });
export const exGboth = (256 / 32) * (256 / 32) * 9;

/** Exercise: FLOPs of ResNet-18's conv1, a multiply and an add counted apart. */
export const exF = 2 * r18conv1.macs;

// Exercise: four 3×3 convolutions, strides 2, 1, 2, 1; the hints ignore the strides or the second one.
export const exRf = receptiveFieldTable([{ kernel: 3, stride: 2 }, { kernel: 3 }, { kernel: 3, stride: 2 }, { kernel: 3 }]);
export const exRfNoStride = receptiveFieldTable([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }, { kernel: 3 }]);
export const exRfFirstOnly = receptiveFieldTable([{ kernel: 3, stride: 2 }, { kernel: 3 }, { kernel: 3 }, { kernel: 3 }]);

/** Effective receptive field of n stacked 3×3, stride-1 convolutions: uniform weights and linear unless overridden. */
export const erfOf = (layers: number, more: Partial<Omit<ErfParams, 'layers'>> = {}): ErfResult =>
  effectiveRf({ layers, kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform', ...more });

export const erf8 = erfOf(8);
export const erf32 = erfOf(32);
export const erfRelu32 = erfOf(32, { activation: 'relu', weights: 'random' });
export const erf16 = erfOf(16);

/** Theoretical and 95 % sides of 1 to 64 stacked 3×3 convolutions. */
export const erfGrowth = growth(3, 1, 1, 64);
/** The effective-field side the depth exercise asks for. */
export const erfTarget = 21;
/** First depth whose 95 % side reaches the target (the answer), and whose theoretical side does (the hint). */
export const exErfDepth = firstLayers(erfGrowth, (p) => p.side95 >= erfTarget);
export const exErfNaive = firstLayers(erfGrowth, (p) => p.side >= erfTarget);

function firstLayers<P extends { layers: number }>(points: readonly P[], reached: (p: P) => boolean): number {
  const point = points.find(reached);
  if (point === undefined) throw new Error(`primer: no depth up to ${points.length} layers reaches the target`);
  return point.layers;
}
