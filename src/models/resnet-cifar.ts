/**
 * The CIFAR-10 ResNets of He et al. 2015, §4.2: a 3×3 conv with 16 filters, three stages of n basic
 * blocks at 16, 32 and 64 filters (maps 32, 16, 8), global average pooling and a 10-way fc: 6n + 2
 * weight layers (n = 200 gives the 1202-layer network). Shortcuts are the paper's option A: identity,
 * with the map subsampled (stride 2) and the new channels zero-padded where a stage begins (see
 * `residualTail` in resnet-blocks.ts for how the calc core writes that).
 */
import type { LayerSpec, Network } from '../calc/types';
import { basicBlock } from './resnet-blocks';

/** Weight layers: the first conv, two per block, the fc. */
export const cifarDepth = (n: number): number => 6 * n + 2;

export function cifarResNet(n: number): Network {
  const layers: LayerSpec[] = [
    { name: 'conv1', kind: 'conv', out: 16, kernel: 3, padding: 1, bias: false },
    { name: 'bn1', kind: 'bn' },
    { name: 'relu', kind: 'act', fn: 'relu' },
  ];
  let prev = 'relu';
  [16, 32, 64].forEach((width, s) => {
    for (let b = 0; b < n; b++) {
      const name = `layer${s + 1}.${b}`;
      const stride = s > 0 && b === 0 ? 2 : 1;
      layers.push(...basicBlock({ name, input: prev, planes: width, stride, shortcut: stride === 2 ? 'zero-pad' : 'identity' }));
      prev = `${name}.relu`;
    }
  });
  layers.push({ name: 'avgpool', kind: 'adaptiveavgpool', output: 1 }, { name: 'flatten', kind: 'flatten' }, { name: 'fc', kind: 'linear', out: 10 });
  return {
    id: `cifar_resnet${cifarDepth(n)}`,
    title: `ResNet-${cifarDepth(n)} (CIFAR-10, option A shortcuts)`,
    input: [3, 32, 32],
    layers,
    source: 'He et al. 2016, §4.2 and Table 6, arXiv:1512.03385',
    notes: ['Option A shortcuts are written as a stride-2 1×1 max pool concatenated with itself: same shapes and counts as zero padding.'],
  };
}
