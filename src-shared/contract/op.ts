import { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call an operation:
 * - 'public': no session (sign-in, first-run setup);
 * - 'session': any signed-in user (their own profile, password, sign-out);
 * - a catalogue permission.
 */
export type Access = 'public' | 'session' | Permission;

export interface OpDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** True when the operation changes state; its service writes an audit event in the same transaction. */
  readonly mutation: boolean;
  /** Allowed while the user must still change a temporary password (otherwise refused until changed). */
  readonly beforePasswordChange?: boolean;
  /** Allowed on a session the idle lock has locked (only unlock and sign-out). */
  readonly whileLocked?: boolean;
  /** One line for docs and the API listing. */
  readonly summary: string;
}

export function op<I extends z.ZodType, O extends z.ZodType>(definition: OpDefinition<I, O>): OpDefinition<I, O> {
  return definition;
}

/** A page of results with an opaque cursor for the next page (null at the end). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** What every refused or failed call returns, from every host. */
export const ApiErrorBody = z.object({
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  errorId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
