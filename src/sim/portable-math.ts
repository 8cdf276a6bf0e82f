/**
 * exp, log, tanh and the sine and cosine of a turn, from +, −, ×, ÷ and the exponent bits only,
 * so they round the same in every JavaScript engine. Math.exp/log/sin/cos/tanh are not specified
 * to the last bit, and engines differ: Node 22 and Chromium 156 disagree on all five for most
 * arguments (tests/sim/portable-math.test.ts), and a 200-layer stack amplifies one-ulp
 * differences into visibly different curves. The seeded simulations use these, so the page
 * the server renders is exactly what a reader's browser computes. Accuracy: within a few ulps
 * of the true value (polynomials to below 1e-17 on the reduced range).
 */

const LN2_HI = 6.93147180369123816490e-1; // ln 2, high bits (exact times any k < 2^20)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;

const bits = new DataView(new ArrayBuffer(8));

/** 2^k for whole k in the normal range [−1022, 1023], exactly. */
function pow2(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** Taylor series of eʳ for |r| ≤ ln2/2 (the 14th term is below 1e-17). */
function expReduced(r: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 14; n += 1) {
    term = (term * r) / n;
    sum += term;
  }
  return sum;
}

export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  const e = expReduced(r);
  // Split the scaling so a subnormal result is reached in two exact steps.
  return k < -1021 ? e * pow2(k + 1000) * pow2(-1000) : k > 1023 ? e * pow2(k - 1) * 2 : e * pow2(k);
}

export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let scale = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: subnormals into the normal range
    scale = -54;
  }
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  let e = (hi >>> 20) - 1023 + scale;
  // Mantissa m in [1, 2), then into [√½, √2) so (m − 1)/(m + 1) stays small.
  bits.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2·atanh(f), f = (m − 1)/(m + 1), |f| ≤ 0.172: odd powers to f²³.
  const f = (m - 1) / (m + 1);
  const f2 = f * f;
  let power = f;
  let sum = 0;
  for (let n = 1; n <= 23; n += 2) {
    sum += power / n;
    power *= f2;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}

export function tanh(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 22) return 1;
  if (x < -22) return -1;
  const a = Math.abs(x);
  let t: number;
  if (a < 0.5) {
    // Near 0, (e^{2a} − 1)/(e^{2a} + 1) loses digits: tanh a = a − a³/3 + 2a⁵/15 − … via e^{2a} − 1 by series.
    let term = 1;
    let em1 = 0;
    for (let n = 1; n <= 22; n += 1) {
      term = (term * 2 * a) / n;
      em1 += term;
    }
    t = em1 / (em1 + 2);
  } else {
    const e2 = exp(2 * a);
    t = (e2 - 1) / (e2 + 1);
  }
  return x < 0 ? -t : t;
}

/** sin and cos of x ∈ [−π/4, π/4] by Taylor series (terms to x¹⁹ and x¹⁸). */
function sinCosReduced(x: number): [number, number] {
  const x2 = x * x;
  let s = x;
  let c = 1;
  let termS = x;
  let termC = 1;
  for (let n = 1; n <= 9; n += 1) {
    termS = (-termS * x2) / ((2 * n) * (2 * n + 1));
    termC = (-termC * x2) / ((2 * n - 1) * (2 * n));
    s += termS;
    c += termC;
  }
  return [s, c];
}

/** [sin 2πu, cos 2πu] for u in [0, 1): quarter turns split off exactly, then a short series. */
export function sinCosTurn(u: number): [number, number] {
  const quarters = u * 4; // exact: a power of two
  const q = Math.floor(quarters);
  let frac = quarters - q; // exact, in [0, 1)
  let swap = false;
  if (frac > 0.5) {
    frac = 1 - frac; // exact (Sterbenz)
    swap = true;
  }
  const [s0, c0] = sinCosReduced(frac * (Math.PI / 2));
  // Within the quarter: angle a or π/2 − a.
  const [s, c] = swap ? [c0, s0] : [s0, c0];
  switch (q & 3) {
    case 0:
      return [s, c];
    // 0 − x, not −x: no negative zero at the quarter turns.
    case 1:
      return [c, 0 - s];
    case 2:
      return [0 - s, 0 - c];
    default:
      return [0 - c, s];
  }
}
