import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../clock/clocks';
import { CoreApp } from '../app/core-app';
import { openSite } from '../site/open-site';
import { sitePaths } from '../site/data-dir';
import type { KeyProviderContext } from '../keys/key-provider';
import type { CoreToHost, CoreWorkerConfig, HostToCore } from './protocol';

/**
 * The core's thread. It opens the site, builds the core, competes for the engine lease and
 * answers the host's calls; SQLite and fsync never run on the host's main thread.
 */
if (!parentPort) throw new Error('core-worker.js runs as a worker thread, started by a host');
const port = parentPort;
const config = workerData as CoreWorkerConfig;
const send = (message: CoreToHost) => port.postMessage(message);
const log = (message: string) => send({ type: 'log', message });

let nextPrompt = 1;
const prompts = new Map<number, { resolve: (v: string) => void; reject: (e: Error) => void }>();

const keyContext: KeyProviderContext = {
  env: process.env,
  passphrase: ({ purpose, confirm }) =>
    new Promise((resolve, reject) => {
      const id = nextPrompt++;
      prompts.set(id, { resolve, reject });
      send({ type: 'prompt', id, purpose, confirm });
    }),
  revealKey: () => {
    throw new Error('a running console never generates a data key; use `clearline init` or `clearline rekey`');
  },
};

async function main(): Promise<void> {
  let app: CoreApp | null = null;
  port.on('message', (message: HostToCore) => {
    switch (message.type) {
      case 'answer': {
        const pending = prompts.get(message.id);
        prompts.delete(message.id);
        if ('error' in message) pending?.reject(new Error(message.error));
        else pending?.resolve(message.value);
        break;
      }
      case 'call':
        if (!app) {
          send({ type: 'result', id: message.id, result: { ok: false, error: { status: 503, code: 'starting', message: 'The console is still starting.' } } });
          break;
        }
        app.dispatch(message.call).then((result) => send({ type: 'result', id: message.id, result }));
        break;
      case 'shutdown':
        void (app?.close() ?? Promise.resolve()).finally(() => {
          send({ type: 'closed' });
          port.close();
        });
        break;
    }
  });

  try {
    const site = await openSite(sitePaths(config.dataDir), keyContext, systemClock);
    app = await CoreApp.start({ site, clock: systemClock, ownership: config.ownership, log, ...(config.scheduler ? { scheduler: config.scheduler } : {}) });
  } catch (error) {
    send({ type: 'failed', name: (error as Error).name, message: (error as Error).message });
    port.close();
    return;
  }
  app.events.subscribe((event) => send({ type: 'event', event }));
  const setupToken = config.issueSetupToken ? await app.services.setup.issueToken() : null;
  const { siteId, siteName } = app.site.config;
  send({ type: 'ready', ready: { siteId, siteName, setupToken, engineRole: app.ownership?.state.role ?? 'stopped' } });
}

void main();
