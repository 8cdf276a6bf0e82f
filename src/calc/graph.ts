/**
 * Graph surgery on a Network: the sub-network that computes one node (a classifier cut down to
 * its encoder). Pure; tested in tests/calc/graph.test.ts.
 */
import { INPUT_NAME } from './analyse';
import { CalcError } from './errors';
import type { LayerSpec, Network } from './types';

/** `from` of every node resolved to an explicit list of source names. */
function explicitSources(layers: readonly LayerSpec[]): string[][] {
  let previous = INPUT_NAME;
  return layers.map((spec) => {
    const from = spec.from;
    const sources = from === undefined ? [previous] : typeof from === 'string' ? [from] : [...from];
    previous = spec.name;
    return sources;
  });
}

/**
 * The sub-network that computes node `last`: `last` and its ancestors, in the original order,
 * with explicit `from`s. A block node is kept when any node it sums is kept and it sits before
 * `last` (blocks are checkpoints in the chain, so a kept block is also an ancestor).
 */
export function truncateNetwork(net: Network, last: string): Network {
  const index = net.layers.findIndex((l) => l.name === last);
  if (index === -1) throw new CalcError('unknown-input', last, `${net.id} has no node called "${last}"`);
  const sources = explicitSources(net.layers);
  const keep = new Set<string>([last]);
  for (let i = index; i >= 0; i--) {
    const spec = net.layers[i] as LayerSpec;
    if (!keep.has(spec.name)) continue;
    for (const s of sources[i] as string[]) keep.add(s);
  }
  const layers: LayerSpec[] = [];
  net.layers.slice(0, index + 1).forEach((spec, i) => {
    if (!keep.has(spec.name)) return;
    const from = sources[i] as string[];
    layers.push({ ...spec, from: from.length === 1 ? (from[0] as string) : from } as LayerSpec);
  });
  const { encoderCut: _cut, ...rest } = net; // the cut names a node of the whole network
  return {
    ...rest,
    id: `${net.id}:${last}`,
    title: `${net.title}, up to ${last}`,
    layers,
  };
}
