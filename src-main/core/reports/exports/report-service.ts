import { join, resolve } from 'node:path';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { ReportJob, ReportRequest, ReportVerification } from '@shared/contract/evidence';
import type { Store } from '../../store/store';
import type { ReportJobRow } from '../../store/evidence-repositories';
import type { EventBus } from '../../events/event-bus';
import { invalid, notFound } from '../../dispatch/app-error';
import { assertFolderFree } from '../publish-folder';
import { verifyReportBundle } from '../verify-bundle';
import { checkReportEvidence } from './evidence-check';
import { runReportJob, type ReportJobContext } from './report-job';
import { planReport } from './report-selection';
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ed25519RawBase64 } from '../manifest/ed25519-key';
import { BUNDLE } from '../bundle-layout';

type UserActor = { kind: 'user'; userId: string; username: string };

/** A running job whose heartbeat is older than this belongs to a process that stopped. */
const STALE_MS = 120_000;

/**
 * Signed report exports as jobs: `export` checks the request, records the job and its audit
 * event, and returns at once; the job runs in this process in the background (report-job.ts)
 * and reports progress through the job row and the reports.progress event. A job whose
 * process died shows as interrupted; its half-written folder was never published.
 */
export class ReportService {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly context: Omit<ReportJobContext, 'store' | 'clock' | 'events'>,
    private readonly reportsDir: string,
  ) {}

  async export(actor: UserActor, request: ReportRequest): Promise<{ jobId: string; folder: string }> {
    const now = this.clock.now();
    const id = newUuidV7(now);
    const plan = planReport(request);
    if (request.kind === 'instance') {
      const known = await this.store.read(
        async (tx) => (await tx.instances.get(request.instanceId as string)) ?? (await tx.trail.select({ instanceId: request.instanceId as string }, 0, 1))[0],
      );
      if (!known) throw invalid('instanceId', `no instance ${request.instanceId} and no audit event of one: check the id`);
    }
    const folder = resolve(request.targetDir ?? join(this.reportsDir, `${toTimestamp(now).slice(0, 10)}-${request.kind}-${id.slice(-12)}`));
    try {
      await assertFolderFree(folder);
    } catch (error) {
      throw invalid('targetDir', `${(error as Error).message}: choose a new or empty folder`);
    }
    const at = toTimestamp(now);
    const row: ReportJobRow = {
      id,
      request,
      title: plan.title,
      requestedBy: actor.username,
      requestedById: actor.userId,
      requestedAt: at,
      status: 'running',
      phase: 'queued',
      done: 0,
      total: null,
      folder,
      eventCount: null,
      checkpoint: null,
      files: [],
      error: null,
      heartbeatAt: at,
      finishedAt: null,
    };
    await this.store.unit(async (tx) => {
      await tx.reportJobs.insert(row);
      await tx.audit.append(
        { actor, action: 'report.export-started', subject: { type: 'report', id }, payload: { request: { ...request }, title: plan.title, folder } },
        at,
      );
    });
    const job = runReportJob({ ...this.context, store: this.store, clock: this.clock, events: this.events }, row, actor, plan)
      .catch((error: unknown) => this.context.log(`reports: export ${id} failed: ${(error as Error).message}`))
      .finally(() => this.running.delete(id));
    this.running.set(id, job);
    return { jobId: id, folder };
  }

  async get(jobId: string): Promise<ReportJob> {
    const row = await this.store.read((tx) => tx.reportJobs.get(jobId));
    if (!row) throw notFound(`report export ${jobId}`);
    return this.view(row);
  }

  async list(cursor: string | undefined, limit: number): Promise<{ items: ReportJob[]; nextCursor: string | null }> {
    const rows = await this.store.read((tx) => tx.reportJobs.page(cursor ?? null, limit + 1));
    const items = rows.slice(0, limit).map((r) => this.view(r));
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** Every check of verifyReportBundle, then the checkpoint's signature and the proof of the events against it. */
  async verify(folder: string, publicKey?: string, caCertificatePem?: string): Promise<ReportVerification> {
    const bundle = await verifyReportBundle(folder, {
      ...(publicKey ? { manifestPublicKeyRaw: publicKey } : {}),
      ...(caCertificatePem ? { caCertificatePem } : {}),
    });
    const key = publicKey ?? (await folderKey(folder));
    const evidence = await checkReportEvidence(folder, key);
    const checks = [...bundle.checks, ...evidence];
    return { ok: checks.every((c) => c.ok), checks };
  }

  /** Waits for the jobs of this process (shutdown). */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private view(row: ReportJobRow): ReportJob {
    const { requestedById: _id, heartbeatAt, ...job } = row;
    const stale = row.status === 'running' && !this.running.has(row.id) && this.clock.now() - Date.parse(heartbeatAt) > STALE_MS;
    return { ...job, status: stale ? 'interrupted' : row.status } as ReportJob;
  }
}

/** The Ed25519 key of the folder's manifest-key.pem, as raw base64; null if it is not one. */
async function folderKey(folder: string): Promise<string | null> {
  try {
    return ed25519RawBase64(createPublicKey(await readFile(join(folder, BUNDLE.manifestKey))));
  } catch {
    return null;
  }
}
