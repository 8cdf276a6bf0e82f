/**
 * A minimal PNG encoder for small server-rendered heat maps: 8-bit palette images, the pixels
 * compressed by ./deflate.ts, CRC-32 per the PNG specification (ISO/IEC 15948). Pure: no DOM,
 * no Node; the same bytes on server and client.
 */
import { zlibDeflate } from './deflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i += 1) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length), 0);
  out.set(body, 4);
  out.set(u32(crc32(body)), 8 + data.length);
  return out;
}

/** PNG of a width×height image of palette indices; palette is [r, g, b] per entry (≤ 256). */
export function encodeIndexedPng(width: number, height: number, pixels: Uint8Array, palette: readonly (readonly [number, number, number])[]): Uint8Array {
  if (pixels.length !== width * height) throw new RangeError(`expected ${width * height} pixels, got ${pixels.length}`);
  const header = new Uint8Array([...u32(width), ...u32(height), 8, 3, 0, 0, 0]); // 8-bit, palette
  const plte = new Uint8Array(palette.flatMap(([r, g, b]) => [r, g, b]));
  // Each scanline starts with filter type 0 (none).
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y += 1) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', zlibDeflate(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes[o] = B64.charCodeAt((n >>> 18) & 63);
    codes[o + 1] = B64.charCodeAt((n >>> 12) & 63);
    codes[o + 2] = i + 1 < bytes.length ? B64.charCodeAt((n >>> 6) & 63) : 61; // '='
    codes[o + 3] = i + 2 < bytes.length ? B64.charCodeAt(n & 63) : 61;
    o += 4;
  }
  // In slices: String.fromCharCode takes its codes as arguments, and engines cap their number.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

export function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${base64(png)}`;
}
