/**
 * The figures the segmentation chapter quotes, computed once for both languages
 * (content/segmentation.mdx and content/zh-cn/segmentation.mdx import the same names).
 */
import { analyse, dilatedFootprint, isCalcError, rfCentre, type Analysis } from '../calc/index';
import { analysisOf } from '../models/analysis';
import { encoderAnalysis, fcnVgg16 } from '../models/encoder';
import { getNetwork } from '../models/registry';
import { effectiveRf, type ErfResult } from '../sim/erf';
import { rowOf } from './facts';

export const r50 = analysisOf('resnet50');
/** ResNet-50 cut after layer4, at 512×512 (OS 32, 16, 8) and at DeepLab's 513×513 (OS 8, 16). */
export const enc50 = encoderAnalysis('resnet50', {}, 512);
export const enc50os16 = encoderAnalysis('resnet50', { outputStride: 16 }, 512);
export const enc50os8 = encoderAnalysis('resnet50', { outputStride: 8 }, 512);
export const enc513os8 = encoderAnalysis('resnet50', { outputStride: 8 }, 513);
export const enc513os16 = encoderAnalysis('resnet50', { outputStride: 16 }, 513);
export const enc513os32 = encoderAnalysis('resnet50', {}, 513);

/** MACs of the two deep stages, layer3 and layer4. */
export function deep(a: Analysis): number {
  return rowOf(a, 'layer3').macs + rowOf(a, 'layer4').macs;
}

/** Input pixel under the centre of the first output unit (one axis). */
export function centre0(a: Analysis): number {
  const { size, stride, padding } = a.receptiveField;
  return rfCentre({ r: size[0], S: stride[0], P: padding[0] });
}

/** Input pixel under the centre of the last output unit along the width. */
export function lastCentre(a: Analysis): number {
  return centre0(a) + (a.output[1]! - 1) * a.receptiveField.stride[0];
}

/** The core's message when a BasicBlock ResNet is asked for output stride 16 ('' if it were accepted). */
export const basicError: string = (() => {
  try {
    getNetwork('resnet18', { outputStride: 16 });
    return '';
  } catch (e) {
    if (isCalcError(e)) return e.problem;
    throw e;
  }
})();

/** Input pixels reaching one unit through two 3×3 layers at d = 2, through HDC's 1, 2, 3, and through one at d = 2. */
export const fp22 = dilatedFootprint([{ kernel: 3, dilation: 2 }, { kernel: 3, dilation: 2 }]);
export const fp123 = dilatedFootprint([{ kernel: 3, dilation: 1 }, { kernel: 3, dilation: 2 }, { kernel: 3, dilation: 3 }]);
export const fp2 = dilatedFootprint([{ kernel: 3, dilation: 2 }]);

/** VGG-16 with fc6/fc7 as convolutions (FCN) at 512×512, and its rows by paper label. */
export const fcn = analyse(fcnVgg16(), [3, 512, 512]);
export function tap(label: string) {
  return rowOf(fcn, label);
}
export const conv6 = rowOf(fcn, 'conv6');
export const vgg16 = analysisOf('vgg16');
export const fc6 = rowOf(vgg16, 'fc6');
/** fc6 as a 3×3 convolution instead of 7×7 (the exercise's wrong answer). */
export const c3x3 = analyse({ input: [512, 7, 7], layers: [{ kind: 'conv', name: 'c', out: 4096, kernel: 3, padding: 1 }] });

/** Height (= width) of a layer's output map. */
export function side(a: Analysis, name: string): number {
  return rowOf(a, name).output[1]!;
}

/** Parameters ResNet-50 drops when it becomes an encoder (avgpool and fc). */
export const head50 = r50.params.total - encoderAnalysis('resnet50').params.total;

/** Effective receptive field of a linear, uniform stack of stride-1 3×3 convolutions at one dilation. */
export function erfD(layers: number, dilation: number): ErfResult {
  return effectiveRf({ layers, kernel: 3, stride: 1, dilation, activation: 'linear', weights: 'uniform' });
}
export const erf22 = erfD(2, 2);
export const erf42 = erfD(4, 2);
export const erf41 = erfD(4, 1);
/** Pixels of erf42's field with both coordinates even (every tap is an even offset): per axis, and in all. */
export const erf42ReachedPerAxis = (erf42.side + 1) / 2;
export const erf42Reached = erf42ReachedPerAxis ** 2;
