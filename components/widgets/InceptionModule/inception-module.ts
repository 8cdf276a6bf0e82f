/**
 * "Inception module" cell: the six widths of one row of GoogLeNet's Table 1 (#1×1, #3×3 reduce,
 * #3×3, #5×5 reduce, #5×5, pool proj) plus the input it sits on, built as a four-branch network
 * with a channel concat and analysed by the calc core. Beside it, the "naive" module of the paper's
 * Figure 2(a): the same output widths without the 1×1 reductions, the pool branch passing every
 * input channel through.
 *
 * The layers come from src/models/googlenet.ts (the Caffe build for the paper, torchvision's
 * otherwise), so a paper row gives exactly the module's row of `googlenet_2014` (or `googlenet`).
 */
import {
  formatCompact,
  formatCount,
  formatKernel,
  formatRatio,
  formatShape,
  isCalcError,
  type Analysis,
  type LayerRow,
} from '../../../src/calc/index';
import { googlenetTable1 } from '../../../src/models/googlenet';
import {
  bigKernel,
  PRESETS,
  computeInceptionModule,
  type BranchTotal,
  type InceptionBuild,
  type InceptionModuleValues,
  type ModuleWidths,
} from './inception-compute';

export * from './inception-compute';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export const inceptionModuleLabels = {
  preset: 'Paper row',
  'preset.custom': 'custom (use the fields)',
  ...Object.fromEntries(googlenetTable1.map((r) => [`preset.${r.name}`, `inception (${r.name.slice(-2)})`])),
  flavour: 'Build',
  'flavour.paper': 'paper / Caffe: 5×5, biases',
  'flavour.torchvision': 'torchvision: “5×5” is 3×3, BN',
  cin: 'Input channels',
  size: 'Input size H = W',
  c1: '#1×1',
  r3: '#3×3 reduce',
  c3: '#3×3',
  r5: '#5×5 reduce',
  c5: '#5×5',
  pp: 'pool proj',
  reset: 'Reset',
  branches: 'The module with reductions, branch by branch',
  derivation: 'Where each count comes from',
  naive: 'Naive module vs module with reductions',
  branch: 'Branch',
  layers: 'Layers',
  channels: 'Out channels',
  params: 'Parameters',
  macs: 'MACs',
  total: 'concat (total)',
  naiveHead: 'Naive',
  reducedHead: 'With reductions',
  ratio: 'Naive ÷ reduced',
  outChannels: 'Output channels',
  b1: '1×1',
  b2: '3×3',
  b3: '5×5',
  b4: 'pool',
  matches: 'These are the widths of the paper’s',
  rulePaper: 'params = k·k·C_in·C_out + C_out biases; MACs = weights · H·W',
  ruleTorchvision: 'params = k·k·C_in·C_out + 2·C_out (BN γ, β; no bias); MACs = weights · H·W',
  naiveDerivation: 'The naive module’s convolutions',
  paramsLine: '{conv}: {terms} = <strong>{total}</strong> params',
  macsLine: '{weights} weights · {hw} = <strong>{macs}</strong> MACs',
  poolNaive: '3×3 max pool (passes all {cin})',
  poolReduced: '3×3 max pool → 1×1, {out}',
  thisModule: 'This module',
  summary: '{name}: {out} output channels, {params} parameters, {macs} MACs; the naive module needs {times} the MACs.',
  naiveOut: '{outChannels}: {naiveSum} = <strong>{naive}</strong> ({sum} = {reduced} with reductions)',
  tableRow: '(Table 1).',
  captionBranches:
    'Input {input}; every convolution keeps the {size}×{size} grid (stride 1, “same” padding) and the concat stacks the branches: {sum} = {out} channels.',
  captionNaive:
    'The naive module puts the {k}×{k} and 3×3 convolutions straight on all {cin} input channels and concatenates the pooled input unchanged.',
};
export type InceptionModuleLabels = typeof inceptionModuleLabels;

/**
 * Two derivation lines for one conv row of the core: "branch2.1 3×3, 96 → 128: 3·3·96·128 + 128 = 110,720
 * params" and "110,592 weights · 28·28 = 86,704,128 MACs".
 */
function convLines(row: LayerRow, a: Analysis, build: InceptionBuild, l: InceptionModuleLabels): string {
  const [kh, kw] = row.window?.kernel ?? [1, 1];
  const cin = row.input[0]!;
  const cout = row.output[0]!;
  const [, h, w] = row.output;
  const extra = build === 'paper' ? ` + ${cout}` : ` + 2·${cout}`;
  const name = e(row.name.replace(/\.conv$/, ''));
  // torchvision's BasicConv2d: the BN node after the conv holds γ and β.
  const bn = a.rows.find((r) => r.kind === 'bn' && r.name === row.name.replace(/\.conv$/, '.bn'));
  const total = row.params.total + (bn?.params.total ?? 0);
  return (
    `<li>${fill(l.paramsLine, { conv: `<code>${name}</code> ${kh}×${kw}, ${cin} → ${cout}`, terms: `${kh}·${kw}·${cin}·${cout}${extra}`, total: formatCount(total) })}</li>` +
    `<li class="nb-sub">${fill(l.macsLine, { weights: formatCount(row.params.weights), hw: `${h}·${w}`, macs: formatCount(row.macs) })}</li>`
  );
}

function formulaLine(build: InceptionBuild, l: InceptionModuleLabels): string {
  return `<li class="nb-rule">${e(build === 'paper' ? l.rulePaper : l.ruleTorchvision)}</li>`;
}

function layersText(b: BranchTotal, w: ModuleWidths, naive: boolean, l: InceptionModuleLabels): string {
  const conv = (r: LayerRow) => `${formatKernel(r.window)}, ${r.output[0]}`;
  if (b.key === 'b4') {
    return naive ? fill(l.poolNaive, { cin: w.cin }) : fill(l.poolReduced, { out: b.convs[0]?.output[0] ?? '' });
  }
  return b.convs.map(conv).join(' → ');
}

export const inceptionModule: WidgetDef<InceptionModuleValues, InceptionModuleLabels> = {
  name: 'inception-module',
  fields: {
    preset: { kind: 'choice', options: PRESETS },
    // The URL key stays `flavour` (shared links carry it); its values are builds.
    flavour: { kind: 'choice', options: ['paper', 'torchvision'] satisfies InceptionBuild[] },
    cin: CHANNELS,
    size: int(1, 1024),
    c1: CHANNELS,
    r3: CHANNELS,
    c3: CHANNELS,
    r5: CHANNELS,
    c5: CHANNELS,
    pp: CHANNELS,
  },
  defaults: { preset: 'inception3a', flavour: 'paper', cin: 192, size: 28, c1: 64, r3: 96, c3: 128, r5: 16, c5: 32, pp: 32 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? inceptionModuleLabels : ({} as InceptionModuleLabels),

  summary(v, l) {
    const { reduced, naive, row } = computeInceptionModule(v);
    const name = row ? `inception (${row.name.slice(-2)})` : l.thisModule;
    const counts = { params: formatCount(reduced.params.total), macs: formatCompact(reduced.macs), times: formatRatio(naive.macs, reduced.macs, 1) };
    return fill(l.summary, { name, out: reduced.output[0] ?? '', ...counts });
  },

  render(v, l) {
    const r = computeInceptionModule(v);
    const { widths: w, reduced, naive, branches, naiveBranches, build } = r;
    const label = (key: BranchTotal['key']) => e(l[key]);
    const branchRows = branches.map((b) => [
      label(b.key),
      e(layersText(b, w, false, l)),
      String(b.channels),
      formatCount(b.params),
      formatCompact(b.macs),
    ]);
    branchRows.push([
      e(l.total),
      `${e(formatShape(reduced.input))} → ${e(formatShape(reduced.output))}`,
      `<strong>${reduced.output[0]}</strong>`,
      `<strong>${formatCount(reduced.params.total)}</strong>`,
      `<strong>${formatCompact(reduced.macs)}</strong>`,
    ]);
    const sum = branches.map((b) => b.channels).join(' + ');
    const naiveSum = naiveBranches.map((b) => b.channels).join(' + ');
    const lines = formulaLine(build, l) + branches.flatMap((b) => b.convs.map((c) => convLines(c, reduced, build, l))).join('');
    const naiveLines =
      naiveBranches.flatMap((b) => b.convs.map((c) => convLines(c, naive, build, l))).join('') +
      `<li>${fill(l.naiveOut, { outChannels: e(l.outChannels), naiveSum, naive: naive.output[0] ?? '', sum, reduced: reduced.output[0] ?? '' })}</li>`;
    const compare = [
      [e(l.outChannels), String(naive.output[0]), String(reduced.output[0]), formatRatio(naive.output[0]!, reduced.output[0]!, 1)],
      [e(l.params), formatCount(naive.params.total), formatCount(reduced.params.total), formatRatio(naive.params.total, reduced.params.total, 1)],
      [e(l.macs), formatCount(naive.macs), formatCount(reduced.macs), formatRatio(naive.macs, reduced.macs, 1)],
      ...([1, 2] as const).map((i) => {
        const nb = naiveBranches[i]!;
        const rb = branches[i]!;
        return [`${label(rb.key)}: ${e(l.macs)}`, formatCompact(nb.macs), formatCompact(rb.macs), formatRatio(nb.macs, rb.macs, 1)];
      }),
    ];
    const match = r.row
      ? `<p class="nb-note">${e(l.matches)} <code>${e(r.row.name)}</code> ${e(l.tableRow)}</p>`
      : '';
    return [
      match,
      `<h4>${e(l.branches)}</h4>`,
      htmlTable([e(l.branch), e(l.layers), e(l.channels), e(l.params), e(l.macs)], branchRows, {
        caption: fill(l.captionBranches, { input: formatShape(reduced.input), size: w.size, sum, out: reduced.output[0] ?? '' }),
        numericFrom: 2,
      }),
      `<h4>${e(l.derivation)}</h4>`,
      `<ol class="nb-derivation">${lines}</ol>`,
      `<h4>${e(l.naive)}</h4>`,
      htmlTable(['', e(l.naiveHead), e(l.reducedHead), e(l.ratio)], compare, {
        caption: fill(l.captionNaive, { k: bigKernel(build), cin: w.cin }),
      }),
      `<h4>${e(l.naiveDerivation)}</h4>`,
      `<ol class="nb-derivation">${naiveLines}</ol>`,
    ].join('');
  },

  blame(error) {
    if (!isCalcError(error)) return undefined;
    return error.code === 'too-large' ? 'size' : undefined;
  },
};
