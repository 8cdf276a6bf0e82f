/**
 * Translations stay in sync with English (issue #15): every English page has its translation in
 * every locale and every translation has its English page; each translation records the version
 * of its English source it translates (`sourceHash`, src/i18n/source-hash.ts), and fails here,
 * named, once the English file changes. Source files only: no build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSourceHash, sourceHash, withSourceHash } from '../../src/i18n/source-hash.ts';
import { stampTranslation } from '../../src/i18n/stamp.ts';
import { translationLocales } from '../../src/i18n/locales.ts';
import { ROOT } from '../support/site.ts';

const CONTENT = join(ROOT, 'content');
/** Pages of a folder, by file name; the 404 page is the site's one (Starlight serves no translated 404). */
const pagesIn = (dir: string) => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name) && !/^404\./.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
};
const english = pagesIn(CONTENT);

describe.each(translationLocales)('content/%s/', (locale) => {
  const translated = pagesIn(join(CONTENT, locale));

  test('every English page has its translation, and every translation its English page', () => {
    expect({
      untranslated: english.filter((f) => !translated.includes(f)).map((f) => `content/${f}`),
      withoutEnglish: translated.filter((f) => !english.includes(f)).map((f) => `content/${locale}/${f}`),
    }).toEqual({ untranslated: [], withoutEnglish: [] });
  });

  test.each(translated.filter((f) => english.includes(f)))('%s translates the current English page (sourceHash)', (file) => {
    const recorded = readSourceHash(readFileSync(join(CONTENT, locale, file), 'utf8'));
    const current = sourceHash(readFileSync(join(CONTENT, file)));
    const page = `content/${locale}/${file}`;
    expect(recorded, `${page} has no sourceHash in its frontmatter: npm run i18n:stamp -- ${page}`).not.toBeNull();
    expect(
      recorded,
      `${page} translates content/${file} at ${recorded}, but that file is now ${current}: bring the translation up to date with the English changes, then npm run i18n:stamp -- ${page}`,
    ).toBe(current);
  });
});

describe('source hashes', () => {
  test('are the first 12 hex digits of sha256sum of the file', () => {
    const file = join(CONTENT, english[0]!);
    const sha256sum = execFileSync('sha256sum', [file], { encoding: 'utf8' }).slice(0, 12);
    expect(sourceHash(readFileSync(file))).toBe(sha256sum);
  });

  test('a changed byte changes the hash', () => {
    expect(sourceHash('## Summary\n')).not.toBe(sourceHash('## Summary \n'));
  });

  test('are read from the frontmatter only, quoted or not', () => {
    expect(readSourceHash('---\ntitle: 卷积\nsourceHash: 0123456789ab\n---\nbody\n')).toBe('0123456789ab');
    expect(readSourceHash("---\nsourceHash: '0123456789ab'\n---\n")).toBe('0123456789ab');
    expect(readSourceHash('---\ntitle: x\n---\nsourceHash: 0123456789ab\n')).toBeNull();
  });

  test('are written in place, or added to the frontmatter, leaving the rest byte for byte', () => {
    const page = '---\ntitle: 卷积\nsourceHash: 0123456789ab\ndescription: d\n---\n\n## 标题\n';
    expect(withSourceHash(page, 'ba9876543210')).toBe(page.replace('0123456789ab', 'ba9876543210'));
    expect(withSourceHash('---\ntitle: 卷积\n---\nbody\n', 'ba9876543210')).toBe('---\ntitle: 卷积\nsourceHash: ba9876543210\n---\nbody\n');
    expect(() => withSourceHash('no frontmatter', 'ba9876543210')).toThrow(/no frontmatter/);
  });

  test('stamping writes the English file\'s current hash into a translation', () => {
    const content = mkdtempSync(join(tmpdir(), 'nb-stamp-'));
    try {
      mkdirSync(join(content, 'zh-cn'));
      writeFileSync(join(content, 'rf.mdx'), '---\ntitle: Stamp\n---\n\n## One\n');
      const translation = join(content, 'zh-cn', 'rf.mdx');
      writeFileSync(translation, '---\ntitle: 盖章\nsourceHash: 000000000000\n---\n\n## 一\n');
      const stamped = stampTranslation(translation, content, ['zh-cn']);
      const hash = sourceHash(readFileSync(join(content, 'rf.mdx')));
      expect(stamped).toEqual({ english: join(content, 'rf.mdx'), before: '000000000000', after: hash });
      expect(readFileSync(translation, 'utf8')).toBe(`---\ntitle: 盖章\nsourceHash: ${hash}\n---\n\n## 一\n`);
      // A file outside a translation folder, or without an English page, is refused by name.
      expect(() => stampTranslation(join(content, 'rf.mdx'), content, ['zh-cn'])).toThrow(/not a translation/);
      writeFileSync(join(content, 'zh-cn', 'gone.mdx'), '---\ntitle: x\n---\n');
      expect(() => stampTranslation(join(content, 'zh-cn', 'gone.mdx'), content, ['zh-cn'])).toThrow(/content\/gone\.mdx does not exist/);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  test('npm run i18n:stamp refuses a path that is not a translation, and says why', () => {
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync('npm', ['run', '--silent', 'i18n:stamp', '--', 'content/vgg.mdx'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('content/vgg.mdx: not a translation');
  });
});
