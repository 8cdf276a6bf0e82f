/**
 * What one update of a worker-rendered cell costs, measured in Chromium: a Chrome trace (the same
 * events as DevTools' Performance panel) from the input event until the display compositor has
 * drawn the frame that shows the result, optionally with CPU throttling of the page's main thread
 * (Emulation.setCPUThrottlingRate; 4× is DevTools' "mid-tier mobile" preset). Reports the main
 * thread's tasks (the longest, all of them, the result's frame) by kind of work (tests/support/
 * trace.ts), the worker, raster and display threads' CPU, the time from input to the drawn frame,
 * and how much of the output's DOM the update replaced. Used by tests/browser/sim-frame.test.ts
 * (stable figures only) and by scripts/frame-timing.ts (the timing table).
 */
import type { CDPSession, Page } from 'playwright-core';
import { breakdownOf, readUpdate, TRACE_CATEGORIES, type Breakdown, type TraceEvent } from './trace.ts';

export interface UpdateCost {
  /** Longest main-thread task from the input event to the result's frame (wall time, ms). */
  readonly longestTask: number;
  /** The same task's CPU time (ms): what the main thread itself spent, whatever else the host ran. */
  readonly longestTaskCpu: number;
  /** That task's CPU by kind (ms). */
  readonly longestBreakdown: Breakdown;
  /** CPU time of every main-thread task from the input event to the result's frame, that frame included (ms). */
  readonly totalCpu: number;
  /** The same, by kind (ms): script is what the tasks spent outside the named kinds. */
  readonly breakdown: Breakdown;
  /** CPU of the main frame that shows the result (ms), and by kind. */
  readonly resultFrameCpu: number;
  readonly resultFrameBreakdown: Breakdown;
  /** Main-thread frames from the input to the result's (the first shows the typed value). */
  readonly frames: number;
  /** Off the main thread (CPU ms): the cell's worker, rasterisation, the display compositor's draws. */
  readonly worker: number;
  readonly raster: number;
  readonly display: number;
  /** From dispatching the input event to the display compositor's draw of the frame that shows the result (ms). */
  readonly inputToPresent: number;
  /** Elements the update inserted into the output (each inserted subtree counted whole). */
  readonly elementsInserted: number;
  /** Elements the update removed from the output. */
  readonly elementsRemoved: number;
  /** The output's HTML after the update, in UTF-16 code units. */
  readonly outputChars: number;
}

/** The page's mark when the result entered the DOM. */
const PLACED = 'nb-result-placed';

async function trace<T>(session: CDPSession, run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  const result = await run();
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.end');
  await done;
  session.off('Tracing.dataCollected', collect);
  return { result, events };
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
      cell.evaluate(async (cell, [change, placed]) => {
        const output = cell.querySelector('[data-output]')!;
        let inserted = 0;
        let removed = 0;
        const presented = new Promise<void>((resolve) => {
          let seen = false;
          const observer = new MutationObserver((records) => {
            // (No helper function here: tsx would wrap a named one in a __name() the page lacks.)
            for (const r of records) {
              for (const node of r.addedNodes) if (node instanceof Element) inserted += 1 + node.querySelectorAll('*').length;
              for (const node of r.removedNodes) if (node instanceof Element) removed += 1 + node.querySelectorAll('*').length;
            }
            if (seen) return;
            seen = true;
            performance.mark(placed);
            // Four frames on: the result's frame has been drawn by then (the trace says when).
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => {
                    observer.disconnect();
                    resolve();
                  }),
                ),
              ),
            );
          });
          observer.observe(output, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        // In a task of its own, so the trace tells the update's tasks from this evaluation's.
        setTimeout(() => {
          for (const [name, value] of Object.entries(change)) {
            const input = cell.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-inputs] [name="${name}"]`)!;
            input.value = value;
            input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
          }
        }, 0);
        await presented;
        // Returns with the cell idle, so the next update starts from a settled result.
        while (cell.querySelector('[aria-busy="true"]')) await new Promise((settle) => setTimeout(settle, 5));
        return { inserted, removed, outputChars: output.innerHTML.length };
      }, [change, PLACED] as const),
    );
    const update = readUpdate(events, PLACED);
    const cpuOf = (tasks: readonly TraceEvent[]) => tasks.reduce((n, t) => n + (t.tdur ?? t.dur ?? 0), 0) / 1000;
    return {
      longestTask: (update.longest.dur ?? 0) / 1000,
      longestTaskCpu: cpuOf([update.longest]),
      longestBreakdown: breakdownOf(events, [update.longest]),
      totalCpu: cpuOf(update.tasks),
      breakdown: breakdownOf(events, update.tasks),
      resultFrameCpu: cpuOf([update.resultFrame]),
      resultFrameBreakdown: breakdownOf(events, [update.resultFrame]),
      frames: update.frames,
      worker: update.worker,
      raster: update.raster,
      display: update.display,
      inputToPresent: update.inputToPresent,
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
