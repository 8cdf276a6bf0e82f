/**
 * The calc core's own Network as JSON (what `npm run calc -- --from x --network` prints), so a
 * parsed network can be saved and read back. Only the outline is checked here; analyse() checks
 * every layer and names the one at fault.
 */
import type { EncoderCut, LayerSpec, Network, Shape } from '../calc/types';
import { LIMITS, ParseError } from './errors';
import type { ParsedNetwork } from './pytorch/index';

function syntaxLine(text: string, message: string): number | null {
  const pos = /position (\d+)/.exec(message);
  if (pos === null) return null;
  return text.slice(0, Number(pos[1])).split('\n').length;
}

export function parseNetworkJson(text: string, options: { input?: readonly [number, number] } = {}): ParsedNetwork {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ParseError('syntax', syntaxLine(text, message), '', `not valid JSON: ${message}`);
  }
  const o = data as Partial<Record<keyof Network, unknown>>;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(o.layers)) {
    throw new ParseError('syntax', null, '', 'network JSON is an object with "input" [C, H, W] and "layers" [ … ]');
  }
  if (o.layers.length > LIMITS.nodes) throw new ParseError('too-large', null, '', `more than ${LIMITS.nodes} layers`);
  o.layers.forEach((l: unknown, i) => {
    if (typeof l !== 'object' || l === null || typeof (l as { kind?: unknown }).kind !== 'string' || typeof (l as { name?: unknown }).name !== 'string') {
      throw new ParseError('syntax', null, `layers[${i}]`, 'every layer is an object with a "name" and a "kind"');
    }
  });
  const given = Array.isArray(o.input) ? (o.input as Shape) : undefined;
  if (given === undefined) throw new ParseError('no-input', null, '', 'network JSON needs "input": [C, H, W]');
  const input = options.input === undefined ? given : [given[0] as number, options.input[0], options.input[1]];
  const network: Network = {
    id: typeof o.id === 'string' && o.id !== '' ? o.id : 'network',
    title: typeof o.title === 'string' ? o.title : 'network JSON',
    input,
    layers: o.layers as LayerSpec[],
    source: typeof o.source === 'string' ? o.source : 'pasted network JSON',
    ...(Array.isArray(o.notes) ? { notes: o.notes.filter((n): n is string => typeof n === 'string') } : {}),
    ...encoderCutOf(o.encoderCut),
  };
  return { network, wiring: [{ line: null, module: '', rule: 'json', text: 'the calc core\'s own network: "from" names each node\'s inputs (default: the node before)' }] };
}

/** A well-formed `encoderCut` round-trips; anything else is left out (it only labels a node). */
function encoderCutOf(value: unknown): { encoderCut?: EncoderCut } {
  if (typeof value !== 'object' || value === null) return {};
  const { node, label } = value as { node?: unknown; label?: unknown };
  return typeof node === 'string' && typeof label === 'string' ? { encoderCut: { node, label } } : {};
}

/** The JSON `parseNetworkJson` reads back: the Network itself. */
export function networkToJson(network: Network): string {
  return JSON.stringify(network, null, 1);
}
