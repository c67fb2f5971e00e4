import type { z } from 'zod';
import type { RetryPolicy } from '@shared/domain/workflow/definition';
import { durationMs } from './durations';

/**
 * The delay before retry number `attempt` (the first retry follows attempt 1):
 * initial × factor^(attempt−1), capped at max, then spread by ±jitter. The spread comes
 * from a hash of the activation and attempt rather than Math.random, so a transition
 * replayed from the same state schedules the same retry (the interpreter stays pure).
 */
export function retryDelayMs(policy: z.infer<typeof RetryPolicy>, attempt: number, seed: string, now: number): number {
  const initial = durationMs(policy.backoff.initial, now);
  const max = durationMs(policy.backoff.max, now);
  const base = Math.min(max, initial * policy.backoff.factor ** (attempt - 1));
  const unit = fnv1a(`${seed}:${attempt}`) / 0xffffffff;
  return Math.max(0, Math.round(base * (1 + policy.jitter * (2 * unit - 1))));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
