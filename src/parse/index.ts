/**
 * Bring your own network: a pasted PyTorch print(model), Caffe prototxt or the core's network JSON
 * → a calc-core Network plus the wiring rules that were applied. Pure TypeScript, no DOM.
 */
import { parseCaffe } from './caffe/index';
import { detectFormat, type Format } from './detect';
import { checkSize } from './errors';
import { parseNetworkJson } from './json';
import { parsePytorch, type ParsedNetwork } from './pytorch/index';

export interface ParseOptions {
  /** [height, width] of the input; default: the prototxt's or JSON's, 299 for Inception3, else 224. */
  readonly input?: readonly [number, number];
}

export interface ParseResult extends ParsedNetwork {
  readonly format: Format;
}

export function parseNetwork(text: string, options: ParseOptions = {}): ParseResult {
  checkSize(text);
  const format = detectFormat(text);
  const parsed = format === 'pytorch' ? parsePytorch(text, options) : format === 'caffe' ? parseCaffe(text, options) : parseNetworkJson(text, options);
  return { format, ...parsed };
}

export { detectFormat, type Format } from './detect';
export { ParseError, isParseError, LIMITS, type ParseErrorCode } from './errors';
export { networkToJson } from './json';
export type { WiringNote, WiringRule } from './graph';
export type { ParsedNetwork } from './pytorch/index';
