import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CalcError, type CalcErrorCode, type LayerSpec, type Shape } from '../../src/calc/index';

/** Runs analyse and returns the CalcError it throws (fails the test otherwise). */
function failure(layers: readonly LayerSpec[], input: Shape = [3, 8, 8]): CalcError {
  try {
    analyse({ input, layers });
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error('expected a CalcError');
}

/** Loosely typed specs: widgets pass readers' input through, so wrong types must fail politely. */
const bad = (spec: Record<string, unknown>): LayerSpec => spec as unknown as LayerSpec;

const cases: readonly [string, readonly LayerSpec[], Shape | undefined, CalcErrorCode, string][] = [
  ['kernel larger than the map', [{ name: 'pool5', kind: 'maxpool', kernel: 3 }], [8, 2, 2], 'kernel-too-large', 'pool5: kernel 3 does not fit a 2×2 input'],
  ['with padding', [{ name: 'c', kind: 'conv', out: 1, kernel: 7, padding: 1 }], [1, 4, 4], 'kernel-too-large', 'c: kernel 7 does not fit a 4×4 input with padding 1'],
  ['dilated', [{ name: 'c', kind: 'conv', out: 1, kernel: 3, dilation: 3 }], [1, 5, 9], 'kernel-too-large', 'c: kernel 3 (dilation 3, effective 7) does not fit a 5×9 input'],
  ['non-square', [{ name: 'c', kind: 'conv', out: 1, kernel: [1, 7] }], [1, 5, 5], 'kernel-too-large', 'c: kernel 1×7 does not fit a 5×5 input'],
  ['groups vs input channels', [{ name: 'conv1', kind: 'conv', out: 6, kernel: 1, groups: 3 }], [64, 4, 4], 'channels-not-divisible', 'conv1: groups 3 does not divide 64 input channels'],
  ['groups vs output channels', [{ name: 'conv1', kind: 'conv', out: 7, kernel: 1, groups: 2 }], [64, 4, 4], 'channels-not-divisible', 'conv1: groups 2 does not divide 7 output channels'],
  ['zero stride', [{ name: 'conv1', kind: 'conv', out: 4, kernel: 3, stride: 0 }], undefined, 'bad-parameter', 'conv1: stride must be a positive whole number, got 0'],
  ['fractional out', [{ name: 'c', kind: 'conv', out: 2.5, kernel: 3 }], undefined, 'bad-parameter', 'c: out must be a positive whole number, got 2.5'],
  ['NaN kernel', [{ name: 'c', kind: 'conv', out: 2, kernel: Number.NaN }], undefined, 'bad-parameter', 'c: kernel must be a positive whole number, got NaN'],
  ['Infinity dilation', [{ name: 'c', kind: 'conv', out: 2, kernel: 3, dilation: Number.POSITIVE_INFINITY }], undefined, 'bad-parameter', 'c: dilation must be a positive whole number, got Infinity'],
  ['negative padding', [{ name: 'c', kind: 'conv', out: 2, kernel: 3, padding: -1 }], undefined, 'bad-parameter', 'c: padding must be a whole number ≥ 0, got -1'],
  ['padding of the wrong form', [bad({ name: 'c', kind: 'conv', out: 2, kernel: 3, padding: 'full' })], undefined, 'bad-parameter', 'c: padding must be a whole number ≥ 0, [h, w], [top, bottom, left, right], "same" or "valid", got "full"'],
  ['kernel as text', [bad({ name: 'c', kind: 'conv', out: 2, kernel: '3' })], undefined, 'bad-parameter', 'c: kernel must be a positive whole number or an [h, w] pair, got "3"'],
  ['zero groups', [{ name: 'c', kind: 'conv', out: 2, kernel: 3, groups: 0 }], undefined, 'bad-parameter', 'c: groups must be a positive whole number, got 0'],
  ['bias not boolean', [bad({ name: 'c', kind: 'conv', out: 2, kernel: 3, bias: 'yes' })], undefined, 'bad-parameter', 'c: bias must be true or false, got "yes"'],
  ['pool padding over half the kernel', [{ name: 'p', kind: 'maxpool', kernel: 2, padding: 2 }], undefined, 'bad-parameter', 'p: padding must be at most half the kernel (1 for an effective kernel of 2)'],
  ['avg pool with dilation', [{ name: 'p', kind: 'avgpool', kernel: 2, dilation: 2 }], undefined, 'bad-parameter', 'p: avg pool has no dilation (PyTorch AvgPool2d)'],
  ['adaptive output 0', [{ name: 'a', kind: 'adaptiveavgpool', output: 0 }], undefined, 'bad-parameter', 'a: output must be a positive whole number, got 0'],
  ['dropout p > 1', [{ name: 'd', kind: 'dropout', p: 1.5 }], undefined, 'bad-parameter', 'd: p must be between 0 and 1, got 1.5'],
  ['lrn alpha NaN', [{ name: 'n', kind: 'lrn', size: 5, alpha: Number.NaN, beta: 0.75, k: 1 }], undefined, 'bad-parameter', 'n: alpha must be a finite number, got NaN'],
  ['lrn size 0', [{ name: 'n', kind: 'lrn', size: 0, alpha: 1, beta: 1, k: 1 }], undefined, 'bad-parameter', 'n: size must be a positive whole number, got 0'],
  ['unknown activation', [bad({ name: 'r', kind: 'act', fn: 'swish' })], undefined, 'bad-parameter', 'r: fn must be one of relu, relu6, leaky_relu, elu, gelu, silu, hardswish, hardsigmoid, tanh, sigmoid, softmax, got "swish"'],
  ['unknown kind', [bad({ name: 'x', kind: 'softmax' })], undefined, 'unknown-kind', 'x: unknown layer kind "softmax"'],
  ['linear on a feature map', [{ name: 'fc6', kind: 'linear', out: 10 }], [256, 6, 6], 'shape-mismatch', 'fc6: linear needs a flattened input, got 256×6×6 (add a flatten node)'],
  ['conv on flat features', [{ name: 'f', kind: 'flatten' }, { name: 'c', kind: 'conv', out: 1, kernel: 1 }], undefined, 'not-spatial', 'c: a conv layer needs a C×H×W feature map, got 192'],
  ['unknown input', [{ name: 'c', kind: 'conv', out: 1, kernel: 1, from: 'nope' }], undefined, 'unknown-input', 'c: input "nope" is not an earlier node'],
  ['forward reference', [{ name: 'a', kind: 'add', from: ['input', 'b'] }, { name: 'b', kind: 'bn' }], undefined, 'unknown-input', 'a: input "b" is not an earlier node'],
  ['duplicate name', [{ name: 'r', kind: 'act', fn: 'relu' }, { name: 'r', kind: 'act', fn: 'relu' }], undefined, 'duplicate-name', 'r: this name is used twice'],
  ['"input" is reserved', [{ name: 'input', kind: 'bn' }], undefined, 'duplicate-name', 'input: "input" is reserved for the model input'],
  ['empty name', [bad({ name: '', kind: 'bn' })], undefined, 'bad-parameter', 'node 1: every node needs a non-empty name'],
  ['two inputs to a conv', [{ name: 'c', kind: 'conv', out: 1, kernel: 1, from: ['input', 'input'] }], undefined, 'bad-parameter', 'c: a conv node takes one input, got 2'],
  ['merge of one', [{ name: 'm', kind: 'concat', from: ['input'] }], undefined, 'bad-parameter', 'm: concat needs at least two inputs, got 1'],
  [
    'concat of different sizes',
    [{ name: 'p', kind: 'maxpool', kernel: 2 }, { name: 'm', kind: 'concat', from: ['input', 'p'] }],
    undefined,
    'shape-mismatch',
    'm: concat inputs must share height×width, got 3×8×8 and 3×4×4',
  ],
  [
    'add of different channels',
    [{ name: 'c', kind: 'conv', out: 4, kernel: 1 }, { name: 'm', kind: 'add', from: ['input', 'c'] }],
    undefined,
    'shape-mismatch',
    'm: add inputs must have the same shape, got 3×8×8 and 4×8×8',
  ],
  ['a block of two', [{ name: 'b', kind: 'block', from: ['input', 'input'] }], undefined, 'bad-parameter', 'b: a block node takes one input, got 2'],
  ['counts beyond exact integers', [{ name: 'f', kind: 'flatten' }, { name: 'fc', kind: 'linear', out: 2 ** 40 }], [1, 2 ** 12, 2 ** 12], 'too-large', 'fc: the weight count is too large to count exactly'],
  [
    'receptive field beyond exact integers',
    Array.from({ length: 4 }, (_, i): LayerSpec => ({ name: `p${i}`, kind: 'maxpool', kernel: 1, stride: 2 ** 14 })),
    undefined,
    'too-large',
    'p3: the receptive field is too large to count exactly',
  ],
  ['bad input shape', [], [3, 0, 224], 'bad-input', 'input: the input must be [channels, height, width] of positive whole numbers, got [3, 0, 224]'],
  ['flat input', [], [3, 224], 'bad-input', 'input: the input must be [channels, height, width] of positive whole numbers, got [3, 224]'],
];

describe('CalcError messages (pinned)', () => {
  it.each(cases)('%s', (_, layers, input, code, message) => {
    const e = failure(layers, input);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
    expect(e.layer).toBe(message.slice(0, message.indexOf(':')));
    expect(`${e.layer}: ${e.problem}`).toBe(message);
    expect(e.name).toBe('CalcError');
  });
});

describe('never NaN or Infinity', () => {
  const num = fc.oneof(
    fc.integer({ min: -3, max: 12 }),
    fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53),
  );
  const pad = fc.oneof(num, fc.constantFrom<'same' | 'valid'>('same', 'valid'), fc.tuple(num, num));
  const spec = fc.oneof(
    fc.record({ kind: fc.constant('conv'), out: num, kernel: num, stride: num, padding: pad, dilation: num, groups: num }),
    fc.record({ kind: fc.constant('separable'), out: num, kernel: num, stride: num, padding: pad, depthMultiplier: num }),
    fc.record({ kind: fc.constantFrom('maxpool', 'avgpool'), kernel: num, stride: num, padding: pad, ceil: fc.boolean() }),
    fc.record({ kind: fc.constantFrom('adaptiveavgpool', 'adaptivemaxpool'), output: num }),
    fc.record({ kind: fc.constant('bn') }),
    fc.record({ kind: fc.constant('flatten') }),
    fc.record({ kind: fc.constant('linear'), out: num }),
  );

  it('property: analyse returns finite whole counts or throws a CalcError', () => {
    fc.assert(
      fc.property(fc.tuple(num, num, num), fc.array(spec, { maxLength: 5 }), (input, specs) => {
        const layers = specs.map((s, i) => bad({ ...s, name: `n${i}` }));
        let result;
        try {
          result = analyse({ input, layers });
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
          return;
        }
        const numbers = [result.params.total, result.macs, ...result.rows.flatMap((r) => [...r.output, r.params.total, r.macs])];
        for (const n of numbers) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
        for (const r of result.rows) {
          for (const v of r.receptiveField ? [...r.receptiveField.size, ...r.receptiveField.stride, ...r.receptiveField.padding] : []) {
            expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
