/**
 * The explorer cell's `enhance` hook: Expand all / Collapse all, and the layer rows of a unit
 * rendered when it is opened (the cell's result carries only the unit rows, which keeps an update
 * to a few dozen elements even for ResNet-152). Units the reader opened stay open when the
 * result is re-rendered (same model side and unit name).
 */
import { safeJson } from '../../notebook/dom';
import type { CellHandle } from '../../../src/widget/widget';
import type { NetworkOptions } from '../../../src/models/registry';
import { explore, unitTableHtml, type ExplorerLabels } from './model-explorer';

const keyOf = (d: HTMLDetailsElement) => `${d.dataset.which}:${d.querySelector('.ex-u-name')?.textContent ?? ''}`;

/** Renders an opened unit's layer rows, once, from the model its section names (`data-explore`). */
function fill(details: HTMLDetailsElement, labels: ExplorerLabels): void {
  if (!details.open || details.querySelector('table')) return;
  const model = safeJson<[string, NetworkOptions, number]>(details.closest<HTMLElement>('[data-explore]')?.dataset.explore);
  const unit = Number(details.dataset.unit);
  if (!model || !Number.isInteger(unit)) return;
  try {
    details.insertAdjacentHTML('beforeend', unitTableHtml(explore(...model), unit, labels));
  } catch {
    // A model the cell could not analyse is never shown, so it has no units to open.
  }
}

export function explorerEnhance(root: HTMLElement, cell: CellHandle): void {
  const labels = cell.labels as ExplorerLabels;
  const output = root.querySelector<HTMLElement>('[data-output]');
  if (!output) return;
  const opened = new Set<string>();
  const units = () => output.querySelectorAll<HTMLDetailsElement>('details[data-unit]');

  // <details> 'toggle' does not bubble: listen in the capture phase.
  output.addEventListener(
    'toggle',
    (event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || details.dataset.unit === undefined) return;
      if (details.open) opened.add(keyOf(details));
      else opened.delete(keyOf(details));
      fill(details, labels);
    },
    true,
  );
  // The runtime rewrites the result on each update (closing units, dropping filled rows): reopen
  // and refill what the reader had open.
  new MutationObserver(() => {
    for (const details of units()) {
      if (!opened.has(keyOf(details))) continue;
      details.open = true;
      fill(details, labels);
    }
  }).observe(output, { childList: true, subtree: true });

  const toggleAll = (open: boolean) => {
    for (const details of units()) {
      details.open = open;
      fill(details, labels);
    }
  };
  root.querySelector('[data-expand]')?.addEventListener('click', () => toggleAll(true));
  root.querySelector('[data-collapse]')?.addEventListener('click', () => toggleAll(false));
  root.querySelector<HTMLElement>('[data-tools]')?.removeAttribute('hidden');
}
