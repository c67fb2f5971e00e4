import type { ApiErrorBody } from '@shared/contract';

/**
 * An error a service raises on purpose, with the HTTP-style status every host reports.
 * `audited` marks refusals that are themselves evidence (segregation of duties, self-grant):
 * the dispatcher writes them to the audit trail like 401 and 403.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: {
      issues?: ApiErrorBody['issues'];
      /** A business refusal that is evidence in itself: the dispatcher audits it. */
      audited?: boolean;
      /** The service already wrote its own audit event for this refusal (e.g. a failed sign-in). */
      alreadyAudited?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return { status: this.status, code: this.code, message: this.message, ...(this.options.issues ? { issues: this.options.issues } : {}) };
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} does not exist`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const invalid = (path: string, message: string) => new AppError(400, 'invalid_input', `${path}: ${message}`, { issues: [{ path, message }] });
/** A business rule refused the action; audited as a refusal. */
export const refused = (code: string, message: string) => new AppError(403, code, message, { audited: true });
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const unauthenticated = (code: string, message: string, alreadyAudited = false) => new AppError(401, code, message, { alreadyAudited });
