import { z } from 'zod';

/**
 * Identifiers are UUID version 7: time-ordered, so primary-key indexes stay append-mostly
 * and ids sort by creation. Each id kind is branded so that a TaskId is never passed where
 * a UserId is expected.
 */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newUuidV7(nowMs: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function idSchema<Brand extends string>(brand: Brand) {
  return z
    .string()
    .regex(UUID_V7, { message: `must be a ${brand} (a UUIDv7 such as 0190f5c2-7d3e-7abc-8def-0123456789ab)` })
    .brand<Brand>();
}

export const SiteId = idSchema('SiteId');
export type SiteId = z.infer<typeof SiteId>;
export const UserId = idSchema('UserId');
export type UserId = z.infer<typeof UserId>;
export const SessionId = idSchema('SessionId');
export type SessionId = z.infer<typeof SessionId>;

/** Mints a new id of the given schema's brand. */
export function newId<S extends z.ZodType<string>>(schema: S, nowMs: number): z.infer<S> {
  return schema.parse(newUuidV7(nowMs));
}
