/** How many activation values a training step keeps: the memory side of a network's cost. */
import type { Analysis, LayerRow } from './types';

/** Elements of a [C, H, W] (or [F]) tensor. */
export function elements(shape: readonly number[]): number {
  return shape.reduce((p, x) => p * x, 1);
}

/** Kinds whose outputs a framework stores for the backward pass (in-place ReLU and dropout excluded). */
const STORED = new Set<LayerRow['kind']>(['conv', 'separable', 'bn', 'lrn', 'maxpool', 'avgpool', 'adaptiveavgpool', 'adaptivemaxpool', 'add', 'concat', 'linear']);

/**
 * Activation values a training step keeps for one image: the outputs of every conv, norm, pool,
 * merge and linear row (block rows and in-place ReLU/dropout excluded). ×4 bytes in float32.
 */
export function activationValues(a: Analysis): number {
  let sum = 0;
  for (const row of a.rows) if (STORED.has(row.kind)) sum += elements(row.output);
  return sum;
}
