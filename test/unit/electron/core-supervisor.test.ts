import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OWNERSHIP } from '../../../src-main/core/lease/engine-ownership';
import { CoreThread } from '../../../src-main/core/worker/core-thread';
import { CoreSupervisor } from '../../../src-main/electron/core-supervisor';
import { createTestSite, type TestSite } from '../../support/site';

/** A site whose key needs no person (key file): the desktop starts its core at once. */
const worker = new URL('./core-worker-source.mjs', import.meta.url);
const origin = { host: 'ipc' as const, detail: 'window 1' };
let dir: string;
let site: TestSite;

function supervisor(dataDir: string): CoreSupervisor {
  const log = vi.fn();
  return new CoreSupervisor((prompt) => CoreThread.start(worker, { dataDir, ownership: DEFAULT_OWNERSHIP, issueSetupToken: false }, { prompt, log }), log);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-supervisor-'));
  site = await createTestSite(dir, 'Unattended site');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the core supervisor, for a site that needs no passphrase', () => {
  it('holds calls made while the core starts and answers them once it is up', async () => {
    const core = supervisor(site.paths.dataDir);
    const starting = core.startUnattended();
    const early = core.call({ op: 'setup.status', input: {}, origin });
    await starting;
    expect(await early).toMatchObject({ ok: true, value: { siteName: 'Unattended site' } });
    expect(await core.unlock('any passphrase at all')).toMatchObject({ ok: false, error: { status: 409, code: 'not_locked' } });
    await core.close();
    expect(await core.call({ op: 'setup.status', input: {}, origin })).toMatchObject({ ok: false, error: { status: 503, code: 'core_unavailable' } });
  }, 30_000);

  it("reports the core's start-up error by name when the key is unavailable", async () => {
    rmSync(site.keyFile);
    const core = supervisor(site.paths.dataDir);
    await expect(core.startUnattended()).rejects.toMatchObject({ name: 'KeyUnavailableError' });
    expect(await core.call({ op: 'setup.status', input: {}, origin })).toMatchObject({ ok: false, error: { status: 503 } });
    await core.close();
  }, 30_000);
});
