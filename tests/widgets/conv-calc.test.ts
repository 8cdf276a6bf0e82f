import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CalcError } from '../../src/calc/index';
import { analysisOf, rowOf } from '../../src/chapters/facts';
import { ConvCalcError, computeConvCalc, convCalc, type ConvCalcValues } from '../../components/widgets/ConvCalc/conv-calc';

const values = (v: Partial<ConvCalcValues> = {}): ConvCalcValues => ({ ...convCalc.defaults, ...v });

function thrown(v: ConvCalcValues): unknown {
  try {
    convCalc.render(v, convCalc.labels);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('conv-calc widget', () => {
  test('the default is AlexNet conv1 (torchvision) and matches the core’s row', () => {
    const r = computeConvCalc(values());
    // ⌊(224 + 2·2 − 11)/4⌋ + 1 = ⌊217/4⌋ + 1 = 54 + 1 = 55
    expect(r.h.out).toBe(55);
    expect(r.w.out).toBe(55);
    // weights 64·3·11·11 = 23,232; biases 64
    expect(r.params.weights).toBe(23232);
    expect(r.params.total).toBe(23296);
    // MACs = 55·55·64·3·121 = 3025 · 23,232 = 70,276,800
    expect(r.macs).toBe(70276800);
    const row = rowOf(analysisOf('alexnet'), 'conv1');
    expect(r.params.total).toBe(row.params.total);
    expect(r.macs).toBe(row.macs);
  });

  test('the derivation shows the reader’s numbers, FLOPs as 2 × MACs and torchvision’s GFLOPS', () => {
    const html = convCalc.render(values(), convCalc.labels);
    expect(html).toContain('⌊(224 + 2·2 − 11)/4⌋ + 1 = ⌊217/4⌋ + 1 = 54 + 1 = <strong>55</strong>');
    expect(html).toContain('64·(3/1)·11·11 = 64·3·121 = 23,232');
    expect(html).toContain('FLOPs = 2 × MACs = 2 × 70,276,800 = 140,553,600');
    expect(html).toContain('<td class="num">0.070</td>');
    expect(convCalc.summary(values(), convCalc.labels)).toBe(
      '11×11 conv, stride 4, on 3×224×224 gives 64×55×55: 23,296 parameters, 70.28 M MACs (140.6 M FLOPs).',
    );
  });

  test('TF/Keras same: a 7×7 stride-2 conv on 224 pads 2 before and 3 after and gives ⌈224/2⌉ = 112', () => {
    // total = max((112 − 1)·2 + 7 − 224, 0) = 5 → 2 before, 3 after
    const r = computeConvCalc(values({ pad: 'same', k: 7, s: 2 }));
    expect([r.h.before, r.h.after, r.h.out]).toEqual([2, 3, 112]);
    expect(convCalc.render(values({ pad: 'same', k: 7, s: 2 }), convCalc.labels)).toContain('= 5 → 2 before, 3 after');
  });

  test('ceil mode: GoogLeNet’s 3×3/2 pool on 112 gives 56 (floor 55), no parameters or MACs', () => {
    const pool = values({ layer: 'maxpool', h: 112, w: 112, k: 3, s: 2, p: 0, cin: 64 });
    expect(computeConvCalc(pool).h.out).toBe(55); // ⌊109/2⌋ + 1
    const r = computeConvCalc({ ...pool, rounding: 'ceil' }); // ⌈109/2⌉ + 1 = 56
    expect(r.h.out).toBe(56);
    expect(r.h.dropped).toBe(false);
    expect(r.params.total).toBe(0);
    expect(r.macs).toBe(0);
    expect(r.outChannels).toBe(64);
  });

  test('ceil mode drops a last window that would start in the right padding', () => {
    // 5 pixels, k 2, s 2, p 1: ⌈(5 + 2 − 2)/2⌉ + 1 = 4, but (4 − 1)·2 = 6 ≥ 5 + 1 → 3
    const r = computeConvCalc(values({ layer: 'maxpool', rounding: 'ceil', h: 5, w: 5, k: 2, s: 2, p: 1 }));
    expect(r.h.ceilRaw).toBe(4);
    expect(r.h.dropped).toBe(true);
    expect(r.h.out).toBe(3);
    expect(convCalc.render(values({ layer: 'maxpool', rounding: 'ceil', h: 5, w: 5, k: 2, s: 2, p: 1 }), convCalc.labels)).toContain(
      'dropped',
    );
  });

  test('groups: depthwise 3×3 on 32 channels has 32·1·9 = 288 weights', () => {
    const r = computeConvCalc(values({ cin: 32, cout: 32, groups: 32, k: 3, s: 1, p: 1, bias: 'no', h: 56, w: 56 }));
    expect(r.params).toEqual({ weights: 288, biases: 0, bn: 0, total: 288 });
    expect(r.macs).toBe(288 * 56 * 56);
  });

  test.each([
    ['groups that do not divide the input channels', { groups: 2 }, 'groups'],
    ['groups that do not divide the output channels', { cin: 4, cout: 6, groups: 4 }, 'groups'],
    ['a kernel larger than the padded input', { h: 5, w: 5, k: 11, p: 0 }, 'k'],
    ['ceil mode on a convolution', { rounding: 'ceil' }, 'rounding'],
    ['pool padding over half the kernel', { layer: 'maxpool', k: 3, s: 2, p: 2 }, 'p'],
  ] as const)('%s is a CalcError blamed on the right field', (_name, change, field) => {
    const error = thrown(values(change));
    expect(error).toBeInstanceOf(CalcError);
    expect(error).toBeInstanceOf(ConvCalcError);
    expect(convCalc.blame?.(error as Error, values(change))).toBe(field);
  });

  test('every combination in range renders without NaN, Infinity or undefined, or throws a CalcError', () => {
    const int = (name: keyof ConvCalcValues, cap = Infinity) => {
      const f = convCalc.fields[name];
      if (f.kind === 'int') return fc.integer({ min: f.min, max: Math.min(f.max, cap) });
      if (f.kind === 'choice') return fc.constantFrom(...f.options);
      throw new Error(`conv-calc's ${name} is neither a whole number nor a choice`);
    };
    fc.assert(
      fc.property(
        fc.record({
          h: int('h', 300),
          w: int('w', 300),
          cin: int('cin', 512),
          cout: int('cout', 512),
          k: int('k'),
          s: int('s'),
          pad: int('pad'),
          p: int('p'),
          d: int('d'),
          groups: int('groups', 64),
          bias: int('bias'),
          layer: int('layer'),
          rounding: int('rounding'),
        }) as fc.Arbitrary<ConvCalcValues>,
        (v) => {
          try {
            const html = convCalc.render(v, convCalc.labels);
            const summary = convCalc.summary(v, convCalc.labels);
            expect(html + summary).not.toMatch(/NaN|Infinity|undefined/);
            const r = computeConvCalc(v);
            if (v.layer === 'conv') expect(r.macs).toBe(r.params.weights * r.h.out * r.w.out);
          } catch (e) {
            expect(e).toBeInstanceOf(CalcError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
