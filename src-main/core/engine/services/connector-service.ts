import type { z } from 'zod';
import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { ConnectorSummary } from '@shared/contract/engine';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { ConnectorRow } from '../../store/engine-repositories';
import { CONNECTOR_TYPES } from '../../connectors/registry';
import { AppError, invalid } from '../../dispatch/app-error';
import type { ConnectorRuntime } from '../runtime/connector-runtime';

type Summary = z.infer<typeof ConnectorSummary>;

/**
 * Connector instances: the site's configuration of which systems workflows may call and
 * how. Credentials are write-only: stored inside the encrypted database, used by the
 * connector runtime, never returned by an operation and never written to the audit trail
 * (the audit records which credential names changed, not their values).
 */
export class ConnectorService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly runtime: ConnectorRuntime,
  ) {}

  async list(): Promise<Summary[]> {
    return this.store.read(async (tx) =>
      Promise.all((await tx.connectors.list()).map(async (row) => summary(row, Object.keys(await tx.connectors.secrets(row.name))))),
    );
  }

  async save(
    actor: AuditActor,
    input: { name: string; type: string; config: { [key: string]: JsonValue }; secrets: Record<string, string> },
  ): Promise<Summary> {
    const type = CONNECTOR_TYPES.get(input.type);
    if (!type) throw invalid('type', `unknown connector type "${input.type}"; known: ${[...CONNECTOR_TYPES.keys()].join(', ')}`);
    const config = type.configSchema.safeParse(input.config);
    if (!config.success) {
      const issues = config.error.issues.map((i) => ({ path: ['config', ...i.path.map(String)].join('.'), message: i.message }));
      throw new AppError(400, 'invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    for (const name of Object.keys(input.secrets)) {
      if (!type.secretNames.includes(name))
        throw invalid(`secrets.${name}`, `a ${type.type} connector has no credential "${name}"; it has: ${type.secretNames.join(', ') || 'none'}`);
    }
    const at = toTimestamp(this.clock.now());
    const row: ConnectorRow = {
      name: input.name,
      type: input.type,
      config: config.data as { [key: string]: JsonValue },
      updatedBy: actor.kind === 'user' ? actor.username : actor.kind,
      updatedAt: at,
    };
    const saved = await this.store.unit(async (tx) => {
      const before = await tx.connectors.get(input.name);
      await tx.connectors.upsert(row);
      for (const [name, value] of Object.entries(input.secrets)) await tx.connectors.setSecret(input.name, name, value);
      await tx.audit.append(
        {
          actor,
          action: before ? 'connector.changed' : 'connector.created',
          subject: { type: 'connector', id: input.name },
          payload: {
            before: before ? { type: before.type, config: before.config } : null,
            after: { type: row.type, config: row.config },
            credentialsChanged: Object.keys(input.secrets),
          },
        },
        at,
      );
      return summary(row, Object.keys(await tx.connectors.secrets(input.name)));
    });
    this.runtime.forget(input.name);
    return saved;
  }
}

function summary(row: ConnectorRow, secretNames: string[]): Summary {
  const type = CONNECTOR_TYPES.get(row.type);
  return {
    name: row.name,
    type: row.type,
    idempotent: type ? type.idempotent(type.configSchema.parse(row.config)) : false,
    actions: [...(type?.actions ?? [])],
    config: row.config,
    secrets: secretNames.sort(),
    updatedAt: row.updatedAt as Summary['updatedAt'],
    updatedBy: row.updatedBy,
  };
}
