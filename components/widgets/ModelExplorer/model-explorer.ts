/**
 * Model explorer: any registry network, its options, an input size, and an optional second model
 * to compare. Pure functions shared by the server render (ModelExplorer.astro) and the custom
 * element (explorer-element.ts): field rules, option mapping, the layer table (one <details> per
 * block), totals, an SVG line chart of receptive-field growth with depth and SVG bars of parameters
 * and MACs per block. Every number comes from the calc core.
 */
import {
  analyse,
  CalcError,
  formatCompact,
  formatCount,
  formatShape,
  isCalcError,
  type Analysis,
  type LayerRow,
  type Network,
} from '../../../src/calc/index';
import { parseChoice, parseInteger, type ChoiceField, type IntegerField } from '../../../src/site/fields';
import { escapeHtml as e } from '../../../src/site/html';
import { getNetwork, networkIds, networkOptions, type NetworkOptions } from '../../../src/models/registry';
import { accuracyOf } from '../../../src/models/accuracy';
import { unitsOf, type Unit } from '../../../src/site/encoder';

export type FieldName = 'model' | 'aux' | 'stride' | 'os' | 'size' | 'vs' | 'vsAux' | 'vsStride' | 'vsOs';
export type ExplorerValues = Record<FieldName, string | number> & { size: number };

export const AUX_CHOICES = ['default', 'on', 'off'] as const;
export const STRIDE_CHOICES = ['3x3', '1x1'] as const;
export const OS_CHOICES = ['32', '16', '8'] as const;
export const NONE = 'none';

export const explorerFields: Readonly<Record<FieldName, ChoiceField | IntegerField>> = {
  model: { kind: 'choice', options: networkIds },
  aux: { kind: 'choice', options: AUX_CHOICES },
  stride: { kind: 'choice', options: STRIDE_CHOICES },
  os: { kind: 'choice', options: OS_CHOICES },
  size: { kind: 'int', min: 16, max: 2048 },
  vs: { kind: 'choice', options: [NONE, ...networkIds] },
  vsAux: { kind: 'choice', options: AUX_CHOICES },
  vsStride: { kind: 'choice', options: STRIDE_CHOICES },
  vsOs: { kind: 'choice', options: OS_CHOICES },
};

export const FIELD_ORDER: readonly FieldName[] = ['model', 'aux', 'stride', 'os', 'size', 'vs', 'vsAux', 'vsStride', 'vsOs'];

export const explorerDefaults: ExplorerValues = {
  model: 'resnet50',
  aux: 'default',
  stride: '3x3',
  os: '32',
  size: 224,
  vs: NONE,
  vsAux: 'default',
  vsStride: '3x3',
  vsOs: '32',
};

export const explorerLabels = {
  title: 'Model explorer',
  model: 'Model',
  aux: 'Auxiliary heads',
  stride: 'Bottleneck stride on',
  os: 'Output stride',
  size: 'Input size H = W',
  vs: 'Compare with',
  vsAux: 'Its auxiliary heads',
  vsStride: 'Its bottleneck stride on',
  vsOs: 'Its output stride',
  'aux.default': 'as published',
  'aux.on': 'with aux heads',
  'aux.off': 'without',
  'stride.3x3': '3×3 (V1.5)',
  'stride.1x1': '1×1 (V1, paper)',
  'os.32': '32',
  'os.16': '16 (dilated)',
  'os.8': '8 (dilated)',
  'vs.none': '— nothing —',
  reset: 'Reset',
  expand: 'Expand all',
  collapse: 'Collapse all',
  layers: 'Every layer',
  totals: 'Totals',
  rfChart: 'Receptive field with depth',
  bars: 'Parameters and MACs per block',
  name: 'Layer',
  kind: 'Kind',
  detail: 'Detail',
  output: 'Output',
  params: 'Parameters',
  macs: 'MACs',
  bytes: 'Bytes (fp32)',
  intensity: 'MACs/byte',
  rf: 'RF',
  jump: 'S',
};
export type ExplorerLabels = typeof explorerLabels;

const OPTION_FIELD = { aux: 'aux', strideOn: 'stride', outputStride: 'os' } as const;
const VS_FIELD = { aux: 'vsAux', strideOn: 'vsStride', outputStride: 'vsOs' } as const;

/** The option fields that apply to the current models (others are hidden and left out of the URL). */
export function activeFields(values: Pick<ExplorerValues, 'model' | 'vs'>): FieldName[] {
  const active: FieldName[] = ['model'];
  for (const o of safeOptions(String(values.model))) active.push(OPTION_FIELD[o]);
  active.push('size', 'vs');
  if (values.vs !== NONE) for (const o of safeOptions(String(values.vs))) active.push(VS_FIELD[o]);
  return active;
}

function safeOptions(id: string): readonly (keyof typeof OPTION_FIELD)[] {
  return networkIds.includes(id) ? networkOptions(id) : [];
}

/** NetworkOptions for model A ('a') or B ('b') from the field values; only options the model takes. */
export function optionsFor(values: ExplorerValues, which: 'a' | 'b'): NetworkOptions {
  const id = String(which === 'a' ? values.model : values.vs);
  const f = which === 'a' ? OPTION_FIELD : VS_FIELD;
  const out: { aux?: boolean; strideOn?: '1x1' | '3x3'; outputStride?: 8 | 16 | 32 } = {};
  for (const o of safeOptions(id)) {
    const v = String(values[f[o]]);
    if (o === 'aux' && v !== 'default') out.aux = v === 'on';
    if (o === 'strideOn') out.strideOn = v === '1x1' ? '1x1' : '3x3';
    if (o === 'outputStride' && v !== '32') out.outputStride = Number(v) as 8 | 16;
  }
  return out;
}

export type ParseResult = { values: ExplorerValues; errors: Partial<Record<FieldName, string>> };

/** Validates raw field text (typed or from the URL). Inactive fields fall back to their defaults. */
export function parseExplorer(raw: Partial<Record<FieldName, string>>): ParseResult {
  const values = { ...explorerDefaults } as ExplorerValues;
  const errors: Partial<Record<FieldName, string>> = {};
  for (const name of FIELD_ORDER) {
    const text = raw[name];
    if (text === undefined) continue;
    const field = explorerFields[name];
    const r = field.kind === 'int' ? parseInteger(text, field) : parseChoice(text, field);
    if (r.ok) (values as Record<string, string | number>)[name] = r.value;
    else errors[name] = r.message;
  }
  return { values, errors };
}

// ── Analysis ─────────────────────────────────────────────────────────────────────────────────

export interface Explored {
  readonly network: Network;
  readonly analysis: Analysis;
  readonly units: readonly Unit[];
  /** Weight-layer depth of every row: the longest chain of conv/linear layers from the input. */
  readonly depth: readonly number[];
}

const cache = new Map<string, Explored>();

function sourcesOf(layers: Network['layers']): string[][] {
  let previous = 'input';
  return layers.map((l) => {
    const s = l.from === undefined ? [previous] : typeof l.from === 'string' ? [l.from] : [...l.from];
    previous = l.name;
    return s;
  });
}

const WEIGHTED = new Set<LayerRow['kind']>(['conv', 'separable', 'linear']);

export function explore(id: string, options: NetworkOptions, size: number): Explored {
  const key = JSON.stringify([id, options, size]);
  const hit = cache.get(key);
  if (hit) return hit;
  const network = getNetwork(id, options);
  const analysis = analyse(network, [3, size, size]);
  const sources = sourcesOf(network.layers);
  const byName = new Map<string, number>([['input', 0]]);
  const depth = analysis.rows.map((row, i) => {
    const d = Math.max(...(sources[i] as string[]).map((s) => byName.get(s) ?? 0)) + (WEIGHTED.has(row.kind) ? 1 : 0);
    byName.set(row.name, d);
    return d;
  });
  const result = { network, analysis, units: unitsOf(analysis), depth };
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  return result;
}

/** Which field a CalcError belongs to. */
export function blameExplorer(error: unknown, which: 'a' | 'b'): FieldName | undefined {
  if (!isCalcError(error)) return undefined;
  // Inception v3's aux head needs a 17×17 Mixed_6e (a 299-ish input): blame the aux choice, not the size.
  if (/^(AuxLogits|aux\d)\b/.test(error.layer)) return which === 'a' ? 'aux' : 'vsAux';
  if (error.code === 'kernel-too-large' || error.code === 'bad-input' || error.code === 'too-large') return 'size';
  if (error.code === 'bad-option') {
    const m = /outputStride|strideOn|aux/.exec(error.problem)?.[0];
    const map = which === 'a' ? { outputStride: 'os', strideOn: 'stride', aux: 'aux' } : { outputStride: 'vsOs', strideOn: 'vsStride', aux: 'vsAux' };
    return m ? (map[m as keyof typeof map] as FieldName) : which === 'a' ? 'model' : 'vs';
  }
  return which === 'a' ? 'model' : 'vs';
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────

const rfText = (rf: LayerRow['receptiveField']) => (rf ? `${rf.size[0] === rf.size[1] ? rf.size[0] : `${rf.size[0]}×${rf.size[1]}`}` : '—');
const jumpText = (rf: LayerRow['receptiveField']) => (rf ? String(rf.stride[0]) : '—');
const count = (n: number) => (n === 0 ? '' : formatCount(n));

export function describe(id: string, options: NetworkOptions, labels: ExplorerLabels): string {
  const bits: string[] = [];
  if (options.aux !== undefined) bits.push(options.aux ? labels['aux.on'] : 'no aux heads');
  if (options.strideOn === '1x1') bits.push('stride on 1×1');
  if (options.outputStride !== undefined) bits.push(`OS ${options.outputStride}`);
  return bits.length ? `${id} (${bits.join(', ')})` : id;
}

export function summaryLine(values: ExplorerValues, labels: ExplorerLabels): string {
  const a = explore(String(values.model), optionsFor(values, 'a'), values.size).analysis;
  const one = `${describe(String(values.model), optionsFor(values, 'a'), labels)} at ${values.size}×${values.size}: ${formatCount(a.params.total)} parameters, ${formatCompact(a.macs)} MACs, receptive field ${a.receptiveField.size[0]} px at stride ${a.receptiveField.stride[0]}`;
  if (values.vs === NONE) return `${one}.`;
  const b = explore(String(values.vs), optionsFor(values, 'b'), values.size).analysis;
  return `${one}; ${describe(String(values.vs), optionsFor(values, 'b'), labels)}: ${formatCount(b.params.total)} parameters, ${formatCompact(b.macs)} MACs.`;
}

function rowHtml(r: LayerRow): string {
  return `<tr><th scope="row"><code>${e(r.name)}</code></th><td>${e(r.kind)}</td><td>${e(r.detail)}</td><td class="num">${formatShape(r.output)}</td><td class="num">${count(r.params.total)}</td><td class="num">${count(r.macs)}</td><td class="num">${r.bytes === 0 ? '' : formatCompact(r.bytes)}</td><td class="num">${intensityText(r)}</td><td class="num">${rfText(r.receptiveField)}</td><td class="num">${jumpText(r.receptiveField)}</td></tr>`;
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
  const rowHtml = (name: string, cells: readonly string[]) => `<tr><th scope="row">${e(name)}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
  const row = (name: string, f: (x: Analysis) => string) => rowHtml(name, a.map(f));
  const head = `<thead><tr><th scope="col"></th>${items.map((i) => `<th scope="col" class="num">${e(i.title)}</th>`).join('')}</tr></thead>`;
  return `<div class="nb-table-wrap" tabindex="0"><table class="ex-totals">${head}<tbody>${[
    row(labels.params, (x) => formatCount(x.params.total)),
    row('  weights', (x) => formatCount(x.params.weights)),
    row('  biases', (x) => formatCount(x.params.biases)),
    row('  batch-norm γ, β', (x) => formatCount(x.params.bn)),
    row(labels.macs, (x) => `${formatCount(x.macs)} (${formatCompact(x.macs)})`),
    row('FLOPs = 2 × MACs', (x) => formatCompact(2 * x.macs)),
    row('Memory traffic, fp32, layer by layer', (x) => `${formatCompact(x.bytes)}B · ${(x.macs / x.bytes).toFixed(1)} MACs/byte`),
    ...(a.some((x) => x.auxMacs > 0) ? [row('  + aux heads (training only)', (x) => (x.auxMacs > 0 ? `training-mode forward adds ${formatCount(x.auxMacs)} MACs` : '—'))] : []),
    rowHtml('ImageNet top-1 / top-5 (published weights)', a.map(accuracyCell)),
    row('Output', (x) => formatShape(x.output)),
    row('Receptive field / stride', (x) => `${x.receptiveField.size[0]}×${x.receptiveField.size[1]} / ${x.receptiveField.stride[0]}${x.receptiveField.aligned ? '' : ' (paths misaligned)'}`),
    row('Layers (rows)', (x) => String(x.rows.filter((r) => r.kind !== 'block').length)),
  ].join('')}</tbody></table></div>`;
}

/**
 * The published accuracy, linked to its source, when the configuration is the network the weights
 * were published for (same eval-mode MACs at the default input); otherwise a dash and why.
 */
function accuracyCell(x: Analysis): string {
  const acc = accuracyOf(x.network);
  if (acc === undefined) return '—';
  const published = getNetwork(x.network);
  const asPublished = x.input.every((d, i) => d === published.input[i]) && x.macs === explore(x.network, {}, published.input[1] ?? 0).analysis.macs;
  if (!asPublished) return '— (no weights for this variant or input)';
  return `<a href="${e(acc.source)}">${acc.top1}% / ${acc.top5}%</a>`;
}

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
  const image = `<line class="ex-image" x1="${m.l}" x2="${W - m.r}" y1="${sy(size).toFixed(1)}" y2="${sy(size).toFixed(1)}"/><text class="ex-tick ex-image-label" x="${W - m.r - 4}" y="${(sy(size) - 5).toFixed(1)}" text-anchor="end">image side ${size}</text>`;
  const desc = series.map((s) => `${s.title}: ${s.pts.at(-1)?.rf ?? 0} px after ${s.pts.at(-1)?.depth ?? 0} weight layers`).join('; ');
  const legend = series.map((s, k) => `<span class="ex-key ex-k${k}">${e(s.title)}</span>`).join(' ');
  return `<figure class="ex-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(`${labels.rfChart}. ${desc}.`)}">${grid.join('')}${image}${lines}<text class="ex-axis" x="${(m.l + W - m.r) / 2}" y="${H - 4}" text-anchor="middle">depth (weight layers on the longest path)</text><text class="ex-axis" transform="translate(12 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">receptive field (px)</text></svg><figcaption>${legend} — receptive field of the largest-field unit at each depth (px), against the image side.</figcaption></figure>`;
}

export function barsSvg(title: string, units: readonly Unit[], metric: 'params' | 'macs', k: number, max: number): string {
  const shown = units.filter((u) => u[metric] > 0);
  const rowH = 18;
  const labelW = 132;
  const W = 300;
  const H = shown.length * rowH + 4;
  const bars = shown
    .map((u, i) => {
      const w = max === 0 ? 0 : ((W - labelW - 58) * u[metric]) / max;
      const y = i * rowH + 2;
      const name = u.name.length > 20 ? `${u.name.slice(0, 19)}…` : u.name;
      return `<text class="ex-tick" x="${labelW - 6}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="middle">${e(name)}</text><rect class="ex-bar ex-s${k}-bar" x="${labelW}" y="${y + 3}" width="${Math.max(0.5, w).toFixed(1)}" height="${rowH - 6}"/><text class="ex-tick" x="${(labelW + w + 4).toFixed(1)}" y="${y + rowH / 2}" dominant-baseline="middle">${formatCompact(u[metric], 3)}</text>`;
    })
    .join('');
  return `<figure class="ex-bars"><figcaption>${e(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(`${title}: ${shown.map((u) => `${u.name} ${formatCompact(u[metric], 3)}`).join(', ')}`)}">${bars}</svg></figure>`;
}

export interface RenderedExplorer {
  readonly html: string;
  readonly summary: string;
  /** Model A, then B if compared: for filling lazily rendered units. */
  readonly explored: readonly Explored[];
}

/** Everything below the inputs. Throws CalcError (with `which`) when a model rejects the setting. */
export function renderExplorer(values: ExplorerValues, labels: ExplorerLabels, options: { lazy?: boolean } = {}): RenderedExplorer {
  const items: { title: string; x: Explored }[] = [];
  const add = (which: 'a' | 'b') => {
    const id = String(which === 'a' ? values.model : values.vs);
    const options = optionsFor(values, which);
    try {
      items.push({ title: describe(id, options, labels), x: explore(id, options, values.size) });
    } catch (error) {
      throw new ExplorerError(error, which);
    }
  };
  add('a');
  if (values.vs !== NONE) add('b');
  const allUnits = items.flatMap((i) => i.x.units);
  const maxP = Math.max(0, ...allUnits.map((u) => u.params));
  const maxM = Math.max(0, ...allUnits.map((u) => u.macs));
  const bars = items
    .map((i, k) => `<div class="ex-bar-col"><h5>${e(i.title)}</h5>${barsSvg(labels.params, i.x.units, 'params', k, maxP)}${barsSvg(labels.macs, i.x.units, 'macs', k, maxM)}</div>`)
    .join('');
  const tables = items
    .map(
      (i, k) =>
        `<section class="ex-layers"><h4>${e(labels.layers)}: ${e(i.title)}</h4><p class="ex-hint">${i.x.units.length} groups; open one to see its layers. Block rows of the core are shaded; Bytes = fp32 parameters + inputs + output of the layer run on its own (unfused); MACs/byte = arithmetic intensity; RF = receptive field (px), S = effective stride.</p>${layerTableHtml(i.x, labels, k === 0 ? 'a' : 'b', options.lazy ?? false)}</section>`,
    )
    .join('');
  const html = [
    `<h4>${e(labels.totals)}</h4>`,
    totalsHtml(items, labels),
    `<h4>${e(labels.rfChart)}</h4>`,
    rfChartSvg(items, values.size, labels),
    `<h4>${e(labels.bars)}</h4><p class="ex-hint">Same scale for both models.</p><div class="ex-bar-grid">${bars}</div>`,
    tables,
  ].join('');
  return { html, summary: summaryLine(values, labels), explored: items.map((i) => i.x) };
}

/** A CalcError from model A or B, so the element can mark the right field. */
export class ExplorerError extends Error {
  constructor(
    readonly source: unknown,
    readonly which: 'a' | 'b',
  ) {
    super(source instanceof Error ? source.message : String(source));
  }
  get field(): FieldName {
    return blameExplorer(this.source, this.which) ?? (this.which === 'a' ? 'model' : 'vs');
  }
}

export { CalcError };
