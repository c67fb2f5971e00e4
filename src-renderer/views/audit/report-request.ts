import type { OpInput } from '@shared/contract';
import { ReportRequest, type ControlReport } from '@shared/contract/evidence';
import { sentence } from '../../forms/messages';
import { EMPTY_FILTER_FORM, filtersFromForm, type FilterFormValues } from './filter-form';

export type ReportKind = ReportRequest['kind'];

/** One form for the three kinds; each kind uses its own fields and ignores the others. */
export interface ReportFormValues extends FilterFormValues {
  kind: ReportKind;
  instanceId: string;
  control: ControlReport | '';
  targetDir: string;
}

export const EMPTY_REPORT_FORM: ReportFormValues = { ...EMPTY_FILTER_FORM, kind: 'instance', instanceId: '', control: '', targetDir: '' };

export type RequestResult = { ok: true; request: OpInput<'reports.export'> } | { ok: false; errors: Record<string, string> };

/** The form field a contract issue belongs to: the report's filters are the filter fields themselves. */
function fieldOf(path: PropertyKey[]): string {
  return path[0] === 'filters' && path.length > 1 ? String(path[1]) : path.map(String).join('.');
}

/** The export request of the chosen kind, checked with the contract's own schema before any round trip. */
export function requestFromForm(values: ReportFormValues): RequestResult {
  const parsed = filtersFromForm(values);
  if (!parsed.ok && values.kind !== 'instance') return parsed;
  const { from, to, ...filters } = parsed.ok ? parsed.filters : {};
  const targetDir = values.targetDir.trim() || undefined;
  const request: Record<string, unknown> = { kind: values.kind, targetDir };
  if (values.kind === 'instance') request.instanceId = values.instanceId.trim() || undefined;
  else {
    request.from = from;
    request.to = to;
    if (values.kind === 'control') request.control = values.control || undefined;
    else if (Object.keys(filters).length > 0) request.filters = filters;
  }
  const checked = ReportRequest.safeParse(Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)));
  if (checked.success) return { ok: true, request: checked.data };
  const errors: Record<string, string> = {};
  for (const issue of checked.error.issues) errors[fieldOf(issue.path)] ??= sentence(issue.message);
  return { ok: false, errors };
}
