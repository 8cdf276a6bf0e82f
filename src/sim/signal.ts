/**
 * Signal propagation at initialisation: a deep stack of fully connected layers of width 64 on a
 * seeded batch, plain (h ← F(h)) or residual (h ← h + F(h)), with F(h) = φ(BN(W h)) or φ(W h).
 * Per layer: the standard deviation of the forward activations and the norm of the gradient
 * that flows back from a random unit-norm direction at the top. Deterministic for a seed.
 */
import { CalcError } from '../calc/errors';
import { ACTIVATIONS, type ActivationName } from './activations';
import { Rng } from './random';

export type Shortcut = 'plain' | 'residual';
export type InitName = 'he' | 'xavier' | 'small';

export interface SignalParams {
  readonly depth: number;
  readonly shortcut: Shortcut;
  readonly activation: ActivationName;
  readonly init: InitName;
  /** Batch normalisation (batch statistics, γ = 1, β = 0) before each activation. */
  readonly bn: boolean;
  readonly seed: number;
}

export const WIDTH = 64;
export const BATCH = 16;
export const MAX_DEPTH = 200;
const BN_EPS = 1e-5;

/**
 * Weight standard deviation: He (Kaiming) normal √(2/fan_in); Xavier (Glorot) normal
 * √(2/(fan_in + fan_out)); AlexNet's N(0, 0.01²) (Krizhevsky et al. 2012, §5).
 */
export function initStd(init: InitName, fanIn = WIDTH, fanOut = WIDTH): number {
  switch (init) {
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'small':
      return 0.01;
  }
}

export interface SignalResult {
  /** Population std of h_l over batch and width, l = 0 (input) … depth. */
  readonly forwardStd: readonly number[];
  /** RMS over the batch of ‖∂L/∂h_l‖, l = 0 … depth; 1 at the top by construction. */
  readonly gradNorm: readonly number[];
  /** gradNorm[0] / gradNorm[depth]: how much of the top gradient reaches the input. */
  readonly ratio: number;
}

function std(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let sq = 0;
  for (const v of x) sq += (v - mean) * (v - mean);
  return Math.sqrt(sq / x.length);
}

function rmsRowNorm(g: Float64Array, rows: number): number {
  let sq = 0;
  for (const v of g) sq += v * v;
  return Math.sqrt(sq / rows);
}

interface Draws {
  readonly weights: readonly Float64Array[];
  readonly input: Float64Array;
  /** Unit vector u_b per input: L = Σ_b ⟨u_b, h_L,b⟩. */
  readonly direction: Float64Array;
}

/** Everything random, drawn up front in a fixed order: weights, input batch, top direction. */
function draw(p: SignalParams): Draws {
  if (!Number.isInteger(p.depth) || p.depth < 1 || p.depth > MAX_DEPTH) {
    throw new CalcError('bad-parameter', 'depth', `must be a whole number from 1 to ${MAX_DEPTH}, got ${String(p.depth)}`);
  }
  const rng = new Rng(p.seed);
  const wStd = initStd(p.init);
  const weights: Float64Array[] = [];
  for (let l = 0; l < p.depth; l += 1) weights.push(rng.normals(WIDTH * WIDTH, wStd));
  const input = rng.normals(BATCH * WIDTH);
  const direction = rng.normals(BATCH * WIDTH);
  for (let b = 0; b < BATCH; b += 1) {
    let sq = 0;
    for (let i = 0; i < WIDTH; i += 1) sq += direction[b * WIDTH + i]! * direction[b * WIDTH + i]!;
    const norm = Math.sqrt(sq);
    for (let i = 0; i < WIDTH; i += 1) direction[b * WIDTH + i]! /= norm;
  }
  return { weights, input, direction };
}

interface Forward {
  /** h_0 … h_depth. */
  readonly hs: Float64Array[];
  /** Pre-activations after BN (x̂) or without it (z), per layer. */
  readonly pre: Float64Array[];
  /** BN's σ per feature and layer (1 without BN). */
  readonly sigmas: Float64Array[];
}

function forward(p: SignalParams, weights: readonly Float64Array[], input: Float64Array): Forward {
  const W = WIDTH;
  const B = BATCH;
  const act = ACTIVATIONS[p.activation];
  let h = input;
  const hs = [h];
  const pre: Float64Array[] = [];
  const sigmas: Float64Array[] = [];
  for (let l = 0; l < p.depth; l += 1) {
    const w = weights[l]!;
    const z = new Float64Array(B * W);
    for (let b = 0; b < B; b += 1) {
      for (let i = 0; i < W; i += 1) {
        let sum = 0;
        for (let j = 0; j < W; j += 1) sum += w[i * W + j]! * h[b * W + j]!;
        z[b * W + i] = sum;
      }
    }
    const sigma = new Float64Array(W).fill(1);
    if (p.bn) {
      for (let i = 0; i < W; i += 1) {
        let mean = 0;
        for (let b = 0; b < B; b += 1) mean += z[b * W + i]!;
        mean /= B;
        let v = 0;
        for (let b = 0; b < B; b += 1) {
          const d = z[b * W + i]! - mean;
          v += d * d;
        }
        sigma[i] = Math.sqrt(v / B + BN_EPS);
        for (let b = 0; b < B; b += 1) z[b * W + i] = (z[b * W + i]! - mean) / sigma[i]!;
      }
    }
    const next = new Float64Array(B * W);
    for (let n = 0; n < B * W; n += 1) next[n] = (p.shortcut === 'residual' ? h[n]! : 0) + act.f(z[n]!);
    pre.push(z);
    sigmas.push(sigma);
    h = next;
    hs.push(h);
  }
  return { hs, pre, sigmas };
}

/** L = Σ_b ⟨u_b, h_L,b⟩ for another input batch (same weights and u): for gradient checks. */
export function lossAt(p: SignalParams, input: Float64Array): number {
  const { weights, direction } = draw(p);
  const top = forward(p, weights, input).hs[p.depth]!;
  let loss = 0;
  for (let n = 0; n < top.length; n += 1) loss += direction[n]! * top[n]!;
  return loss;
}

export interface SignalDetail extends SignalResult {
  /** The seeded input batch (BATCH × WIDTH, row-major) and ∂L/∂h_0 on it. */
  readonly input: Float64Array;
  readonly inputGradient: Float64Array;
}

export function propagate(p: SignalParams): SignalDetail {
  const W = WIDTH;
  const B = BATCH;
  const act = ACTIVATIONS[p.activation];
  const { weights, input, direction } = draw(p);
  const { hs, pre, sigmas } = forward(p, weights, input);
  const forwardStd = hs.map(std);

  let g = Float64Array.from(direction);
  const gradNorm = new Array<number>(p.depth + 1);
  gradNorm[p.depth] = rmsRowNorm(g, B);
  for (let l = p.depth - 1; l >= 0; l -= 1) {
    const z = pre[l]!;
    const gz = new Float64Array(B * W);
    for (let n = 0; n < B * W; n += 1) gz[n] = g[n]! * act.df(z[n]!);
    if (p.bn) {
      // Through x̂ = (z − μ)/σ with batch statistics: (ĝ − mean ĝ − x̂·mean(ĝ x̂)) / σ, per feature.
      const sigma = sigmas[l]!;
      for (let i = 0; i < W; i += 1) {
        let mg = 0;
        let mgx = 0;
        for (let b = 0; b < B; b += 1) {
          mg += gz[b * W + i]!;
          mgx += gz[b * W + i]! * z[b * W + i]!;
        }
        mg /= B;
        mgx /= B;
        for (let b = 0; b < B; b += 1) gz[b * W + i] = (gz[b * W + i]! - mg - z[b * W + i]! * mgx) / sigma[i]!;
      }
    }
    const w = weights[l]!;
    const below = new Float64Array(B * W);
    for (let b = 0; b < B; b += 1) {
      for (let i = 0; i < W; i += 1) {
        const gv = gz[b * W + i]!;
        if (gv === 0) continue;
        for (let j = 0; j < W; j += 1) below[b * W + j]! += gv * w[i * W + j]!;
      }
    }
    if (p.shortcut === 'residual') for (let n = 0; n < B * W; n += 1) below[n]! += g[n]!;
    g = below;
    gradNorm[l] = rmsRowNorm(g, B);
  }
  if (![...forwardStd, ...gradNorm].every(Number.isFinite)) {
    throw new CalcError('too-large', 'depth', 'the signal leaves the range of floating-point numbers; use fewer layers');
  }
  return { forwardStd, gradNorm, ratio: gradNorm[0]! / gradNorm[p.depth]!, input, inputGradient: g };
}
