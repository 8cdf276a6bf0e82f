/**
 * Folding batch norm into the convolution before it, for inference: y = γ(Wx + b − μ)/σ + β is the
 * convolution W' = (γ/σ)·W with bias b' = β + γ(b − μ)/σ. The weights keep their count; each BN's
 * 2C parameters (γ, β) become the folded convolution's C biases (its running μ, σ² buffers vanish).
 */
import type { Analysis } from './types';

export interface Folded {
  /** BN layers folded away. */
  readonly layers: number;
  /** Channels they normalised: γ and β each have one per channel. */
  readonly channels: number;
  /** Parameters before (weights + biases + γ, β) and after folding (weights + biases). */
  readonly before: number;
  readonly after: number;
}

/** Folds every BN that directly follows a bias-free convolution; throws if one does not. */
export function foldBatchNorm(a: Analysis): Folded {
  let layers = 0;
  let channels = 0;
  a.rows.forEach((row, i) => {
    if (row.kind !== 'bn') return;
    const conv = a.rows[i - 1];
    if (conv === undefined || conv.kind !== 'conv' || conv.params.biases !== 0) {
      throw new Error(`${a.network}: ${row.name} does not follow a bias-free convolution`);
    }
    layers += 1;
    channels += row.output[0] as number;
  });
  return { layers, channels, before: a.params.total, after: a.params.total - a.params.bn + channels };
}
