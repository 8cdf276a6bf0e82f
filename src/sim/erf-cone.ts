/**
 * The theoretical receptive field of a stack of n k×k convolutions as a cone of pixels: the
 * side of every level, from the one top unit down to the input.
 */

/**
 * Side of the cone at every level, input first: F_n = 1 at the top, F_{l−1} = (F_l − 1)·s + k_eff.
 * Element 0 is the theoretical receptive field. Stops early (returns what it has) past `limit`.
 */
export function coneSides(layers: number, kernel: number, stride: number, dilation: number, limit = Infinity): number[] {
  const keff = dilation * (kernel - 1) + 1;
  const sides = [1];
  for (let l = 0; l < layers; l += 1) {
    const below = (sides[0]! - 1) * stride + keff;
    sides.unshift(below);
    if (below > limit) break;
  }
  return sides;
}

/** The theoretical receptive field's side, r = 1 + Σ_i (k_eff − 1)·s^(i−1). */
export function theoreticalSide(layers: number, kernel: number, stride: number, dilation: number): number {
  return coneSides(layers, kernel, stride, dilation)[0]!;
}
