/**
 * The paste cell's `enhance` hook: its `text` field (the runtime checks only its length; the text
 * is parsed here, in a worker, and kept compressed in the URL fragment), the sample buttons, and
 * the link state. A good parse replaces the cell's network and re-renders through the runtime; a bad
 * one marks the textarea with the line and module and keeps the last good result.
 */
import { parseInteger } from '../../../src/widget/fields';
import { fill } from '../../../src/widget/template';
import type { CellHandle } from '../../../src/widget/widget';
import { decodeFragment, encodeText, FRAGMENT_KEY, FRAGMENT_LIMIT } from './fragment';
import { parseText } from './parse-client';
import type { ParseFailure } from './parse-request';
import { pasteNetwork, setPasted, type PasteLabels } from './paste-network';

/** Samples from the parser's fixtures; the large ones load only when asked for. */
const SAMPLES: Record<string, { size: number; load: () => Promise<string> }> = {
  resnet50: { size: 224, load: () => import('../../../tests/fixtures/paste/pytorch/resnet50.txt?raw').then((m) => m.default) },
  googlenet: { size: 224, load: () => import('../../../tests/fixtures/paste/caffe/bvlc_googlenet.deploy.prototxt?raw').then((m) => m.default) },
};

/** How long typing pauses before a parse. */
const TYPING_PAUSE_MS = 300;

/** "Line 4, stem.1 (Mish): unknown module …": where first, then the parser's words as they are. */
export function failureMessage({ line, module, problem }: ParseFailure, labels: PasteLabels = pasteNetwork.labels): string {
  const where = [line === null ? '' : fill(labels.line, { n: line }), module].filter((s) => s !== '').join(labels.listJoin);
  return where ? `${where}: ${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1);
}

export function pasteEnhance(root: HTMLElement, cell: CellHandle): void {
  // The cell's labels, complete: the server wrote them into data-labels.
  const labels = cell.labels as PasteLabels;
  const found = {
    area: root.querySelector<HTMLTextAreaElement>('[data-inputs] textarea[name="text"]'),
    size: root.querySelector<HTMLInputElement>('[data-inputs] [name="size"]'),
    message: root.querySelector<HTMLElement>('[data-msg-for="text"]'),
    note: root.querySelector<HTMLElement>('[data-text-note]'),
    output: root.querySelector<HTMLElement>('.nb-output'),
  };
  if (!found.area || !found.size || !found.message || !found.note || !found.output) return;
  const { area, size, message, note, output } = found as { [K in keyof typeof found]: NonNullable<(typeof found)[K]> };
  const defaultText = area.defaultValue;
  const defaultSize = String(pasteNetwork.defaults.size);

  const mark = (text: string) => {
    if (text) area.setAttribute('aria-invalid', 'true');
    else area.removeAttribute('aria-invalid');
    message.textContent = text;
  };
  const busy = (on: boolean) => {
    if (on) output.setAttribute('aria-busy', 'true');
    else output.removeAttribute('aria-busy');
  };

  async function keepInUrl(text: string): Promise<void> {
    const url = new URL(location.href);
    note.textContent = '';
    if (text === defaultText) url.hash = '';
    else {
      const fragment = await encodeText(text);
      const length = fragment.length - FRAGMENT_KEY.length;
      if (length <= FRAGMENT_LIMIT) url.hash = fragment;
      else {
        url.hash = '';
        note.textContent = fill(labels.tooLong, { length: length.toLocaleString('en'), limit: FRAGMENT_LIMIT.toLocaleString('en') });
      }
    }
    history.replaceState(history.state, '', url.hash ? url : url.href.replace(/#$/, ''));
  }

  async function analyse(text: string): Promise<void> {
    const side = parseInteger(size.value, pasteNetwork.fields.size as Parameters<typeof parseInteger>[1]);
    if (!side.ok) return; // the size field shows its own message
    busy(true);
    const reply = await parseText(text, side.value);
    if (reply === null) return; // a newer parse is on its way
    busy(false);
    if (!reply.ok) {
      mark(failureMessage(reply.failure, labels));
      return;
    }
    mark('');
    setPasted(reply.pasted);
    cell.refresh();
    await keepInUrl(text).catch(() => undefined);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  area.addEventListener('input', () => {
    clearTimeout(timer);
    busy(true);
    timer = setTimeout(() => void analyse(area.value), TYPING_PAUSE_MS);
  });
  // A new input size can change how the text is wired (a Linear after C·H·W): parse again.
  root.querySelector('[data-inputs]')?.addEventListener('input', (event) => {
    if ((event.target as HTMLInputElement | null)?.name === 'size') void analyse(area.value);
  });

  const choose = async (name: string) => {
    const sample = SAMPLES[name];
    area.value = sample ? await sample.load() : defaultText;
    size.value = sample ? String(sample.size) : defaultSize;
    size.dispatchEvent(new Event('input', { bubbles: true })); // the runtime re-validates; the form listener parses
  };
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-sample]')) {
    button.addEventListener('click', () => void choose(button.dataset.sample ?? ''));
  }
  root.querySelector('[data-samples]')?.removeAttribute('hidden');
  root.querySelector('[data-reset]')?.addEventListener('click', () => {
    area.value = defaultText;
    void analyse(defaultText);
  });

  async function restore(): Promise<void> {
    try {
      const text = await decodeFragment(location.hash);
      if (text === null) return;
      area.value = text;
      await analyse(text);
    } catch (error) {
      mark(fill(labels.badLink, { reason: error instanceof Error ? error.message : labels.damaged }));
    }
  }
  window.addEventListener('hashchange', () => void restore());
  void restore();
}
