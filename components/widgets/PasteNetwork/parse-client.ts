/**
 * Runs parses for the cell in a Web Worker (components/notebook/worker-client.ts: started on first
 * use, the main thread as the fallback, only the newest request counts).
 */
import { workerClient } from '../../notebook/worker-client';
import type { ParseReply, ParseRequest } from './parse-request';

const parser = workerClient<ParseRequest, ParseReply>(
  () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' }),
  () => import('./parse-request').then((m) => m.parseRequest),
);

/** Parses `text` for an input of size × size; null when a newer request superseded this one. */
export function parseText(text: string, size: number): Promise<ParseReply | null> {
  return parser.request('paste', { text, size });
}
