/**
 * Every model the site and the CLI know, by id. Table-driven: adding a model is one line in ENTRIES.
 */
import { CalcError, type Network } from '../calc/index';
import { alexnet, alexnet_2012 } from './alexnet';
import { googlenet, googlenet2014 } from './googlenet';
import { inceptionV3 } from './inception-v3';
import { resnet18, resnet34, resnet50, resnet101, resnet152 } from './resnet';
import { vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn } from './vgg';
import { xception } from './xception';

export interface NetworkOptions {
  /** Build the auxiliary classifier heads (GoogLeNet, Inception v3). */
  readonly aux?: boolean;
  /** ResNet bottleneck: where the downsampling stride sits (paper: '1x1', torchvision V1.5: '3x3'). */
  readonly strideOn?: '1x1' | '3x3';
  /** Dilate later stages so the output is 1/8 or 1/16 of the input instead of 1/32 (DeepLab). */
  readonly outputStride?: 8 | 16 | 32;
}

type OptionName = keyof NetworkOptions;

interface Entry {
  readonly build: (options: NetworkOptions) => Network;
  /** The options this model understands; any other set option is an error. */
  readonly options?: readonly OptionName[];
}

const ENTRIES: Readonly<Record<string, Entry>> = {
  alexnet: { build: alexnet },
  alexnet_2012: { build: alexnet_2012 },
  vgg11: { build: vgg11 },
  vgg11_bn: { build: vgg11_bn },
  vgg13: { build: vgg13 },
  vgg13_bn: { build: vgg13_bn },
  vgg16: { build: vgg16 },
  vgg16_bn: { build: vgg16_bn },
  vgg19: { build: vgg19 },
  vgg19_bn: { build: vgg19_bn },
  googlenet: { build: googlenet, options: ['aux'] },
  googlenet_2014: { build: googlenet2014, options: ['aux'] },
  inception_v3: { build: inceptionV3, options: ['aux'] },
  xception: { build: () => xception() },
  // BasicBlock ResNets take outputStride only to give torchvision's "no dilation in BasicBlock" error for 16/8.
  resnet18: { build: resnet18, options: ['outputStride'] },
  resnet34: { build: resnet34, options: ['outputStride'] },
  resnet50: { build: resnet50, options: ['strideOn', 'outputStride'] },
  resnet101: { build: resnet101, options: ['strideOn', 'outputStride'] },
  resnet152: { build: resnet152, options: ['strideOn', 'outputStride'] },
  // ── Other model families go here, one line each, e.g.
  // googlenet: { build: googlenet, options: ['aux'] },
  // resnet50: { build: (o) => resnet50(o), options: ['strideOn', 'outputStride'] },
};

export const networkIds: readonly string[] = Object.keys(ENTRIES);

const DOMAINS: Readonly<Record<OptionName, readonly unknown[]>> = {
  aux: [true, false],
  strideOn: ['1x1', '3x3'],
  outputStride: [8, 16, 32],
};

function checkOptions(id: string, entry: Entry, options: NetworkOptions): void {
  for (const [key, value] of Object.entries(options) as [string, unknown][]) {
    if (value === undefined) continue;
    if (!Object.hasOwn(DOMAINS, key)) {
      throw new CalcError('bad-option', id, `unknown option "${key}"`, key);
    }
    const name = key as OptionName;
    if (!(entry.options ?? []).includes(name)) {
      const takes = entry.options?.length ? `it takes ${entry.options.join(', ')}` : 'it takes no options';
      throw new CalcError('bad-option', id, `option "${name}" does not apply to this model (${takes})`, name);
    }
    if (!DOMAINS[name].includes(value)) {
      throw new CalcError('bad-option', id, `${name} must be one of ${DOMAINS[name].map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`, name);
    }
  }
}

/** Builds a registered network; unknown ids and options the model does not take are CalcErrors. */
export function getNetwork(id: string, options: NetworkOptions = {}): Network {
  const entry = Object.hasOwn(ENTRIES, id) ? ENTRIES[id] : undefined;
  if (entry === undefined) {
    throw new CalcError('unknown-network', id, `unknown network; known ids: ${networkIds.join(', ')}`);
  }
  checkOptions(id, entry, options);
  return entry.build(options);
}

/** Which options a model takes (for the CLI's help and the site's controls). */
export function networkOptions(id: string): readonly OptionName[] {
  getNetwork(id);
  return ENTRIES[id]?.options ?? [];
}
