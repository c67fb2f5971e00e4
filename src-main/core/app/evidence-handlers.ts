import type { evidenceOps } from '@shared/contract/evidence';
import type { AuditActor } from '@shared/domain/audit';
import { caller, type Handlers } from '../dispatch/handlers';
import { userActor } from '../auth/principal';
import type { CoreServices } from './core-services';

type EvidenceHandlers = Pick<Handlers, keyof typeof evidenceOps | 'audit.verify'>;
type UserActor = AuditActor & { kind: 'user' };

/** Audit evidence (checkpoints, proofs, verification, key rotation, settings) and signed report exports. */
export function evidenceHandlers(s: CoreServices): EvidenceHandlers {
  const person = (ctx: Parameters<typeof caller>[0]) => userActor(caller(ctx).user) as UserActor;
  return {
    'audit.verify': async () => s.evidence.verify(),
    'audit.get': async (input) => s.evidence.event(input.seq),
    'audit.timeline': async (input) => s.evidence.timeline(input.instanceId, input.cursor, input.limit),
    'audit.status': async () => s.evidence.status(),
    'checkpoints.list': async (input) => s.evidence.checkpoints(input.cursor, input.limit),
    'checkpoints.create': async (_input, ctx) => s.evidence.createCheckpoint(person(ctx)),
    'audit.rotateKey': async (input, ctx) => s.evidence.rotateKey(person(ctx), input.reason),
    'evidence.settings': async () => s.evidence.settings(),
    'evidence.configure': async (input, ctx) => s.evidence.configure(person(ctx), input.witnessFolder, input.schedule, input.reason),
    'reports.export': async (input, ctx) => s.reports.export(person(ctx), input),
    'reports.get': async (input) => s.reports.get(input.jobId),
    'reports.list': async (input) => s.reports.list(input.cursor, input.limit),
    'reports.verify': async (input) => s.reports.verify(input.folder, input.publicKey, input.caCertificatePem),
  };
}
