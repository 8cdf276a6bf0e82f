/**
 * The model explorer's SVG charts: receptive-field growth with depth (one line per model) and bars
 * of parameters or MACs per block. Pure SVG strings, shared by server and browser.
 */
import { formatCompact } from '../../../src/calc/index';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { Unit } from '../../../src/calc/index';
import type { Explored, ExplorerLabels } from './model-explorer';

/** Whole-number tick step (1, 2 or 5 × 10^k) giving about `target` ticks up to `max`. */
export function tickStep(max: number, target = 5): number {
  const raw = Math.max(1, max) / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
}

/** Receptive-field size at each weight-layer depth (the largest field reached at that depth). */
export function rfSeries(x: Explored): { depth: number; rf: number }[] {
  const best = new Map<number, number>();
  x.analysis.rows.forEach((r, i) => {
    if (r.kind === 'block' || !r.receptiveField || r.output.length !== 3) return;
    const d = x.depth[i] as number;
    best.set(d, Math.max(best.get(d) ?? 0, r.receptiveField.size[0]));
  });
  let running = 0;
  return [...best.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([depth, rf]) => {
      running = Math.max(running, rf);
      return { depth, rf: running };
    });
}

export function rfChartSvg(items: readonly { title: string; x: Explored }[], size: number, labels: ExplorerLabels): string {
  const W = 480;
  const H = 250;
  const m = { l: 50, r: 10, t: 12, b: 40 };
  const series = items.map((i) => ({ title: i.title, pts: rfSeries(i.x) }));
  const maxX = Math.max(1, ...series.flatMap((s) => s.pts.map((p) => p.depth)));
  const maxY = Math.max(size, ...series.flatMap((s) => s.pts.map((p) => p.rf)));
  const sx = (v: number) => m.l + ((W - m.l - m.r) * v) / maxX;
  const sy = (v: number) => H - m.b - ((H - m.t - m.b) * v) / maxY;
  const xs = tickStep(maxX, 6);
  const ys = tickStep(maxY, 5);
  const grid: string[] = [];
  for (let v = 0; v <= maxY; v += ys) grid.push(`<line class="ex-grid" x1="${m.l}" x2="${W - m.r}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}"/><text class="ex-tick" x="${m.l - 6}" y="${sy(v).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${v}</text>`);
  for (let v = 0; v <= maxX; v += xs) grid.push(`<text class="ex-tick" x="${sx(v).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${v}</text>`);
  const lines = series
    .map((s, k) => {
      const d = s.pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.depth).toFixed(1)},${sy(p.rf).toFixed(1)}`).join('');
      const last = s.pts.at(-1);
      return `<path class="ex-line ex-s${k}" d="${d}"/>${last ? `<circle class="ex-s${k}-dot" cx="${sx(last.depth).toFixed(1)}" cy="${sy(last.rf).toFixed(1)}" r="3"/>` : ''}`;
    })
    .join('');
  // The label sits above the image line, or below it when the line is the top of the chart.
  const labelY = sy(size) - 5 < m.t + 8 ? sy(size) + 15 : sy(size) - 5;
  const image = `<line class="ex-image" x1="${m.l}" x2="${W - m.r}" y1="${sy(size).toFixed(1)}" y2="${sy(size).toFixed(1)}"/><text class="ex-tick ex-image-label" x="${W - m.r - 4}" y="${labelY.toFixed(1)}" text-anchor="end">${e(fill(labels.imageSide, { size }))}</text>`;
  const desc = series.map((s) => fill(labels.afterLayers, { title: s.title, rf: s.pts.at(-1)?.rf ?? 0, depth: s.pts.at(-1)?.depth ?? 0 })).join('; ');
  const legend = series.map((s, k) => `<span class="ex-key ex-k${k}">${e(s.title)}</span>`).join(' ');
  return `<figure class="ex-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(`${labels.rfChart}. ${desc}.`)}">${grid.join('')}${image}${lines}<text class="ex-axis" x="${(m.l + W - m.r) / 2}" y="${H - 4}" text-anchor="middle">${e(labels.xAxis)}</text><text class="ex-axis" transform="translate(12 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${e(labels.yAxis)}</text></svg><figcaption>${legend}${e(labels.chartCaption)}</figcaption></figure>`;
}

export function barsSvg(title: string, units: readonly Unit[], metric: 'params' | 'macs', k: number, max: number, rename = (name: string) => name): string {
  const shown = units.filter((u) => u[metric] > 0);
  const rowH = 18;
  const labelW = 132;
  const W = 300;
  const H = shown.length * rowH + 4;
  const bars = shown
    .map((u, i) => {
      const w = max === 0 ? 0 : ((W - labelW - 58) * u[metric]) / max;
      const y = i * rowH + 2;
      const full = rename(u.name);
      const name = full.length > 20 ? `${full.slice(0, 19)}…` : full;
      return `<text class="ex-tick" x="${labelW - 6}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="middle">${e(name)}</text><rect class="ex-bar ex-s${k}-bar" x="${labelW}" y="${y + 3}" width="${Math.max(0.5, w).toFixed(1)}" height="${rowH - 6}"/><text class="ex-tick" x="${(labelW + w + 4).toFixed(1)}" y="${y + rowH / 2}" dominant-baseline="middle">${formatCompact(u[metric], 3)}</text>`;
    })
    .join('');
  return `<figure class="ex-bars"><figcaption>${e(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(`${title}: ${shown.map((u) => `${rename(u.name)} ${formatCompact(u[metric], 3)}`).join(', ')}`)}">${bars}</svg></figure>`;
}
