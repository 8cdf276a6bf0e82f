import { describe, expect, it } from 'vitest';
import { ACCURACY, accuracyOf } from '../../src/models/accuracy';
import { networkIds } from '../../src/models/registry';

/*
 * Every figure checked against its source:
 * - torchvision: `_metrics` → "ImageNet-1K" → acc@1 / acc@5 of each *_Weights.IMAGENET1K_V1 in
 *   https://github.com/pytorch/vision/blob/main/torchvision/models/{alexnet,vgg,googlenet,inception,resnet}.py
 * - bvlc_alexnet 57.1 / 80.2 and bvlc_googlenet 68.7 / 88.9: the readme.md of each model in
 *   https://github.com/BVLC/caffe/tree/master/models ("using just the center crop")
 * - Xception 0.790 / 0.945: Chollet 2017 Table 1 (arXiv:1610.02357); Keras applications docstring.
 */
const EXPECTED: Record<string, readonly [number, number]> = {
  alexnet: [56.522, 79.066],
  alexnet_2012: [57.1, 80.2],
  vgg11: [69.02, 88.628],
  vgg11_bn: [70.37, 89.81],
  vgg13: [69.928, 89.246],
  vgg13_bn: [71.586, 90.374],
  vgg16: [71.592, 90.382],
  vgg16_bn: [73.36, 91.516],
  vgg19: [72.376, 90.876],
  vgg19_bn: [74.218, 91.842],
  googlenet: [69.778, 89.53],
  googlenet_2014: [68.7, 88.9],
  inception_v3: [77.294, 93.45],
  xception: [79.0, 94.5],
  resnet18: [69.758, 89.078],
  resnet34: [73.314, 91.42],
  resnet50: [76.13, 92.862],
  resnet101: [77.374, 93.546],
  resnet152: [78.312, 94.046],
};

describe('published ImageNet accuracy', () => {
  it('every registered model has a figure with a source, and only registered models', () => {
    expect(Object.keys(ACCURACY).sort()).toEqual([...networkIds].sort());
    for (const id of networkIds) {
      const a = accuracyOf(id);
      expect(a, id).toBeDefined();
      expect(a?.source, id).toMatch(/^https:\/\//);
      expect(a!.top5, id).toBeGreaterThan(a!.top1);
    }
  });

  it.each(Object.entries(EXPECTED))('%s: top-1 / top-5 as its source prints them', (id, [top1, top5]) => {
    expect(accuracyOf(id)).toMatchObject({ top1, top5 });
  });

  it('unknown ids have none', () => {
    expect(accuracyOf('lenet')).toBeUndefined();
    expect(accuracyOf('toString')).toBeUndefined();
  });
});
