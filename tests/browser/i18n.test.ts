/**
 * The locales, read from the built HTML (no browser): English at the root with lang="en"; each
 * translation under /<locale>/ with its lang, its site title, its sidebar labels and a language
 * picker that leads to the same page in every language. A page not translated yet is
 * Starlight's fallback: the English text, marked lang="en", with the notice in the reader's
 * language, and kept out of the search index (src/integrations/route-data.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locales, siteTitle, translationLocales } from '../../src/i18n/locales.ts';
import { sidebar } from '../../src/integrations/sidebar.ts';
import { glossary } from '../../src/i18n/glossary.ts';
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

/** The language picker's links (src/integrations/overrides/LanguageSelect.astro): [href, hreflang, text], in order; the first picker on the page (header). */
function pickerLinks(html: string): [string, string, string][] {
  const picker = html.match(/<nav class="nb-languages[^"]*"[\s\S]*?<\/nav>/)?.[0] ?? '';
  return [...picker.matchAll(/<a href="([^"]*)" hreflang="([^"]*)"[^>]*>\s*([^<]*?)\s*<\/a>/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
}

/** The links a page in `locale` must offer: the same page in every other language. */
const expectedPicker = (locale: string, slug: string) =>
  Object.entries(locales)
    .filter(([key]) => key !== locale)
    .map(([key, l]) => [`/${key === 'root' ? '' : `${key}/`}${slug}`, l.lang, l.label]);

test('the build has English pages, and pages in every translation', () => {
  expect(english.length).toBeGreaterThan(0);
  for (const locale of translationLocales) expect(all.filter((p) => p.locale === locale).length, locale).toBeGreaterThan(0);
});

test('English pages are lang="en" throughout, carry the English sidebar, and link to their translations', () => {
  for (const page of english) {
    const html = readPage(page);
    expect([attr(html, 'html', 'lang'), attr(html, 'main', 'lang')], `/${page.path}`).toEqual(['en', 'en']);
    expect(pickerLinks(html), `/${page.path}: language links`).toEqual(expectedPicker('root', page.slug));
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
    // The picker leads to this page in the other languages (plain links: no JavaScript needed).
    expect(pickerLinks(html)).toEqual(expectedPicker(locale, page.slug));
    expect(html).not.toContain('<starlight-lang-select');
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
      // src/integrations/rehype-shared-heading-ids.ts: /zh-cn/vgg/#summary is /vgg/#summary's section.
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

test('every glossary term\'s firstExplained names a heading on the built English page', () => {
  const missing = glossary.filter((term) => {
    const [slug, anchor] = term.firstExplained.split('#') as [string, string];
    // The start page's slug is '' (firstExplained '/#…').
    const page = english.find((p) => p.slug === (slug === '/' ? '' : slug));
    return !page || !new RegExp(`<h[1-6][^>]*\\sid="${anchor}"`).test(readPage(page));
  });
  expect(missing.map((t) => `${t.id}: ${t.firstExplained}`)).toEqual([]);
});

test.each(['root', ...translationLocales] as const)('the %s glossary page lists every term with a link to where it is first explained', (locale) => {
  const path = locale === 'root' ? 'glossary/' : `${locale}/glossary/`;
  const page = all.find((p) => p.path === path);
  expect(page, path).toBeDefined();
  const html = readPage(page!);
  for (const term of glossary) {
    const row = html.match(new RegExp(`<tr id="${term.id}"[^>]*>([\\s\\S]*?)</tr>`))?.[1] ?? '';
    expect(row, term.id).toContain(`>${term.zh}<`);
    // Relative to the glossary page; a term first explained on the start page links to ../#anchor.
    expect(row, term.id).toContain(`href="../${term.firstExplained.replace(/^\//, '')}"`);
  }
});
