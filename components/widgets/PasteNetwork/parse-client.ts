/**
 * Runs parses for the cell: in a Web Worker (created on first use, so neither it nor the parser
 * loads with the page), or, if a worker cannot start, on the main thread through a dynamic import.
 * Only the newest request counts: an older reply resolves to null.
 */
import type { ParseReply, ParseRequest } from './parse-request';

let worker: Worker | null | undefined;
let latest = 0;
const waiting = new Map<number, { request: ParseRequest; resolve: (reply: ParseReply | null) => void }>();

function settle(reply: ParseReply): void {
  const entry = waiting.get(reply.id);
  waiting.delete(reply.id);
  entry?.resolve(reply.id === latest ? reply : null);
}

async function onMainThread(request: ParseRequest): Promise<void> {
  const { parseRequest } = await import('./parse-request');
  settle(parseRequest(request));
}

function startWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ParseReply>) => settle(event.data);
    // A worker that fails to load: answer what is waiting on the main thread instead.
    w.onerror = (event) => {
      event.preventDefault();
      worker = null;
      w.terminate();
      for (const { request } of waiting.values()) void onMainThread(request);
    };
    return w;
  } catch {
    return null;
  }
}

/** Parses `text` for an input of size × size; null when a newer request superseded this one. */
export function parseText(text: string, size: number): Promise<ParseReply | null> {
  const request: ParseRequest = { id: ++latest, text, size };
  return new Promise((resolve) => {
    waiting.set(request.id, { request, resolve });
    if (worker === undefined) worker = startWorker();
    if (worker) worker.postMessage(request);
    else void onMainThread(request);
  });
}
