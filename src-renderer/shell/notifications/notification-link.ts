/**
 * A notification's link as a route of this console, or null. The core writes hash routes
 * (`#/queues/<taskId>`, `#/admin/changes`); anything else is not followed, so a notification
 * can never send the window to another address.
 */
export function consoleRoute(link: string | null): string | null {
  if (!link || !link.startsWith('#/') || link.startsWith('#//')) return null;
  return link.slice(1);
}
