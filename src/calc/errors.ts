/** Typed errors of the calc core. Every message names the layer and the problem in plain words. */

export type CalcErrorCode =
  | 'bad-input' // the network's input shape is not [C, H, W] of positive whole numbers
  | 'bad-parameter' // a numeric or enum field of a layer is out of its domain
  | 'kernel-too-large' // a window does not fit the (padded) input
  | 'shape-mismatch' // merge inputs disagree, or a layer gets a tensor of the wrong rank
  | 'not-spatial' // a spatial layer gets a flattened tensor
  | 'unknown-input' // `from` names no earlier node
  | 'unknown-kind' // a node's kind is not a known layer kind
  | 'duplicate-name' // two nodes share a name (or a node is called "input")
  | 'channels-not-divisible' // groups do not divide the channels
  | 'misaligned-stride' // merged paths have different effective strides (see receptive-field.ts)
  | 'too-large' // a count would leave the range of exact integers
  | 'unknown-network' // registry: no model with that id
  | 'bad-option'; // registry: an option the model does not take, or out of its domain

export class CalcError extends Error {
  override readonly name = 'CalcError';
  constructor(
    readonly code: CalcErrorCode,
    /** Node name ("" for a bare formula call, the model id for registry errors). */
    readonly layer: string,
    /** The problem without the layer prefix, for widgets that show it next to a field. */
    readonly problem: string,
    /**
     * The layer field or network option the problem concerns ("kernel", "padding", "groups",
     * "outputStride"), so a widget can mark the matching control without reading the message.
     */
    readonly field?: string,
  ) {
    super(layer === '' ? problem : `${layer}: ${problem}`);
  }
}

export function isCalcError(e: unknown): e is CalcError {
  return e instanceof CalcError;
}
