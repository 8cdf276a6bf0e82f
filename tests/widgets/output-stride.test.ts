import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcError, isCalcError } from '../../src/calc/index';
import { computeOutputStride, outputStride, receptiveFieldSvg, type OutputStrideValues } from '../../components/widgets/OutputStride/output-stride';

const v = (o: Partial<OutputStrideValues> = {}): OutputStrideValues => ({ ...outputStride.defaults, ...o }) as OutputStrideValues;

describe('output-stride widget', () => {
  it('ResNet-50 at 512: OS 32 / 16 / 8 give 16², 32², 64² maps of 2048 channels', () => {
    expect(computeOutputStride(v({ os: '32' })).encoder.output).toEqual([2048, 16, 16]);
    expect(computeOutputStride(v({ os: '16' })).encoder.output).toEqual([2048, 32, 32]);
    expect(computeOutputStride(v({ os: '8' })).encoder.output).toEqual([2048, 64, 64]);
    // 513 = 8·64 + 1: padded stride-2 layers round up, so 65 positions.
    expect(computeOutputStride(v({ size: 513, os: '8' })).encoder.output).toEqual([2048, 65, 65]);
  });

  it('stage table follows torchvision: OS 8 dilates layer3 (1, then 2) and layer4 (2, then 4)', () => {
    const { stages } = computeOutputStride(v({ os: '8' }));
    expect(stages.map((s) => [s.name, s.stride, s.dilationFirst, s.dilationRest])).toEqual([
      ['layer1', 1, 1, 1],
      ['layer2', 2, 1, 1],
      ['layer3', 1, 1, 2],
      ['layer4', 1, 2, 4],
    ]);
    expect(stages.map((s) => s.jump)).toEqual([4, 8, 8, 8]);
  });

  it('each 3×3 adds the same (k_eff − 1)·S at every output stride: layer4.1.conv2 adds (9 − 1)·8 = (3 − 1)·32 = 64', () => {
    const t = computeOutputStride(v({ os: '8' })).rfTerms.find((x) => x.conv === 'layer4.1.conv2')!;
    expect([t.kEff, t.jumpBefore, t.adds]).toEqual([9, 8, 64]);
    expect([t.baseKEff, t.baseJumpBefore, t.baseAdds]).toEqual([3, 32, 64]);
  });

  it('property: same parameters and receptive field at every OS, more MACs at smaller OS', () => {
    fc.assert(
      fc.property(fc.constantFrom('resnet50', 'resnet101', 'resnet152'), fc.integer({ min: 32, max: 1024 }), (model, size) => {
        const r32 = computeOutputStride(v({ model: model as OutputStrideValues['model'], size, os: '32' })).encoder;
        const r16 = computeOutputStride(v({ model: model as OutputStrideValues['model'], size, os: '16' })).encoder;
        const r8 = computeOutputStride(v({ model: model as OutputStrideValues['model'], size, os: '8' })).encoder;
        expect(r16.params.total).toBe(r32.params.total);
        expect(r8.params.total).toBe(r32.params.total);
        expect(r16.receptiveField.size).toEqual(r32.receptiveField.size);
        expect(r8.receptiveField.size).toEqual(r32.receptiveField.size);
        expect(r8.receptiveField.stride[0]).toBe(8);
        expect(r16.macs).toBeGreaterThanOrEqual(r32.macs);
        expect(r8.macs).toBeGreaterThanOrEqual(r16.macs);
      }),
      { numRuns: 25 },
    );
  });

  it('summary names the setting and its numbers', () => {
    expect(outputStride.summary(v(), outputStride.labels)).toBe(
      'ResNet-50 at 512×512, output stride 16: 2048×32×32 features, 32.43 G MACs (1.52× OS 32), receptive field 427 px at stride 16.',
    );
  });

  it('render shows the derivation and never prints NaN, Infinity or undefined', () => {
    for (const os of ['32', '16', '8'] as const) {
      for (const size of [32, 224, 513, 2048]) {
        const html = outputStride.render(v({ os, size }), outputStride.labels);
        expect(html).not.toMatch(/NaN|Infinity|undefined/);
        expect(html).toContain('<svg');
      }
    }
    expect(outputStride.render(v({ os: '16' }), outputStride.labels)).toContain('= <strong>16</strong>');
  });

  it('the picture clips the field to the image and marks the centre unit', () => {
    const { encoder } = computeOutputStride(v({ size: 224, os: '32' }));
    // 7×7 units, centre unit 3: its field starts at 3·32 − 213 = −117, beyond the image.
    const svg = receptiveFieldSvg(encoder, 224, 'rf', outputStride.labels);
    expect(svg).toContain('class="os-rf-full"');
    expect(svg).toContain('unit (3, 3)');
  });

  it('blame: a CalcError about the size marks the size field; anything else marks nothing', () => {
    expect(outputStride.blame!(new CalcError('kernel-too-large', 'conv1', 'x'), v())).toBe('size');
    expect(outputStride.blame!(new Error('x'), v())).toBeUndefined();
  });

  it('a network too small for its input throws a CalcError, not NaN', () => {
    let caught: unknown;
    try {
      computeOutputStride(v({ size: 0 }));
    } catch (error) {
      caught = error;
    }
    expect(isCalcError(caught)).toBe(true);
  });
});
