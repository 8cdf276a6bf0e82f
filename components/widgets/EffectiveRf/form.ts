/**
 * The effective-RF cell's fields and defaults: all the page's main thread loads of it. Its
 * render (the simulation, the PNG) runs in render-worker.ts.
 */
import type { ErfActivation, ErfWeights } from '../../../src/sim/erf';
import { int } from '../../../src/widget/fields';
import type { WidgetForm } from '../../../src/widget/widget';

export type EffectiveRfValues = {
  layers: number;
  kernel: number;
  stride: number;
  dilation: number;
  activation: ErfActivation;
  weights: ErfWeights;
};

export const effectiveRfForm: WidgetForm<EffectiveRfValues> = {
  name: 'effective-rf',
  fields: {
    layers: int(1, 64),
    kernel: int(3, 7),
    stride: int(1, 3),
    dilation: int(1, 8),
    activation: { kind: 'choice', options: ['linear', 'relu'] },
    weights: { kind: 'choice', options: ['uniform', 'random'] },
  },
  defaults: { layers: 8, kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' },
};
