/**
 * The heat maps' compressor (src/widget/deflate.ts), checked against Node's zlib: an independent
 * inflate (every stream must decode to its input), and zlib's own level-9 output as the yardstick
 * for how small the effective-RF maps get.
 */
import { constants, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatIndices } from '../../components/widgets/EffectiveRf/effective-rf';
import { effectiveRf, ERF_SEED, maxLayers, type ErfParams } from '../../src/sim/erf';
import { deflateFixed, zlibDeflate } from '../../src/widget/deflate';

const roundTrips = (data: Uint8Array) => Buffer.compare(inflateSync(zlibDeflate(data)), Buffer.from(data)) === 0;

/** The bytes a PNG compresses: each scanline behind its filter byte (0, none). */
function scanlines(size: number, pixels: Uint8Array): Uint8Array {
  const raw = new Uint8Array(size * (size + 1));
  for (let y = 0; y < size; y += 1) raw.set(pixels.subarray(y * size, (y + 1) * size), y * (size + 1) + 1);
  return raw;
}

describe('deflate', () => {
  it('the empty input is one fixed block holding only the end-of-block code', () => {
    // BFINAL 1, BTYPE 01, code 256 = seven 0 bits: 0b0000011 then padding (RFC 1951 §3.2.6).
    expect([...deflateFixed(new Uint8Array(0))]).toEqual([0x03, 0x00]);
    expect(roundTrips(new Uint8Array(0))).toBe(true);
  });

  it('every literal and a match of every length and distance code inflate back (Node zlib)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...inflateRawSync(deflateFixed(all))]).toEqual([...all]);
    // A run of 258 (the longest match) at distance 1, then copies from 3 to 32,768 bytes back.
    const data = new Uint8Array(70_000);
    for (let i = 0; i < 300; i += 1) data[i] = 7;
    for (let i = 300; i < data.length; i += 1) data[i] = (i * 2654435761) >>> 27;
    for (const distance of [3, 4, 5, 7, 9, 13, 25, 97, 385, 1537, 6145, 24577, 32768]) data.copyWithin(40_000 + distance, 40_000, 40_000 + 258);
    expect(roundTrips(data)).toBe(true);
  });

  it('random, repetitive and periodic inputs inflate back, across the 32 K window', () => {
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 90_000 })).map(([unit, length]) => Uint8Array.from({ length }, (_, i) => unit[i % unit.length]!)),
      fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 70_000 })).map(([head, pad]) => {
        const data = new Uint8Array(head.length + pad);
        data.set(head);
        return data;
      }),
    );
    fc.assert(fc.property(arbitrary, (data) => roundTrips(data)), { numRuns: 60 });
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const { size, pixels } = heatIndices(effectiveRf({ layers: 20, kernel: 3, stride: 1, dilation: 2, activation: 'linear', weights: 'uniform' }));
    const raw = scanlines(size, pixels);
    expect(Buffer.compare(zlibDeflate(raw), zlibDeflate(raw.slice()))).toBe(0);
  });

  // The largest maps the cell draws: 64 layers of 3×3 (the default kernel) and of 5×5 (the widest
  // field, 257 px); the deepest random ReLU stacks of 3×3 and 7×7 (noisy, least compressible).
  const deepestRelu = (kernel: number): ErfParams => {
    const p = { kernel, stride: 1, dilation: 1, activation: 'relu', weights: 'random' } as const;
    return { ...p, layers: maxLayers(p) };
  };
  const MAPS: [string, ErfParams, number][] = [
    ['64 × 3×3, uniform linear', { layers: 64, kernel: 3, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' }, 10],
    ['64 × 5×5, uniform linear', { layers: 64, kernel: 5, stride: 1, dilation: 1, activation: 'linear', weights: 'uniform' }, 10],
    ['32 × 3×3, dilation 2 (gridding)', { layers: 32, kernel: 3, stride: 1, dilation: 2, activation: 'linear', weights: 'uniform' }, 10],
    ['deepest 3×3 ReLU, random', deepestRelu(3), 1.5],
    ['deepest 7×7 ReLU, random', deepestRelu(7), 1.5],
  ];
  it.each(MAPS)('the %s heat map inflates back, within 1.15× of zlib level 9 with the same fixed codes, and shrinks', (_name, params, factor) => {
    const { size, pixels } = heatIndices(effectiveRf(params, ERF_SEED));
    const raw = scanlines(size, pixels);
    const ours = zlibDeflate(raw);
    expect(Buffer.compare(inflateSync(ours), Buffer.from(raw))).toBe(0);
    expect(ours.length).toBeLessThanOrEqual(1.15 * deflateSync(raw, { level: 9, strategy: constants.Z_FIXED }).length);
    expect(ours.length * factor).toBeLessThanOrEqual(raw.length);
  });
});
