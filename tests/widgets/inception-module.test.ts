import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type Analysis } from '../../src/calc/index';
import { googlenet, googlenet2014, googlenetTable1, type GoogLeNetInceptionRow } from '../../src/models/googlenet';
import {
  computeInceptionModule,
  effectiveWidths,
  inceptionModule,
  inceptionModuleLabels as labels,
  matchingRow,
  type InceptionBuild,
  type InceptionModuleValues,
} from '../../components/widgets/InceptionModule/inception-module';

const defaults = inceptionModule.defaults;

function fromRow(r: GoogLeNetInceptionRow, build: InceptionBuild): InceptionModuleValues {
  return {
    preset: 'custom',
    flavour: build,
    cin: r.inChannels,
    size: r.outputSize,
    c1: r.ch1x1,
    r3: r.ch3x3red,
    c3: r.ch3x3,
    r5: r.ch5x5red,
    c5: r.ch5x5,
    pp: r.poolProj,
  };
}

function block(a: Analysis, name: string) {
  const row = a.rows.find((x) => x.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe('inception-module: every paper row equals the core’s block row', () => {
  const paper = analyse(googlenet2014());
  const tv = analyse(googlenet());
  for (const r of googlenetTable1) {
    it(`${r.name}: paper build = googlenet_2014 row, torchvision build = googlenet row`, () => {
      const p = computeInceptionModule(fromRow(r, 'paper'));
      expect(p.reduced.params).toEqual(block(paper, r.name).params);
      expect(p.reduced.macs).toBe(block(paper, r.name).macs);
      expect(p.reduced.output).toEqual(block(paper, r.name).output);
      expect(p.reduced.receptiveField.size[0] - 1).toBe(4); // the 5×5 branch adds k − 1 = 4 to a unit's field
      const t = computeInceptionModule(fromRow(r, 'torchvision'));
      expect(t.reduced.params).toEqual(block(tv, r.name).params);
      expect(t.reduced.macs).toBe(block(tv, r.name).macs);
      expect(t.reduced.output).toEqual(block(tv, r.name).output);
      expect(matchingRow(p.widths)?.name).toBe(r.name);
    });
    it(`${r.name}: choosing the preset gives the same numbers as typing its widths`, () => {
      const typed = computeInceptionModule(fromRow(r, 'paper'));
      const chosen = computeInceptionModule({ ...defaults, preset: r.name, cin: 7, c1: 1, c5: 4000 });
      expect(chosen.reduced.params).toEqual(typed.reduced.params);
      expect(chosen.reduced.macs).toBe(typed.reduced.macs);
      expect(chosen.naive.macs).toBe(typed.naive.macs);
    });
  }
});

describe('inception-module: inception (3a) by hand', () => {
  /*
   * Paper build, input 192×28×28 (784 positions), weights + biases:
   *   branch1   1×1 192→64:   192·64 + 64                          =  12,352;  12,288·784 =   9,633,792 MACs
   *   branch2   1×1 192→96:   192·96 + 96 = 18,528; 3×3 96→128: 9·96·128 + 128 = 110,720
   *             → 129,248;   (18,432 + 110,592)·784                                        = 101,154,816 MACs
   *   branch3   1×1 192→16:   3,088; 5×5 16→32: 25·16·32 + 32 = 12,832 → 15,920
   *                          (3,072 + 12,800)·784                                          =  12,443,648 MACs
   *   branch4   pool, 1×1 192→32: 6,176;  6,144·784                                        =   4,816,896 MACs
   *   total 163,696 params, 128,049,152 MACs, 64 + 128 + 32 + 32 = 256 channels.
   * Naive (no reductions): 1×1 12,352; 3×3 192→128: 221,184 + 128 = 221,312; 5×5 192→32: 153,600 + 32 = 153,632
   *   total 387,296 params; (12,288 + 221,184 + 153,600)·784 = 303,464,448 MACs; 64 + 128 + 32 + 192 = 416 channels.
   */
  const r = computeInceptionModule(defaults);
  it('branches', () => {
    expect(r.branches.map((b) => b.params)).toEqual([12_352, 129_248, 15_920, 6_176]);
    expect(r.branches.map((b) => b.macs)).toEqual([9_633_792, 101_154_816, 12_443_648, 4_816_896]);
    expect(r.branches.map((b) => b.channels)).toEqual([64, 128, 32, 32]);
  });
  it('totals', () => {
    expect(r.reduced.params.total).toBe(163_696);
    expect(r.reduced.macs).toBe(128_049_152);
    expect(r.reduced.output).toEqual([256, 28, 28]);
  });
  it('naive module', () => {
    expect(r.naiveBranches.map((b) => b.params)).toEqual([12_352, 221_312, 153_632, 0]);
    expect(r.naive.params.total).toBe(387_296);
    expect(r.naive.macs).toBe(303_464_448);
    expect(r.naive.output).toEqual([416, 28, 28]);
  });
  it('summary names the row and the ratio (303,464,448 / 128,049,152 = 2.37)', () => {
    expect(inceptionModule.summary(defaults, labels)).toBe(
      'inception (3a): 256 output channels, 163,696 parameters, 128.0 M MACs; the naive module needs 2.4× the MACs.',
    );
    expect(inceptionModule.summary({ ...defaults, preset: 'custom', c1: 65 }, labels)).toMatch(/^This module: 257 output channels/);
  });
  it('render shows the derivation with the reader’s numbers, then the result', () => {
    const html = inceptionModule.render(defaults, labels);
    expect(html).toContain('<code>branch2.1</code> 3×3, 96 → 128: 3·3·96·128 + 128 = <strong>110,720</strong> params');
    expect(html).toContain('110,592 weights · 28·28 = <strong>86,704,128</strong> MACs');
    expect(html).toContain('64 + 128 + 32 + 32 = 256');
    expect(html).toContain('64 + 128 + 32 + 192 = <strong>416</strong>');
    const tv = inceptionModule.render({ ...defaults, flavour: 'torchvision' }, labels);
    expect(tv).toContain('<code>branch3.1</code> 3×3, 16 → 32: 3·3·16·32 + 2·32 = <strong>4,672</strong> params');
    expect(html).toContain('<code>inception3a</code>');
  });
});

describe('inception-module: errors', () => {
  it('bad combinations throw CalcError, never NaN', () => {
    const bad: Partial<InceptionModuleValues>[] = [{ cin: 0 }, { c1: 0 }, { r3: -1 }, { c5: 1.5 }, { size: Number.NaN }, { pp: Infinity }];
    for (const b of bad) {
      expect(() => computeInceptionModule({ ...defaults, preset: 'custom', ...b })).toThrow(CalcError);
    }
  });
  it('blame maps too-large to the input size and nothing else', () => {
    const blame = inceptionModule.blame!;
    expect(blame(new CalcError('too-large', 'concat', 'x'), defaults)).toBe('size');
    expect(blame(new CalcError('bad-parameter', 'branch1.conv', 'x'), defaults)).toBeUndefined();
    expect(blame(new Error('x'), defaults)).toBeUndefined();
  });
  it('an unknown preset counts as custom', () => {
    expect(effectiveWidths({ ...defaults, preset: 'nope', cin: 5 }).cin).toBe(5);
  });
});

describe('inception-module: properties', () => {
  const width = fc.integer({ min: 1, max: 512 });
  it('output channels, params and MACs follow the closed forms (paper build)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 64 }), width, width, width, width, width, width, (cin, size, c1, r3, c3, r5, c5, pp) => {
        const v: InceptionModuleValues = { preset: 'custom', flavour: 'paper', cin, size, c1, r3, c3, r5, c5, pp };
        const r = computeInceptionModule(v);
        const weights = cin * c1 + cin * r3 + 9 * r3 * c3 + cin * r5 + 25 * r5 * c5 + cin * pp;
        const biases = c1 + r3 + c3 + r5 + c5 + pp;
        expect(r.reduced.output).toEqual([c1 + c3 + c5 + pp, size, size]);
        expect(r.reduced.params.total).toBe(weights + biases);
        expect(r.reduced.macs).toBe(weights * size * size);
        expect(r.naive.output[0]).toBe(c1 + c3 + c5 + cin);
        expect(r.naive.macs).toBe((cin * c1 + 9 * cin * c3 + 25 * cin * c5) * size * size);
        const html = inceptionModule.render(v, labels) + inceptionModule.summary(v, labels);
        expect(html).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 200 },
    );
  });
});
