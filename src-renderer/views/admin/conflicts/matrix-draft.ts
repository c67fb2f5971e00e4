import type { ConflictRule } from '@shared/contract/work';

/** The matrix with `rule` in place of the rule that had id `replacing` (or appended when new). */
export function upsertRule(rules: readonly ConflictRule[], rule: ConflictRule, replacing: string | null): ConflictRule[] {
  if (replacing === null) return [...rules, rule];
  return rules.map((r) => (r.id === replacing ? rule : r));
}

export function removeRule(rules: readonly ConflictRule[], id: string): ConflictRule[] {
  return rules.filter((r) => r.id !== id);
}

/** Whether two matrices hold the same rules in the same order (the core stores the list as given). */
export function sameMatrix(a: readonly ConflictRule[], b: readonly ConflictRule[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const EMPTY_RULE: ConflictRule = {
  id: '',
  description: '',
  approval: { workflow: '*', key: '' },
  maker: { workflow: '', key: '', fields: [] },
};
