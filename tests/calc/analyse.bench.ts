import { bench, describe } from 'vitest';
import { analyse } from '../../src/calc/index';
import { getNetwork } from '../../src/models/registry';

// Built once: the bench measures analyse() alone (the registry build is cheap but not the point).
const vgg16 = getNetwork('vgg16');
const vgg16bn = getNetwork('vgg16_bn');
const alexnet = getNetwork('alexnet');

describe('analyse', () => {
  bench('vgg16 at 224', () => {
    analyse(vgg16);
  });
  bench('vgg16_bn at 224', () => {
    analyse(vgg16bn);
  });
  bench('vgg16 at 512×640', () => {
    analyse(vgg16, [3, 512, 640]);
  });
  bench('alexnet at 224', () => {
    analyse(alexnet);
  });
  bench('getNetwork + analyse vgg16', () => {
    analyse(getNetwork('vgg16'));
  });
});
