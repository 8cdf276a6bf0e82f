/** Where a prototxt says its image input is, and how large: the parser's starting blob and [C, H, W]. */
import type { Shape } from '../../calc/types';
import { ParseError } from '../errors';
import type { Origin } from '../graph';
import { param, type Layer } from './layer';
import { all, first, isMessage, type Message } from './prototxt';

/** Layers that read a dataset: they say nothing of the image size. */
export const DATA = new Set(['Data', 'ImageData', 'HDF5Data', 'MemoryData', 'WindowData']);

function dims(m: Message, l: Origin): number[] {
  return all(m, 'dim').map((d) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1) throw new ParseError('bad-value', l.line, l.module, `input dim must be a whole number ≥ 1, got ${JSON.stringify(d)}`);
    return d;
  });
}

/** [C, H, W] of the image input: `input_shape`/`input_dim` at the top, or an Input layer. */
export function findInput(root: Message, layers: readonly Layer[]): { blob: string; chw: Shape } {
  const at: Origin = { line: root.fields.find((f) => f.key === 'input')?.line ?? null, module: 'input' };
  const named = all(root, 'input').filter((v): v is string => typeof v === 'string');
  const shapes = all(root, 'input_shape').filter(isMessage);
  const flat = all(root, 'input_dim').map((d) => (typeof d === 'number' ? d : NaN));
  let nchw: number[] | undefined;
  let blob = named[0];
  if (shapes[0] !== undefined) nchw = dims(shapes[0], at);
  else if (flat.length >= 4) nchw = flat.slice(0, 4);
  const layer = layers.find((l) => l.type === 'Input');
  if (nchw === undefined && layer !== undefined) {
    const shape = first(param(layer, 'input_param') ?? { fields: [], line: 0 }, 'shape');
    if (isMessage(shape)) nchw = dims(shape, layer.at);
    blob = layer.tops[0];
  }
  if (blob === undefined || nchw === undefined) {
    const data = layers.find((l) => DATA.has(l.type));
    const why = data !== undefined ? `the ${data.type} layer "${data.name}" reads a dataset, whose image size the prototxt does not say` : 'no input found';
    throw new ParseError('no-input', data?.at.line ?? null, data?.name ?? '', `${why}; use a deploy prototxt (input_shape, input_dim or an Input layer)`);
  }
  if (nchw.length !== 4 || nchw.some((d) => !Number.isSafeInteger(d) || d < 1)) {
    throw new ParseError('bad-value', at.line, 'input', `the input shape must be N, C, H, W of whole numbers ≥ 1, got ${nchw.join(', ')}`);
  }
  return { blob, chw: nchw.slice(1) };
}
