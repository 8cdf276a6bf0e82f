/** Which of the three formats a pasted text is, from its first meaningful line. */
import { ParseError } from './errors';

export type Format = 'pytorch' | 'caffe' | 'json';

export function detectFormat(text: string): Format {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return 'json';
  // First line that is not a comment.
  const line = body.split('\n').find((l) => !/^\s*(#|$)/.test(l))?.trim() ?? '';
  if (/^[A-Za-z_][\w.]*\(/.test(line)) return 'pytorch';
  if (/^[A-Za-z_]\w*\s*(:|\{|<)/.test(line)) return 'caffe';
  throw new ParseError(
    'unknown-format',
    null,
    '',
    `the text starts with "${line.slice(0, 40)}", which is neither print(model) output (like "ResNet("), a Caffe prototxt (like "name: …" or "layer {") nor network JSON`,
  );
}
