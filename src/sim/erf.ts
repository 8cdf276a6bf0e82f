/**
 * Effective receptive field (Luo, Li, Urtasun and Zemel, "Understanding the Effective Receptive
 * Field in Deep Convolutional Neural Networks", NeurIPS 2016): |∂y/∂x| of the centre unit y of
 * the top layer of a stack of n single-channel k×k convolutions, over every input pixel x.
 *
 * The input map is exactly the theoretical field (the cone of pixels that can reach y), so
 * nothing is clipped and no padding enters. Uniform weights with no non-linearity are computed
 * in closed form: the map is the outer product of a 1-D profile, the n-fold convolution of a
 * (dilated, strided) box. Every other case back-propagates through actual seeded stacks and
 * averages the normalised maps of a few draws.
 */
import { CalcError } from '../calc/errors';
import { Rng } from './random';

export type ErfActivation = 'linear' | 'relu';
export type ErfWeights = 'uniform' | 'random';

export interface ErfParams {
  readonly layers: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly activation: ErfActivation;
  readonly weights: ErfWeights;
}

/** Largest theoretical field drawn (64 layers of 5×5 give exactly this side). */
export const MAX_SIDE = 257;
/** Multiply–adds one simulated draw may cost; keeps an update within one animation frame. */
export const MAX_WORK = 2_400_000;
/** Work the draws of one update may cost together: more draws when each is cheap. */
export const DRAW_BUDGET = 2_400_000;
export const MAX_DRAWS = 8;
/** Dead ReLU draws are redrawn, up to this many attempts per wanted draw. */
export const MAX_ATTEMPTS = 4;
/** Share of the gradient mass the effective field must hold. */
export const ERF_SHARE = 0.95;
/** Seed of the first draw; the server and the browser use the same one. */
export const ERF_SEED = 2016;

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

/**
 * Multiply–adds of one draw: the backward pass over every layer's cone, and the forward pass too
 * when ReLU masks are needed. 0 for the closed form.
 */
export function workPerDraw(p: ErfParams): number {
  if (p.activation === 'linear' && p.weights === 'uniform') return 0;
  const sides = coneSides(p.layers, p.kernel, p.stride, p.dilation);
  let pass = 0;
  for (let l = 1; l < sides.length; l += 1) pass += sides[l]! * sides[l]! * p.kernel * p.kernel;
  return p.activation === 'relu' ? 2 * pass : pass;
}

/** How many seeded draws are averaged: 1 for the closed form, else as many as the budget allows. */
export function drawCount(p: ErfParams): number {
  const work = workPerDraw(p);
  if (work === 0) return 1;
  return Math.max(1, Math.min(MAX_DRAWS, Math.floor(DRAW_BUDGET / work)));
}

/** False when the field would be wider than MAX_SIDE (the cone stops growing at the limit). */
function fits(p: ErfParams): boolean {
  const sides = coneSides(p.layers, p.kernel, p.stride, p.dilation, MAX_SIDE);
  return sides.length === p.layers + 1 && sides[0]! <= MAX_SIDE;
}

function check(p: ErfParams): void {
  if (!fits(p)) {
    throw new CalcError('too-large', 'layers', `the theoretical field would be wider than ${MAX_SIDE} pixels, the most this view draws; use ${maxLayers(p)} layers or fewer`);
  }
  const work = workPerDraw(p);
  if (work > MAX_WORK) {
    throw new CalcError(
      'too-large',
      'layers',
      `one simulated draw would need ${(work / 1e6).toFixed(1)} million multiply–adds, more than fit in one frame; use ${maxLayers(p)} layers or fewer, or uniform linear weights`,
    );
  }
}

/** The deepest stack with these settings that this view computes. */
export function maxLayers(p: Omit<ErfParams, 'layers'>): number {
  let n = 0;
  while (n < 64) {
    const q = { ...p, layers: n + 1 };
    if (!fits(q) || workPerDraw(q) > MAX_WORK) break;
    n += 1;
  }
  return n;
}

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

/** |∂y/∂x| of one seeded stack, normalised to sum 1; null if ReLUs block every path to y. */
function simulateDraw(p: ErfParams, sides: number[], rng: Rng): Float64Array | null {
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

export interface ErfResult {
  /** Theoretical receptive field side r; the map is r×r. */
  readonly side: number;
  /** Mean normalised |∂y/∂x| (sums to 1), row-major r×r. */
  readonly map: Float64Array;
  /** Side of the smallest centred square holding ≥ 95 % of the gradient mass. */
  readonly side95: number;
  /** Seeded stacks averaged (1 for the closed form). */
  readonly draws: number;
  /** Stacks drawn but discarded because ReLUs blocked every path to y (redrawn instead). */
  readonly dead: number;
  /** True when computed in closed form (uniform weights, no non-linearity). */
  readonly exact: boolean;
  /** Input pixels of the theoretical field that no path reaches whatever the weights (gridding). */
  readonly holes: number;
}

export function effectiveRf(p: ErfParams, seed = ERF_SEED): ErfResult {
  for (const [name, v] of [['layers', p.layers], ['kernel', p.kernel], ['stride', p.stride], ['dilation', p.dilation]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new CalcError('bad-parameter', name, `must be a whole number ≥ 1, got ${String(v)}`);
  }
  check(p);
  const sides = coneSides(p.layers, p.kernel, p.stride, p.dilation);
  const side = sides[0]!;
  const exact = p.activation === 'linear' && p.weights === 'uniform';
  let map: Float64Array;
  let side95: number;
  let draws = 1;
  let dead = 0;
  // Structure: which pixels any path reaches is the zero pattern of the uniform profile.
  const profile = uniformProfile(p.layers, p.kernel, p.stride, p.dilation);
  let unreached = 0;
  for (const v of profile) if (v === 0) unreached += 1;
  const holes = side * side - (side - unreached) * (side - unreached);
  if (exact) {
    map = new Float64Array(side * side);
    for (let y = 0; y < side; y += 1) for (let x = 0; x < side; x += 1) map[y * side + x] = profile[y]! * profile[x]!;
    side95 = side95OfProfile(profile);
  } else {
    const wanted = drawCount(p);
    const rng = new Rng(seed);
    const maps: Float64Array[] = [];
    // A single-channel ReLU stack can die (every unit of a small cone near the top negative);
    // such a draw carries no gradient and is replaced, within MAX_ATTEMPTS times the planned work.
    for (let attempt = 0; attempt < MAX_ATTEMPTS * wanted && maps.length < wanted; attempt += 1) {
      const one = simulateDraw(p, sides, rng);
      if (one) maps.push(one);
      else dead += 1;
    }
    if (maps.length === 0) {
      throw new CalcError('too-large', 'layers', `every one of the ${dead} seeded ReLU stacks drawn was dead (no gradient reached the input); use fewer layers`);
    }
    draws = maps.length;
    map = new Float64Array(side * side);
    for (const one of maps) for (let j = 0; j < map.length; j += 1) map[j]! += one[j]! / draws;
    side95 = side95OfMap(map, side);
  }
  return { side, map, side95, draws, dead, exact, holes };
}

/** For a chart: theoretical and exact 95 % sides (uniform, linear) of 1, 2, … layers. */
export function growth(kernel: number, stride: number, dilation: number, upTo: number): { layers: number; side: number; side95: number }[] {
  const out: { layers: number; side: number; side95: number }[] = [];
  // Bottom-up: layer n adds k taps d·S apart (S = s^(n−1), the jump of its input) to the profile.
  let profile = new Float64Array([1]);
  let jump = 1;
  for (let n = 1; n <= upTo; n += 1) {
    const spacing = dilation * jump;
    const wider = new Float64Array(profile.length + (kernel - 1) * spacing);
    if (wider.length > MAX_SIDE) break;
    for (let t = 0; t < kernel; t += 1) for (let x = 0; x < profile.length; x += 1) wider[x + t * spacing]! += profile[x]! / kernel;
    profile = wider;
    jump *= stride;
    out.push({ layers: n, side: profile.length, side95: side95OfProfile(profile) });
  }
  return out;
}
