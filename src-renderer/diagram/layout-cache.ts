import type { WorkflowLayout } from './layout';

const MAX_ENTRIES = 24;
const cache = new Map<string, Promise<WorkflowLayout>>();

/**
 * Layouts by key (a version's content hash, or the definition's JSON): each definition is
 * laid out once per page load however often the diagram re-renders, and live updates of an
 * instance only recolour nodes. The oldest entries go first past MAX_ENTRIES. The layout
 * code (with ELK, about 1.5 MB) is loaded on first use, not with the console.
 */
/** Starts loading the layout code ahead of the first diagram (e.g. when a list of workflows is shown). */
export function preloadLayout(): void {
  void import('./layout').catch(() => undefined);
}

export function cachedLayout(definition: unknown, key?: string): Promise<WorkflowLayout> {
  const cacheKey = key ?? JSON.stringify(definition);
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const layout = import('./layout').then(({ layoutWorkflow }) => layoutWorkflow(definition));
  cache.set(cacheKey, layout);
  layout.catch(() => cache.delete(cacheKey));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return layout;
}
