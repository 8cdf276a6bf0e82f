/**
 * Loading hints Astro cannot express, written into the built pages (astro:build:done):
 * - `fetchpriority="low"` on module scripts: they run after parsing anyway, but at their default
 *   high priority they compete with the stylesheet and the math font before first paint (and
 *   Lighthouse counts them as render-blocking).
 * - A preload of the math font on pages that have math, so formulas are drawn with it from the
 *   first paint instead of swapping in later; pages without math do not fetch it.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const MATH_FONT_PATH = 'fonts/notebook-math.woff2';

export function lowPriorityModuleScripts(html: string): string {
  return html.replace(/<script type="module"(?![^>]*fetchpriority)([^>]*\ssrc=)/g, '<script type="module" fetchpriority="low"$1');
}

export function preloadMathFont(html: string, href: string): string {
  if (!/<math[\s>]/.test(html) || html.includes(`href="${href}"`)) return html;
  const link = `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`;
  // Right after the charset and viewport metas, ahead of the stylesheet that uses it.
  return html.replace(/(<meta name="viewport"[^>]*>)/, `$1${link}`);
}

export function buildHints(): AstroIntegration {
  let base = '/';
  return {
    name: 'notebook-build-hints',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
        for (const file of files) {
          const path = join(out, file);
          const html = await readFile(path, 'utf8');
          const hinted = preloadMathFont(lowPriorityModuleScripts(html), base + MATH_FONT_PATH);
          if (hinted !== html) await writeFile(path, hinted);
        }
      },
    },
  };
}
