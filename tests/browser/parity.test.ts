/**
 * A translation is the same page in another language (issue #15): on the built pages, the same
 * widgets in the same order, the same exercises with the same answers, and as many diagrams,
 * tables and headings as its English page. Pages not translated yet (Starlight's fallback) are
 * English pages and are left out; tests/i18n/sync.test.ts lists them. HTML files only, no browser.
 */
import { describe, expect, test } from 'vitest';
import { translationLocales } from '../../src/i18n/locales.ts';
import { pageFacts } from '../support/page-facts.ts';
import { allPages, readPage } from '../support/site.ts';

const all = allPages().filter((p) => !p.is404);
const englishBySlug = new Map(all.filter((p) => p.locale === 'root').map((p) => [p.slug, p]));

describe.each(translationLocales)('%s', (locale) => {
  const translated = all.filter((p) => p.locale === locale && !p.fallback);

  test.each(translated.map((p) => [`/${p.path}`, p] as const))('%s has the English page\'s widgets, exercises, diagrams, tables and headings', (_label, page) => {
    const english = englishBySlug.get(page.slug);
    expect(english, `/${page.path} has no English page`).toBeDefined();
    const ours = pageFacts(readPage(page));
    const theirs = pageFacts(readPage(english!));
    expect(ours.widgets, 'widgets (data-widget, in order)').toEqual(theirs.widgets);
    expect(ours.exercises, 'exercises (id = answer, in order)').toEqual(theirs.exercises);
    expect({ diagrams: ours.diagrams, tables: ours.tables, headings: ours.headings }).toEqual({
      diagrams: theirs.diagrams,
      tables: theirs.tables,
      headings: theirs.headings,
    });
  });
});

test('the facts compared are read from real pages (not vacuous)', () => {
  const vgg = pageFacts(readPage(englishBySlug.get('vgg/')!));
  expect(vgg.widgets).toContain('kernel-stack');
  expect(vgg.exercises.length).toBeGreaterThan(0);
  expect(vgg.exercises[0]).toMatch(/^[\w-]+ = \d+$/);
  expect(vgg.diagrams).toBeGreaterThan(0);
  expect(vgg.tables).toBeGreaterThan(0);
  expect(vgg.headings).toBeGreaterThan(3);
});
