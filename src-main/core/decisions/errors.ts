export interface RuleRef {
  /** 0-based position of the rule in the table (rules.<index> in problem paths). */
  index: number;
  id: string | null;
}

function ruleList(rules: readonly RuleRef[]): string {
  return rules.map((r) => `${r.index + 1}${r.id ? ` (${r.id})` : ''}`).join(', ');
}

/** Hit policy UNIQUE: more than one rule matched — the table has an overlap the author did not intend. */
export class UniqueViolationError extends Error {
  readonly code = 'UNIQUE_VIOLATION';
  constructor(
    readonly table: string,
    readonly matchedRules: RuleRef[],
  ) {
    super(`decision table ${table} (hit policy UNIQUE): rules ${ruleList(matchedRules)} all match`);
    this.name = 'UniqueViolationError';
  }
}

/** Hit policy ANY: several rules matched and their outputs differ. */
export class AnyViolationError extends Error {
  readonly code = 'ANY_VIOLATION';
  constructor(
    readonly table: string,
    readonly matchedRules: RuleRef[],
  ) {
    super(`decision table ${table} (hit policy ANY): rules ${ruleList(matchedRules)} match with different outputs`);
    this.name = 'AnyViolationError';
  }
}

export type DecisionErrorCode =
  /** The table has FEEL syntax errors or an inconsistent hit policy; deployment should have refused it. */
  | 'INVALID_TABLE'
  /** An input or output value does not conform to its column's type. */
  | 'TYPE_MISMATCH'
  /** An input or output value is not among its column's allowed values. */
  | 'VALUE_NOT_ALLOWED'
  /** A COLLECT aggregation over values it cannot aggregate (SUM of non-numbers, MIN of incomparable values). */
  | 'AGGREGATION'
  /** A FEEL evaluation failed (the FeelEvaluationError is the cause). */
  | 'FEEL';

/** A decision table could not be evaluated; `path` names the column or cell (e.g. "rules.3.when.1"). */
export class DecisionEvaluationError extends Error {
  constructor(
    readonly code: DecisionErrorCode,
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DecisionEvaluationError';
  }
}
