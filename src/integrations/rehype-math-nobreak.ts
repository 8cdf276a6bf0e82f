/**
 * Punctuation stays on the line of the formula it touches. A <math> element is an atomic inline,
 * and Chromium offers a line break on each side of it, so "β = 0.75；" could end a line at the
 * formula and start the next with "；" (and "(" could be left dangling before one). Chinese line
 * breaking never lets closing punctuation start a line, nor opening punctuation end one; neither
 * does English typesetting. The formula and the punctuation touching it go into one no-wrap span.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/** Closing punctuation (may not start a line), Latin and CJK. */
const CLOSING_AT_START = /^[,.;:!?)\]}%、。，；：！？）】」』”’〉》]+/;
/** Opening punctuation (may not end a line). */
const OPENING_AT_END = /[([{（【「『“‘〈《]+$/;

const NO_BREAK = 'nb-math-nobreak';

const hasClass = (node: ElementContent | undefined, name: string): node is Element =>
  node?.type === 'element' && Array.isArray(node.properties?.className) && node.properties.className.includes(name);
const isInlineMath = (node: ElementContent | undefined) => hasClass(node, 'katex');
const isNoBreak = (node: Element) => hasClass(node, NO_BREAK);

const isText = (node: ElementContent | undefined): node is Text => node?.type === 'text';

export function rehypeMathNoBreak() {
  return (tree: Root) => {
    visit(tree, 'element', (parent: Element) => {
      if (isNoBreak(parent)) return;
      const kids = parent.children;
      for (let i = 0; i < kids.length; i++) {
        const math = kids[i];
        if (!isInlineMath(math)) continue;
        const before = kids[i - 1];
        const after = kids[i + 1];
        const opening = isText(before) ? (OPENING_AT_END.exec(before.value)?.[0] ?? '') : '';
        const closing = isText(after) ? (CLOSING_AT_START.exec(after.value)?.[0] ?? '') : '';
        if (!opening && !closing) continue;
        const held: ElementContent[] = [];
        if (opening && isText(before)) {
          before.value = before.value.slice(0, -opening.length);
          held.push({ type: 'text', value: opening });
        }
        held.push(math);
        if (closing && isText(after)) {
          after.value = after.value.slice(closing.length);
          held.push({ type: 'text', value: closing });
        }
        kids[i] = { type: 'element', tagName: 'span', properties: { className: [NO_BREAK] }, children: held };
      }
      // Text nodes emptied above would only be noise in the output.
      parent.children = kids.filter((node) => !isText(node) || node.value !== '');
    });
  };
}
