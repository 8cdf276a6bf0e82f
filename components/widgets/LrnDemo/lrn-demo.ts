/**
 * "Local response normalisation" cell: the channel activations a⁰…a^{N−1} at one pixel, the
 * paper's n, k, α, β, and the normalised b^i = a^i / (k + α·Σ_j (a^j)²)^β (Krizhevsky et al.
 * 2012, §3.3), with Caffe's/PyTorch's α/n as an option. A widget definition (a list field,
 * decimal fields, an odd window): pure, so the same code renders on the server, in the
 * browser and in the tests.
 */
import { CalcError, formatCount, isCalcError } from '../../../src/calc/index';
import { decimalField, listField, steppedField } from '../../../src/widget/number-fields';
import { int, type FieldDef } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { WidgetDef } from '../../../src/widget/widget';

export type LrnConvention = 'paper' | 'caffe';

export type LrnValues = {
  /** Activations of N adjacent channels at one (x, y), after ReLU. */
  readonly acts: readonly number[];
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
  /** Which channel's derivation to show (0-based, like the paper's i). */
  readonly channel: number;
  readonly convention: LrnConvention;
};

export type LrnField = keyof LrnValues;

export const lrnLabels = {
  acts: 'Activations a⁰, a¹, … (after ReLU)',
  n: 'Window n (channels)',
  k: 'k',
  alpha: 'α',
  beta: 'β',
  channel: 'Show channel i',
  convention: 'α as used by',
  'convention.paper': 'the paper: α',
  'convention.caffe': 'Caffe / PyTorch: α/n',
  reset: 'Reset',
  derivation: 'Channel i, step by step',
  table: 'Every channel',
  channelCol: 'i',
  before: 'a (before)',
  window: 'window',
  sum: 'Σ a²',
  denominator: '(k + α·Σ)^β',
  after: 'b (after)',
  gain: 'b / a',
  'hint.acts': '1–{maxItems} numbers ≥ 0, separated by commas',
  'hint.n': 'odd, 1–15',
  'hint.alpha': '0–10, e.g. 1e-4',
  windowStep: 'window',
  alphaUsed: 'α used',
  derivationOf: '(i = {i})',
  caption:
    'Bars: each column scaled to its own largest value, so the shapes compare the pattern before and after. k = {k}, α = {alpha}, β = {beta}, n = {n}; ◀ marks channel i.',
  summary: 'Channel {i}: {a} → {b} (÷ {d}, Σa² over channels {range} = {sum}).',
  // The widget's own messages: field rules worded for LRN, and what computeLrn rejects.
  'msg.noActs': 'Enter at least one activation.',
  'msg.tooMany': 'At most {max} channels.',
  'msg.negative': 'Entry {n} is negative; activations after ReLU are never below 0.',
  'msg.odd': 'Must be odd, so the window is centred on channel i.',
  'msg.noChannel': 'There are {n} channels, so i goes from 0 to {last}.',
  'msg.zero': 'k + α·Σ is 0 for channel {i}, a division by 0; make k positive.',
  'msg.range': 'The denominator leaves the range of numbers; use smaller values.',
};

export type LrnLabels = typeof lrnLabels;

/** A core-typed error whose problem is already in the page's language, blamed on `field`. */
const lrnError = (code: 'bad-parameter' | 'too-large', field: LrnField, problem: string) =>
  Object.assign(new CalcError(code, '', problem, field), { localized: true });

/** The paper's constants (§3.3) on an example pixel: channel 3 sits next to a strong channel 2. */
export const lrnDefaults: LrnValues = {
  acts: [30, 40, 220, 40, 30, 30, 40, 30, 40, 30],
  n: 5,
  k: 2,
  alpha: 1e-4,
  beta: 0.75,
  channel: 3,
  convention: 'paper',
};

export const MAX_CHANNELS = 16;
export const MAX_ACTIVATION = 10_000;

/** What each field accepts (src/widget/fields.ts); n is odd: 1, 3, … 15. */
export const lrnFields = {
  acts: listField({
    item: decimalField({ min: 0, max: MAX_ACTIVATION }),
    maxItems: MAX_CHANNELS,
    maxLength: 200,
    messages: { listEmpty: 'msg.noActs', listTooMany: 'msg.tooMany', 'entry.atLeast': 'msg.negative' },
  }),
  n: steppedField({ min: 1, max: 15, step: 2, messages: { step: 'msg.odd' } }),
  k: decimalField({ min: 0, max: 1000 }),
  alpha: decimalField({ min: 0, max: 10 }),
  beta: decimalField({ min: 0, max: 10 }),
  channel: int(0, MAX_CHANNELS - 1),
  convention: { kind: 'choice', options: ['paper', 'caffe'] },
} as const satisfies Record<LrnField, FieldDef>;

export interface LrnRow {
  readonly i: number;
  readonly a: number;
  /** First and last channel of the window (inclusive, clipped at the edges). */
  readonly from: number;
  readonly to: number;
  readonly sum: number;
  readonly denominator: number;
  readonly b: number;
}

export interface LrnResult {
  readonly rows: readonly LrnRow[];
  /** α as it enters the formula: α (paper) or α/n (Caffe, PyTorch). */
  readonly alphaUsed: number;
}

/**
 * b^i = a^i / (k + α' Σ_{j=max(0, i−⌊n/2⌋)}^{min(N−1, i+⌊n/2⌋)} (a^j)²)^β, α' = α or α/n.
 * Throws CalcError (never returns NaN) when the chosen channel does not exist or a denominator is 0.
 */
export function computeLrn(v: LrnValues, l: LrnLabels = import.meta.env.SSR ? lrnLabels : ({} as LrnLabels)): LrnResult {
  const N = v.acts.length;
  if (N === 0) throw lrnError('bad-parameter', 'acts', l['msg.noActs']);
  if (v.channel > N - 1) throw lrnError('bad-parameter', 'channel', fill(l['msg.noChannel'], { n: N, last: N - 1 }));
  const half = Math.floor(v.n / 2);
  const alphaUsed = v.convention === 'caffe' ? v.alpha / v.n : v.alpha;
  const rows = v.acts.map((a, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(N - 1, i + half);
    let sum = 0;
    for (let j = from; j <= to; j += 1) sum += v.acts[j]! * v.acts[j]!;
    const denominator = Math.pow(v.k + alphaUsed * sum, v.beta);
    if (denominator === 0) {
      throw lrnError('bad-parameter', 'k', fill(l['msg.zero'], { i }));
    }
    const b = a / denominator;
    if (!Number.isFinite(b) || !Number.isFinite(denominator)) {
      throw lrnError('too-large', 'acts', l['msg.range']);
    }
    return { i, a, from, to, sum, denominator, b };
  });
  return { rows, alphaUsed };
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A decimal for the derivation: 4 significant digits, thousands grouped, tiny ones as a×10⁻ⁿ. */
export function formatDecimal(x: number, significant = 4): string {
  if (!Number.isFinite(x)) throw new CalcError('bad-parameter', 'formatDecimal', `cannot format ${String(x)}`);
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return formatCount(x);
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e15) {
    const [mantissa, exponent] = x.toExponential(significant - 1).split('e') as [string, string];
    const m = String(Number(mantissa));
    const exp = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
    return `${m === '1' ? '' : `${m}×`}10${exp}`.replace(/^-/, '−');
  }
  const text = String(Number(x.toPrecision(significant)));
  const [int, frac] = text.split('.') as [string, string | undefined];
  const grouped = Number(int) >= 1e3 || Number(int) <= -1e3 ? formatCount(Number(int)) : int.replace(/^-/, '−');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

const range = (r: LrnRow) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`);

/** CSS bar whose width is a share of the column's maximum (drawn without JavaScript). */
function bar(value: number, max: number, cls: string): string {
  const pct = max === 0 ? 0 : (100 * value) / max;
  return `<span class="lrn-bar ${cls}" style="width:${(pct * 0.045).toFixed(2)}rem" aria-hidden="true"></span>`;
}

export function lrnSummary(v: LrnValues, l: LrnLabels = import.meta.env.SSR ? lrnLabels : ({} as LrnLabels)): string {
  const { rows } = computeLrn(v, l);
  const r = rows[v.channel]!;
  const numbers = { a: formatDecimal(r.a), b: formatDecimal(r.b), d: formatDecimal(r.denominator), sum: formatDecimal(r.sum) };
  return fill(l.summary, { i: r.i, range: range(r), ...numbers });
}

export function renderLrn(v: LrnValues, l: LrnLabels): string {
  const { rows, alphaUsed } = computeLrn(v, l);
  const r = rows[v.channel]!;
  const terms = v.acts.slice(r.from, r.to + 1);
  const alphaText = v.convention === 'caffe' ? `${formatDecimal(v.alpha)}/${v.n} = ${formatDecimal(alphaUsed)}` : formatDecimal(alphaUsed);
  const steps = [
    `<li>${e(l.windowStep)}: <var>j</var> = max(0, ${r.i} − ${Math.floor(v.n / 2)}) … min(${v.acts.length - 1}, ${r.i} + ${Math.floor(v.n / 2)}) = <strong>${r.from} … ${r.to}</strong></li>`,
    `<li>Σ (a<sup>j</sup>)² = ${terms.map((a) => `${formatDecimal(a)}²`).join(' + ')} = <strong>${formatDecimal(r.sum)}</strong></li>`,
    `<li>${e(l.alphaUsed)} = ${alphaText}</li>`,
    `<li>(k + α·Σ)<sup>β</sup> = (${formatDecimal(v.k)} + ${formatDecimal(alphaUsed)}·${formatDecimal(r.sum)})<sup>${formatDecimal(v.beta)}</sup> = ${formatDecimal(v.k + alphaUsed * r.sum)}<sup>${formatDecimal(v.beta)}</sup> = <strong>${formatDecimal(r.denominator)}</strong></li>`,
    `<li>b<sup>${r.i}</sup> = a<sup>${r.i}</sup> / ${formatDecimal(r.denominator)} = ${formatDecimal(r.a)} / ${formatDecimal(r.denominator)} = <strong>${formatDecimal(r.b)}</strong></li>`,
  ];
  const maxA = Math.max(...rows.map((x) => x.a));
  const maxB = Math.max(...rows.map((x) => x.b));
  const body = rows.map((x) => {
    const mark = x.i === v.channel ? ' ◀' : '';
    return [
      `${x.i}${mark}`,
      `${bar(x.a, maxA, 'lrn-a')} ${formatDecimal(x.a)}`,
      `${bar(x.b, maxB, 'lrn-b')} ${formatDecimal(x.b)}`,
      x.a === 0 ? '—' : formatDecimal(x.b / x.a, 3),
      range(x),
      formatDecimal(x.sum),
      formatDecimal(x.denominator),
    ];
  });
  return [
    `<h4>${e(l.derivation)} ${e(fill(l.derivationOf, { i: r.i }))}</h4><ol class="nb-derivation">${steps.join('')}</ol>`,
    `<h4>${e(l.table)}</h4>`,
    htmlTable([e(l.channelCol), e(l.before), e(l.after), e(l.gain), e(l.window), e(l.sum), e(l.denominator)], body, {
      caption: fill(l.caption, { k: formatDecimal(v.k), alpha: alphaText, beta: formatDecimal(v.beta), n: v.n }),
    }),
  ].join('');
}

/** Which field to mark when computeLrn rejects a combination: the one its error names. */
export function lrnBlame(error: unknown): LrnField | undefined {
  if (!isCalcError(error)) return undefined;
  const field = error.field;
  return field === 'acts' || field === 'k' || field === 'channel' ? field : undefined;
}

export const lrnDemo: WidgetDef<LrnValues, LrnLabels> = {
  name: 'lrn-demo',
  fields: lrnFields,
  defaults: lrnDefaults,
  // English labels on the server only: the browser renders with the labels the server wrote
  // into data-labels (Cell.astro), so no script bundle carries them.
  labels: import.meta.env.SSR ? lrnLabels : ({} as LrnLabels),
  summary: lrnSummary,
  render: renderLrn,
  blame: lrnBlame,
};
