/**
 * Work a cell sends off the main thread: one Web Worker per kind of work, started on first use
 * (so neither it nor the code it runs loads with the page), with the same handler on the main
 * thread, loaded by a dynamic import, when a worker cannot start.
 *
 * Latest request wins, per channel (one channel per cell): while a request of a channel is being
 * answered, a newer one waits, and a newer one still replaces it, so the worker never works through
 * a backlog of stale settings. A superseded request, or one whose channel was cancelled, resolves
 * to null.
 */

/** What travels to and from the worker: the body, tagged with the request's id. */
export interface Envelope<T> {
  readonly id: number;
  readonly body: T;
}

export interface WorkerClient<Q, R> {
  /** Answers `body` on `channel`; null when a newer request (or a cancel) superseded it. */
  request(channel: string, body: Q): Promise<R | null>;
  /** Drops whatever the channel is waiting for (its replies resolve to null). */
  cancel(channel: string): void;
}

interface Pending<Q, R> {
  readonly id: number;
  readonly body: Q;
  readonly resolve: (reply: R | null) => void;
}

interface Channel<Q, R> {
  /** The request being answered now. */
  running: Pending<Q, R> | null;
  /** The newest request, sent when the running one is answered. */
  next: Pending<Q, R> | null;
  /** Id of the newest request; replies to any other resolve to null. */
  latest: number;
}

/**
 * `start` creates the worker (keep `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`
 * literal at the call site, so the bundler finds the worker); `fallback` loads the same handler
 * for the main thread.
 */
export function workerClient<Q, R>(start: () => Worker, fallback: () => Promise<(body: Q) => R>): WorkerClient<Q, R> {
  let worker: Worker | null | undefined;
  let lastId = 0;
  const channels = new Map<string, Channel<Q, R>>();
  const byId = new Map<number, string>();

  const channelOf = (name: string) => {
    let channel = channels.get(name);
    if (!channel) channels.set(name, (channel = { running: null, next: null, latest: 0 }));
    return channel;
  };

  async function onMainThread(pending: Pending<Q, R>): Promise<void> {
    const handle = await fallback();
    settle({ id: pending.id, body: handle(pending.body) });
  }

  function send(pending: Pending<Q, R>): void {
    if (worker === undefined) worker = begin();
    if (worker) worker.postMessage({ id: pending.id, body: pending.body } satisfies Envelope<Q>);
    else void onMainThread(pending);
  }

  function settle(reply: Envelope<R>): void {
    const name = byId.get(reply.id);
    byId.delete(reply.id);
    const channel = name === undefined ? undefined : channels.get(name);
    if (!channel || channel.running?.id !== reply.id) return;
    channel.running.resolve(reply.id === channel.latest ? reply.body : null);
    channel.running = channel.next;
    channel.next = null;
    if (channel.running) send(channel.running);
  }

  function begin(): Worker | null {
    try {
      const w = start();
      w.onmessage = (event: MessageEvent<Envelope<R>>) => settle(event.data);
      // A worker that fails to load: answer what is running on the main thread instead.
      w.onerror = (event) => {
        event.preventDefault();
        worker = null;
        w.terminate();
        for (const channel of channels.values()) if (channel.running) void onMainThread(channel.running);
      };
      return w;
    } catch {
      return null;
    }
  }

  return {
    request(name, body) {
      const channel = channelOf(name);
      return new Promise((resolve) => {
        const pending: Pending<Q, R> = { id: ++lastId, body, resolve };
        byId.set(pending.id, name);
        channel.latest = pending.id;
        if (channel.running) {
          channel.next?.resolve(null);
          if (channel.next) byId.delete(channel.next.id);
          channel.next = pending;
        } else {
          channel.running = pending;
          send(pending);
        }
      });
    },
    cancel(name) {
      const channel = channels.get(name);
      if (!channel) return;
      channel.latest = ++lastId;
      if (channel.next) {
        byId.delete(channel.next.id);
        channel.next.resolve(null);
        channel.next = null;
      }
    },
  };
}

/** The worker's side: answers every request with `handle` (which must not throw). */
export function serveRequests<Q, R>(handle: (body: Q) => R): void {
  self.onmessage = (event: MessageEvent<Envelope<Q>>) => {
    self.postMessage({ id: event.data.id, body: handle(event.data.body) } satisfies Envelope<R>);
  };
}
