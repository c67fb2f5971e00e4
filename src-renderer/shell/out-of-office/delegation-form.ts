import { z } from 'zod';
import { isoFromLocalInput, localInputFromIso } from '../../ui/local-time';

const DAY_MS = 24 * 60 * 60_000;

/** Epoch milliseconds of a datetime-local value; NaN when it is not one. */
const epochOf = (value: string) => Date.parse(isoFromLocalInput(value) ?? '');

const When = z.string().refine((v) => isoFromLocalInput(v) !== null, { message: 'choose a date and time' });

/**
 * The out-of-office form: whom, from when, until when. The core checks the same period
 * (it must end after it starts) and that the colleague is another active user.
 */
export const DelegationForm = z
  .object({
    delegateUserId: z.string({ error: 'choose a colleague' }).min(1, { message: 'choose a colleague' }),
    from: When,
    to: When,
  })
  .refine((v) => epochOf(v.to) > epochOf(v.from), { message: 'must end after it starts', path: ['to'] })
  .refine((v) => epochOf(v.to) > Date.now(), { message: 'must end in the future', path: ['to'] });

export type DelegationFormValues = { delegateUserId: string | null; from: string; to: string };

/** From now (to the minute) for a week: the usual length of an absence, easy to shorten. */
export function initialDelegation(now: number): DelegationFormValues {
  const start = Math.floor(now / 60_000) * 60_000;
  const local = (epochMs: number) => localInputFromIso(new Date(epochMs).toISOString());
  return { delegateUserId: null, from: local(start), to: local(start + 7 * DAY_MS) };
}
