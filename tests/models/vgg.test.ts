import { describe, expect, it } from 'vitest';
import { analyse, formatShape, type Analysis } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { vgg, vggCfgs, vggLayerLabel, vggPaperColumns, vggTable2 } from '../../src/models/vgg';

const TORCHVISION = 'https://pytorch.org/vision/stable/models.html';

/** torchvision's weights meta (num_params, GFLOPS), as listed at TORCHVISION. */
const golden = [
  { id: 'vgg11', params: 132_863_336, gflops: 7.609, source: TORCHVISION },
  { id: 'vgg11_bn', params: 132_868_840, gflops: 7.609, source: TORCHVISION },
  { id: 'vgg13', params: 133_047_848, gflops: 11.308, source: TORCHVISION },
  { id: 'vgg13_bn', params: 133_053_736, gflops: 11.308, source: TORCHVISION },
  { id: 'vgg16', params: 138_357_544, gflops: 15.47, source: TORCHVISION },
  { id: 'vgg16_bn', params: 138_365_992, gflops: 15.47, source: TORCHVISION },
  { id: 'vgg19', params: 143_667_240, gflops: 19.632, source: TORCHVISION },
  { id: 'vgg19_bn', params: 143_678_248, gflops: 19.632, source: TORCHVISION },
] as const;

function row(a: Analysis, name: string) {
  const r = a.rows.find((x) => x.name === name || x.label === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}

describe('vgg: torchvision golden figures', () => {
  it.each(golden)('$id: $params params, $gflops GFLOPS ($source)', ({ id, params, gflops }) => {
    const a = analyse(getNetwork(id));
    expect(a.params.total).toBe(params);
    // torchvision's "GFLOPS" column is MACs / 1e9, rounded to 3 decimals.
    expect(Number((a.macs / 1e9).toFixed(3))).toBe(gflops);
    expect(a.output).toEqual([1000]);
  });

  it('vgg16 splits params into weights and biases; bn adds γ/β only', () => {
    const a = analyse(getNetwork('vgg16'));
    // Biases: 13 convs (64·2 + 128·2 + 256·3 + 512·6 = 4224) + FC (4096 + 4096 + 1000 = 9192).
    expect(a.params.biases).toBe(4224 + 9192);
    expect(a.params.bn).toBe(0);
    // vgg16_bn − vgg16 = 2 · (sum of conv channels) = 2 · 4224 = 8448 = 138,365,992 − 138,357,544.
    expect(analyse(getNetwork('vgg16_bn')).params.bn).toBe(8448);
  });
});

describe('vgg16 at 224: shapes and receptive fields', () => {
  const a = analyse(getNetwork('vgg16'));

  it('halves the map at every pool (torchvision forward comments)', () => {
    const pools = a.rows.filter((r) => r.kind === 'maxpool').map((r) => formatShape(r.output));
    expect(pools).toEqual(['64×112×112', '128×56×56', '256×28×28', '512×14×14', '512×7×7']);
    expect(row(a, 'avgpool').output).toEqual([512, 7, 7]);
    expect(row(a, 'flatten').output).toEqual([25088]);
  });

  it('names nodes like torchvision modules and labels them like the paper', () => {
    expect(row(a, 'features.0').label).toBe('conv1_1');
    expect(row(a, 'features.28').label).toBe('conv5_3');
    expect(row(a, 'features.30').label).toBe('pool5');
    expect(row(a, 'classifier.6').label).toBe('fc8');
  });

  it('receptive fields derived by hand', () => {
    // r grows by (k−1)·S per layer; 3×3 convs add 2S, 2×2/2 pools add S and double S.
    // block1: 1+2+2 = 5, pool → 6 (S 2); block2: 6+4+4 = 14, pool → 16 (S 4);
    // block3: 16+3·8 = 40, pool → 44 (S 8); block4: 44+3·16 = 92, pool → 100 (S 16);
    // block5: 100+3·32 = 196 (S 16); pool5: 196+16 = 212 (S 32).
    expect(row(a, 'conv1_2').receptiveField?.size).toEqual([5, 5]);
    expect(row(a, 'pool1').receptiveField?.size).toEqual([6, 6]);
    expect(row(a, 'pool4').receptiveField).toMatchObject({ size: [100, 100], stride: [16, 16] });
    expect(row(a, 'conv5_3').receptiveField).toMatchObject({ size: [196, 196], stride: [16, 16] });
    // P: each pad-1 conv adds S (1,1 | 2,2 | 4,4,4 | 8,8,8 | 16,16,16) → 2+4+12+24+48 = 90.
    expect(row(a, 'conv5_3').receptiveField?.padding).toEqual([90, 90]);
    expect(row(a, 'pool5').receptiveField).toMatchObject({ size: [212, 212], stride: [32, 32], padding: [90, 90] });
    // The identity avgpool keeps the field; the top-level field is the last spatial one.
    expect(row(a, 'avgpool').receptiveField?.size).toEqual([212, 212]);
    expect(row(a, 'flatten').receptiveField).toBeNull();
    expect(a.receptiveField).toEqual({ size: [212, 212], stride: [32, 32], padding: [90, 90], aligned: true });
  });

  it('other inputs: 256 → 8×8 before avgpool (not divisible by 7: field ends); 448 → exact 2× downsampling', () => {
    const b = analyse(getNetwork('vgg16'), [3, 256, 256]);
    expect(row(b, 'pool5').output).toEqual([512, 8, 8]);
    expect(row(b, 'avgpool').receptiveField).toBeNull();
    expect(b.receptiveField.size).toEqual([212, 212]);
    expect(b.params.total).toBe(138_357_544);
    const c = analyse(getNetwork('vgg16'), [3, 448, 448]);
    // 14 → 7 is kernel = stride = 2: r = 212 + 1·32 = 244, S = 64.
    expect(row(c, 'avgpool').receptiveField).toMatchObject({ size: [244, 244], stride: [64, 64] });
  });

  it('too small an input fails at the first pool that does not fit', () => {
    expect(() => analyse(getNetwork('vgg16'), [3, 16, 16])).toThrow('features.30: kernel 2 does not fit a 1×1 input');
  });
});

describe('vgg config data', () => {
  it('torchvision cfgs have 8, 10, 13, 16 convs (+3 FC = 11, 13, 16, 19 weight layers)', () => {
    const convs = Object.values(vggCfgs).map((c) => c.filter((x) => x !== 'M').length);
    expect(convs).toEqual([8, 10, 13, 16]);
  });

  it('paper columns render as Table 1 labels', () => {
    expect(vggPaperColumns.C.map(vggLayerLabel).slice(6, 11)).toEqual(['conv3-256', 'conv3-256', 'conv1-256', 'maxpool', 'conv3-512']);
    expect(vggPaperColumns['A-LRN'].map(vggLayerLabel).slice(0, 3)).toEqual(['conv3-64', 'LRN', 'maxpool']);
  });

  it("reproduces the paper's Table 2 (parameters in millions: 133 133 133 134 138 144)", () => {
    // Source: Simonyan & Zisserman 2015, Table 2. C = B + conv1-256 (65,792) + 2 × conv1-512 (262,656).
    const t = vggTable2();
    expect(t.map((r) => [r.column, r.weightLayers, r.paramsMillions])).toEqual([
      ['A', 11, 133],
      ['A-LRN', 11, 133],
      ['B', 13, 133],
      ['C', 16, 134],
      ['D', 16, 138],
      ['E', 19, 144],
    ]);
    expect(t.find((r) => r.column === 'C')?.params).toBe(133_047_848 + 65_792 + 2 * 262_656);
    expect(t.find((r) => r.column === 'D')?.params).toBe(138_357_544);
  });

  it('vgg() builds the same network as the registry', () => {
    expect(vgg('D', true)).toEqual(getNetwork('vgg16_bn'));
    expect(getNetwork('vgg16').source).toBe('https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py');
  });

  it('vgg takes no options', () => {
    expect(() => getNetwork('vgg16', { strideOn: '1x1' })).toThrow(/option "strideOn" does not apply/);
  });
});
