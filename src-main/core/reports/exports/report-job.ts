import type { AuditEvent } from '@shared/domain/audit';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { ChainVerification } from '@shared/contract/audit';
import type { ReportPhase } from '@shared/contract/evidence';
import type { Store } from '../../store/store';
import type { Repositories } from '../../store/repositories';
import type { ReportJobPatch, ReportJobRow, TrailSelection } from '../../store/evidence-repositories';
import type { EventBus } from '../../events/event-bus';
import type { Checkpointer } from '../../audit/evidence/checkpointer';
import { ChainWalker } from '../../audit/chain-walker';
import { loadSigningKey } from '../../audit/evidence/signing-keys';
import { trailLeaves } from '../../audit/evidence/trail-leaves';
import { timelineEntry } from '../../audit/evidence/timeline';
import { subsetProof, type LeafRuns } from '../../audit/merkle/subset';
import { fingerprintOf } from '../../audit/checkpoints/keys';
import { writeReportBundle } from '../write-bundle';
import type { ReportContent, ReportSection, TimelineRow } from '../report-content';
import { currentDocumentSigner, newSiteSigner, storeDocumentSigner } from './document-signers';
import type { ReportPlan } from './report-selection';

export interface ReportJobContext {
  store: Store;
  clock: Clock;
  events: EventBus;
  checkpointer: Checkpointer;
  siteId: string;
  siteName: string;
  log: (message: string) => void;
}

type UserActor = { kind: 'user'; userId: string; username: string };

/** Events read per page while recomputing the chain and streaming them into the files: memory holds one page. */
const PAGE = 2_000;
/** Progress is written to the job row and published at most this often. */
const PROGRESS_MS = 500;

/** The selected events up to `maxSeq`, oldest first, one page per snapshot read: memory holds one page. */
async function* selectedEvents(store: Store, selection: TrailSelection): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const page = await store.read((tx) => tx.trail.select(selection, after, PAGE));
    yield* page;
    if (page.length < PAGE) return;
    after = (page.at(-1) as AuditEvent).seq;
  }
}

/** The leaf runs of the selection (runs of consecutive seqs, as [start, end) leaf indices), for the proof. */
async function leafRuns(store: Store, selection: TrailSelection): Promise<[number, number][]> {
  const runs: [number, number][] = [];
  let after = 0;
  for (;;) {
    const seqs = await store.read((tx) => tx.trail.selectSeqs(selection, after, 50_000));
    for (const seq of seqs) {
      const last = runs.at(-1);
      if (last && last[1] === seq - 1) last[1] = seq;
      else runs.push([seq - 1, seq]);
    }
    if (seqs.length < 50_000) return runs;
    after = seqs.at(-1) as number;
  }
}

function actorText(event: AuditEvent): string {
  const a = event.actor;
  return a.kind === 'user'
    ? a.username
    : a.kind === 'system'
      ? `system:${a.component}`
      : a.kind === 'schedule'
        ? `schedule:${a.scheduleId}`
        : a.kind === 'cli'
          ? `cli:${a.osUser}`
          : 'anonymous';
}

async function* timelineRows(events: AsyncIterable<AuditEvent>): AsyncGenerator<TimelineRow> {
  for await (const event of events) {
    const entry = timelineEntry(event);
    yield {
      at: event.at,
      actor: actorText(event),
      action: event.action,
      subject: event.subject ? `${event.subject.type}:${event.subject.id}` : '',
      detail: `${entry.kind}: ${entry.summary}`,
    };
  }
}

async function counts(tx: Repositories, selection: TrailSelection): Promise<ReportSection[]> {
  const rows = async (column: 'action' | 'actor' | 'outcome') =>
    (await tx.trail.countBy(selection, column, 15)).map((r) => ({ label: String(r.value ?? '(none)'), value: String(r.count) }));
  return [
    { title: 'Events by action (most frequent 15)', rows: await rows('action') },
    { title: 'Events by actor (most frequent 15)', rows: await rows('actor') },
    { title: 'Events by outcome', rows: await rows('outcome') },
  ];
}

/**
 * One export, start to end: sign a checkpoint of the whole trail (the report's events are
 * then proven against it), recompute the chain up to it, stream the selected events into
 * the CSV and the evidence JSON with a proof that they are those of the signed tree, sign
 * the PDF and the manifest, publish the folder, and audit the result. Progress goes to the
 * job row and the reports.progress event, throttled.
 */
export async function runReportJob(ctx: ReportJobContext, job: ReportJobRow, actor: UserActor, plan: ReportPlan): Promise<void> {
  const { store, clock } = ctx;
  let lastPublished = 0;
  let phase: ReportPhase = 'queued';
  let queued: Promise<void> = Promise.resolve();
  const progress = async (patch: Omit<ReportJobPatch, 'heartbeatAt'>, force = false) => {
    const now = clock.now();
    if (!force && now - lastPublished < PROGRESS_MS && patch.phase === undefined) return;
    lastPublished = now;
    if (patch.phase) phase = patch.phase;
    const full: ReportJobPatch = { ...patch, heartbeatAt: toTimestamp(now) };
    await store.unit((tx) => tx.reportJobs.update(job.id, full));
    const row = await store.read((tx) => tx.reportJobs.get(job.id));
    if (row) {
      ctx.events.publish(
        'reports.progress',
        { jobId: job.id, status: row.status, phase: row.phase, done: row.done, total: row.total },
        { kind: 'permission', permission: 'report.read' },
      );
    }
  };

  try {
    await progress({ phase: 'checkpoint', done: 0, total: null }, true);
    const signed = await ctx.checkpointer.create('export', { actor });
    if (!signed) throw new Error('no checkpoint could be signed');
    const checkpoint = signed.row.checkpoint;
    const size = checkpoint.treeSize;
    const selection: TrailSelection = { ...plan.selection, maxSeq: size };

    const walker = new ChainWalker(store);
    while (await walker.step(PAGE, size)) await progress({ done: walker.verified.seq, total: size });
    const chain: ChainVerification = walker.verdict();

    if (!(await store.read(currentDocumentSigner))) {
      // A site created before reports were signed gets its site CA at its first export.
      const created = await newSiteSigner(ctx.siteName, clock.now());
      await store.unit((tx) => storeDocumentSigner(tx, created, 'site-ca', toTimestamp(clock.now()), actor));
    }
    // Counting a large selection takes a while: a snapshot read, never the write lock.
    const { eventCount, summary, key, signer } = await store.read(async (tx) => {
      const keyRow = (await tx.signingKeys.list()).find((k) => k.keyId === checkpoint.keyId);
      if (!keyRow) throw new Error(`the key ${checkpoint.keyId} that signed the export's checkpoint is not among the site's keys`);
      return {
        eventCount: await tx.trail.count(selection),
        summary: await counts(tx, selection),
        key: await loadSigningKey(tx, keyRow),
        signer: await currentDocumentSigner(tx),
      };
    });
    if (!signer) throw new Error('the site has no document signer');

    const runs: LeafRuns = eventCount > 0 ? await leafRuns(store, selection) : [];
    const proof = runs.length > 0 ? await subsetProof(trailLeaves(store.read.bind(store), size, true), runs, size) : null;
    const fingerprint = fingerprintOf(key.publicKey);
    const generatedAt = toTimestamp(clock.now());
    const content: ReportContent = {
      kind: plan.kind,
      title: plan.title,
      subtitle: plan.subtitle,
      siteName: ctx.siteName,
      siteId: ctx.siteId,
      generatedAt,
      generatedBy: actor.username,
      signingKeyFingerprint: fingerprint,
      summary: [
        {
          title: 'Report',
          rows: [
            { label: 'Events', value: String(eventCount) },
            { label: 'Requested by', value: actor.username },
            { label: 'Export job', value: job.id },
          ],
        },
        {
          title: 'Signed checkpoint (the events are proven against it)',
          rows: [
            { label: 'Tree size', value: String(size) },
            { label: 'Root hash', value: checkpoint.rootHash },
            { label: 'Signed at', value: checkpoint.time },
            { label: 'Key id', value: checkpoint.keyId },
            { label: 'Key fingerprint (SHA-256)', value: fingerprint },
          ],
        },
        ...summary,
      ],
      timeline: timelineRows(selectedEvents(store, selection)),
      events: selectedEvents(store, selection),
      eventCount,
      evidence: {
        checkpoint: { ...checkpoint },
        rangeProof: proof
          ? {
              start: (runs[0] as [number, number])[0],
              end: (runs.at(-1) as [number, number])[1],
              treeSize: size,
              proof: proof.map((h) => h.toString('base64')),
            }
          : null,
        chain: { ok: chain.ok, checked: chain.checked, firstBad: chain.firstBad },
      },
    };
    await progress({ phase: 'events', done: 0, total: eventCount }, true);
    const written = await writeReportBundle(
      job.folder,
      content,
      signer.signer,
      { privateKey: key.privateKey, publicKeyRaw: key.publicKey },
      (done, total, name) => {
        // The writer does not wait for progress: updates are queued so that they land in order, before the final one.
        const next = name as ReportPhase;
        queued = queued.then(() => progress({ ...(next !== phase ? { phase: next } : {}), done, total })).catch(() => undefined);
      },
    );
    await queued;
    const finishedAt = toTimestamp(clock.now());
    const summaryOfCheckpoint = { treeSize: size, rootHash: checkpoint.rootHash, keyId: checkpoint.keyId };
    await store.unit(async (tx) => {
      await tx.reportJobs.update(job.id, {
        status: 'done',
        phase: 'done',
        done: eventCount,
        total: eventCount,
        eventCount,
        checkpoint: summaryOfCheckpoint,
        files: written.files,
        finishedAt,
        heartbeatAt: finishedAt,
      });
      await tx.audit.append(
        {
          actor,
          action: 'report.exported',
          subject: { type: 'report', id: job.id },
          payload: {
            title: plan.title,
            folder: written.folder,
            events: eventCount,
            checkpoint: summaryOfCheckpoint,
            keyFingerprint: fingerprint,
            files: written.files,
          },
        },
        finishedAt,
      );
    });
    ctx.events.publish(
      'reports.progress',
      { jobId: job.id, status: 'done', phase: 'done', done: eventCount, total: eventCount },
      { kind: 'permission', permission: 'report.read' },
    );
  } catch (error) {
    const message = (error as Error).message;
    const at = toTimestamp(clock.now());
    await store.unit(async (tx) => {
      await tx.reportJobs.update(job.id, { status: 'failed', error: message, finishedAt: at, heartbeatAt: at });
      await tx.audit.append(
        {
          actor,
          action: 'report.export-failed',
          outcome: 'failed',
          subject: { type: 'report', id: job.id },
          payload: { title: plan.title, phase, error: message },
        },
        at,
      );
    });
    ctx.events.publish('reports.progress', { jobId: job.id, status: 'failed', phase, done: 0, total: null }, { kind: 'permission', permission: 'report.read' });
    throw error;
  }
}
