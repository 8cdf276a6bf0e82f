/**
 * A small zlib compressor (RFC 1950 wrapper around RFC 1951 deflate) for the server-rendered heat
 * maps: LZ77 with hash chains, coded with deflate's fixed Huffman tables (one block, BTYPE = 01).
 * Pure and deterministic, so the server's PNG and the worker's are the same bytes. On the
 * effective-RF maps it is within 10 % of zlib's level 9 held to the same fixed codes (within a third
 * of level 9 with its own tables), and shrinks the smooth maps 16–24× and the noisy ReLU ones
 * 2–6×: a cell's reply stays a few kilobytes, which the main thread parses within a frame.
 */

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** Candidates tried per position: 256 saved 4–10 % more bytes on the largest maps, at 2–4× the time. */
const MAX_CHAIN = 64;
const HASH_BITS = 15;

// RFC 1951 §3.2.5: length codes 257–285 and distance codes 0–29, their base values and extra bits.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Index of the last base ≤ value (the code whose range holds it). */
function codeOf(bases: readonly number[], value: number): number {
  let code = bases.length - 1;
  while (bases[code]! > value) code -= 1;
  return code;
}

/** Length code index (0–28) for every match length 3–258. */
const LENGTH_CODE = Uint8Array.from({ length: MAX_MATCH + 1 }, (_, len) => (len < MIN_MATCH ? 0 : codeOf(LENGTH_BASE, len)));

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;
  private bitBuffer = 0;
  private bitCount = 0;

  bits(value: number, count: number): void {
    this.bitBuffer |= value << this.bitCount;
    this.bitCount += count;
    while (this.bitCount >= 8) {
      this.byte(this.bitBuffer & 0xff);
      this.bitBuffer >>>= 8;
      this.bitCount -= 8;
    }
  }

  /** A Huffman code: deflate sends these most significant bit first. */
  code(code: number, length: number): void {
    let reversed = 0;
    for (let i = 0; i < length; i += 1) reversed |= ((code >>> i) & 1) << (length - 1 - i);
    this.bits(reversed, length);
  }

  byte(value: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length] = value;
    this.length += 1;
  }

  /** Pads to a byte boundary and returns what was written. */
  finish(): Uint8Array {
    if (this.bitCount > 0) this.bits(0, 8 - this.bitCount);
    return this.bytes.slice(0, this.length);
  }
}

/** RFC 1951 §3.2.6: the fixed literal/length code. */
function literal(out: BitWriter, symbol: number): void {
  if (symbol < 144) out.code(0x30 + symbol, 8);
  else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function match(out: BitWriter, length: number, distance: number): void {
  const lc = LENGTH_CODE[length]!;
  literal(out, 257 + lc);
  out.bits(length - LENGTH_BASE[lc]!, LENGTH_EXTRA[lc]!);
  const dc = codeOf(DIST_BASE, distance);
  out.code(dc, 5); // fixed distance codes are 5 bits each
  out.bits(distance - DIST_BASE[dc]!, DIST_EXTRA[dc]!);
}

/** Hash of the three bytes at i (Fibonacci hashing; Math.imul keeps it exact in 32 bits). */
const hashAt = (data: Uint8Array, i: number) => Math.imul((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, 0x9e3779b1) >>> (32 - HASH_BITS);

/** Raw deflate stream (RFC 1951) of `data`: one final block with the fixed Huffman codes. */
export function deflateFixed(data: Uint8Array): Uint8Array {
  const out = new BitWriter();
  out.bits(1, 1); // BFINAL
  out.bits(1, 2); // BTYPE = 01, fixed Huffman codes
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(WINDOW);
  const insert = (i: number) => {
    const h = hashAt(data, i);
    prev[i & (WINDOW - 1)] = head[h]!;
    head[h] = i;
  };

  let length = 0;
  let distance = 0;
  /** Longest earlier copy of the bytes at i (sets length, distance; length 0 when none ≥ 3). */
  const longestMatch = (i: number) => {
    length = 0;
    distance = 0;
    if (i + MIN_MATCH > data.length) return;
    const limit = Math.min(MAX_MATCH, data.length - i);
    let candidate = head[hashAt(data, i)]!;
    for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain += 1) {
      if (data[candidate + length] === data[i + length]) {
        let n = 0;
        while (n < limit && data[candidate + n] === data[i + n]) n += 1;
        if (n > length) {
          length = n;
          distance = i - candidate;
          if (n === limit) break;
        }
      }
      const next = prev[candidate & (WINDOW - 1)]!;
      // A slot reused by a newer position ends the chain (it would point forwards).
      if (next >= candidate) break;
      candidate = next;
    }
    if (length < MIN_MATCH) length = 0;
  };

  let i = 0;
  longestMatch(0);
  while (i < data.length) {
    if (length === 0) {
      literal(out, data[i]!);
      if (i + MIN_MATCH <= data.length) insert(i);
      i += 1;
      longestMatch(i);
      continue;
    }
    // Lazy matching (as zlib does): a longer match one byte later wins over this one.
    const here = { length, distance };
    if (i + MIN_MATCH <= data.length) insert(i);
    longestMatch(i + 1);
    if (length > here.length) {
      literal(out, data[i]!);
      i += 1;
      continue;
    }
    match(out, here.length, here.distance);
    const end = i + here.length;
    for (i += 1; i < end; i += 1) if (i + MIN_MATCH <= data.length) insert(i);
    longestMatch(i);
  }
  literal(out, 256); // end of block
  return out.finish();
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b could exceed 2^32 (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i += 1) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream (RFC 1950): header, the deflate stream, Adler-32 of the data. */
export function zlibDeflate(data: Uint8Array): Uint8Array {
  const body = deflateFixed(data);
  const out = new Uint8Array(2 + body.length + 4);
  out[0] = 0x78; // deflate, 32 K window
  out[1] = 0x01; // (0x78·256 + 0x01) % 31 === 0, no dictionary, "fastest" level flag
  out.set(body, 2);
  const sum = adler32(data);
  out.set([(sum >>> 24) & 0xff, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff], 2 + body.length);
  return out;
}
