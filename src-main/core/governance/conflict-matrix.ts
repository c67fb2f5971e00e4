import type { JsonValue } from '@shared/domain/audit';
import { ConflictRule } from '@shared/contract/work';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { z } from 'zod';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { ChangeControl, Submitted } from './change-control';
import type { ChangeRow } from '../store/work-repositories';
import type { ExpressionCache } from '../engine/runtime/evaluation';

const KEY = 'sod.conflict-matrix';
const Rules = z.array(ConflictRule);

/**
 * The site's conflict matrix: pairs of duties one person must not hold for the same entity,
 * e.g. "whoever created or changed a vendor's bank account may not approve payments to that
 * vendor". Each rule names the approval side (a workflow and a FEEL key for the entity) and
 * the maker side (a workflow, the same key, and the fields whose setting makes one a maker);
 * provenance of those fields says who set them. Changes go through four-eyes control.
 */
export class ConflictMatrix {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly changes: ChangeControl,
    private readonly expressions: ExpressionCache,
  ) {
    changes.register('conflicts', (tx, change, requester, approver, now) => this.apply(tx, change, approver, now));
  }

  async rules(tx?: Repositories): Promise<z.infer<typeof Rules>> {
    const read = async (r: Repositories) => Rules.parse((await r.settings.get(KEY)) ?? []);
    return tx ? read(tx) : this.store.read(read);
  }

  async replace(requester: { kind: 'user'; userId: string; username: string }, rules: z.infer<typeof Rules>): Promise<Submitted> {
    const now = this.clock.now();
    return this.store.unit(async (tx) => {
      const before = await this.rules(tx);
      return this.changes.submit(
        tx,
        requester,
        {
          kind: 'conflicts',
          target: 'matrix',
          summary: `replace the conflict matrix (${before.length} → ${rules.length} rules)`,
          details: { before: before.map((r) => r.id), after: rules.map((r) => r.id) },
          payload: rules as unknown as JsonValue,
        },
        now,
      );
    });
  }

  private async apply(tx: Repositories, change: ChangeRow, approver: { username: string } | null, now: number): Promise<void> {
    const rules = Rules.parse(change.payload);
    await tx.settings.set(KEY, rules as unknown as JsonValue, approver?.username ?? change.requestedBy, toTimestamp(now));
    await tx.audit.append(
      {
        actor: { kind: 'user', userId: change.requestedById, username: change.requestedBy },
        action: 'sod.conflict-matrix.changed',
        subject: { type: 'setting', id: KEY },
        payload: { rules: rules as unknown as JsonValue, change: change.id, approvedBy: approver?.username ?? null },
      },
      toTimestamp(now),
    );
  }

  /** The rules that make `userId` a maker for the entity this approval is about. */
  async conflictsFor(
    tx: Repositories,
    workflowKey: string,
    variables: { [key: string]: JsonValue },
    userId: string,
    now: number,
  ): Promise<{ id: string; description: string }[]> {
    const found: { id: string; description: string }[] = [];
    for (const rule of await this.rules(tx)) {
      if (rule.approval.workflow !== '*' && rule.approval.workflow !== workflowKey) continue;
      let key: JsonValue;
      try {
        key = this.expressions.evaluate(rule.approval.key, variables, now);
      } catch {
        continue;
      }
      if (key === null || typeof key === 'object') continue;
      const makers = await tx.instances.search({ workflow: rule.maker.workflow, variable: { path: rule.maker.key, equals: key }, limit: 500 });
      for (const maker of makers) {
        const row = await tx.instances.get(maker.id);
        const madeByUser = rule.maker.fields.some((field) =>
          Object.entries(row?.provenance ?? {}).some(
            ([path, entry]) =>
              (path === field || path.startsWith(`${field}.`)) && (entry.by.kind === 'user' || entry.by.kind === 'input') && entry.by.userId === userId,
          ),
        );
        if (madeByUser) {
          found.push({ id: rule.id, description: rule.description });
          break;
        }
      }
    }
    return found;
  }
}
