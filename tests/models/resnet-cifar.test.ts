import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/calc/index';
import { cifarDepth, cifarResNet } from '../../src/models/resnet-cifar';
import { basicBlock, bottleneck, resnet } from '../../src/models/resnet';

describe('CIFAR-10 ResNets (He et al. 2016, §4.2)', () => {
  // Table 6 of arXiv:1512.03385, "#params" column, as printed (millions, rounded).
  it.each([
    [3, 20, 0.27],
    [5, 32, 0.46],
    [7, 44, 0.66],
    [9, 56, 0.85],
    [18, 110, 1.7],
    [200, 1202, 19.4],
  ])('n = %i: %i layers, %s M parameters', (n, depth, paperM) => {
    expect(cifarDepth(n)).toBe(depth);
    const a = analyse(cifarResNet(n));
    const digits = paperM < 1 ? 2 : 1;
    expect((a.params.total / 1e6).toFixed(digits)).toBe(paperM.toFixed(digits));
    // §4.2: feature maps 32, 16, 8; global average pooling; a 10-way fc.
    expect(a.rows.find((r) => r.name === `layer3.${n - 1}.relu`)?.output).toEqual([64, 8, 8]);
    expect(a.output).toEqual([10]);
  });

  it('option A shortcuts add no parameters: every parameter is in a conv, a BN or the fc', () => {
    const a = analyse(cifarResNet(3));
    const shortcut = a.rows.filter((r) => r.name.includes('.shortcut.'));
    expect(shortcut.map((r) => r.name)).toEqual(['layer2.0.shortcut.sub', 'layer2.0.shortcut.pad', 'layer3.0.shortcut.sub', 'layer3.0.shortcut.pad']);
    expect(shortcut.every((r) => r.params.total === 0 && r.macs === 0)).toBe(true);
    expect(shortcut[1]?.output).toEqual([32, 16, 16]);
  });
});

describe('exported blocks compose the ImageNet ResNets', () => {
  const sumOf = (rows: ReturnType<typeof analyse>['rows'], prefix: string) =>
    rows.filter((r) => r.name.startsWith(prefix)).reduce((s, r) => ({ params: s.params + r.params.total, macs: s.macs + r.macs }), { params: 0, macs: 0 });

  it('a lone bottleneck equals resnet50 layer2.0 (256×56×56 in, width 128, stride 2, projection)', () => {
    const lone = analyse({ input: [256, 56, 56], layers: bottleneck({ name: '', input: 'input', planes: 128, stride: 2, shortcut: 'projection' }) });
    const inNet = sumOf(analyse(resnet(50)).rows, 'layer2.0.');
    expect({ params: lone.params.total, macs: lone.macs }).toEqual(inNet);
    expect(lone.output).toEqual([512, 28, 28]);
    expect(lone.rows.map((r) => r.name)).toContain('downsample.0');
  });

  it('a lone basic block equals resnet18 layer1.1 (identity shortcut)', () => {
    const lone = analyse({ input: [64, 56, 56], layers: basicBlock({ name: '', input: 'input', planes: 64, stride: 1, shortcut: 'identity' }) });
    expect({ params: lone.params.total, macs: lone.macs }).toEqual(sumOf(analyse(resnet(18)).rows, 'layer1.1.'));
  });
});
