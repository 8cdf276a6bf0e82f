/**
 * Every model the site and the CLI know, by id. Table-driven: adding a model is one line in ENTRIES
 * (and its id in the `models` of each option it takes, options.ts).
 */
import { CalcError, type Network } from '../calc/index';
import { alexnet, alexnet_2012 } from './alexnet';
import { googlenet, googlenet2014 } from './googlenet';
import { inceptionV3 } from './inception-v3';
import { resnet18, resnet34, resnet50, resnet101, resnet152 } from './resnet';
import { vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn } from './vgg';
import { NETWORK_OPTIONS, optionsOfModel, type NetworkOptions, type OptionName } from './options';
import { xception } from './xception';

export type { NetworkOptions, OptionName } from './options';

interface Entry {
  readonly build: (options: NetworkOptions) => Network;
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
  googlenet: { build: googlenet },
  googlenet_2014: { build: googlenet2014 },
  inception_v3: { build: inceptionV3 },
  xception: { build: () => xception() },
  resnet18: { build: resnet18 },
  resnet34: { build: resnet34 },
  resnet50: { build: resnet50 },
  resnet101: { build: resnet101 },
  resnet152: { build: resnet152 },
  // ── Other model families go here, one line each; the options a model takes are listed in options.ts.
};

export const networkIds: readonly string[] = Object.keys(ENTRIES);

function checkOptions(id: string, options: NetworkOptions): void {
  const takes = optionsOfModel(id);
  for (const [key, value] of Object.entries(options) as [string, unknown][]) {
    if (value === undefined) continue;
    if (!Object.hasOwn(NETWORK_OPTIONS, key)) {
      throw new CalcError('bad-option', id, `unknown option "${key}"`, key);
    }
    const name = key as OptionName;
    if (!takes.includes(name)) {
      const which = takes.length ? `it takes ${takes.join(', ')}` : 'it takes no options';
      throw new CalcError('bad-option', id, `option "${name}" does not apply to this model (${which})`, name);
    }
    const domain: readonly unknown[] = NETWORK_OPTIONS[name].domain;
    if (!domain.includes(value)) {
      throw new CalcError('bad-option', id, `${name} must be one of ${domain.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`, name);
    }
  }
}

/** Builds a registered network; unknown ids and options the model does not take are CalcErrors. */
export function getNetwork(id: string, options: NetworkOptions = {}): Network {
  const entry = Object.hasOwn(ENTRIES, id) ? ENTRIES[id] : undefined;
  if (entry === undefined) {
    throw new CalcError('unknown-network', id, `unknown network; known ids: ${networkIds.join(', ')}`);
  }
  checkOptions(id, options);
  return entry.build(options);
}

/** Which options a model takes (for the CLI's help and the site's controls). */
export function networkOptions(id: string): readonly OptionName[] {
  getNetwork(id);
  return optionsOfModel(id);
}
