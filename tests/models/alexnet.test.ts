import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';

const TORCHVISION = 'https://pytorch.org/vision/stable/models/generated/torchvision.models.alexnet.html';
const BVLC = 'https://github.com/BVLC/caffe/blob/master/models/bvlc_alexnet/deploy.prototxt';

function row(a: Analysis, name: string) {
  const r = a.rows.find((x) => x.name === name || x.label === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}

describe('alexnet (torchvision): golden figures', () => {
  it(`61,100,840 params and 0.71 GFLOPS (${TORCHVISION})`, () => {
    const a = analyse(getNetwork('alexnet'));
    expect(a.params.total).toBe(61_100_840);
    expect(Number((a.macs / 1e9).toFixed(2))).toBe(0.71);
    expect(a.output).toEqual([1000]);
  });
});

describe(`alexnet_2012 (BVLC Caffe, ${BVLC})`, () => {
  const a = analyse(getNetwork('alexnet_2012'));

  it('per-layer parameters, derived by hand from the prototxt', () => {
    // conv1: 96·(3·11·11) + 96 = 34,848 + 96
    expect(row(a, 'conv1').params.total).toBe(34_944);
    // conv2, group 2: 256·(96/2·5·5) + 256 = 307,200 + 256
    expect(row(a, 'conv2').params.total).toBe(307_456);
    // conv3: 384·(256·3·3) + 384 = 884,736 + 384
    expect(row(a, 'conv3').params.total).toBe(885_120);
    // conv4, group 2: 384·(384/2·3·3) + 384 = 663,552 + 384
    expect(row(a, 'conv4').params.total).toBe(663_936);
    // conv5, group 2: 256·(384/2·3·3) + 256 = 442,368 + 256
    expect(row(a, 'conv5').params.total).toBe(442_624);
    // fc6: 9216·4096 + 4096; fc7: 4096·4096 + 4096; fc8: 4096·1000 + 1000
    expect(row(a, 'fc6').params.total).toBe(37_752_832);
    expect(row(a, 'fc7').params.total).toBe(16_781_312);
    expect(row(a, 'fc8').params.total).toBe(4_097_000);
    // Sum: 2,334,080 (conv) + 58,631,144 (fc) = 60,965,224, the count usually quoted for bvlc_alexnet.
    expect(a.params.total).toBe(60_965_224);
  });

  it('shapes: 227 → 55 → 27 → 13 → 6, the paper\'s Figure 2', () => {
    expect(row(a, 'conv1').output).toEqual([96, 55, 55]);
    expect(row(a, 'pool1').output).toEqual([96, 27, 27]);
    expect(row(a, 'pool2').output).toEqual([256, 13, 13]);
    expect(row(a, 'pool5').output).toEqual([256, 6, 6]);
    // conv2 MACs: 256·27·27·(48·25) = 223,948,800
    expect(row(a, 'conv2').macs).toBe(223_948_800);
  });

  it('at 224 (the paper\'s stated size) conv1 gives 54, pool5 5×5 and fc6 reads 6400 values', () => {
    const b = analyse(getNetwork('alexnet_2012'), [3, 224, 224]);
    // ⌊(224 − 11)/4⌋ + 1 = 54; pools: 54 → 26 → 12 → 5
    expect(row(b, 'conv1').output).toEqual([96, 54, 54]);
    expect(row(b, 'pool5').output).toEqual([256, 5, 5]);
    expect(row(b, 'fc6').input).toEqual([6400]);
  });

  it('LRN adds no parameters and keeps the shape', () => {
    expect(row(a, 'norm1').params.total).toBe(0);
    expect(row(a, 'norm1').output).toEqual(row(a, 'relu1').output);
  });
});
