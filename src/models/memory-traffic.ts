/**
 * "MACs are not speed": arithmetic intensity (MACs per byte of fp32 traffic) of the two halves of
 * a separable convolution against a dense 3×3, at Xception's middle-flow setting, and of the two
 * networks as a whole. Every figure from the calc core.
 */
import { analyse, type LayerRow, type LayerSpec } from '../calc/index';
import { analysisOf } from './analysis';

export interface Traffic {
  readonly label: string;
  readonly macs: number;
  readonly bytes: number;
  /** MACs per byte. */
  readonly intensity: number;
}

const one = (label: string, input: readonly [number, number, number], layer: LayerSpec): Traffic => {
  const row = analyse({ input, layers: [layer] }).rows[0] as LayerRow;
  return { label, macs: row.macs, bytes: row.bytes, intensity: row.macs / row.bytes };
};

/** Depthwise 3×3, pointwise 1×1 and dense 3×3 on C channels at H×W (no bias, as in Xception). */
export function layerTraffic(C = 728, size = 19): Traffic[] {
  const input = [C, size, size] as const;
  return [
    one('depthwise 3×3', input, { name: 'dw', kind: 'conv', out: C, kernel: 3, padding: 1, groups: C, bias: false }),
    one('pointwise 1×1', input, { name: 'pw', kind: 'conv', out: C, kernel: 1, bias: false }),
    one('dense 3×3', input, { name: 'dense', kind: 'conv', out: C, kernel: 3, padding: 1, bias: false }),
  ];
}

/** Whole networks at their default inputs: eval-mode MACs against unfused layer-by-layer traffic. */
export function networkTraffic(ids: readonly string[] = ['inception_v3', 'xception']): Traffic[] {
  return ids.map((id) => {
    const a = analysisOf(id, id === 'inception_v3' ? { aux: false } : {});
    return { label: id, macs: a.macs, bytes: a.bytes, intensity: a.macs / a.bytes };
  });
}
