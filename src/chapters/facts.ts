/**
 * Figures quoted in prose, always computed by the calc core (a number typed into a chapter
 * is a bug).
 */
import { formatCompact, formatCount, formatPair, type Analysis } from '../calc/index';

// The memoised analyses live with the models (src/models/analysis.ts); re-exported for chapters.
export { analysisOf } from '../models/analysis';

export type Fact = 'params' | 'macs' | 'flops' | 'gflops' | 'rf' | 'stride' | 'output';

/** One figure about a network, formatted for prose. */
export function fact(a: Analysis, of: Fact, compact = false): string {
  const count = (n: number) => (compact ? formatCompact(n) : formatCount(n));
  switch (of) {
    case 'params':
      return count(a.params.total);
    case 'macs':
      return count(a.macs);
    case 'flops':
      return count(2 * a.macs);
    case 'gflops':
      // torchvision's "GFLOPS" column is MACs / 1e9, printed with three decimals.
      return (a.macs / 1e9).toFixed(3);
    case 'rf':
      return formatPair(a.receptiveField.size);
    case 'stride':
      return String(a.receptiveField.stride[0]);
    case 'output':
      return a.output.join('×');
  }
}

/** Sum of params and MACs over the rows a predicate picks (e.g. the classifier). */
export function sumRows(a: Analysis, pick: (row: Analysis['rows'][number]) => boolean) {
  let params = 0;
  let macs = 0;
  for (const row of a.rows) {
    if (row.kind === 'block' || !pick(row)) continue;
    params += row.params.total;
    macs += row.macs;
  }
  return { params, macs };
}

/** The row with a paper label ("conv5_3", "fc6") or module name ("features.28"). */
export function rowOf(a: Analysis, labelOrName: string): Analysis['rows'][number] {
  const row = a.rows.find((r) => r.label === labelOrName || r.name === labelOrName);
  if (!row) throw new Error(`${a.network} has no layer "${labelOrName}"`);
  return row;
}

/** "12.3%": a part of a whole, for prose. */
export function percent(part: number, whole: number, digits = 1): string {
  return `${((100 * part) / whole).toFixed(digits)}%`;
}
