/**
 * "Paste your network": the explorer's output (totals, receptive-field chart, bars per block, every
 * layer) for a network parsed from pasted text, plus the wiring report (which reading of the text
 * applied where) and an optional built-in model to compare. The parsed network lives in a small
 * store (setPasted): the server fills it with the default net, the browser with each good parse,
 * so `render` stays synchronous and the parser never has to load with the page.
 */
import { formatCompact, formatCount, isCalcError, type Network } from '../../../src/calc/index';
import { escapeHtml as e } from '../../../src/site/html';
import { networkIds } from '../../../src/models/registry';
import type { WidgetDef } from '../../../src/site/widget';
import type { WiringNote } from '../../../src/parse/graph';
import { comparisonHtml, explore, explorerLabels, exploreNetwork, NONE, type Explored } from '../ModelExplorer/index';

/** A good parse, as the parser (or its worker) returns it: plain data. */
export interface Pasted {
  readonly format: 'pytorch' | 'caffe' | 'json';
  readonly network: Network;
  readonly wiring: readonly WiringNote[];
}

let current: Pasted | null = null;

/** The network the cell shows; the last good parse (a bad one never reaches here). */
export function setPasted(pasted: Pasted): void {
  current = pasted;
  cache.clear();
}

export function getPasted(): Pasted | null {
  return current;
}

export type PasteValues = { size: number; vs: string };

export const pasteLabels = {
  ...explorerLabels,
  title: 'Paste your network',
  text: 'Network text: PyTorch print(model), Caffe prototxt or network JSON',
  samples: 'Samples',
  'sample.custom': 'Tiny custom net',
  'sample.resnet50': 'torchvision ResNet-50',
  'sample.googlenet': 'BVLC GoogLeNet prototxt',
  size: 'Input size H = W',
  vs: 'Compare with',
  yours: 'your network',
  wiring: 'How the text was wired',
  parsing: 'Analysing…',
  'format.pytorch': 'PyTorch print(model)',
  'format.caffe': 'Caffe prototxt',
  'format.json': 'network JSON',
};
export type PasteLabels = typeof pasteLabels;

const RULE_WORDS: Record<WiringNote['rule'], string> = {
  sequence: 'children in order',
  'assumed-sequence': 'unknown module: children assumed in order',
  'known-class': 'known torchvision class',
  'branch-on-input': 'branch on the block input',
  'side-branch': 'side branch (auxiliary head)',
  'inferred-flatten': 'inferred: flatten',
  'inferred-global-pool': 'inferred: global pooling',
  'assumed-default': 'assumed default',
  'caffe-graph': 'prototxt bottom/top',
  'caffe-implicit': 'Caffe implicit rule',
  json: 'network JSON',
};

const cache = new Map<number, Explored>();

function exploredAt(pasted: Pasted, size: number): Explored {
  const hit = cache.get(size);
  if (hit) return hit;
  const x = exploreNetwork(pasted.network, [pasted.network.input[0] ?? 3, size, size]);
  if (cache.size > 16) cache.clear();
  cache.set(size, x);
  return x;
}

function need(): Pasted {
  if (current === null) throw new Error('Paste a network into the text field first.');
  return current;
}

/** The parser names the network after its root module or prototxt name, and says the format. */
function titleOf(pasted: Pasted, labels: PasteLabels): string {
  return pasted.network.title || `${labels.yours} (${labels[`format.${pasted.format}`]})`;
}

/** The wiring report: counts per rule, then every note with its line. Pasted names are escaped. */
export function wiringHtml(wiring: readonly WiringNote[], labels: PasteLabels): string {
  const counts = new Map<WiringNote['rule'], number>();
  for (const n of wiring) counts.set(n.rule, (counts.get(n.rule) ?? 0) + 1);
  const tally = [...counts].map(([rule, n]) => `${e(RULE_WORDS[rule])} × ${n}`).join(' · ');
  const rows = wiring
    .map((n) => `<tr><td class="num">${n.line ?? '—'}</td><th scope="row"><code>${e(n.module || '(model)')}</code></th><td>${e(RULE_WORDS[n.rule])}</td><td>${e(n.text)}</td></tr>`)
    .join('');
  return `<h4>${e(labels.wiring)}</h4><p class="ex-hint">${tally || 'no rules applied'}</p><details class="ex-unit pn-wiring"><summary><span class="ex-u-name">${wiring.length} ${wiring.length === 1 ? 'note' : 'notes'}</span><span class="ex-u-meta">line, module, rule</span></summary><div class="nb-table-wrap" tabindex="0"><table class="ex-table"><thead><tr><th scope="col" class="num">Line</th><th scope="col">Module</th><th scope="col">Rule</th><th scope="col">What it means here</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

function renderPaste(values: PasteValues, labels: PasteLabels): string {
  const pasted = need();
  const items = [{ title: titleOf(pasted, labels), x: exploredAt(pasted, values.size) }];
  if (values.vs !== NONE) items.push({ title: values.vs, x: explore(values.vs, {}, values.size) });
  return `<div class="ex-cell">${comparisonHtml(items, values.size, labels, { afterTotals: wiringHtml(pasted.wiring, labels) })}</div>`;
}

export const pasteNetwork: WidgetDef<PasteValues, PasteLabels> = {
  name: 'paste-network',
  fields: {
    size: { kind: 'int', min: 16, max: 2048 },
    vs: { kind: 'choice', options: [NONE, ...networkIds] },
  },
  defaults: { size: 65, vs: NONE },
  labels: pasteLabels,
  summary(values, labels) {
    const pasted = need();
    const a = exploredAt(pasted, values.size).analysis;
    const c = pasted.network.input[0] ?? 3;
    const one = `${titleOf(pasted, labels)} at ${c}×${values.size}×${values.size}: ${formatCount(a.params.total)} parameters, ${formatCompact(a.macs)} MACs, receptive field ${a.receptiveField.size[0]} px at stride ${a.receptiveField.stride[0]}`;
    if (values.vs === NONE) return `${one}.`;
    const b = explore(values.vs, {}, values.size).analysis;
    return `${one}; ${values.vs}: ${formatCount(b.params.total)} parameters, ${formatCompact(b.macs)} MACs.`;
  },
  render: renderPaste,
  blame(error) {
    // Both networks were valid when parsed or built: a core error now comes from the input size
    // (a kernel larger than the map, a Linear whose in_features no longer match C·H·W).
    return isCalcError(error) ? 'size' : undefined;
  },
};
