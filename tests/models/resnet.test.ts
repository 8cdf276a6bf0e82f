import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type Analysis, type LayerRow, type LayerSpec } from '../../src/calc/index';
import {
  resnet,
  resnet18,
  resnet50,
  resnetBlockConvs,
  resnetDepths,
  resnetStages,
  resnetTable1,
  type ResNetDepth,
} from '../../src/models/resnet';

const TV_DOCS = 'https://pytorch.org/vision/stable/models.html (ResNet*_Weights.IMAGENET1K_V1 meta: num_params, _ops)';
const PAPER = 'He et al. 2016, Table 1 (arXiv:1512.03385)';

function row(a: Analysis, name: string): LayerRow {
  const r = a.rows.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no row ${name}`);
  return r;
}
function node(layers: readonly LayerSpec[], name: string): LayerSpec {
  const n = layers.find((x) => x.name === name);
  if (n === undefined) throw new Error(`no node ${name}`);
  return n;
}
const gflops = (macs: number) => Math.round(macs / 1e6) / 1e3;

describe('ResNet golden figures (torchvision, 224×224, strideOn 3×3 = V1.5, output stride 32)', () => {
  const golden: readonly [ResNetDepth, number, number][] = [
    [18, 11_689_512, 1.814],
    [34, 21_797_672, 3.664],
    [50, 25_557_032, 4.089],
    [101, 44_549_160, 7.801],
    [152, 60_192_808, 11.514],
  ];
  for (const [depth, params, gf] of golden) {
    it(`resnet${depth}: ${params.toLocaleString('en')} params and ${gf} GFLOPS (MACs/1e9) — ${TV_DOCS}`, () => {
      const a = analyse(resnet(depth));
      expect(a.params.total).toBe(params);
      expect(gflops(a.macs)).toBe(gf);
      expect(a.output).toEqual([1000]);
    });
  }

  it('resnet50 exact MACs at 224: 4,089,184,256 (conv + fc multiply-accumulates)', () => {
    expect(analyse(resnet50()).macs).toBe(4_089_184_256);
  });

  it('block rows layer1…layer4 + stem + fc add up to the total (resnet50)', () => {
    const a = analyse(resnet50());
    const parts = ['conv1', 'bn1', 'layer1', 'layer2', 'layer3', 'layer4', 'fc'].map((n) => row(a, n).params.total);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(a.params.total);
  });
});

describe('ResNet shape traces (torchvision forward(), 224×224)', () => {
  it('resnet50: stem 64×112×112 → maxpool 64×56×56, layer1 256×56×56, layer2 512×28×28, layer3 1024×14×14, layer4 2048×7×7', () => {
    const a = analyse(resnet50());
    expect(row(a, 'conv1').output).toEqual([64, 112, 112]);
    expect(row(a, 'maxpool').output).toEqual([64, 56, 56]);
    expect(row(a, 'layer1').output).toEqual([256, 56, 56]);
    expect(row(a, 'layer2').output).toEqual([512, 28, 28]);
    expect(row(a, 'layer3').output).toEqual([1024, 14, 14]);
    expect(row(a, 'layer4').output).toEqual([2048, 7, 7]);
    expect(row(a, 'avgpool').output).toEqual([2048, 1, 1]);
  });

  it('resnet18: layer1 64×56×56 … layer4 512×7×7; fc 512 → 1000', () => {
    const a = analyse(resnet18());
    expect(row(a, 'layer1').output).toEqual([64, 56, 56]);
    expect(row(a, 'layer4').output).toEqual([512, 7, 7]);
    expect(row(a, 'fc').input).toEqual([512]);
  });

  it('outputStride 16 (replace_stride_with_dilation=[F,F,T]): layer4 2048×14×14', () => {
    const a = analyse(resnet50({ outputStride: 16 }));
    expect(row(a, 'layer3').output).toEqual([1024, 14, 14]);
    expect(row(a, 'layer4').output).toEqual([2048, 14, 14]);
  });

  it('outputStride 8 ([F,T,T]): layer3 1024×28×28 and layer4 2048×28×28', () => {
    const a = analyse(resnet50({ outputStride: 8 }));
    expect(row(a, 'layer2').output).toEqual([512, 28, 28]);
    expect(row(a, 'layer3').output).toEqual([1024, 28, 28]);
    expect(row(a, 'layer4').output).toEqual([2048, 28, 28]);
  });

  it('node names follow torchvision module paths', () => {
    const names = resnet50().layers.map((l) => l.name);
    for (const n of ['conv1', 'bn1', 'relu', 'maxpool', 'layer1.0.conv1', 'layer1.0.bn1', 'layer1.0.downsample.0', 'layer1.0.downsample.1', 'layer1.0.add', 'layer1.0.relu', 'layer3.5.conv3', 'avgpool', 'fc']) {
      expect(names).toContain(n);
    }
    // Downsample only where stride ≠ 1 or channels change: the first block of each stage.
    expect(names.filter((n) => n.endsWith('.downsample.0'))).toEqual([
      'layer1.0.downsample.0',
      'layer2.0.downsample.0',
      'layer3.0.downsample.0',
      'layer4.0.downsample.0',
    ]);
    // resnet18's layer1 keeps 64 channels at stride 1: no downsample there.
    expect(resnet18().layers.map((l) => l.name)).not.toContain('layer1.0.downsample.0');
  });
});

describe('ResNet receptive fields (derived by hand with r ← r + (k_eff − 1)·S, S ← S·s)', () => {
  /*
   * resnet50, V1.5 (stride on the 3×3). 1×1 convs add nothing; each 3×3 adds 2·S (dilated: 2·d·S);
   * the shortcut's field is inside the main path's, so an add keeps the main path's r.
   *   conv1 7×7/2:             r = 1 + 6·1       = 7,   S = 2
   *   maxpool 3×3/2:           r = 7 + 2·2       = 11,  S = 4
   *   layer1, 3 × 3×3 @ S=4:   r = 11 + 3·8      = 35
   *   layer2.0 3×3/2 @ S=4:    r = 35 + 8        = 43,  S = 8;  3 more blocks: + 3·16 = 91
   *   layer3.0 3×3/2 @ S=8:    r = 91 + 16       = 107, S = 16; 5 more:        + 5·32 = 267
   *   layer4.0 3×3/2 @ S=16:   r = 267 + 32      = 299, S = 32; 2 more:        + 2·64 = 427
   * V1 (stride on the first 1×1): each stage's first 3×3 already runs at the doubled S:
   *   layer2: 35 + 16 + 3·16 = 99; layer3: 99 + 32 + 5·32 = 291; layer4: 291 + 64 + 2·64 = 483
   *   (483 is the ResNet-50 value in Araujo et al., Distill 2019, computed on the original V1).
   * Effective padding P (V1.5): 3 (conv1) + 1·2 (maxpool) + 3·4 + (4 + 3·8) + (8 + 5·16) + (16 + 2·32)
   *   = 213 = (427 − 1)/2, so the field is centred on the unit.
   */
  it('resnet50 (V1.5) at layer4: r = 427, S = 32, P = 213', () => {
    const rf = row(analyse(resnet50()), 'layer4').receptiveField;
    expect(rf).toEqual({ size: [427, 427], stride: [32, 32], padding: [213, 213], aligned: true });
  });

  it('resnet50 intermediate stages: layer1 35, layer2 91, layer3 267', () => {
    const a = analyse(resnet50());
    expect(row(a, 'layer1').receptiveField?.size).toEqual([35, 35]);
    expect(row(a, 'layer2').receptiveField?.size).toEqual([91, 91]);
    expect(row(a, 'layer3').receptiveField?.size).toEqual([267, 267]);
  });

  it('resnet50 V1 (strideOn 1×1) at layer4: r = 483', () => {
    expect(row(analyse(resnet50({ strideOn: '1x1' })), 'layer4').receptiveField?.size).toEqual([483, 483]);
  });

  /*
   * resnet18 (BasicBlock, two 3×3 per block, stride on the first):
   *   maxpool 11 @ S=4; layer1 4 convs: 11 + 4·8 = 43; layer2: 43 + 8 + 3·16 = 99 (S=8);
   *   layer3: 99 + 16 + 3·32 = 211 (S=16); layer4: 211 + 32 + 3·64 = 435 (S=32).
   */
  it('resnet18 at layer4: r = 435, S = 32', () => {
    const rf = row(analyse(resnet18()), 'layer4').receptiveField;
    expect(rf?.size).toEqual([435, 435]);
    expect(rf?.stride).toEqual([32, 32]);
  });

  /*
   * Dilation keeps the field: OS16, layer4 at S = 16: block 0 (previous dilation 1) adds 2·16 = 32,
   * blocks 1–2 (dilation 2, k_eff 5) add 4·16 = 64 each: 267 + 32 + 128 = 427.
   * OS8, layer3 at S = 8: 91 + 16 + 5·(4·8) = 267; layer4 (block 0 dilation 2, then 4; k_eff 5, 9):
   *   267 + 4·8 + 2·(8·8) = 427.
   */
  it('outputStride 16 / 8 change the effective stride to 16 / 8 and keep r = 427', () => {
    for (const os of [16, 8] as const) {
      const a = analyse(resnet50({ outputStride: os }));
      expect(row(a, 'layer4').receptiveField).toEqual({ size: [427, 427], stride: [os, os], padding: [213, 213], aligned: true });
      expect(a.receptiveField.stride).toEqual([os, os]);
    }
    expect(row(analyse(resnet50({ outputStride: 8 })), 'layer3').receptiveField?.size).toEqual([267, 267]);
  });
});

describe('ResNet V1 (stride on 1×1, the paper) vs V1.5 (stride on 3×3, torchvision)', () => {
  it('same parameters, fewer MACs and a larger receptive field for V1 (resnet50, 224×224)', () => {
    const v15 = analyse(resnet50());
    const v1 = analyse(resnet50({ strideOn: '1x1' }));
    expect(v1.params).toEqual(v15.params);
    expect(v1.macs).toBe(3_857_973_248);
    expect(v1.macs).toBeLessThan(v15.macs);
    expect(v1.receptiveField.size[0]).toBeGreaterThan(v15.receptiveField.size[0]);
  });

  it('property: for every Bottleneck depth and output stride, strideOn never changes params', () => {
    fc.assert(
      fc.property(fc.constantFrom<ResNetDepth>(50, 101, 152), fc.constantFrom<8 | 16 | 32>(8, 16, 32), (depth, outputStride) => {
        const a = analyse(resnet(depth, { outputStride, strideOn: '3x3' }));
        const b = analyse(resnet(depth, { outputStride, strideOn: '1x1' }));
        expect(b.params).toEqual(a.params);
        // Neither do the output stride options: dilation reuses the same weights.
        expect(analyse(resnet(depth)).params).toEqual(a.params);
        expect(b.macs).toBeLessThanOrEqual(a.macs);
      }),
      { numRuns: 9 },
    );
  });

  it(`V1 MACs are within 2% of the paper's FLOPs row (1.8, 3.6, 3.8, 7.6, 11.3 ×10⁹) — ${PAPER}`, () => {
    for (const d of resnetDepths) {
      const net = d.block === 'bottleneck' ? resnet(d.depth, { strideOn: '1x1' }) : resnet(d.depth);
      const g = analyse(net).macs / 1e9;
      expect(Math.abs(g - d.paperFlopsG) / d.paperFlopsG).toBeLessThan(0.02);
    }
    // V1.5 resnet50 (4.089) is 7.6% above the paper's 3.8: the paper counted V1.
    expect(analyse(resnet50()).macs / 1e9 / 3.8).toBeGreaterThan(1.07);
  });
});

describe('ResNet dilation follows torchvision _make_layer', () => {
  it('outputStride 16: layer4 stride 1; layer4.0 keeps dilation 1 (previous_dilation), later blocks dilation 2, padding = dilation', () => {
    const layers = resnet50({ outputStride: 16 }).layers;
    expect(node(layers, 'layer4.0.conv2')).toMatchObject({ kernel: 3, padding: 1 });
    expect(node(layers, 'layer4.0.conv2')).not.toHaveProperty('stride');
    expect(node(layers, 'layer4.0.conv2')).not.toHaveProperty('dilation');
    expect(node(layers, 'layer4.1.conv2')).toMatchObject({ dilation: 2, padding: 2 });
    expect(node(layers, 'layer4.2.conv2')).toMatchObject({ dilation: 2, padding: 2 });
    // The downsample still projects 1024 → 2048, now at stride 1.
    expect(node(layers, 'layer4.0.downsample.0')).toMatchObject({ kind: 'conv', out: 2048, kernel: 1 });
    expect(node(layers, 'layer4.0.downsample.0')).not.toHaveProperty('stride');
  });

  it('outputStride 8: layer3 dilation 1 then 2; layer4 dilation 2 then 4', () => {
    const layers = resnet50({ outputStride: 8 }).layers;
    expect(node(layers, 'layer3.0.conv2')).toMatchObject({ padding: 1 });
    expect(node(layers, 'layer3.5.conv2')).toMatchObject({ dilation: 2, padding: 2 });
    expect(node(layers, 'layer4.0.conv2')).toMatchObject({ dilation: 2, padding: 2 });
    expect(node(layers, 'layer4.2.conv2')).toMatchObject({ dilation: 4, padding: 4 });
  });

  it('BasicBlock + outputStride 16/8 is a CalcError (torchvision: "Dilation > 1 not supported in BasicBlock")', () => {
    for (const d of [18, 34] as const) {
      for (const os of [16, 8] as const) {
        let err: unknown;
        try {
          resnet(d, { outputStride: os });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(CalcError);
        expect((err as CalcError).code).toBe('bad-option');
        expect((err as CalcError).message).toMatch(/BasicBlock/);
      }
    }
    expect(() => resnet18({ strideOn: '1x1' })).toThrow(CalcError);
    expect(() => resnet50({ outputStride: 4 as unknown as 8 })).toThrow(/outputStride must be 8, 16 or 32/);
  });
});

describe(`ResNet Table 1 data — ${PAPER}`, () => {
  it('depth = 2 + (convs per block) × (blocks), e.g. 50 = 2 + 3·(3+4+6+3)', () => {
    for (const d of resnetDepths) {
      const blocks = d.repeats.reduce((s, x) => s + x, 0);
      expect(2 + resnetBlockConvs(d.block, 64).length * blocks).toBe(d.depth);
    }
  });

  it('table cells are 4 stages × 5 depths and match the builders (conv count per stage)', () => {
    expect(resnetTable1.cells).toHaveLength(4);
    for (const cells of resnetTable1.cells) expect(cells.map((c) => c.depth)).toEqual([18, 34, 50, 101, 152]);
    const names = resnet(152).layers.map((l) => l.name);
    resnetStages.forEach((stage, i) => {
      const cell = resnetTable1.cells[i]?.[4];
      const convs = names.filter((n) => new RegExp(`^${stage.torchvisionName}\\.\\d+\\.conv\\d$`).test(n));
      expect(convs).toHaveLength((cell?.repeat ?? 0) * 3);
    });
  });

  it('stage output sizes in the table match the analysed shapes', () => {
    const a = analyse(resnet50());
    for (const s of resnetStages) expect(row(a, s.torchvisionName).output.slice(1)).toEqual([s.outputSize, s.outputSize]);
    expect(row(a, 'conv1').output[1]).toBe(resnetTable1.stem.outputSize);
  });
});

describe('registry entries (src/models/registry.ts)', () => {
  it('getNetwork builds every ResNet; BasicBlock + outputStride 16 gives the builder\'s BasicBlock error', async () => {
    const { getNetwork, networkOptions } = await import('../../src/models/registry');
    expect(analyse(getNetwork('resnet50', { strideOn: '1x1', outputStride: 16 })).params.total).toBe(25_557_032);
    expect(() => getNetwork('resnet18', { outputStride: 16 })).toThrow(/BasicBlock/);
    expect(() => getNetwork('resnet18', { strideOn: '1x1' })).toThrow(CalcError);
    expect(networkOptions('resnet101')).toEqual(['strideOn', 'outputStride']);
    for (const id of ['googlenet', 'googlenet_2014', 'inception_v3']) expect(networkOptions(id)).toEqual(['aux']);
    expect(networkOptions('xception')).toEqual([]);
    expect(analyse(getNetwork('googlenet', { aux: true })).params.total).toBe(13_004_888);
    expect(analyse(getNetwork('inception_v3', { aux: false })).params.total).toBe(23_834_568);
  });
});
