/** Numbers that span hundreds of orders of magnitude, printed for prose: 3.2×10⁻⁴⁰, 0.457, 12.3. */

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

export function superscript(n: number): string {
  return String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
}

/** `significant` digits; scientific below 0.001 and from 10,000 up. Never prints NaN or Infinity. */
export function formatSci(x: number, significant = 2): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot format ${String(x)}`);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (abs >= 1e-3 && abs < 1e4) return sign + String(Number(abs.toPrecision(significant)));
  const [mantissa, exponent] = abs.toExponential(significant - 1).split('e') as [string, string];
  const m = String(Number(mantissa));
  return `${sign}${m === '1' ? '' : `${m}×`}10${superscript(Number(exponent))}`;
}
