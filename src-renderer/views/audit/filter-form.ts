import { AuditFilters } from '@shared/contract/audit';
import { sentence } from '../../forms/messages';
import { isoFromLocalInput, localInputFromIso } from '../../ui/local-time';
import { FILTER_KEYS, type AuditFilterValues } from './search-params';

/** The filter fields as typed: text, and the times as datetime-local values in the user's zone. */
export type FilterFormValues = Record<keyof AuditFilterValues, string>;

export const EMPTY_FILTER_FORM: FilterFormValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as FilterFormValues;

export function formFromFilters(filters: AuditFilterValues): FilterFormValues {
  const values = { ...EMPTY_FILTER_FORM };
  for (const key of FILTER_KEYS) values[key] = filters[key] ?? '';
  if (filters.from) values.from = localInputFromIso(filters.from);
  if (filters.to) values.to = localInputFromIso(filters.to);
  return values;
}

export type FilterResult = { ok: true; filters: AuditFilterValues } | { ok: false; errors: Record<string, string> };

/** Drops empty fields and checks the rest with the contract's own schema (e.g. text ≥ 2 characters), before any round trip. */
export function filtersFromForm(values: FilterFormValues): FilterResult {
  const filters: Partial<Record<keyof AuditFilterValues, string>> = {};
  const errors: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = values[key].trim();
    if (!value) continue;
    if (key === 'from' || key === 'to') {
      const iso = isoFromLocalInput(value);
      if (iso) filters[key] = iso;
      else errors[key] = 'Give a date and a time';
    } else filters[key] = value;
  }
  if (filters.from && filters.to && filters.from >= filters.to) errors.to = 'Must be after “From”';
  const parsed = AuditFilters.safeParse(filters);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= sentence(issue.message);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filters: filters as AuditFilterValues };
}
