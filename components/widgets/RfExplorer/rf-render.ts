/**
 * What the receptive-field explorer draws and tabulates for one state: the input grid with the
 * chosen unit's region, the clickable output map, and the forward/backward recursion tables.
 * Pure HTML/SVG strings, shared by the server render and the browser's.
 */
import type { RfTable } from '../../../src/calc/index';
import { escapeHtml as e, htmlTable } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { RfLabels, RfLayer, RfResult, RfState } from './rf-explorer';

/** Padding cells drawn around the input at most, per side. */
export const MAX_MARGIN = 6;

/** Input pixels seen by output unit u along one axis: [u·S − P, u·S − P + r − 1]. */
export function span(u: number, t: Pick<RfTable, 'r' | 'S' | 'P'>): readonly [number, number] {
  const start = u * t.S - t.P;
  return [start, start + t.r - 1];
}

export function num(n: number): string {
  return n < 0 ? `−${-n}` : String(n);
}

// ---- Grids (SVG, 10 units per cell) -------------------------------------------------

const CELL = 10;

/** The input grid with padding margin and the selected unit's region. */
export function inputGridSvg(state: RfState, result: RfResult, labels: RfLabels): string {
  const n = state.size;
  const t = result.table;
  const [r0, r1] = span(state.unit[0], t);
  const [c0, c1] = span(state.unit[1], t);
  // Margin: the padding any unit's region reaches, at most MAX_MARGIN cells.
  const lastEnd = (result.out - 1) * t.S - t.P + t.r - 1;
  const margin = Math.min(MAX_MARGIN, Math.max(t.P, lastEnd - (n - 1), 0));
  const lo = -margin;
  const hi = n - 1 + margin;
  const cells = hi - lo + 1;
  const size = cells * CELL;
  const at = (i: number) => (i - lo) * CELL;
  const clip = (a: number, b: number): [number, number] => [Math.max(a, lo), Math.min(b, hi)];
  const [y0, y1] = clip(r0, r1);
  const [x0, x1] = clip(c0, c1);
  const parts: string[] = [];
  if (margin > 0) parts.push(`<rect class="rf-pad" x="0" y="0" width="${size}" height="${size}"/>`);
  parts.push(`<rect class="rf-in" x="${at(0)}" y="${at(0)}" width="${n * CELL}" height="${n * CELL}"/>`);
  const lines: string[] = [];
  for (let i = 1; i < cells; i++) {
    lines.push(`M${i * CELL} 0V${size}M0 ${i * CELL}H${size}`);
  }
  parts.push(`<path class="rf-lines" d="${lines.join('')}"/>`);
  if (y1 >= y0 && x1 >= x0) {
    parts.push(`<rect class="rf-region" x="${at(x0)}" y="${at(y0)}" width="${(x1 - x0 + 1) * CELL}" height="${(y1 - y0 + 1) * CELL}"/>`);
  }
  parts.push(`<rect class="rf-border" x="${at(0)}" y="${at(0)}" width="${n * CELL}" height="${n * CELL}"/>`);
  const clipped = r0 < lo || r1 > hi || c0 < lo || c1 > hi;
  const drawn = margin === 0 ? '' : fill(margin === 1 ? labels.gridPaddingOne : labels.gridPadding, { n: margin });
  const caption = `${labels.input} ${n}×${n}${drawn}${clipped ? labels.gridClipped : ''}`;
  return `<svg viewBox="-1 -1 ${size + 2} ${size + 2}" class="rf-svg" aria-hidden="true" focusable="false">${parts.join('')}</svg><span class="rf-cap">${e(caption)}</span>`;
}

/** The output map: one clickable cell per unit, the selected one filled. */
export function outputGridSvg(state: RfState, result: RfResult): string {
  const m = result.out;
  const size = m * CELL;
  const parts: string[] = [`<rect class="rf-in" x="0" y="0" width="${size}" height="${size}"/>`];
  for (let y = 0; y < m; y++) {
    for (let x = 0; x < m; x++) {
      const sel = y === state.unit[0] && x === state.unit[1];
      parts.push(`<rect class="rf-unit${sel ? ' rf-sel' : ''}" data-y="${y}" data-x="${x}" x="${x * CELL}" y="${y * CELL}" width="${CELL}" height="${CELL}"/>`);
    }
  }
  return `<svg viewBox="-1 -1 ${size + 2} ${size + 2}" class="rf-svg" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
}

// ---- Tables ---------------------------------------------------------------------------

function layerText(l: RfLayer, labels: RfLabels): string {
  const kind = labels[`kind.${l.kind}`];
  return `${kind} ${l.k}×${l.k}, s ${l.s}${l.d !== 1 ? `, d ${l.d}` : ''}${l.p !== 0 ? `, p ${l.p}` : ''}`;
}

export function tablesHtml(state: RfState, result: RfResult, labels: RfLabels): string {
  const t = result.table;
  const forwardRows = t.forward.map((row, i) => {
    const prev = t.forward[i - 1] ?? { r: 1, S: 1, P: 0 };
    return [
      `${i + 1}`,
      e(layerText(state.layers[i]!, labels)),
      `${row.effectiveKernel}`,
      `${result.sizes[i + 1]}`,
      `${prev.r} + (${row.effectiveKernel} − 1)·${prev.S} = <strong>${row.r}</strong>`,
      `${prev.S}·${row.stride} = <strong>${row.S}</strong>`,
      `${prev.P} + ${row.padding}·${prev.S} = <strong>${row.P}</strong>`,
    ];
  });
  const backwardRows = t.backward.map((row) => {
    const i = Number(row.name.replace('layer', ''));
    return [`${i}`, `${row.fAbove}`, `(${row.fAbove} − 1)·${row.stride} + ${row.effectiveKernel}`, `<strong>${row.f}</strong>`];
  });
  const [y, x] = state.unit;
  const [r0, r1] = span(y, t);
  const [c0, c1] = span(x, t);
  const region = [
    `${e(labels.rows)}: ${y}·<var>S</var> − <var>P</var> = ${y}·${t.S} − ${t.P} = ${num(r0)} … ${num(r0)} + <var>r</var> − 1 = ${num(r1)}`,
    `${e(labels.columns)}: ${x}·${t.S} − ${t.P} = ${num(c0)} … ${num(c0)} + ${t.r} − 1 = ${num(c1)}`,
  ];
  return [
    `<h4>${e(labels.forward)}</h4><div class="rf-forward">`,
    htmlTable(['#', e(labels.layer), '<var>k</var><sub>eff</sub>', e(labels.out), '<var>r</var>', '<var>S</var>', '<var>P</var>'], forwardRows, {
      caption: fill(labels.forwardCaption, { r: t.r, S: t.S }),
      numericFrom: 2,
    }),
    '</div>',
    `<h4>${e(labels.backward)}</h4>`,
    htmlTable(['#', '<var>F</var>(<var>i</var>+1)', '(<var>F</var>(<var>i</var>+1) − 1)·<var>s</var> + <var>k</var><sub>eff</sub>', '<var>F</var>(<var>i</var>)'], backwardRows, {
      caption: fill(labels.backwardCaption, { r: t.r }),
      numericFrom: 1,
    }),
    `<h4>${e(labels.region)}</h4><ol class="nb-derivation">${region.map((r) => `<li>${r}</li>`).join('')}</ol>`,
  ].join('');
}

/**
 * The whole output area: both grids, the chosen unit's region, the map's help and the tables.
 * `id` is the cell's id prefix: the map is described by the region and the help.
 */
export function outputHtml(state: RfState, result: RfResult, labels: RfLabels, { id, region }: { id: string; region: string }): string {
  const uid = e(id);
  const out = result.out;
  const map = `<div class="rf-map rf-outmap" id="${uid}-map" data-grid tabindex="0" role="group" aria-label="${e(labels.outputMap)}" aria-describedby="${uid}-region ${uid}-gridhelp">${outputGridSvg(state, result)}</div>`;
  return [
    `<div class="rf-grids"><figure class="rf-fig"><div class="rf-map" data-grid-in>${inputGridSvg(state, result, labels)}</div></figure>`,
    `<figure class="rf-fig">${map}<span class="rf-cap" data-out-cap>${e(labels.output)} ${out}×${out}</span></figure></div>`,
    `<p class="rf-desc" id="${uid}-region" data-region>${e(region)}</p>`,
    `<p class="nb-hint" id="${uid}-gridhelp">${e(labels.gridHelp)}</p>`,
    `<div data-tables>${tablesHtml(state, result, labels)}</div>`,
  ].join('');
}
