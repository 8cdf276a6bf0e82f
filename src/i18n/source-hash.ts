/**
 * Which version of its English source a translation translates: the first 12 hex digits of the
 * SHA-256 of the English file's bytes (what `sha256sum content/<slug>.mdx | cut -c1-12` prints),
 * kept as `sourceHash` in the translation's frontmatter. `npm run i18n:stamp -- <file>` writes
 * it; tests/i18n/sync.test.ts fails when the English file has changed since.
 */
import { createHash } from 'node:crypto';

export const SOURCE_HASH_DIGITS = 12;
export const SOURCE_HASH_PATTERN = /^[0-9a-f]{12}$/;

export function sourceHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, SOURCE_HASH_DIGITS);
}

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)?---(\r?\n|$)/;
const HASH_LINE = /^sourceHash:[ \t]*['"]?([^'"\s]*)['"]?[ \t]*$/m;

/** The `sourceHash` a file's frontmatter records, or null. */
export function readSourceHash(text: string): string | null {
  const frontmatter = text.match(FRONTMATTER)?.[1] ?? '';
  return frontmatter.match(HASH_LINE)?.[1] ?? null;
}

/** The file with `sourceHash` set in its frontmatter (replaced in place, else added last). */
export function withSourceHash(text: string, hash: string): string {
  if (!SOURCE_HASH_PATTERN.test(hash)) throw new Error(`not a source hash: ${hash}`);
  const match = text.match(FRONTMATTER);
  if (!match) throw new Error('the file has no frontmatter (--- … ---) to record sourceHash in');
  const body = match[1] ?? '';
  const newline = match[0].includes('\r\n') ? '\r\n' : '\n';
  const updated = HASH_LINE.test(body) ? body.replace(HASH_LINE, `sourceHash: ${hash}`) : `${body}sourceHash: ${hash}${newline}`;
  return `---${newline}${updated}---${match[2]}${text.slice(match[0].length)}`;
}
