import type { AuditActor } from '@shared/domain/audit';
import type { Provenance } from '../engine/interpreter/types';
import type { DecisionRow } from '../store/work-repositories';

/**
 * Segregation of duties for one approval decision, as an auditor tests it: the initiator
 * never approves; whoever entered or changed the data under approval never approves it;
 * one person fills at most one level of one approval; and the site's conflict matrix.
 * Pure: the caller gathers the facts and audits the refusal.
 */
export interface SodFacts {
  approver: { userId: string; username: string };
  startedBy: AuditActor;
  workflow: string;
  subject: readonly string[];
  provenance: Provenance;
  /** Decisions of the current round that still count. */
  decisions: readonly DecisionRow[];
  levelName: (level: number) => string;
  /** Conflict-matrix rules that name this approver for this entity. */
  conflicts: readonly { id: string; description: string }[];
}

export interface SodRefusal {
  rule: 'initiator' | 'data-maker' | 'one-level' | 'conflict-matrix';
  message: string;
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

export function sodRefusal(facts: SodFacts): SodRefusal | null {
  const { approver } = facts;
  if (facts.startedBy.kind === 'user' && facts.startedBy.userId === approver.userId) {
    return { rule: 'initiator', message: `You started this ${facts.workflow} instance: the initiator never approves it (segregation of duties).` };
  }
  for (const [path, entry] of Object.entries(facts.provenance)) {
    if ((entry.by.kind === 'user' || entry.by.kind === 'input') && entry.by.userId === approver.userId && facts.subject.some((s) => overlaps(s, path))) {
      return {
        rule: 'data-maker',
        message: `You entered or changed ${path}, which this approval is about: whoever enters or changes the data never approves it.`,
      };
    }
  }
  const earlier = facts.decisions.find((d) => d.userId === approver.userId && !d.voided);
  if (earlier) {
    return {
      rule: 'one-level',
      message: `You already decided on level "${facts.levelName(earlier.level)}" of this approval: one person fills at most one level.`,
    };
  }
  const conflict = facts.conflicts[0];
  if (conflict) return { rule: 'conflict-matrix', message: `Conflict rule ${conflict.id}: ${conflict.description}.` };
  return null;
}
