/**
 * Replaces ```mermaid fences with their pre-rendered SVGs (light and dark, switched by CSS
 * on Starlight's data-theme). The fence's meta string may carry a caption:
 * ```mermaid caption="Two stacked 3×3 convolutions"
 */
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Root, Code } from 'mdast';
import type { VFile } from 'vfile';
import { readDiagram, THEMES } from './mermaid/store.ts';

function captionOf(meta: string | null | undefined): string | undefined {
  return meta?.match(/caption="([^"]*)"/)?.[1];
}

export function remarkMermaidSvg() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const caption = captionOf(node.meta);
      const themed = THEMES.map((theme) => ({
        type: 'element' as const,
        tagName: 'div',
        properties: { className: ['mermaid-svg', `mermaid-${theme}`] },
        children: fromHtml(readDiagram(node.value, theme, file.path), { fragment: true, space: 'html' })
          .children,
      }));
      const figure = {
        type: 'element' as const,
        tagName: 'figure',
        properties: { className: ['mermaid-figure'] },
        children: caption
          ? [...themed, { type: 'element' as const, tagName: 'figcaption', properties: {}, children: [{ type: 'text' as const, value: caption }] }]
          : themed,
      };
      // A node mdast-util-to-hast turns into exactly this hast subtree (works for .md and .mdx).
      parent.children[index] = {
        type: 'paragraph',
        children: [],
        data: { hName: 'figure', hProperties: figure.properties, hChildren: figure.children },
      } as never;
    });
  };
}
