import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyse, CalcError } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';
import { computeGroupedConv, groupedConv, groupedConvLabels, type GroupedConvValues } from '../../components/widgets/GroupedConv/grouped-conv';

const d = groupedConv.defaults;
const v = (over: Partial<GroupedConvValues>): GroupedConvValues => ({ ...d, ...over }) as GroupedConvValues;

describe('grouped-conv: defaults are AlexNet conv2 (BVLC Caffe, group 2)', () => {
  it('matches the calc core row of alexnet_2012 conv2', () => {
    const conv2 = analyse(getNetwork('alexnet_2012')).rows.find((r) => r.name === 'conv2')!;
    const { grouped } = computeGroupedConv(d);
    expect(grouped.params).toEqual(conv2.params);
    expect(grouped.macs).toBe(conv2.macs);
    expect(grouped.output).toEqual(conv2.output);
    expect(d.cin).toBe(conv2.input[0]);
    expect(d.size).toBe(conv2.input[1]);
  });

  it('grouped and one-tower counts by hand', () => {
    const r = computeGroupedConv(d);
    // 256·(96/2)·5² = 256·48·25 = 307,200 weights; one tower 256·96·25 = 614,400
    expect(r.grouped.params.weights).toBe(307_200);
    expect(r.single.params.weights).toBe(614_400);
    expect(r.single.params.total).toBe(614_656);
    // MACs = 307,200·27·27 = 223,948,800; one tower twice that
    expect(r.grouped.macs).toBe(223_948_800);
    expect(r.single.macs).toBe(447_897_600);
    // ⌊(27 + 4 − 5)/1⌋ + 1 = 27
    expect(r.outSize).toBe(27);
    expect(r.inPerGroup).toBe(48);
    expect(r.outPerGroup).toBe(128);
  });
});

describe('grouped-conv: render and summary', () => {
  it('shows the derivation with the reader\'s numbers, then the result', () => {
    const html = groupedConv.render(d, groupedConvLabels);
    expect(html).toContain('256·(96/2)·5² = 256·48·25 = <strong>307,200</strong>');
    expect(html).toContain('= <strong>223,948,800</strong>');
    expect(html).toContain('output channels 0–127 read input channels 0–47 only');
    expect(html).toContain('output channels 128–255 read input channels 48–95 only');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('summary line', () => {
    expect(groupedConv.summary(d, groupedConvLabels)).toBe(
      '2 groups: 307,456 parameters and 223.9 M MACs; the same layer as one tower: 614,656 parameters and 447.9 M MACs.',
    );
    expect(groupedConv.summary(v({ groups: 1 }), groupedConvLabels)).toBe(
      'One tower (g = 1): 614,656 parameters and 447.9 M MACs; every output channel reads all 96 input channels.',
    );
  });

  it('depthwise: g = C_in = C_out draws no matrix beyond 64 groups but still renders', () => {
    const html = groupedConv.render(v({ cin: 96, cout: 96, groups: 96 }), groupedConvLabels);
    expect(html).not.toContain('<svg');
    expect(html).toContain('96·(96/96)·5² = 96·1·25 = <strong>2,400</strong>');
  });
});

describe('grouped-conv: bad combinations throw CalcError and blame a field', () => {
  it('groups that do not divide the channels', () => {
    expect(() => groupedConv.render(v({ groups: 3 }), groupedConvLabels)).toThrow(CalcError);
    try {
      computeGroupedConv(v({ groups: 3 }));
    } catch (e) {
      expect(groupedConv.blame!(e as Error, v({ groups: 3 }))).toBe('groups');
      // No internal node name in front of the problem the reader sees.
      expect((e as Error).message).toBe('groups 3 does not divide 256 output channels');
    }
  });

  it('a kernel larger than the padded input', () => {
    const bad = v({ size: 2, padding: 0 });
    expect(() => computeGroupedConv(bad)).toThrow(CalcError);
    try {
      computeGroupedConv(bad);
    } catch (e) {
      expect(groupedConv.blame!(e as Error, bad)).toBe('k');
    }
  });

  it('other errors are not blamed on a field', () => {
    expect(groupedConv.blame!(new Error('x'), d)).toBeUndefined();
  });
});

describe('grouped-conv: properties', () => {
  it('weights with g groups are exactly 1/g of one tower; MACs too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 7, max: 40 }),
        (g, a, b, k, size) => {
          const r = computeGroupedConv({ cin: g * a, cout: g * b, k, groups: g, size, stride: 1, padding: 0 });
          expect(r.grouped.params.weights * g).toBe(r.single.params.weights);
          expect(r.grouped.macs * g).toBe(r.single.macs);
          expect(r.grouped.params.biases).toBe(g * b);
        },
      ),
    );
  });
});
