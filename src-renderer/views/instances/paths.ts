/** The address of an instance's page, optionally on one tab (timeline, variables, incidents, children). */
export function instancePath(instanceId: string, tab?: string): string {
  return `/instances/${encodeURIComponent(instanceId)}${tab ? `?tab=${tab}` : ''}`;
}
