import { describe, expect, it } from 'vitest';
import { analyse, formatShape, type Analysis } from '../../src/calc/index';
import { alexnet, alexnet_2012 } from '../../src/models/alexnet';
import { getNetwork } from '../../src/models/registry';

const TORCHVISION = 'https://pytorch.org/vision/stable/models.html';
const BVLC = 'https://github.com/BVLC/caffe/blob/master/models/bvlc_alexnet/deploy.prototxt';

function row(a: Analysis, name: string) {
  const r = a.rows.find((x) => x.name === name || x.label === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}

describe('alexnet (torchvision, "one weird trick")', () => {
  const a = analyse(getNetwork('alexnet'));

  it(`61,100,840 params and 0.714 GFLOPS (${TORCHVISION})`, () => {
    // conv1 64·3·121+64 = 23,296; conv2 192·64·25+192 = 307,392; conv3 384·192·9+384 = 663,936;
    // conv4 256·384·9+256 = 884,992; conv5 256·256·9+256 = 590,080;
    // fc6 9216·4096+4096 = 37,752,832; fc7 4096·4096+4096 = 16,781,312; fc8 4096·1000+1000 = 4,097,000.
    expect(a.params.total).toBe(23_296 + 307_392 + 663_936 + 884_992 + 590_080 + 37_752_832 + 16_781_312 + 4_097_000);
    expect(a.params.total).toBe(61_100_840);
    // MACs: conv1 64·55²·363 = 70,276,800; conv2 192·27²·1600 = 223,948,800; conv3 384·13²·1728 = 112,140,288;
    // conv4 256·13²·3456 = 149,520,384; conv5 256·13²·2304 = 99,680,256; FC 58,621,952 → 714,188,480.
    expect(a.macs).toBe(714_188_480);
    expect(Number((a.macs / 1e9).toFixed(3))).toBe(0.714);
  });

  it('shape trace: 64×55×55 → 64×27×27 → 192×27×27 → 192×13×13 → 384×13×13 → 256×13×13 → 256×6×6', () => {
    // conv1: ⌊(224 + 4 − 11)/4⌋ + 1 = 55; pools: ⌊(55 − 3)/2⌋ + 1 = 27, 13, 6.
    const trace = a.rows.filter((r) => r.kind === 'conv' || r.kind === 'maxpool').map((r) => formatShape(r.output));
    expect(trace).toEqual(['64×55×55', '64×27×27', '192×27×27', '192×13×13', '384×13×13', '256×13×13', '256×13×13', '256×6×6']);
    expect(row(a, 'flatten').output).toEqual([9216]);
  });

  it('receptive field: r 195, S 32 after the last pool (derivation in receptive-field.test.ts)', () => {
    // 11 → 19 → 51 → 67 → 99 → 131 → 163 → 195; P = 2 + 2·8 + 3·16 = 66.
    expect(row(a, 'pool5').receptiveField).toEqual({ size: [195, 195], stride: [32, 32], padding: [66, 66], aligned: true });
    expect(row(a, 'conv5').receptiveField).toMatchObject({ size: [163, 163], stride: [16, 16] });
    expect(a.receptiveField.size).toEqual([195, 195]);
    expect(row(a, 'classifier.1').label).toBe('fc6');
  });

  it('dropout comes before fc6 and fc7, as in torchvision', () => {
    expect(a.rows.slice(-7).map((r) => r.kind)).toEqual(['dropout', 'linear', 'act', 'dropout', 'linear', 'act', 'linear']);
  });
});

describe('alexnet_2012 (BVLC Caffe bvlc_alexnet)', () => {
  const a = analyse(getNetwork('alexnet_2012'));

  it(`60,965,224 params (${BVLC})`, () => {
    // conv1 96·3·121+96 = 34,944; conv2 (group 2) 256·48·25+256 = 307,456; conv3 384·256·9+384 = 885,120;
    // conv4 (group 2) 384·192·9+384 = 663,936; conv5 (group 2) 256·192·9+256 = 442,624;
    // fc6 9216·4096+4096 = 37,752,832; fc7 16,781,312; fc8 4,097,000.
    // Sum 60,965,224: the count usually quoted for bvlc_alexnet.
    expect(a.params.total).toBe(34_944 + 307_456 + 885_120 + 663_936 + 442_624 + 37_752_832 + 16_781_312 + 4_097_000);
    expect(a.params.total).toBe(60_965_224);
    // Without groups conv2/4/5 would hold 614,656 + 1,327,488 + 884,992: the towers halve them.
  });

  it('MACs by hand: 724,406,816', () => {
    // conv1 96·55²·363 = 105,415,200; conv2 256·27²·1200 = 223,948,800; conv3 384·13²·2304 = 149,520,384;
    // conv4 384·13²·1728 = 112,140,288; conv5 256·13²·1728 = 74,760,192; FC 58,621,952.
    expect(a.macs).toBe(724_406_816);
  });

  it('shape trace at 227: 96×55×55 → 96×27×27 → 256×27×27 → 256×13×13 → 384×13×13 → 384×13×13 → 256×13×13 → 256×6×6', () => {
    // conv1: (227 − 11)/4 + 1 = 55 exactly, which is why Caffe uses 227 where the paper says 224.
    const trace = a.rows.filter((r) => r.kind === 'conv' || r.kind === 'maxpool').map((r) => formatShape(r.output));
    expect(trace).toEqual(['96×55×55', '96×27×27', '256×27×27', '256×13×13', '384×13×13', '384×13×13', '256×13×13', '256×6×6']);
    expect(row(a, 'norm1').detail).toBe('LRN, size 5, α 0.0001, β 0.75, k 1');
  });

  it('receptive field: same r and S as torchvision (195, 32), P 64 (conv1 unpadded)', () => {
    // conv1 r 11 P 0; pool1 19; conv2 51, P 2·8 = 16; pool2 67; conv3-5 99, 131, 163, P 16 + 3·16 = 64; pool5 195.
    expect(a.receptiveField).toEqual({ size: [195, 195], stride: [32, 32], padding: [64, 64], aligned: true });
  });

  it('at 224 the Caffe net does not reach 6×6 (the paper\'s 224 is a known inconsistency)', () => {
    // conv1 ⌊213/4⌋ + 1 = 54; pool 26; pool 12; pool5 5 → fc6 reads 6,400, not 9,216.
    const b = analyse(alexnet_2012(), [3, 224, 224]);
    expect(row(b, 'pool5').output).toEqual([256, 5, 5]);
    expect(row(b, 'fc6').params.weights).toBe(6400 * 4096);
  });

  it('builders carry their sources', () => {
    expect(alexnet().source).toBe('https://github.com/pytorch/vision/blob/main/torchvision/models/alexnet.py');
    expect(alexnet_2012().source).toBe(BVLC);
    expect(alexnet_2012().input).toEqual([3, 227, 227]);
  });
});
