/**
 * AlexNet in its two common forms. Neither is exactly the 2012 paper's two-GPU network:
 * - `alexnet`: torchvision's single-tower net from Krizhevsky's "One weird trick for parallelizing
 *   convolutional neural networks" (2014): 64/192/384/256/256 filters, no LRN, no groups.
 * - `alexnet_2012`: Caffe's BVLC AlexNet `bvlc_alexnet` (not the Reference CaffeNet), which keeps the paper's two
 *   towers as `group: 2` convolutions and the LRN layers (Krizhevsky et al., NeurIPS 2012).
 */
import type { LayerSpec, Network } from '../calc/index';

export const ALEXNET_SOURCE = 'https://github.com/pytorch/vision/blob/main/torchvision/models/alexnet.py';
export const BVLC_ALEXNET_SOURCE = 'https://github.com/BVLC/caffe/blob/master/models/bvlc_alexnet/deploy.prototxt';

const relu = (name: string): LayerSpec => ({ name, kind: 'act', fn: 'relu' });
const dropout = (name: string): LayerSpec => ({ name, kind: 'dropout', p: 0.5 });

/** torchvision's AlexNet at 3×224×224; module paths as in its nn.Sequential blocks. */
export function alexnet(): Network {
  const layers: LayerSpec[] = [
    { name: 'features.0', label: 'conv1', kind: 'conv', out: 64, kernel: 11, stride: 4, padding: 2 },
    relu('features.1'),
    { name: 'features.2', label: 'pool1', kind: 'maxpool', kernel: 3, stride: 2 },
    { name: 'features.3', label: 'conv2', kind: 'conv', out: 192, kernel: 5, padding: 2 },
    relu('features.4'),
    { name: 'features.5', label: 'pool2', kind: 'maxpool', kernel: 3, stride: 2 },
    { name: 'features.6', label: 'conv3', kind: 'conv', out: 384, kernel: 3, padding: 1 },
    relu('features.7'),
    { name: 'features.8', label: 'conv4', kind: 'conv', out: 256, kernel: 3, padding: 1 },
    relu('features.9'),
    { name: 'features.10', label: 'conv5', kind: 'conv', out: 256, kernel: 3, padding: 1 },
    relu('features.11'),
    { name: 'features.12', label: 'pool5', kind: 'maxpool', kernel: 3, stride: 2 },
    { name: 'avgpool', kind: 'adaptiveavgpool', output: 6 },
    { name: 'flatten', kind: 'flatten' },
    dropout('classifier.0'),
    { name: 'classifier.1', label: 'fc6', kind: 'linear', out: 4096 },
    relu('classifier.2'),
    dropout('classifier.3'),
    { name: 'classifier.4', label: 'fc7', kind: 'linear', out: 4096 },
    relu('classifier.5'),
    { name: 'classifier.6', label: 'fc8', kind: 'linear', out: 1000 },
  ];
  return {
    id: 'alexnet',
    title: 'AlexNet (torchvision, single tower)',
    input: [3, 224, 224],
    layers,
    source: ALEXNET_SOURCE,
    encoderCut: { node: 'features.12', label: 'pool5 (features.12)' },
    notes: [
      'Follows "One weird trick…" (Krizhevsky 2014), not the 2012 paper: 64/192/384/256/256 filters in one tower, no LRN.',
      'Dropout comes before fc6 and fc7 (the paper applies it after them).',
      'AdaptiveAvgPool2d(6) is an identity at 224×224; it lets other input sizes reach the 9216-wide fc6.',
    ],
  };
}

/** Caffe's BVLC AlexNet (`bvlc_alexnet` deploy.prototxt) at 3×227×227; Caffe layer names. */
export function alexnet_2012(): Network {
  // Caffe's LRN parameter k defaults to 1 (the paper used k = 2).
  const lrn = (name: string): LayerSpec => ({ name, kind: 'lrn', size: 5, alpha: 1e-4, beta: 0.75, k: 1 });
  const layers: LayerSpec[] = [
    { name: 'conv1', kind: 'conv', out: 96, kernel: 11, stride: 4 },
    relu('relu1'),
    lrn('norm1'),
    { name: 'pool1', kind: 'maxpool', kernel: 3, stride: 2 },
    { name: 'conv2', kind: 'conv', out: 256, kernel: 5, padding: 2, groups: 2 },
    relu('relu2'),
    lrn('norm2'),
    { name: 'pool2', kind: 'maxpool', kernel: 3, stride: 2 },
    { name: 'conv3', kind: 'conv', out: 384, kernel: 3, padding: 1 },
    relu('relu3'),
    { name: 'conv4', kind: 'conv', out: 384, kernel: 3, padding: 1, groups: 2 },
    relu('relu4'),
    { name: 'conv5', kind: 'conv', out: 256, kernel: 3, padding: 1, groups: 2 },
    relu('relu5'),
    { name: 'pool5', kind: 'maxpool', kernel: 3, stride: 2 },
    // Caffe's InnerProduct flattens implicitly; the IR makes it a node.
    { name: 'flatten', kind: 'flatten' },
    { name: 'fc6', kind: 'linear', out: 4096 },
    relu('relu6'),
    dropout('drop6'),
    { name: 'fc7', kind: 'linear', out: 4096 },
    relu('relu7'),
    dropout('drop7'),
    { name: 'fc8', kind: 'linear', out: 1000 },
  ];
  return {
    id: 'alexnet_2012',
    title: 'AlexNet (BVLC Caffe bvlc_alexnet, two towers as groups)',
    input: [3, 227, 227],
    layers,
    source: BVLC_ALEXNET_SOURCE,
    encoderCut: { node: 'pool5', label: 'pool5' },
    notes: [
      'The paper says 224×224 inputs, but its arithmetic (55×55 after conv1) needs 227×227, which Caffe uses.',
      'The two GPUs of the paper appear as group: 2 on conv2, conv4 and conv5; conv3 and the FC layers see both towers.',
      'LRN uses k = 1, Caffe\'s default (the paper used k = 2); unlike bvlc_reference_caffenet, it normalises before pooling, as the paper does.',
    ],
  };
}
