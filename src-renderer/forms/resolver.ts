import { schemaResolver, type FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { sentence } from './messages';

/**
 * Validates a form with a zod schema — usually the operation's own input schema from the
 * contract, so the page checks exactly what the core will check before a round trip.
 */
export function contractResolver(schema: z.ZodType): (values: unknown) => FormErrors {
  const resolve = schemaResolver(schema, { sync: true });
  return (values) =>
    Object.fromEntries(Object.entries(resolve(values)).map(([path, message]) => [path, typeof message === 'string' ? sentence(message) : message]));
}
