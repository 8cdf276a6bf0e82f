/**
 * The locales, read from the built HTML (no browser): English at the root with lang="en"; each
 * translation under /<locale>/ with its lang, its site title, its sidebar labels and a language
 * picker that leads to the same page in every language. A page not translated yet is
 * Starlight's fallback: the English text, marked lang="en", with the notice in the reader's
 * language, and kept out of the search index (src/site/route-data.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locales, siteTitle, translationLocales } from '../../src/site/locales.ts';
import { sidebar } from '../../src/site/sidebar.ts';
import { allPages, readPage, ROOT, site } from '../support/site.ts';

const all = allPages().filter((p) => !p.is404);
const english = all.filter((p) => p.locale === 'root');
const attr = (html: string, tag: string, name: string) => html.match(new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`))?.[1];

/** Our UI strings per language (src/content/i18n/<lang>.json). */
const uiStrings = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src', 'content', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;

interface SidebarEntry {
  readonly label: string;
  readonly translations?: Record<string, string>;
  readonly items?: readonly SidebarEntry[];
}
const labelsOf = (entries: readonly SidebarEntry[], lang: string | null): string[] =>
  entries.flatMap((e) => [lang ? (e.translations?.[lang] ?? '') : e.label, ...labelsOf(e.items ?? [], lang)]);

/** Every heading's id, in document order. */
const headingIds = (html: string) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((m) => m[1]!);
/** The table of contents' links (Starlight's <starlight-toc>), in order. */
const tocLinks = (html: string) => [...(html.match(/<starlight-toc[\s\S]*?<\/starlight-toc>/)?.[0] ?? '').matchAll(/href="(#[^"]*)"/g)].map((m) => m[1]!);

/** The language picker's choices: [value, text] in order. */
function pickerOptions(html: string): [string, string][] {
  const picker = html.match(/<starlight-lang-select>[\s\S]*?<\/select>/)?.[0] ?? '';
  return [...picker.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!]);
}

test('the build has English pages, and pages in every translation', () => {
  expect(english.length).toBeGreaterThan(0);
  for (const locale of translationLocales) expect(all.filter((p) => p.locale === locale).length, locale).toBeGreaterThan(0);
});

test('English pages are lang="en" throughout and carry the English sidebar', () => {
  for (const page of english) {
    const html = readPage(page);
    expect([attr(html, 'html', 'lang'), attr(html, 'main', 'lang')], `/${page.path}`).toEqual(['en', 'en']);
    for (const label of labelsOf(sidebar, null)) expect(html, `/${page.path}: sidebar label ${label}`).toContain(`>${label}<`);
  }
});

describe.each(translationLocales.map((locale) => [locale, locales[locale].lang] as const))('%s', (locale, lang) => {
  const translated = all.filter((p) => p.locale === locale);

  test('every English page has a page here (translated, or the fallback until it is)', () => {
    const slugs = new Set(translated.map((p) => p.slug));
    expect(english.map((p) => p.slug).filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  test.each(translated.map((p) => [`/${p.path}`, p] as const))('%s: lang, title, sidebar and language picker', (_label, page) => {
    const html = readPage(page);
    expect(attr(html, 'html', 'lang')).toBe(lang);
    expect(html).toMatch(new RegExp(`<title>[^<]*${siteTitle[lang]}</title>`));
    for (const label of labelsOf(sidebar, lang)) expect(html, `sidebar label ${label}`).toContain(`>${label}<`);
    // The picker leads to this page in each language: English first, at the root.
    const options = pickerOptions(html);
    expect(options).toEqual(
      Object.entries(locales).map(([key, l]) => [`/${key === 'root' ? '' : `${key}/`}${page.slug}`, l.label]),
    );
  });

  test.each(translated.filter((p) => p.fallback).map((p) => [`/${p.path}`, p] as const))(
    '%s is not translated yet: English text marked lang="en", the notice in this language, not in the search index',
    (_label, page) => {
      const html = readPage(page);
      expect(attr(html, 'main', 'lang')).toBe('en');
      expect(html).toContain(uiStrings(lang)['i18n.untranslatedContent']);
      expect(html).not.toContain('data-pagefind-body');
    },
  );

  test.each(translated.filter((p) => !p.fallback).map((p) => [`/${p.path}`, p] as const))(
    '%s is translated: in its language, searchable, and its headings and table of contents use the English anchors',
    (_label, page) => {
      const html = readPage(page);
      expect(attr(html, 'main', 'lang')).toBe(lang);
      expect(html).toContain('data-pagefind-body');
      // src/site/rehype-shared-heading-ids.ts: /zh-cn/vgg/#summary is /vgg/#summary's section.
      const source = readPage(english.find((p) => p.slug === page.slug)!);
      expect(headingIds(html)).toEqual(headingIds(source));
      expect(tocLinks(html)).toEqual(tocLinks(source));
    },
  );
});

test('both builds serve the translations (under the base too)', () => {
  const { builds } = site();
  for (const build of Object.values(builds)) {
    for (const locale of translationLocales) {
      const html = readFileSync(join(build.outDir, locale, 'index.html'), 'utf8');
      expect(html, build.name).toContain(`href="${build.base}${locale}/"`);
    }
  }
});
