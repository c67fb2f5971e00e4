import { contract, type OpName } from '@shared/contract';

/** What an operator action changes: the instance, the lists, the exception queue and the timeline. */
export const AFTER_OPERATOR: readonly OpName[] = ['instances.get', 'instances.search', 'incidents.search', 'audit.search'];

/** The contract's own rule for a reason (3–2000 characters), shared by every operator form. */
export const Reason = contract['instances.retry'].input.shape.reason;

export const REASON_HINT = 'Kept in the audit trail with your name.';
