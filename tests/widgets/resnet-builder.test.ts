import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError } from '../../src/calc/index';
import { resnet } from '../../src/models/resnet';
import { computeBuilder, resNetBuilder, type ResNetBuilderValues } from '../../components/widgets/ResNetBuilder/resnet-builder';

const v = (over: Partial<ResNetBuilderValues> = {}): ResNetBuilderValues => ({ ...resNetBuilder.defaults, ...over }) as ResNetBuilderValues;

describe('resnet-builder groups the core analysis into Table 1 stages', () => {
  it('resnet50 V1.5 at 224: torchvision totals, stage outputs and fields', () => {
    const r = computeBuilder(v());
    // torchvision ResNet50_Weights.IMAGENET1K_V1: num_params 25,557,032; _ops 4.089 GFLOPS.
    expect(r.analysis.params.total).toBe(25_557_032);
    expect(r.analysis.macs).toBe(4_089_184_256);
    expect(r.stages.map((s) => s.output)).toEqual([[256, 56, 56], [512, 28, 28], [1024, 14, 14], [2048, 7, 7]]);
    expect(r.stages.map((s) => s.blocks)).toEqual([3, 4, 6, 3]);
    // Fields derived by hand in tests/models/resnet.test.ts: 35, 91, 267, 427 at strides 4, 8, 16, 32.
    expect(r.stages.map((s) => s.rf?.size[0])).toEqual([35, 91, 267, 427]);
    expect(r.stages.map((s) => s.rf?.stride[0])).toEqual([4, 8, 16, 32]);
    // Stem: 7·7·3·64 + 2·64 = 9,408 + 128 = 9,536. Head: 2048·1000 + 1000 = 2,049,000.
    expect(r.stem.params).toBe(9_536);
    expect(r.head.params).toBe(2_049_000);
    expect(r.stem.params + r.stages.reduce((s, x) => s + x.params, 0) + r.head.params).toBe(r.analysis.params.total);
  });

  it('stage = block 0 + (n − 1)·block 1, for every stage (resnet152)', () => {
    const r = computeBuilder(v({ depth: '152' }));
    for (const s of r.stages) {
      const p0 = s.first.reduce((t, x) => t + x.params.total, 0);
      const p1 = s.later.reduce((t, x) => t + x.params.total, 0);
      expect(p0 + (s.blocks - 1) * p1).toBe(s.params);
    }
    expect(r.analysis.params.total).toBe(60_192_808);
  });

  it('V1 (stride on 1×1): same parameters, fewer MACs, larger field (483 at layer4)', () => {
    const v15 = computeBuilder(v());
    const v1 = computeBuilder(v({ strideOn: '1x1' }));
    expect(v1.analysis.params.total).toBe(v15.analysis.params.total);
    expect(v1.analysis.macs).toBeLessThan(v15.analysis.macs);
    expect(v1.stages[3]!.rf?.size[0]).toBe(483);
    expect(v1.analysis.macs).toBe(analyse(resnet(50, { strideOn: '1x1' })).macs);
  });

  it('custom with the resnet34 counts equals resnet34; depth line counts weight layers', () => {
    const r = computeBuilder(v({ depth: 'custom', block: 'basic', n1: 3, n2: 4, n3: 6, n4: 3 }));
    expect(r.analysis.params.total).toBe(21_797_672);
    const html = resNetBuilder.render(v({ depth: 'custom', block: 'basic', n1: 3, n2: 4, n3: 6, n4: 3 }), resNetBuilder.labels);
    expect(html).toContain('1 + 2·16 + 1 = <strong>34</strong>');
  });

  it('render derives each stage with the numbers substituted', () => {
    const html = resNetBuilder.render(v(), resNetBuilder.labels);
    // layer1 block 0: 64·64 + 9·64·64 + 64·256 + 64·256 (shortcut) + 2·(64 + 64 + 256 + 256) = 75,008
    expect(html).toContain('block 0: 1·1·64·64 + 3·3·64·64 + 1·1·64·256 + 1·1·64·256 + 2·(64 + 64 + 256 + 256) = 75,008');
    expect(html).toContain('stem: 7·7·3·64 + 2·(64) = <strong>9,536</strong>');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('summary', () => {
    expect(resNetBuilder.summary(v(), resNetBuilder.labels)).toBe(
      'ResNet-50 (torchvision, V1.5) at 224×224: 25,557,032 parameters, 4.089 G MACs; layer4 is 2048×7×7 and sees 427×427 pixels.',
    );
  });
});

describe('bad combinations throw CalcError and are blamed', () => {
  it('stride on the 1×1 of a basic block: blamed on strideOn', () => {
    for (const vals of [v({ depth: '18', strideOn: '1x1' }), v({ depth: 'custom', block: 'basic', strideOn: '1x1' })]) {
      let caught: unknown;
      try {
        resNetBuilder.render(vals, resNetBuilder.labels);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CalcError);
      expect(resNetBuilder.blame!(caught as Error, vals)).toBe('strideOn');
    }
  });

  it('property: any custom network renders without NaN, totals add up, output stride 32', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('basic' as const, 'bottleneck' as const),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 300 }),
        (block, [n1, n2, n3, n4], size) => {
          const vals = v({ depth: 'custom', block, n1: n1!, n2: n2!, n3: n3!, n4: n4! , size });
          const r = computeBuilder(vals);
          expect(r.stem.params + r.stages.reduce((s, x) => s + x.params, 0) + r.head.params).toBe(r.analysis.params.total);
          expect(r.stages[3]!.rf?.stride[0]).toBe(32);
          expect(resNetBuilder.render(vals, resNetBuilder.labels)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('resnet152 builds and analyses fast enough to run on every keystroke', () => {
    // Warm the JIT first; then one update (build + analyse + render) takes a few ms on a laptop.
    // The bound is loose so a loaded CI machine does not flake.
    for (let i = 0; i < 10; i++) resNetBuilder.render(v({ depth: '152', size: 100 + i }), resNetBuilder.labels);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) resNetBuilder.render(v({ depth: '152', size: 224 + i }), resNetBuilder.labels);
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });
});
