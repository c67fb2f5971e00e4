import { accessSync, constants, statSync } from 'node:fs';
import { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';
import { CheckpointSchedule } from '@shared/contract/evidence';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { Repositories } from '../../store/repositories';
import type { ChangeRow } from '../../store/work-repositories';
import type { ChangeControl, Submitted } from '../../governance/change-control';
import { invalid } from '../../dispatch/app-error';

const KEY = 'audit.evidence';

export const EvidenceConfig = z.object({
  witnessFolder: z.string().nullable(),
  schedule: CheckpointSchedule,
});
export type EvidenceConfig = z.infer<typeof EvidenceConfig>;

/** Hourly, and as soon as 10,000 events were added: a checkpoint never leaves much of the trail unsigned. */
export const DEFAULT_EVIDENCE_CONFIG: EvidenceConfig = { witnessFolder: null, schedule: { everyMinutes: 60, everyEvents: 10_000 } };

/** The settings as stored (defaults when never set). */
export async function evidenceConfig(tx: Repositories): Promise<EvidenceConfig> {
  return EvidenceConfig.parse((await tx.settings.get(KEY)) ?? DEFAULT_EVIDENCE_CONFIG);
}

/** Why a folder cannot be the witness folder, or null. It must exist (a missing one may be an unmounted share) and be writable. */
export function witnessFolderProblem(folder: string): string | null {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    return `${folder} does not exist or is not a folder (Clearline does not create it: mount or create it first)`;
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `${folder} is not writable by the account Clearline runs as`;
  }
  return null;
}

/**
 * Where witness copies of checkpoints go and how often checkpoints are made. A change is a
 * configuration change under four-eyes control: moving the witness folder is exactly what
 * someone covering their tracks would do.
 */
export class EvidenceSettings {
  private cached: EvidenceConfig | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly changes: ChangeControl,
    private readonly changed: () => void,
  ) {
    changes.register('evidence', (tx, change, _requester, approver, now) => this.apply(tx, change, approver, now));
  }

  async get(tx?: Repositories): Promise<EvidenceConfig> {
    if (!tx && this.cached) return this.cached;
    const config = tx ? await evidenceConfig(tx) : await this.store.read(evidenceConfig);
    if (!tx) this.cached = config;
    return config;
  }

  /** Forget the cached value: another process may have changed it (called at each checkpoint round). */
  refresh(): void {
    this.cached = null;
  }

  async configure(requester: { kind: 'user'; userId: string; username: string }, next: EvidenceConfig, reason: string): Promise<Submitted> {
    if (next.witnessFolder !== null) {
      const problem = witnessFolderProblem(next.witnessFolder);
      if (problem) throw invalid('witnessFolder', problem);
    }
    const submitted = await this.store.unit(async (tx) => {
      const before = await this.get(tx);
      return this.changes.submit(
        tx,
        requester,
        {
          kind: 'evidence',
          target: KEY,
          summary: `audit evidence: witness folder ${next.witnessFolder ?? 'none'}, a checkpoint every ${next.schedule.everyMinutes} min / ${next.schedule.everyEvents} events`,
          details: { before, after: next, reason } as unknown as JsonValue,
          payload: next as unknown as JsonValue,
        },
        this.clock.now(),
      );
    });
    this.refresh();
    this.changed();
    return submitted;
  }

  private async apply(tx: Repositories, change: ChangeRow, approver: { username: string } | null, now: number): Promise<void> {
    const next = EvidenceConfig.parse(change.payload);
    // Checked again: the folder may have gone between the request and the second admin's approval.
    const problem = next.witnessFolder === null ? null : witnessFolderProblem(next.witnessFolder);
    if (problem) throw invalid('witnessFolder', problem);
    const before = await this.get(tx);
    await tx.settings.set(KEY, next as unknown as JsonValue, approver?.username ?? change.requestedBy, toTimestamp(now));
    await tx.audit.append(
      {
        actor: { kind: 'user', userId: change.requestedById, username: change.requestedBy },
        action: 'audit.evidence.configured',
        subject: { type: 'setting', id: KEY },
        payload: { before, after: next, change: change.id, approvedBy: approver?.username ?? null } as unknown as { [key: string]: JsonValue },
      },
      toTimestamp(now),
    );
    this.refresh();
    this.changed();
  }
}
