import { describe, expect, it } from 'vitest';
import { foldBatchNorm } from '../../src/calc/bn-fold';
import { analysisOf } from '../../src/models/analysis';

/*
 * torchvision ResNet-50 (num_params 25,557,032, torchvision/models/resnet.py ResNet50_Weights):
 * BN channels, stem 64; layer1 3·(64+64+256) + 256 = 1,408; layer2 4·(128+128+512) + 512 = 3,584;
 * layer3 6·(256+256+1024) + 1024 = 10,240; layer4 3·(512+512+2048) + 2048 = 11,264 → 26,560 channels,
 * 53,120 γ/β. Folded: 25,557,032 − 53,120 + 26,560 = 25,530,472 parameters.
 */
describe('folding BN into the preceding convolution', () => {
  it('ResNet-50: 53 BN layers, 26,560 channels, 25,557,032 → 25,530,472 parameters', () => {
    const a = analysisOf('resnet50');
    const f = foldBatchNorm(a);
    expect(a.params.bn).toBe(53_120);
    expect(f.layers).toBe(53);
    expect(f.channels).toBe(26_560);
    expect(f.before).toBe(25_557_032);
    expect(f.after).toBe(25_530_472);
  });

  it('a network without BN is unchanged', () => {
    const f = foldBatchNorm(analysisOf('vgg16'));
    expect(f.layers).toBe(0);
    expect(f.after).toBe(f.before);
  });
});
