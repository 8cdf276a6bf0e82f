/**
 * Shared heading anchors: on a translated page (content/<locale>/<slug>.mdx) every heading takes
 * the id of the English page's heading at the same position, so /zh-cn/vgg/#receptive-field and
 * /vgg/#receptive-field are the same section and a link can switch language by its prefix alone.
 *
 * The English ids are the ones Astro gives the English page: its source is run through this same
 * processor (the plugin's `this`), whose heading-id pass records them in the file's data. That
 * pass keeps an id that is already set, so the ids set here are the ones the page and Starlight's
 * table of contents use. A translation must have the same number of headings at the same levels;
 * otherwise the build fails, naming the page and the first heading that differs.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';

export interface SharedHeadingOptions {
  /** Absolute path of the content folder (English pages at its top, translations in <locale>/). */
  readonly contentDir: string;
  /** Locale keys that are translation folders, e.g. ["zh-cn"]. */
  readonly locales: readonly string[];
}

export interface HeadingRef {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
}

export class HeadingMismatchError extends Error {
  constructor(
    readonly page: string,
    readonly source: string,
    detail: string,
  ) {
    super(`${page}: its headings must match ${source} one for one (same count, same levels), so they can share its anchors; ${detail}`);
    this.name = 'HeadingMismatchError';
  }
}

/** The English source a translated file translates, or null for any other file. */
export function englishSourceOf(path: string | undefined, options: SharedHeadingOptions): string | null {
  if (!path) return null;
  const rel = relative(options.contentDir, path).split(sep);
  if (rel.length !== 2 || !options.locales.includes(rel[0]!)) return null;
  return [options.contentDir, rel[1]!].join(sep);
}

/** The frontmatter block blanked out line for line, as Astro hands a page's body to the processor. */
export function bodyOf(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (block) => block.replace(/[^\n]/g, ''));
}

/** A heading's visible text, for error messages (a formula's TeX annotation left out). */
function textOf(node: Element): string {
  let text = '';
  visit(node, (n) => {
    if (n.type === 'element' && (n as Element).tagName === 'annotation') return 'skip';
    if (n.type === 'text') text += (n as { value: string }).value;
  });
  return text.trim();
}

/** Headings in document order: the elements Astro's heading-id pass numbers. */
function headingElements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) found.push(node);
  });
  return found;
}

/** Compares levels position by position; returns the first difference, or null. */
export function firstMismatch(translated: readonly { depth: number; text: string }[], english: readonly HeadingRef[]): string | null {
  const count = Math.min(translated.length, english.length);
  for (let i = 0; i < count; i++) {
    const t = translated[i]!;
    const e = english[i]!;
    if (t.depth !== e.depth) return `heading ${i + 1} is h${t.depth} "${t.text}" where the English has h${e.depth} "${e.text}" (#${e.slug})`;
  }
  if (translated.length === english.length) return null;
  const extra = translated.length > english.length;
  const at = count;
  return extra
    ? `it has ${translated.length} headings, the English ${english.length}: heading ${at + 1} "${translated[at]!.text}" has no English counterpart`
    : `it has ${translated.length} headings, the English ${english.length}: the English heading ${at + 1} h${english[at]!.depth} "${english[at]!.text}" (#${english[at]!.slug}) has no counterpart`;
}

export function rehypeSharedHeadingIds(this: Processor, options: SharedHeadingOptions) {
  const processor = this;
  /** English headings per source text (a dev-server edit gives new text, hence a new entry). */
  const cache = new Map<string, Promise<HeadingRef[]>>();

  const englishHeadings = async (path: string): Promise<HeadingRef[]> => {
    const source = await readFile(path, 'utf8');
    const key = `${path}\0${source}`;
    let headings = cache.get(key);
    if (!headings) {
      headings = (async () => {
        const file = new VFile({ value: bodyOf(source), path, data: { astro: { frontmatter: {} } } });
        await processor.run(processor.parse(file), file);
        const found = (file.data as { astro?: { headings?: HeadingRef[] } }).astro?.headings;
        if (!found) throw new Error(`${path}: the processor recorded no headings (is Astro's heading-id pass after this plugin?)`);
        return found;
      })();
      cache.set(key, headings);
    }
    return headings;
  };

  return async (tree: Root, file: VFile) => {
    const englishPath = englishSourceOf(file.path, options);
    if (!englishPath) return;
    const english = await englishHeadings(englishPath);
    const headings = headingElements(tree);
    const mismatch = firstMismatch(
      headings.map((h) => ({ depth: Number(h.tagName[1]), text: textOf(h) })),
      english,
    );
    const name = (p: string) => relative(process.cwd(), p);
    if (mismatch) throw new HeadingMismatchError(name(file.path), name(englishPath), mismatch);
    headings.forEach((h, i) => {
      h.properties.id = english[i]!.slug;
    });
  };
}
