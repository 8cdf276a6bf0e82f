/**
 * torchvision classes whose forward() wiring the repr does not show, as data: which children they
 * have and how forward() connects them (torchvision/models/{resnet,googlenet,inception,mobilenetv2,
 * vgg,alexnet}.py and ops/misc.py). A class matches only when its children are exactly these
 * (optional ones may be absent); otherwise the generic rules apply.
 */
import type { LayerSpec } from '../../calc/types';
import type { GraphBuilder, NodeBody } from '../graph';
import type { ModuleNode } from './repr';
import { origin } from './values';

export interface Wiring {
  readonly b: GraphBuilder;
  /** Builds a child module on tensor `x`; returns the name of its output node. */
  run(child: ModuleNode, x: string, head?: 'training-only'): string;
}

/** A functional op of forward() (F.relu, torch.flatten, F.avg_pool2d…): a node named `${path}.${suffix}`. */
interface Functional {
  readonly suffix: string;
  readonly spec: NodeBody;
}

/** An auxiliary head: runs on the main path, which continues from the same tensor. */
interface Side {
  readonly side: string;
}

type Step = string | Functional | Side;

export interface KnownClass {
  /** forward(), in one line, for the wiring report. */
  readonly text: string;
  readonly required: readonly string[];
  readonly optional?: readonly string[];
  readonly wire: (w: Wiring, node: ModuleNode, x: string) => string;
}

const relu: Functional = { suffix: 'relu', spec: { kind: 'act', fn: 'relu' } };
const flatten: Functional = { suffix: 'flatten', spec: { kind: 'flatten' } };
const gap = (output: number, suffix: string): Functional => ({ suffix, spec: { kind: 'adaptiveavgpool', output } });
const avgPool = (kernel: number, stride: number, padding: number, suffix: string): Functional => ({
  suffix,
  spec: { kind: 'avgpool', kernel, stride, padding },
});
const maxPool = (kernel: number, stride: number, suffix: string): Functional => ({ suffix, spec: { kind: 'maxpool', kernel, stride } });

function child(node: ModuleNode, name: string): ModuleNode | undefined {
  return node.children.find((c) => c.name === name);
}

function functional(w: Wiring, node: ModuleNode, f: Functional, x: string): string {
  const name = w.b.unique(node.path === '' ? f.suffix : `${node.path}.${f.suffix}`);
  return w.b.emit({ ...f.spec, name, from: x } as LayerSpec, origin(node));
}

/** Runs steps in order from `x`. */
function chain(w: Wiring, node: ModuleNode, x: string, steps: readonly Step[]): string {
  let out = x;
  let last = 'the input';
  for (const step of steps) {
    if (typeof step === 'string') {
      out = w.run(child(node, step) as ModuleNode, out);
      last = step;
    } else if ('side' in step) {
      const head = child(node, step.side);
      if (head === undefined) continue;
      w.run(head, out, 'training-only');
      w.b.note(origin(head), 'side-branch', `auxiliary head on the output of ${last}; ${node.type}.forward() continues from ${last} without it (the head runs only in training mode)`);
    } else {
      out = functional(w, node, step, out);
    }
  }
  return out;
}

function concat(w: Wiring, node: ModuleNode, x: string, branches: readonly (readonly Step[])[], suffix = 'concat'): string {
  const outs = branches.map((steps) => chain(w, node, x, steps));
  return w.b.emit({ name: w.b.unique(`${node.path}.${suffix}`), kind: 'concat', from: outs }, origin(node));
}

function add(w: Wiring, node: ModuleNode, main: string, identity: string): string {
  return w.b.emit({ name: w.b.unique(`${node.path}.add`), kind: 'add', from: [main, identity] }, origin(node));
}

/** ResNet blocks: the main path, + identity or downsample(x), then the block's `relu` once more. */
function residual(steps: readonly Step[]): KnownClass['wire'] {
  return (w, node, x) => {
    const main = chain(w, node, x, steps);
    const ds = child(node, 'downsample');
    const identity = ds === undefined ? x : w.run(ds, x);
    return functional(w, node, relu, add(w, node, main, identity));
  };
}

const sequenceOf = (steps: readonly Step[]): KnownClass['wire'] => (w, node, x) => chain(w, node, x, steps);

const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Convs in a subtree (for InvertedResidual's stride test). */
function convs(node: ModuleNode): ModuleNode[] {
  const out: ModuleNode[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as ModuleNode;
    if (n.type === 'Conv2d') out.push(n);
    stack.push(...n.children);
  }
  return out;
}

const strideOne = (n: ModuleNode): boolean => {
  const s = n.kwargs.stride ?? n.args[3] ?? 1;
  return Array.isArray(s) ? s.every((v) => v === 1) : s === 1;
};

const GOOGLENET_AUX = ['conv', 'fc1', 'fc2', 'dropout'];
const INCEPTION_V3_AUX = ['conv0', 'conv1', 'fc'];

export const KNOWN: Readonly<Record<string, readonly KnownClass[]>> = {
  BasicBlock: [
    {
      text: 'torchvision BasicBlock: conv1 → bn1 → relu → conv2 → bn2, + (downsample(x) or x), relu',
      required: ['conv1', 'bn1', 'relu', 'conv2', 'bn2'],
      optional: ['downsample'],
      wire: residual(['conv1', 'bn1', { ...relu, suffix: 'relu1' }, 'conv2', 'bn2']),
    },
  ],
  Bottleneck: [
    {
      text: 'torchvision Bottleneck: conv1 → bn1 → relu → conv2 → bn2 → relu → conv3 → bn3, + (downsample(x) or x), relu',
      required: ['conv1', 'bn1', 'conv2', 'bn2', 'conv3', 'bn3', 'relu'],
      optional: ['downsample'],
      wire: residual(['conv1', 'bn1', { ...relu, suffix: 'relu1' }, 'conv2', 'bn2', { ...relu, suffix: 'relu2' }, 'conv3', 'bn3']),
    },
  ],
  BasicConv2d: [
    { text: 'torchvision BasicConv2d: conv → bn → F.relu', required: ['conv', 'bn'], wire: sequenceOf(['conv', 'bn', relu]) },
  ],
  Inception: [
    {
      text: 'torchvision GoogLeNet Inception: torch.cat of branch1, branch2, branch3, branch4, each on the block input',
      required: ['branch1', 'branch2', 'branch3', 'branch4'],
      wire: (w, node, x) => concat(w, node, x, [['branch1'], ['branch2'], ['branch3'], ['branch4']]),
    },
  ],
  InceptionAux: [
    {
      text: 'torchvision GoogLeNet InceptionAux: F.adaptive_avg_pool2d(4) → conv → flatten → fc1 → F.relu → dropout → fc2',
      required: GOOGLENET_AUX,
      wire: sequenceOf([gap(4, 'avgpool'), 'conv', flatten, 'fc1', relu, 'dropout', 'fc2']),
    },
    {
      text: 'torchvision Inception v3 InceptionAux: F.avg_pool2d(5, stride 3) → conv0 → conv1 → F.adaptive_avg_pool2d(1) → flatten → fc',
      required: INCEPTION_V3_AUX,
      wire: sequenceOf([avgPool(5, 3, 0, 'avgpool'), 'conv0', 'conv1', gap(1, 'adaptive_avgpool'), flatten, 'fc']),
    },
  ],
  InceptionA: [
    {
      text: 'torchvision InceptionA: torch.cat of branch1x1 | branch5x5_1→_2 | branch3x3dbl_1→_2→_3 | F.avg_pool2d(3, 1, 1)→branch_pool',
      required: ['branch1x1', 'branch5x5_1', 'branch5x5_2', ...names('branch3x3dbl_', 3), 'branch_pool'],
      wire: (w, node, x) =>
        concat(w, node, x, [['branch1x1'], ['branch5x5_1', 'branch5x5_2'], names('branch3x3dbl_', 3), [avgPool(3, 1, 1, 'pool'), 'branch_pool']]),
    },
  ],
  InceptionB: [
    {
      text: 'torchvision InceptionB: torch.cat of branch3x3 | branch3x3dbl_1→_2→_3 | F.max_pool2d(3, stride 2)',
      required: ['branch3x3', ...names('branch3x3dbl_', 3)],
      wire: (w, node, x) => concat(w, node, x, [['branch3x3'], names('branch3x3dbl_', 3), [maxPool(3, 2, 'branch_pool')]]),
    },
  ],
  InceptionC: [
    {
      text: 'torchvision InceptionC: torch.cat of branch1x1 | branch7x7_1→_2→_3 | branch7x7dbl_1→…→_5 | F.avg_pool2d(3, 1, 1)→branch_pool',
      required: ['branch1x1', ...names('branch7x7_', 3), ...names('branch7x7dbl_', 5), 'branch_pool'],
      wire: (w, node, x) =>
        concat(w, node, x, [['branch1x1'], names('branch7x7_', 3), names('branch7x7dbl_', 5), [avgPool(3, 1, 1, 'pool'), 'branch_pool']]),
    },
  ],
  InceptionD: [
    {
      text: 'torchvision InceptionD: torch.cat of branch3x3_1→_2 | branch7x7x3_1→…→_4 | F.max_pool2d(3, stride 2)',
      required: [...names('branch3x3_', 2), ...names('branch7x7x3_', 4)],
      wire: (w, node, x) => concat(w, node, x, [names('branch3x3_', 2), names('branch7x7x3_', 4), [maxPool(3, 2, 'branch_pool')]]),
    },
  ],
  InceptionE: [
    {
      text: 'torchvision InceptionE: torch.cat of branch1x1 | branch3x3_1→cat(_2a, _2b) | branch3x3dbl_1→_2→cat(_3a, _3b) | F.avg_pool2d(3, 1, 1)→branch_pool',
      required: ['branch1x1', 'branch3x3_1', 'branch3x3_2a', 'branch3x3_2b', 'branch3x3dbl_1', 'branch3x3dbl_2', 'branch3x3dbl_3a', 'branch3x3dbl_3b', 'branch_pool'],
      wire: (w, node, x) => {
        const b1 = chain(w, node, x, ['branch1x1']);
        const s3 = chain(w, node, x, ['branch3x3_1']);
        const b3 = concat(w, node, s3, [['branch3x3_2a'], ['branch3x3_2b']], 'branch3x3_cat');
        const sd = chain(w, node, x, ['branch3x3dbl_1', 'branch3x3dbl_2']);
        const bd = concat(w, node, sd, [['branch3x3dbl_3a'], ['branch3x3dbl_3b']], 'branch3x3dbl_cat');
        const bp = chain(w, node, x, [avgPool(3, 1, 1, 'pool'), 'branch_pool']);
        return w.b.emit({ name: w.b.unique(`${node.path}.concat`), kind: 'concat', from: [b1, b3, bd, bp] }, origin(node));
      },
    },
  ],
  InvertedResidual: [
    {
      text: 'torchvision MobileNetV2 InvertedResidual: conv(x), + x when every stride is 1 and in = out channels (use_res_connect)',
      required: ['conv'],
      wire: (w, node, x) => {
        const out = w.run(child(node, 'conv') as ModuleNode, x);
        const inShape = w.b.shape(x);
        const outShape = w.b.shape(out);
        const same = inShape.length === outShape.length && inShape.every((d, i) => d === outShape[i]);
        return same && convs(node).every(strideOne) ? add(w, node, out, x) : out;
      },
    },
  ],
  ResNet: [
    {
      text: 'torchvision ResNet: conv1 → bn1 → relu → maxpool → layer1…layer4 → avgpool → torch.flatten → fc',
      required: ['conv1', 'bn1', 'relu', 'maxpool', ...names('layer', 4), 'avgpool', 'fc'],
      wire: sequenceOf(['conv1', 'bn1', 'relu', 'maxpool', ...names('layer', 4), 'avgpool', flatten, 'fc']),
    },
  ],
  VGG: [
    {
      text: 'torchvision VGG: features → avgpool → torch.flatten → classifier',
      required: ['features', 'avgpool', 'classifier'],
      wire: sequenceOf(['features', 'avgpool', flatten, 'classifier']),
    },
  ],
  AlexNet: [
    {
      text: 'torchvision AlexNet: features → avgpool → torch.flatten → classifier',
      required: ['features', 'avgpool', 'classifier'],
      wire: sequenceOf(['features', 'avgpool', flatten, 'classifier']),
    },
  ],
  MobileNetV2: [
    {
      text: 'torchvision MobileNetV2: features → F.adaptive_avg_pool2d(1) → torch.flatten → classifier',
      required: ['features', 'classifier'],
      wire: sequenceOf(['features', gap(1, 'avgpool'), flatten, 'classifier']),
    },
  ],
  GoogLeNet: [
    {
      text: 'torchvision GoogLeNet: conv1 … inception4a → [aux1] → inception4b … inception4d → [aux2] → inception4e … avgpool → torch.flatten → dropout → fc',
      required: [
        'conv1', 'maxpool1', 'conv2', 'conv3', 'maxpool2', 'inception3a', 'inception3b', 'maxpool3', 'inception4a', 'inception4b',
        'inception4c', 'inception4d', 'inception4e', 'maxpool4', 'inception5a', 'inception5b', 'avgpool', 'dropout', 'fc',
      ],
      optional: ['aux1', 'aux2'],
      wire: sequenceOf([
        'conv1', 'maxpool1', 'conv2', 'conv3', 'maxpool2', 'inception3a', 'inception3b', 'maxpool3', 'inception4a', { side: 'aux1' },
        'inception4b', 'inception4c', 'inception4d', { side: 'aux2' }, 'inception4e', 'maxpool4', 'inception5a', 'inception5b',
        'avgpool', flatten, 'dropout', 'fc',
      ]),
    },
  ],
  Inception3: [
    {
      text: 'torchvision Inception3: Conv2d_1a_3x3 … Mixed_6e → [AuxLogits] → Mixed_7a … Mixed_7c → avgpool → dropout → torch.flatten → fc',
      required: [
        'Conv2d_1a_3x3', 'Conv2d_2a_3x3', 'Conv2d_2b_3x3', 'maxpool1', 'Conv2d_3b_1x1', 'Conv2d_4a_3x3', 'maxpool2', 'Mixed_5b', 'Mixed_5c',
        'Mixed_5d', 'Mixed_6a', 'Mixed_6b', 'Mixed_6c', 'Mixed_6d', 'Mixed_6e', 'Mixed_7a', 'Mixed_7b', 'Mixed_7c', 'avgpool', 'dropout', 'fc',
      ],
      optional: ['AuxLogits'],
      wire: sequenceOf([
        'Conv2d_1a_3x3', 'Conv2d_2a_3x3', 'Conv2d_2b_3x3', 'maxpool1', 'Conv2d_3b_1x1', 'Conv2d_4a_3x3', 'maxpool2', 'Mixed_5b', 'Mixed_5c',
        'Mixed_5d', 'Mixed_6a', 'Mixed_6b', 'Mixed_6c', 'Mixed_6d', 'Mixed_6e', { side: 'AuxLogits' }, 'Mixed_7a', 'Mixed_7b', 'Mixed_7c',
        'avgpool', 'dropout', flatten, 'fc',
      ]),
    },
  ],
};

/**
 * torchvision classes whose forward() the calc core cannot express: reading their children in
 * order would give wrong numbers without an error, so they are refused by name.
 */
export const UNSUPPORTED: Readonly<Record<string, string>> = {
  SqueezeExcitation: 'torchvision SqueezeExcitation multiplies its input by per-channel weights (input · scale(input)); the calc core has no multiply node',
  _DenseLayer: "torchvision DenseNet's _DenseLayer reads the concatenation of every earlier feature map of its block; that wiring is not in the table of known classes",
  _DenseBlock: "torchvision DenseNet's _DenseBlock concatenates every layer's output with its input; that wiring is not in the table of known classes",
  MultiheadAttention: 'attention is not a layer kind of the calc core',
};

/** Sequential and its torchvision subclasses run their children in order. */
export const SEQUENTIAL: ReadonlySet<string> = new Set(['Sequential', 'Conv2dNormActivation', 'ConvNormActivation', 'ConvBNActivation', 'ConvBNReLU']);

/** The variant of a known class whose children are exactly its required ones plus optional ones. */
export function knownClass(node: ModuleNode): KnownClass | undefined {
  const variants = Object.hasOwn(KNOWN, node.type) ? KNOWN[node.type] : undefined;
  const have = new Set(node.children.map((c) => c.name));
  return variants?.find(
    (k) => k.required.every((r) => have.has(r)) && [...have].every((h) => k.required.includes(h) || (k.optional ?? []).includes(h)),
  );
}
