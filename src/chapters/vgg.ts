/**
 * The figures the VGG chapter quotes, computed once for both languages (content/vgg.mdx and
 * content/zh-cn/vgg.mdx import the same names).
 */
import { analyse, receptiveFieldTable, type ReceptiveField, type RfTable } from '../calc/index';
import { analysisOf } from '../models/analysis';
import { rowOf, sumRows } from './facts';

export const vgg16 = analysisOf('vgg16');
/** Parameters and MACs of the convolutional part (`features.*`) and of the classifier. */
export const convPart = sumRows(vgg16, (r) => r.name.startsWith('features.'));
export const fcPart = sumRows(vgg16, (r) => r.name.startsWith('classifier.'));
export const fc6 = rowOf(vgg16, 'fc6');
/** conv3_1 … conv3_3: the stage written out in the PyTorch snippet. */
export const stage3 = sumRows(vgg16, (r) => /^conv3_/.test(r.label ?? ''));

/** Receptive field of a VGG-16 layer by paper label ("conv5_3", "pool4"). */
export function rfOf(label: string): ReceptiveField {
  const field = rowOf(vgg16, label).receptiveField;
  if (field === null) throw new Error(`vgg16 layer "${label}" has no spatial receptive field`);
  return field;
}

/** Field width of n stacked k×k convolutions, stride 1, "same" padding. */
export function stackRf(n: number, k = 3): number {
  return receptiveFieldTable(Array.from({ length: n }, () => ({ kernel: k, padding: (k - 1) / 2 }))).r;
}

/** Fewest stacked 3×3 layers whose field reaches `target` pixels. */
export function layersToSee(target: number): number {
  let n = 1;
  while (stackRf(n) < target) n += 1;
  return n;
}

/** Three 3×3 layers, only the first with stride 2 (exercise), and the same without the stride (its hint). */
export const strided: RfTable = receptiveFieldTable([{ kernel: 3, stride: 2, padding: 1 }, { kernel: 3, padding: 1 }, { kernel: 3, padding: 1 }]);
export const unstrided: RfTable = receptiveFieldTable([{ kernel: 3, padding: 1 }, { kernel: 3, padding: 1 }, { kernel: 3, padding: 1 }]);

/** Two 3×3 convolutions, 64 → 64 channels, no bias, against the one 5×5 they replace. */
export const pair64 = analyse({
  input: [64, 56, 56],
  layers: [
    { kind: 'conv', name: 'a', out: 64, kernel: 3, padding: 1, bias: false },
    { kind: 'conv', name: 'b', out: 64, kernel: 3, padding: 1, bias: false },
  ],
});
export const one5x5 = analyse({ input: [64, 56, 56], layers: [{ kind: 'conv', name: 'c', out: 64, kernel: 5, padding: 2, bias: false }] });
