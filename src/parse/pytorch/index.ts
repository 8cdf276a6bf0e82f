/**
 * print(model) → calc-core Network. The wiring rules, in the order they are tried per module:
 * a leaf module is one node; a torchvision class from the known table gets its forward() wiring;
 * nn.Sequential runs its children in order; a module with a `downsample` or `shortcut` child runs
 * its other children in order and adds that child, applied to the block input; any other module
 * with children is assumed to run them in order. Every rule is reported per module.
 */
import type { Network, Shape } from '../../calc/types';
import { ParseError } from '../errors';
import { GraphBuilder, type WiringNote } from '../graph';
import { knownClass, SEQUENTIAL, UNSUPPORTED, type Wiring } from './known';
import { LEAVES } from './leaves';
import { parseRepr, type ModuleNode } from './repr';
import { int, origin } from './values';

export interface ParsedNetwork {
  readonly network: Network;
  readonly wiring: readonly WiringNote[];
}

const BRANCH_NAMES = ['downsample', 'shortcut'];

/** Input channels = in_channels of the first Conv2d in print order. */
function inputChannels(root: ModuleNode): number {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop() as ModuleNode;
    if (n.type === 'Conv2d') return int(n, 'in_channels', 0);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ModuleNode);
  }
  throw new ParseError('no-input', root.line, root.type, 'no Conv2d found, so the input channels are unknown (the calc core analyses networks on C×H×W images)');
}

function unknownLeaf(node: ModuleNode): never {
  const o = origin(node);
  const known = Object.keys(LEAVES).filter((k) => !['ConvTranspose2d', 'Conv1d', 'Conv3d', 'Upsample'].includes(k));
  throw new ParseError('unknown-module', o.line, o.module, `unknown module "${node.type}" without children; known leaf modules: ${known.join(', ')}`);
}

/** `head`: the module is an auxiliary head, marked on its block node (its MACs are not an eval pass's). */
function buildModule(b: GraphBuilder, node: ModuleNode, x: string, head?: 'training-only'): string {
  if (node.children.length === 0) {
    const leaf = Object.hasOwn(LEAVES, node.type) ? LEAVES[node.type] : undefined;
    if (leaf !== undefined) return leaf(b, node, x, node.path === '' ? node.type : node.path);
    if (SEQUENTIAL.has(node.type) || node.type === 'ModuleList') return x; // empty container
    return unknownLeaf(node);
  }
  const o = origin(node);
  if (Object.hasOwn(UNSUPPORTED, node.type)) throw new ParseError('unsupported', o.line, o.module, UNSUPPORTED[node.type] as string);
  const w: Wiring = { b, run: (c, input, h) => buildModule(b, c, input, h) };
  let out: string;
  const known = knownClass(node);
  if (known !== undefined) {
    b.note(o, 'known-class', known.text);
    out = known.wire(w, node, x);
  } else if (SEQUENTIAL.has(node.type)) {
    b.note(o, 'sequence', `${node.type} runs its children in order`);
    out = node.children.reduce((t, c) => w.run(c, t), x);
  } else {
    const branch = node.children.find((c) => BRANCH_NAMES.includes(c.name));
    const rest = node.children.filter((c) => c !== branch);
    b.note(o, 'assumed-sequence', `${node.type} is not in the table of known classes: its children are assumed to run in the order printed`);
    out = rest.reduce((t, c) => w.run(c, t), x);
    if (branch !== undefined) {
      b.note(origin(branch), 'branch-on-input', `"${branch.name}" is a branch on the input of ${node.path || node.type}, added to the main path`);
      const side = w.run(branch, x);
      out = b.emit({ name: b.unique(`${node.path === '' ? '' : `${node.path}.`}add`), kind: 'add', from: [out, side] }, o);
    }
  }
  if (node.path === '') return out;
  return b.emit({ name: node.path, kind: 'block', from: out, ...(head === 'training-only' ? { trainingOnly: true } : {}) }, o);
}

export interface PytorchOptions {
  /** [height, width]; default 299 for Inception3, else 224. */
  readonly input?: readonly [number, number];
}

export function parsePytorch(text: string, options: PytorchOptions = {}): ParsedNetwork {
  const root = parseRepr(text);
  const side = root.type === 'Inception3' ? 299 : 224;
  const [h, w] = options.input ?? [side, side];
  const input: Shape = [inputChannels(root), h, w];
  const b = new GraphBuilder(input);
  buildModule(b, root, 'input');
  if (b.layers.length === 0) throw new ParseError('empty', root.line, root.type, 'the model has no layers');
  return {
    network: {
      id: root.type,
      title: `${root.type} (pasted print(model))`,
      input,
      layers: b.layers,
      source: 'pasted PyTorch module repr',
      notes: [`Input ${input.join('×')}: channels from the first Conv2d; ${options.input === undefined ? `the default size for ${root.type}` : 'size as given'}.`],
    },
    wiring: b.wiring,
  };
}
