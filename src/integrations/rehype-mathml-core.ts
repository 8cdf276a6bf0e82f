/**
 * Fixes for KaTeX's MathML as Chromium's MathML Core draws it, so formulas look as KaTeX's HTML
 * output did:
 * - The <semantics> wrapper and its TeX <annotation> are dropped: two elements per formula that
 *   nothing reads (Pagefind skips math; screen readers read the MathML).
 * - MathML Core draws only mathvariant="normal": a script letter (\mathcal{L}) is written as its
 *   Unicode mathematical script character (ℒ) instead.
 * - A bracket that is not first in its row (`\max\bigl(`, `f(x)`) is an infix operator in MathML's
 *   operator dictionary, which gives an unknown infix operator thick spaces on both sides. An
 *   opening bracket gets form="prefix", a closing one form="postfix": no space, as in TeX.
 * - TeX drops the spaces around binary operators and relations in sub- and superscripts and in
 *   the parts of a fraction in inline math (script style); MathML Core keeps them (`i = 1` under a
 *   ∑ read as `i  =  1`). Operators at script level ≥ 1 get lspace="0" rspace="0".
 */
import type { Root, Element, ElementContent } from 'hast';

const OPENING = new Set(['(', '[', '{', '⌈', '⌊', '⟨', '‖']);
const CLOSING = new Set([')', ']', '}', '⌉', '⌋', '⟩']);
const SCRIPTED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts']);

function text(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/** Script capitals: U+1D49C + n, except the letters Unicode encoded earlier (Letterlike Symbols). */
const SCRIPT_HOLES: Record<string, string> = { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' };
function scriptCapital(letter: string): string | undefined {
  if (!/^[A-Z]$/.test(letter)) return undefined;
  return SCRIPT_HOLES[letter] ?? String.fromCodePoint(0x1d49c + letter.charCodeAt(0) - 65);
}

function visitMath(node: ElementContent, display: boolean, level: number): void {
  if (node.type !== 'element') return;
  const props = node.properties;
  if (node.tagName === 'mi' && props.mathvariant === 'script') {
    const script = scriptCapital(text(node));
    if (script) {
      node.children = [{ type: 'text', value: script }];
      delete props.mathvariant;
    }
  }
  if (node.tagName === 'mo') {
    const t = text(node);
    if (props.form === undefined && OPENING.has(t)) props.form = 'prefix';
    if (props.form === undefined && CLOSING.has(t)) props.form = 'postfix';
    if (level > 0 && props.lspace === undefined && props.rspace === undefined) {
      props.lspace = '0';
      props.rspace = '0';
    }
    return;
  }
  if (node.tagName === 'mstyle') {
    if (props.displayStyle !== undefined || props.displaystyle !== undefined) display = String(props.displayStyle ?? props.displaystyle) === 'true';
    if (props.scriptLevel !== undefined || props.scriptlevel !== undefined) level = Number(props.scriptLevel ?? props.scriptlevel);
  }
  node.children.forEach((child, i) => {
    if (SCRIPTED.has(node.tagName) && i > 0) visitMath(child, false, level + 1);
    else if (node.tagName === 'mfrac') visitMath(child, false, display ? level : level + 1);
    else visitMath(child, display, level);
  });
}

export function rehypeMathmlCore() {
  return (tree: Root) => {
    const walk = (node: Root | ElementContent): void => {
      if (node.type === 'element' && node.tagName === 'math') {
        const semantics = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'semantics');
        if (semantics) node.children = semantics.children.filter((c) => !(c.type === 'element' && c.tagName.startsWith('annotation')));
        visitMath(node, node.properties.display === 'block', 0);
        return;
      }
      if ('children' in node) node.children.forEach((c) => walk(c as ElementContent));
    };
    walk(tree);
  };
}
