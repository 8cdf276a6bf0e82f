/**
 * Shared by the parsers: collects nodes and computes each node's tensor as it is added (with the
 * calc core's own layer functions), so a parser can read shapes while it wires, and a bad node
 * fails at its line with the shapes that reached it.
 */
import { isCalcError, type CalcErrorCode } from '../calc/errors';
import { formatShape } from '../calc/format';
import { applyLayer, type Tensor } from '../calc/layers/index';
import { INPUT_FIELD } from '../calc/receptive-field';
import type { LayerSpec, Shape } from '../calc/types';
import { LIMITS, ParseError, type ParseErrorCode } from './errors';

/** A node without its name and inputs (kept per layer kind: Omit on the union would merge them). */
export type NodeBody = LayerSpec extends infer T ? (T extends LayerSpec ? Omit<T, 'name' | 'from'> : never) : never;

/** Which reading of the text produced a node: shown on the page and in the CLI. */
export type WiringRule =
  | 'sequence' // nn.Sequential (or a known Sequential subclass): children in order
  | 'assumed-sequence' // an unknown module with children: assumed to run them in the order printed
  | 'known-class' // a torchvision class with its forward() wiring
  | 'branch-on-input' // a `downsample`/`shortcut` child: a branch on the block input, added to the main path
  | 'side-branch' // an auxiliary head: computed on the main path, which continues without it
  | 'inferred-flatten' // Linear after a C×H×W map with in_features = C·H·W
  | 'inferred-global-pool' // Linear after a C×H×W map with in_features = C
  | 'assumed-default' // a setting the repr does not print (AvgPool2d's ceil_mode), where it would matter
  | 'caffe-graph' // prototxt bottom/top
  | 'caffe-implicit' // a Caffe rule with no layer of its own (InnerProduct flattens, Scale after BatchNorm, pooling rounding)
  | 'json'; // the core's own network JSON

export interface WiringNote {
  readonly line: number | null;
  /** Module path / layer name the rule applied to ("" = the whole model). */
  readonly module: string;
  readonly rule: WiringRule;
  readonly text: string;
}

/** Where a node comes from in the text, for error messages. */
export interface Origin {
  readonly line: number | null;
  /** "layer1.0.conv1 (Conv2d)" or a Caffe layer name. */
  readonly module: string;
}

const CODES: Partial<Record<CalcErrorCode, ParseErrorCode>> = {
  'shape-mismatch': 'shape-mismatch',
  'not-spatial': 'shape-mismatch',
  'kernel-too-large': 'shape-mismatch',
  'channels-not-divisible': 'shape-mismatch',
  'misaligned-stride': 'shape-mismatch',
  'too-large': 'too-large',
};

export class GraphBuilder {
  readonly layers: LayerSpec[] = [];
  readonly wiring: WiringNote[] = [];
  private readonly tensors = new Map<string, Tensor>();

  constructor(readonly input: Shape) {
    this.tensors.set('input', { shape: input, rf: INPUT_FIELD });
  }

  shape(ref: string): Shape {
    const t = this.tensors.get(ref);
    if (t === undefined) throw new Error(`GraphBuilder: no node ${ref}`);
    return t.shape;
  }

  has(name: string): boolean {
    return this.tensors.has(name);
  }

  /** `base`, or `base#2`, `base#3`… when a node of that name exists. */
  unique(base: string): string {
    if (!this.tensors.has(base)) return base;
    let i = 2;
    while (this.tensors.has(`${base}#${i}`)) i++;
    return `${base}#${i}`;
  }

  note(origin: Origin, rule: WiringRule, text: string): void {
    this.wiring.push({ line: origin.line, module: origin.module, rule, text });
  }

  /** Adds a node whose `from` is given explicitly; returns its name. */
  emit(spec: LayerSpec, origin: Origin): string {
    if (this.layers.length >= LIMITS.nodes) {
      throw new ParseError('too-large', origin.line, origin.module, `the network has more than ${LIMITS.nodes} nodes`);
    }
    const from = spec.from ?? [];
    const inputs = (typeof from === 'string' ? [from] : from).map((f) => this.tensors.get(f) as Tensor);
    try {
      const r = applyLayer(spec, inputs);
      this.tensors.set(spec.name, { shape: r.output, rf: r.rf });
    } catch (e) {
      if (!isCalcError(e)) throw e;
      const shapes = inputs.map((t) => formatShape(t.shape)).join(' and ');
      throw new ParseError(CODES[e.code] ?? 'bad-value', origin.line, origin.module, `${e.problem} (input ${shapes})`);
    }
    this.layers.push(spec);
    return spec.name;
  }
}
