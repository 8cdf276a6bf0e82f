/**
 * "Towers and groups" cell: one convolution with C_in → C_out channels, a k×k kernel and
 * `groups` towers, against the same layer with one tower (groups = 1). Everything comes from
 * the calc core: analyse() on the two one-layer networks gives the output size, parameters and
 * MACs; the derivation shows weights = C_out·(C_in/g)·k² with the reader's numbers.
 * The default is AlexNet's conv2 as the BVLC Caffe model builds it (group: 2).
 */
import {
  analyse,
  CalcError,
  convOutputSize,
  formatCompact,
  formatCount,
  formatShape,
  isCalcError,
  type Analysis,
} from '../../../src/calc/index';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export interface GroupedConvValues {
  [key: string]: number;
  cin: number;
  cout: number;
  k: number;
  groups: number;
  size: number;
  stride: number;
  padding: number;
}

export const groupedConvLabels = {
  cin: 'Input channels C_in',
  cout: 'Output channels C_out',
  k: 'Kernel k',
  groups: 'Groups g (towers)',
  size: 'Input size H = W',
  stride: 'Stride s',
  padding: 'Padding p',
  reset: 'Reset',
  shape: 'Output size',
  towers: 'What each tower computes',
  weights: 'Weights and MACs',
  compare: 'Grouped vs one tower',
  grouped: 'Grouped',
  single: 'One tower',
  ratio: 'Ratio',
  params: 'Parameters',
  weightCount: 'Weights',
  macs: 'MACs',
  perOutput: 'MACs per output value',
  links: 'Channel pairs connected',
  flow: 'Which input channels each output channel can read',
  inputs: 'input channels',
  outputs: 'output channels',
  allOfThem: 'all of them',
  ownGroup: 'only the 1/{g} in its own group',
  output: 'output',
  groupsEach: '{g} groups, each: {inPer} = {cin}/{g} input channels → {outPer} = {cout}/{g} output channels',
  groupReads: 'group {t}: output channels {outs} read input channels {ins}',
  groupReadsOnly: 'group {t}: output channels {outs} read input channels {ins} only',
  groupsElided: 'group 1: output channels {outs1} read input channels {ins1} only; … group {g}: {outsG} read {insG}',
  weightsName: 'weights',
  biasesName: 'biases',
  paramsName: 'parameters',
  oneTowerNote: 'One tower: every output channel reads every input channel.',
  diagonalNote:
    'Only the {g} diagonal blocks are connected: an output channel in group t never sees the {unseen} input channels of the {others}. Those features can only meet in a later layer with g = 1 (in AlexNet, conv3 and the fully connected layers).',
  otherGroup: 'other group',
  otherGroups: 'other {n} groups',
  caption:
    'Grouped (g = {g}) and one tower (g = 1), both {cin} → {cout} channels, {k}×{k} kernel, stride {stride}, padding {padding}, on a {size}×{size} input; parameters are weights + biases; computed by the calc core.',
  summaryOne: 'One tower (g = 1): {params} parameters and {macs} MACs; every output channel reads all {cin} input channels.',
  summaryGrouped: '{g} groups: {params} parameters and {macs} MACs; the same layer as one tower: {oneParams} parameters and {oneMacs} MACs.',
};
export type GroupedConvLabels = typeof groupedConvLabels;

export interface GroupedConvResult {
  /** The layer with the reader's groups. */
  readonly grouped: Analysis;
  /** The same layer as one tower. */
  readonly single: Analysis;
  readonly outSize: number;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
}

function oneLayer(v: GroupedConvValues, groups: number): Analysis {
  return analyse({
    id: groups === 1 ? 'single' : 'grouped',
    input: [v.cin, v.size, v.size],
    layers: [{ kind: 'conv', name: 'conv', out: v.cout, kernel: v.k, stride: v.stride, padding: v.padding, groups }],
  });
}

/** Throws the core's CalcError when groups do not divide the channels or the kernel does not fit. */
export function computeGroupedConv(v: GroupedConvValues): GroupedConvResult {
  try {
    const grouped = oneLayer(v, v.groups);
    const single = oneLayer(v, 1);
    const outSize = convOutputSize(v.size, v.k, v.stride, v.padding);
    return { grouped, single, outSize, inPerGroup: v.cin / v.groups, outPerGroup: v.cout / v.groups };
  } catch (error) {
    // The one-layer network's node name means nothing to the reader: keep the problem only.
    if (isCalcError(error)) throw new CalcError(error.code, '', error.problem);
    throw error;
  }
}

function ratio(a: number, b: number): string {
  return b === 0 ? '—' : `${(a / b).toFixed(3).replace(/\.?0+$/, '')}×`;
}

/** "0–47" for the channels of group `t` (0-based, inclusive range). */
function span(t: number, per: number): string {
  return per === 1 ? String(t * per) : `${t * per}–${(t + 1) * per - 1}`;
}

/** The largest group count drawn as a block matrix; beyond it the cells would be sub-pixel. */
export const MAX_DRAWN_GROUPS = 64;

/** Block-diagonal connectivity: rows are output-channel groups, columns input-channel groups. */
function connectivitySvg(g: number, l: GroupedConvLabels): string {
  if (g > MAX_DRAWN_GROUPS) return '';
  const size = 168;
  const pad = 22;
  const cell = size / g;
  const blocks: string[] = [];
  for (let r = 0; r < g; r += 1) {
    for (let c = 0; c < g; c += 1) {
      const on = r === c;
      blocks.push(
        `<rect x="${(pad + c * cell).toFixed(2)}" y="${(pad + r * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" class="${on ? 'gc-on' : 'gc-off'}"/>`,
      );
    }
  }
  const title = `${l.flow}: ${g === 1 ? l.allOfThem : fill(l.ownGroup, { g })}`;
  return `<svg class="gc-matrix" viewBox="0 0 ${size + pad + 4} ${size + pad + 4}" role="img" aria-label="${e(title)}">${blocks.join('')}<text x="${pad + size / 2}" y="14" text-anchor="middle" class="gc-axis">${e(l.inputs)} →</text><text x="12" y="${pad + size / 2}" text-anchor="middle" class="gc-axis" transform="rotate(-90 12 ${pad + size / 2})">${e(l.outputs)} →</text></svg>`;
}

export const groupedConv: WidgetDef<GroupedConvValues, GroupedConvLabels> = {
  name: 'grouped-conv',
  fields: {
    cin: CHANNELS,
    cout: CHANNELS,
    k: int(1, 15),
    groups: CHANNELS,
    size: int(1, 1024),
    stride: int(1, 8),
    padding: int(0, 16),
  },
  // AlexNet's conv2 in the BVLC Caffe model: 96 → 256 channels, 5×5, pad 2, group 2, on pool1's 27×27.
  defaults: { cin: 96, cout: 256, k: 5, groups: 2, size: 27, stride: 1, padding: 2 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? groupedConvLabels : ({} as GroupedConvLabels),

  summary(v, l) {
    const { grouped, single } = computeGroupedConv(v);
    const vars = { g: v.groups, cin: v.cin, params: formatCount(grouped.params.total), macs: formatCompact(grouped.macs) };
    if (v.groups === 1) return fill(l.summaryOne, vars);
    return fill(l.summaryGrouped, { ...vars, oneParams: formatCount(single.params.total), oneMacs: formatCompact(single.macs) });
  },

  render(v, l) {
    const { grouped, single, outSize, inPerGroup, outPerGroup } = computeGroupedConv(v);
    const g = v.groups;
    const k2 = v.k * v.k;
    const wG = grouped.params.weights;
    const wS = single.params.weights;
    const shapeSteps = [
      `<li><var>H</var><sub>out</sub> = ⌊(${v.size} + 2·${v.padding} − ${v.k}) / ${v.stride}⌋ + 1 = <strong>${outSize}</strong> → ${e(l.output)} ${formatShape(grouped.output)}</li>`,
    ];
    const towerSteps = [
      `<li>${e(fill(l.groupsEach, { g, inPer: inPerGroup, cin: v.cin, outPer: outPerGroup, cout: v.cout }))}</li>`,
      ...(g <= 4
        ? Array.from(
            { length: g },
            (_, t) =>
              `<li>${e(fill(g > 1 ? l.groupReadsOnly : l.groupReads, { t: t + 1, outs: span(t, outPerGroup), ins: span(t, inPerGroup) }))}</li>`,
          )
        : [
            `<li>${e(fill(l.groupsElided, { outs1: span(0, outPerGroup), ins1: span(0, inPerGroup), g, outsG: span(g - 1, outPerGroup), insG: span(g - 1, inPerGroup) }))}</li>`,
          ]),
    ];
    const weightSteps = [
      `<li>${e(l.weightsName)} = <var>C</var><sub>out</sub>·(<var>C</var><sub>in</sub>/<var>g</var>)·<var>k</var>² = ${v.cout}·(${v.cin}/${g})·${v.k}² = ${v.cout}·${inPerGroup}·${k2} = <strong>${formatCount(wG)}</strong></li>`,
      `<li>${e(l.biasesName)} = <var>C</var><sub>out</sub> = ${formatCount(grouped.params.biases)} → ${e(l.paramsName)} = <strong>${formatCount(grouped.params.total)}</strong></li>`,
      `<li>MACs = ${e(l.weightsName)}·<var>H</var><sub>out</sub>·<var>W</var><sub>out</sub> = ${formatCount(wG)}·${outSize}·${outSize} = <strong>${formatCount(grouped.macs)}</strong></li>`,
    ];
    const rows = [
      [e(l.weightCount), formatCount(wG), formatCount(wS), ratio(wG, wS)],
      [e(l.params), formatCount(grouped.params.total), formatCount(single.params.total), ratio(grouped.params.total, single.params.total)],
      [e(l.macs), formatCompact(grouped.macs), formatCompact(single.macs), ratio(grouped.macs, single.macs)],
      [e(l.perOutput), `${inPerGroup}·${k2} = ${formatCount(inPerGroup * k2)}`, `${v.cin}·${k2} = ${formatCount(v.cin * k2)}`, ratio(inPerGroup, v.cin)],
      [e(l.links), formatCount(v.cout * inPerGroup), formatCount(v.cout * v.cin), ratio(inPerGroup, v.cin)],
      [e(l.shape), formatShape(grouped.output), formatShape(single.output), ''],
    ];
    const flowNote =
      g === 1
        ? l.oneTowerNote
        : fill(l.diagonalNote, { g, unseen: formatCount(v.cin - inPerGroup), others: g === 2 ? l.otherGroup : fill(l.otherGroups, { n: g - 1 }) });
    return [
      `<h4>${e(l.shape)}</h4><ol class="nb-derivation">${shapeSteps.join('')}</ol>`,
      `<h4>${e(l.towers)}</h4><ol class="nb-derivation">${towerSteps.join('')}</ol>`,
      `<h4>${e(l.weights)}</h4><ol class="nb-derivation">${weightSteps.join('')}</ol>`,
      `<h4>${e(l.compare)}</h4>`,
      htmlTable(['', e(l.grouped), e(l.single), e(l.ratio)], rows, {
        caption: fill(l.caption, { g, cin: v.cin, cout: v.cout, k: v.k, stride: v.stride, padding: v.padding, size: v.size }),
      }),
      `<h4>${e(l.flow)}</h4><div class="gc-flow">${connectivitySvg(g, l)}<p>${e(flowNote)}</p></div>`,
    ].join('');
  },

  blame(error) {
    if (!isCalcError(error)) return undefined;
    if (error.code === 'channels-not-divisible') return 'groups';
    if (error.code === 'kernel-too-large') return 'k';
    return undefined;
  },
};
