/**
 * The effective-RF cell's fields and defaults: all the page's main thread loads of it. Its
 * render (the simulation, the PNG) runs in render-worker.ts.
 */
import type { ErfActivation, ErfWeights } from '../../../src/sim/erf';
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
    layers: { kind: 'int', min: 1, max: 64 },
    kernel: { kind: 'int', min: 3, max: 7 },
    stride: { kind: 'int', min: 1, max: 3 },
    dilation: { kind: 'int', min: 1, max: 8 },
    activation: { kind: 'choice', options: ['linear', 'relu'] },
    weights: { kind: 'choice', options: ['uniform', 'random'] },
  },
  defaults: { layers: 8, kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' },
};
