import type { OpName, OpOutput, OpParsedInput } from '@shared/contract';
import type { Origin, Principal } from '../auth/principal';
import { AppError } from './app-error';

/** What a host must do with its session credential after a call (set the cookie, forget it). */
export type SessionDirective = { set: { token: string; expiresAt: string } } | { clear: true };

export interface CallContext {
  principal: Principal | null;
  origin: Origin;
  /** Set by sign-in and sign-out; carried back to the host beside the result. */
  session?: SessionDirective;
}

export type Handler<K extends OpName> = (input: OpParsedInput<K>, ctx: CallContext) => Promise<OpOutput<K>>;

/** Exactly one handler per operation: the compiler refuses a missing or extra one. */
export type Handlers = { [K in OpName]: Handler<K> };

/** For operations whose access is not public: the dispatcher has authenticated the caller. */
export function caller(ctx: CallContext): Principal {
  if (!ctx.principal) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  return ctx.principal;
}
