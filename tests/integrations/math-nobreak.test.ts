import { describe, expect, test } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import { rehypeMathNoBreak } from '../../src/integrations/rehype-math-nobreak';

// The chapter pipeline's math steps (astro.config.mjs), on one Markdown string, as HTML.
async function html(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'mathml' })
    .use(rehypeMathNoBreak)
    .use(rehypeStringify)
    .process(markdown);
  return String(file).replace(/<math[\s\S]*?<\/math>/g, 'M');
}

describe('punctuation stays with the formula it touches', () => {
  test('Chinese closing punctuation after a formula joins it (the line may not start with "；")', async () => {
    expect(await html('能量（$k = 2$、$\\beta = 0.75$；Caffe 用的是')).toBe(
      '<p>能量<span class="nb-math-nobreak">（<span class="katex">M</span>、</span>' +
        '<span class="nb-math-nobreak"><span class="katex">M</span>；</span>Caffe 用的是</p>',
    );
  });

  test('Latin: a comma or full stop after, an opening parenthesis before', async () => {
    expect(await html('so ($n$), then $k$.')).toBe(
      '<p>so <span class="nb-math-nobreak">(<span class="katex">M</span>),</span> then ' +
        '<span class="nb-math-nobreak"><span class="katex">M</span>.</span></p>',
    );
  });

  test('a formula between spaces, or a display formula, is left as it is', async () => {
    expect(await html('a $k$ b')).toBe('<p>a <span class="katex">M</span> b</p>');
    expect(await html('$$\nk\n$$\n\n.')).not.toContain('nb-math-nobreak');
  });
});
