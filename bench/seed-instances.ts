import { systemClock } from '../src-main/core/clock/clocks';
import { openSite } from '../src-main/core/site/open-site';
import { sitePaths } from '../src-main/core/site/data-dir';
import type { KeyProviderContext } from '../src-main/core/keys/key-provider';
import { newUuidV7 } from '@shared/domain/ids';

/**
 * Fills a site with finished instances for the memory target: copies of a real completed
 * instance (its state, variables and provenance) under new ids, written through the
 * repositories in units of 1000.
 */
export async function seedFinishedInstances(dataDir: string, ctx: KeyProviderContext, count: number): Promise<void> {
  const site = await openSite(sitePaths(dataDir), ctx, systemClock);
  try {
    const template = await site.store.read(async (tx) => {
      const [first] = await tx.instances.search({ status: 'completed', limit: 1 });
      return first ? tx.instances.get(first.id) : null;
    });
    if (!template) throw new Error('no completed instance to copy');
    for (let done = 0; done < count; done += 1000) {
      await site.store.unit(async (tx) => {
        for (let i = 0; i < Math.min(1000, count - done); i++) {
          await tx.instances.insert({ ...template, id: newUuidV7(Date.now()), needsWork: false });
        }
      });
    }
  } finally {
    await site.close();
  }
}
