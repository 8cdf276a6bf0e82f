/**
 * "Inception → Xception continuum": a 1×1 convolution C → C followed by a 3×3 convolution split
 * into g channel groups (Chollet 2017, §2: "an Inception module with g towers" for small g, the
 * "extreme" Inception = depthwise for g = C). Every count comes from the calc core's analyse() on
 * the two-layer network; only divisors of C are valid group counts.
 */
import { analyse, CalcError, formatCompact, formatCount, isCalcError, type Analysis } from '../../../src/calc/index';
import { divisors } from '../../../src/models/inception-steps';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import { CHANNELS, int, type IntegerField } from '../../../src/widget/fields';
import type { WidgetDef } from '../../../src/widget/widget';

export interface ContinuumValues {
  [key: string]: number;
  c: number;
  g: number;
  size: number;
}

export const continuumFields = {
  c: CHANNELS,
  g: CHANNELS,
  size: int(1, 2048),
} as const satisfies Record<'c' | 'g' | 'size', IntegerField>;

export const continuumLabels = {
  c: 'Channels C',
  g: 'Groups g of the 3×3',
  size: 'Map size H = W',
  reset: 'Reset',
  slider: 'Slide through the divisors of C',
  derivation: '1×1 conv to C, then 3×3 conv in g groups',
  table: 'Three points on the line',
  where: 'Where this sits',
  chart: 'Weights for every valid g',
  groups: 'g',
  perGroup: 'C/g',
  params: 'Weights',
  macs: 'MACs',
  ordinary: 'one tower: an ordinary 3×3 after the 1×1',
  inception: 'a few towers, like the 3–4 branches of an Inception v1/v3 module (steps 2–3)',
  more: 'more, thinner segments (step 4)',
  extreme: 'one channel per 3×3: depthwise, the “extreme” Inception of step 5 and Xception',
  inceptionMark: 'Inception',
  xceptionMark: 'Xception',
  tooMany: 'g can be at most C = {c} (one channel per group).',
  notDivisor: 'g must divide C = {c}; the nearest divisors are {near}.',
  and: ' and ',
  perGroupOne: '1 channel per group',
  perGroupMany: '{n} channels per group',
  chartLabel: '{chart}: from {first} at g = 1 to {last} at g = {c}; the current g = {g} has {current}.',
  floor: '1×1 alone: C² = {c2}',
  axis: 'groups g (divisors of C, evenly spaced)',
  chartCaption: '{chart} (C = {c}), the divisors of C evenly spaced along the axis; the large dot is g = {g}.',
  groupedStep: '3×3 in g groups',
  weights: 'weights',
  summary: 'g = {g} ({perGroup}): {weights} weights, {pct} of g = 1; {region}.',
  whereLine: '<strong>{where}:</strong> {region}.',
  caption: '{table}: g = 1, your g, and g = C. Weights only (no biases), on a {size}×{size} map; the 1×1 costs the same C² at every g.',
  sliderLow: 'g = 1 · {inception} ≈ 3–4',
  sliderHigh: '{xception}: g = {c}',
};
export type ContinuumLabels = typeof continuumLabels;

/** Nearest divisors of c below and above g, for the message when g does not divide c. */
export function nearestDivisors(c: number, g: number): number[] {
  const ds = divisors(c);
  const below = ds.filter((d) => d < g).at(-1);
  const above = ds.find((d) => d > g);
  return [below, above].filter((d): d is number => d !== undefined);
}

/** Throws when g is no divisor of C; the message comes from the labels (the page's language). */
export function checkGroups(v: ContinuumValues, l: ContinuumLabels = continuum.labels): void {
  const fail = (message: string) => Object.assign(new CalcError('channels-not-divisible', '', message), { localized: true });
  if (v.g > v.c) throw fail(fill(l.tooMany, { c: v.c }));
  if (v.c % v.g !== 0) throw fail(fill(l.notDivisor, { c: v.c, near: nearestDivisors(v.c, v.g).join(l.and) }));
}

/** The two-layer module for one g: 1×1 C → C, then 3×3 C → C in g groups (no bias, stride 1, padding 1). */
export function continuumAt(c: number, g: number, size: number): Analysis {
  return analyse({
    id: `continuum-g${g}`,
    input: [c, size, size],
    layers: [
      { kind: 'conv', name: 'pointwise', out: c, kernel: 1, bias: false },
      { kind: 'conv', name: 'spatial', out: c, kernel: 3, padding: 1, groups: g, bias: false },
    ],
  });
}

/** "182 channels per group", "1 channel per group". */
export function channelsPerGroup(n: number, l: ContinuumLabels = continuum.labels): string {
  return n === 1 ? l.perGroupOne : fill(l.perGroupMany, { n });
}

export type Region = 'ordinary' | 'inception' | 'more' | 'extreme';

/** Which of the chapter's steps a group count corresponds to. */
export function regionOf(c: number, g: number): Region {
  if (g === c) return 'extreme';
  if (g === 1) return 'ordinary';
  return g <= 4 ? 'inception' : 'more';
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A small SVG chart of the weights over every divisor of C, the current g highlighted. */
function chart(v: ContinuumValues, l: ContinuumLabels): string {
  const ds = divisors(v.c);
  const W = 560;
  const H = 200;
  const left = 14;
  const right = W - 14;
  const top = 28;
  const bottom = H - 48;
  const weights = ds.map((g) => continuumAt(v.c, g, 1).params.weights);
  const max = Math.max(...weights);
  const x = (i: number) => (ds.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (ds.length - 1));
  const y = (w: number) => bottom - ((bottom - top) * w) / max;
  const floor = y(v.c * v.c);
  const path = ds.map((_, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(weights[i]!).toFixed(1)}`).join(' ');
  const every = Math.ceil(ds.length / 16);
  const ticks = ds
    .map((g, i) => (i % every === 0 || g === v.c || g === v.g ? `<text x="${x(i).toFixed(1)}" y="${H - 18}" text-anchor="middle" class="cx-tick${g === v.g ? ' cx-current-tick' : ''}">${g}</text>` : ''))
    .join('');
  const dots = ds
    .map((g, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(weights[i]!).toFixed(1)}" r="${g === v.g ? 6 : 3}" class="${g === v.g ? 'cx-current' : 'cx-dot'}"/>`)
    .join('');
  const inceptionIndex = ds.findLastIndex((g) => g >= 2 && g <= 4 && g !== v.c);
  const mark = (i: number, text: string, anchor: string) =>
    `<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${top - 14}" y2="${bottom}" class="cx-mark"/><text x="${x(i).toFixed(1)}" y="${top - 18}" text-anchor="${anchor}" class="cx-mark-text">${e(text)}</text>`;
  const marks = (inceptionIndex >= 0 ? mark(inceptionIndex, l.inceptionMark, 'middle') : '') + mark(ds.length - 1, l.xceptionMark, 'end');
  const current = formatCount(continuumAt(v.c, v.g, 1).params.weights);
  const label = fill(l.chartLabel, { chart: l.chart, first: formatCount(weights[0]!), last: formatCount(weights.at(-1)!), c: v.c, g: v.g, current });
  return `<figure class="cx-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}">
<line x1="${left}" x2="${right}" y1="${floor.toFixed(1)}" y2="${floor.toFixed(1)}" class="cx-floor"/>
<text x="${left + 40}" y="${(floor + 14).toFixed(1)}" text-anchor="start" class="cx-floor-text">${e(fill(l.floor, { c2: formatCount(v.c * v.c) }))}</text>
${marks}<path d="${path}" class="cx-line"/>${dots}${ticks}
<text x="${(left + right) / 2}" y="${H - 2}" text-anchor="middle" class="cx-axis">${e(l.axis)}</text>
</svg><figcaption>${e(fill(l.chartCaption, { chart: l.chart, c: v.c, g: v.g }))}</figcaption></figure>`;
}

export const continuum: WidgetDef<ContinuumValues, ContinuumLabels> = {
  name: 'continuum',
  fields: continuumFields,
  defaults: { c: 728, g: 4, size: 19 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? continuumLabels : ({} as ContinuumLabels),

  summary(v, l) {
    checkGroups(v, l);
    const a = continuumAt(v.c, v.g, v.size);
    const full = continuumAt(v.c, 1, v.size);
    const weights = formatCount(a.params.weights);
    return fill(l.summary, { g: v.g, perGroup: channelsPerGroup(v.c / v.g, l), weights, pct: pct(a.params.weights, full.params.weights), region: l[regionOf(v.c, v.g)] });
  },

  render(v, l) {
    checkGroups(v, l);
    const a = continuumAt(v.c, v.g, v.size);
    const [pw, sp] = a.rows as [Analysis['rows'][number], Analysis['rows'][number]];
    const per = v.c / v.g;
    const hw = v.size * v.size;
    const steps = [
      `<li>1×1: C·C = ${v.c}·${v.c} = ${formatCount(pw.params.weights)}</li>`,
      `<li>${e(l.groupedStep)}: 9·(C/g)·C = 9·${per}·${v.c} = ${formatCount(sp.params.weights)}</li>`,
      `<li>${e(l.weights)} = C²·(1 + 9/g) = ${formatCount(pw.params.weights)} + ${formatCount(sp.params.weights)} = <strong>${formatCount(a.params.weights)}</strong></li>`,
      `<li>MACs = ${e(l.weights)}·H·W = ${formatCount(a.params.weights)}·${hw} = <strong>${formatCount(a.macs)}</strong></li>`,
    ].join('');
    const points = [...new Set([1, v.g, v.c])].map((g) => {
      const p = continuumAt(v.c, g, v.size);
      const name = g === v.g ? `<strong>${g}</strong>` : String(g);
      return [name, String(v.c / g), formatCount(p.params.weights), formatCompact(p.macs)];
    });
    return [
      `<h4>${e(l.derivation)}</h4><ol class="nb-derivation">${steps}</ol>`,
      `<p class="cx-where">${fill(l.whereLine, { where: e(l.where), region: e(l[regionOf(v.c, v.g)]) })}</p>`,
      chart(v, l),
      htmlTable([e(l.groups), e(l.perGroup), e(l.params), e(l.macs)], points, {
        caption: fill(l.caption, { table: l.table, size: v.size }),
      }),
    ].join('');
  },

  blame(error) {
    if (!isCalcError(error)) return undefined;
    if (error.code === 'channels-not-divisible') return 'g';
    if (error.code === 'too-large') return 'size';
    return undefined;
  },
};
