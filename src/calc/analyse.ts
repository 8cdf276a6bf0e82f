/** One call for widgets, tables and the CLI: shapes, params, MACs and receptive fields per node. */
import { CalcError } from './errors';
import { applyLayer, type Tensor } from './layers/index';
import { INPUT_FIELD } from './receptive-field';
import type { Analysis, LayerRow, LayerSpec, Network, ParamCount, ReceptiveField, Shape } from './types';
import { exact } from './validate';

/** An ad-hoc stack (a widget's few layers) or a registry Network. */
export interface StackInput {
  readonly input: Shape;
  readonly layers: readonly LayerSpec[];
  readonly id?: string;
}

/** The model's input tensor is called "input" in `from`. */
export const INPUT_NAME = 'input';

function checkInput(shape: unknown): Shape {
  const ok =
    Array.isArray(shape) && shape.length === 3 && shape.every((d: unknown) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 1);
  if (!ok) {
    const got = Array.isArray(shape) ? `[${shape.map(String).join(', ')}]` : String(shape);
    throw new CalcError('bad-input', INPUT_NAME, `the input must be [channels, height, width] of positive whole numbers, got ${got}`);
  }
  return shape as Shape;
}

interface Sum {
  weights: number;
  biases: number;
  bn: number;
  macs: number;
  bytes: number;
}

function addTo(sum: Sum, params: ParamCount, macs: number, bytes: number): void {
  sum.weights += params.weights;
  sum.biases += params.biases;
  sum.bn += params.bn;
  sum.macs += macs;
  sum.bytes += bytes;
}

/** Bytes per value at fp32. */
export const FP32_BYTES = 4;

const numel = (shape: Shape): number => shape.reduce((p, d) => p * d, 1);

/** fp32 bytes a layer reads and writes on its own: parameters, inputs, output. */
function trafficOf(kind: LayerSpec['kind'], params: ParamCount, inputs: readonly Tensor[], output: Shape): number {
  if (kind === 'flatten' || kind === 'dropout' || kind === 'block') return 0;
  let values = params.total + numel(output);
  for (const t of inputs) values += numel(t.shape);
  return FP32_BYTES * values;
}

function toParams(layer: string, s: Sum): ParamCount {
  return {
    weights: exact(layer, 'the weight count', s.weights),
    biases: exact(layer, 'the bias count', s.biases),
    bn: exact(layer, 'the batch-norm parameter count', s.bn),
    total: exact(layer, 'the parameter count', s.weights + s.biases + s.bn),
  };
}

function emptySum(): Sum {
  return { weights: 0, biases: 0, bn: 0, macs: 0, bytes: 0 };
}

/** Adds a row into the running sum of every dotted prefix of its name ("a.b.c" → "a", "a.b"). */
function addToPrefixes(sums: Map<string, Sum>, blocks: ReadonlySet<string>, name: string, params: ParamCount, macs: number, bytes: number): void {
  let dot = name.indexOf('.');
  while (dot !== -1) {
    const prefix = name.slice(0, dot);
    dot = name.indexOf('.', dot + 1);
    if (!blocks.has(prefix)) continue;
    let s = sums.get(prefix);
    if (s === undefined) {
      s = emptySum();
      sums.set(prefix, s);
    }
    addTo(s, params, macs, bytes);
  }
}

/** True if `name` is a training-only head or one of its nodes ("aux1", "aux1.fc1"). */
function inAuxHead(heads: ReadonlySet<string>, name: string): boolean {
  if (heads.has(name)) return true;
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    if (heads.has(name.slice(0, dot))) return true;
  }
  return false;
}

/**
 * Walks the nodes in order. `from` defaults to the previous node; a node's input channels come
 * from the incoming shape. Block rows sum the nodes named `${block}.…` and are not added to totals.
 * Training-only heads' MACs go to `auxMacs`. The top-level receptive field is that of the last
 * eval-mode row with a spatial output and a field (global pooling and flatten have none).
 */
export function analyse(net: Network | StackInput, input?: Shape): Analysis {
  const inputShape = checkInput(input ?? net.input);
  const tensors = new Map<string, Tensor>([[INPUT_NAME, { shape: inputShape, rf: INPUT_FIELD }]]);
  const rows: LayerRow[] = [];
  const blocks: number[] = [];
  const prefixSums = new Map<string, Sum>();
  const total = emptySum();
  let previous = INPUT_NAME;
  let field: ReceptiveField = INPUT_FIELD;

  // Only prefixes that name a block need running sums; none for plain stacks like VGG.
  const blockNames = new Set<string>();
  const auxHeads = new Set<string>();
  for (const spec of net.layers) {
    if (spec.kind !== 'block') continue;
    blockNames.add(spec.name);
    if (spec.trainingOnly === true) auxHeads.add(spec.name);
  }
  let auxMacs = 0;

  for (const spec of net.layers) {
    const name: unknown = spec.name;
    if (typeof name !== 'string' || name === '') {
      throw new CalcError('bad-parameter', `node ${rows.length + 1}`, 'every node needs a non-empty name');
    }
    if (tensors.has(name)) {
      throw new CalcError('duplicate-name', name, name === INPUT_NAME ? '"input" is reserved for the model input' : 'this name is used twice');
    }
    const from = spec.from ?? previous;
    const inputs: Tensor[] = [];
    for (const src of typeof from === 'string' ? [from] : from) {
      const t = tensors.get(src);
      if (t === undefined) throw new CalcError('unknown-input', name, `input "${src}" is not an earlier node`);
      inputs.push(t);
    }
    const r = applyLayer(spec, inputs);
    const trainingOnly = auxHeads.size > 0 && inAuxHead(auxHeads, name);
    const bytes = trafficOf(spec.kind, r.params, inputs, r.output);
    // One object shape for every row (label may be undefined) keeps property access monomorphic.
    rows.push({
      name,
      label: spec.label,
      kind: spec.kind,
      input: (inputs[0] as Tensor).shape,
      output: r.output,
      params: r.params,
      macs: r.macs,
      receptiveField: r.rf,
      detail: r.detail,
      trainingOnly,
      bytes,
    });
    if (spec.kind === 'block') {
      blocks.push(rows.length - 1);
    } else {
      // Eval-mode MACs only: a training-only head's params count, its MACs go to auxMacs.
      addTo(total, r.params, trainingOnly ? 0 : r.macs, trainingOnly ? 0 : bytes);
      if (trainingOnly) auxMacs += r.macs;
      if (blockNames.size > 0) addToPrefixes(prefixSums, blockNames, name, r.params, r.macs, bytes);
    }
    if (r.rf !== null && r.output.length === 3 && !trainingOnly) field = r.rf;
    tensors.set(name, { shape: r.output, rf: r.rf });
    previous = name;
  }

  for (const i of blocks) {
    const row = rows[i] as LayerRow;
    const sum = prefixSums.get(row.name) ?? emptySum();
    rows[i] = {
      name: row.name,
      label: row.label,
      kind: row.kind,
      input: row.input,
      output: row.output,
      params: toParams(row.name, sum),
      macs: exact(row.name, 'the MAC count', sum.macs),
      receptiveField: row.receptiveField,
      detail: row.detail,
      trainingOnly: row.trainingOnly,
      bytes: exact(row.name, 'the memory traffic', sum.bytes),
    };
  }

  const id = 'id' in net && typeof net.id === 'string' ? net.id : 'stack';
  return {
    network: id,
    input: inputShape,
    output: (tensors.get(previous) as Tensor).shape,
    rows,
    params: toParams(id, total),
    macs: exact(id, 'the MAC count', total.macs),
    auxMacs: exact(id, 'the aux-head MAC count', auxMacs),
    bytes: exact(id, 'the memory traffic', total.bytes),
    receptiveField: field,
  };
}
