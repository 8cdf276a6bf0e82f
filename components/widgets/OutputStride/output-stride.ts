/**
 * "Output-stride explorer": a Bottleneck ResNet as a segmentation encoder at output stride 32, 16
 * or 8 (torchvision's replace_stride_with_dilation, DeepLab's atrous backbone). Per stage: the
 * stride and dilation the network actually uses, the map size, MACs, receptive field and effective
 * stride, all read from the calc core's rows; then totals against OS 32, and a picture of where the
 * centre unit's receptive field falls on the image.
 */
import { activationValues, formatBytes, formatCompact, formatCount, formatRatio, formatShape, isCalcError, type Analysis } from '../../../src/calc/index';
import { int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';
import { computeOutputStride, OS_MODELS, type OutputStrideValues, type StageInfo } from './output-stride-compute';
import { receptiveFieldSvg } from './rf-picture';

export * from './output-stride-compute';
export { receptiveFieldSvg } from './rf-picture';

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

/** Link to the page's effective-RF cell (`?erf.…`) set to the last stage's later, equally dilated 3×3s. */
function erfLink(stage: StageInfo, l: OutputStrideLabels): string {
  const layers = Math.max(1, stage.blocks - 1);
  const href = `?erf.layers=${layers}&erf.dilation=${stage.dilationRest}#nb-erf-title`;
  const link = `<a href="${e(href)}">${e(l.erfLink)}</a>`;
  return `<p class="os-note">${fill(e(l.erfNote), { n: layers, stage: `<code>${e(stage.name)}</code>`, d: stage.dilationRest, link })}</p>`;
}

export const outputStride: WidgetDef<OutputStrideValues, OutputStrideLabels> = {
  name: 'output-stride',
  fields: {
    model: { kind: 'choice', options: OS_MODELS },
    size: int(32, 2048),
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
    const counts = { shape: formatShape(encoder.output), macs: formatCompact(encoder.macs), ratio: formatRatio(encoder.macs, baseline.macs) };
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
      [e(l.params), formatCount(encoder.params.total), formatCount(baseline.params.total), formatRatio(encoder.params.total, baseline.params.total)],
      [e(l.macs), formatCompact(encoder.macs), formatCompact(baseline.macs), formatRatio(encoder.macs, baseline.macs)],
      [e(l.memory), mem(encoder), mem(baseline), formatRatio(activationValues(encoder), activationValues(baseline))],
      [e(l.features), formatShape(encoder.output), formatShape(baseline.output), formatRatio(encoder.output[1] ?? 1, baseline.output[1] ?? 1) + e(l.perSide)],
      [e(l.rf), `${encoder.receptiveField.size[0]}×${encoder.receptiveField.size[0]}`, `${baseline.receptiveField.size[0]}×${baseline.receptiveField.size[0]}`, formatRatio(encoder.receptiveField.size[0], baseline.receptiveField.size[0])],
      [e(l.jump), String(encoder.receptiveField.stride[0]), String(baseline.receptiveField.stride[0]), formatRatio(encoder.receptiveField.stride[0], baseline.receptiveField.stride[0])],
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
