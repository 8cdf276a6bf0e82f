/**
 * The model explorer's tables: one <details> per unit (block or run of loose rows), each unit's layer
 * rows, and the totals of one or two models. Pure HTML strings, shared by server and browser.
 */
import { formatCompact, formatCount, formatShape, type Analysis, type LayerRow } from '../../../src/calc/index';
import { accuracyOf } from '../../../src/models/accuracy';
import { getNetwork } from '../../../src/models/registry';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import { explore, type Explored, type ExplorerLabels, type TableOptions } from './model-explorer';

const rfText = (rf: LayerRow['receptiveField']) => (rf ? `${rf.size[0] === rf.size[1] ? rf.size[0] : `${rf.size[0]}×${rf.size[1]}`}` : '—');
const jumpText = (rf: LayerRow['receptiveField']) => (rf ? String(rf.stride[0]) : '—');
const count = (n: number) => (n === 0 ? '' : formatCount(n));

/** The core's English words in the page's language: `labels.phrases` holds [pattern, replacement] pairs. */
export function phrased(text: string, labels: ExplorerLabels): string {
  let pairs: [string, string][] = [];
  try {
    pairs = labels.phrases ? JSON.parse(labels.phrases) : [];
  } catch {
    // Unreadable phrases: the core's own words.
  }
  return pairs.reduce((t, [p, r]) => t.replace(new RegExp(p, 'g'), r), text);
}

function rowHtml(r: LayerRow, labels: ExplorerLabels): string {
  return `<tr><th scope="row"><code>${e(r.name)}</code></th><td>${e(phrased(r.kind, labels))}</td><td>${e(phrased(r.detail, labels))}</td><td class="num">${formatShape(r.output)}</td><td class="num">${count(r.params.total)}</td><td class="num">${count(r.macs)}</td><td class="num">${r.bytes === 0 ? '' : formatCompact(r.bytes)}</td><td class="num">${intensityText(r)}</td><td class="num">${rfText(r.receptiveField)}</td><td class="num">${jumpText(r.receptiveField)}</td></tr>`;
}

/** MACs per byte of fp32 traffic, for layers that do arithmetic. */
function intensityText(r: { readonly macs: number; readonly bytes: number }): string {
  return r.macs === 0 || r.bytes === 0 ? '' : (r.macs / r.bytes).toFixed(r.macs / r.bytes < 10 ? 2 : 1);
}

/** The rows of one unit as a table. */
export function unitTableHtml(x: Explored, unit: number, labels: ExplorerLabels): string {
  const u = x.units[unit];
  if (!u) return '';
  const head = `<thead><tr><th scope="col">${e(labels.name)}</th><th scope="col">${e(labels.kind)}</th><th scope="col">${e(labels.detail)}</th><th scope="col" class="num">${e(labels.output)}</th><th scope="col" class="num">${e(labels.params)}</th><th scope="col" class="num">${e(labels.macs)}</th><th scope="col" class="num">${e(labels.bytes)}</th><th scope="col" class="num">${e(labels.intensity)}</th><th scope="col" class="num">${e(labels.rf)}</th><th scope="col" class="num">${e(labels.jump)}</th></tr></thead>`;
  const rows = x.analysis.rows;
  return `<div class="nb-table-wrap" tabindex="0"><table class="ex-table">${head}<tbody>${u.rows.map((i) => rowHtml(rows[i] as LayerRow, labels)).join('')}</tbody></table></div>`;
}

/**
 * The whole layer table: one <details> per unit (block or run of loose rows); works without JS.
 * `lazy` leaves the bodies empty (the cell fills a unit when it is opened), which keeps the page
 * to a few dozen elements per model even for ResNet-152; with `noscript` each body is inside a
 * <noscript>, which a browser running scripts keeps as text, not elements.
 */
export function layerTableHtml(x: Explored, labels: ExplorerLabels, which: 'a' | 'b' = 'a', options: TableOptions = {}): string {
  const body = (i: number) => (!options.lazy ? unitTableHtml(x, i, labels) : options.noscript ? `<noscript>${unitTableHtml(x, i, labels)}</noscript>` : '');
  return x.units
    .map(
      (u, i) =>
        `<details class="ex-unit${u.block ? ' ex-block' : ''}" data-which="${which}" data-unit="${i}"><summary><span class="ex-u-name">${e(phrased(u.name, labels))}</span><span class="ex-u-meta">${e(fill(u.rows.length === 1 ? labels.unitMetaOne : labels.unitMeta, { n: u.rows.length, shape: formatShape(u.output), params: formatCompact(u.params), macs: formatCompact(u.macs), rf: rfText(u.receptiveField) }))}</span></summary>${body(i)}</details>`,
    )
    .join('');
}

export function totalsHtml(items: readonly { title: string; x: Explored }[], labels: ExplorerLabels): string {
  const a = items.map((i) => i.x.analysis);
  const rowHtml = (name: string, cells: readonly string[]) => `<tr><th scope="row">${e(name)}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
  const row = (name: string, f: (x: Analysis) => string) => rowHtml(name, a.map(f));
  const head = `<thead><tr><th scope="col"></th>${items.map((i) => `<th scope="col" class="num">${e(i.title)}</th>`).join('')}</tr></thead>`;
  return `<div class="nb-table-wrap" tabindex="0"><table class="ex-totals">${head}<tbody>${[
    row(labels.params, (x) => formatCount(x.params.total)),
    row(labels.weights, (x) => formatCount(x.params.weights)),
    row(labels.biases, (x) => formatCount(x.params.biases)),
    row(labels.bn, (x) => formatCount(x.params.bn)),
    row(labels.macs, (x) => `${formatCount(x.macs)} (${formatCompact(x.macs)})`),
    row(labels.flops, (x) => formatCompact(2 * x.macs)),
    row(labels.traffic, (x) => `${formatCompact(x.bytes)}B · ${(x.macs / x.bytes).toFixed(1)} ${e(labels.intensity)}`),
    ...(a.some((x) => x.auxMacs > 0) ? [row(labels.auxRow, (x) => (x.auxMacs > 0 ? e(fill(labels.auxAdds, { macs: formatCount(x.auxMacs) })) : '—'))] : []),
    rowHtml(labels.accuracy, a.map((x) => accuracyCell(x, labels))),
    row(labels.output, (x) => formatShape(x.output)),
    row(labels.rfStride, (x) => `${x.receptiveField.size[0]}×${x.receptiveField.size[1]} / ${x.receptiveField.stride[0]}${x.receptiveField.aligned ? '' : e(labels.misaligned)}`),
    row(labels.rows, (x) => String(x.rows.filter((r) => r.kind !== 'block').length)),
  ].join('')}</tbody></table></div>`;
}

/**
 * The published accuracy, linked to its source, when the configuration is the network the weights
 * were published for (same eval-mode MACs at the default input); otherwise a dash and why.
 */
function accuracyCell(x: Analysis, labels: ExplorerLabels): string {
  const acc = accuracyOf(x.network);
  if (acc === undefined) return '—';
  const published = getNetwork(x.network);
  const asPublished = x.input.every((d, i) => d === published.input[i]) && x.macs === explore(x.network, {}, published.input[1] ?? 0).analysis.macs;
  if (!asPublished) return e(labels.noWeights);
  return `<a href="${e(acc.source)}">${acc.top1}% / ${acc.top5}%</a>`;
}
