import { useQueries } from '@tanstack/react-query';
import type { IncidentSummary } from '@shared/contract/engine';
import { client } from '../../api/client';
import { opKey } from '../../api/hooks';
import { stepKinds } from '../../diagram/workflow-graph';
import { isReview } from './review';

/**
 * The kind of the step each open incident holds (by incident id), read from the definition
 * its instance is pinned to: skipping is offered only once the kind is known and is not a
 * step a person decides. In-doubt effects and reviews are never skipped, so their instances
 * are not fetched. One `instances.get` per instance, shared with the instance page's cache.
 */
export function useIncidentStepKinds(incidents: readonly IncidentSummary[], enabled: boolean): ReadonlyMap<string, string> {
  const candidates = enabled ? incidents.filter((i) => i.status === 'open' && i.type !== 'in-doubt' && !isReview(i)) : [];
  const instanceIds = [...new Set(candidates.map((i) => i.instanceId))];
  const kindsByInstance = useQueries({
    queries: instanceIds.map((instanceId) => ({
      queryKey: opKey('instances.get', { instanceId }),
      queryFn: () => client.call('instances.get', { instanceId }),
      staleTime: 60_000,
    })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.instance.id, stepKinds(r.data.definition)] as const] : []))),
  });
  const kinds = new Map<string, string>();
  for (const incident of candidates) {
    const kind = kindsByInstance.get(incident.instanceId)?.get(incident.step);
    if (kind) kinds.set(incident.id, kind);
  }
  return kinds;
}
