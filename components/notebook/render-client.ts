/**
 * The main thread's end of a widget that renders in its own Web Worker. Apart from the runtime
 * (runtime.ts renders on the main thread through render-request.ts alone), so the worker client
 * loads only with a page that has such a widget.
 */
import type { AnyWidgetDef } from '../../src/widget/widget';
import { renderRequest, type RenderClient, type RenderRequest } from './render-request';
import { workerClient } from './worker-client';

/**
 * Renders of one widget in its worker. `start` creates the worker (keep the `new Worker(new URL(…))`
 * literal at the call site); `load` imports the definition for the main-thread fallback.
 */
export function renderClient(start: () => Worker, load: () => Promise<AnyWidgetDef>): RenderClient {
  return workerClient(start, () => load().then((def) => (request: RenderRequest) => renderRequest(def, request)));
}
