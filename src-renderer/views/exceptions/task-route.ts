/** A task's page in Queues: the address the core's notifications link to as well. */
export function taskRoute(taskId: string): string {
  return `/queues/${encodeURIComponent(taskId)}`;
}
