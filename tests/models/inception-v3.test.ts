import { describe, expect, it } from 'vitest';
import { analyse, type Analysis, type LayerRow } from '../../src/calc/index';
import { inceptionV3 } from '../../src/models/inception-v3';

const TV_DOCS =
  'https://pytorch.org/vision/stable/models/generated/torchvision.models.inception_v3.html (Inception_V3_Weights.IMAGENET1K_V1: num_params 27161264, _ops 5.713)';

function row(a: Analysis, name: string): LayerRow {
  const r = a.rows.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}
const gflops = (macs: number) => Math.round(macs / 1e6) / 1e3;

describe('Inception v3 (torchvision) golden figures, 299×299', () => {
  it(`27,161,264 params with AuxLogits (default, as the pretrained builder) — ${TV_DOCS}`, () => {
    const a = analyse(inceptionV3());
    expect(a.params.total).toBe(27_161_264);
    expect(row(a, 'AuxLogits').params.total).toBe(3_326_696);
    expect(a.output).toEqual([1000]);
  });

  /*
   * Which convention gives 5.713? The main path alone: 5,713,216,096 MACs → 5.713. Including
   * AuxLogits (5,683,200 MACs: conv0 768·128·25 + conv1 128·768·25·1 + fc 768·1000) gives 5.719.
   * torchvision counts in eval mode, where forward() does not run AuxLogits; its params count
   * the head because the weights file has it.
   */
  it(`5.713 GFLOPS = MACs of the eval-mode forward (AuxLogits not run) at 299×299 — ${TV_DOCS}`, () => {
    const withAux = analyse(inceptionV3());
    // macs is one eval-mode forward pass: the head's MACs are reported apart, in auxMacs.
    expect(withAux.macs).toBe(5_713_216_096);
    expect(gflops(withAux.macs)).toBe(5.713);
    expect(row(withAux, 'AuxLogits').macs).toBe(5_683_200);
    expect(withAux.auxMacs).toBe(5_683_200);
    expect(gflops(withAux.macs + withAux.auxMacs)).toBe(5.719);
    expect(row(withAux, 'AuxLogits.fc').trainingOnly).toBe(true);
    expect(row(withAux, 'Mixed_7a').trainingOnly).toBe(false);
  });

  it('aux: false drops the head: 23,834,568 params, 5.713 GFLOPS (299×299)', () => {
    const a = analyse(inceptionV3({ aux: false }));
    expect(a.params.total).toBe(23_834_568);
    expect(gflops(a.macs)).toBe(5.713);
    expect(a.auxMacs).toBe(0);
    expect(a.rows.some((r) => r.name.startsWith('AuxLogits'))).toBe(false);
  });
});

describe('Inception v3 shape trace: torchvision forward() comments, 299×299', () => {
  const trace: readonly [string, readonly number[]][] = [
    ['Conv2d_1a_3x3', [32, 149, 149]],
    ['Conv2d_2a_3x3', [32, 147, 147]],
    ['Conv2d_2b_3x3', [64, 147, 147]],
    ['maxpool1', [64, 73, 73]],
    ['Conv2d_3b_1x1', [80, 73, 73]],
    ['Conv2d_4a_3x3', [192, 71, 71]],
    ['maxpool2', [192, 35, 35]],
    ['Mixed_5b', [256, 35, 35]],
    ['Mixed_5c', [288, 35, 35]],
    ['Mixed_5d', [288, 35, 35]],
    ['Mixed_6a', [768, 17, 17]],
    ['Mixed_6b', [768, 17, 17]],
    ['Mixed_6c', [768, 17, 17]],
    ['Mixed_6d', [768, 17, 17]],
    ['Mixed_6e', [768, 17, 17]],
    ['Mixed_7a', [1280, 8, 8]],
    ['Mixed_7b', [2048, 8, 8]],
    ['Mixed_7c', [2048, 8, 8]],
    ['avgpool', [2048, 1, 1]],
    ['fc', [1000]],
    // InceptionAux comments: N×768×17×17 → avg pool 5/3 → 768×5×5 → conv0 128×5×5 → conv1 768×1×1.
    ['AuxLogits.avgpool', [768, 5, 5]],
    ['AuxLogits.conv0.relu', [128, 5, 5]],
    ['AuxLogits.conv1.relu', [768, 1, 1]],
    ['AuxLogits.fc', [1000]],
  ];
  const a = analyse(inceptionV3());
  for (const [name, shape] of trace) {
    it(`${name}: ${shape.join('×')}`, () => expect(row(a, name).output).toEqual(shape));
  }

  it('node names follow torchvision (Mixed_5b.branch5x5_1.conv, Mixed_7b.branch3x3_2a.bn, AuxLogits.conv1.conv)', () => {
    const names = inceptionV3().layers.map((l) => l.name);
    for (const n of ['Conv2d_1a_3x3.conv', 'Mixed_5b.branch1x1.conv', 'Mixed_5b.branch5x5_1.conv', 'Mixed_5b.branch_pool.bn', 'Mixed_6e.branch7x7dbl_5.conv', 'Mixed_7a.branch7x7x3_4.conv', 'Mixed_7b.branch3x3_2a.bn', 'AuxLogits.conv1.conv', 'fc']) {
      expect(names).toContain(n);
    }
  });

  it('every stage is stride-aligned; the final field is at effective stride 32', () => {
    const a = analyse(inceptionV3());
    expect(a.receptiveField.stride).toEqual([32, 32]);
    expect(row(a, 'Mixed_6e').receptiveField?.stride).toEqual([16, 16]);
  });
});
