/**
 * Arithmetic on tree sizes and indices. Sizes go beyond 2^32, so everything here uses
 * plain arithmetic on safe integers: JavaScript's bitwise operators truncate to 32 bits.
 */

/** A tree size or leaf index: a non-negative safe integer. */
export function isCount(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= 0;
}

/** RFC 6962's k for a subtree of n > 1 leaves: the largest power of two smaller than n. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

export function half(n: number): number {
  return Math.floor(n / 2);
}
