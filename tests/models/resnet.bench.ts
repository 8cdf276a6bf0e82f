import { bench, describe } from 'vitest';
import { analyse } from '../../src/calc/index';
import { resnet152 } from '../../src/models/resnet';

// The largest network of the ResNet family (~900 nodes): build the data and analyse it, as a
// widget does when the reader changes an option.
describe('resnet152', () => {
  bench('build + analyse (224×224)', () => {
    analyse(resnet152());
  });
  bench('build + analyse, outputStride 8 (224×224)', () => {
    analyse(resnet152({ outputStride: 8 }));
  });
  const net = resnet152();
  bench('analyse only, 512×512 input', () => {
    analyse(net, [3, 512, 512]);
  });
});
