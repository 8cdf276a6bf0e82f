/**
 * "ResNet builder" cell: one of the paper's five depths, or any block kind and blocks per stage,
 * with the bottleneck's stride on the 3×3 (torchvision, "V1.5") or on the first 1×1 (the paper,
 * "V1"), at any input size. The calc core builds (src/models/resnet.ts) and analyses the network;
 * the cell groups its rows into Table 1's stages and derives each stage's parameter count.
 */
import {
  analyse,
  formatCompact,
  formatCount,
  formatPair,
  formatShape,
  isCalcError,
  type Analysis,
  type LayerRow,
} from '../../../src/calc/index';
import { resnet, resnetCustom, resnetStages, type ResNetBlockKind, type ResNetDepth } from '../../../src/models/resnet';
import { int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export interface ResNetBuilderValues {
  [key: string]: number | string;
  depth: string;
  block: ResNetBlockKind;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  strideOn: '3x3' | '1x1';
  size: number;
}

export const resNetBuilderLabels = {
  depth: 'Depth',
  'depth.custom': 'custom (below)',
  block: 'Custom: block',
  'block.basic': 'basic',
  'block.bottleneck': 'bottleneck',
  n1: 'Custom: blocks in conv2_x',
  n2: 'Custom: blocks in conv3_x',
  n3: 'Custom: blocks in conv4_x',
  n4: 'Custom: blocks in conv5_x',
  strideOn: 'Bottleneck stride on',
  'strideOn.3x3': '3×3 (V1.5)',
  'strideOn.1x1': '1×1 (V1, paper)',
  size: 'Input size H = W',
  reset: 'Reset',
  stages: 'Stage by stage',
  derivation: 'Where the parameters come from',
  stage: 'Stage',
  blocks: 'Blocks',
  output: 'Output',
  params: 'Parameters',
  macs: 'MACs',
  rf: 'RF',
  jump: 'S',
  total: 'total',
  stem: 'stem',
  head: 'head',
  customOnly: 'Editing the block fields switches Depth to “custom”.',
  titlePreset: 'ResNet-{depth} (torchvision{variant})',
  titleCustom: 'ResNet-{depth} (custom, blocks {repeats}{variant})',
  v15: ', V1.5',
  v1: ', V1, stride on 1×1',
  depthLine:
    '{title}. Depth = conv1 + {per} convolutions per block · ({blocks}) blocks + fc = 1 + {per}·{sum} + 1 = <strong>{depth}</strong> weight layers.',
  blocksWord: 'blocks',
  stageHead: '{n} blocks',
  stageHeadOne: '1 block',
  block0: 'block 0: {terms} = {params}',
  laterBlocks: 'blocks 1–{last}: {terms} = {params} each',
  stageSum: 'stage = {p0} + {n}·{p1}',
  caption:
    "Input 3×{size}×{size}; “×n”: blocks in the stage. Receptive field (square) and effective stride of one unit of the stage's output, in input pixels.",
  formula:
    'Each conv is k·k·C<sub>in</sub>·C<sub>out</sub> (no bias); each batch norm adds γ and β: 2·C. Every block after the first in a stage has the same parameters.',
  summary: '{title} at {size}×{size}: {params} parameters, {macs} MACs; layer4 is {shape} and sees {rf} pixels.',
};
export type ResNetBuilderLabels = typeof resNetBuilderLabels;

const PRESETS = ['18', '34', '50', '101', '152'] as const;

export interface StageSummary {
  readonly key: string;
  readonly paperName: string;
  readonly blocks: number;
  readonly output: readonly number[];
  readonly params: number;
  readonly macs: number;
  readonly rf: LayerRow['receptiveField'];
  /** Rows of the first block and of the second (all later blocks have its parameters). */
  readonly first: readonly LayerRow[];
  readonly later: readonly LayerRow[];
}

export interface BuilderResult {
  readonly title: string;
  readonly block: ResNetBlockKind;
  readonly repeats: readonly number[];
  readonly analysis: Analysis;
  readonly stem: { params: number; macs: number; output: readonly number[]; rf: LayerRow['receptiveField']; rows: readonly LayerRow[] };
  readonly stages: readonly StageSummary[];
  readonly head: { params: number; macs: number; output: readonly number[]; rows: readonly LayerRow[] };
}

export function buildNetwork(v: ResNetBuilderValues) {
  const options = v.strideOn === '1x1' ? { strideOn: '1x1' as const } : {};
  if (v.depth === 'custom') return resnetCustom({ block: v.block, repeats: [v.n1, v.n2, v.n3, v.n4] }, options);
  return resnet(Number(v.depth) as ResNetDepth, options);
}

/** Builds and analyses the network, then groups the rows: stem, layer1…layer4, head. */
export function computeBuilder(v: ResNetBuilderValues): BuilderResult {
  const net = buildNetwork(v);
  const analysis = analyse(net, [3, v.size, v.size]);
  const stemRows: LayerRow[] = [];
  const headRows: LayerRow[] = [];
  const stageRows = resnetStages.map(() => ({ first: [] as LayerRow[], later: [] as LayerRow[], all: [] as LayerRow[], blocks: new Set<string>() }));
  const stageRow = new Map<string, LayerRow>();
  for (const row of analysis.rows) {
    const m = /^layer([1-4])(?:\.(\d+)\.)?/.exec(row.name);
    if (row.kind === 'block') {
      stageRow.set(row.name, row);
      continue;
    }
    if (!m) {
      (stageRow.size === 0 ? stemRows : headRows).push(row);
      continue;
    }
    const s = stageRows[Number(m[1]) - 1]!;
    s.all.push(row);
    s.blocks.add(m[2]!);
    if (m[2] === '0') s.first.push(row);
    if (m[2] === '1') s.later.push(row);
  }
  const sum = (rows: readonly LayerRow[]) => rows.reduce((acc, r) => ({ params: acc.params + r.params.total, macs: acc.macs + r.macs }), { params: 0, macs: 0 });
  const stages = resnetStages.map((st, i) => {
    const row = stageRow.get(st.torchvisionName)!;
    const s = stageRows[i]!;
    return {
      key: st.torchvisionName,
      paperName: st.paperName,
      blocks: s.blocks.size,
      output: row.output,
      params: row.params.total,
      macs: row.macs,
      rf: row.receptiveField,
      first: s.first,
      later: s.later,
    };
  });
  const lastStem = stemRows[stemRows.length - 1]!;
  const block = net.layers.some((l) => l.name === 'layer1.0.conv3') ? 'bottleneck' : 'basic';
  return {
    title: net.title,
    block,
    repeats: stages.map((s) => s.blocks),
    analysis,
    stem: { ...sum(stemRows), output: lastStem.output, rf: lastStem.receptiveField, rows: stemRows },
    stages,
    head: { ...sum(headRows), output: analysis.output, rows: headRows },
  };
}

let memo: { key: string; result: BuilderResult } | undefined;
/** Summary and render of one update share one build + analysis (resnet152: well under a millisecond). */
function compute(v: ResNetBuilderValues): BuilderResult {
  const key = JSON.stringify(v);
  if (memo?.key !== key) memo = { key, result: computeBuilder(v) };
  return memo.result;
}

const rfText = (rf: LayerRow['receptiveField']) => (rf ? formatPair(rf.size) : '—');
const jumpText = (rf: LayerRow['receptiveField']) => (rf ? String(rf.stride[0]) : '—');

/** "1·1·256·128 + 3·3·128·128 + … + 2·(128 + 128 + 512)" for a list of conv and BN rows. */
export function paramTerms(rows: readonly LayerRow[]): string {
  const convs: string[] = [];
  const bn: number[] = [];
  const shortcut: string[] = [];
  for (const r of rows) {
    if (r.kind === 'conv') {
      const k = r.window?.kernel[0] ?? 1;
      const term = `${k}·${k}·${r.input[0]}·${r.output[0]}`;
      (r.name.includes('.downsample.') ? shortcut : convs).push(term);
    } else if (r.kind === 'bn') bn.push(r.output[0]!);
    else if (r.kind === 'linear') convs.push(`${r.input[0]}·${r.output[0]} + ${r.params.biases}`);
  }
  const parts = [...convs, ...shortcut];
  if (bn.length > 0) parts.push(`2·(${bn.join(' + ')})`);
  return parts.join(' + ');
}

function total(rows: readonly LayerRow[]): number {
  return rows.reduce((s, r) => s + r.params.total, 0);
}

function stageDerivation(s: StageSummary, l: ResNetBuilderLabels): string {
  const p0 = total(s.first);
  const head = `<code>${e(s.key)}</code> (${e(s.paperName)}), ${e(s.blocks === 1 ? l.stageHeadOne : fill(l.stageHead, { n: s.blocks }))}`;
  const first = fill(l.block0, { terms: paramTerms(s.first), params: formatCount(p0) });
  if (s.blocks === 1) return `<li>${head}: ${first} = <strong>${formatCount(s.params)}</strong></li>`;
  const p1 = total(s.later);
  const rest = fill(l.laterBlocks, { last: s.blocks - 1, terms: paramTerms(s.later), params: formatCount(p1) });
  const sum = fill(l.stageSum, { p0: formatCount(p0), n: s.blocks - 1, p1: formatCount(p1) });
  return `<li>${head}: ${first}; ${rest}; ${sum} = <strong>${formatCount(s.params)}</strong></li>`;
}

/** The network's title in the page's language (the model's own title is English). */
function titleOf(v: ResNetBuilderValues, r: BuilderResult, l: ResNetBuilderLabels): string {
  const depth = 2 + (r.block === 'basic' ? 2 : 3) * r.repeats.reduce((s, x) => s + x, 0);
  const variant = r.block === 'bottleneck' ? (v.strideOn === '3x3' ? l.v15 : l.v1) : '';
  return fill(v.depth === 'custom' ? l.titleCustom : l.titlePreset, { depth, variant, repeats: r.repeats.join('-') });
}

export const resNetBuilder: WidgetDef<ResNetBuilderValues, ResNetBuilderLabels> = {
  name: 'resnet-builder',
  fields: {
    depth: { kind: 'choice', options: [...PRESETS, 'custom'] },
    strideOn: { kind: 'choice', options: ['3x3', '1x1'] },
    size: int(1, 1024),
    block: { kind: 'choice', options: ['basic', 'bottleneck'] },
    n1: int(1, 100),
    n2: int(1, 100),
    n3: int(1, 100),
    n4: int(1, 100),
  },
  defaults: { depth: '50', strideOn: '3x3', size: 224, block: 'bottleneck', n1: 3, n2: 4, n3: 6, n4: 3 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? resNetBuilderLabels : ({} as ResNetBuilderLabels),

  summary(v, l) {
    const r = compute(v);
    const last = r.stages[3]!;
    const counts = { params: formatCount(r.analysis.params.total), macs: formatCompact(r.analysis.macs) };
    return fill(l.summary, { title: titleOf(v, r, l), size: v.size, ...counts, shape: formatShape(last.output), rf: rfText(last.rf) });
  },

  render(v, l) {
    const r = compute(v);
    const a = r.analysis;
    const per = r.block === 'basic' ? 2 : 3;
    const n = r.repeats;
    const sum = n.reduce((s, x) => s + x, 0);
    const line = fill(l.depthLine, { title: e(titleOf(v, r, l)), per, blocks: n.join(' + '), sum, depth: 2 + per * sum });
    const depthLine = `<p>${line}${v.depth !== 'custom' ? ` ${e(l.customOnly)}` : ''}</p>`;
    const fieldCell = (rf: LayerRow['receptiveField']) => (rf ? `${rfText(rf)} / ${jumpText(rf)}` : '—');
    const rows: string[][] = [
      [`${e(l.stem)} <small>conv1, maxpool</small>`, formatShape(r.stem.output), formatCount(r.stem.params), formatCompact(r.stem.macs), fieldCell(r.stem.rf)],
      ...r.stages.map((s) => [
        `<code>${e(s.key)}</code> <small>${e(s.paperName)} ×${s.blocks}</small>`,
        formatShape(s.output),
        formatCount(s.params),
        formatCompact(s.macs),
        fieldCell(s.rf),
      ]),
      [`${e(l.head)} <small>avgpool, fc</small>`, formatShape(r.head.output), formatCount(r.head.params), formatCompact(r.head.macs), '—'],
      [
        `<strong>${e(l.total)}</strong> <small>${sum} ${e(l.blocksWord)}</small>`,
        formatShape(a.output),
        `<strong>${formatCount(a.params.total)}</strong>`,
        `<strong>${formatCompact(a.macs)}</strong>`,
        fieldCell(a.receptiveField),
      ],
    ];
    const derivation = [
      `<li>${e(l.stem)}: ${paramTerms(r.stem.rows)} = <strong>${formatCount(r.stem.params)}</strong></li>`,
      ...r.stages.map((s) => stageDerivation(s, l)),
      `<li>${e(l.head)}: ${paramTerms(r.head.rows)} = <strong>${formatCount(r.head.params)}</strong></li>`,
      `<li>${e(l.total)}: ${[r.stem.params, ...r.stages.map((s) => s.params), r.head.params].map(formatCount).join(' + ')} = <strong>${formatCount(a.params.total)}</strong></li>`,
    ].join('');
    return [
      depthLine,
      `<h4>${e(l.stages)}</h4>`,
      htmlTable([e(l.stage), e(l.output), e(l.params), e(l.macs), `${e(l.rf)} / ${e(l.jump)}`], rows, {
        caption: fill(l.caption, { size: v.size }),
      }),
      `<h4>${e(l.derivation)}</h4>`,
      `<p><small>${l.formula}</small></p>`,
      `<ol class="nb-derivation resnet-derivation">${derivation}</ol>`,
    ].join('');
  },

  blame(error, v) {
    if (!isCalcError(error)) return undefined;
    if (error.code === 'bad-option' && error.field === 'strideOn') return 'strideOn';
    if (error.code === 'kernel-too-large' || error.code === 'too-large') return 'size';
    if (error.code === 'bad-option' && v.depth === 'custom') return 'block';
    return undefined;
  },
};
