/**
 * The shared-heading-anchor plugin (src/integrations/rehype-shared-heading-ids.ts) inside Astro's own MDX
 * processor (the `unified()` processor astro.config.mjs uses, with Astro's heading-id pass after
 * it): a translated page takes the English page's ids position by position; a page whose headings
 * differ in count or level fails, naming the page and the first difference. The built pages are
 * checked in tests/browser/i18n.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { bodyOf, englishSourceOf, rehypeSharedHeadingIds } from '../../src/integrations/rehype-shared-heading-ids.ts';

const dir = mkdtempSync(join(tmpdir(), 'nb-headings-'));
mkdirSync(join(dir, 'zh-cn'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { contentDir: dir, locales: ['zh-cn'] };

const ENGLISH = `---
title: Receptive fields
---
import X from './x.ts';

Intro.

## The receptive field

### Why $2 \\times 3$ matters

## MACs, and why FLOPs ≈ 2 × MACs

## The receptive field

\`\`\`py
# not a heading
\`\`\`
`;
writeFileSync(join(dir, 'rf.mdx'), ENGLISH);

/** Compiles a page with Astro's MDX processor; returns its headings as Astro exports them. */
async function compile(name: string, source: string, folder = 'zh-cn'): Promise<{ depth: number; slug: string; text: string }[]> {
  const path = join(dir, folder, name);
  writeFileSync(path, source);
  const processor = unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'mathml' }], [rehypeSharedHeadingIds, options]] });
  const renderer = await processor.createMdxRenderer!({ syntaxHighlight: false } as never, { optimize: false } as never);
  const { code } = await renderer.process(bodyOf(source), path, {});
  // Astro's MDX output exports the page's headings (the table of contents reads them).
  const exported = code.match(/export function getHeadings\(\) \{\s*return (\[[\s\S]*?\]);\s*\}/)?.[1];
  if (!exported) throw new Error(`no getHeadings export in:\n${code.slice(0, 400)}`);
  return JSON.parse(exported);
}

describe('a translated page', () => {
  test('takes the English ids position by position, whatever its own text', async () => {
    const headings = await compile(
      'rf.mdx',
      `---\ntitle: 感受野\nsourceHash: 000000000000\n---\n\n引言。\n\n## 感受野\n\n### 为什么 $2 \\times 3$ 重要\n\n## 乘加次数，以及为何 FLOPs ≈ 2 × MACs\n\n## 再谈感受野\n`,
    );
    // The English page compiled by the same processor: Astro's slugger on the English text.
    const english = await compile('rf.mdx', ENGLISH, '.');
    expect(english.map((h) => h.slug)).toEqual([
      'the-receptive-field',
      expect.stringMatching(/^why-2.*3-matters$/), // the formula's text, as Astro slugs it
      'macs-and-why-flops--2--macs',
      'the-receptive-field-1', // github-slugger numbers a repeat
    ]);
    expect(headings.map((h) => [h.depth, h.slug])).toEqual(english.map((h) => [h.depth, h.slug]));
    expect(headings.map((h) => h.text)).toEqual(['感受野', expect.stringContaining('为什么'), '乘加次数，以及为何 FLOPs ≈ 2 × MACs', '再谈感受野']);
  });

  test('with a heading at another level fails, naming the page and the heading', async () => {
    await expect(compile('rf.mdx', '## 感受野\n\n## 为什么\n\n## 乘加\n\n## 再谈\n')).rejects.toThrow(
      /zh-cn\/rf\.mdx: .*heading 2 is h2 "为什么" where the English has h3 "Why 2×3.*matters" \(#why-2.*3-matters\)/,
    );
  });

  test('with a heading missing fails, naming the English heading without a counterpart', async () => {
    await expect(compile('rf.mdx', '## 感受野\n\n### 为什么\n\n## 乘加\n')).rejects.toThrow(
      /zh-cn\/rf\.mdx: .*it has 3 headings, the English 4: the English heading 4 h2 "The receptive field" \(#the-receptive-field-1\) has no counterpart/,
    );
  });

  test('with an extra heading fails, naming it', async () => {
    await expect(compile('rf.mdx', '## 感受野\n\n### 为什么\n\n## 乘加\n\n## 再谈\n\n## 多余\n')).rejects.toThrow(
      /it has 5 headings, the English 4: heading 5 "多余" has no English counterpart/,
    );
  });
});

test('only files directly in a translation folder have an English source', () => {
  expect(englishSourceOf(join(dir, 'zh-cn', 'rf.mdx'), options)).toBe(join(dir, 'rf.mdx'));
  expect(englishSourceOf(join(dir, 'rf.mdx'), options)).toBeNull();
  expect(englishSourceOf(join(dir, 'fr', 'rf.mdx'), options)).toBeNull();
  expect(englishSourceOf(undefined, options)).toBeNull();
});

test('the frontmatter is blanked line for line', () => {
  expect(bodyOf('---\ntitle: A\nx: 1\n---\n## H\n')).toBe('\n\n\n\n## H\n');
});
