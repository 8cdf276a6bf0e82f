import { describe, expect, it } from 'vitest';
import { strideShift } from '../../src/models/resnet-stride';

/*
 * V1 (paper, arXiv:1512.03385 Table 1; KaimingHe/deep-residual-networks prototxt: stride 2 on
 * res3a_branch2a, the first 1×1) against V1.5 (torchvision/models/resnet.py: stride on conv2, the 3×3).
 * Only conv1 of layer2.0, layer3.0 and layer4.0 differs. Derivation for ResNet-50:
 *   layer2.0.conv1, 256 → 128, 1×1: V1.5 at 56×56: 56·56·128·256 = 102,760,448; V1 at 28×28: 25,690,112
 *   layer3.0.conv1, 512 → 256 at 28 vs 14, layer4.0.conv1, 1024 → 512 at 14 vs 7: the same two numbers.
 *   3 × (102,760,448 − 25,690,112) = 3 × 77,070,336 = 231,211,008
 * torchvision's ResNet50_Weights.IMAGENET1K_V1 lists 4.089 GFLOPS (V1.5); 4,089,184,256 − 231,211,008
 * = 3,857,973,248 for V1, the paper's "3.8 × 10⁹".
 */
describe('ResNet V1 vs V1.5, block by block', () => {
  it('ResNet-50: three first-block 1×1 convs account for the whole gap', () => {
    const s = strideShift(50);
    expect(s.rows.map((r) => r.layer)).toEqual(['layer2.0.conv1', 'layer3.0.conv1', 'layer4.0.conv1']);
    for (const r of s.rows) {
      expect(r.v15Macs).toBe(102_760_448);
      expect(r.v1Macs).toBe(25_690_112);
      expect(r.extra).toBe(77_070_336);
    }
    expect(s.extra).toBe(231_211_008);
    expect(s.v15.macs).toBe(4_089_184_256);
    expect(s.v15.macs - s.v1.macs).toBe(s.extra);
    expect(s.v1.macs).toBe(3_857_973_248);
    expect(s.v1.params.total).toBe(s.v15.params.total);
  });

  it.each([101, 152] as const)('ResNet-%i: the same three convs, the same gap', (depth) => {
    const s = strideShift(depth);
    expect(s.rows.map((r) => r.block)).toEqual(['layer2.0', 'layer3.0', 'layer4.0']);
    expect(s.extra).toBe(231_211_008);
    expect(s.v15.macs - s.v1.macs).toBe(s.extra);
  });
});
