import { describe, expect, it } from 'vitest';
import { layerTraffic, networkTraffic } from '../../src/models/memory-traffic';

/*
 * Xception middle flow, 728 channels at 19×19 (Chollet 2017, Fig. 5; Keras xception.py):
 *   map = 728·361 = 262,808 values in and out
 *   depthwise: weights 728·9 = 6,552; MACs 6,552·361 = 2,365,272; bytes 4·(6,552 + 2·262,808) = 2,128,672
 *   pointwise: weights 728² = 529,984; MACs 191,324,224; bytes 4·(529,984 + 525,616) = 4,222,400
 *   dense 3×3: weights 9·728² = 4,769,856; MACs 1,721,918,016; bytes 4·(4,769,856 + 525,616) = 21,181,888
 */
describe('arithmetic intensity', () => {
  it('depthwise moves half the bytes of pointwise for 1/81 of the MACs', () => {
    const [dw, pw, dense] = layerTraffic();
    expect(dw).toMatchObject({ macs: 2_365_272, bytes: 2_128_672 });
    expect(pw).toMatchObject({ macs: 191_324_224, bytes: 4_222_400 });
    expect(dense).toMatchObject({ macs: 1_721_918_016, bytes: 21_181_888 });
    expect(dw!.intensity).toBeLessThan(1.2);
    expect(pw!.intensity).toBeGreaterThan(40);
    expect(dense!.intensity).toBeGreaterThan(80);
  });

  it('Xception does more MACs than Inception v3 (8.357 G vs 5.713 G) at a lower intensity', () => {
    const [v3, xc] = networkTraffic();
    expect(v3!.macs).toBe(5_713_216_096);
    expect(xc!.macs).toBe(8_357_403_496);
    expect(xc!.intensity).toBeLessThan(v3!.intensity);
  });
});
