/**
 * rehype-katex does not stop on bad TeX: it records a file message (which MDX drops) and
 * renders the source in red as `.katex-error`, so a typo ships as a silently broken formula.
 * This plugin, run after it, turns any such element into a build error naming the chapter.
 */
import { visit } from 'unist-util-visit';
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';

export function rehypeKatexErrors() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties?.className;
      if (!Array.isArray(classes) || !classes.includes('katex-error')) return;
      const reason = String(node.properties?.title ?? 'KaTeX could not parse this formula');
      throw new Error(`${file.path}: bad math — ${reason}`);
    });
  };
}
