/**
 * Diagrams stay legible on a phone: at 390 px no diagram label renders smaller than 11 CSS px,
 * unless the diagram's frame scrolls sideways, and a frame that scrolls can be reached with Tab
 * (so the keyboard can scroll it). Label size = the SVG's font size × drawn width / natural width.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chapterPages, open, readPage, site } from '../support/site.ts';
import { useBrowser } from '../support/browser.ts';
import { MIN_DIAGRAM_TEXT_PX } from '../../src/integrations/remark-mermaid.ts';

const browser = useBrowser();

const { rootUrl, builds } = site();
const withDiagrams = chapterPages().filter((p) => readPage(p).includes('class="mermaid-figure"'));

/** Mermaid's label size in a rendered diagram, read from the file the page shows. */
function labelPx(src: string): number {
  const svg = readFileSync(join(builds.root.outDir, new URL(src).pathname), 'utf8');
  const size = svg.match(/font-size:([\d.]+)px/)?.[1];
  if (!size) throw new Error(`${src}: no font-size in the SVG`);
  return Number(size);
}

test('chapters with diagrams exist (the check below is not vacuous)', () => {
  expect(withDiagrams.length).toBeGreaterThanOrEqual(4);
});

describe.concurrent.each(withDiagrams.map((p) => [`/${p.path}`, p] as const))('%s at 390 px', (_label, info) => {
  test(`every diagram's labels are ≥ ${MIN_DIAGRAM_TEXT_PX} px, or its frame scrolls and is keyboard-focusable`, async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await open(page, rootUrl + info.path);
      const figures = await page.locator('.mermaid-figure').evaluateAll((els) =>
        els.map((fig) => {
          const img = [...fig.querySelectorAll('img')].find((i) => getComputedStyle(i).display !== 'none')!;
          const frame = fig.querySelector<HTMLElement>('.mermaid-frame')!;
          return {
            caption: fig.querySelector('figcaption')?.textContent ?? '',
            src: img.src,
            drawn: img.getBoundingClientRect().width,
            natural: Number(img.getAttribute('width')),
            scrolls: frame.scrollWidth > frame.clientWidth + 1,
            focusable: frame.tabIndex === 0,
            pageOverflow: document.documentElement.scrollWidth > window.innerWidth,
          };
        }),
      );
      expect(figures.length).toBeGreaterThan(0);
      const problems = figures.flatMap((f) => {
        const px = (labelPx(f.src) * f.drawn) / f.natural;
        if (f.pageOverflow) return [`${f.caption}: the page scrolls sideways`];
        if (f.scrolls && !f.focusable) return [`${f.caption}: frame scrolls but Tab cannot reach it`];
        if (!f.scrolls && px < MIN_DIAGRAM_TEXT_PX) return [`${f.caption}: labels ${px.toFixed(1)} px`];
        return [];
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
