/**
 * Reading a Chromium trace of one widget update (tests/support/frame-timing.ts records it): which
 * main-thread tasks the update ran, where their CPU time went, what the worker, raster and display
 * threads spent, and when the frame showing the result reached the screen. Event names are
 * Chromium's (the devtools.timeline, cc and viz categories), as DevTools' Performance panel reads them.
 */

export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, µs. */
  readonly tdur?: number;
  readonly args?: { name?: string; data?: { type?: string }; chrome_graphics_pipeline?: { step?: string } };
}

/** What the trace categories below record; the fewer, the less the tracing itself costs. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink', // the URL write (FrameLoader::updateForSameDocumentNavigation)
  'blink.user_timing', // the page's marks
  'benchmark', // ProxyMain::BeginMainFrame
  'viz', // the display compositor's draw
  'graphics.pipeline', // the renderer compositor's frame submission
];

/** Main-thread work by kind: events whose CPU time the breakdown reports. */
const KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'layerize+commit',
  Commit: 'layerize+commit',
  ParseHTML: 'parse HTML',
  'FrameLoader::updateForSameDocumentNavigation': 'URL write',
  'ResourceFetcher::requestResource': 'image fetch',
};
/** What each kind's CPU is reported as, in this order; `script` is the rest of the tasks' CPU. */
export const BREAKDOWN = ['script', 'style', 'layout', 'paint', 'layerize+commit', 'parse HTML', 'image fetch', 'URL write'] as const;
export type Breakdown = Record<(typeof BREAKDOWN)[number], number>;

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/** Outermost tasks of a thread's complete events (Chromium nests RunTask in RunTask). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const tasks: TraceEvent[] = [];
  for (const t of events.filter((e) => e.ph === 'X' && TASKS.has(e.name)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (!last || t.ts >= end(last)) tasks.push(t);
  }
  return tasks;
}

/** CPU by kind of the events inside `within` (an event inside another of its kind counts once). */
export function breakdownOf(events: readonly TraceEvent[], within: readonly TraceEvent[]): Breakdown {
  const out = Object.fromEntries(BREAKDOWN.map((k) => [k, 0])) as Breakdown;
  const ends: Record<string, number> = {};
  const inside = (e: TraceEvent) => within.some((t) => e.ts >= t.ts && end(e) <= end(t));
  for (const e of events.filter((x) => x.ph === 'X' && KINDS[x.name] && inside(x)).sort((a, b) => a.ts - b.ts)) {
    const kind = KINDS[e.name] as keyof Breakdown;
    if (e.ts < (ends[kind] ?? 0)) continue;
    ends[kind] = end(e);
    out[kind] += cpu(e);
  }
  const total = within.reduce((n, t) => n + cpu(t), 0);
  out.script = Math.max(0, total - BREAKDOWN.reduce((n, k) => (k === 'script' ? n : n + out[k]), 0));
  return out;
}

export interface UpdateTrace {
  /** The update's main-thread tasks, from the one that dispatched the input to the result's frame. */
  readonly tasks: readonly TraceEvent[];
  readonly longest: TraceEvent;
  /** The main frame (BeginMainFrame task) whose paint shows the result. */
  readonly resultFrame: TraceEvent;
  /** From the input event to the end of the display compositor's draw of the result's frame (ms; NaN if not in the trace). */
  readonly inputToPresent: number;
  /** CPU (ms) of the page's worker threads, its raster threads, and the display compositor's draws in that window. */
  readonly worker: number;
  readonly raster: number;
  readonly display: number;
  /** Main-thread frames in the window (BeginMainFrame tasks). */
  readonly frames: number;
}

/**
 * The update in `events`: the input event on the page's main thread, the mark `mark` the page set
 * when the result entered the DOM, the first main frame after it, that frame's activation on the
 * renderer's compositor, its submission, and the display compositor's next draw.
 */
export function readUpdate(events: readonly TraceEvent[], mark: string): UpdateTrace {
  const input = events
    .filter((e) => e.name === 'EventDispatch' && (e.args?.data?.type === 'input' || e.args?.data?.type === 'change'))
    .sort((a, b) => a.ts - b.ts)[0];
  if (!input) throw new Error('no input event in the trace');
  const { pid, tid } = input;
  const thread = (name: RegExp) => {
    const ids = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && name.test(e.args?.name ?? '')).map((e) => `${e.pid}:${e.tid}`));
    return events.filter((e) => ids.has(`${e.pid}:${e.tid}`));
  };
  const main = events.filter((e) => e.pid === pid && e.tid === tid);
  const placed = events.filter((e) => e.name === mark && e.pid === pid).sort((a, b) => a.ts - b.ts)[0];
  if (!placed) throw new Error(`no mark ${mark} in the trace: the result never arrived`);
  const allTasks = outermost(main);
  const first = allTasks.find((t) => t.ts <= input.ts && end(t) >= input.ts) ?? input;
  const frameTasks = allTasks.filter((t) => main.some((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts >= t.ts && end(e) <= end(t)));
  const resultFrame = frameTasks.find((t) => t.ts >= placed.ts);
  if (!resultFrame) throw new Error('no main frame after the result arrived');
  const commit = main.filter((e) => e.name === 'Commit' && e.ts >= resultFrame.ts && end(e) <= end(resultFrame)).pop() ?? resultFrame;
  const compositor = events.filter((e) => e.pid === pid && e.tid !== tid);
  const activated = compositor.find((e) => e.name === 'ActivateLayerTree' && e.ts >= end(commit));
  const submitted = compositor
    .filter((e) => e.name === 'Graphics.Pipeline' && e.args?.chrome_graphics_pipeline?.step === 'STEP_SUBMIT_COMPOSITOR_FRAME' && e.ts >= (activated?.ts ?? end(commit)))
    .sort((a, b) => a.ts - b.ts)[0];
  const drawn = events
    .filter((e) => e.name === 'Display::DrawAndSwap' && e.ts >= (submitted?.ts ?? Infinity))
    .sort((a, b) => a.ts - b.ts)[0];
  const tasks = allTasks.filter((t) => t.ts >= first.ts && t.ts <= resultFrame.ts);
  // NaN when the trace ends before the draw (the page waits a few frames; a busy host can take longer).
  const last = drawn ? end(drawn) : end(resultFrame);
  const window = (e: TraceEvent) => e.ts >= first.ts && e.ts <= last;
  const sum = (es: readonly TraceEvent[]) => es.filter(window).reduce((n, e) => n + cpu(e), 0);
  return {
    tasks,
    longest: tasks.reduce((a, t) => ((t.dur ?? 0) > (a.dur ?? 0) ? t : a)),
    resultFrame,
    inputToPresent: drawn ? (end(drawn) - input.ts) / 1000 : NaN,
    worker: sum(outermost(thread(/^DedicatedWorker/).filter((e) => e.pid === pid))),
    // Raster runs where the compositor's frames are drawn (the GPU process, when the GPU is off).
    raster: sum(thread(/^CompositorTileWorker/).filter((e) => (e.name === 'RasterTask' || e.name === 'ImageDecodeTask'))),
    display: sum(events.filter((e) => e.name === 'Display::DrawAndSwap')),
    frames: frameTasks.filter((t) => t.ts >= first.ts && t.ts <= resultFrame.ts).length,
  };
}
