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
}

function addTo(sum: Sum, params: ParamCount, macs: number): void {
  sum.weights += params.weights;
  sum.biases += params.biases;
  sum.bn += params.bn;
  sum.macs += macs;
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
  return { weights: 0, biases: 0, bn: 0, macs: 0 };
}

/** Adds a row into the running sum of every dotted prefix of its name ("a.b.c" → "a", "a.b"). */
function addToPrefixes(sums: Map<string, Sum>, blocks: ReadonlySet<string>, name: string, params: ParamCount, macs: number): void {
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
    addTo(s, params, macs);
  }
}

/**
 * Walks the nodes in order. `from` defaults to the previous node; a node's input channels come
 * from the incoming shape. Block rows sum the nodes named `${block}.…` and are not added to totals.
 * The top-level receptive field is that of the last row with a spatial output and a field.
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
  for (const spec of net.layers) if (spec.kind === 'block') blockNames.add(spec.name);

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
      window: r.window ?? null,
      groups: r.groups ?? 1,
      detail: r.detail,
    });
    if (spec.kind === 'block') {
      blocks.push(rows.length - 1);
    } else {
      addTo(total, r.params, r.macs);
      if (blockNames.size > 0) addToPrefixes(prefixSums, blockNames, name, r.params, r.macs);
    }
    if (r.rf !== null && r.output.length === 3) field = r.rf;
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
      window: row.window,
      groups: row.groups,
      detail: row.detail,
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
    receptiveField: field,
  };
}
