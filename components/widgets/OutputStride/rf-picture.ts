/** The output-stride cell's picture: where the centre unit's receptive field falls on the image. */
import type { Analysis } from '../../../src/calc/index';
import { escapeHtml as e } from '../../../src/widget/html';
import { fill } from '../../../src/widget/template';
import type { OutputStrideLabels } from './output-stride';

type PictureLabels = Pick<OutputStrideLabels, 'svgCaption' | 'everyShown' | 'figCaption' | 'everyDrawn'>;

/** Server-rendered picture: image square, grid of unit centres, RF of the centre unit (clipped). */
export function receptiveFieldSvg(a: Analysis, size: number, title: string, l: PictureLabels): string {
  const rf = a.receptiveField;
  const r = rf.size[0];
  const S = rf.stride[0];
  const P = rf.padding[0];
  const n = a.output[1] ?? 1;
  const m = Math.floor((n - 1) / 2);
  const start = m * S - P;
  const end = start + r; // exclusive
  const lo = Math.min(0, start);
  const hi = Math.max(size, end);
  const view = 300;
  const scale = view / (hi - lo);
  const X = (x: number) => ((x - lo) * scale).toFixed(2);
  const L = (x: number) => (x * scale).toFixed(2);
  const centre0 = (r - 1) / 2 - P + 0.5; // centre of unit 0, in pixel coordinates
  // Keep the dots at least ~4 px apart: show every k-th unit when the grid is dense.
  const every = Math.max(1, Math.ceil(4 / (S * scale)));
  const pitch = S * every;
  const firstDot = centre0 + Math.ceil(-centre0 / pitch) * pitch;
  const clipStart = Math.max(0, start);
  const clipEnd = Math.min(size, end);
  const mid = m * S - P + (r - 1) / 2 + 0.5;
  const cap = fill(l.svgCaption, { r, n, S }) + (every > 1 ? fill(l.everyShown, { k: every }) : '');
  return [
    `<figure class="os-figure"><svg viewBox="-4 -4 ${view + 8} ${view + 8}" role="img" aria-label="${e(`${title}: ${cap}`)}">`,
    `<defs><pattern id="os-dots" patternUnits="userSpaceOnUse" x="${X(firstDot)}" y="${X(firstDot)}" width="${L(pitch)}" height="${L(pitch)}">`,
    `<circle cx="0" cy="0" r="1.1" class="os-dot"/><circle cx="${L(pitch)}" cy="0" r="1.1" class="os-dot"/><circle cx="0" cy="${L(pitch)}" r="1.1" class="os-dot"/><circle cx="${L(pitch)}" cy="${L(pitch)}" r="1.1" class="os-dot"/></pattern></defs>`,
    `<rect class="os-image" x="${X(0)}" y="${X(0)}" width="${L(size)}" height="${L(size)}"/>`,
    `<rect fill="url(#os-dots)" x="${X(0)}" y="${X(0)}" width="${L(size)}" height="${L(size)}"/>`,
    `<rect class="os-rf-full" x="${X(start)}" y="${X(start)}" width="${L(r)}" height="${L(r)}"/>`,
    `<rect class="os-rf" x="${X(clipStart)}" y="${X(clipStart)}" width="${L(clipEnd - clipStart)}" height="${L(clipEnd - clipStart)}"/>`,
    `<rect class="os-cell" x="${X(mid - S / 2)}" y="${X(mid - S / 2)}" width="${L(S)}" height="${L(S)}"/>`,
    `<circle class="os-centre" cx="${X(mid)}" cy="${X(mid)}" r="3"/>`,
    `</svg><figcaption>${e(fill(l.figCaption, { size, S, r, m }) + (every > 1 ? fill(l.everyDrawn, { k: every }) : ''))}</figcaption></figure>`,
  ].join('');
}
