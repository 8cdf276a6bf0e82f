/**
 * "Local response normalisation" cell: the channel activations a⁰…a^{N−1} at one pixel, the
 * paper's n, k, α, β, and the normalised b^i = a^i / (k + α·Σ_j (a^j)²)^β (Krizhevsky et al.
 * 2012, §3.3), with Caffe's/PyTorch's α/n as an option. Pure: the same code renders on the
 * server, in the browser and in the tests.
 *
 * Its fields are not all whole numbers (a list of decimals, decimal k, α, β), so the widget has
 * its own parsers with the contract of src/widget/fields.ts: plain-text messages that never echo
 * the input, no NaN or Infinity ever accepted.
 */
import { CalcError, formatCount, isCalcError } from '../../../src/calc/index';
import { parseChoice, parseInteger, type FieldResult } from '../../../src/widget/fields';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { message } from '../../../src/widget/messages';
import { fill } from '../../../src/widget/template';

export type LrnConvention = 'paper' | 'caffe';

export interface LrnValues {
  /** Activations of N adjacent channels at one (x, y), after ReLU. */
  readonly acts: readonly number[];
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
  /** Which channel's derivation to show (0-based, like the paper's i). */
  readonly channel: number;
  readonly convention: LrnConvention;
}

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
  'hint.acts': '1–{max} numbers ≥ 0, separated by commas',
  'hint.n': 'odd, 1–15',
  'hint.alpha': '0–10, e.g. 1e-4',
  windowStep: 'window',
  alphaUsed: 'α used',
  derivationOf: '(i = {i})',
  caption:
    'Bars: each column scaled to its own largest value, so the shapes compare the pattern before and after. k = {k}, α = {alpha}, β = {beta}, n = {n}; ◀ marks channel i.',
  summary: 'Channel {i}: {a} → {b} (÷ {d}, Σa² over channels {range} = {sum}).',
  failed: 'These values cannot be computed.',
};

/**
 * The widget's own input and computation messages (English); a Chinese page hands the browser
 * its table (labels.zh-cn.ts) through `data-messages`, like the field rules' messages.
 */
export const LRN_MESSAGES = {
  'lrn.comma': 'Use a point for decimals, like 0.75.',
  'lrn.decimal': 'Enter a number, like 0.75 or 1e-4.',
  'lrn.noActs': 'Enter at least one activation.',
  'lrn.emptyEntry': 'Remove the empty entry between two commas.',
  'lrn.tooMany': 'At most {max} channels.',
  'lrn.negative': 'Entry {n} is negative; activations after ReLU are never below 0.',
  'lrn.entry': 'Entry {n}: {message}',
  'lrn.odd': 'Must be odd, so the window is centred on channel i.',
  'lrn.computeNoActs': 'enter at least one activation',
  'lrn.noChannel': 'there are {n} channels, so i goes from 0 to {last}',
  'lrn.zero': 'k + α·Σ is 0 for channel {i}, a division by 0; make k positive',
  'lrn.range': 'the denominator leaves the range of numbers; use smaller values',
};
const say = (key: keyof typeof LRN_MESSAGES, vars: Record<string, string | number> = {}) => message(key, vars, undefined, LRN_MESSAGES);
/** A core-typed error whose problem is already in the page's language. */
const lrnError = (code: 'bad-parameter' | 'too-large', layer: string, problem: string) =>
  Object.assign(new CalcError(code, layer, problem), { localized: true });
export type LrnLabels = typeof lrnLabels;

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

/** What each field accepts; `hint` is shown under the field. */
export const lrnFieldSpecs = {
  acts: { kind: 'list', hint: `1–${MAX_CHANNELS} numbers ≥ 0, separated by commas` },
  n: { kind: 'int', min: 1, max: 15, hint: 'odd, 1–15' },
  k: { kind: 'decimal', min: 0, max: 1000, hint: '0–1000' },
  alpha: { kind: 'decimal', min: 0, max: 10, hint: '0–10, e.g. 1e-4' },
  beta: { kind: 'decimal', min: 0, max: 10, hint: '0–10' },
  channel: { kind: 'int', min: 0, max: MAX_CHANNELS - 1, hint: `0–${MAX_CHANNELS - 1}` },
  convention: { kind: 'choice', options: ['paper', 'caffe'] as const, hint: '' },
} as const;

// Same grammar as src/widget/fields.ts: digits, one optional point, an optional exponent.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal in [min, max]; "1e-4" and ".5" are fine, "1e309", "NaN", "0,5" and markup are not. */
export function parseDecimal(raw: string, field: { readonly min: number; readonly max: number }): FieldResult<number> {
  const text = raw.trim();
  if (text === '') return { ok: false, message: message('empty', {}) };
  if (/^[+-]?\d+,\d+$/.test(text)) return { ok: false, message: say('lrn.comma') };
  if (!NUMBER.test(text)) return { ok: false, message: say('lrn.decimal') };
  const value = Number(text);
  if (!Number.isFinite(value) || value > field.max) return { ok: false, message: message('atMost', { max: field.max }) };
  if (value < field.min) return { ok: false, message: message('atLeast', { min: field.min }) };
  return { ok: true, value: value === 0 ? 0 : value }; // no −0
}

/** "30, 40, 220" (commas and/or spaces) → [30, 40, 220]. */
export function parseActivations(raw: string): FieldResult<number[]> {
  const text = raw.trim();
  if (text === '') return { ok: false, message: say('lrn.noActs') };
  const parts = text.split(/\s*[,;\s]\s*/);
  if (parts.some((p) => p === '')) return { ok: false, message: say('lrn.emptyEntry') };
  if (parts.length > MAX_CHANNELS) return { ok: false, message: say('lrn.tooMany', { max: MAX_CHANNELS }) };
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (/^-/.test(part) && NUMBER.test(part)) {
      return { ok: false, message: say('lrn.negative', { n: i + 1 }) };
    }
    const r = parseDecimal(part, { min: 0, max: MAX_ACTIVATION });
    if (!r.ok) return { ok: false, message: say('lrn.entry', { n: i + 1, message: r.message }) };
    values.push(r.value);
  }
  return { ok: true, value: values };
}

function parseOddWindow(raw: string): FieldResult<number> {
  const r = parseInteger(raw, lrnFieldSpecs.n);
  if (!r.ok) return r;
  return r.value % 2 === 1 ? r : { ok: false, message: say('lrn.odd') };
}

/** Parses one field's raw text. */
export function parseLrnField(name: LrnField, raw: string): FieldResult<LrnValues[LrnField]> {
  switch (name) {
    case 'acts':
      return parseActivations(raw);
    case 'n':
      return parseOddWindow(raw);
    case 'k':
    case 'alpha':
    case 'beta':
      return parseDecimal(raw, lrnFieldSpecs[name]);
    case 'channel':
      return parseInteger(raw, lrnFieldSpecs.channel);
    case 'convention': {
      const r = parseChoice(raw, lrnFieldSpecs.convention);
      return r.ok ? { ok: true, value: r.value as LrnConvention } : r;
    }
  }
}

/** How a value is written into a field and the URL (the inverse of parseLrnField). */
export function formatLrnField(name: LrnField, value: LrnValues[LrnField]): string {
  return name === 'acts' ? (value as readonly number[]).join(', ') : String(value);
}

export const lrnFieldNames = Object.keys(lrnFieldSpecs) as LrnField[];

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
export function computeLrn(v: LrnValues): LrnResult {
  const N = v.acts.length;
  if (N === 0) throw lrnError('bad-parameter', 'acts', say('lrn.computeNoActs'));
  if (v.channel > N - 1) throw lrnError('bad-parameter', 'channel', say('lrn.noChannel', { n: N, last: N - 1 }));
  const half = Math.floor(v.n / 2);
  const alphaUsed = v.convention === 'caffe' ? v.alpha / v.n : v.alpha;
  const rows = v.acts.map((a, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(N - 1, i + half);
    let sum = 0;
    for (let j = from; j <= to; j += 1) sum += v.acts[j]! * v.acts[j]!;
    const denominator = Math.pow(v.k + alphaUsed * sum, v.beta);
    if (denominator === 0) {
      throw lrnError('bad-parameter', 'k', say('lrn.zero', { i }));
    }
    const b = a / denominator;
    if (!Number.isFinite(b) || !Number.isFinite(denominator)) {
      throw lrnError('too-large', 'lrn', say('lrn.range'));
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
  const { rows } = computeLrn(v);
  const r = rows[v.channel]!;
  const numbers = { a: formatDecimal(r.a), b: formatDecimal(r.b), d: formatDecimal(r.denominator), sum: formatDecimal(r.sum) };
  return fill(l.summary, { i: r.i, range: range(r), ...numbers });
}

export function renderLrn(v: LrnValues, l: LrnLabels): string {
  const { rows, alphaUsed } = computeLrn(v);
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

/** Which field to mark when computeLrn rejects a combination. */
export function lrnBlame(error: unknown): LrnField | undefined {
  if (!isCalcError(error)) return undefined;
  if (error.layer === 'channel') return 'channel';
  if (error.layer === 'k') return 'k';
  if (error.layer === 'acts' || error.layer === 'lrn') return 'acts';
  return undefined;
}
