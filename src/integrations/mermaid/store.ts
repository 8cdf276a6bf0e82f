/**
 * Build-time Mermaid without a browser: diagrams are rendered once by `npm run diagrams`
 * (headless Chromium) and kept in public/diagrams/ as SVG files named by a hash of their
 * source and theme. The build only checks and links those files, so a reader who clones the
 * repo needs no browser; a changed diagram has a new hash, so a stale SVG can never be used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const THEMES = ['light', 'dark'] as const;
export type DiagramTheme = (typeof THEMES)[number];

/** Bump when the rendering options change, so every diagram is re-rendered. */
export const RENDER_VERSION = 'mermaid11-svgo-xml-cjk-v4';

export const DIAGRAM_DIR = fileURLToPath(new URL('../../../public/diagrams/', import.meta.url));

export function normaliseSource(source: string): string {
  return source.replace(/\r\n/g, '\n').trim() + '\n';
}

export function diagramHash(source: string): string {
  return createHash('sha256')
    .update(RENDER_VERSION + '\0' + normaliseSource(source))
    .digest('hex')
    .slice(0, 16);
}

export function diagramFile(hash: string, theme: DiagramTheme): string {
  return `${hash}.${theme}.svg`;
}

export function diagramPath(hash: string, theme: DiagramTheme): string {
  return join(DIAGRAM_DIR, diagramFile(hash, theme));
}

export class MissingDiagramError extends Error {
  constructor(
    readonly hash: string,
    readonly file: string,
  ) {
    super(
      `Mermaid diagram ${hash} in ${file} has no rendered SVG. Run \`npm run diagrams\` and commit public/diagrams/.`,
    );
  }
}

export function readDiagram(source: string, theme: DiagramTheme, file: string): string {
  const hash = diagramHash(source);
  const path = diagramPath(hash, theme);
  if (!existsSync(path)) throw new MissingDiagramError(hash, file);
  return readFileSync(path, 'utf8');
}

/** A rendered diagram's size in CSS pixels, from its viewBox (so the page reserves its space). */
export function diagramSize(svg: string): { width: number; height: number } {
  const box = svg.match(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/);
  if (!box) throw new Error('a rendered Mermaid SVG has no viewBox');
  return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
}

/**
 * Text alternative for a diagram drawn as an image: the labels of its nodes, in source order
 * (the caption is already beside it, in <figcaption>).
 */
export function diagramLabels(source: string): string[] {
  const labels: string[] = [];
  // id["label"], id[label], id(label), id{label}, id([label]), id[[label]], id((label)), id>label]
  for (const m of source.matchAll(/\b[\w-]+\s*(?:\[\[|\(\(|\(\[|\[|\(|\{|>)\s*(?:"([^"\n]+)"|([^"\]\)\}\n]+?))\s*(?:\]\]|\)\)|\]\)|\]|\)|\})/g)) {
    const label = (m[1] ?? m[2]!).replace(/<br\s*\/?>/gi, ' ').replace(/[*_`#]/g, '').replace(/\s+/g, ' ').trim();
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** Every ```mermaid fence in a Markdown/MDX text. */
export function mermaidSources(markdown: string): string[] {
  const fences = markdown.matchAll(/^([ \t]*)(`{3,}|~{3,})mermaid[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm);
  return [...fences].map((m) => m[3] ?? '');
}
