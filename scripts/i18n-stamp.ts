/**
 * npm run i18n:stamp -- content/zh-cn/<slug>.mdx [...]: records in each translation which
 * version of its English source (content/<slug>.mdx) it now translates (src/i18n/source-hash.ts).
 * Run it after bringing the translation up to date with the English page, never before.
 */
import { relative, resolve } from 'node:path';
import { stampTranslation } from '../src/i18n/stamp.ts';
import { translationLocales } from '../src/i18n/locales.ts';

const CONTENT = resolve(import.meta.dirname, '..', 'content');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run i18n:stamp -- content/<locale>/<slug>.mdx [...]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  // npm runs scripts from the project root; the paths are the caller's (INIT_CWD).
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    const { english, before, after } = stampTranslation(path, CONTENT, translationLocales);
    console.log(`${relative(process.cwd(), path)}: sourceHash ${before ?? '(none)'} → ${after} (${relative(process.cwd(), english)})`);
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
