import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  CalcError,
  mergeReceptiveFields,
  receptiveFieldTable,
  rfBackwardStep,
  rfCentre,
  rfForwardStep,
  type LayerSpec,
  type RfStackLayer,
} from '../../src/calc/index';

const layerArb = fc.record({
  kernel: fc.integer({ min: 1, max: 7 }),
  stride: fc.integer({ min: 1, max: 3 }),
  padding: fc.integer({ min: 0, max: 3 }),
  dilation: fc.integer({ min: 1, max: 3 }),
});

/**
 * Brute force: the input interval that top unit 0 depends on, pushed down layer by layer.
 * Output units [a, b] read input [a·s − p, b·s − p + k_eff − 1] (padding not clipped, as in the theory).
 */
function dependencyInterval(stack: readonly Required<Omit<RfStackLayer, 'name'>>[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = stack.length - 1; i >= 0; i--) {
    const l = stack[i]!;
    const kEff = l.dilation * (l.kernel - 1) + 1;
    [lo, hi] = [lo * l.stride - l.padding, hi * l.stride - l.padding + kEff - 1];
  }
  return [lo, hi];
}

describe('single-path recursions', () => {
  it('forward step: r += (k_eff − 1)·S, S *= s, P += p·S', () => {
    expect(rfForwardStep({ r: 1, S: 1, P: 0 }, 11, 4, 2)).toEqual({ r: 11, S: 4, P: 2 });
    expect(rfForwardStep({ r: 11, S: 4, P: 2 }, 3, 2)).toEqual({ r: 19, S: 8, P: 2 });
    expect(rfForwardStep({ r: 5, S: 2, P: 1 }, 3, 1, 2, 2)).toEqual({ r: 13, S: 2, P: 5 });
  });

  it('backward step: F(i) = (F(i+1) − 1)·stride + k', () => {
    expect(rfBackwardStep(1, 3)).toBe(3);
    expect(rfBackwardStep(3, 3)).toBe(5);
    expect(rfBackwardStep(5, 3)).toBe(7);
    expect(rfBackwardStep(2, 3, 2, 2)).toBe(7); // (2−1)·2 + 5
  });

  it("the seed's example: two 3×3 convs see 5×5, three see 7×7", () => {
    const three = receptiveFieldTable([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }]);
    expect(three.forward.map((r) => r.r)).toEqual([3, 5, 7]);
    // Top down: F = 1 → 3 → 5 → 7.
    expect(three.backward.map((r) => [r.fAbove, r.f])).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
    ]);
    expect(three).toMatchObject({ r: 7, S: 1, P: 0 });
  });

  it('AlexNet (torchvision) table by hand: 11 → 19 → 51 → 67 → 99 → 131 → 163 → 195', () => {
    const t = receptiveFieldTable([
      { name: 'conv1', kernel: 11, stride: 4, padding: 2 },
      { name: 'pool1', kernel: 3, stride: 2 },
      { name: 'conv2', kernel: 5, padding: 2 },
      { name: 'pool2', kernel: 3, stride: 2 },
      { name: 'conv3', kernel: 3, padding: 1 },
      { name: 'conv4', kernel: 3, padding: 1 },
      { name: 'conv5', kernel: 3, padding: 1 },
      { name: 'pool5', kernel: 3, stride: 2 },
    ]);
    // conv1 r 11 S 4; pool1 +2·4 = 19, S 8; conv2 +4·8 = 51; pool2 +2·8 = 67, S 16;
    // conv3-5 +2·16 each = 99, 131, 163; pool5 +2·16 = 195, S 32.
    expect(t.forward.map((r) => [r.name, r.r, r.S])).toEqual([
      ['conv1', 11, 4],
      ['pool1', 19, 8],
      ['conv2', 51, 8],
      ['pool2', 67, 16],
      ['conv3', 99, 16],
      ['conv4', 131, 16],
      ['conv5', 163, 16],
      ['pool5', 195, 32],
    ]);
    // P: conv1 2; conv2 +2·8 = 18; conv3-5 +1·16 each = 66.
    expect(t.P).toBe(66);
    expect(t.backward.map((r) => r.name)).toEqual(['pool5', 'conv5', 'conv4', 'conv3', 'pool2', 'conv2', 'pool1', 'conv1']);
    expect(t.backward.at(-1)?.f).toBe(195);
  });

  it('property: forward r equals backward F for every prefix, and the brute-force dependency interval', () => {
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 8 }), (stack) => {
        const t = receptiveFieldTable(stack);
        for (let n = 1; n <= stack.length; n++) {
          const prefix = receptiveFieldTable(stack.slice(0, n));
          expect(prefix.backward.at(-1)?.f).toBe(t.forward[n - 1]?.r);
        }
        const [lo, hi] = dependencyInterval(stack);
        expect(hi - lo + 1).toBe(t.r);
        expect(0 - lo).toBe(t.P);
        expect(t.S).toBe(stack.reduce((s, l) => s * l.stride, 1));
      }),
      { numRuns: 500 },
    );
  });

  it('validates like the formulas', () => {
    expect(() => receptiveFieldTable([{ kernel: 0 }])).toThrow(new CalcError('bad-parameter', '', 'kernel must be a positive whole number, got 0', 'kernel'));
    expect(() => rfForwardStep({ r: 1, S: 1, P: 0 }, 3, 1, -1)).toThrow('padding must be a whole number ≥ 0, got -1');
  });
});

const conv = (name: string, kernel: number, padding: number, from?: string): LayerSpec => ({
  name,
  kind: 'conv',
  out: 4,
  kernel,
  padding,
  ...(from === undefined ? {} : { from }),
});

describe('merging paths', () => {
  it('aligned branches (Inception style): 1×1 p0 and 3×3 p1 and 5×5 p2 all centred', () => {
    const a = analyse({
      input: [3, 8, 8],
      layers: [
        conv('b1', 1, 0, 'input'),
        conv('b3', 3, 1, 'input'),
        conv('b5', 5, 2, 'input'),
        { name: 'cat', kind: 'concat', from: ['b1', 'b3', 'b5'] },
      ],
    });
    // Regions of unit 0: b1 [0,0], b3 [−1,1], b5 [−2,2]; all centres at 0.
    // Cover: P = max(0,1,2) = 2, right = max(0,1,2) = 2, r = 2 + 2 + 1 = 5.
    const cat = a.rows[3];
    expect(cat?.output).toEqual([12, 8, 8]);
    expect(cat?.receptiveField).toEqual({ size: [5, 5], stride: [1, 1], padding: [2, 2], aligned: true });
  });

  it('misaligned: 2×2 unpadded vs 3×3 padded have different centres', () => {
    // Input 4×4. A: 2×2 conv, no padding → 3×3; unit 0 sees [0, 1], centre 0.5.
    // B: 3×3 conv padded top/left only ([1,0,1,0]) → 4 + 1 − 3 + 1 = 3; unit 0 sees [−1, 1], centre 0.
    // Cover: P = max(0, 1) = 1, right = max(1, 1) = 1, r = 1 + 1 + 1 = 3; centres 0.5 ≠ 0 → misaligned.
    const a = analyse({
      input: [1, 4, 4],
      layers: [
        conv('a', 2, 0, 'input'),
        { name: 'b', kind: 'conv', out: 4, kernel: 3, padding: [1, 0, 1, 0], from: 'input' },
        { name: 'sum', kind: 'add', from: ['a', 'b'] },
        { name: 'after', kind: 'conv', out: 4, kernel: 1 },
      ],
    });
    const rf = a.rows[2]?.receptiveField;
    expect(rf).toEqual({ size: [3, 3], stride: [1, 1], padding: [1, 1], aligned: false });
    expect(rfCentre({ r: 2, S: 1, P: 0 })).toBe(0.5);
    expect(rfCentre({ r: 3, S: 1, P: 1 })).toBe(0);
    // Misalignment is carried downstream and into the top-level field.
    expect(a.rows[3]?.receptiveField?.aligned).toBe(false);
    expect(a.receptiveField.aligned).toBe(false);
  });

  it('ResNet shortcut: 1×1 stride 2 vs 3×3 stride 2 p1 + 3×3 p1 are aligned', () => {
    const a = analyse({
      input: [4, 8, 8],
      layers: [
        { name: 'conv1', kind: 'conv', out: 8, kernel: 3, stride: 2, padding: 1, from: 'input' },
        { name: 'conv2', kind: 'conv', out: 8, kernel: 3, padding: 1 },
        { name: 'down', kind: 'conv', out: 8, kernel: 1, stride: 2, from: 'input' },
        { name: 'add', kind: 'add', from: ['conv2', 'down'] },
      ],
    });
    // Main: conv1 r 3, S 2, P 1; conv2 r 3 + 2·2 = 7, P 1 + 2 = 3 → centre 3 − 3 = 0.
    // Shortcut: r 1, S 2, P 0 → centre 0. Cover: P 3, right max(3, 0) = 3, r 7.
    expect(a.rows[3]?.receptiveField).toEqual({ size: [7, 7], stride: [2, 2], padding: [3, 3], aligned: true });
  });

  it('different effective strides with equal shapes are a misaligned-stride error', () => {
    // 4×4: stride-2 2×2 conv → 2×2 (S 2); unstrided 3×3 conv → 2×2 (S 1).
    const net = {
      input: [1, 4, 4],
      layers: [
        { name: 'a', kind: 'conv', out: 1, kernel: 2, stride: 2, from: 'input' },
        { name: 'b', kind: 'conv', out: 1, kernel: 3, from: 'input' },
        { name: 'sum', kind: 'add', from: ['a', 'b'] },
      ] satisfies LayerSpec[],
    };
    expect(() => analyse(net)).toThrow(
      new CalcError('misaligned-stride', 'sum', 'inputs have different effective strides (2×2 vs 1×1), so their units do not line up'),
    );
  });

  it('mergeReceptiveFields: a path without a field gives none', () => {
    const f = { size: [3, 3], stride: [1, 1], padding: [1, 1], aligned: true } as const;
    expect(mergeReceptiveFields('m', [f, null])).toBeNull();
    expect(mergeReceptiveFields('m', [f, f])).toEqual(f);
  });
});

describe('layers without spatial effect and the end of the field', () => {
  const base: LayerSpec[] = [
    { name: 'c', kind: 'conv', out: 4, kernel: 3, stride: 2 },
    { name: 'bn', kind: 'bn' },
    { name: 'relu', kind: 'act', fn: 'relu' },
    { name: 'lrn', kind: 'lrn', size: 3, alpha: 1e-4, beta: 0.75, k: 2 },
    { name: 'drop', kind: 'dropout', p: 0.2 },
  ];

  it('bn, act, lrn and dropout pass the field through', () => {
    const a = analyse({ input: [3, 9, 9], layers: base });
    const fields = a.rows.map((r) => r.receptiveField);
    for (const f of fields) expect(f).toEqual(fields[0]);
  });

  it.each([
    // [input, adaptive output, expected field after it]
    [9, 4, null], // 4×4 → 4: identity
    [9, 2, { size: [5, 5], stride: [4, 4] }], // 4 → 2: kernel = stride = 2: r = 3 + 1·2 = 5, S 4
    [9, 3, null], // 4 → 3: uneven windows
    [9, 1, null], // global
  ] as const)('adaptive pool on %i (conv → 4×4) to %i', (input, output, expected) => {
    const a = analyse({ input: [3, input, input], layers: [...base, { name: 'ap', kind: 'adaptiveavgpool', output }] });
    const rf = a.rows.at(-1)?.receptiveField ?? null;
    if (output === 4) expect(rf).toEqual(a.rows[0]?.receptiveField);
    else if (expected === null) expect(rf).toBeNull();
    else expect(rf).toMatchObject(expected);
  });

  it('top-level field: the last spatial row with a field (global pool and linear do not count)', () => {
    const a = analyse({
      input: [3, 9, 9],
      layers: [...base, { name: 'gap', kind: 'adaptiveavgpool', output: 1 }, { name: 'flat', kind: 'flatten' }, { name: 'fc', kind: 'linear', out: 10 }],
    });
    expect(a.receptiveField).toEqual({ size: [3, 3], stride: [2, 2], padding: [0, 0], aligned: true });
    expect(a.rows.slice(-3).map((r) => r.receptiveField)).toEqual([null, null, null]);
  });

  it('an empty stack has the input pixel as its field', () => {
    expect(analyse({ input: [3, 5, 5], layers: [] }).receptiveField).toEqual({ size: [1, 1], stride: [1, 1], padding: [0, 0], aligned: true });
  });
});
