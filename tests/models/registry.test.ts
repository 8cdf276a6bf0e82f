import { describe, expect, it } from 'vitest';
import { analyse, CalcError } from '../../src/calc/index';
import { getNetwork, networkIds, networkOptions, type NetworkOptions } from '../../src/models/registry';

describe('registry', () => {
  it('lists the VGG and AlexNet ids first, each building a network with its own id', () => {
    expect(networkIds.slice(0, 10)).toEqual(['alexnet', 'alexnet_2012', 'vgg11', 'vgg11_bn', 'vgg13', 'vgg13_bn', 'vgg16', 'vgg16_bn', 'vgg19', 'vgg19_bn']);
    for (const id of networkIds) {
      const net = getNetwork(id);
      expect(net.id).toBe(id);
      expect(net.source).toMatch(/^https:\/\//);
      expect(() => analyse(net)).not.toThrow();
    }
  });

  it('unknown ids are a CalcError listing the known ids', () => {
    try {
      getNetwork('vgg17');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalcError);
      expect(e).toMatchObject({ code: 'unknown-network', layer: 'vgg17' });
      expect((e as CalcError).message).toContain('known ids: alexnet, alexnet_2012, vgg11');
    }
    // Object.prototype keys are not models.
    expect(() => getNetwork('toString')).toThrow(/unknown network/);
  });

  it.each([
    ['vgg16', { strideOn: '1x1' }, 'vgg16: option "strideOn" does not apply to this model (it takes no options)'],
    ['alexnet', { aux: false }, 'alexnet: option "aux" does not apply to this model (it takes no options)'],
    ['vgg16', { depth: 3 }, 'vgg16: unknown option "depth"'],
  ] as const)('%s with %j → %s', (id, options, message) => {
    // The error names the option too, so a form can mark its control without reading the message.
    const option = Object.keys(options)[0];
    expect(() => getNetwork(id, options as unknown as NetworkOptions)).toThrow(new CalcError('bad-option', id, message.slice(id.length + 2), option));
  });

  it('option values are checked against their domain', () => {
    // googlenet takes `aux` (torchvision's aux_logits), per src/models/registry.ts.
    expect(networkOptions('googlenet')).toContain('aux');
    expect(() => getNetwork('googlenet', { aux: 'yes' } as unknown as NetworkOptions)).toThrow('googlenet: aux must be one of true, false, got "yes"');
    expect(() => getNetwork('resnet18', { outputStride: 16 })).toThrow(expect.objectContaining({ code: 'bad-option', field: 'outputStride' }));
  });

  it('undefined options are ignored', () => {
    expect(getNetwork('vgg16', { aux: undefined })).toEqual(getNetwork('vgg16'));
    expect(networkOptions('vgg16')).toEqual([]);
  });
});
