/**
 * "Accuracy against operations": every registered model with published weights, top-1 accuracy
 * against eval-mode MACs (log scale), marker area proportional to parameters. Pure layout, so the
 * figure is server-rendered and unit-tested; every number comes from the calc core or accuracy.ts.
 */
import { networkIds } from '../../src/models/registry';
import { accuracyOf, type Accuracy } from '../../src/models/accuracy';
import { analysisOf } from '../../src/chapters/facts';

export interface ChartPoint {
  readonly id: string;
  readonly macs: number;
  readonly params: number;
  readonly accuracy: Accuracy;
  /** Centre and radius in SVG units. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export const CHART = { width: 640, height: 380, left: 48, right: 16, top: 16, bottom: 40 } as const;
/** MAC range of the log x axis (0.5 G … 32 G covers AlexNet to VGG-19 at their default inputs). */
export const X_RANGE = [0.5e9, 32e9] as const;
export const Y_RANGE = [54, 80] as const;
/** The largest model (VGG-19, 144 M params) gets this radius; area scales with params. */
const MAX_RADIUS = 14;

export function chartPoints(): ChartPoint[] {
  const rows = networkIds.flatMap((id) => {
    const accuracy = accuracyOf(id);
    if (accuracy === undefined) return [];
    const a = analysisOf(id);
    return [{ id, macs: a.macs, params: a.params.total, accuracy }];
  });
  const maxParams = Math.max(...rows.map((r) => r.params));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const [x0, x1] = X_RANGE.map(Math.log10) as [number, number];
  return rows.map((r) => ({
    ...r,
    x: CHART.left + ((Math.log10(r.macs) - x0) / (x1 - x0)) * plotW,
    y: CHART.top + ((Y_RANGE[1] - r.accuracy.top1) / (Y_RANGE[1] - Y_RANGE[0])) * plotH,
    r: MAX_RADIUS * Math.sqrt(r.params / maxParams),
  }));
}

/** Log-axis ticks: 0.5, 1, 2, 4, … G MACs. */
export function xTicks(): { x: number; label: string }[] {
  const plotW = CHART.width - CHART.left - CHART.right;
  const [x0, x1] = X_RANGE.map(Math.log10) as [number, number];
  const ticks: { x: number; label: string }[] = [];
  for (let v = X_RANGE[0]; v <= X_RANGE[1]; v *= 2) {
    ticks.push({ x: CHART.left + ((Math.log10(v) - x0) / (x1 - x0)) * plotW, label: `${v / 1e9}` });
  }
  return ticks;
}

export function yTicks(): { y: number; label: string }[] {
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const ticks: { y: number; label: string }[] = [];
  for (let v = 55; v <= Y_RANGE[1]; v += 5) {
    ticks.push({ y: CHART.top + ((Y_RANGE[1] - v) / (Y_RANGE[1] - Y_RANGE[0])) * plotH, label: `${v}%` });
  }
  return ticks;
}
