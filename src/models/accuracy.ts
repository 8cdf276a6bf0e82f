/**
 * Published ImageNet-1k validation accuracy of every registered model with public weights, each
 * with its source. torchvision models: the `_metrics` of their IMAGENET1K_V1 weights (single
 * 224×224 centre crop, 299 for Inception v3) in torchvision/models/*.py. Others: the figure their
 * authors published for those weights, single crop.
 */
export interface Accuracy {
  /** Top-1 and top-5 accuracy in percent, as printed by the source. */
  readonly top1: number;
  readonly top5: number;
  /** Who measured it, in a few words ("torchvision IMAGENET1K_V1"). */
  readonly by: string;
  /** Where the figure is printed. */
  readonly source: string;
}

const TV = 'https://github.com/pytorch/vision/blob/main/torchvision/models/';
const tv = (file: string, weights: string, top1: number, top5: number): Accuracy => ({
  top1,
  top5,
  by: `torchvision ${weights}.IMAGENET1K_V1, centre crop`,
  source: `${TV}${file}`,
});

export const ACCURACY: Readonly<Record<string, Accuracy>> = {
  alexnet: tv('alexnet.py', 'AlexNet_Weights', 56.522, 79.066),
  alexnet_2012: {
    top1: 57.1,
    top5: 80.2,
    by: 'BVLC Caffe bvlc_alexnet, centre crop',
    source: 'https://github.com/BVLC/caffe/tree/master/models/bvlc_alexnet',
  },
  vgg11: tv('vgg.py', 'VGG11_Weights', 69.02, 88.628),
  vgg11_bn: tv('vgg.py', 'VGG11_BN_Weights', 70.37, 89.81),
  vgg13: tv('vgg.py', 'VGG13_Weights', 69.928, 89.246),
  vgg13_bn: tv('vgg.py', 'VGG13_BN_Weights', 71.586, 90.374),
  vgg16: tv('vgg.py', 'VGG16_Weights', 71.592, 90.382),
  vgg16_bn: tv('vgg.py', 'VGG16_BN_Weights', 73.36, 91.516),
  vgg19: tv('vgg.py', 'VGG19_Weights', 72.376, 90.876),
  vgg19_bn: tv('vgg.py', 'VGG19_BN_Weights', 74.218, 91.842),
  googlenet: tv('googlenet.py', 'GoogLeNet_Weights', 69.778, 89.53),
  googlenet_2014: {
    top1: 68.7,
    top5: 88.9,
    by: 'BVLC Caffe bvlc_googlenet, centre crop',
    source: 'https://github.com/BVLC/caffe/tree/master/models/bvlc_googlenet',
  },
  inception_v3: tv('inception.py', 'Inception_V3_Weights', 77.294, 93.45),
  xception: {
    top1: 79.0,
    top5: 94.5,
    by: 'Chollet 2017, Table 1 (single crop); Keras applications weights',
    source: 'https://arxiv.org/abs/1610.02357',
  },
  resnet18: tv('resnet.py', 'ResNet18_Weights', 69.758, 89.078),
  resnet34: tv('resnet.py', 'ResNet34_Weights', 73.314, 91.42),
  resnet50: tv('resnet.py', 'ResNet50_Weights', 76.13, 92.862),
  resnet101: tv('resnet.py', 'ResNet101_Weights', 77.374, 93.546),
  resnet152: tv('resnet.py', 'ResNet152_Weights', 78.312, 94.046),
};

/** The published accuracy of a registered model, or undefined if it has no public weights. */
export function accuracyOf(id: string): Accuracy | undefined {
  return Object.hasOwn(ACCURACY, id) ? ACCURACY[id] : undefined;
}
