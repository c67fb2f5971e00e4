import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '@shared/domain/users';

/** Said under every new-password field, so people meet the policy before the core refuses. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters; not a common password; must not contain the username or name.`;

/** Adds a "repeat" field that must equal `field`, with the mismatch reported on the repeat. */
export function withRepeat<S extends z.ZodObject>(schema: S, field: string) {
  return schema
    .extend({ repeat: z.string() })
    .refine((values: Record<string, unknown>) => values.repeat === values[field], { message: 'does not match', path: ['repeat'] });
}
