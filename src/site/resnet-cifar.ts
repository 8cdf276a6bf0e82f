/**
 * The CIFAR-10 ResNets of He et al. 2015, §4.2: a 3×3 conv with 16 filters, three stages of n basic
 * blocks at 16, 32 and 64 filters (maps 32, 16, 8), global average pooling and a 10-way fc: 6n + 2
 * weight layers (n = 200 gives the 1202-layer network). Shortcuts are the paper's option A: identity,
 * with the map subsampled (stride 2) and the new channels zero-padded where a stage begins.
 *
 * Option A has no parameters and no MACs. The calc core has no "pad channels with zeros" layer, so the
 * shortcut is written as a 1×1 max pool with stride 2 (exactly x[:, ::2, ::2]) whose output is
 * concatenated with itself to reach 2C channels: the same shape, receptive field, parameter and MAC
 * counts as zero padding; only the values of the padded half differ, which no count depends on.
 */
import type { LayerSpec } from '../calc/index';
import type { StackInput } from '../calc/analyse';

export function cifarResNet(n: number): StackInput {
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
      layers.push(
        { name: `${name}.conv1`, from: prev, kind: 'conv', out: width, kernel: 3, padding: 1, bias: false, ...(stride === 2 ? { stride } : {}) },
        { name: `${name}.bn1`, kind: 'bn' },
        { name: `${name}.relu1`, kind: 'act', fn: 'relu' },
        { name: `${name}.conv2`, kind: 'conv', out: width, kernel: 3, padding: 1, bias: false },
        { name: `${name}.bn2`, kind: 'bn' },
      );
      let shortcut = prev;
      if (stride === 2) {
        layers.push(
          { name: `${name}.shortcut.sub`, from: prev, kind: 'maxpool', kernel: 1, stride: 2 },
          { name: `${name}.shortcut.pad`, kind: 'concat', from: [`${name}.shortcut.sub`, `${name}.shortcut.sub`] },
        );
        shortcut = `${name}.shortcut.pad`;
      }
      layers.push({ name: `${name}.add`, kind: 'add', from: [`${name}.bn2`, shortcut] }, { name: `${name}.relu`, kind: 'act', fn: 'relu' });
      prev = `${name}.relu`;
    }
  });
  layers.push({ name: 'avgpool', kind: 'adaptiveavgpool', output: 1 }, { name: 'flatten', kind: 'flatten' }, { name: 'fc', kind: 'linear', out: 10 });
  return { id: `cifar-resnet${6 * n + 2}`, input: [3, 32, 32], layers };
}

/** Weight layers: the first conv, two per block, the fc. */
export const cifarDepth = (n: number): number => 6 * n + 2;
