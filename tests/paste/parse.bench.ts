import { bench, describe } from 'vitest';
import { analyse } from '../../src/calc/index';
import { parseNetwork } from '../../src/parse/index';
import { prototxt, reprText } from './fixtures';

// What the paste cell does per keystroke-debounced parse: the largest fixtures, end to end.
const resnet152 = reprText('resnet152');
const googlenet = prototxt('bvlc_googlenet');
const tenMb = resnet152.repeat(Math.ceil(10e6 / resnet152.length));
// A valid text just under the size limit: 1.9 MB of a 5,000-module Sequential of convs.
const big = `Net(\n${Array.from({ length: 5000 }, (_, i) => `  (${i}): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))`).join('\n')}\n)`;

describe('parse + analyse', () => {
  bench('resnet152 print(model) (33 kB, the largest repr fixture)', () => {
    analyse(parseNetwork(resnet152).network);
  });
  bench('bvlc_googlenet prototxt (36 kB, the largest fixture)', () => {
    analyse(parseNetwork(googlenet).network);
  });
  bench('10 MB of text (refused by size)', () => {
    try {
      parseNetwork(tenMb);
    } catch {
      // the ParseError is the expected result
    }
  });
  bench(`5,000 convs (${(big.length / 1e6).toFixed(2)} MB)`, () => {
    analyse(parseNetwork(big, { input: [32, 32] }).network);
  });
});
