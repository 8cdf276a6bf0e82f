/**
 * The pasted text in the URL fragment (never the query, so it never reaches a server):
 * `#paste=z<base64url of deflate-raw>` where CompressionStream exists, else `#paste=u<base64url
 * of UTF-8>`. Over FRAGMENT_LIMIT characters the text is not kept and the cell says so.
 */
import { LIMITS } from '../../../src/parse/errors';

export const FRAGMENT_KEY = 'paste=';
/** Characters of encoded text kept in a link: chat apps and mail clients cut longer URLs. */
export const FRAGMENT_LIMIT = 16_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link holds characters that are not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** `paste=…` for the fragment. */
export async function encodeText(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (typeof CompressionStream === 'function') return `${FRAGMENT_KEY}z${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
  return `${FRAGMENT_KEY}u${toBase64Url(bytes)}`;
}

/** The text in a fragment, null when it holds none; throws (with words) on a damaged one. */
export async function decodeFragment(hash: string): Promise<string | null> {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(FRAGMENT_KEY)) return null;
  const code = body.slice(FRAGMENT_KEY.length);
  if (code.length > FRAGMENT_LIMIT + 1) throw new Error(`the link holds ${code.length.toLocaleString('en')} characters, over the limit of ${FRAGMENT_LIMIT.toLocaleString('en')}`);
  const bytes = fromBase64Url(code.slice(1));
  const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
  if (code[0] === 'u') return decode(bytes);
  if (code[0] !== 'z') throw new Error('the link was not written by this page');
  if (typeof DecompressionStream !== 'function') throw new Error('this browser cannot decompress the link (no DecompressionStream)');
  const text = decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
  // A small link can inflate to a huge text: refuse what the parser would refuse anyway.
  if (text.length > LIMITS.chars) throw new Error(`the link's text has ${(text.length / 1e6).toFixed(1)} million characters, over the parser's limit`);
  return text;
}
