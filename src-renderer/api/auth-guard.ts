import { contract, isOpName } from '@shared/contract';
import type { Transport } from '@shared/contract/client';
import { SITE_LOCKED } from '@shared/contract/bridge';
import { ApiError } from './api-error';

/** A refusal that concerns the whole console rather than the one call that got it. */
export type AuthProblem = { kind: 'site-locked'; message: string } | { kind: 'session-locked' } | { kind: 'session-gone'; code: string; message: string };

/**
 * Classifies an error. Only calls that need a session can reveal that it is gone: a 401 from
 * a public operation (a wrong password at sign-in) belongs to the form that made the call.
 */
export function authProblemOf(op: string, error: ApiError): AuthProblem | null {
  if (error.status === SITE_LOCKED.status && error.code === SITE_LOCKED.code) return { kind: 'site-locked', message: error.message };
  if (error.status !== 401) return null;
  if (error.code === 'session_locked') return { kind: 'session-locked' };
  if (isOpName(op) && contract[op].access !== 'public') return { kind: 'session-gone', code: error.code, message: error.message };
  return null;
}

/**
 * Wraps a transport so that every call reports console-wide problems (site locked, session
 * locked or ended) to one place — the session gate — while the caller still gets the error.
 */
export function guardTransport(inner: Transport, report: (problem: AuthProblem) => void): Transport {
  return {
    async invoke(op, input) {
      try {
        return await inner.invoke(op, input);
      } catch (error) {
        if (error instanceof ApiError) {
          const problem = authProblemOf(op, error);
          if (problem) report(problem);
        }
        throw error;
      }
    },
    subscribe: (topic, listener) => inner.subscribe(topic, listener),
  };
}
