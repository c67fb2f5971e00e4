/** Where a FEEL text fails to parse, as offsets into the source (the caller maps them to a line and column). */
export interface FeelSyntaxError {
  message: string;
  from: number;
  to: number;
}

export type FeelErrorCode =
  /** A top-level name that is neither a variable nor a built-in, in strict mode. */
  | 'UNKNOWN_VARIABLE'
  /** A function name that is neither a variable holding a function nor a built-in, in strict mode. */
  | 'UNKNOWN_FUNCTION'
  /** A value that has no JSON form (a function, a range) was returned. */
  | 'NOT_JSON'
  /** A variable that has no FEEL form (NaN, a class instance, a malformed {"$decimal"}). */
  | 'BAD_INPUT'
  /** An evaluation that would exceed the evaluator's resource limits (iterations, list size, call depth). */
  | 'LIMIT'
  /** A regular expression refused as too long or prone to catastrophic backtracking. */
  | 'REGEX_REFUSED'
  /** now() or today() was called but the caller gave no clock. */
  | 'NO_CLOCK'
  /** The compiled value was not produced by this module's compile functions. */
  | 'NOT_COMPILED';

/**
 * Raised instead of silently yielding null where the DMN spec leaves the outcome to the
 * implementation and the caller needs to know (strict-mode unknown names, resource limits,
 * values that cannot cross the JSON boundary). Ordinary type mismatches still yield null.
 */
export class FeelEvaluationError extends Error {
  constructor(
    readonly code: FeelErrorCode,
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
    this.name = 'FeelEvaluationError';
  }
}

/** Thrown inside the AST builder and caught by compile: a text that parses but is not acceptable FEEL here. */
export class FeelCompileError extends Error implements FeelSyntaxError {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
    this.name = 'FeelCompileError';
  }
}
