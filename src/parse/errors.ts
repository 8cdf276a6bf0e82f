/** Typed errors of the network parsers: every message names the line, the module and the problem. */

export type ParseErrorCode =
  | 'empty' // nothing but whitespace
  | 'too-large' // over the size, depth or node limit
  | 'unknown-format' // neither a PyTorch repr, a Caffe prototxt nor network JSON
  | 'syntax' // unbalanced parentheses or braces, a line that is not a module, bad JSON
  | 'unknown-module' // a PyTorch leaf module (or Caffe layer type) the parser has no rule for
  | 'unsupported' // a known module whose computation the calc core cannot express
  | 'shape-mismatch' // a module's declared sizes disagree with the tensor that reaches it
  | 'bad-value' // a number or option out of its domain
  | 'no-input' // the input shape cannot be found
  | 'calc'; // the calc core rejected the network (its CalcError message is kept)

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly code: ParseErrorCode,
    /** 1-based line of the module in the pasted text, or null when no line applies. */
    readonly line: number | null,
    /** The module ("layer1.0.conv1 (Conv2d)"), Caffe layer or "" when the whole text is at fault. */
    readonly module: string,
    /** The problem in plain words, without the line and module prefix. */
    readonly problem: string,
  ) {
    super([line === null ? '' : `line ${line}`, module, problem].filter((s) => s !== '').join(': '));
  }
}

export function isParseError(e: unknown): e is ParseError {
  return e instanceof ParseError;
}

/** Limits that keep a hostile paste from hanging a tab: far above any real network. */
export const LIMITS = {
  /** Characters of text (resnet152's repr is about 33 kB). */
  chars: 2_000_000,
  /** Nesting depth of modules or prototxt messages. */
  depth: 64,
  /** Nodes in the resulting network. */
  nodes: 20_000,
} as const;

/** Length first: a 10 MB paste is refused without being scanned. */
export function checkSize(text: string): void {
  if (text.length > LIMITS.chars) {
    const mb = (text.length / 1e6).toFixed(1);
    throw new ParseError('too-large', null, '', `the text has ${mb} million characters; the limit is ${LIMITS.chars / 1e6} million (a ResNet-152 repr has about 33 thousand)`);
  }
  if (!/\S/.test(text)) throw new ParseError('empty', null, '', 'the text is empty: paste a print(model) output, a Caffe prototxt or network JSON');
}
