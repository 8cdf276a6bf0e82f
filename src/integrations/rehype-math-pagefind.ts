/**
 * Pagefind would index a formula's MathML as a run of single symbols (β = 0 . 75): noise in
 * search results. Keep rendered math out of the search index.
 */
import { visit } from 'unist-util-visit';
import type { Root, Element } from 'hast';

export function rehypeMathPagefindIgnore() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties?.className;
      if (Array.isArray(classes) && (classes.includes('katex') || classes.includes('katex-display'))) {
        node.properties['dataPagefindIgnore'] = '';
      }
    });
  };
}
