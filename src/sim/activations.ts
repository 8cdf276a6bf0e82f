/**
 * The activation functions and their derivatives: the one definition the simulations and the
 * activation figures share. exp and tanh are portable-math.ts's, so a seeded simulation gives
 * the same numbers on the server and in every browser.
 */
import { exp, tanh } from './portable-math';

export type ActivationName = 'relu' | 'sigmoid' | 'tanh';

export interface Activation {
  readonly f: (x: number) => number;
  /** Derivative f′(x); ReLU′(0) is taken as 0, as in PyTorch. */
  readonly df: (x: number) => number;
}

function sigmoid(x: number): number {
  // Split by sign so exp never overflows.
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) },
  sigmoid: {
    f: sigmoid,
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  },
  tanh: {
    f: tanh,
    df: (x) => {
      const t = tanh(x);
      return 1 - t * t;
    },
  },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];
