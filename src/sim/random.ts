/**
 * A seeded pseudo-random stream: mulberry32 (Tommy Ettinger's 32-bit generator) for uniforms,
 * Box–Muller for normals. Same seed, same numbers on the server and in every browser, so the
 * page's server-rendered result is exactly what the live widget computes: the logarithm, sine
 * and cosine are portable-math.ts's, which round alike in every engine (Math's do not).
 */
import { log, sinCosTurn } from './portable-math';

export class Rng {
  private state: number;
  /** Second normal of the last Box–Muller pair, used on the next call. */
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal N(0, 1). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    // 1 − u keeps the logarithm's argument in (0, 1].
    const r = Math.sqrt(-2 * log(1 - this.uniform()));
    const [sin, cos] = sinCosTurn(this.uniform());
    this.spare = r * sin;
    return r * cos;
  }

  /** `n` normals N(0, std²). */
  normals(n: number, std = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i += 1) out[i] = std * this.normal();
    return out;
  }
}
