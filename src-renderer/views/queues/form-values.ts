import type { FormFieldView } from '@shared/contract/work';
import type { JsonValue } from '@shared/domain/audit';
import { formSchema, FORM_FIELD_TYPES, type FormFieldSpec, type FormFieldType } from '@shared/domain/forms';
import { sentence } from '../../forms/messages';

/** What an input holds while the person types: text as typed, money as two parts, a tick box as a boolean. */
export type FieldInput = string | boolean | { amount: string; currency: string };
export type FormInputs = Record<string, FieldInput>;

function knownType(type: string): FormFieldType {
  return (FORM_FIELD_TYPES as readonly string[]).includes(type) ? (type as FormFieldType) : 'text';
}

/** The field as the shared form schema declares it (a type the console does not know is treated as text). */
export function fieldSpec(field: FormFieldView): FormFieldSpec {
  return {
    name: field.name,
    label: field.label,
    type: knownType(field.type),
    required: field.required,
    options: field.options,
    currencies: field.currencies,
    sensitive: field.sensitive,
  };
}

/** Initial inputs from the values the workflow put in the form; a masked value starts empty (it is not the real one). */
export function initialInputs(fields: readonly FormFieldView[]): FormInputs {
  const inputs: FormInputs = {};
  for (const field of fields) {
    const value = field.masked ? null : field.value;
    switch (knownType(field.type)) {
      case 'boolean':
        inputs[field.name] = value === true;
        break;
      case 'money': {
        const money = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
        inputs[field.name] = {
          amount: typeof money.amount === 'string' ? money.amount : '',
          currency: typeof money.currency === 'string' ? money.currency : (field.currencies?.[0] ?? 'EUR'),
        };
        break;
      }
      default:
        inputs[field.name] = value === null || value === undefined || typeof value === 'object' ? '' : String(value);
    }
  }
  return inputs;
}

/** Whether the person left a field empty (empty optional fields are not sent). */
function isEmpty(input: FieldInput | undefined): boolean {
  if (input === undefined) return true;
  if (typeof input === 'string') return input.trim() === '';
  if (typeof input === 'boolean') return false;
  return input.amount.trim() === '';
}

/** The typed value of one input, as the form schema expects it. */
function typed(type: FormFieldType, input: FieldInput): JsonValue {
  if (typeof input === 'boolean') return input;
  if (typeof input === 'object') return { amount: input.amount.trim(), currency: input.currency };
  if (type === 'number') return decimalNumber(input);
  return input;
}

/** A number as people write it (1250, 1250.5, 1250,5, -3, 1e3); anything else (0x10, 1_000, Infinity) is not a number. */
function decimalNumber(input: string): number {
  const text = input.trim().replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
}

/**
 * Checks the inputs with the same zod schema the core applies at completion, and returns
 * either the values to send or a message per field. Required fields left empty say so
 * rather than "must be a number".
 */
export function checkInputs(
  fields: readonly FormFieldView[],
  inputs: FormInputs,
): { ok: true; values: Record<string, JsonValue> } | { ok: false; errors: Record<string, string> } {
  const values: Record<string, JsonValue> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const input = inputs[field.name];
    if (isEmpty(input)) {
      if (field.required && knownType(field.type) !== 'boolean') errors[field.name] = 'Is required';
      continue;
    }
    values[field.name] = typed(knownType(field.type), input as FieldInput);
  }
  const parsed = formSchema(fields.map(fieldSpec)).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      errors[name] ??= sentence(issue.message);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** One field's problem as the person types (the same schema, that field alone). */
export function fieldProblem(field: FormFieldView, input: FieldInput): string | null {
  const result = checkInputs([field], { [field.name]: input });
  return result.ok ? null : (result.errors[field.name] ?? null);
}
