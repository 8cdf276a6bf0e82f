/**
 * The PNG encoder, checked against Node's zlib (an independent inflate and CRC-32) and against
 * the PNG specification's layout (ISO/IEC 15948: signature, IHDR, PLTE, IDAT, IEND). Its
 * compressor has its own tests (deflate.test.ts).
 */
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32 } from '../../src/widget/deflate';
import { base64, crc32, encodeIndexedPng } from '../../src/widget/png';

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
}

function chunks(png: Uint8Array): Chunk[] {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Chunk[] = [];
  for (let o = 8; o < buf.length; ) {
    const length = buf.readUInt32BE(o);
    const type = buf.subarray(o + 4, o + 8).toString('latin1');
    out.push({ type, data: buf.subarray(o + 8, o + 8 + length), crc: buf.readUInt32BE(o + 8 + length) });
    expect(buf.readUInt32BE(o + 8 + length)).toBe(zlibCrc32(buf.subarray(o + 4, o + 8 + length)));
    o += 12 + length;
  }
  return out;
}

describe('png', () => {
  it('CRC-32 and Adler-32 match their reference values', () => {
    // "123456789" check values: CRC-32 0xCBF43926 (the CRC catalogue's CRC-32/ISO-HDLC),
    // Adler-32 0x091E01DE (RFC 1950 algorithm).
    const digits = new TextEncoder().encode('123456789');
    expect(crc32(digits)).toBe(0xcbf43926);
    expect(adler32(digits)).toBe(0x091e01de);
  });

  it('an indexed image has IHDR, PLTE, IDAT, IEND with the pixels in filter-0 scanlines', () => {
    const pixels = Uint8Array.from([0, 1, 2, 2, 1, 0]);
    const palette = [[0, 0, 0], [255, 0, 0], [0, 0, 255]] as const;
    const list = chunks(encodeIndexedPng(3, 2, pixels, palette));
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 3]);
    expect([...list[1]!.data]).toEqual([0, 0, 0, 255, 0, 0, 0, 0, 255]);
    expect([...inflateSync(list[2]!.data)]).toEqual([0, 0, 1, 2, 0, 2, 1, 0]);
  });

  it('base64 matches Node’s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });
});
