/**
 * Small shared building blocks for the model files (GoogLeNet, Inception v3, ResNet, Xception).
 * Each returns plain LayerSpec data; nothing here computes anything.
 */
import type { LayerSpec, Padding, Pair } from '../calc/types';

export interface ConvOpts {
  readonly stride?: number | Pair;
  readonly padding?: Padding;
  readonly dilation?: number | Pair;
  /** Input node; omitted = the node listed just before. */
  readonly from?: string;
}

/** Spread `from` only when given, so the IR default ("previous node") stays visible in the data. */
export function fromOpt(from: string | undefined): { from?: string } {
  return from === undefined ? {} : { from };
}

/**
 * torchvision's BasicConv2d (googlenet.py, inception.py): Conv2d(bias=False) → BatchNorm2d(eps=0.001)
 * → ReLU. Nodes `${name}.conv`, `${name}.bn` (torchvision's module names) and `${name}.relu`
 * (torchvision calls F.relu, so this name is ours).
 */
export function basicConv2d(name: string, out: number, kernel: number | Pair, opts: ConvOpts = {}): LayerSpec[] {
  return [
    {
      name: `${name}.conv`,
      kind: 'conv',
      out,
      kernel,
      bias: false,
      ...(opts.stride !== undefined ? { stride: opts.stride } : {}),
      ...(opts.padding !== undefined ? { padding: opts.padding } : {}),
      ...(opts.dilation !== undefined ? { dilation: opts.dilation } : {}),
      ...fromOpt(opts.from),
    },
    { name: `${name}.bn`, kind: 'bn' },
    { name: `${name}.relu`, kind: 'act', fn: 'relu' },
  ];
}

/** Caffe-style conv with bias followed by ReLU, no normalisation (bvlc_googlenet). */
export function convRelu(name: string, out: number, kernel: number | Pair, opts: ConvOpts = {}): LayerSpec[] {
  return [
    {
      name: `${name}.conv`,
      kind: 'conv',
      out,
      kernel,
      bias: true,
      ...(opts.stride !== undefined ? { stride: opts.stride } : {}),
      ...(opts.padding !== undefined ? { padding: opts.padding } : {}),
      ...fromOpt(opts.from),
    },
    { name: `${name}.relu`, kind: 'act', fn: 'relu' },
  ];
}

/** The name of the last node of a non-empty list (the default `from` of whatever comes next). */
export function lastName(layers: readonly LayerSpec[]): string {
  const last = layers[layers.length - 1];
  if (last === undefined) throw new Error('lastName: empty layer list');
  return last.name;
}
