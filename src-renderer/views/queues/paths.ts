/** The address of a task's page in Queues. */
export function taskPath(taskId: string): string {
  return `/queues/${encodeURIComponent(taskId)}`;
}

/** The address of an approval's page (approvals are tasks too, decided rather than completed). */
export function approvalPath(taskId: string): string {
  return `/approvals/${encodeURIComponent(taskId)}`;
}
