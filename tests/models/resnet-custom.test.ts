import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError } from '../../src/calc/index';
import { resnet, resnetCustom, resnetDepths, resnetWeightLayers } from '../../src/models/resnet';

describe('resnetCustom: any blocks per stage, same builder as resnet(depth)', () => {
  it('reproduces every Table 1 depth layer for layer (only id and title differ)', () => {
    for (const d of resnetDepths) {
      for (const strideOn of d.block === 'bottleneck' ? (['3x3', '1x1'] as const) : (['3x3'] as const)) {
        const custom = resnetCustom({ block: d.block, repeats: d.repeats }, { strideOn });
        const paper = resnet(d.depth, { strideOn });
        expect(custom.layers).toEqual(paper.layers);
        expect(custom.id).toBe('resnet_custom');
        expect(custom.title).toContain(`ResNet-${d.depth} (custom`);
      }
    }
  });

  it('depth = 2 + (2 or 3)·Σn: 18, 34, 50, 101, 152 for the paper columns', () => {
    expect(resnetDepths.map((d) => resnetWeightLayers(d))).toEqual([18, 34, 50, 101, 152]);
  });

  it('rejects bad stage counts and block kinds with a CalcError', () => {
    for (const repeats of [[0, 1, 1, 1], [1, 1.5, 1, 1], [1, 1, 1, 101], [1, 1, 1, Number.NaN]] as const) {
      expect(() => resnetCustom({ block: 'basic', repeats: repeats as unknown as [number, number, number, number] })).toThrow(CalcError);
    }
    expect(() => resnetCustom({ block: 'wide' as 'basic', repeats: [1, 1, 1, 1] })).toThrow(CalcError);
    expect(() => resnetCustom({ block: 'basic', repeats: [1, 1, 1] as unknown as [number, number, number, number] })).toThrow(CalcError);
    expect(() => resnetCustom({ block: 'basic', repeats: [1, 1, 1, 1] }, { strideOn: '1x1' })).toThrow(CalcError);
  });

  it('property: output 1000 classes, stride 32, params grow by one identical block per extra block', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('basic' as const, 'bottleneck' as const),
        fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
        fc.integer({ min: 0, max: 3 }),
        (block, repeats, stage) => {
          const a = analyse(resnetCustom({ block, repeats }));
          expect(a.output).toEqual([1000]);
          expect(a.receptiveField.stride).toEqual([32, 32]);
          const more = [...repeats] as [number, number, number, number];
          more[stage] = (more[stage] ?? 0) + 1;
          const b = analyse(resnetCustom({ block, repeats: more }));
          // The added block is a non-first block of stage `stage`: same params as that stage's block 1.
          const name = `layer${stage + 1}.1.`;
          const added = b.rows.filter((r) => r.kind !== 'block' && r.name.startsWith(name)).reduce((s, r) => s + r.params.total, 0);
          expect(b.params.total - a.params.total).toBe(added);
        },
      ),
      { numRuns: 40 },
    );
  });
});
