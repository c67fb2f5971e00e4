/** Addresses inside the Audit view. */
export const AUDIT_PATH = '/audit';
export const REPORTS_PATH = '/audit/reports';
export const EVIDENCE_PATH = '/audit/evidence';

export function eventPath(seq: number): string {
  return `${AUDIT_PATH}/events/${seq}`;
}

/** An instance's whole decision chain, as the trail tells it. */
export function auditInstancePath(instanceId: string): string {
  return `${AUDIT_PATH}/instances/${encodeURIComponent(instanceId)}`;
}

/** A search of the trail; `query` is the search part of the address (see search-params.ts). */
export function searchPath(query: URLSearchParams | string = ''): string {
  const text = query.toString();
  return text ? `${AUDIT_PATH}?${text}` : AUDIT_PATH;
}
