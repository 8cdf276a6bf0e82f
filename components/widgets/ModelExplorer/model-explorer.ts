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
  isCalcError,
  type Analysis,
  type LayerRow,
  type Network,
} from '../../../src/calc/index';
import { int, parseChoice, parseInteger, type ChoiceField, type IntegerField } from '../../../src/widget/fields';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import { getNetwork, networkIds, networkOptions, type NetworkOptions } from '../../../src/models/registry';
import { NETWORK_OPTIONS, optionNames, type OptionChoice, type OptionName } from '../../../src/models/options';
import { unitsOf, type Unit } from '../../../src/calc/index';
import { barsSvg, rfChartSvg } from './explorer-charts';
import { vsName, type ExplorerLabels } from './explorer-labels';
import { layerTableHtml, phrased, totalsHtml } from './explorer-tables';

export { barsSvg, rfChartSvg, rfSeries, tickStep } from './explorer-charts';
export { layerTableHtml, totalsHtml, unitTableHtml } from './explorer-tables';
export { explorerLabels, vsChoiceLabels, type ExplorerLabels } from './explorer-labels';

/** Option fields come from the options table (src/models/options.ts); B's are vs + Capitalised. */
type OptionField = (typeof NETWORK_OPTIONS)[OptionName]['field'];
type VsField = `vs${Capitalize<OptionField>}`;
export type FieldName = 'model' | OptionField | 'size' | 'vs' | VsField;
export type ExplorerValues = Record<FieldName, string | number> & { size: number };

export const NONE = 'none';

const OPTION_FIELD = Object.fromEntries(optionNames.map((o) => [o, NETWORK_OPTIONS[o].field])) as Record<OptionName, OptionField>;
const VS_FIELD = Object.fromEntries(optionNames.map((o) => [o, vsName(NETWORK_OPTIONS[o].field)])) as Record<OptionName, VsField>;
const choicesOf = (o: OptionName): readonly OptionChoice<unknown>[] => NETWORK_OPTIONS[o].choices;
/** Per option, the same thing under A's field name and under B's. */
const forA = <T>(make: (o: OptionName) => T) => Object.fromEntries(optionNames.map((o) => [OPTION_FIELD[o], make(o)])) as Record<OptionField, T>;
const forB = <T>(make: (o: OptionName) => T) => Object.fromEntries(optionNames.map((o) => [VS_FIELD[o], make(o)])) as Record<VsField, T>;
const choiceField = (o: OptionName): ChoiceField => ({ kind: 'choice', options: choicesOf(o).map((c) => c.value) });
const firstChoice = (o: OptionName): string => choicesOf(o)[0]?.value ?? '';

export const explorerFields: Readonly<Record<FieldName, ChoiceField | IntegerField>> = {
  model: { kind: 'choice', options: networkIds },
  ...forA(choiceField),
  size: int(16, 2048),
  vs: { kind: 'choice', options: [NONE, ...networkIds] },
  ...forB(choiceField),
};

export const FIELD_ORDER: readonly FieldName[] = ['model', ...optionNames.map((o) => OPTION_FIELD[o]), 'size', 'vs', ...optionNames.map((o) => VS_FIELD[o])];

export const explorerDefaults: ExplorerValues = {
  model: 'resnet50',
  ...forA(firstChoice),
  size: 224,
  vs: NONE,
  ...forB(firstChoice),
};

/** The option fields that apply to the current models (others are hidden and left out of the URL). */
export function activeFields(values: Pick<ExplorerValues, 'model' | 'vs'>): FieldName[] {
  const active: FieldName[] = ['model'];
  for (const o of safeOptions(String(values.model))) active.push(OPTION_FIELD[o]);
  active.push('size', 'vs');
  if (values.vs !== NONE) for (const o of safeOptions(String(values.vs))) active.push(VS_FIELD[o]);
  return active;
}

function safeOptions(id: string): readonly OptionName[] {
  return networkIds.includes(id) ? networkOptions(id) : [];
}

/** NetworkOptions for model A ('a') or B ('b') from the field values; only options the model takes. */
export function optionsFor(values: ExplorerValues, which: 'a' | 'b'): NetworkOptions {
  const id = String(which === 'a' ? values.model : values.vs);
  const f = which === 'a' ? OPTION_FIELD : VS_FIELD;
  const out: Record<string, unknown> = {};
  for (const o of safeOptions(id)) {
    const v = String(values[f[o]]);
    const choice = choicesOf(o).find((c) => c.value === v) ?? choicesOf(o)[0];
    if (choice?.option !== undefined) out[o] = choice.option;
  }
  return out as NetworkOptions;
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
  const result = exploreNetwork(getNetwork(id, options), [3, size, size]);
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  return result;
}

/** Any network (a pasted one too) analysed on an input, with its units and weight-layer depths. */
export function exploreNetwork(network: Network, input: readonly [number, number, number]): Explored {
  const analysis = analyse(network, input);
  const sources = sourcesOf(network.layers);
  const byName = new Map<string, number>([['input', 0]]);
  const depth = analysis.rows.map((row, i) => {
    const d = Math.max(...(sources[i] as string[]).map((s) => byName.get(s) ?? 0)) + (WEIGHTED.has(row.kind) ? 1 : 0);
    byName.set(row.name, d);
    return d;
  });
  return { network, analysis, units: unitsOf(analysis), depth };
}

/** Which field a CalcError belongs to. */
export function blameExplorer(error: unknown, which: 'a' | 'b'): FieldName | undefined {
  if (!isCalcError(error)) return undefined;
  // Inception v3's aux head needs a 17×17 Mixed_6e (a 299-ish input): blame the aux choice, not the size.
  if (/^(AuxLogits|aux\d)\b/.test(error.layer)) return which === 'a' ? 'aux' : 'vsAux';
  if (error.code === 'kernel-too-large' || error.code === 'bad-input' || error.code === 'too-large') return 'size';
  if (error.code === 'bad-option') {
    const map: Record<string, FieldName> = which === 'a' ? OPTION_FIELD : VS_FIELD;
    const option = error.field;
    return option !== undefined && Object.hasOwn(map, option) ? map[option] : which === 'a' ? 'model' : 'vs';
  }
  return which === 'a' ? 'model' : 'vs';
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────

export function describe(id: string, options: NetworkOptions, labels: ExplorerLabels): string {
  const bits: string[] = [];
  if (options.aux !== undefined) bits.push(options.aux ? (labels['aux.on'] ?? NETWORK_OPTIONS.aux.choices[1].label) : labels.noAux);
  if (options.strideOn === '1x1') bits.push(labels.strideOn1x1);
  if (options.outputStride !== undefined) bits.push(`OS ${options.outputStride}`);
  return bits.length ? `${id} (${bits.join(labels.listJoin)})` : id;
}

export function summaryLine(values: ExplorerValues, labels: ExplorerLabels): string {
  const a = explore(String(values.model), optionsFor(values, 'a'), values.size).analysis;
  const model = describe(String(values.model), optionsFor(values, 'a'), labels);
  const rf = { rf: a.receptiveField.size[0], S: a.receptiveField.stride[0] };
  const one = fill(labels.summaryOne, { model, size: values.size, params: formatCount(a.params.total), macs: formatCompact(a.macs), ...rf });
  if (values.vs === NONE) return one + labels.period;
  const b = explore(String(values.vs), optionsFor(values, 'b'), values.size).analysis;
  const other = describe(String(values.vs), optionsFor(values, 'b'), labels);
  return fill(labels.summaryVs, { one, model: other, params: formatCount(b.params.total), macs: formatCompact(b.macs) });
}

/** A model shown: its title, analysis, and (a registry model) what `explore` takes, as JSON. */
export interface Item {
  readonly title: string;
  readonly x: Explored;
  readonly key?: string;
}

export interface TableOptions {
  readonly lazy?: boolean;
  readonly noscript?: boolean;
}

export interface RenderedExplorer {
  readonly html: string;
  readonly summary: string;
  /** Model A, then B if compared: for filling lazily rendered units. */
  readonly explored: readonly Explored[];
}

/**
 * Everything below the inputs. Throws ExplorerError (with `which`) when a model rejects the
 * setting. `lazy` leaves each unit's layer rows out (the cell fills a unit when it is opened);
 * `noscript` puts them in a <noscript> instead, for readers without JavaScript.
 */
export function renderExplorer(values: ExplorerValues, labels: ExplorerLabels, options: TableOptions = {}): RenderedExplorer {
  const items: Item[] = [];
  const add = (which: 'a' | 'b') => {
    const id = String(which === 'a' ? values.model : values.vs);
    const options = optionsFor(values, which);
    try {
      items.push({ title: describe(id, options, labels), x: explore(id, options, values.size), key: JSON.stringify([id, options, values.size]) });
    } catch (error) {
      throw new ExplorerError(error, which);
    }
  };
  add('a');
  if (values.vs !== NONE) add('b');
  const html = comparisonHtml(items, values.size, labels, options);
  return { html, summary: summaryLine(values, labels), explored: items.map((i) => i.x) };
}

/**
 * Totals, receptive-field chart, cost bars on one scale and layer tables for model A (and B if
 * compared): the explorer's output, shared with the pasted-network cell. `afterTotals` is HTML
 * placed under the totals (the paste cell's wiring report).
 */
export function comparisonHtml(items: readonly Item[], size: number, labels: ExplorerLabels, options: TableOptions & { afterTotals?: string } = {}): string {
  const allUnits = items.flatMap((i) => i.x.units);
  const maxP = Math.max(0, ...allUnits.map((u) => u.params));
  const maxM = Math.max(0, ...allUnits.map((u) => u.macs));
  const rename = (name: string) => phrased(name, labels);
  const bars = items
    .map((i, k) => `<div class="ex-bar-col"><h5>${e(i.title)}</h5>${barsSvg(labels.params, i.x.units, 'params', k, maxP, rename)}${barsSvg(labels.macs, i.x.units, 'macs', k, maxM, rename)}</div>`)
    .join('');
  const tables = items
    .map(
      (i, k) =>
        `<section class="ex-layers"${i.key ? ` data-explore="${e(i.key)}"` : ''}><h4>${e(labels.layers)}: ${e(i.title)}</h4><p class="ex-hint">${e(fill(labels.layersHint, { n: i.x.units.length }))}</p>${layerTableHtml(i.x, labels, k === 0 ? 'a' : 'b', options)}</section>`,
    )
    .join('');
  return [
    `<h4>${e(labels.totals)}</h4>`,
    totalsHtml(items, labels),
    options.afterTotals ?? '',
    `<h4>${e(labels.rfChart)}</h4>`,
    rfChartSvg(items, size, labels),
    `<h4>${e(labels.bars)}</h4><p class="ex-hint">${e(labels.sameScale)}</p><div class="ex-bar-grid">${bars}</div>`,
    tables,
  ].join('');
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
