/**
 * The figures src/chapters/inception-to-xception.ts hands to both language versions of the chapter.
 * Each value is derived by hand from its formula or taken from the paper it names.
 */
import { describe, expect, it } from 'vitest';
import { continuumAt } from '../../components/widgets/Continuum/index';
import * as ch from '../../src/chapters/inception-to-xception';

const XCEPTION = 'Chollet 2017, https://arxiv.org/abs/1610.02357';

describe('inception-to-xception chapter figures', () => {
  it(`Xception: 36 convolutional layers in 14 modules, all separable but the stem's 2 (${XCEPTION}, §3)`, () => {
    expect(ch.convLayers).toBe(36);
    expect(ch.blockCount).toBe(14);
    expect(ch.plainConvs).toBe(2);
  });

  it('a middle-flow separable 3×3 at C = 728 has 9·728 + 728² = 536,536 weights, as do steps 5 and 6', () => {
    expect(ch.C).toBe(728);
    expect(ch.sepW(728, 728)).toBe(9 * 728 + 728 * 728);
    expect(ch.sepMid.params.weights).toBe(536_536);
    expect(ch.stepW(5)).toBe(536_536);
    expect(ch.stepW(6)).toBe(536_536);
    expect(ch.w(3, 728, 728)).toBe(9 * 728 * 728);
  });

  it('5×5 → two 3×3 saves 28% (18C² against 25C²); 3×3 → 3×1 + 1×3 saves 33%, two 2×2 only 11%', () => {
    expect(ch.saving(2 * ch.w(3), ch.w(5))).toBe('28%');
    expect(ch.saving(2 * ch.w([3, 1]), ch.w(3))).toBe('33%');
    expect(ch.saving(2 * ch.w(2), ch.w(3))).toBe('11%');
  });

  it('inception (3a), GoogLeNet Table 1 widths on 192×28×28: naive 416 channels, with reductions 256 (https://arxiv.org/abs/1409.4842)', () => {
    expect(ch.naive3a.output).toEqual([416, 28, 28]);
    expect(ch.naive3a.params.weights).toBe(192 * 64 + 9 * 192 * 128 + 25 * 192 * 32);
    expect(ch.reduced3a.output).toEqual([256, 28, 28]);
    expect(ch.reduced3a.params.weights).toBe(192 * 64 + 192 * 96 + 9 * 96 * 128 + 192 * 16 + 25 * 16 * 32 + 192 * 32);
  });

  it("the continuum's weights agree with the Continuum widget's own module: C²(1 + 9/g)", () => {
    expect(ch.exG).toBe((256 * 256 * 25) / 16);
    expect(ch.exG).toBe(continuumAt(256, 16, 1).params.weights);
    expect(ch.exG1).toBe(continuumAt(256, 1, 1).params.weights);
    expect(ch.exG1).toBe(256 * 256 * 10);
  });

  it('exercises: block3.sepconv2 9·256 + 256²; 1×7 + 7×1 at 192 channels 2·7·192² with a 7×7 field', () => {
    expect(ch.ex256.params.weights).toBe(9 * 256 + 256 * 256);
    expect(ch.ex7.params.weights).toBe(2 * 7 * 192 * 192);
    expect(ch.ex7.receptiveField.size).toEqual([7, 7]);
  });

  it("Keras' count adds 2 statistics on each of 27,264 batch-normalised channels (tests/models/xception.test.ts)", () => {
    expect(ch.bnChannels).toBe(27_264);
    expect(ch.xc.params.total + ch.xc.params.bn).toBe(22_910_480);
  });

  it("block3's pool path is centred 4 image pixels (one pixel of its stride-4 input) off its shortcut", () => {
    // block3's input has stride 4 in the image: its pixels are 4 image pixels apart.
    expect(ch.rowCentre('block3.pool') - ch.rowCentre('block3.residual_bn')).toBe(4);
  });
});
