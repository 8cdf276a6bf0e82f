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
import { coneSides } from './erf-cone';
import { simulateDraw } from './erf-draw';
import { side95OfMap, side95OfProfile, uniformProfile } from './erf-profile';
import { Rng } from './random';

export { coneSides, theoreticalSide } from './erf-cone';
export { ERF_SHARE, side95OfMap, side95OfProfile, uniformProfile } from './erf-profile';

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
/** Seed of the first draw; the server and the browser use the same one. */
export const ERF_SEED = 2016;

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
