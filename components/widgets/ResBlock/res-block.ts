/**
 * "Residual block" cell: one ResNet block (torchvision's BasicBlock or Bottleneck, stride on the
 * 3×3 as in torchvision's "V1.5") built as a tiny network with an `add` node and analysed by the
 * calc core. The reader picks the block, its input, width and stride, and whether the shortcut
 * projects. Turning the projection off while the shapes differ makes the core's `add` throw a
 * shape-mismatch CalcError, which `blame` pins on the shortcut field: the lesson of the first
 * block of every stage.
 */
import {
  analyse,
  formatCompact,
  formatCount,
  formatShape,
  isCalcError,
  type Analysis,
  type LayerRow,
  type LayerSpec,
} from '../../../src/calc/index';
import { basicBlock, bottleneck, EXPANSION } from '../../../src/models/resnet';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export type BlockKind = 'basic' | 'bottleneck';
export type ShortcutMode = 'auto' | 'projection' | 'identity';

export interface ResBlockValues {
  [key: string]: number | string;
  kind: BlockKind;
  cin: number;
  planes: number;
  stride: string;
  size: number;
  shortcut: ShortcutMode;
}

export const resBlockLabels = {
  kind: 'Block',
  'kind.basic': 'basic (18/34)',
  'kind.bottleneck': 'bottleneck (50+)',
  cin: 'Input channels',
  planes: 'Width (planes)',
  stride: 'Stride',
  'stride.1': '1',
  'stride.2': '2 (downsample)',
  size: 'Input size H = W',
  shortcut: 'Shortcut',
  'shortcut.auto': 'B: project if needed',
  'shortcut.projection': 'C: always project',
  'shortcut.identity': 'identity only',
  reset: 'Reset',
  shapes: 'Shapes',
  layers: 'Layer by layer',
  compare: 'Basic vs bottleneck, same input, width and stride',
  output: 'Output',
  params: 'Parameters',
  macs: 'MACs',
  mainPath: 'main path F(x)',
  shortcutPath: 'shortcut',
  total: 'block total',
  basic: 'Basic',
  bottleneck: 'Bottleneck',
  rf: 'Field on the input',
  cmpShortcut: 'Shortcut',
  cmpParamsMain: 'Params, F(x)',
  cmpParamsShortcut: 'Params, shortcut',
  cmpParamsTotal: 'Params, total',
  cmpMacs: 'MACs, total',
  identityNote: 'identity shortcut',
  formula: 'Each conv has no bias and is followed by batch norm: parameters k·k·C_in·C_out + 2·C_out (γ, β); MACs k·k·C_in·C_out·H_out·W_out.',
  mismatch: 'identity impossible: shapes differ',
  paramsWord: 'parameters',
  strideStep: ', stride {s}',
  projectionCell: '1×1 conv',
  identityCell: 'identity',
  halves: 'stride {s} halves H and W',
  channelsGo: 'channels go {cin} → {out}',
  listJoin: ', ',
  shapeLine: '{input} → {output}. {change}{shortcut} {channels}',
  changes: 'The shape changes ({why}), so x cannot be added to F(x) as it is: ',
  sameShape: 'Input and output have the same shape, so ',
  projectsBC: 'the shortcut is a 1×1 convolution with stride {s} and {out} filters, plus batch norm (options B and C agree here: C projects every shortcut, B only this one).',
  projectsB: 'the shortcut is a 1×1 convolution with stride {s} and {out} filters, plus batch norm (option B projects only where the shape changes).',
  projectsAnyway: 'an identity shortcut would do; this one projects anyway (option C).',
  identityAdded: 'the shortcut is the identity: x is added unchanged.',
  outBottleneck: 'Output channels = planes · 4 = {planes} · 4 = {out}.',
  outBasic: 'Output channels = planes = {out}.',
  summaryProjection: 'a 1×1 projection shortcut ({params} parameters)',
  summaryIdentity: 'an identity shortcut',
  summary: '{kind} block {input} → {output} with {shortcut}: {params} parameters, {macs} MACs.',
  caption:
    "Width {planes}: the basic block outputs {planes} channels, the bottleneck {out4}. Field: the receptive field of one output unit on the block's input.",
};
export type ResBlockLabels = typeof resBlockLabels;

export interface BlockPlan {
  readonly kind: BlockKind;
  readonly out: number;
  readonly stride: number;
  /** Shortcut must change the shape (stride ≠ 1 or channels change). */
  readonly shapeChanges: boolean;
  readonly projection: boolean;
}

export function planBlock(kind: BlockKind, cin: number, planes: number, stride: number, shortcut: ShortcutMode): BlockPlan {
  const out = planes * EXPANSION[kind];
  const shapeChanges = stride !== 1 || cin !== out;
  const projection = shortcut === 'projection' || (shortcut === 'auto' && shapeChanges);
  return { kind, out, stride, shapeChanges, projection };
}

/** torchvision's block (src/models/resnet-blocks.ts) with bare module names: conv1, bn1, …, downsample.0/1, add. */
export function blockLayers(plan: BlockPlan, planes: number): LayerSpec[] {
  const args = { name: '', input: 'input', planes, stride: plan.stride, shortcut: plan.projection ? 'projection' : 'identity' } as const;
  return plan.kind === 'basic' ? basicBlock(args) : bottleneck(args);
}

export interface BlockResult {
  readonly plan: BlockPlan;
  readonly analysis: Analysis;
  readonly main: { params: number; macs: number };
  readonly shortcut: { params: number; macs: number };
}

/** Builds the block for these values and analyses it; throws the core's CalcError on a bad combination. */
export function computeBlock(kind: BlockKind, v: ResBlockValues): BlockResult {
  const plan = planBlock(kind, v.cin, v.planes, Number(v.stride), v.shortcut);
  const analysis = analyse({ id: `${kind}-block`, input: [v.cin, v.size, v.size], layers: blockLayers(plan, v.planes) });
  const main = { params: 0, macs: 0 };
  const shortcut = { params: 0, macs: 0 };
  for (const row of analysis.rows) {
    const part = row.name.startsWith('downsample.') ? shortcut : main;
    part.params += row.params.total;
    part.macs += row.macs;
  }
  return { plan, analysis, main, shortcut };
}

const cache = new Map<string, BlockResult>();
/** Memoised: summary and render of one update share one analysis. */
function block(kind: BlockKind, v: ResBlockValues): BlockResult {
  const key = JSON.stringify([kind, v.cin, v.planes, v.stride, v.size, v.shortcut]);
  let r = cache.get(key);
  if (!r) {
    r = computeBlock(kind, v);
    if (cache.size > 64) cache.clear();
    cache.set(key, r);
  }
  return r;
}

function kernelOf(row: LayerRow): number {
  return row.window?.kernel[0] ?? 1;
}

/** "1·1·256·128 + 2·128 = 33,024" for a conv and the batch norm after it. */
function convBnCells(conv: LayerRow, bn: LayerRow): [string, string] {
  const k = kernelOf(conv);
  const cin = conv.input[0]!;
  const cout = conv.output[0]!;
  const params = `${k}·${k}·${cin}·${cout} + 2·${cout} = <strong>${formatCount(conv.params.total + bn.params.total)}</strong>`;
  const macs = `${k}·${k}·${cin}·${cout}·${conv.output[1]}·${conv.output[2]} = <strong>${formatCompact(conv.macs)}</strong>`;
  return [params, macs];
}

/** One list item per conv (+ its BN): the formulas with the reader's numbers, then the results. */
function derivationOf(r: BlockResult, l: ResBlockLabels): string {
  const byName = new Map(r.analysis.rows.map((row) => [row.name, row]));
  const pairs: [string, string][] =
    r.plan.kind === 'basic'
      ? [
          ['conv1', 'bn1'],
          ['conv2', 'bn2'],
        ]
      : [
          ['conv1', 'bn1'],
          ['conv2', 'bn2'],
          ['conv3', 'bn3'],
        ];
  if (r.plan.projection) pairs.push(['downsample.0', 'downsample.1']);
  const items = pairs.map(([c, b]) => {
    const conv = byName.get(c)!;
    const k = kernelOf(conv);
    const stride = (conv.window?.stride[0] ?? 1) !== 1 ? e(fill(l.strideStep, { s: r.plan.stride })) : '';
    const [params, macs] = convBnCells(conv, byName.get(b)!);
    return `<li><code>${e(c)}</code> + <code>${e(b)}</code> (${k}×${k}${stride}) → ${formatShape(conv.output)}: ${e(l.paramsWord)} ${params}; ${e(l.macs)} ${macs}</li>`;
  });
  const add = byName.get('add')!;
  items.push(`<li><code>add</code> → ${formatShape(add.output)}${r.plan.projection ? '' : ` (${e(l.identityNote)})`}: 0 ${e(l.paramsWord)}, 0 ${e(l.macs)}</li>`);
  return `<ol class="nb-derivation res-block-derivation">${items.join('')}</ol>`;
}

function rf(a: Analysis): string {
  const row = a.rows.find((x) => x.name === 'add');
  return row?.receptiveField ? `${row.receptiveField.size[0]}×${row.receptiveField.size[1]}` : '—';
}

function compareColumn(kind: BlockKind, v: ResBlockValues, l: ResBlockLabels): string[] {
  try {
    const r = block(kind, v);
    return [
      formatShape(r.analysis.output),
      e(r.plan.projection ? l.projectionCell : l.identityCell),
      formatCount(r.main.params),
      formatCount(r.shortcut.params),
      `<strong>${formatCount(r.analysis.params.total)}</strong>`,
      `<strong>${formatCompact(r.analysis.macs)}</strong>`,
      rf(r.analysis),
    ];
  } catch (error) {
    if (!isCalcError(error)) throw error;
    const msg = error.code === 'shape-mismatch' ? e(l.mismatch) : e(error.problem);
    return [msg, '—', '—', '—', '—', '—', '—'];
  }
}

function shapeSentence(r: BlockResult, v: ResBlockValues, l: ResBlockLabels): string {
  const input = formatShape(r.analysis.input);
  const output = formatShape(r.analysis.output);
  const why: string[] = [];
  const vars = { s: r.plan.stride, cin: v.cin, out: r.plan.out, planes: v.planes };
  if (r.plan.stride !== 1) why.push(fill(l.halves, vars));
  if (v.cin !== r.plan.out) why.push(fill(l.channelsGo, vars));
  const change = why.length > 0 ? fill(l.changes, { why: why.join(l.listJoin) }) : l.sameShape;
  const shortcut = r.plan.projection
    ? r.plan.shapeChanges
      ? fill(v.shortcut === 'projection' ? l.projectsBC : l.projectsB, vars)
      : l.projectsAnyway
    : l.identityAdded;
  const channels = fill(r.plan.kind === 'bottleneck' ? l.outBottleneck : l.outBasic, vars);
  return `<p>${e(fill(l.shapeLine, { input, output, change, shortcut, channels }))}</p>`;
}

export const resBlock: WidgetDef<ResBlockValues, ResBlockLabels> = {
  name: 'res-block',
  fields: {
    kind: { kind: 'choice', options: ['basic', 'bottleneck'] },
    cin: CHANNELS,
    planes: int(1, 2048),
    stride: { kind: 'choice', options: ['1', '2'] },
    size: int(1, 1024),
    shortcut: { kind: 'choice', options: ['auto', 'projection', 'identity'] },
  },
  // resnet50's layer2.0: 256×56×56 in, width 128, stride 2 → 512×28×28.
  defaults: { kind: 'bottleneck', cin: 256, planes: 128, stride: '2', size: 56, shortcut: 'auto' },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? resBlockLabels : ({} as ResBlockLabels),

  summary(v, l) {
    const r = block(v.kind, v);
    const shortcut = r.plan.projection ? fill(l.summaryProjection, { params: formatCount(r.shortcut.params) }) : l.summaryIdentity;
    const kind = v.kind === 'basic' ? l.basic : l.bottleneck;
    const counts = { params: formatCount(r.analysis.params.total), macs: formatCompact(r.analysis.macs) };
    return fill(l.summary, { kind, input: formatShape(r.analysis.input), output: formatShape(r.analysis.output), shortcut, ...counts });
  },

  render(v, l) {
    const r = block(v.kind, v);
    const other: BlockKind = v.kind === 'basic' ? 'bottleneck' : 'basic';
    const totals = [
      [e(l.mainPath), formatCount(r.main.params), formatCompact(r.main.macs)],
      [e(l.shortcutPath), formatCount(r.shortcut.params), formatCompact(r.shortcut.macs)],
      [`<strong>${e(l.total)}</strong>`, `<strong>${formatCount(r.analysis.params.total)}</strong>`, `<strong>${formatCompact(r.analysis.macs)}</strong>`],
    ];
    const cols = { basic: compareColumn('basic', v, l), bottleneck: compareColumn('bottleneck', v, l) };
    const names = [l.output, l.cmpShortcut, l.cmpParamsMain, l.cmpParamsShortcut, l.cmpParamsTotal, l.cmpMacs, l.rf];
    const compareRows = names.map((name, i) => [e(name), cols.basic[i]!, cols.bottleneck[i]!]);
    return [
      `<h4>${e(l.shapes)}</h4>${shapeSentence(r, v, l)}`,
      `<h4>${e(l.layers)}</h4>`,
      `<p><small>${e(l.formula)}</small></p>`,
      derivationOf(r, l),
      htmlTable(['', e(l.params), e(l.macs)], totals),
      `<h4>${e(l.compare)}</h4>`,
      htmlTable(['', e(l.basic) + (v.kind === 'basic' ? ' ◂' : ''), e(l.bottleneck) + (other === 'basic' ? ' ◂' : '')], compareRows, {
        caption: fill(l.caption, { planes: v.planes, out4: v.planes * 4 }),
      }),
    ].join('');
  },

  blame(error) {
    if (!isCalcError(error)) return undefined;
    if (error.code === 'shape-mismatch') return 'shortcut';
    if (error.code === 'too-large') return 'size';
    return undefined;
  },
};
