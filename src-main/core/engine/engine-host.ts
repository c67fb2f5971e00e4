import { DEFAULT_ENGINE_OPTIONS, Engine, type EngineDeps, type EngineOptions, type WakeOptions } from './runtime/engine';

/** Why this process became the engine owner: it started so, or it took over from another. */
export type OwnerCause = 'start-up' | 'takeover';

/**
 * Runs the engine while this process owns the lease, and never otherwise: started on
 * acquisition, stopped on loss or shutdown. Services call `wake()` after writing work; in a
 * process that does not own the engine it does nothing (the owner polls).
 */
export class EngineHost {
  private engine: Engine | null = null;

  constructor(
    private readonly deps: EngineDeps,
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  ) {}

  get current(): Engine | null {
    return this.engine;
  }

  async acquired(cause: OwnerCause): Promise<void> {
    if (this.engine) return;
    for (const due of this.deps.dueWork) due.ownerStarted?.(cause);
    this.engine = new Engine(this.deps, this.options);
    await this.engine.start();
  }

  async lost(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.stop();
  }

  wake(options: WakeOptions = {}): void {
    this.engine?.kick(options);
  }
}
