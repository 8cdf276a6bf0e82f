/**
 * `npm run diagrams`: renders every ```mermaid fence under content/ to public/diagrams/ (both
 * themes) with the real mermaid package in headless Chromium, and deletes SVGs no chapter
 * uses any more. `npm run diagrams -- --check` renders nothing and exits 1 when a diagram is
 * missing or an orphan is left (CI runs this as a test).
 */
import { readdirSync, readFileSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { optimize } from 'svgo';
import { DIAGRAM_DIR, THEMES, diagramHash, diagramPath, mermaidSources, type DiagramTheme } from './store.ts';
import { chromiumLaunchOptions } from '../chromium.ts';

const CONTENT_DIR = new URL('../../../content/', import.meta.url).pathname;

function* markdownFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (/\.mdx?$/.test(entry.name)) yield path;
  }
}

/** hash → source, for every diagram in the chapters. */
export function collectDiagrams(contentDir = CONTENT_DIR): Map<string, { source: string; file: string }> {
  const found = new Map<string, { source: string; file: string }>();
  for (const file of markdownFiles(contentDir)) {
    for (const source of mermaidSources(readFileSync(file, 'utf8'))) {
      found.set(diagramHash(source), { source, file: relative(process.cwd(), file) });
    }
  }
  return found;
}

export function diagramStatus(contentDir = CONTENT_DIR) {
  const wanted = collectDiagrams(contentDir);
  const present = new Set(readdirSync(DIAGRAM_DIR).filter((f) => f.endsWith('.svg')));
  const missing = [...wanted].flatMap(([hash, d]) =>
    THEMES.filter((t) => !present.has(`${hash}.${t}.svg`)).map((theme) => ({ hash, theme, ...d })),
  );
  const orphans = [...present].filter((f) => !wanted.has(f.split('.')[0] ?? ''));
  return { wanted, missing, orphans };
}

/**
 * Labels are measured here, at render time, in these fonts and drawn in the reader's: Latin from
 * the system UI font, Han characters from a Simplified Chinese face (the stack the Chinese pages
 * use, src/styles/chinese.css). Noto Sans CJK SC is installed where diagrams are rendered
 * (Debian's fonts-noto-cjk); CJK faces all draw Han characters one em wide, so a label measured
 * in one fits in the others.
 */
export const MERMAID_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

// Colours follow Starlight's palette so a diagram sits in the page like its text does.
const MERMAID_THEMES: Record<DiagramTheme, object> = {
  light: {
    theme: 'base',
    themeVariables: {
      background: 'transparent', primaryColor: '#eef2ff', primaryBorderColor: '#4f46e5',
      primaryTextColor: '#17181c', lineColor: '#545861', secondaryColor: '#fef3c7',
      tertiaryColor: '#ecfdf5', clusterBkg: '#f6f6f6', clusterBorder: '#aaaaaa', fontSize: '15px',
    },
  },
  dark: {
    theme: 'base',
    themeVariables: {
      darkMode: true, background: 'transparent', primaryColor: '#1e1b4b', primaryBorderColor: '#a5b4fc',
      primaryTextColor: '#eeeeee', lineColor: '#b0b4bd', secondaryColor: '#451a03',
      tertiaryColor: '#052e16', clusterBkg: '#23262f', clusterBorder: '#6b7280', fontSize: '15px',
    },
  },
};

/**
 * Mermaid draws rounded shapes with hundreds of curve segments at full float precision
 * (over 100 kB for one small flowchart). Rewriting path data at 0.1 px precision cuts that by
 * about three quarters; ids, classes and the SVG's own <style> are left exactly as rendered.
 */
export function compact(svg: string): string {
  return optimize(svg, { multipass: true, floatPrecision: 1, plugins: ['convertPathData', 'cleanupNumericValues'] }).data;
}

async function render(jobs: { hash: string; theme: DiagramTheme; source: string }[]) {
  const mermaidJs = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidJs });
    for (const job of jobs) {
      const svg = await page.evaluate(
        async ({ id, source, config }) => {
          const m = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
          m.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false, useMaxWidth: true }, ...config });
          const { svg } = await m.render(id, source);
          // Mermaid serialises as HTML (<br> in labels); the page shows each SVG as an image,
          // which must be well-formed XML, so re-serialise it as XML.
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          return new XMLSerializer().serializeToString(holder.firstElementChild!);
        },
        { id: `mmd-${job.hash}-${job.theme}`, source: job.source, config: { fontFamily: MERMAID_FONT_FAMILY, ...MERMAID_THEMES[job.theme] } },
      );
      writeFileSync(diagramPath(job.hash, job.theme), compact(svg) + '\n');
      console.log(`rendered ${job.hash}.${job.theme}.svg`);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  mkdirSync(DIAGRAM_DIR, { recursive: true });
  const check = process.argv.includes('--check');
  const { missing, orphans } = diagramStatus();
  if (check) {
    for (const m of missing) console.error(`missing: ${m.hash}.${m.theme}.svg (diagram in ${m.file})`);
    for (const o of orphans) console.error(`orphan: public/diagrams/${o}`);
    process.exit(missing.length || orphans.length ? 1 : 0);
  }
  await render(missing);
  for (const o of orphans) {
    unlinkSync(join(DIAGRAM_DIR, o));
    console.log(`removed orphan ${o}`);
  }
  console.log(`${missing.length} rendered, ${orphans.length} removed`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
