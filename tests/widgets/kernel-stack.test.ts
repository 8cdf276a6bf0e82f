import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CalcError } from '../../src/calc/index';
import { computeKernelStack, kernelStack, type KernelStackValues } from '../../components/widgets/KernelStack/kernel-stack';

const values = (v: Partial<KernelStackValues> = {}): KernelStackValues => ({ ...kernelStack.defaults, ...v });

describe('kernel-stack widget', () => {
  test('three 3×3 convs see 7×7 with 27C² weights against 49C² (VGG paper §2.3)', () => {
    const { table, stack, single, bigKernel } = computeKernelStack(values({ n: 3, k: 3, c: 256 }));
    expect(table.r).toBe(7);
    expect(bigKernel).toBe(7);
    expect(stack.params.weights).toBe(27 * 256 * 256);
    expect(single.params.weights).toBe(49 * 256 * 256);
    // 56×56 output at stride 1, "same" padding: MACs = weights · 56².
    expect(stack.macs).toBe(27 * 256 * 256 * 56 * 56);
  });

  test('two 3×3 convs see 5×5: 18C² against 25C²', () => {
    const { table, stack, single } = computeKernelStack(values({ n: 2, c: 64 }));
    expect(table.r).toBe(5);
    expect(stack.params.weights / (64 * 64)).toBe(18);
    expect(single.params.weights / (64 * 64)).toBe(25);
  });

  test('a stride in every layer compounds: 3 layers of 3×3/2 see 1 + 2 + 4 + 8 = 15', () => {
    // r = 1 + Σ (k − 1)·Π s_j = 1 + 2·1 + 2·2 + 2·4
    const { table, single } = computeKernelStack(values({ s: 2, size: 64 }));
    expect(table.r).toBe(15);
    expect(table.S).toBe(8);
    expect(single.rows[0]?.output).toEqual([256, 8, 8]);
  });

  test('dilation widens each kernel to d(k − 1) + 1', () => {
    expect(computeKernelStack(values({ d: 2 })).table.r).toBe(13); // 3 layers · 2·2 + 1
  });

  test('the output shows both recursions with the numbers substituted', () => {
    const html = kernelStack.render(values({ n: 2, c: 64 }), kernelStack.labels);
    expect(html).toContain('conv1: <var>F</var> = (3 − 1)·1 + 3 = <strong>5</strong>');
    expect(html).toContain('conv2: <var>r</var> = 3 + (3 − 1)·1 = <strong>5</strong>');
    expect(html).toContain('18·C² = 73,728');
    expect(kernelStack.summary(values({ n: 2 }), kernelStack.labels)).toBe(
      '2 stacked 3×3 convs see 5×5, like one 5×5 conv, with 72% of its parameters (weights).',
    );
  });

  test('a field too wide for the input is the core’s CalcError, blamed on the input size', () => {
    let error: unknown;
    try {
      kernelStack.render(values({ n: 2, k: 2, s: 2, size: 2 }), kernelStack.labels); // 2 → 1, then a 2×2 window on a 1×1 map
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalcError);
    expect(kernelStack.blame?.(error as Error, values())).toBe('size');
  });

  test('every valid combination renders without NaN, Infinity or undefined, or throws a CalcError', () => {
    const field = (name: keyof KernelStackValues) => {
      const f = kernelStack.fields[name];
      return f.kind === 'int' ? fc.integer({ min: f.min, max: Math.min(f.max, 64) }) : fc.constant(0);
    };
    fc.assert(
      fc.property(
        fc.record({ n: field('n'), k: field('k'), c: field('c'), s: field('s'), d: field('d'), size: field('size') }),
        (v) => {
          try {
            const html = kernelStack.render(v, kernelStack.labels);
            expect(html).not.toMatch(/NaN|Infinity|undefined/);
          } catch (e) {
            expect(e).toBeInstanceOf(CalcError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
