/**
 * The calc core's intermediate representation: a network is an ordered list of
 * layer nodes (topological order). Every number on the site is derived from this.
 *
 * Conventions (see DESIGN.md, "Counting conventions"):
 * - A tensor shape is [C, H, W] for feature maps and [F] once flattened (batch omitted).
 * - Pairs are [height, width]; a single number means the same on both axes.
 * - Channel counts of a layer's *input* are never written in the data: they are
 *   inferred from the incoming shape, as PyTorch's Lazy modules would.
 */

export type Pair = readonly [number, number];
export type Shape = readonly number[];

/** Explicit per-side padding [top, bottom, left, right], or TF/Keras "same"/"valid". */
export type Padding = number | Pair | readonly [number, number, number, number] | 'same' | 'valid';

interface NodeBase {
  /** Unique, dotted like a PyTorch module path: "features.0", "layer1.0.conv1". */
  readonly name: string;
  /**
   * Which node(s) feed this one. Omitted: the node listed just before. The model's input is
   * called "input". Merge nodes (concat, add) list two or more.
   */
  readonly from?: string | readonly string[];
  /** The paper's name for this layer when it differs from the module path ("conv5_3", "fc6"). */
  readonly label?: string;
}

export interface ConvSpec extends NodeBase {
  readonly kind: 'conv';
  readonly out: number;
  readonly kernel: number | Pair;
  readonly stride?: number | Pair; // default 1
  readonly padding?: Padding; // default 0
  readonly dilation?: number | Pair; // default 1
  readonly groups?: number; // default 1; groups === in channels is a depthwise conv
  readonly bias?: boolean; // default true (PyTorch's default)
}

/** Keras SeparableConv2D: depthwise k×k (depth multiplier m, no bias) then pointwise 1×1. */
export interface SeparableConvSpec extends NodeBase {
  readonly kind: 'separable';
  readonly out: number;
  readonly kernel: number | Pair;
  readonly stride?: number | Pair;
  readonly padding?: Padding;
  readonly dilation?: number | Pair;
  readonly depthMultiplier?: number; // default 1
  readonly bias?: boolean; // pointwise bias, default true (Keras' default)
}

export interface PoolSpec extends NodeBase {
  readonly kind: 'maxpool' | 'avgpool';
  readonly kernel: number | Pair;
  readonly stride?: number | Pair; // default = kernel (PyTorch's default)
  readonly padding?: Padding; // default 0
  readonly dilation?: number | Pair; // default 1 (max pool only in PyTorch)
  readonly ceil?: boolean; // PyTorch ceil_mode, default false
}

/** AdaptiveAvgPool2d / AdaptiveMaxPool2d; output [1,1] is global pooling. */
export interface AdaptivePoolSpec extends NodeBase {
  readonly kind: 'adaptiveavgpool' | 'adaptivemaxpool';
  readonly output: number | Pair;
}

export interface LinearSpec extends NodeBase {
  readonly kind: 'linear';
  readonly out: number;
  readonly bias?: boolean; // default true
}

/** BatchNorm: γ and β are parameters; running mean/var are buffers (not counted). */
export interface BatchNormSpec extends NodeBase {
  readonly kind: 'bn';
  readonly affine?: boolean; // default true
}

/** Local response normalisation across channels (AlexNet paper §3.3; Caffe's LRN layer). */
export interface LrnSpec extends NodeBase {
  readonly kind: 'lrn';
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;
}

export interface ActivationSpec extends NodeBase {
  readonly kind: 'act';
  /** Element-wise (softmax: across the features); none has parameters or counted compute. */
  readonly fn: 'relu' | 'relu6' | 'leaky_relu' | 'elu' | 'gelu' | 'silu' | 'hardswish' | 'hardsigmoid' | 'tanh' | 'sigmoid' | 'softmax';
}

export interface DropoutSpec extends NodeBase {
  readonly kind: 'dropout';
  readonly p: number;
}

export interface FlattenSpec extends NodeBase {
  readonly kind: 'flatten';
}

export interface ConcatSpec extends NodeBase {
  readonly kind: 'concat';
  readonly from: readonly string[];
}

export interface AddSpec extends NodeBase {
  readonly kind: 'add';
  readonly from: readonly string[];
}

/**
 * A named checkpoint that reports the output of a module made of several layers
 * (torchvision's "layer1", GoogLeNet's "inception3a", Keras' "block4"). It computes
 * nothing itself; its row sums the params and MACs of every node named `${name}.…`.
 */
export interface BlockSpec extends NodeBase {
  readonly kind: 'block';
  /**
   * An auxiliary classifier head that runs only in training mode (GoogLeNet's aux1/aux2,
   * Inception v3's AuxLogits). Its parameters count; its MACs go to `Analysis.auxMacs`, not
   * `macs`, which is one eval-mode forward pass (torchvision's convention).
   */
  readonly trainingOnly?: boolean;
}

export type LayerSpec =
  | ConvSpec
  | SeparableConvSpec
  | PoolSpec
  | AdaptivePoolSpec
  | LinearSpec
  | BatchNormSpec
  | LrnSpec
  | ActivationSpec
  | DropoutSpec
  | FlattenSpec
  | ConcatSpec
  | AddSpec
  | BlockSpec;

export type LayerKind = LayerSpec['kind'];

/** A network as data, plus where it comes from. */
export interface Network {
  /** Registry id, e.g. "vgg16_bn". */
  readonly id: string;
  readonly title: string;
  /** Default input [C, H, W]. */
  readonly input: Shape;
  readonly layers: readonly LayerSpec[];
  /** Where the definition comes from (model file URL, paper table). */
  readonly source: string;
  /** How this variant deviates from the paper or from other implementations. */
  readonly notes?: readonly string[];
  /** Where the feature extractor ends (the last node before global pooling / the classifier); every registry model sets it. */
  readonly encoderCut?: EncoderCut;
}

/** A node to cut a classifier at to use it as an encoder, and how to name it in prose and tables. */
export interface EncoderCut {
  readonly node: string;
  readonly label: string;
}

/** Receptive field of one unit on one tensor, per axis [h, w] (Araujo et al., Distill 2019). */
export interface ReceptiveField {
  /** r: how many input pixels one unit sees. */
  readonly size: Pair;
  /** S (the "jump"): input pixels between two neighbouring units. */
  readonly stride: Pair;
  /** P: effective padding, so unit i's region starts at i·S − P. */
  readonly padding: Pair;
  /** False when paths merged here see regions with different centres. */
  readonly aligned: boolean;
}

export interface ParamCount {
  readonly weights: number;
  readonly biases: number;
  /** BatchNorm γ and β. */
  readonly bn: number;
  readonly total: number;
}

/** The sliding window of a conv, separable conv or pool, resolved for the input it met. */
export interface LayerWindow {
  readonly kernel: Pair;
  readonly stride: Pair;
  /** Per side, [top, bottom, left, right]; "same" and "valid" resolved for this input. */
  readonly padding: readonly [number, number, number, number];
  readonly dilation: Pair;
}

export interface LayerRow {
  readonly name: string;
  /** The node's paper label, when it has one. */
  readonly label?: string;
  readonly kind: LayerKind;
  /** Shape of the (first) input. */
  readonly input: Shape;
  readonly output: Shape;
  readonly params: ParamCount;
  /** Multiply-accumulates of conv and linear layers; 0 for every other kind. */
  readonly macs: number;
  /** null once the tensor has no spatial extent (flatten, linear) or after global pooling. */
  readonly receptiveField: ReceptiveField | null;
  /** Kernel, stride, padding and dilation of the sliding-window kinds; null for every other kind. */
  readonly window: LayerWindow | null;
  /** Conv groups (in channels for a depthwise conv); 1 for every other kind. */
  readonly groups: number;
  /** Short human description, e.g. "3×3 conv, 64, stride 2", for display only: read `window` and `groups` for values. */
  readonly detail: string;
  /** Part of a training-only head: its MACs are in `auxMacs`, not in the model's `macs`. */
  readonly trainingOnly: boolean;
  /**
   * Memory traffic if the layer runs on its own, at fp32: 4 bytes × (parameters + every input
   * element + every output element). 0 for flatten and dropout (views / identity in eval mode).
   * Block rows sum their members. For one layer this is the minimum (each byte moved once); block
   * and network sums overstate fused kernels, which skip intermediate maps.
   */
  readonly bytes: number;
}

export interface Analysis {
  readonly network: string;
  readonly input: Shape;
  readonly output: Shape;
  /** Every layer in order, block rows included (they are not added into the totals). */
  readonly rows: readonly LayerRow[];
  /** Every parameter, training-only heads included (torchvision's num_params). */
  readonly params: ParamCount;
  /** One eval-mode forward pass: training-only heads excluded (torchvision's "GFLOPS" × 1e9). */
  readonly macs: number;
  /** What the training-only heads add to a training-mode forward pass; 0 without them. */
  readonly auxMacs: number;
  /** Sum of the eval-mode rows' `bytes` (fp32 memory traffic, layer by layer, unfused). */
  readonly bytes: number;
  /**
   * That of the last spatial feature map of the eval-mode path: global pooling (adaptive, or a
   * window covering the whole map) and flatten end it; training-only heads are skipped.
   */
  readonly receptiveField: ReceptiveField;
}
