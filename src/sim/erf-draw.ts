/**
 * One seeded draw of the effective receptive field: a single-channel stack with uniform or
 * He-normal weights, a forward pass when ReLU masks matter, then |∂y/∂x| back-propagated from
 * the centre unit of the top layer over its cone.
 */
import type { ErfParams } from './erf';
import type { Rng } from './random';

/** |∂y/∂x| of one seeded stack, normalised to sum 1; null if ReLUs block every path to y. */
export function simulateDraw(p: ErfParams, sides: number[], rng: Rng): Float64Array | null {
  const { layers, kernel: k, stride: s, dilation: d } = p;
  const kk = k * k;
  const heStd = Math.sqrt(2 / kk); // He-normal, one input channel: fan-in k².
  const weights: Float64Array[] = [];
  for (let l = 0; l < layers; l += 1) weights.push(p.weights === 'uniform' ? new Float64Array(kk).fill(1 / kk) : rng.normals(kk, heStd));
  // Forward only when ReLU masks matter: pre-activations z_l of every layer on its cone.
  const pre: Float64Array[] = [];
  if (p.activation === 'relu') {
    let a = rng.normals(sides[0]! * sides[0]!);
    for (let l = 1; l <= layers; l += 1) {
      const inSide = sides[l - 1]!;
      const outSide = sides[l]!;
      const w = weights[l - 1]!;
      const z = new Float64Array(outSide * outSide);
      for (let u = 0; u < outSide; u += 1) {
        for (let v = 0; v < outSide; v += 1) {
          let sum = 0;
          for (let ti = 0; ti < k; ti += 1) {
            const row = (u * s + ti * d) * inSide + v * s;
            for (let tj = 0; tj < k; tj += 1) sum += w[ti * k + tj]! * a[row + tj * d]!;
          }
          z[u * outSide + v] = sum;
        }
      }
      pre.push(z);
      // Every unit of a layer below the top negative: no path survives, skip the backward pass.
      if (l < layers && !z.some((x) => x > 0)) return null;
      a = z.map((x) => (x > 0 ? x : 0));
    }
  }
  // Backward from y = z_n (the top unit before any non-linearity), ∂y/∂z_n = 1.
  let g = new Float64Array([1]);
  for (let l = layers; l >= 1; l -= 1) {
    const inSide = sides[l - 1]!;
    const outSide = sides[l]!;
    const w = weights[l - 1]!;
    if (p.activation === 'relu' && l < layers) {
      const z = pre[l - 1]!;
      for (let i = 0; i < g.length; i += 1) if (!(z[i]! > 0)) g[i] = 0;
    }
    const below = new Float64Array(inSide * inSide);
    for (let u = 0; u < outSide; u += 1) {
      for (let v = 0; v < outSide; v += 1) {
        const gv = g[u * outSide + v]!;
        if (gv === 0) continue;
        for (let ti = 0; ti < k; ti += 1) {
          const row = (u * s + ti * d) * inSide + v * s;
          for (let tj = 0; tj < k; tj += 1) below[row + tj * d]! += w[ti * k + tj]! * gv;
        }
      }
    }
    g = below;
  }
  let total = 0;
  for (let i = 0; i < g.length; i += 1) {
    g[i] = Math.abs(g[i]!);
    total += g[i]!;
  }
  if (total === 0) return null;
  for (let i = 0; i < g.length; i += 1) g[i]! /= total;
  return g;
}
