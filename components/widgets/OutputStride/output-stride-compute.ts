/**
 * The output-stride cell's computation: a Bottleneck ResNet encoder at output stride 32, 16 or 8
 * (src/models/encoder.ts), analysed by the calc core; per stage the stride and dilation its 3×3
 * convolutions use, and what one 3×3 adds to the receptive field here and at OS 32.
 */
import { unitsOf, type Analysis, type ConvSpec, type LayerRow, type Network } from '../../../src/calc/index';
import { encoderAnalysis, encoderOf } from '../../../src/models/encoder';

export const OS_MODELS = ['resnet50', 'resnet101', 'resnet152'] as const;
export type OsModel = (typeof OS_MODELS)[number];
export type OutputStrideChoice = '32' | '16' | '8';

export interface OutputStrideValues {
  [key: string]: string | number;
  model: OsModel;
  size: number;
  os: OutputStrideChoice;
}

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
