/**
 * The signal-propagation cell's fields and defaults: all the page's main thread loads of it.
 * Its render (200 layers take ~0.1–0.25 s, a phone 4× that) runs in render-worker.ts.
 */
import type { ActivationName } from '../../../src/sim/activations';
import type { InitName, Shortcut } from '../../../src/sim/signal';
import { int } from '../../../src/widget/fields';
import type { WidgetForm } from '../../../src/widget/widget';

export type SignalValues = {
  depth: number;
  shortcut: Shortcut;
  activation: ActivationName;
  init: InitName;
  bn: 'off' | 'on';
  seed: number;
};

export const signalForm: WidgetForm<SignalValues> = {
  name: 'signal-propagation',
  fields: {
    depth: int(1, 200),
    shortcut: { kind: 'choice', options: ['plain', 'residual'] },
    activation: { kind: 'choice', options: ['relu', 'sigmoid', 'tanh'] },
    init: { kind: 'choice', options: ['he', 'xavier', 'small'] },
    bn: { kind: 'choice', options: ['off', 'on'] },
    seed: int(1, 1000),
  },
  defaults: { depth: 50, shortcut: 'plain', activation: 'sigmoid', init: 'xavier', bn: 'off', seed: 1 },
};
