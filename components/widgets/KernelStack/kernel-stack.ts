/**
 * "Kernel stack" cell: n stacked k×k convolutions (C → C channels, stride s, dilation d)
 * against the single large kernel that sees the same region. Everything comes from the calc
 * core: the receptive-field recursions, and analyse() on both tiny networks.
 */
import {
  analyse,
  formatCompact,
  formatCount,
  formatRatio,
  formatShape,
  isCalcError,
  receptiveFieldTable,
  type Analysis,
  type ConvSpec,
  type RfStackLayer,
} from '../../../src/calc/index';
import { CHANNELS, int } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

// A type alias (not an interface) so it satisfies WidgetValues' index signature.
export type KernelStackValues = {
  n: number;
  k: number;
  c: number;
  s: number;
  d: number;
  size: number;
};

export const kernelStackLabels = {
  n: 'Stacked convs n',
  k: 'Kernel k',
  c: 'Channels C',
  s: 'Stride s (each conv)',
  d: 'Dilation d',
  size: 'Input size H = W',
  reset: 'Reset',
  backward: 'Top-down: F(i) = (F(i+1) − 1)·s + k_eff',
  forward: 'Bottom-up: r ← r + (k_eff − 1)·S, S ← S·s',
  compare: 'Stack vs one large kernel',
  layer: 'Layer',
  stack: 'Stack',
  single: 'One kernel',
  ratio: 'Stack ÷ one',
  params: 'Parameters (weights)',
  macs: 'MACs',
  nonlin: 'Non-linearities',
  memory: 'Activations stored',
  output: 'Output shape',
  rf: 'Receptive field',
  topUnit: 'top unit',
  inputPixel: 'input pixel',
  eachLayer: 'each layer',
  caption:
    'Weights only (no biases); MACs for a {size}×{size} input with C = {c}; the {big}×{big} conv has stride {S} so both outputs have the same grid.',
  summary: '{n} stacked {k}×{k} convs see {r}×{r}, like one {big}×{big} conv, with {share}% of its parameters (weights).',
};
export type KernelStackLabels = typeof kernelStackLabels;

/** Symmetric padding that keeps the map size at stride 1 ("same" for odd kernels). */
function halfPadding(k: number, d: number): number {
  return Math.floor((d * (k - 1)) / 2);
}

function stackLayers(v: KernelStackValues): RfStackLayer[] {
  return Array.from({ length: v.n }, (_, i) => ({
    name: `conv${i + 1}`,
    kernel: v.k,
    stride: v.s,
    padding: halfPadding(v.k, v.d),
    dilation: v.d,
  }));
}

function conv(name: string, out: number, kernel: number, stride: number, padding: number, dilation: number): ConvSpec {
  return { kind: 'conv', name, out, kernel, stride, padding, dilation, bias: false };
}

export interface KernelStackResult {
  readonly table: ReturnType<typeof receptiveFieldTable>;
  readonly stack: Analysis;
  readonly single: Analysis;
  /** The one kernel that sees what the stack sees. */
  readonly bigKernel: number;
}

export function computeKernelStack(v: KernelStackValues): KernelStackResult {
  const table = receptiveFieldTable(stackLayers(v));
  const input = [v.c, v.size, v.size];
  const stack = analyse({
    id: 'stack',
    input,
    layers: stackLayers(v).map((l) => conv(l.name!, v.c, v.k, v.s, l.padding!, v.d)),
  });
  const bigKernel = table.r;
  const single = analyse({
    id: 'single',
    input,
    layers: [conv(`conv${bigKernel}x${bigKernel}`, v.c, bigKernel, table.S, Math.floor((bigKernel - 1) / 2), 1)],
  });
  return { table, stack, single, bigKernel };
}

/** Sum over layers of the values each layer's output holds (what training keeps for backprop). */
function activations(a: Analysis): number {
  return a.rows.reduce((sum, row) => sum + row.output.reduce((p, x) => p * x, 1), 0);
}

export const kernelStack: WidgetDef<KernelStackValues, KernelStackLabels> = {
  name: 'kernel-stack',
  fields: {
    n: int(1, 8),
    k: int(1, 11),
    c: CHANNELS,
    s: int(1, 4),
    d: int(1, 8),
    size: int(1, 2048),
  },
  defaults: { n: 3, k: 3, c: 256, s: 1, d: 1, size: 56 },
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? kernelStackLabels : ({} as KernelStackLabels),

  summary(v, l) {
    const { table, stack, single, bigKernel } = computeKernelStack(v);
    const share = Math.round((100 * stack.params.total) / single.params.total);
    return fill(l.summary, { n: v.n, k: v.k, r: table.r, big: bigKernel, share });
  },

  render(v, l) {
    const { table, stack, single, bigKernel } = computeKernelStack(v);
    const backward = table.backward
      .map(
        (row) =>
          `<li>${e(row.name)}: <var>F</var> = (${row.fAbove} − 1)·${row.stride} + ${row.effectiveKernel} = <strong>${row.f}</strong></li>`,
      )
      .join('');
    const forward = table.forward
      .map((row, i) => {
        const prev = table.forward[i - 1] ?? { r: 1, S: 1 };
        return `<li>${e(row.name)}: <var>r</var> = ${prev.r} + (${row.effectiveKernel} − 1)·${prev.S} = <strong>${row.r}</strong>, <var>S</var> = ${prev.S}·${row.stride} = ${row.S}</li>`;
      })
      .join('');
    const keff = v.d * (v.k - 1) + 1;
    const coefficient = v.n * v.k * v.k;
    const rows = [
      [
        e(l.rf),
        `${table.r}×${table.r}`,
        `${bigKernel}×${bigKernel}`,
        '1.00×',
      ],
      [
        e(l.params),
        `${coefficient}·C² = ${formatCount(stack.params.weights)}`,
        `${bigKernel * bigKernel}·C² = ${formatCount(single.params.weights)}`,
        formatRatio(stack.params.weights, single.params.weights),
      ],
      [e(l.macs), formatCompact(stack.macs), formatCompact(single.macs), formatRatio(stack.macs, single.macs)],
      [e(l.nonlin), String(v.n), '1', formatRatio(v.n, 1)],
      [e(l.memory), formatCompact(activations(stack)), formatCompact(activations(single)), formatRatio(activations(stack), activations(single))],
      [e(l.output), formatShape(stack.output), formatShape(single.output), ''],
    ];
    return [
      `<h4>${e(l.backward)}</h4><ol class="nb-derivation" start="0"><li>${e(l.topUnit)}: <var>F</var> = <strong>1</strong></li>${backward}</ol>`,
      `<h4>${e(l.forward)}</h4><ol class="nb-derivation"><li>${e(l.inputPixel)}: <var>r</var> = 1, <var>S</var> = 1 · ${e(l.eachLayer)}: k_eff = ${v.d}·(${v.k} − 1) + 1 = ${keff}</li>${forward}</ol>`,
      `<h4>${e(l.compare)}</h4>`,
      htmlTable(['', e(l.stack), e(l.single), e(l.ratio)], rows, {
        caption: fill(l.caption, { size: v.size, c: v.c, big: bigKernel, S: table.S }),
      }),
    ].join('');
  },

  blame(error) {
    return isCalcError(error) && error.code === 'kernel-too-large' ? 'size' : undefined;
  },
};
