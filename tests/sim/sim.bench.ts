/**
 * Timings of the simulations at the largest settings the widgets allow (run with
 * `npx vitest bench --project unit tests/sim`). One animation frame is 16.7 ms; a phone-class CPU
 * is taken as 4× slower than this machine (Chromium's CPU throttling preset).
 */
import { bench, describe } from 'vitest';
import { effectiveRf, ERF_SEED, maxLayers, type ErfParams } from '../../src/sim/erf';
import { propagate } from '../../src/sim/signal';
import { effectiveRfWidget, heatIndices, PALETTE } from '../../components/widgets/EffectiveRf/effective-rf';
import { encodeIndexedPng } from '../../src/widget/png';

const deepest = (p: Omit<ErfParams, 'layers'>): ErfParams => ({ ...p, layers: maxLayers(p) });
const reluRandom = deepest({ kernel: 3, stride: 1, dilation: 1, activation: 'relu', weights: 'random' });
const linearRandom = deepest({ kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'random' });
const relu7 = deepest({ kernel: 7, stride: 1, dilation: 1, activation: 'relu', weights: 'random' });

// effectiveRf caches nothing, so one seed serves every iteration. The ReLU cases use the widget's
// own seed, ERF_SEED (2016), which is known alive at these depths: at 46 layers of 3×3 it draws
// one dead stack and replaces it, at 13 of 7×7 none (varying seeds drew stacks that all died, the
// sim threw and the bench recorded 0 samples).
describe('effective receptive field', () => {
  bench(`ReLU, random, ${reluRandom.layers} layers of 3×3`, () => {
    effectiveRf(reluRandom, ERF_SEED);
  });
  bench(`linear, random, ${linearRandom.layers} layers of 3×3`, () => {
    effectiveRf(linearRandom, ERF_SEED);
  });
  bench(`ReLU, random, ${relu7.layers} layers of 7×7`, () => {
    effectiveRf(relu7, ERF_SEED);
  });
  bench('closed form, 64 layers of 5×5 (257×257 field)', () => {
    effectiveRf({ layers: 64, kernel: 5, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' });
  });
  let n = 0;
  bench('widget render, closed form, 64 layers of 3×3: the largest stack at the default map size (PNG included)', () => {
    effectiveRfWidget.render({ ...effectiveRfWidget.defaults, layers: 63 + (n++ % 2) }, effectiveRfWidget.labels);
  });
  bench('widget render, closed form, 64 layers of 5×5 (PNG included)', () => {
    effectiveRfWidget.render({ ...effectiveRfWidget.defaults, kernel: 5, layers: 63 + (n++ % 2) }, effectiveRfWidget.labels);
  });
});

// The heat map's PNG alone (src/widget/deflate.ts does the work): the widest map the cell draws.
const widest = heatIndices(effectiveRf({ layers: 64, kernel: 5, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' }));
const noisiest = heatIndices(effectiveRf(relu7, ERF_SEED));
describe('heat map PNG', () => {
  bench(`${widest.size}² px, 64 layers of 5×5`, () => {
    encodeIndexedPng(widest.size, widest.size, widest.pixels, PALETTE);
  });
  bench(`${noisiest.size}² px, ${relu7.layers} layers of 7×7, ReLU, random`, () => {
    encodeIndexedPng(noisiest.size, noisiest.size, noisiest.pixels, PALETTE);
  });
});

let seed = 1;
describe('signal propagation', () => {
  bench('200 layers, ReLU, batch norm', () => {
    propagate({ depth: 200, shortcut: 'plain', activation: 'relu', init: 'he', bn: true, seed: (seed += 1) });
  });
  bench('50 layers, sigmoid', () => {
    propagate({ depth: 50, shortcut: 'plain', activation: 'sigmoid', init: 'xavier', bn: false, seed: (seed += 1) });
  });
});
