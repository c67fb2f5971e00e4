import type { Store } from '../../store/store';
import type { ConnectorInstance, ConnectorType } from '../../connectors/connector';
import { CONNECTOR_TYPES } from '../../connectors/registry';

/**
 * Connector instances built from site configuration, by name. Configuration may change
 * while the engine runs, so entries are dropped when an admin saves a connector.
 */
export class ConnectorRuntime {
  private readonly instances = new Map<string, ConnectorInstance>();

  constructor(
    private readonly store: Store,
    private readonly types: ReadonlyMap<string, ConnectorType<any>> = CONNECTOR_TYPES,
  ) {}

  async get(name: string): Promise<ConnectorInstance> {
    const cached = this.instances.get(name);
    if (cached) return cached;
    const { row, secrets } = await this.store.read(async (tx) => ({ row: await tx.connectors.get(name), secrets: await tx.connectors.secrets(name) }));
    if (!row) throw Object.assign(new Error(`connector instance "${name}" is not configured on this site`), { code: 'NO_CONNECTOR' });
    const type = this.types.get(row.type);
    if (!type) throw Object.assign(new Error(`connector type "${row.type}" is not known to this Clearline`), { code: 'NO_CONNECTOR' });
    const instance = type.create(type.configSchema.parse(row.config), secrets);
    this.instances.set(name, instance);
    return instance;
  }

  forget(name: string): void {
    this.instances.delete(name);
  }
}
