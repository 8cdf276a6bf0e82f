/**
 * The ResNet chapter's figures (src/chapters/resnet.ts), checked against the arithmetic the prose
 * shows, torchvision's published counts and the paper's tables.
 */
import { describe, expect, it } from 'vitest';
import { computeBlock, resBlock } from '../../components/widgets/ResBlock/index';
import * as ch from '../../src/chapters/resnet';
import { sumRows } from '../../src/chapters/facts';

describe('ResNet chapter figures', () => {
  it('weights of the convolutions the bottleneck section compares (9C² and 17C′², He et al. 2015, Fig. 5)', () => {
    expect(ch.plain256).toBe(9 * 256 * 256);
    expect(ch.basic256).toBe(2 * 9 * 256 * 256);
    expect(ch.basic64).toBe(18 * 64 * 64);
    expect(ch.bottle256).toBe(256 * 64 + 9 * 64 * 64 + 64 * 256);
    expect(ch.bottle256).toBe(17 * 64 * 64);
  });

  it('the blocks quoted are the residual-block cell’s, and layer2.0 is ResNet-50’s own', () => {
    expect(ch.defaultBlock).toEqual(computeBlock('bottleneck', resBlock.defaults));
    // "the sum of the core's rows layer2.0.* of ResNet-50"; by hand: convs 256·128 + 9·128² + 128·512 + 256·512, BN 2·(128+128+512+512).
    const layer2_0 = sumRows(ch.r50, (r) => r.name.startsWith('layer2.0.')).params;
    expect(ch.defaultBlock.analysis.params.total).toBe(layer2_0);
    expect(layer2_0).toBe(256 * 128 + 9 * 128 * 128 + 128 * 512 + 256 * 512 + 2 * (128 + 128 + 512 + 512));
    // ResNet-50's layer1.1 (256 → 64 → 256, identity): the exercise's answer.
    expect(ch.blockAt256.analysis.params.total).toBe(sumRows(ch.r50, (r) => r.name.startsWith('layer1.1.')).params);
    expect(ch.blockAt256.analysis.params.bn).toBe(2 * (64 + 64 + 256));
    expect(ch.blockAt256.shortcut.params).toBe(0);
    expect(ch.blockAt256Projected).toBe(ch.blockAt256.analysis.params.total + 256 * 256 + 2 * 256);
    expect(ch.basicAt256.analysis.params.total).toBe(ch.basic256 + 2 * (256 + 256));
  });

  it('counts convolutions and projections as torchvision builds them (resnet.py: 49 on the main path + 4 downsample)', () => {
    expect(ch.convCount(ch.r50)).toBe(53);
    expect(ch.projections(ch.r50)).toBe(4);
    expect(ch.projections(ch.r34)).toBe(3);
    // 1×1 + BN projections 64→128, 128→256, 256→512.
    expect(ch.shortcutParams(ch.r34)).toBe(64 * 128 + 256 + 128 * 256 + 512 + 256 * 512 + 1024);
  });

  it('option C adds a 1×1 projection + BN to every identity shortcut', () => {
    // ResNet-34's identity blocks: 3 at 64, 3 at 128, 5 at 256, 2 at 512 channels.
    const proj = (c: number) => c * c + 2 * c;
    expect(ch.optionCExtra(ch.r34)).toBe(3 * proj(64) + 3 * proj(128) + 5 * proj(256) + 2 * proj(512));
    // ResNet-50's identity blocks: 2, 3, 5, 2 at outputs of 256, 512, 1024, 2048 channels.
    expect(ch.optionCExtra(ch.r50)).toBe(2 * proj(256) + 3 * proj(512) + 5 * proj(1024) + 2 * proj(2048));
  });

  it('folds ResNet-50’s batch norm from torchvision’s 25,557,032 parameters (ResNet50_Weights.IMAGENET1K_V1, num_params)', () => {
    expect(ch.fold50.before).toBe(25_557_032);
    expect(ch.fold50.layers).toBe(53);
    expect(ch.fold50.after).toBe(ch.fold50.before - ch.r50.params.bn + ch.fold50.channels);
    expect(ch.r50.params.bn).toBe(2 * ch.fold50.channels);
  });

  it('V1.5’s extra MACs are the three stride-carrying 1×1s, and the paper’s FLOPs match V1 (Table 1: 3.8, 7.6, 11.3)', () => {
    expect(ch.shift50.rows.map((r) => r.layer)).toEqual(['layer2.0.conv1', 'layer3.0.conv1', 'layer4.0.conv1']);
    expect(ch.shift50.extra).toBe(ch.shift50.v15.macs - ch.shift50.v1.macs);
    for (const d of ch.bottleneckNets) {
      expect(Math.abs(ch.v1Of(d.depth).macs / 1e9 - d.paperFlopsG) / d.paperFlopsG).toBeLessThan(0.02);
      expect(ch.v1Of(d.depth).params.total).toBe(ch.v15Of(d.depth).params.total);
    }
    // torchvision's ResNet50_Weights.IMAGENET1K_V2 lists 4.09 GFLOPS (MACs).
    expect(ch.g(ch.v15Of(50).macs)).toBe('4.09');
    expect(ch.rf4(ch.r50v1).size[0]).toBeGreaterThan(ch.rf4(ch.r50).size[0]);
  });

  it('CIFAR-10 ResNets of §4.2: 6n + 2 layers, parameters as rounded in Table 6 (0.27M, 0.85M, 1.7M, 19.4M)', () => {
    expect(ch.cifar.map((c) => c.depth)).toEqual([20, 56, 110, 1202]);
    const table6 = [0.27e6, 0.85e6, 1.7e6, 19.4e6];
    ch.cifar.forEach((c, i) => expect(Math.abs(c.a.params.total - table6[i]!) / table6[i]!).toBeLessThan(0.03));
    expect(ch.cifar1202.depth).toBe(1202);
    expect(Object.keys(ch.paperCifar).map(Number)).toEqual(ch.cifar.map((c) => c.depth));
  });

  it('the shortcut carries the gradient to every layer at initialisation; the plain sigmoid stack does not', () => {
    expect(ch.alive(ch.spResSig)).toBe(50);
    expect(ch.alive(ch.spPlainSig)).toBeLessThan(10);
    expect(ch.spPlainSig.ratio).toBeLessThan(1e-20);
    expect(ch.spPlainSmall.ratio).toBeLessThan(1e-20);
    expect(ch.spResSig.ratio).toBeGreaterThan(0.5);
    expect(ch.spResSmall.ratio).toBeGreaterThan(0.5);
  });

  it('DeepLab’s output stride 16 ends ResNet-101 at 14×14 instead of 7×7, with the same parameters', () => {
    expect(ch.layer4Shape(ch.r101)).toBe('2048×7×7');
    expect(ch.layer4Shape(ch.r101os16)).toBe('2048×14×14');
    expect(ch.r101os16.params.total).toBe(ch.r101.params.total);
  });
});
