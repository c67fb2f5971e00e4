import type { CoreEvent } from '@shared/contract/events';
import type { DispatchCall, DispatchResult } from '../dispatch/dispatcher';
import type { OwnershipOptions } from '../lease/engine-ownership';
import type { SchedulerOptions } from '../scheduler/schedule-runner';

/**
 * The typed protocol between a host's main thread and the core's worker thread. Every
 * message is a plain, structured-clonable object with a `type`; requests carry an `id` the
 * answer repeats. The core never blocks the thread that serves windows or HTTP.
 */
export interface CoreWorkerConfig {
  dataDir: string;
  ownership: OwnershipOptions | false;
  /** Scheduler tuning (misfire grace); the defaults when absent. */
  scheduler?: SchedulerOptions;
  /** Print-once setup token for the first admin (serve), when the site has no user yet. */
  issueSetupToken: boolean;
}

export type HostToCore =
  | { type: 'call'; id: number; call: DispatchCall }
  | { type: 'answer'; id: number; value: string }
  | { type: 'answer'; id: number; error: string }
  | { type: 'shutdown' };

export interface CoreReady {
  siteId: string;
  siteName: string;
  setupToken: string | null;
  engineRole: 'owner' | 'standby' | 'stopped';
}

export type CoreToHost =
  | { type: 'ready'; ready: CoreReady }
  | { type: 'result'; id: number; result: DispatchResult }
  | { type: 'event'; event: CoreEvent }
  /** The key provider needs the operator's passphrase: the host asks its person and answers. */
  | { type: 'prompt'; id: number; purpose: string; confirm: boolean }
  | { type: 'log'; message: string }
  /** Start-up failed; `name` is the error class so hosts map it (e.g. to a CLI exit code). */
  | { type: 'failed'; name: string; message: string }
  | { type: 'closed' };

/** What hosts need of a core, whether it runs in a worker (desktop, serve) or in-process (CLI, tests). */
export interface CoreGateway {
  call(call: DispatchCall): Promise<DispatchResult>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}
