/**
 * Rendering off the main thread (components/notebook/worker-client.ts, render-request.ts): the
 * newest request of a cell wins and the worker never works through stale ones; a cancelled
 * request resolves to null; a worker that fails to load falls back to the main thread; and a
 * render through the message protocol is exactly the definition's own render (the server's).
 */
import { describe, expect, test } from 'vitest';
import { workerClient, type Envelope } from '../../components/notebook/worker-client';
import { errorOf, renderRequest } from '../../components/notebook/render-request';
import { effectiveRfWidget } from '../../components/widgets/EffectiveRf/effective-rf';
import { signalPropagation } from '../../components/widgets/SignalPropagation/signal-propagation';
import { CalcError } from '../../src/calc/errors';
import type { AnyWidgetDef, WidgetValues } from '../../src/widget/widget';

/** A stand-in Worker that answers only when told to, doubling the number it was sent. */
class FakeWorker {
  onmessage: ((event: MessageEvent<Envelope<number>>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: Envelope<number>[] = [];
  terminated = false;
  postMessage(message: Envelope<number>): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the oldest unanswered message. */
  answer(): void {
    const message = this.received.shift()!;
    this.onmessage!({ data: { id: message.id, body: message.body * 2 } } as MessageEvent<Envelope<number>>);
  }
  fail(): void {
    this.onerror!({ preventDefault() {} } as ErrorEvent);
  }
}

const double = (n: number) => n * 2;
const flush = () => new Promise((settle) => setTimeout(settle, 0));

describe('worker client', () => {
  test('starts the worker on the first request, not before', async () => {
    let started = 0;
    const fake = new FakeWorker();
    const client = workerClient<number, number>(() => (started++, fake as unknown as Worker), async () => double);
    expect(started).toBe(0);
    const reply = client.request('a', 21);
    expect(started).toBe(1);
    fake.answer();
    await expect(reply).resolves.toBe(42);
  });

  test('latest wins: while one request runs, newer ones replace each other; only the newest is sent and shown', async () => {
    const fake = new FakeWorker();
    const client = workerClient<number, number>(() => fake as unknown as Worker, async () => double);
    const first = client.request('cell', 1);
    const second = client.request('cell', 2);
    const third = client.request('cell', 3);
    expect(fake.received.map((m) => m.body)).toEqual([1]); // one at a time
    await expect(second).resolves.toBeNull(); // replaced before it was ever sent
    fake.answer(); // the answer to 1 arrives after 3 was asked: stale
    await expect(first).resolves.toBeNull();
    expect(fake.received.map((m) => m.body)).toEqual([3]); // 2 never reaches the worker
    fake.answer();
    await expect(third).resolves.toBe(6);
  });

  test('channels are independent: two cells on a page each get their own newest result', async () => {
    const fake = new FakeWorker();
    const client = workerClient<number, number>(() => fake as unknown as Worker, async () => double);
    const a = client.request('a', 5);
    const b = client.request('b', 7);
    fake.answer();
    fake.answer();
    await expect(Promise.all([a, b])).resolves.toEqual([10, 14]);
  });

  test('cancel: the running request resolves to null (the fields turned invalid; the last result stays)', async () => {
    const fake = new FakeWorker();
    const client = workerClient<number, number>(() => fake as unknown as Worker, async () => double);
    const running = client.request('cell', 4);
    const waiting = client.request('cell', 5);
    client.cancel('cell');
    await expect(waiting).resolves.toBeNull();
    fake.answer();
    await expect(running).resolves.toBeNull();
    const after = client.request('cell', 6);
    expect(fake.received.map((m) => m.body)).toEqual([6]);
    fake.answer();
    await expect(after).resolves.toBe(12);
  });

  test('a worker that cannot start, or fails to load, leaves the work to the main thread', async () => {
    const throwing = workerClient<number, number>(() => {
      throw new Error('no workers here');
    }, async () => double);
    await expect(throwing.request('cell', 8)).resolves.toBe(16);

    const fake = new FakeWorker();
    const failing = workerClient<number, number>(() => fake as unknown as Worker, async () => double);
    const reply = failing.request('cell', 9);
    fake.fail();
    await flush();
    expect(fake.terminated).toBe(true);
    await expect(reply).resolves.toBe(18);
    await expect(failing.request('cell', 10)).resolves.toBe(20); // no new worker is tried
  });
});

describe('render request', () => {
  test("is the definition's own render and summary, for the simulated cases too", () => {
    const erf: AnyWidgetDef = effectiveRfWidget;
    const signal: AnyWidgetDef = signalPropagation;
    const cases: [AnyWidgetDef, WidgetValues][] = [
      [erf, { ...effectiveRfWidget.defaults, layers: 12, activation: 'relu', weights: 'random' }],
      [erf, { ...effectiveRfWidget.defaults, layers: 2, dilation: 2 }],
      [signal, { ...signalPropagation.defaults, depth: 30, activation: 'relu', init: 'he', bn: 'on' }],
    ];
    for (const [def, values] of cases) {
      const reply = renderRequest(def, { values, labels: {} });
      expect(reply).toEqual({ ok: true, html: def.render(values, def.labels), summary: def.summary(values, def.labels) });
    }
  });

  test("the cell's labels win over the definition's", () => {
    const reply = renderRequest(effectiveRfWidget, { values: effectiveRfWidget.defaults, labels: { effective: 'ERF (95 %)' } });
    expect(reply.ok && reply.html).toContain('ERF (95 %): <strong>');
  });

  test('a rejected combination comes back as plain data naming the field, and is rebuilt as the same CalcError', () => {
    const reply = renderRequest(effectiveRfWidget, { values: { ...effectiveRfWidget.defaults, layers: 64, kernel: 7 }, labels: {} });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.blamed).toBe('layers');
    expect(structuredClone(reply)).toEqual(reply); // survives postMessage
    const error = errorOf(reply.error);
    expect(error).toBeInstanceOf(CalcError);
    expect(error).toMatchObject({ code: 'too-large', layer: 'layers' });
    expect(error.message).toMatch(/^layers: the theoretical field would be wider than 257 pixels/);
  });
});
