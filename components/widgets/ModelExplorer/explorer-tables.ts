/**
 * The model explorer's tables: one <details> per unit (block or run of loose rows), each unit's layer
 * rows, and the totals of one or two models. Pure HTML strings, shared by server and browser.
 */
import { formatCompact, formatCount, formatShape, type Analysis, type LayerRow } from '../../../src/calc/index';
import { escapeHtml as e } from '../../../src/site/html';
import type { Explored, ExplorerLabels } from './model-explorer';

const rfText = (rf: LayerRow['receptiveField']) => (rf ? `${rf.size[0] === rf.size[1] ? rf.size[0] : `${rf.size[0]}×${rf.size[1]}`}` : '—');
const jumpText = (rf: LayerRow['receptiveField']) => (rf ? String(rf.stride[0]) : '—');
const count = (n: number) => (n === 0 ? '' : formatCount(n));

function rowHtml(r: LayerRow): string {
  return `<tr><th scope="row"><code>${e(r.name)}</code></th><td>${e(r.kind)}</td><td>${e(r.detail)}</td><td class="num">${formatShape(r.output)}</td><td class="num">${count(r.params.total)}</td><td class="num">${count(r.macs)}</td><td class="num">${rfText(r.receptiveField)}</td><td class="num">${jumpText(r.receptiveField)}</td></tr>`;
}

/** The rows of one unit as a table. */
export function unitTableHtml(x: Explored, unit: number, labels: ExplorerLabels): string {
  const u = x.units[unit];
  if (!u) return '';
  const head = `<thead><tr><th scope="col">${e(labels.name)}</th><th scope="col">${e(labels.kind)}</th><th scope="col">${e(labels.detail)}</th><th scope="col" class="num">${e(labels.output)}</th><th scope="col" class="num">${e(labels.params)}</th><th scope="col" class="num">${e(labels.macs)}</th><th scope="col" class="num">${e(labels.rf)}</th><th scope="col" class="num">${e(labels.jump)}</th></tr></thead>`;
  const rows = x.analysis.rows;
  return `<div class="nb-table-wrap" tabindex="0"><table class="ex-table">${head}<tbody>${u.rows.map((i) => rowHtml(rows[i] as LayerRow)).join('')}</tbody></table></div>`;
}

/**
 * The whole layer table: one <details> per unit (block or run of loose rows); works without JS.
 * `lazy` leaves the bodies empty (the element fills a unit when it is opened), which keeps the
 * browser's update to a few dozen elements even for ResNet-152.
 */
export function layerTableHtml(x: Explored, labels: ExplorerLabels, which: 'a' | 'b' = 'a', lazy = false): string {
  return x.units
    .map(
      (u, i) =>
        `<details class="ex-unit${u.block ? ' ex-block' : ''}" data-which="${which}" data-unit="${i}"><summary><span class="ex-u-name">${e(u.name)}</span><span class="ex-u-meta">${u.rows.length} ${u.rows.length === 1 ? 'layer' : 'layers'} · ${formatShape(u.output)} · ${formatCompact(u.params)} params · ${formatCompact(u.macs)} MACs · RF ${rfText(u.receptiveField)}</span></summary>${lazy ? '' : unitTableHtml(x, i, labels)}</details>`,
    )
    .join('');
}

export function totalsHtml(items: readonly { title: string; x: Explored }[], labels: ExplorerLabels): string {
  const a = items.map((i) => i.x.analysis);
  const row = (name: string, f: (x: Analysis) => string) => `<tr><th scope="row">${e(name)}</th>${a.map((x) => `<td class="num">${f(x)}</td>`).join('')}</tr>`;
  const head = `<thead><tr><th scope="col"></th>${items.map((i) => `<th scope="col" class="num">${e(i.title)}</th>`).join('')}</tr></thead>`;
  return `<div class="nb-table-wrap" tabindex="0"><table class="ex-totals">${head}<tbody>${[
    row(labels.params, (x) => formatCount(x.params.total)),
    row('  weights', (x) => formatCount(x.params.weights)),
    row('  biases', (x) => formatCount(x.params.biases)),
    row('  batch-norm γ, β', (x) => formatCount(x.params.bn)),
    row(labels.macs, (x) => `${formatCount(x.macs)} (${formatCompact(x.macs)})`),
    row('FLOPs = 2 × MACs', (x) => formatCompact(2 * x.macs)),
    row('Output', (x) => formatShape(x.output)),
    row('Receptive field / stride', (x) => `${x.receptiveField.size[0]}×${x.receptiveField.size[1]} / ${x.receptiveField.stride[0]}${x.receptiveField.aligned ? '' : ' (paths misaligned)'}`),
    row('Layers (rows)', (x) => String(x.rows.filter((r) => r.kind !== 'block').length)),
  ].join('')}</tbody></table></div>`;
}
