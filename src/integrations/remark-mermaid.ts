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
import type { BlockContent, Code, Paragraph, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
// Registers `data.hName` on mdast nodes (the name of the element a node becomes in HTML).
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { diagramFile, diagramHash, diagramLabels, diagramSize, readDiagram, THEMES } from './mermaid/store.ts';
import { contentFileLocale, type Locale } from '../i18n/locale.ts';

function captionOf(meta: string | null | undefined): string | undefined {
  return meta?.match(/caption="([^"]*)"/)?.[1];
}

const attr = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

function element(name: string, attributes: MdxJsxAttribute[], children: BlockContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

/**
 * The caption: text, which a JSX element in flow may not hold (its children are blocks), so it
 * is a paragraph that becomes `<figcaption>` instead of `<p>`.
 */
function figcaption(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }], data: { hName: 'figcaption' } };
}

/** Smallest legible diagram text, in CSS px: an image never shrinks its labels below this. */
export const MIN_DIAGRAM_TEXT_PX = 11;
/** The phone column (390 px viewport less Starlight's padding); a wider minimum scrolls there. */
const PHONE_COLUMN_PX = 358;

/** Mermaid's label size in a rendered SVG (its root font-size). */
function labelSize(svg: string): number {
  return Number(svg.match(/font-size:([\d.]+)px/)?.[1] ?? 16);
}

export interface MermaidOptions {
  /** The site's base path (Astro `base`), so image URLs work under a project path too. */
  readonly base?: string;
}

/** The words this plugin adds around a diagram, per content language. */
const WORDS: Record<Locale, { diagram(text: string): string; join: string; scrolls(caption: string): string }> = {
  en: { diagram: (text) => `Diagram: ${text}.`, join: '; ', scrolls: (caption) => `${caption} (scrolls sideways)` },
  'zh-cn': { diagram: (text) => `图示：${text}。`, join: '；', scrolls: (caption) => `${caption}（可横向滚动）` },
};

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
      const words = WORDS[contentFileLocale(file.path)];
      const alt = words.diagram(labels.length > 0 ? labels.join(words.join) : caption.replace(/[.。]$/, ''));
      const hash = diagramHash(node.value);
      let minWidth = 0;
      const themed = THEMES.map((theme) => {
        // Reading the file checks it exists (the build fails with "run npm run diagrams").
        const svg = readDiagram(node.value, theme, file.path);
        const { width, height } = diagramSize(svg);
        // Shrinks with the column down to the width at which labels are 11 px, then scrolls.
        minWidth = Math.ceil((width * MIN_DIAGRAM_TEXT_PX) / labelSize(svg));
        return element('img', [
          attr('style', `min-width:${Math.min(width, minWidth)}px`),
          attr('class', `mermaid-${theme}`),
          attr('src', `${base}diagrams/${diagramFile(hash, theme)}`),
          attr('alt', alt),
          attr('width', String(width)),
          attr('height', String(height)),
          attr('loading', 'lazy'),
          attr('decoding', 'async'),
        ]);
      });
      // A frame that can scroll at phone width is focusable, so the keyboard can scroll it too.
      const frameAttrs = [attr('class', 'mermaid-frame')];
      if (minWidth > PHONE_COLUMN_PX) frameAttrs.push(attr('tabindex', '0'), attr('role', 'group'), attr('aria-label', words.scrolls(caption)));
      const frame = element('div', frameAttrs, themed);
      parent.children[index] = element('figure', [attr('class', 'mermaid-figure')], [frame, figcaption(caption)]);
    });
  };
}
