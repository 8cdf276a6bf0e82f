/**
 * Stamping a translation (npm run i18n:stamp, scripts/i18n-stamp.ts): records in
 * content/<locale>/<slug>.mdx the sourceHash of content/<slug>.mdx as it is now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readSourceHash, sourceHash, withSourceHash } from './source-hash.ts';

export interface Stamped {
  readonly english: string;
  readonly before: string | null;
  readonly after: string;
}

/** Stamps one translation file (an absolute path) against its English page in `contentDir`. */
export function stampTranslation(path: string, contentDir: string, locales: readonly string[]): Stamped {
  const locale = basename(dirname(path));
  if (dirname(dirname(path)) !== contentDir || !locales.includes(locale)) {
    throw new Error(`not a translation (expected content/<${locales.join('|')}>/<slug>.mdx)`);
  }
  const english = join(contentDir, basename(path));
  let bytes: Buffer;
  try {
    bytes = readFileSync(english);
  } catch {
    throw new Error(`its English source content/${basename(path)} does not exist`);
  }
  const text = readFileSync(path, 'utf8');
  const after = sourceHash(bytes);
  writeFileSync(path, withSourceHash(text, after));
  return { english, before: readSourceHash(text), after };
}
