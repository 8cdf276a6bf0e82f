/**
 * Code blocks that may scroll sideways are keyboard-focusable from the first byte, not only once
 * measured. Expressive Code's own script gives an overflowing <pre> `tabindex="0"` (axe's
 * scrollable-region-focusable) after measuring it, which needs the block laid out: a block far down
 * the page that the browser skips (`content-visibility: auto`, src/styles/rendering.css) would get it
 * only once scrolled near, so Tab would pass over it. This plugin decides at build time instead: a
 * block whose longest line is wider than the narrowest column a reader can have (320 CSS px, WCAG's
 * reflow width) gets `tabindex="0"` and `role="region"` in the HTML. When the block is laid out,
 * Expressive Code's script still measures it and removes both where it does not overflow (a wide
 * screen), so no reader gets a stop that scrolls nothing once the block has been seen.
 */
import type { Element, ElementContent } from 'hast';
import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Monospace columns that fit in a code block at 320 px, measured in Chromium: the <pre> is 286 px
 * wide inside, less 2 × 14.5 px of padding, and a column of the 14 px code font is 8.42 px:
 * 257 / 8.42 = 30.5. tests/browser/code-focus.test.ts checks the outcome at 320, 390 and 1280 px.
 */
export const NARROWEST_COLUMNS = 30;

/** East Asian wide and fullwidth characters take two monospace columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The columns a line of code takes, tabs at the default width of 8 (the widest a reader gets). */
export function columns(line: string): number {
  let width = 0;
  for (const ch of line) width = ch === '\t' ? (Math.floor(width / 8) + 1) * 8 : width + (WIDE.test(ch) ? 2 : 1);
  return width;
}

function findPre(node: Element): Element | undefined {
  if (node.tagName === 'pre') return node;
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') continue;
    const found = findPre(child);
    if (found) return found;
  }
  return undefined;
}

export function pluginScrollFocus(): ExpressiveCodePlugin {
  return {
    name: 'Focusable when it may scroll',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const widest = Math.max(0, ...codeBlock.getLines().map((line) => columns(line.text)));
        if (widest <= NARROWEST_COLUMNS) return;
        const pre = findPre(renderData.blockAst);
        if (!pre) return;
        pre.properties.tabIndex = 0;
        pre.properties.role = 'region';
      },
    },
  };
}
