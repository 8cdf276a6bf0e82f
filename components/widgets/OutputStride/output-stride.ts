/**
 * "Output-stride explorer": a Bottleneck ResNet as a segmentation encoder at output stride 32, 16
 * or 8 (torchvision's replace_stride_with_dilation, DeepLab's atrous backbone). Per stage: the
 * stride and dilation the network actually uses, the map size, MACs, receptive field and effective
 * stride, all read from the calc core's rows; then totals against OS 32, and a picture of where the
 * centre unit's receptive field falls on the image.
 */
import { formatCompact, formatCount, formatShape, isCalcError, type Analysis, type ConvSpec, type LayerRow, type Network } from '../../../src/calc/index';
import { activationValues, formatBytes, unitsOf } from '../../../src/calc/index';
import { encoderAnalysis, encoderOf } from '../../../src/models/encoder';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export const OS_MODELS = ['resnet50', 'resnet101', 'resnet152'] as const;
export type OsModel = (typeof OS_MODELS)[number];
export type OutputStrideChoice = '32' | '16' | '8';

export interface OutputStrideValues {
  [key: string]: string | number;
  model: OsModel;
  size: number;
  os: OutputStrideChoice;
}

export const outputStrideLabels = {
  model: 'Backbone',
  size: 'Input size H = W',
  os: 'Output stride',
  reset: 'Reset',
  'model.resnet50': 'ResNet-50',
  'model.resnet101': 'ResNet-101',
  'model.resnet152': 'ResNet-152',
  'os.32': '32 (classifier)',
  'os.16': '16 (dilate layer4)',
  'os.8': '8 (dilate layer3, layer4)',
  strides: 'Where the strides went',
  stage: 'Stage',
  stride: 'Stride',
  dilation: 'Dilation',
  map: 'Output',
  macs: 'MACs',
  rf: 'RF',
  jump: 'Eff. stride S',
  jumpLine: 'Effective stride of the output',
  rfLine: 'Why the receptive field does not move',
  totals: 'Encoder totals',
  current: 'This setting',
  baseline: 'OS 32',
  ratio: 'Ratio',
  params: 'Parameters',
  memory: 'Activations (float32, batch 1)',
  features: 'Final feature map',
  picture: 'Receptive field of the centre unit on the image',
  erfLink: 'see where their gradient lands in the effective-RF view',
  erfNote: 'The {n} later 3×3 convolutions of {stage} all have dilation {d}: {link}.',
  svgCaption: '{r}×{r} field, {n}×{n} units {S} px apart',
  everyShown: ' (every {k}th shown)',
  figCaption:
    '{size}×{size} image (grey), unit centres at output stride {S} (dots), the {r}×{r} receptive field of the centre unit ({m}, {m}) — dashed where it reaches into the zero padding, filled where it covers the image — and the {S}×{S} cell of input pixels that unit stands for.',
  everyDrawn: ' Every {k}th unit is drawn.',
  summary:
    '{name} at {size}×{size}, output stride {os}: {shape} features, {macs} MACs ({ratio} OS 32), receptive field {rf} px at stride {S}.',
  stem: 'stem',
  thenDilation: '{first}, then {rest}',
  perSide: ' per side',
  stageCaption:
    "{model}, {size}×{size} input, output stride {os}. Stem = conv1 … maxpool. Stride and dilation of each stage's 3×3 convolutions (torchvision's _make_layer gives a dilated stage's first block the previous dilation), the stage's output, its MACs, and the receptive field r and effective stride S of one output unit.",
  jumpStep: '<var>S</var> = 2 (conv1) · 2 (maxpool) · {jumps} (layer1–4) = <strong>{S}</strong>',
  mapStep: 'map = {size} px ÷ {S}, rounded up by the padded strided layers: <strong>{shape}</strong>',
  rfNote:
    'Each 3×3 adds (k_eff − 1)·S to the field, with k_eff = d·(3 − 1) + 1 and S the effective stride of its input. Dilating by d multiplies (k_eff − 1) by d exactly where S was divided by d:',
  totalsCaption:
    'Encoder = {model} up to layer4 (no avgpool, no fc), {size}×{size}×3 input. Activations: the outputs of every conv, batch-norm, pool and add layer, 4 bytes each, for one image.',
};
export type OutputStrideLabels = typeof outputStrideLabels;

const STAGES = ['layer1', 'layer2', 'layer3', 'layer4'] as const;

export interface StageInfo {
  readonly name: string;
  /** Stride of the stage's first block (1 when replaced by dilation). */
  readonly stride: number;
  /** Dilation of the 3×3 convs in the stage's first block and in the later blocks. */
  readonly dilationFirst: number;
  readonly dilationRest: number;
  /** Residual blocks in the stage (one 3×3 each). */
  readonly blocks: number;
  readonly output: readonly number[];
  readonly macs: number;
  readonly rf: number;
  readonly jump: number;
}

export interface OutputStrideResult {
  readonly encoder: Analysis;
  readonly baseline: Analysis;
  readonly stages: readonly StageInfo[];
  /** Stem row: conv1 … maxpool. */
  readonly stem: { readonly output: readonly number[]; readonly macs: number; readonly rf: number; readonly jump: number };
  /** One 3×3 per stage: what it adds to the receptive field here and at OS 32. */
  readonly rfTerms: readonly RfTerm[];
}

export interface RfTerm {
  readonly conv: string;
  readonly kEff: number;
  readonly jumpBefore: number;
  readonly adds: number;
  readonly baseKEff: number;
  readonly baseJumpBefore: number;
  readonly baseAdds: number;
}

function convSpec(net: Network, name: string): ConvSpec {
  const spec = net.layers.find((l) => l.name === name);
  if (spec?.kind !== 'conv') throw new Error(`${net.id}: no conv ${name}`);
  return spec;
}

const scalar = (x: number | readonly [number, number] | undefined, fallback = 1): number =>
  x === undefined ? fallback : typeof x === 'number' ? x : x[0];

function rowByName(a: Analysis): Map<string, LayerRow> {
  return new Map(a.rows.map((r) => [r.name, r]));
}

/** The node feeding `name`: its `from`, or the node listed just before it (the IR's default). */
function inputOf(net: Network, name: string): string | undefined {
  const index = net.layers.findIndex((l) => l.name === name);
  const from = net.layers[index]?.from;
  return typeof from === 'string' ? from : net.layers[index - 1]?.name;
}

/** What one 3×3 conv adds to the receptive field: (k_eff − 1)·S_before, from the core's rows. */
function rfTerm(net: Network, a: Analysis, conv: string): { kEff: number; jumpBefore: number; adds: number } {
  const rows = rowByName(a);
  const spec = convSpec(net, conv);
  const row = rows.get(conv);
  const input = inputOf(net, conv);
  const before = input === undefined ? undefined : rows.get(input);
  const kEff = scalar(spec.dilation) * (scalar(spec.kernel) - 1) + 1;
  const jumpBefore = before?.receptiveField?.stride[0] ?? 1;
  const adds = (row?.receptiveField?.size[0] ?? 0) - (before?.receptiveField?.size[0] ?? 0);
  return { kEff, jumpBefore, adds };
}

export function computeOutputStride(v: OutputStrideValues): OutputStrideResult {
  const os = Number(v.os) as 8 | 16 | 32;
  const net = encoderOf(v.model, { outputStride: os });
  const baseNet = encoderOf(v.model, {});
  const encoder = encoderAnalysis(v.model, { outputStride: os }, v.size);
  const baseline = encoderAnalysis(v.model, {}, v.size);
  const units = unitsOf(encoder);
  const rows = rowByName(encoder);
  const stages = STAGES.map((name) => {
    const first = convSpec(net, `${name}.0.conv2`);
    const rest = net.layers.some((l) => l.name === `${name}.1.conv2`) ? convSpec(net, `${name}.1.conv2`) : first;
    const row = rows.get(name) as LayerRow;
    return {
      name,
      stride: scalar(first.stride),
      dilationFirst: scalar(first.dilation),
      dilationRest: scalar(rest.dilation),
      blocks: net.layers.filter((layer) => layer.name.startsWith(`${name}.`) && layer.name.endsWith('.conv2')).length,
      output: row.output,
      macs: row.macs,
      rf: row.receptiveField?.size[0] ?? 0,
      jump: row.receptiveField?.stride[0] ?? 0,
    };
  });
  const stemUnit = units[0];
  const stem = {
    output: stemUnit?.output ?? [],
    macs: stemUnit?.macs ?? 0,
    rf: stemUnit?.receptiveField?.size[0] ?? 0,
    jump: stemUnit?.receptiveField?.stride[0] ?? 0,
  };
  const rfTerms = STAGES.flatMap((name) =>
    [`${name}.0.conv2`, `${name}.1.conv2`].map((conv) => {
      const here = rfTerm(net, encoder, conv);
      const base = rfTerm(baseNet, baseline, conv);
      return { conv, ...here, baseKEff: base.kEff, baseJumpBefore: base.jumpBefore, baseAdds: base.adds };
    }),
  );
  return { encoder, baseline, stages, stem, rfTerms };
}

function ratio(a: number, b: number): string {
  return b === 0 ? '—' : `${(a / b).toFixed(2)}×`;
}

/** Link to the page's effective-RF cell (`?erf.…`) set to the last stage's later, equally dilated 3×3s. */
function erfLink(stage: StageInfo, l: OutputStrideLabels): string {
  const layers = Math.max(1, stage.blocks - 1);
  const href = `?erf.layers=${layers}&erf.dilation=${stage.dilationRest}#nb-erf-title`;
  const link = `<a href="${e(href)}">${e(l.erfLink)}</a>`;
  return `<p class="os-note">${fill(e(l.erfNote), { n: layers, stage: `<code>${e(stage.name)}</code>`, d: stage.dilationRest, link })}</p>`;
}

/** Server-rendered picture: image square, grid of unit centres, RF of the centre unit (clipped). */
export function receptiveFieldSvg(a: Analysis, size: number, title: string, l: OutputStrideLabels = outputStride.labels): string {
  const rf = a.receptiveField;
  const r = rf.size[0];
  const S = rf.stride[0];
  const P = rf.padding[0];
  const n = a.output[1] ?? 1;
  const m = Math.floor((n - 1) / 2);
  const start = m * S - P;
  const end = start + r; // exclusive
  const lo = Math.min(0, start);
  const hi = Math.max(size, end);
  const view = 300;
  const scale = view / (hi - lo);
  const X = (x: number) => ((x - lo) * scale).toFixed(2);
  const L = (x: number) => (x * scale).toFixed(2);
  const centre0 = (r - 1) / 2 - P + 0.5; // centre of unit 0, in pixel coordinates
  // Keep the dots at least ~4 px apart: show every k-th unit when the grid is dense.
  const every = Math.max(1, Math.ceil(4 / (S * scale)));
  const pitch = S * every;
  const firstDot = centre0 + Math.ceil(-centre0 / pitch) * pitch;
  const clipStart = Math.max(0, start);
  const clipEnd = Math.min(size, end);
  const mid = m * S - P + (r - 1) / 2 + 0.5;
  const cap = fill(l.svgCaption, { r, n, S }) + (every > 1 ? fill(l.everyShown, { k: every }) : '');
  return [
    `<figure class="os-figure"><svg viewBox="-4 -4 ${view + 8} ${view + 8}" role="img" aria-label="${e(`${title}: ${cap}`)}">`,
    `<defs><pattern id="os-dots" patternUnits="userSpaceOnUse" x="${X(firstDot)}" y="${X(firstDot)}" width="${L(pitch)}" height="${L(pitch)}">`,
    `<circle cx="0" cy="0" r="1.1" class="os-dot"/><circle cx="${L(pitch)}" cy="0" r="1.1" class="os-dot"/><circle cx="0" cy="${L(pitch)}" r="1.1" class="os-dot"/><circle cx="${L(pitch)}" cy="${L(pitch)}" r="1.1" class="os-dot"/></pattern></defs>`,
    `<rect class="os-image" x="${X(0)}" y="${X(0)}" width="${L(size)}" height="${L(size)}"/>`,
    `<rect fill="url(#os-dots)" x="${X(0)}" y="${X(0)}" width="${L(size)}" height="${L(size)}"/>`,
    `<rect class="os-rf-full" x="${X(start)}" y="${X(start)}" width="${L(r)}" height="${L(r)}"/>`,
    `<rect class="os-rf" x="${X(clipStart)}" y="${X(clipStart)}" width="${L(clipEnd - clipStart)}" height="${L(clipEnd - clipStart)}"/>`,
    `<rect class="os-cell" x="${X(mid - S / 2)}" y="${X(mid - S / 2)}" width="${L(S)}" height="${L(S)}"/>`,
    `<circle class="os-centre" cx="${X(mid)}" cy="${X(mid)}" r="3"/>`,
    `</svg><figcaption>${e(fill(l.figCaption, { size, S, r, m }) + (every > 1 ? fill(l.everyDrawn, { k: every }) : ''))}</figcaption></figure>`,
  ].join('');
}

export const outputStride: WidgetDef<OutputStrideValues, OutputStrideLabels> = {
  name: 'output-stride',
  fields: {
    model: { kind: 'choice', options: OS_MODELS },
    size: { kind: 'int', min: 32, max: 2048 },
    os: { kind: 'choice', options: ['32', '16', '8'] },
  },
  defaults: { model: 'resnet50', size: 512, os: '16' },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? outputStrideLabels : ({} as OutputStrideLabels),

  summary(v, l) {
    const { encoder, baseline } = computeOutputStride(v);
    const name = l[`model.${v.model}`] ?? v.model;
    const rf = encoder.receptiveField;
    const counts = { shape: formatShape(encoder.output), macs: formatCompact(encoder.macs), ratio: ratio(encoder.macs, baseline.macs) };
    return fill(l.summary, { name, size: v.size, os: v.os, ...counts, rf: rf.size[0], S: rf.stride[0] });
  },

  render(v, l) {
    const { encoder, baseline, stages, stem, rfTerms } = computeOutputStride(v);
    const stageRows = [
      [e(l.stem), '2 · 2', '1', formatShape(stem.output), formatCompact(stem.macs), `${stem.rf} / ${stem.jump}`],
      ...stages.map((s) => [
        `<code>${e(s.name)}</code>`,
        String(s.stride),
        s.dilationFirst === s.dilationRest ? String(s.dilationRest) : e(fill(l.thenDilation, { first: s.dilationFirst, rest: s.dilationRest })),
        formatShape(s.output),
        formatCompact(s.macs),
        `${s.rf} / ${s.jump}`,
      ]),
    ];
    const jumps = stages.map((s) => String(s.stride)).join(' · ');
    const terms = rfTerms
      .map(
        (t) =>
          `<li><code>${e(t.conv)}</code>: (${t.kEff} − 1)·${t.jumpBefore} = <strong>${t.adds}</strong> <span class="os-vs">(OS 32: (${t.baseKEff} − 1)·${t.baseJumpBefore} = ${t.baseAdds})</span></li>`,
      )
      .join('');
    const mem = (a: Analysis) => formatBytes(4 * activationValues(a));
    const totals = [
      [e(l.params), formatCount(encoder.params.total), formatCount(baseline.params.total), ratio(encoder.params.total, baseline.params.total)],
      [e(l.macs), formatCompact(encoder.macs), formatCompact(baseline.macs), ratio(encoder.macs, baseline.macs)],
      [e(l.memory), mem(encoder), mem(baseline), ratio(activationValues(encoder), activationValues(baseline))],
      [e(l.features), formatShape(encoder.output), formatShape(baseline.output), ratio(encoder.output[1] ?? 1, baseline.output[1] ?? 1) + e(l.perSide)],
      [e(l.rf), `${encoder.receptiveField.size[0]}×${encoder.receptiveField.size[0]}`, `${baseline.receptiveField.size[0]}×${baseline.receptiveField.size[0]}`, ratio(encoder.receptiveField.size[0], baseline.receptiveField.size[0])],
      [e(l.jump), String(encoder.receptiveField.stride[0]), String(baseline.receptiveField.stride[0]), ratio(encoder.receptiveField.stride[0], baseline.receptiveField.stride[0])],
    ];
    return [
      `<h4>${e(l.strides)}</h4>`,
      htmlTable([e(l.stage), e(l.stride), e(l.dilation), e(l.map), e(l.macs), `${e(l.rf)} / S`], stageRows, {
        caption: fill(l.stageCaption, { model: v.model, size: v.size, os: v.os }),
        numericFrom: 1,
      }),
      `<h4>${e(l.jumpLine)}</h4><ol class="nb-derivation"><li>${fill(l.jumpStep, { jumps, S: encoder.receptiveField.stride[0] })}</li><li>${fill(l.mapStep, { size: v.size, S: encoder.receptiveField.stride[0], shape: `${encoder.output[1]}×${encoder.output[2]}` })}</li></ol>`,
      `<h4>${e(l.rfLine)}</h4><p class="os-note">${e(l.rfNote)}</p><ol class="nb-derivation">${terms}</ol>`,
      erfLink(stages[stages.length - 1]!, l),
      `<h4>${e(l.totals)}</h4>`,
      htmlTable(['', e(l.current), e(l.baseline), e(l.ratio)], totals, {
        caption: fill(l.totalsCaption, { model: v.model, size: v.size }),
      }),
      `<h4>${e(l.picture)}</h4>`,
      receptiveFieldSvg(encoder, v.size, l.picture, l),
    ].join('');
  },

  blame(error) {
    return isCalcError(error) && (error.code === 'kernel-too-large' || error.code === 'too-large') ? 'size' : undefined;
  },
};
