/**
 * Finds parameter/MAC-sized figures typed by hand into chapter prose. Chapters must compute
 * them (<Num …/>, or an `export const` using the calc core), so only prose is scanned:
 * ESM blocks, JSX expressions `{…}`, JSX/HTML tags with their attributes and URLs are masked
 * out first (replaced by spaces, so line numbers stay right). Math and code spans are prose here:
 * a figure typed into a formula is still typed by hand.
 */

export interface Finding {
  readonly line: number;
  readonly text: string;
}

/** What counts as a hand-typed figure. Each pattern is anchored so identifiers (conv3_2, 1409.1556) don't match. */
const FIGURES: readonly RegExp[] = [
  // thousands separators: 138,357,544 · 138 357 544 (thin/narrow space) · 138{,}357{,}544 (LaTeX)
  /(?<![\w.,])\d{1,3}(?:(?:,|\{,\}|[\u2009\u202f\u00a0]|\\,)\d{3})+(?![\w])/g,
  // five or more digits in a row: 138357544, 15470000 (years and sizes have four or fewer)
  /(?<![\w.,])\d{5,}(?![\w])/g,
  // a magnitude suffix right after the number: 138.4M, 7.6B, 15.5G, 61k
  /(?<![\w.,])\d+(?:\.\d+)?[kKMBG](?![\w])/g,
  // a scaled cost unit: 15.47 GFLOPs, 3.6 GMACs (but "2 FLOPs per MAC" is prose)
  /(?<![\w.,])\d+(?:\.\d+)?(?:\s|~|\\,)*[KMGT](?:FLOPS?|FLOPs|MACs?|MAdds)(?![\w])/gi,
  // a word magnitude of a cost: 138 million parameters, 7.6 billion MACs (not "1.2 million images")
  /(?<![\w.,])\d+(?:\.\d+)?\s+(?:million|billion|thousand)(?:\s+[\w-]+){0,2}?\s+(?:parameters|params|weights|MACs?|FLOPs?|multipl\w*|operations|connections)(?![\w])/gi,
];

/** Replaces every character of `text[from, to)` except newlines by a space. */
function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to && i < chars.length; i += 1) if (chars[i] !== '\n') chars[i] = ' ';
}

/** Index just past the brace that closes the one at `open`, skipping quoted strings. */
function closeBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return text.length;
      i = end;
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Index just past the `>` that ends a tag starting at `open`, skipping quoted values and `{…}`. */
function closeTag(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return text.length;
      i = end;
    } else if (c === '{') i = closeBrace(text, i) - 1;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/** The prose of an MD/MDX file, with everything that is code replaced by spaces. */
export function proseOf(source: string, mdx = true): string {
  const chars = [...source.replace(/\r\n?/g, '\n')];
  const text = chars.join('');
  if (mdx) {
    // ESM: an import/export at the start of a line runs to the next blank line.
    for (const m of text.matchAll(/^(?:import|export)\b[\s\S]*?(?=\n\s*\n|$(?![\s\S]))/gm)) blank(chars, m.index, m.index + m[0].length);
  }
  let math = false;
  let fence = false;
  for (let i = 0; i < text.length; i += 1) {
    if (chars[i] === ' ' && text[i] !== ' ') continue; // already masked
    const atLineStart = i === 0 || text[i - 1] === '\n';
    if (atLineStart && text.startsWith('```', i)) fence = !fence;
    if (fence) continue;
    const c = text[i];
    if (c === '\\') {
      i += 1; // an escaped character is literal text
      continue;
    }
    if (c === '$') {
      math = !math; // $…$ and $$…$$ alike: braces inside math are TeX, not JSX
      continue;
    }
    if (math || !mdx) continue;
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > 0) i = end; // code span: literal text
    } else if (c === '{') {
      const end = closeBrace(text, i);
      blank(chars, i, end);
      i = end - 1;
    } else if (c === '<' && /[A-Za-z/!]/.test(text[i + 1] ?? '')) {
      const end = closeTag(text, i);
      blank(chars, i, end);
      i = end - 1;
    }
  }
  let prose = chars.join('');
  // URLs (link targets, autolinks) hold arXiv ids and the like.
  prose = prose.replace(/\]\([^)\s]*\)|https?:\/\/[^\s)>\]]+/g, (m) => m.replace(/[^\n]/g, ' '));
  return prose;
}

export function findHandTypedFigures(source: string, mdx = true): Finding[] {
  const findings: Finding[] = [];
  proseOf(source, mdx)
    .split('\n')
    .forEach((line, index) => {
      const hits = new Set<string>();
      for (const pattern of FIGURES) for (const m of line.matchAll(pattern)) hits.add(m[0].trim());
      for (const hit of hits) findings.push({ line: index + 1, text: hit });
    });
  return findings;
}
