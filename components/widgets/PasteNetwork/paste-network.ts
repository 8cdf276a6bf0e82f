/**
 * "Paste your network": the explorer's output (totals, receptive-field chart, bars per block, every
 * layer) for a network parsed from pasted text, plus the wiring report (which reading of the text
 * applied where) and an optional built-in model to compare. The parsed network lives in a small
 * store (setPasted): the server fills it with the default net, the browser with each good parse,
 * so `render` stays synchronous and the parser never has to load with the page.
 */
import { formatCompact, formatCount, isCalcError, type Network } from '../../../src/calc/index';
import { int } from '../../../src/widget/fields';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import { networkIds } from '../../../src/models/registry';
import type { WidgetDef } from '../../../src/widget/widget';
import type { WiringNote } from '../../../src/parse/graph';
import { LIMITS } from '../../../src/parse/errors';
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

/** `text` is what the reader pasted; the render shows its last good parse (setPasted), not the text. */
export type PasteValues = { text: string; size: number; vs: string };

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
  'rule.sequence': 'children in order',
  'rule.assumed-sequence': 'unknown module: children assumed in order',
  'rule.known-class': 'known torchvision class',
  'rule.branch-on-input': 'branch on the block input',
  'rule.side-branch': 'side branch (auxiliary head)',
  'rule.inferred-flatten': 'inferred: flatten',
  'rule.inferred-global-pool': 'inferred: global pooling',
  'rule.assumed-default': 'assumed default',
  'rule.caffe-graph': 'prototxt bottom/top',
  'rule.caffe-implicit': 'Caffe implicit rule',
  'rule.json': 'network JSON',
  noRules: 'no rules applied',
  notes: '{n} notes',
  noteOne: '1 note',
  notesMeta: 'line, module, rule',
  colLine: 'Line',
  colModule: 'Module',
  colRule: 'Rule',
  colMeaning: 'What it means here',
  model: '(model)',
  pasteFirst: 'Paste a network into the text field first.',
  pasteSummary: '{title} at {input}: {params} parameters, {macs} MACs, receptive field {rf} px at stride {S}',
  line: 'Line {n}',
  tooLong:
    'This network is analysed but not kept in the address: compressed, it needs {length} characters there, over the limit of {limit}. Share the text itself.',
  badLink: 'The network in this link could not be read: {reason}.',
  damaged: 'damaged text',
  /** Empty: the parser's own title. */
  pastedTitle: '',
};
export type PasteLabels = typeof pasteLabels;
/** A translation may explain each wiring rule itself (the parser's notes are English). */
export type RuleNotes = Record<`ruleNote.${WiringNote['rule']}`, string>;

const ruleWords = (rule: WiringNote['rule'], labels: PasteLabels): string => labels[`rule.${rule}`] ?? rule;

const cache = new Map<number, Explored>();

function exploredAt(pasted: Pasted, size: number): Explored {
  const hit = cache.get(size);
  if (hit) return hit;
  const x = exploreNetwork(pasted.network, [pasted.network.input[0] ?? 3, size, size]);
  if (cache.size > 16) cache.clear();
  cache.set(size, x);
  return x;
}

function need(labels: PasteLabels): Pasted {
  if (current === null) throw Object.assign(new Error(labels.pasteFirst), { localized: true });
  return current;
}

/** The parser names the network after its root module or prototxt name, and says the format. */
function titleOf(pasted: Pasted, labels: PasteLabels): string {
  const format = labels[`format.${pasted.format}`];
  // The parser's title is English ("CustomNet (pasted print(model))"); a translation rewrites its tail.
  if (labels.pastedTitle && pasted.network.title) return fill(labels.pastedTitle, { name: pasted.network.title.replace(/ \(pasted .*\)$/, ''), format });
  return pasted.network.title || `${labels.yours} (${format})`;
}

/** The wiring report: counts per rule, then every note with its line. Pasted names are escaped. */
export function wiringHtml(wiring: readonly WiringNote[], labels: PasteLabels): string {
  const counts = new Map<WiringNote['rule'], number>();
  for (const n of wiring) counts.set(n.rule, (counts.get(n.rule) ?? 0) + 1);
  const tally = [...counts].map(([rule, n]) => `${e(ruleWords(rule, labels))} × ${n}`).join(' · ');
  const rows = wiring
    .map((n) => `<tr><td class="num">${n.line ?? '—'}</td><th scope="row"><code>${e(n.module || labels.model)}</code></th><td>${e(ruleWords(n.rule, labels))}</td><td>${e((labels as Partial<RuleNotes>)[`ruleNote.${n.rule}`] ?? n.text)}</td></tr>`)
    .join('');
  return `<h4>${e(labels.wiring)}</h4><p class="ex-hint">${tally || e(labels.noRules)}</p><details class="ex-unit pn-wiring"><summary><span class="ex-u-name">${e(wiring.length === 1 ? labels.noteOne : fill(labels.notes, { n: wiring.length }))}</span><span class="ex-u-meta">${e(labels.notesMeta)}</span></summary><div class="nb-table-wrap" tabindex="0"><table class="ex-table"><thead><tr><th scope="col" class="num">${e(labels.colLine)}</th><th scope="col">${e(labels.colModule)}</th><th scope="col">${e(labels.colRule)}</th><th scope="col">${e(labels.colMeaning)}</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

function renderPaste(values: PasteValues, labels: PasteLabels): string {
  const pasted = need(labels);
  const items = [{ title: titleOf(pasted, labels), x: exploredAt(pasted, values.size) }];
  if (values.vs !== NONE) items.push({ title: values.vs, x: explore(values.vs, {}, values.size) });
  return `<div class="ex-cell">${comparisonHtml(items, values.size, labels, { afterTotals: wiringHtml(pasted.wiring, labels) })}</div>`;
}

export const pasteNetwork: WidgetDef<PasteValues, PasteLabels> = {
  name: 'paste-network',
  fields: {
    text: { kind: 'text', maxLength: LIMITS.chars, rows: 12 },
    size: int(16, 2048),
    vs: { kind: 'choice', options: [NONE, ...networkIds] },
  },
  // The text's default is the sample the server parses (PasteNetwork.astro passes it as `initial`).
  defaults: { text: '', size: 65, vs: NONE },
  // English labels on the server only: the browser renders with data-labels (Cell.astro).
  labels: import.meta.env.SSR ? pasteLabels : ({} as PasteLabels),
  summary(values, labels) {
    const pasted = need(labels);
    const a = exploredAt(pasted, values.size).analysis;
    const c = pasted.network.input[0] ?? 3;
    const rf = { rf: a.receptiveField.size[0], S: a.receptiveField.stride[0] };
    const one = fill(labels.pasteSummary, { title: titleOf(pasted, labels), input: `${c}×${values.size}×${values.size}`, params: formatCount(a.params.total), macs: formatCompact(a.macs), ...rf });
    if (values.vs === NONE) return one + labels.period;
    const b = explore(values.vs, {}, values.size).analysis;
    return fill(labels.summaryVs, { one, model: values.vs, params: formatCount(b.params.total), macs: formatCompact(b.macs) });
  },
  render: renderPaste,
  blame(error) {
    // Both networks were valid when parsed or built: a core error now comes from the input size
    // (a kernel larger than the map, a Linear whose in_features no longer match C·H·W).
    return isCalcError(error) ? 'size' : undefined;
  },
};
