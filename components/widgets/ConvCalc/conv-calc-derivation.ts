/**
 * What the convolution calculator shows: the output size with the reader's numbers substituted
 * (floor, TF/Keras "same", pooling's ceil_mode and its last-window rule), then parameters and MACs
 * step by step, then the result table. Pure formatting of a computed ConvCalcResult.
 */
import { formatCompact, formatCount } from '../../../src/calc/index';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { AxisResult, ConvCalcLabels, ConvCalcResult, ConvCalcValues } from './conv-calc';

const sub = (name: string, i = '') => `<var>${name}</var>${i ? `<sub>${i}</sub>` : ''}`;

function sizeSteps(v: ConvCalcValues, a: AxisResult, kEff: number, name: 'H' | 'W', l: ConvCalcLabels): string[] {
  const out = sub(name, 'out');
  const L = sub(name);
  const ceil = v.rounding === 'ceil';
  const open = ceil ? '⌈' : '⌊';
  const close = ceil ? '⌉' : '⌋';
  const span = a.size + a.before + a.after - kEff;
  const steps: string[] = [];
  if (v.pad === 'same') {
    const target = Math.ceil(a.size / v.s);
    const total = a.before + a.after;
    steps.push(fill(l.sameStep, { out, L, s: sub('s'), size: a.size, stride: v.s, target, kEff, total, before: a.before, after: a.after }));
  }
  const padText = a.before === a.after ? `2·${a.before}` : `${a.before} + ${a.after}`;
  const padSym = v.pad === 'same' ? `${sub('p', 'b')} + ${sub('p', 'a')}` : `2${sub('p')}`;
  const raw = ceil ? Math.ceil(span / v.s) : Math.floor(span / v.s);
  steps.push(
    `${out} = ${open}(${L} + ${padSym} − ${sub('k', 'eff')})/${sub('s')}${close} + 1 = ${open}(${a.size} + ${padText} − ${kEff})/${v.s}${close} + 1 = ${open}${span}/${v.s}${close} + 1 = ${raw} + 1 = ${
      ceil && a.dropped ? raw + 1 : `<strong>${a.out}</strong>`
    }`,
  );
  if (ceil && a.ceilRaw !== undefined) {
    const start = (a.ceilRaw - 1) * v.s;
    const limit = a.size + a.before;
    const vars = { n: a.ceilRaw, stride: v.s, start, L, pb: sub('p', 'b'), limit, out, result: a.out };
    steps.push(fill(a.dropped ? l.dropped : l.kept, vars));
  }
  return steps;
}

/** "70.28 M" → "70.28&nbsp;M": a unit never wraps away from its number. */
function nbsp(text: string): string {
  return text.replace(/ /g, '&nbsp;');
}

function li(items: readonly string[]): string {
  return items.map((x) => `<li>${x}</li>`).join('');
}

/** The cell's output HTML for values `v` and their computed result `r`. */
export function renderConvCalc(v: ConvCalcValues, r: ConvCalcResult, l: ConvCalcLabels): string {
  const pool = v.layer === 'maxpool';
  const sizeList = [
    `${sub('k', 'eff')} = ${sub('d')}(${sub('k')} − 1) + 1 = ${v.d}·(${v.k} − 1) + 1 = ${r.kEff}`,
    ...sizeSteps(v, r.h, r.kEff, 'H', l),
    ...sizeSteps(v, r.w, r.kEff, 'W', l),
  ];
  const parts = [`<h4>${e(l.size)}</h4><ol class="nb-derivation">${li(sizeList)}</ol>`];
  const shape = `${r.outChannels}×${r.h.out}×${r.w.out}`;
  if (pool) {
    parts.push(`<p class="cc-note">${e(fill(l.poolNote, { cin: v.cin }))}</p>`);
    parts.push(htmlTable([e(l.result), ''], [[e(l.outputShape), shape], [e(l.params), '0'], [e(l.macs), '0']]));
    return parts.join('');
  }
  const perGroup = v.cin / v.groups;
  const weights = `${sub('C', 'out')}·(${sub('C', 'in')}/${sub('g')})·${sub('k')}² = ${v.cout}·(${v.cin}/${v.groups})·${v.k}·${v.k} = ${v.cout}·${perGroup}·${v.k * v.k} = ${formatCount(r.params.weights)}`;
  const biases = v.bias === 'yes' ? `${e(l.biases)} = ${sub('C', 'out')} = ${formatCount(r.params.biases)}` : e(l.noBias);
  const paramList = [
    `${e(l.weights)} = ${weights}`,
    biases,
    `${e(l.total)} = ${formatCount(r.params.weights)} + ${formatCount(r.params.biases)} = <strong>${formatCount(r.params.total)}</strong>`,
  ];
  if (v.groups > 1) {
    const dense = v.cout * v.cin * v.k * v.k;
    paramList.push(
      (v.groups === v.cin ? e(l.depthwise) : '') + e(fill(l.groupNote, { per: perGroup, cin: v.cin, g: v.groups, dense: formatCount(dense) })),
    );
  }
  const positions = r.h.out * r.w.out;
  const macList = [
    `MACs = ${sub('H', 'out')}·${sub('W', 'out')}·${sub('C', 'out')}·(${sub('C', 'in')}/${sub('g')})·${sub('k')}² = ${r.h.out}·${r.w.out}·${v.cout}·${perGroup}·${v.k * v.k} = <strong>${formatCount(r.macs)}</strong>`,
    e(fill(l.macsIsWeights, { weights: formatCount(r.params.weights), positions: formatCount(positions) })),
    e(fill(l.flopsStep, { macs: formatCount(r.macs), flops: formatCount(2 * r.macs) })),
  ];
  parts.push(`<h4>${e(l.params)}</h4><ol class="nb-derivation">${li(paramList)}</ol>`);
  parts.push(`<h4>${e(l.macs)}</h4><ol class="nb-derivation">${li(macList)}</ol>`);
  parts.push(
    htmlTable(
      [e(l.result), ''],
      [
        [e(l.outputShape), shape],
        [e(l.params), formatCount(r.params.total)],
        [e(l.macs), `${formatCount(r.macs)} (${nbsp(formatCompact(r.macs))})`],
        [e(l.flops), `${formatCount(2 * r.macs)} (${nbsp(formatCompact(2 * r.macs))})`],
        [e(l.gflops), (r.macs / 1e9).toFixed(3)],
      ],
    ),
  );
  return parts.join('');
}
