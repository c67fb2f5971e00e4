import type { Clock } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { EventBus } from '../events/event-bus';
import type { ConnectorRuntime } from './runtime/connector-runtime';
import { DEFAULT_ENGINE_OPTIONS, Engine, type DueWork, type EngineOptions } from './runtime/engine';
import type { HumanWorkGateway } from './runtime/human-work-gateway';

/**
 * Runs the engine while this process owns the lease, and never otherwise: started on
 * acquisition, stopped on loss or shutdown. Services call `wake()` after writing work; in a
 * process that does not own the engine it does nothing (the owner polls).
 */
export class EngineHost {
  private engine: Engine | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly connectors: ConnectorRuntime,
    private readonly events: EventBus,
    private readonly log: (message: string) => void,
    private readonly work: HumanWorkGateway,
    private readonly dueWork: readonly DueWork[],
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  ) {}

  get current(): Engine | null {
    return this.engine;
  }

  async acquired(): Promise<void> {
    if (this.engine) return;
    this.engine = new Engine(this.store, this.clock, this.connectors, this.events, this.log, this.work, this.dueWork, this.options);
    await this.engine.start();
  }

  async lost(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.stop();
  }

  wake(): void {
    this.engine?.kick();
  }
}
