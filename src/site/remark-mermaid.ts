/**
 * Replaces ```mermaid fences in MDX chapters with their pre-rendered SVGs, as images: one per
 * theme, switched by CSS on Starlight's data-theme. The fence's meta string carries the caption:
 * ```mermaid caption="Two stacked 3×3 convolutions"
 *
 * Images, not inline SVG: inline, both themes' SVGs were half of a chapter's HTML (the
 * Inception → Xception page: 85 kB of 31 kB gzip without them) and half its DOM (10,000
 * elements of which 4,800 were SVG), all parsed and styled before first paint on a phone.
 * As lazy images only the visible theme's file loads, when the reader scrolls near it.
 */
import { visit } from 'unist-util-visit';
import type { Root, Code } from 'mdast';
import type { VFile } from 'vfile';
import { diagramFile, diagramHash, diagramLabels, diagramSize, readDiagram, THEMES } from './mermaid/store.ts';

function captionOf(meta: string | null | undefined): string | undefined {
  return meta?.match(/caption="([^"]*)"/)?.[1];
}

const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });

function element(name: string, attributes: object[], children: object[] = []) {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

export interface MermaidOptions {
  /** The site's base path (Astro `base`), so image URLs work under a project path too. */
  readonly base?: string;
}

export function remarkMermaidSvg(options: MermaidOptions = {}) {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      if (!file.path.endsWith('.mdx')) {
        throw new Error(`${file.path}: Mermaid diagrams are supported in .mdx chapters only`);
      }
      const caption = captionOf(node.meta);
      if (!caption) throw new Error(`${file.path}: every Mermaid diagram needs caption="…" (it is the figure's caption)`);
      const labels = diagramLabels(node.value);
      const alt = labels.length > 0 ? `Diagram: ${labels.join('; ')}.` : `Diagram: ${caption}`;
      const hash = diagramHash(node.value);
      const themed = THEMES.map((theme) => {
        // Reading the file checks it exists (the build fails with "run npm run diagrams").
        const { width, height } = diagramSize(readDiagram(node.value, theme, file.path));
        return element('img', [
          attr('class', `mermaid-${theme}`),
          attr('src', `${base}diagrams/${diagramFile(hash, theme)}`),
          attr('alt', alt),
          attr('width', String(width)),
          attr('height', String(height)),
          attr('loading', 'lazy'),
          attr('decoding', 'async'),
        ]);
      });
      const figcaption = element('figcaption', [], [{ type: 'text', value: caption }]);
      parent.children[index] = element('figure', [attr('class', 'mermaid-figure')], [...themed, figcaption]) as never;
    });
  };
}
