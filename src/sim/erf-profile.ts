/**
 * The closed form of the effective receptive field for uniform weights and no non-linearity (a
 * 1-D profile whose outer product is the map), and the side of the centred square holding a
 * given share of a map's gradient mass.
 */
import { coneSides } from './erf-cone';

/** Share of the gradient mass the effective field must hold. */
export const ERF_SHARE = 0.95;

/**
 * 1-D gradient profile of uniform weights (each tap 1/k), exact up to rounding: the n-fold
 * convolution of a box of k taps spaced d apart, with the strides in between. Sums to 1.
 */
export function uniformProfile(layers: number, kernel: number, stride: number, dilation: number): Float64Array {
  const sides = coneSides(layers, kernel, stride, dilation);
  let g = new Float64Array([1]);
  for (let l = layers; l >= 1; l -= 1) {
    const below = new Float64Array(sides[l - 1]!);
    for (let u = 0; u < g.length; u += 1) {
      const share = g[u]! / kernel;
      if (share === 0) continue;
      for (let t = 0; t < kernel; t += 1) below[u * stride + t * dilation]! += share;
    }
    g = below;
  }
  return g;
}

/** Smallest centred square side of a separable map p⊗p whose mass is ≥ share of the total. */
export function side95OfProfile(profile: Float64Array, share = ERF_SHARE): number {
  const n = profile.length;
  let total = 0;
  for (const v of profile) total += v;
  // Centred 1-D windows of n, n−2, …: grow from the middle outwards.
  let t = n % 2 === 1 ? 1 : 2;
  let mass = 0;
  for (let i = (n - t) / 2; i < (n + t) / 2; i += 1) mass += profile[i]!;
  while (mass * mass < share * total * total && t < n) {
    t += 2;
    mass += profile[(n - t) / 2]! + profile[(n + t) / 2 - 1]!;
  }
  return t;
}

/** Smallest centred square side of a side×side map whose mass is ≥ share of the total. */
export function side95OfMap(map: Float64Array, side: number, share = ERF_SHARE): number {
  // Ring h (in half pixels from the centre) holds the cells on the border of the square of side h + 1.
  const rings = new Float64Array(side + 1);
  let total = 0;
  for (let y = 0; y < side; y += 1) {
    const dy = Math.abs(2 * y - (side - 1));
    for (let x = 0; x < side; x += 1) {
      const v = map[y * side + x]!;
      rings[Math.max(dy, Math.abs(2 * x - (side - 1)))]! += v;
      total += v;
    }
  }
  let mass = 0;
  for (let h = (side - 1) % 2; h < side; h += 2) {
    mass += rings[h]!;
    if (mass >= share * total) return h + 1;
  }
  return side;
}
