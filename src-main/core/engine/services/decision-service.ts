import type { JsonValue } from '@shared/domain/audit';
import type { Clock } from '@shared/domain/time';
import { evaluateTable } from '../../decisions';
import type { Store } from '../../store/store';
import { AppError, notFound } from '../../dispatch/app-error';
import { DecisionTableCache } from '../runtime/evaluation';

/** Evaluating a deployed decision table on its own: `clearline decide`, and trying a table in the Workflows view. */
export class DecisionService {
  private readonly tables = new DecisionTableCache();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async evaluate(key: string, version: number | undefined, input: { [key: string]: JsonValue }) {
    const table = await this.store.read(async (tx) => {
      const row = version ? await tx.decisionTables.byVersion(key, version) : await tx.decisionTables.latest(key);
      if (!row) throw notFound(version ? `version ${version} of decision table "${key}"` : `a deployed decision table "${key}"`);
      return { row, compiled: await this.tables.loadOne(tx, key, { version: row.version, contentHash: row.contentHash }) };
    });
    const now = this.clock.now();
    let decision;
    try {
      decision = evaluateTable(table.compiled, input, { now: () => now });
    } catch (error) {
      if ((error as { code?: string }).code === 'UNIQUE_VIOLATION') throw new AppError(422, 'unique_violation', (error as Error).message);
      throw new AppError(422, 'evaluation_failed', `the table could not be evaluated: ${(error as Error).message}`);
    }
    return {
      table: key,
      version: table.row.version,
      contentHash: table.row.contentHash,
      result: decision.result as JsonValue,
      matchedRules: decision.matchedRules,
    };
  }
}
