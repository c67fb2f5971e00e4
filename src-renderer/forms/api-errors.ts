import type { ApiError } from '../api/api-error';
import { notifyError } from '../ui/notify';
import { sentence } from './messages';

interface FieldErrorSink {
  setFieldError(path: string, message: string): void;
}

/**
 * Puts a refused call's field messages under the fields they name; whatever names no field of
 * this form (a conflict, a business rule) goes to a notification instead, or to `otherwise`
 * when the form shows it inline.
 */
export function showApiError(form: FieldErrorSink, fields: readonly string[], error: ApiError, otherwise: (error: ApiError) => void = notifyError): void {
  const issues = (error.issues ?? []).filter((issue) => fields.includes(issue.path));
  for (const issue of issues) form.setFieldError(issue.path, sentence(issue.message));
  if (issues.length === 0 || issues.length < (error.issues?.length ?? 0)) otherwise(error);
}
