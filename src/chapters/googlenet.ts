/**
 * The figures the GoogLeNet chapter quotes, computed once for both languages
 * (content/googlenet.mdx and content/zh-cn/googlenet.mdx import the same names).
 */
import { analyse, formatCompact, type Analysis, type LayerSpec, type ReceptiveField, type Shape } from '../calc/index';
import { analysisOf } from '../models/analysis';
import { rowOf, sumRows } from './facts';
// The chapter's module figures come from the same code as the cell it shows (the widget's export module).
import { computeInceptionModule, inceptionModule, type InceptionBuild } from '../../components/widgets/InceptionModule/index';

type InceptionModuleResult = ReturnType<typeof computeInceptionModule>;

export const paper = analysisOf('googlenet_2014');
export const paperAux = analysisOf('googlenet_2014', { aux: true });
export const tv = analysisOf('googlenet');
export const tvAux = analysisOf('googlenet', { aux: true });
export const vgg16 = analysisOf('vgg16');

/** One row of the paper's Table 1 as the Inception module cell computes it. */
export function preset(name: string, build: InceptionBuild = 'paper'): InceptionModuleResult {
  return computeInceptionModule({ ...inceptionModule.defaults, preset: name, flavour: build });
}
export const m3a = preset('inception3a');
export const m4a = preset('inception4a');
export const tv3a = preset('inception3a', 'torchvision');
/** inception (3a)'s 5×5 branch: reduced cost as a fraction of the naive one, and its weights (no biases). */
export const reducedFraction5x5 = m3a.branches[2]!.macs / m3a.naiveBranches[2]!.macs;
export const m3aBranch5Weights = m3a.branches[2]!.convs.reduce((sum, conv) => sum + conv.params.weights, 0);
/** Channels of inception (3a)'s three convolution branches (the naive module adds the pooled input). */
export const m3aConvChannels = m3a.widths.c1 + m3a.widths.c3 + m3a.widths.c5;

/** formatCompact with a no-break space, so "1.2 M" never breaks across lines. */
export function compact(n: number): string {
  return formatCompact(n).replace(' ', '\u00a0');
}

/** "3.2": how many times a is b (the Chinese page writes "3.2 倍"). */
export function ratio(a: number, b: number, digits = 1): string {
  return (a / b).toFixed(digits);
}

/** "3.2×": how many times a is b. */
export function times(a: number, b: number, digits = 1): string {
  return `${ratio(a, b, digits)}×`;
}

/** The stem's three convolutions, all nine Inception modules, conv3 and the classifier. */
export const stem = sumRows(paper, (r) => /^conv[123]\./.test(r.name));
export const modules = sumRows(paper, (r) => r.name.startsWith('inception'));
export const conv3 = rowOf(paper, 'conv3');
export const fc = rowOf(paper, 'fc');
export const lastMap = rowOf(paper, 'inception5b');

/** The paper's two auxiliary heads, their first fully connected layer and aux1's pooled map. */
export const aux1 = rowOf(paperAux, 'aux1');
export const aux2 = rowOf(paperAux, 'aux2');
export const aux1Fc1 = rowOf(paperAux, 'aux1.fc1');
export const aux1Pool = rowOf(paperAux, 'aux1.avgpool');
export const tvAux1 = rowOf(tvAux, 'aux1');
/** What both auxiliary heads add: parameters (paper and torchvision) and training-only MACs. */
export const auxParams = paperAux.params.total - paper.params.total;
export const auxMacs = paperAux.auxMacs;
export const tvAuxParams = tvAux.params.total - tv.params.total;

const FINAL_MAP: Shape = [1024, 7, 7];

/** A classifier head on GoogLeNet's final 1024×7×7 map. */
function head(id: string, layers: LayerSpec[]): Analysis {
  return analyse({ id, input: FINAL_MAP, layers });
}

const fullyConnected: LayerSpec[] = [
  { kind: 'linear', name: 'fc6', out: 4096 },
  { kind: 'linear', name: 'fc7', out: 4096 },
  { kind: 'linear', name: 'fc8', out: 1000 },
];

/** VGG-style: flatten the map, then FC 4096 → 4096 → 1000. */
export const fcHead = head('fc-head', [{ kind: 'flatten', name: 'flatten' }, ...fullyConnected]);
/** GoogLeNet's: global average pool, then one FC 1000. */
export const gapHead = head('gap-head', [
  { kind: 'adaptiveavgpool', name: 'gap', output: 1 },
  { kind: 'flatten', name: 'flatten' },
  { kind: 'linear', name: 'fc', out: 1000 },
]);
export const fcHeadNoBias = fcHead.params.weights;
/** VGG's three FC layers after global pooling (the exercise's wrong answer). */
export const gapThenVgg = head('gap-vgg', [
  { kind: 'adaptiveavgpool', name: 'gap', output: 1 },
  { kind: 'flatten', name: 'flatten' },
  ...fullyConnected,
]);
export const fcHeadRows = { fc6: rowOf(fcHead, 'fc6'), fc7: rowOf(fcHead, 'fc7'), fc8: rowOf(fcHead, 'fc8') };

/** Receptive field of a layer of an analysed network. */
export function rf(a: Analysis, name: string): ReceptiveField {
  const field = rowOf(a, name).receptiveField;
  if (field === null) throw new Error(`${a.network} layer "${name}" has no spatial receptive field`);
  return field;
}
