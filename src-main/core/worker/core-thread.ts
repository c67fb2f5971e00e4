import { Worker } from 'node:worker_threads';
import type { CoreEvent } from '@shared/contract/events';
import type { DispatchCall, DispatchResult } from '../dispatch/dispatcher';
import type { CoreGateway, CoreReady, CoreToHost, CoreWorkerConfig, HostToCore } from './protocol';

export interface CoreThreadHooks {
  /** Ask the person at this host for a passphrase (terminal prompt, desktop dialog). */
  prompt(request: { purpose: string; confirm: boolean }): Promise<string>;
  log(message: string): void;
}

/** An error from the core's start-up, carrying the core's error class name (KeyUnavailableError, SiteInUseError…). */
export class CoreStartError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * The host side of the core's worker thread: starts it, relays calls and events, answers
 * its passphrase prompts. Hosts (Electron main, `clearline serve`) hold one of these.
 */
export class CoreThread implements CoreGateway {
  private nextId = 1;
  private readonly pending = new Map<number, (result: DispatchResult) => void>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly ready: CoreReady,
  ) {}

  /** `workerUrl` is the built core-worker.js beside the host's own bundle. */
  static start(workerUrl: URL, config: CoreWorkerConfig, hooks: CoreThreadHooks): Promise<CoreThread> {
    const worker = new Worker(workerUrl, { workerData: config });
    return new Promise((resolve, reject) => {
      let thread: CoreThread | null = null;
      const send = (message: HostToCore) => worker.postMessage(message);
      worker.on('message', (message: CoreToHost) => {
        switch (message.type) {
          case 'ready':
            thread = new CoreThread(worker, message.ready);
            resolve(thread);
            break;
          case 'failed':
            reject(new CoreStartError(message.name, message.message));
            break;
          case 'prompt':
            hooks.prompt(message).then(
              (value) => send({ type: 'answer', id: message.id, value }),
              (error: Error) => send({ type: 'answer', id: message.id, error: error.message }),
            );
            break;
          case 'log':
            hooks.log(message.message);
            break;
          default:
            thread?.receive(message);
        }
      });
      worker.on('error', (error) => {
        hooks.log(`the core thread failed: ${error.stack ?? error.message}`);
        reject(error);
        thread?.failAll(error.message);
      });
      worker.on('exit', (code) => {
        if (!thread) reject(new CoreStartError('CoreExited', `the core thread exited (code ${code}) before it was ready`));
        thread?.failAll(`the core thread exited (code ${code})`);
      });
    });
  }

  private receive(message: CoreToHost): void {
    if (message.type === 'result') {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of this.listeners) listener(message.event);
    }
  }

  private failAll(reason: string): void {
    for (const settle of this.pending.values()) settle({ ok: false, error: { status: 503, code: 'core_unavailable', message: `The core stopped: ${reason}` } });
    this.pending.clear();
  }

  call(call: DispatchCall): Promise<DispatchResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: { status: 503, code: 'core_unavailable', message: 'The console is shutting down.' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: 'call', id, call } satisfies HostToCore);
    });
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the core to close the store and release the engine lease, then ends the thread. */
  close(): Promise<void> {
    this.closed ??= new Promise((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'shutdown' } satisfies HostToCore);
    });
    return this.closed;
  }
}
