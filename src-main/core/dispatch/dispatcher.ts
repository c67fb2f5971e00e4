import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract, isOpName, type ApiErrorBody, type OpDefinition, type OpName } from '@shared/contract';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Permission } from '@shared/permissions';
import type { Store } from '../store/store';
import type { Authenticator, Credential } from '../auth/authenticator';
import { anonymousActor, describeOrigin, userActor, type Origin, type Principal } from '../auth/principal';
import { AppError } from './app-error';
import type { CallContext, Handlers, SessionDirective } from './handlers';

export interface DispatchCall {
  op: string;
  input: unknown;
  credential?: Credential | undefined;
  origin: Origin;
}

export type DispatchResult = { ok: true; value: unknown; session?: SessionDirective } | { ok: false; error: ApiErrorBody; session?: SessionDirective };

/** Writes a line for operators; never receives secrets or inputs. */
export type ErrorLog = (message: string) => void;

/**
 * The one door into the core, for every host: resolve the operation (404) → authenticate
 * (401) → check the permission (403) → validate the input (400, naming the field) → run the
 * service → validate the output (which also drops any field the contract does not name, so
 * nothing private reaches a page). Refusals of 401 and 403, and services' audited refusals,
 * are written to the audit trail.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly authenticator: Authenticator,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: ErrorLog,
  ) {}

  async dispatch(call: DispatchCall): Promise<DispatchResult> {
    if (!isOpName(call.op)) return failure(404, 'unknown_operation', `There is no operation "${call.op}".`);
    const name: OpName = call.op;
    const definition: OpDefinition = contract[name];
    let principal: Principal | null = null;
    try {
      principal = call.credential ? await this.authenticate(call.credential, definition) : null;
      if (definition.access !== 'public') {
        if (!principal) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
        this.authorize(principal, definition);
      }
      const input = definition.input.safeParse(call.input ?? {});
      if (!input.success) return { ok: false, error: invalidInput(input.error) };
      const ctx: CallContext = { principal, origin: call.origin };
      const value = await (this.handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>)(input.data, ctx);
      const output = definition.output.parse(value);
      return { ok: true, value: output, ...(ctx.session ? { session: ctx.session } : {}) };
    } catch (error) {
      return this.fail(error, name, call, principal);
    }
  }

  private async authenticate(credential: Credential, definition: OpDefinition): Promise<Principal | null> {
    try {
      return await this.authenticator.authenticate(credential);
    } catch (error) {
      // A stale cookie on a public operation (sign-in, setup status) is not a refusal.
      if (definition.access === 'public' && error instanceof AppError && error.status === 401) return null;
      throw error;
    }
  }

  private authorize(principal: Principal, definition: OpDefinition): void {
    if (principal.via.kind === 'session' && principal.via.locked && !definition.whileLocked) {
      throw new AppError(401, 'session_locked', 'The session is locked. Enter your password to unlock it.');
    }
    if (principal.via.kind === 'session' && principal.user.mustChangePassword && !definition.beforePasswordChange) {
      throw new AppError(403, 'password_change_required', 'Change your temporary password first.');
    }
    if (definition.access !== 'session' && !principal.permissions.has(definition.access as Permission)) {
      throw new AppError(403, 'forbidden', `Your roles do not include the permission "${definition.access}".`);
    }
  }

  private async fail(error: unknown, op: OpName, call: DispatchCall, principal: Principal | null): Promise<DispatchResult> {
    if (!(error instanceof AppError)) {
      const errorId = randomUUID();
      this.log(`operation ${op} failed (error ${errorId}): ${(error as Error)?.stack ?? String(error)}`);
      return { ok: false, error: { status: 500, code: 'internal', message: `Something went wrong; the operator log names error ${errorId}.`, errorId } };
    }
    // The host forgets the session when it no longer exists; a locked session stays.
    const sessionGone = error.status === 401 && op !== 'session.signIn' && error.code !== 'session_locked';
    const refusal = error.status === 401 || error.status === 403 || error.options.audited === true;
    if (refusal && !error.options.alreadyAudited) await this.auditRefusal(op, call, principal, error);
    return { ok: false, error: error.toBody(), ...(sessionGone ? { session: { clear: true } as const } : {}) };
  }

  private async auditRefusal(op: OpName, call: DispatchCall, principal: Principal | null, error: AppError): Promise<void> {
    try {
      await this.store.unit((tx) =>
        tx.audit.append(
          {
            actor: principal ? userActor(principal.user) : anonymousActor(call.origin),
            action: 'access.refused',
            outcome: 'refused',
            subject: { type: 'operation', id: op },
            payload: { status: error.status, code: error.code, reason: error.message, origin: describeOrigin(call.origin) },
          },
          toTimestamp(this.clock.now()),
        ),
      );
    } catch (auditError) {
      this.log(`could not audit a refusal of ${op}: ${(auditError as Error).message}`);
    }
  }
}

function failure(status: number, code: string, message: string): DispatchResult {
  return { ok: false, error: { status, code, message } };
}

function invalidInput(error: z.ZodError): ApiErrorBody {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
  return { status: 400, code: 'invalid_input', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}
