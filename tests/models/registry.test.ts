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
    expect(() => getNetwork(id, options as unknown as NetworkOptions)).toThrow(new CalcError('bad-option', id, message.slice(id.length + 2)));
  });

  it('option values are checked against their domain', () => {
    const withAux = networkIds.find((id) => networkOptions(id).includes('aux'));
    if (withAux === undefined) return; // no model with aux heads registered yet
    expect(() => getNetwork(withAux, { aux: 'yes' } as unknown as NetworkOptions)).toThrow(`${withAux}: aux must be one of true, false, got "yes"`);
  });

  it('undefined options are ignored', () => {
    expect(getNetwork('vgg16', { aux: undefined })).toEqual(getNetwork('vgg16'));
    expect(networkOptions('vgg16')).toEqual([]);
  });
});

/*
 * Model-level receptive field = that of the last spatial feature map, before global pooling
 * (AdaptiveAvgPool2d(1), or a fixed window covering the whole map) and the classifier. The named
 * node is that map in each model file: torchvision alexnet.py/vgg.py features[-1] (VGG/AlexNet's
 * AdaptiveAvgPool2d(7)/(6) is the identity at 224), googlenet.py inception5b, inception.py Mixed_7c,
 * resnet.py layer4; Keras xception.py block14; BVLC bvlc_alexnet pool5 and bvlc_googlenet
 * inception_5b (before pool5/7x7_s1).
 */
describe('model-level receptive field is the last spatial feature map', () => {
  const LAST: Record<string, string> = {
    alexnet: 'features.12',
    alexnet_2012: 'pool5',
    vgg11: 'features.20',
    vgg16: 'features.30',
    vgg16_bn: 'features.43',
    vgg19: 'features.36',
    googlenet: 'inception5b',
    googlenet_2014: 'inception5b',
    inception_v3: 'Mixed_7c',
    xception: 'block14',
    resnet18: 'layer4',
    resnet34: 'layer4',
    resnet50: 'layer4',
    resnet101: 'layer4',
    resnet152: 'layer4',
  };
  it.each(Object.entries(LAST))('%s: the field of %s', (id, node) => {
    for (const aux of networkOptions(id).includes('aux') ? [false, true] : [undefined]) {
      const a = analyse(getNetwork(id, aux === undefined ? {} : { aux }));
      const row = a.rows.find((r) => r.name === node);
      expect(row?.receptiveField, `${id} ${node}`).toBeTruthy();
      expect(a.receptiveField, id).toEqual(row?.receptiveField);
    }
  });
});
