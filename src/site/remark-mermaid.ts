/**
 * Replaces ```mermaid fences in MDX chapters with their pre-rendered SVGs (light and dark,
 * switched by CSS on Starlight's data-theme). The fence's meta string may carry a caption:
 * ```mermaid caption="Two stacked 3×3 convolutions"
 *
 * The SVG goes in through Astro's `set:html`: a hast subtree would lose the SVG's own
 * <style> element on its way through MDX, and with it every colour of the diagram.
 */
import { visit } from 'unist-util-visit';
import type { Root, Code } from 'mdast';
import type { VFile } from 'vfile';
import { readDiagram, THEMES } from './mermaid/store.ts';

function captionOf(meta: string | null | undefined): string | undefined {
  return meta?.match(/caption="([^"]*)"/)?.[1];
}

const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });

function element(name: string, attributes: object[], children: object[] = []) {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

export function remarkMermaidSvg() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      if (!file.path.endsWith('.mdx')) {
        throw new Error(`${file.path}: Mermaid diagrams are supported in .mdx chapters only`);
      }
      const caption = captionOf(node.meta);
      const themed = THEMES.map((theme) =>
        element('div', [attr('class', `mermaid-svg mermaid-${theme}`), attr('set:html', readDiagram(node.value, theme, file.path))]),
      );
      const figcaption = caption ? [element('figcaption', [], [{ type: 'text', value: caption }])] : [];
      parent.children[index] = element('figure', [attr('class', 'mermaid-figure')], [...themed, ...figcaption]) as never;
    });
  };
}
