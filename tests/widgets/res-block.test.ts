import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type Analysis } from '../../src/calc/index';
import { resnet18, resnet50 } from '../../src/models/resnet';
import { computeBlock, planBlock, resBlock, type ResBlockValues } from '../../components/widgets/ResBlock/res-block';

const v = (over: Partial<ResBlockValues> = {}): ResBlockValues => ({ ...resBlock.defaults, ...over }) as ResBlockValues;

/** The core's rows of one block of a registry network, keyed by the name inside the block. */
function coreBlock(a: Analysis, prefix: string) {
  const rows = a.rows.filter((r) => r.kind !== 'block' && r.name.startsWith(`${prefix}.`));
  return new Map(rows.map((r) => [r.name.slice(prefix.length + 1), r]));
}

describe('res-block equals the core rows of real blocks', () => {
  it('resnet50 layer2.0 (bottleneck 256×56×56, width 128, stride 2, projection)', () => {
    /*
     * By hand: conv1 1·1·256·128 = 32,768 (+256 BN); conv2 3·3·128·128 = 147,456 (+256);
     * conv3 1·1·128·512 = 65,536 (+1,024); downsample 1·1·256·512 = 131,072 (+1,024).
     * Total = 32,768 + 147,456 + 65,536 + 131,072 + 256 + 256 + 1,024 + 1,024 = 379,392.
     * MACs: conv1 at 56² = 32,768·3,136 = 102,760,448; conv2 at 28² = 147,456·784 = 115,605,504;
     * conv3 65,536·784 = 51,380,224; downsample 131,072·784 = 102,760,448 → 372,506,624.
     */
    const r = computeBlock('bottleneck', v());
    const core = coreBlock(analyse(resnet50()), 'layer2.0');
    for (const row of r.analysis.rows) {
      const c = core.get(row.name);
      expect(c, row.name).toBeDefined();
      expect(row.params).toEqual(c!.params);
      expect(row.macs).toBe(c!.macs);
      expect(row.output).toEqual(c!.output);
    }
    expect(r.analysis.rows.length).toBe(core.size);
    expect(r.analysis.params.total).toBe(379_392);
    expect(r.analysis.macs).toBe(372_506_624);
    expect(r.shortcut).toEqual({ params: 132_096, macs: 102_760_448 });
    expect(r.analysis.output).toEqual([512, 28, 28]);
  });

  it('resnet18 layer2.0 (basic 64×56×56, width 128, stride 2, projection)', () => {
    /*
     * conv1 3·3·64·128 = 73,728 (+256); conv2 3·3·128·128 = 147,456 (+256);
     * downsample 1·1·64·128 = 8,192 (+256) → 230,144. MACs at 28²:
     * (73,728 + 147,456 + 8,192)·784 = 229,376·784 = 179,830,784.
     */
    const r = computeBlock('basic', v({ kind: 'basic', cin: 64 }));
    const core = coreBlock(analyse(resnet18()), 'layer2.0');
    for (const row of r.analysis.rows) {
      expect(row.params, row.name).toEqual(core.get(row.name)!.params);
      expect(row.macs, row.name).toBe(core.get(row.name)!.macs);
    }
    expect(r.analysis.rows.length).toBe(core.size);
    expect(r.analysis.params.total).toBe(230_144);
    expect(r.analysis.macs).toBe(179_830_784);
  });

  it('resnet50 layer3.1 (identity shortcut inside a stage)', () => {
    const r = computeBlock('bottleneck', v({ cin: 1024, planes: 256, stride: '1', size: 14 }));
    const core = coreBlock(analyse(resnet50()), 'layer3.1');
    expect(r.plan.projection).toBe(false);
    expect(r.analysis.params.total).toBe([...core.values()].reduce((s, x) => s + x.params.total, 0));
    // 1·1·1024·256 + 3·3·256·256 + 1·1·256·1024 + 2·(256 + 256 + 1024) = 262,144 + 589,824 + 262,144 + 3,072
    expect(r.analysis.params.total).toBe(1_117_184);
  });
});

describe('shortcut rules and blame', () => {
  it('auto projects exactly when stride ≠ 1 or channels change', () => {
    expect(planBlock('bottleneck', 256, 64, 1, 'auto').projection).toBe(false);
    expect(planBlock('bottleneck', 64, 64, 1, 'auto').projection).toBe(true); // resnet50 layer1.0: 64 → 256
    expect(planBlock('basic', 64, 64, 1, 'auto').projection).toBe(false); // resnet18 layer1.0
    expect(planBlock('basic', 64, 64, 2, 'auto').projection).toBe(true);
    expect(planBlock('basic', 64, 64, 1, 'projection').projection).toBe(true);
  });

  it('identity while the shape changes: the core add throws shape-mismatch, blamed on the shortcut', () => {
    let caught: unknown;
    try {
      resBlock.render(v({ shortcut: 'identity' }), resBlock.labels);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalcError);
    expect((caught as CalcError).code).toBe('shape-mismatch');
    expect(resBlock.blame!(caught as Error, v({ shortcut: 'identity' }))).toBe('shortcut');
    expect(resBlock.blame!(new Error('other'), v())).toBeUndefined();
  });

  it('identity is fine when the shape is kept; option C costs a full 1×1 C→C conv + BN', () => {
    const id = computeBlock('bottleneck', v({ cin: 256, planes: 64, stride: '1', shortcut: 'identity' }));
    const c = computeBlock('bottleneck', v({ cin: 256, planes: 64, stride: '1', shortcut: 'projection' }));
    expect(c.analysis.params.total - id.analysis.params.total).toBe(256 * 256 + 2 * 256);
  });
});

describe('summary and render', () => {
  it('summary of the defaults', () => {
    expect(resBlock.summary(v(), resBlock.labels)).toBe(
      'Bottleneck block 256×56×56 → 512×28×28 with a 1×1 projection shortcut (132,096 parameters): 379,392 parameters, 372.5 M MACs.',
    );
    // resnet50 layer1.1: 256 → 256 at stride 1 keeps the identity. Params 69,632 weights + 2·(64 + 64 + 256) = 70,400;
    // MACs = 69,632 · 56 · 56 = 218,365,952 → "218.4 M".
    expect(resBlock.summary(v({ planes: 64, stride: '1' }), resBlock.labels)).toBe(
      'Bottleneck block 256×56×56 → 256×56×56 with an identity shortcut: 70,400 parameters, 218.4 M MACs.',
    );
  });

  it('render shows the substituted derivation and both block kinds', () => {
    const html = resBlock.render(v(), resBlock.labels);
    expect(html).toContain('1·1·256·128 + 2·128 = <strong>33,024</strong>');
    expect(html).toContain('1·1·256·512·28·28');
    expect(html).toContain('Basic');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('property: block total = main + shortcut, never NaN, output = planes·expansion × ceil(size/stride)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('basic' as const, 'bottleneck' as const),
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 1, max: 256 }),
        fc.constantFrom('1', '2'),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('auto' as const, 'projection' as const),
        (kind, cin, planes, stride, size, shortcut) => {
          const vals = v({ kind, cin, planes, stride, size, shortcut });
          const r = computeBlock(kind, vals);
          expect(r.main.params + r.shortcut.params).toBe(r.analysis.params.total);
          expect(r.analysis.output).toEqual([planes * (kind === 'basic' ? 1 : 4), Math.ceil(size / Number(stride)), Math.ceil(size / Number(stride))]);
          expect(resBlock.render(vals, resBlock.labels)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
