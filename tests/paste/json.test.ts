/** The core's own network JSON: every registry model survives JSON.stringify → parseNetwork unchanged. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/calc/index';
import { getNetwork, networkIds } from '../../src/models/registry';
import { networkToJson, parseNetwork } from '../../src/parse/index';

describe('registry models as network JSON', () => {
  it.each(networkIds)('%s: same network, same analysis, detected as JSON', (id) => {
    const net = getNetwork(id);
    const p = parseNetwork(networkToJson(net));
    expect(p.format).toBe('json');
    expect(p.network).toEqual(net);
    expect(analyse(p.network)).toEqual(analyse(net));
  });

  it('--input replaces height and width, keeps the channels', () => {
    expect(parseNetwork(networkToJson(getNetwork('xception')), { input: [320, 320] }).network.input).toEqual([3, 320, 320]);
  });
});
