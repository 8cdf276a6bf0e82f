/**
 * Builds public/fonts/notebook-math.woff2: Latin Modern Math (Debian's fonts-lmodern, GUST Font
 * License) cut down for the browser's MathML typesetting. The OpenType MATH table stays (the
 * layout constants, and the size variants and assembly parts HarfBuzz's subsetter keeps for
 * every kept glyph, so brackets, floors, braces, ∑ and ∏ stretch).
 *
 * To stay one small font request (≤ 15 KB) it keeps what must match the MATH table's metrics
 * or has no glyph elsewhere: delimiters, operators, digits and the mathematical italic letters
 * (MathML draws a single-letter <mi> as U+1D44E…). Upright letters (\text{}, function names),
 * arrows, punctuation, the hat accent, the prime and the relations ∼ ≈ ∣ (none of which need to stretch) come from the platform's
 * math font (`font-family: 'Notebook Math', math`). No
 * GSUB: the `ssty` script alternates doubled the size, and KaTeX's own fonts had none either.
 *
 * The font and the list of characters it was cut to (notebook-math.txt) are committed: neither the
 * build nor CI needs this script or the Debian package. A test fails when a chapter's math uses a
 * character the committed font lacks; then run `npm run build && npm run math-font` (needs
 * fonts-lmodern).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE_FONT = '/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf';
export const FONT_FILE = join(ROOT, 'public/fonts/notebook-math.woff2');
export const CHARS_FILE = join(ROOT, 'public/fonts/notebook-math.txt');

/** Every built page's HTML (run after `npm run build`; the script reads dist/). */
export function builtPages(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Mathematical italic (U+1D434…) for the letters MathML Core draws in italic (single-letter <mi>). */
function mathItalic(ch: string): string | undefined {
  const c = ch.codePointAt(0)!;
  if (ch === 'h') return '\u210E'; // the one hole in the block: PLANCK CONSTANT
  if (c >= 0x41 && c <= 0x5a) return String.fromCodePoint(0x1d434 + c - 0x41);
  if (c >= 0x61 && c <= 0x7a) return String.fromCodePoint(0x1d44e + c - 0x61);
  if (c >= 0x3b1 && c <= 0x3c9) return String.fromCodePoint(0x1d6fc + c - 0x3b1);
  return undefined;
}

const decode = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&(amp|lt|gt|quot);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e as 'amp']);

/** Drawn from the platform's math font instead (see above). */
export const FALLBACK_CHARACTERS = /[A-Za-z\u0370-\u03ff\u2190-\u21ff\u27f0-\u27ff,.:;^\u2032\u223c\u2248\u2223]/u;

/** The characters the browser draws for the MathML in these pages, sorted by code point. */
export function mathCharacters(pages: readonly string[]): string[] {
  const chars = new Set<string>();
  for (const html of pages) for (const math of html.matchAll(/<math[\s>][\s\S]*?<\/math>/g)) {
    const body = math[0].replace(/<annotation[\s\S]*?<\/annotation>/g, '');
    for (const m of body.matchAll(/<(mi|mo|mn|mtext|ms)((?:\s[^>]*)?)>([^<]*)<\/\1>/g)) {
      const text = decode(m[3]!);
      for (const ch of text) chars.add(ch);
      const italic = m[1] === 'mi' && [...text].length === 1 && !/mathvariant=/.test(m[2]!) ? mathItalic(text) : undefined;
      if (italic) chars.add(italic);
    }
  }
  chars.delete('\u2061'); // function application is invisible
  if (/<m(sqrt|root)[\s>]/.test(pages.join(''))) chars.add('\u221a'); // drawn by <msqrt>, not written in it
  for (const ch of chars) if (FALLBACK_CHARACTERS.test(ch)) chars.delete(ch);
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

async function main() {
  const chars = mathCharacters(builtPages(process.argv[2]));
  // A space and the digits, so any number typed into a formula later still has its glyph.
  const text = [...new Set([...chars, ' ', ...'0123456789'])].join('');
  const font = await subsetFont(readFileSync(SOURCE_FONT), text, { targetFormat: 'woff2', keepFeatures: [], noHinting: true });
  writeFileSync(FONT_FILE, font);
  writeFileSync(CHARS_FILE, [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('') + '\n');
  console.log(`${FONT_FILE}: ${font.length} bytes, ${[...text].length} characters`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
