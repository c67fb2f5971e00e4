import type { z } from 'zod';
import { AuditFilters } from '@shared/contract/audit';

/** What to look for in the trail, as the search operation takes it. */
export type AuditFilterValues = z.input<typeof AuditFilters>;
export type FilterKey = keyof AuditFilterValues;

/** In the order they appear in an address, so the same search always has the same address. */
export const FILTER_KEYS = Object.keys(AuditFilters.shape) as FilterKey[];

/**
 * The filters in an address (#/audit?workflow=payment-check&text=ACME), so that a search can
 * be bookmarked and shared. A value the contract would refuse (a hand-edited address) is
 * left out rather than failing the whole search.
 */
export function filtersFromParams(params: URLSearchParams): AuditFilterValues {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && AuditFilters.shape[key].safeParse(value).success) filters[key] = value;
  }
  return filters as AuditFilterValues;
}

export function paramsFromFilters(filters: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
