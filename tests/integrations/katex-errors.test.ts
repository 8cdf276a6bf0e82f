import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import { rehypeKatexErrors } from '../../src/integrations/rehype-katex-errors';

// The chapter pipeline's math steps (astro.config.mjs), on one Markdown string.
function render(markdown: string) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { strict: 'error' as const, throwOnError: true })
    .use(rehypeKatexErrors);
  return processor.run(processor.parse(markdown), new VFile({ path: 'content/x.mdx', value: markdown }));
}

describe('bad math fails the build', () => {
  test('good TeX renders', async () => {
    await expect(render('The field $F = \\frac{1}{2}$ grows.')).resolves.toBeTruthy();
  });

  test('bad TeX, which rehype-katex only paints red, throws with the chapter and the parse error', async () => {
    await expect(render('The field $F = \\frac{1}$ grows.')).rejects.toThrow(/content\/x\.mdx: bad math — .*KaTeX parse error/);
  });
});
