/**
 * What one update of a worker-rendered cell costs the page's main thread, measured in Chromium:
 * a Chrome trace (the same events as DevTools' Performance panel) from the input event until the
 * frame that shows the result, optionally with CPU throttling (Emulation.setCPUThrottlingRate;
 * 4× is DevTools' "mid-tier mobile" preset). Reports the longest main-thread task, where the main
 * thread's time went, the time from input to the result's paint, and how much of the output's
 * DOM the update replaced. Used by tests/browser/sim-frame.test.ts (stable figures only) and by
 * scripts/frame-timing.ts (the timing table).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface UpdateCost {
  /** Longest main-thread task from the input event to the result's paint (wall time, ms). */
  readonly longestTask: number;
  /** The same task's CPU time (ms): what the main thread itself spent, whatever else the host ran. */
  readonly longestTaskCpu: number;
  /** CPU time of every main-thread task in that window (ms). */
  readonly totalCpu: number;
  /** Main-thread CPU time by kind (style, layout, paint, HTML parsing, script), ms; inclusive (style forced by a script counts in both). */
  readonly breakdown: Readonly<Record<string, number>>;
  /** From dispatching the input event to the end of the frame that shows the result (ms). */
  readonly inputToPaint: number;
  /** Elements the update inserted into the output (each inserted subtree counted whole). */
  readonly elementsInserted: number;
  /** Elements the update removed from the output. */
  readonly elementsRemoved: number;
  /** The output's HTML after the update, in UTF-16 code units. */
  readonly outputChars: number;
}

/** Trace events whose time the breakdown reports (names as in Chromium's devtools.timeline). */
const PHASES: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  ParseHTML: 'parse HTML',
  FunctionCall: 'script',
  'Decode Image': 'image decode',
};
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, µs. */
  readonly tdur?: number;
  readonly args?: { name?: string; data?: { type?: string } };
}

async function trace<T>(session: CDPSession, run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'], recordMode: 'recordAsMuchAsPossible' },
  });
  const result = await run();
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.end');
  await done;
  session.off('Tracing.dataCollected', collect);
  return { result, events };
}

/** The renderer main thread that worked the most: the page's (workers run on their own threads). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | undefined;
  for (const m of mains) {
    const busy = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && TASKS.has(e.name)).reduce((n, e) => n + (e.dur ?? 0), 0);
    if (!best || busy > best.busy) best = { pid: m.pid, tid: m.tid, busy };
  }
  return best;
}

/**
 * Sets `change` in the cell's fields (one input/change event per field, as typing would), waits
 * for the result and the frame that paints it, and returns what that cost. The cell must be idle.
 */
export async function timeUpdate(page: Page, widget: string, change: Record<string, string>, options: { cpu?: number } = {}): Promise<UpdateCost> {
  const cell = page.locator(`[data-widget="${widget}"]`).first();
  // A reader changes a cell they are looking at (off-screen content skips paint: content-visibility).
  await cell.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Emulation.setCPUThrottlingRate', { rate: options.cpu ?? 1 });
    const { result, events } = await trace(session, () =>
      cell.evaluate(async (cell, change) => {
        const output = cell.querySelector('[data-output]')!;
        let inserted = 0;
        let removed = 0;
        const painted = new Promise<number>((resolve) => {
          let seen = false;
          const observer = new MutationObserver((records) => {
            // (No helper function here: tsx would wrap a named one in a __name() the page lacks.)
            for (const r of records) {
              for (const node of r.addedNodes) if (node instanceof Element) inserted += 1 + node.querySelectorAll('*').length;
              for (const node of r.removedNodes) if (node instanceof Element) removed += 1 + node.querySelectorAll('*').length;
            }
            if (seen) return;
            seen = true;
            // The frame after this mutation: rAF runs before its paint, a message after it.
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                observer.disconnect();
                resolve(performance.now());
              };
              channel.port2.postMessage(null);
            });
          });
          observer.observe(output, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        // In a task of its own, so the trace tells the update's tasks from this evaluation's.
        const start = await new Promise<number>((resolve) =>
          setTimeout(() => {
            const at = performance.now();
            for (const [name, value] of Object.entries(change)) {
              const input = cell.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-inputs] [name="${name}"]`)!;
              input.value = value;
              input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
            }
            resolve(at);
          }, 0),
        );
        const end = await painted;
        // Returns with the cell idle, so the next update starts from a settled result.
        while (cell.querySelector('[aria-busy="true"]')) await new Promise((settle) => setTimeout(settle, 5));
        return { inputToPaint: end - start, inserted, removed, outputChars: output.innerHTML.length };
      }, change),
    );
    const main = mainThread(events);
    const thread = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    // From the task that dispatched the input event on (the update's first task).
    const first = thread.filter((e) => e.name === 'EventDispatch' && (e.args?.data?.type === 'input' || e.args?.data?.type === 'change')).sort((a, b) => a.ts - b.ts)[0];
    if (!first) throw new Error(`no input event in the trace of ${widget}`);
    const outer = thread.filter((e) => TASKS.has(e.name) && e.ts <= first.ts && e.ts + (e.dur ?? 0) >= first.ts).sort((a, b) => a.ts - b.ts)[0];
    const from = outer?.ts ?? first.ts;
    const onMain = thread.filter((e) => e.ts >= from);
    // Chromium nests RunTask in RunTask (ThreadControllerImpl::RunTask inside RunTask): outermost only.
    const tasks: TraceEvent[] = [];
    for (const t of onMain.filter((e) => TASKS.has(e.name)).sort((a, b) => a.ts - b.ts)) {
      const last = tasks[tasks.length - 1];
      if (!last || t.ts >= last.ts + (last.dur ?? 0)) tasks.push(t);
    }
    const longest = tasks.reduce<TraceEvent | undefined>((a, t) => (!a || (t.dur ?? 0) > (a.dur ?? 0) ? t : a), undefined);
    const breakdown: Record<string, number> = {};
    const ends: Record<string, number> = {};
    for (const e of [...onMain].sort((a, b) => a.ts - b.ts)) {
      const phase = PHASES[e.name];
      // An event inside another of the same kind (a nested function call) is counted once.
      if (!phase || e.ts < (ends[phase] ?? 0)) continue;
      ends[phase] = e.ts + (e.dur ?? 0);
      breakdown[phase] = (breakdown[phase] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    }
    return {
      longestTask: (longest?.dur ?? 0) / 1000,
      longestTaskCpu: (longest?.tdur ?? longest?.dur ?? 0) / 1000,
      totalCpu: tasks.reduce((n, t) => n + (t.tdur ?? t.dur ?? 0), 0) / 1000,
      breakdown,
      inputToPaint: result.inputToPaint,
      elementsInserted: result.inserted,
      elementsRemoved: result.removed,
      outputChars: result.outputChars,
    };
  } finally {
    await session.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
    await session.detach().catch(() => undefined);
  }
}

/** Waits until a cell has no render on its way. */
export async function settled(page: Page, widget: string): Promise<void> {
  await page.locator(`[data-widget="${widget}"] .nb-output:not([aria-busy="true"])`).first().waitFor();
}
