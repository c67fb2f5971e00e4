import { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `is not valid JSON (${(error as Error).message.replace(/^JSON\.parse: /, '')})` };
  }
}

/** Text that must hold a JSON object: an instance's input. */
export const JsonObjectText = z.string().superRefine((text, ctx) => {
  const parsed = parse(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  else if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object, e.g. {"invoice": {"number": "INV-1"}}' });
});

/** Text that must hold any JSON value (a step's result given by a person). */
export const JsonValueText = z.string().superRefine((text, ctx) => {
  const parsed = parse(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

export function parseJson<T = JsonValue>(text: string): T {
  return JSON.parse(text) as T;
}
