/**
 * ResNet V1 vs V1.5, block by block: where the extra MACs of torchvision's V1.5 come from.
 * In both versions a stage's first bottleneck outputs at the lower resolution from its 3×3 on;
 * what moves is conv1, the first 1×1, which in V1 carries the stride 2 and in V1.5 runs at the
 * input resolution (four times the positions). Computed by the calc core, never typed.
 */
import type { Analysis, LayerRow } from '../calc/index';
import { analysisOf } from './analysis';
import type { ResNetDepth } from './resnet';

export interface StrideShiftRow {
  /** The block whose layers differ: "layer2.0". */
  readonly block: string;
  /** The conv whose MACs differ: "layer2.0.conv1". */
  readonly layer: string;
  readonly v1Macs: number;
  readonly v15Macs: number;
  /** v15Macs − v1Macs. */
  readonly extra: number;
}

export interface StrideShift {
  readonly v1: Analysis;
  readonly v15: Analysis;
  /** Every layer whose MACs differ between the two versions. */
  readonly rows: readonly StrideShiftRow[];
  /** Sum of the rows' extra MACs; equals v15.macs − v1.macs. */
  readonly extra: number;
}

const convRows = (a: Analysis): Map<string, LayerRow> => new Map(a.rows.filter((r) => r.kind === 'conv').map((r) => [r.name, r]));

/** Every conv whose MACs differ between V1 (stride on the 1×1) and V1.5 (stride on the 3×3). */
export function strideShift(depth: Exclude<ResNetDepth, 18 | 34>): StrideShift {
  const v1 = analysisOf(`resnet${depth}`, { strideOn: '1x1' });
  const v15 = analysisOf(`resnet${depth}`, { strideOn: '3x3' });
  const before = convRows(v1);
  const rows: StrideShiftRow[] = [];
  for (const [name, r15] of convRows(v15)) {
    const r1 = before.get(name);
    if (r1 === undefined) throw new Error(`${name} exists only in V1.5`);
    if (r1.macs === r15.macs) continue;
    rows.push({ block: name.replace(/\.[^.]+$/, ''), layer: name, v1Macs: r1.macs, v15Macs: r15.macs, extra: r15.macs - r1.macs });
  }
  return { v1, v15, rows, extra: rows.reduce((s, r) => s + r.extra, 0) };
}
