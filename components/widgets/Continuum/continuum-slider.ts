/**
 * The continuum cell's `enhance` hook: a range slider that steps g through the divisors of C. It
 * sits outside the cell's form and only types into the g field, so the field stays the single
 * source of truth for validation, the live summary and the URL state (?continuum.g=).
 */
import { divisors } from '../../../src/models/inception-steps';
import { parseInteger } from '../../../src/widget/fields';
import { fill } from '../../../src/widget/template';
import type { CellHandle } from '../../../src/widget/widget';
import { channelsPerGroup, continuumFields, type ContinuumLabels } from './continuum';

export function continuumSlider(root: HTMLElement, cell: CellHandle): void {
  if (root.querySelector('[data-cx-slider]')) return;
  const form = root.querySelector<HTMLFormElement>('[data-inputs]');
  const cField = root.querySelector<HTMLInputElement>('[data-inputs] [name="c"]');
  const gField = root.querySelector<HTMLInputElement>('[data-inputs] [name="g"]');
  if (!form || !cField || !gField) return;
  // The cell's labels: the page's, complete (the server wrote them into data-labels).
  const labels = cell.labels as ContinuumLabels;
  const id = `${gField.id}-slider`;
  const wrap = document.createElement('div');
  wrap.className = 'cx-slider';
  wrap.dataset.cxSlider = '';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labels.slider;
  const range = document.createElement('input');
  range.type = 'range';
  range.id = id;
  range.min = '0';
  range.step = '1';
  const ends = document.createElement('div');
  ends.className = 'cx-slider-ends';
  ends.setAttribute('aria-hidden', 'true');
  const low = document.createElement('span');
  const high = document.createElement('span');
  ends.append(low, high);
  wrap.append(label, range, ends);
  form.after(wrap);

  let list: number[] = [1];
  /** Puts the slider where the fields say, when they hold a valid C and a divisor g. */
  const sync = () => {
    const c = parseInteger(cField.value, continuumFields.c);
    const g = parseInteger(gField.value, continuumFields.g);
    if (!c.ok) return;
    list = divisors(c.value);
    range.max = String(list.length - 1);
    low.textContent = fill(labels.sliderLow, { inception: labels.inceptionMark });
    high.textContent = fill(labels.sliderHigh, { xception: labels.xceptionMark, c: c.value });
    if (!g.ok) return;
    const index = list.indexOf(g.value);
    if (index === -1) return;
    range.value = String(index);
    range.setAttribute('aria-valuetext', `g = ${g.value}, ${channelsPerGroup(c.value / g.value, labels)}`);
  };
  range.addEventListener('input', () => {
    const g = list[Number(range.value)];
    if (g === undefined) return;
    gField.value = String(g);
    gField.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const later = () => queueMicrotask(sync);
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('keydown', later);
  root.querySelector('[data-reset]')?.addEventListener('click', later);
  sync();
}
