import type { ApiErrorBody } from '@shared/contract/op';
import { SITE_LOCKED, type InvokeResult } from '@shared/contract/bridge';
import type { CoreEvent } from '@shared/contract/events';
import type { DispatchCall, DispatchResult } from '../core/dispatch/dispatcher';
import type { CoreGateway } from '../core/worker/protocol';
import type { CoreThreadHooks } from '../core/worker/core-thread';

export interface RunningCore extends CoreGateway {
  close(): Promise<void>;
}

/** Starts the core thread; `prompt` answers the key provider when it asks for the passphrase. */
export type StartCore = (prompt: CoreThreadHooks['prompt']) => Promise<RunningCore>;

type State =
  | { kind: 'locked' }
  | { kind: 'unlocking'; attempt: Promise<RunningCore | null> }
  | { kind: 'starting'; ready: Promise<RunningCore> }
  | { kind: 'open'; core: RunningCore }
  | { kind: 'closed' };

const UNAVAILABLE: ApiErrorBody = { status: 503, code: 'core_unavailable', message: 'The console is shutting down.' };

/**
 * Owns the core thread of the desktop app and gates calls to it. A site whose key needs
 * no person (keychain, key file, environment) starts at once; a passphrase site waits,
 * answering every call with SITE_LOCKED, until the window sends `host.unlockSite`. That
 * passphrase answers the core's prompt; if it is wrong the core fails to start (its start-up
 * error says so) and the next attempt starts a fresh core. The passphrase is never stored.
 */
export class CoreSupervisor {
  private state: State = { kind: 'locked' };
  private readonly listeners = new Set<(event: CoreEvent) => void>();

  constructor(
    private readonly start: StartCore,
    private readonly log: (message: string) => void,
  ) {}

  /** For sites that need no passphrase: starts the core now. Rejects with the core's start-up error. */
  async startUnattended(): Promise<void> {
    const ready = this.start(() =>
      Promise.reject(new Error("this site's key provider asked for a passphrase, but its configuration names no passphrase provider")),
    );
    this.state = { kind: 'starting', ready };
    const core = await ready;
    // If the app closed meanwhile, close() has taken care of this core.
    if (this.state.kind === 'starting') this.opened(core);
  }

  call(call: DispatchCall): Promise<DispatchResult> {
    switch (this.state.kind) {
      case 'open':
        return this.state.core.call(call);
      case 'starting':
        return this.state.ready.then(
          (core) => core.call(call),
          (): DispatchResult => ({ ok: false, error: UNAVAILABLE }),
        );
      case 'locked':
      case 'unlocking':
        return Promise.resolve({ ok: false, error: { ...SITE_LOCKED } });
      case 'closed':
        return Promise.resolve({ ok: false, error: UNAVAILABLE });
    }
  }

  async unlock(passphrase: string): Promise<InvokeResult> {
    if (this.state.kind === 'unlocking') return refused(409, 'unlock_in_progress', 'The site is already being opened with a passphrase.');
    if (this.state.kind !== 'locked') return refused(409, 'not_locked', 'The site is not waiting for a passphrase.');
    // The worker asks once per start (it caches the derived key); a second or a "new
    // passphrase" prompt would mean a bug, and is refused rather than answered. Once
    // answered, the passphrase is dropped so the running core's hooks do not keep it.
    let answer: string | null = passphrase;
    const starting = this.start(async ({ confirm }) => {
      const given = answer;
      answer = null;
      if (given === null || confirm) throw new Error('the desktop host answers one passphrase prompt per start, never a new passphrase');
      return given;
    });
    this.state = { kind: 'unlocking', attempt: starting.catch(() => null) };
    try {
      const core = await starting;
      // If the app closed meanwhile, close() has taken care of this core.
      if (this.state.kind !== 'unlocking') return { ok: false, error: UNAVAILABLE };
      this.opened(core);
      return { ok: true, value: { ok: true } };
    } catch (error) {
      if (this.state.kind === 'unlocking') this.state = { kind: 'locked' };
      const { name, message } = error as Error;
      this.log(`the site did not open: ${name}: ${message}`);
      return name === 'KeyUnavailableError' ? refused(401, 'key_unavailable', message) : refused(503, 'site_unavailable', message);
    }
  }

  /** Events of whichever core is running; subscribe once, before or after it starts. */
  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the core (store closed, engine lease released); calls after this are refused. */
  async close(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'closed' };
    if (state.kind === 'open') await state.core.close();
    if (state.kind === 'starting')
      await state.ready.then(
        (core) => core.close(),
        () => undefined,
      );
    if (state.kind === 'unlocking') await state.attempt.then((core) => core?.close());
  }

  private opened(core: RunningCore): void {
    this.state = { kind: 'open', core };
    core.subscribe((event) => {
      for (const listener of this.listeners) listener(event);
    });
  }
}

function refused(status: number, code: string, message: string): InvokeResult {
  return { ok: false, error: { status, code, message } };
}
