import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import katex from 'katex';
import { lowPriorityModuleScripts, preloadMathFont } from '../../src/integrations/build-hints';
import { rehypeMathmlCore } from '../../src/integrations/rehype-mathml-core';

describe('build hints', () => {
  test('module scripts with a src get fetchpriority="low"; inline and classic scripts are left alone', () => {
    const html = '<script type="module" src="/_astro/a.js"></script><script type="module">x()</script><script src="/b.js"></script>';
    expect(lowPriorityModuleScripts(html)).toBe(
      '<script type="module" fetchpriority="low" src="/_astro/a.js"></script><script type="module">x()</script><script src="/b.js"></script>',
    );
    expect(lowPriorityModuleScripts(lowPriorityModuleScripts(html))).toBe(lowPriorityModuleScripts(html));
  });

  test('the math font is preloaded only on pages with math, once', () => {
    const head = '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/a.css"></head>';
    const withMath = preloadMathFont(`${head}<p><math><mi>x</mi></math></p>`, '/base/fonts/m.woff2');
    expect(withMath).toContain('<meta name="viewport" content="width=device-width"><link rel="preload" href="/base/fonts/m.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet"');
    expect(preloadMathFont(withMath, '/base/fonts/m.woff2')).toBe(withMath);
    expect(preloadMathFont(`${head}<p>mathematics</p>`, '/f.woff2')).not.toContain('preload');
  });
});

describe('MathML spacing', () => {
  /** Each <mo> after the plugin, as text[form][:space when both spaces are zero]. */
  const render = async (tex: string, displayMode = false) => {
    const tree = fromHtml(katex.renderToString(tex, { output: 'mathml', displayMode }), { fragment: true });
    rehypeMathmlCore()(tree);
    const ops: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'mo') return;
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      const p = node.properties;
      ops.push(`${text}${p.form ? `[${String(p.form)}]` : ''}${p.lspace === '0' && p.rspace === '0' ? ':0' : ''}`);
    });
    return ops.filter((o) => o !== '\u2061').join(' ');
  };

  test('brackets inside a row are prefix/postfix (no infix thick spaces)', async () => {
    expect(await render('\\max\\bigl(f(x)\\bigr)')).toBe('([prefix] ([prefix] )[postfix] )[postfix]');
  });

  test('operators in scripts lose their spaces, operators on the baseline keep them', async () => {
    expect(await render('\\sum_{i=1}^{L-1} a = b', true)).toBe('∑ =:0 −:0 =');
  });

  test('fraction parts are script style in inline math, not in display math', async () => {
    expect(await render('\\frac{a+b}{c}')).toBe('+:0');
    expect(await render('\\frac{a+b}{c}', true)).toBe('+');
  });
});

describe('MathML Core letters', () => {
  test('a script capital becomes its Unicode character (MathML Core ignores mathvariant="script")', () => {
    const tree = fromHtml(katex.renderToString('\\mathcal{L} + \\mathcal{A}', { output: 'mathml' }), { fragment: true });
    rehypeMathmlCore()(tree);
    const mis: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'mi') mis.push(`${node.children.map((c) => (c.type === 'text' ? c.value : '')).join('')}${node.properties.mathvariant ? `/${String(node.properties.mathvariant)}` : ''}`);
    });
    expect(mis).toEqual(['ℒ', '𝒜']);
  });
});
