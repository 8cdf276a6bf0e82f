/** How the site prints numbers: one place, so every page agrees. */
import { CalcError } from './errors';
import type { LayerWindow, Shape } from './types';

function finite(n: number, fn: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new CalcError('bad-parameter', fn, `cannot format ${String(n)}`);
  return n;
}

/** Exact count with comma grouping: 138357544 → "138,357,544". */
export function formatCount(n: number): string {
  const x = Math.round(finite(n, 'formatCount'));
  const digits = Math.abs(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return x < 0 ? `−${digits}` : digits;
}

const UNITS = [
  { value: 1e3, suffix: 'k' },
  { value: 1e6, suffix: 'M' },
  { value: 1e9, suffix: 'G' },
  { value: 1e12, suffix: 'T' },
] as const;

function precise(x: number, significant: number): string {
  const text = x.toPrecision(significant);
  // toPrecision switches to exponent form when the integer part has more digits than asked for.
  return text.includes('e') ? String(Number(text)) : text;
}

/**
 * Compact form with `significant` digits and an SI suffix: 138357544 → "138.4 M",
 * 15470264320 → "15.47 G". Below 1000 the number itself (integers exactly).
 */
export function formatCompact(n: number, significant = 4): string {
  const x = finite(n, 'formatCompact');
  if (!Number.isInteger(significant) || significant < 1 || significant > 15) {
    throw new CalcError('bad-parameter', 'formatCompact', `significant digits must be 1…15, got ${significant}`);
  }
  const abs = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  let i = UNITS.findLastIndex((u) => abs >= u.value);
  if (i === -1) return sign + (Number.isInteger(abs) ? String(abs) : String(Number(precise(abs, significant))));
  let text = precise(abs / UNITS[i]!.value, significant);
  // Rounding can carry into the next unit (999,960 → "1000 k"): print it with the bigger unit.
  if (Number(text) >= 1000 && i < UNITS.length - 1) {
    i += 1;
    text = precise(abs / UNITS[i]!.value, significant);
  }
  return `${sign}${text} ${UNITS[i]!.suffix}`;
}

/** [64, 112, 112] → "64×112×112". */
export function formatShape(shape: Shape): string {
  return shape.map((d) => String(d)).join('×');
}

/** [3, 3] → "3×3"; [3, 5] → "3×5". */
export function formatPair(p: readonly [number, number]): string {
  return `${p[0]}×${p[1]}`;
}

/** How many times `a` is `b`, with `digits` after the point: "1.50×"; "—" when `b` is 0. */
export function formatRatio(a: number, b: number, digits = 2): string {
  return b === 0 ? '—' : `${(a / b).toFixed(digits)}×`;
}

/** A window's kernel as the tables print it, both axes even when square ("3×3"); "" for a row without one. */
export function formatKernel(w: LayerWindow | null): string {
  return w === null ? '' : `${w.kernel[0]}×${w.kernel[1]}`;
}

/** Bytes → "12.3 MiB" / "1.23 GiB" (binary units, as memory is reported by frameworks). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new CalcError('bad-parameter', 'formatBytes', `cannot format ${String(bytes)}`);
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let x = bytes;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i += 1;
  }
  return i === 0 ? `${x} B` : `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ${units[i]}`;
}
