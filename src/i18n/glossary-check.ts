/**
 * The glossary consistency check (tests/i18n/glossary.test.ts): a Chinese page uses each term's
 * chosen rendering (src/i18n/glossary.ts), never an alternative. Code (fenced and inline) and
 * math are not prose and are left out. An alternative inside a chosen rendering is that term,
 * not the alternative (点卷积 in 逐点卷积, 组卷积 in 分组卷积), so such occurrences are skipped.
 */
import type { GlossaryTerm } from './glossary.ts';

export interface GlossaryFinding {
  readonly line: number;
  readonly alternative: string;
  readonly chosen: string;
  readonly term: string;
}

/** The text with code fences, inline code and math blanked out, every line kept in place. */
export function proseOfChinese(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/(`+)[^`\n]*?\1/g, blank)
    .replace(/(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$/g, blank);
}

/** Spans of the text covered by any term's chosen rendering. */
function chosenSpans(text: string, terms: readonly GlossaryTerm[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const t of terms) {
    for (let at = text.indexOf(t.zh); at >= 0; at = text.indexOf(t.zh, at + 1)) spans.push([at, at + t.zh.length]);
  }
  return spans;
}

export function findAlternatives(source: string, terms: readonly GlossaryTerm[]): GlossaryFinding[] {
  const text = proseOfChinese(source);
  const spans = chosenSpans(text, terms);
  const inChosen = (from: number, to: number) => spans.some(([a, b]) => a <= from && to <= b && b - a > to - from);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const hits: { from: number; to: number; alternative: string; term: GlossaryTerm }[] = [];
  for (const term of terms) {
    for (const alternative of term.alternatives) {
      for (let at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) {
        if (!inChosen(at, at + alternative.length)) hits.push({ from: at, to: at + alternative.length, alternative, term });
      }
    }
  }
  // One finding per place: 最大汇聚 (max pooling) is reported, not also the 汇聚 inside it.
  return hits
    .filter((h) => !hits.some((o) => o !== h && o.from <= h.from && h.to <= o.to && o.to - o.from > h.to - h.from))
    .sort((a, b) => a.from - b.from)
    .map((h) => ({ line: lineAt(h.from), alternative: h.alternative, chosen: h.term.zh, term: h.term.en }));
}
