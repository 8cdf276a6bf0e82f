/**
 * The options table (src/models/options.ts) is the one place an option is declared: the registry,
 * the CLI and the model explorer all read it, so each consumer is checked against the table here.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/args';
import { NETWORK_OPTIONS, optionNames, optionsOfModel } from '../../src/models/options';
import { getNetwork, networkIds, networkOptions } from '../../src/models/registry';
import { explorerDefaults, explorerFields, explorerLabels, FIELD_ORDER, optionsFor } from '../../components/widgets/ModelExplorer/model-explorer';

describe('options table', () => {
  it('names only registry models, and each model takes exactly the options listing it', () => {
    for (const name of optionNames) {
      for (const id of NETWORK_OPTIONS[name].models) expect(networkIds).toContain(id);
    }
    expect(optionsOfModel('resnet50')).toEqual(['strideOn', 'outputStride']);
    expect(optionsOfModel('resnet18')).toEqual(['outputStride']);
    expect(optionsOfModel('inception_v3')).toEqual(['aux']);
    expect(optionsOfModel('vgg16')).toEqual([]);
    for (const id of networkIds) expect(networkOptions(id)).toEqual(optionsOfModel(id));
  });

  it('every domain value builds on every model that takes the option (outputStride 8/16 only on Bottleneck ResNets)', () => {
    for (const name of optionNames) {
      const { models, domain } = NETWORK_OPTIONS[name];
      for (const id of models) {
        for (const value of domain) {
          const build = () => getNetwork(id, { [name]: value });
          // torchvision: "Dilation > 1 not supported in BasicBlock" (torchvision/models/resnet.py).
          if (name === 'outputStride' && value !== 32 && (id === 'resnet18' || id === 'resnet34')) expect(build).toThrow(/BasicBlock/);
          else expect(build).not.toThrow();
        }
      }
    }
  });

  it('the CLI parses every flag of the table and lists it in --help', () => {
    expect(USAGE).toContain('  --aux | --no-aux       build auxiliary classifier heads (GoogLeNet, Inception v3)\n');
    expect(USAGE).toContain('  --stride-on 1x1|3x3    ResNet bottleneck: where the downsampling stride sits\n');
    expect(USAGE).toContain('  --output-stride 8|16|32  dilate later stages (ResNet-50, -101, -152)\n');
    for (const name of optionNames) {
      const { flag, domain } = NETWORK_OPTIONS[name];
      for (const value of domain) {
        const argv = typeof value === 'boolean' ? ['googlenet', value ? flag : `--no-${flag.slice(2)}`] : ['resnet50', `${flag}=${String(value)}`];
        expect(parseArgs(argv)).toMatchObject({ help: false, options: { [name]: value } });
      }
    }
    expect(() => parseArgs(['resnet50', '--output-stride', '4'])).toThrow('--output-stride must be one of 8, 16, 32, got "4"');
  });

  it('the model explorer has one select per option for each model, labelled from the table', () => {
    expect(FIELD_ORDER).toEqual(['model', 'aux', 'stride', 'os', 'size', 'vs', 'vsAux', 'vsStride', 'vsOs']);
    expect(explorerFields.os).toEqual({ kind: 'choice', options: ['32', '16', '8'] });
    expect(explorerFields.vsAux).toEqual({ kind: 'choice', options: ['default', 'on', 'off'] });
    expect(explorerDefaults).toMatchObject({ aux: 'default', stride: '3x3', os: '32', vsAux: 'default', vsStride: '3x3', vsOs: '32' });
    expect(explorerLabels).toMatchObject({ stride: 'Bottleneck stride on', vsStride: 'Its bottleneck stride on', 'os.16': '16 (dilated)', 'aux.off': 'without' });
    const values = { ...explorerDefaults, model: 'resnet50', stride: '1x1', os: '8', vs: 'googlenet', vsAux: 'on' };
    expect(optionsFor(values, 'a')).toEqual({ strideOn: '1x1', outputStride: 8 });
    expect(optionsFor(values, 'b')).toEqual({ aux: true });
    expect(optionsFor({ ...values, os: '32', stride: '3x3' }, 'a')).toEqual({ strideOn: '3x3' });
  });
});
