import { z } from 'zod';
import { Money, money } from './money';
import { ibanProblem, normalizeIban } from './iban';

/**
 * Task forms are declared in the workflow (fields with a type) and compiled to one zod
 * schema, used by the core to accept a completion and by the renderer to validate as the
 * person types, so both say the same thing about the same field.
 */
export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'money', 'date', 'enum', 'boolean', 'iban', 'document'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormFieldSpec {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: readonly string[] | undefined;
  currencies?: readonly string[] | undefined;
  sensitive: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function fieldSchema(field: FormFieldSpec): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string().trim().max(2000, { message: 'must be at most 2000 characters' });
    case 'textarea':
      return z.string().max(20000, { message: 'must be at most 20000 characters' });
    case 'number':
      return z.number({ message: 'must be a number' }).finite();
    case 'money':
      return Money.refine((m) => !field.currencies || field.currencies.includes(m.currency), {
        message: `the currency must be one of ${field.currencies?.join(', ')}`,
      }).transform((m) => money(m.amount, m.currency));
    case 'date':
      return z.string().refine(isRealDate, { message: 'must be a date written YYYY-MM-DD' });
    case 'enum':
      return z.enum((field.options ?? []) as [string, ...string[]], { message: `must be one of: ${(field.options ?? []).join(', ')}` });
    case 'boolean':
      return z.boolean({ message: 'must be yes or no' });
    case 'iban':
      return z
        .string()
        .superRefine((value, ctx) => {
          const problem = ibanProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .transform(normalizeIban);
    case 'document':
      return z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a document attached to this task' });
  }
}

export function formSchema(fields: readonly FormFieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const base = fieldSchema(field);
    shape[field.name] = field.required
      ? field.type === 'text' || field.type === 'textarea'
        ? (base as z.ZodString).min(1, { message: 'is required' })
        : base
      : base.nullable().optional();
  }
  return z.object(shape).strict();
}
