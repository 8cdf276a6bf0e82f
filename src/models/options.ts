/**
 * The one table of build options a registry model can take. The registry validates against it,
 * the CLI parses and documents its flags from it, and the model explorer builds its selects from
 * it: adding an option is one entry here (plus the builder that reads it).
 */

/** One select choice in the model explorer: its value in the URL/form, label, and the option it sets. */
export interface OptionChoice<V> {
  readonly value: string;
  readonly label: string;
  /** The NetworkOptions value; undefined leaves the option unset (the model's default). */
  readonly option: V | undefined;
}

export interface OptionSpec<V extends boolean | string | number> {
  /** Every value the option may take. */
  readonly domain: readonly V[];
  /** Field label in the model explorer. */
  readonly label: string;
  /** Short field name in the explorer and its URL ("os"); the compared model's is vs + Capitalised. */
  readonly field: string;
  /** CLI: a boolean option is a --flag / --no-flag pair; any other takes one value of the domain. */
  readonly flag: string;
  /** CLI help: the flag column and the explanation. */
  readonly usage: string;
  readonly help: string;
  /** Registry ids of the models that take it (any other model rejects it). */
  readonly models: readonly string[];
  readonly choices: readonly OptionChoice<V>[];
}

export const NETWORK_OPTIONS = {
  aux: {
    domain: [true, false],
    label: 'Auxiliary heads',
    field: 'aux',
    flag: '--aux',
    usage: '--aux | --no-aux',
    help: 'build auxiliary classifier heads (GoogLeNet, Inception v3)',
    models: ['googlenet', 'googlenet_2014', 'inception_v3'],
    choices: [
      { value: 'default', label: 'as published', option: undefined },
      { value: 'on', label: 'with aux heads', option: true },
      { value: 'off', label: 'without', option: false },
    ],
  } as const satisfies OptionSpec<boolean>,
  strideOn: {
    domain: ['1x1', '3x3'],
    label: 'Bottleneck stride on',
    field: 'stride',
    flag: '--stride-on',
    usage: '--stride-on 1x1|3x3',
    help: 'ResNet bottleneck: where the downsampling stride sits',
    models: ['resnet50', 'resnet101', 'resnet152'],
    choices: [
      { value: '3x3', label: '3×3 (V1.5)', option: '3x3' },
      { value: '1x1', label: '1×1 (V1, paper)', option: '1x1' },
    ],
  } as const satisfies OptionSpec<'1x1' | '3x3'>,
  outputStride: {
    domain: [8, 16, 32],
    label: 'Output stride',
    field: 'os',
    flag: '--output-stride',
    usage: '--output-stride 8|16|32',
    help: 'dilate later stages (ResNet-50, -101, -152)',
    // BasicBlock ResNets take outputStride only to give torchvision's "no dilation in BasicBlock" error for 16/8.
    models: ['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'],
    choices: [
      { value: '32', label: '32', option: undefined },
      { value: '16', label: '16 (dilated)', option: 16 },
      { value: '8', label: '8 (dilated)', option: 8 },
    ],
  } as const satisfies OptionSpec<8 | 16 | 32>,
} as const;

export type OptionName = keyof typeof NETWORK_OPTIONS;

/** What a builder may be asked for; each option's type is its domain. */
export type NetworkOptions = {
  readonly [K in OptionName]?: (typeof NETWORK_OPTIONS)[K]['domain'][number];
};

export const optionNames = Object.keys(NETWORK_OPTIONS) as OptionName[];

/** The options a registry id takes, in table order. */
export function optionsOfModel(id: string): OptionName[] {
  return optionNames.filter((name) => (NETWORK_OPTIONS[name].models as readonly string[]).includes(id));
}
