import type { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreThread } from '../../core/worker/core-thread';
import { DEFAULT_OWNERSHIP, type OwnershipOptions } from '../../core/lease/engine-ownership';
import { readSiteConfig } from '../../core/site/site-config';
import { startHttpHost } from '../../http/http-host';
import { cliKeyContext } from '../prompt';
import { pathsOf, secretSources } from '../options';
import { UsageError } from '../exit-codes';
import { DEFAULT_SCHEDULER_OPTIONS, type SchedulerOptions } from '../../core/scheduler/schedule-runner';

/** The engine lease can be shortened for fast failover (and tests) with CLEARLINE_ENGINE_LEASE_MS. */
function ownershipOptions(): OwnershipOptions {
  const ttl = Number(process.env.CLEARLINE_ENGINE_LEASE_MS);
  if (!process.env.CLEARLINE_ENGINE_LEASE_MS) return DEFAULT_OWNERSHIP;
  if (!Number.isInteger(ttl) || ttl < 500) throw new UsageError('CLEARLINE_ENGINE_LEASE_MS must be a whole number of milliseconds, at least 500');
  return { ttlMs: ttl, heartbeatMs: Math.max(100, Math.floor(ttl / 5)) };
}

/** The misfire grace can be shortened for tests with CLEARLINE_SCHEDULER_GRACE_MS (a fire time later than this is a misfire). */
function schedulerOptions(): SchedulerOptions {
  const value = process.env.CLEARLINE_SCHEDULER_GRACE_MS;
  if (!value) return DEFAULT_SCHEDULER_OPTIONS;
  const graceMs = Number(value);
  if (!Number.isInteger(graceMs) || graceMs < 0) throw new UsageError('CLEARLINE_SCHEDULER_GRACE_MS must be a whole number of milliseconds');
  return { ...DEFAULT_SCHEDULER_OPTIONS, graceMs };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the console over HTTP on this machine (the same UI and API as the desktop app)')
    .option('--host <address>', 'address to bind; anything but loopback needs --tls-cert and --tls-key', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '4780')
    .option('--tls-cert <file>', 'PEM certificate for HTTPS')
    .option('--tls-key <file>', 'PEM private key for HTTPS')
    .action(async (_o, cmd: Command) => {
      const o = cmd.opts<{ host: string; port: string; tlsCert?: string; tlsKey?: string }>();
      const paths = pathsOf(cmd);
      readSiteConfig(paths.config);
      if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) throw new UsageError('give both --tls-cert and --tls-key');
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
      const keyContext = cliKeyContext(secretSources(cmd));
      const log = (message: string) => process.stderr.write(`${new Date().toISOString()} ${message}\n`);
      const core = await CoreThread.start(
        new URL('./core-worker.js', import.meta.url),
        { dataDir: paths.dataDir, ownership: ownershipOptions(), scheduler: schedulerOptions(), issueSetupToken: true },
        { prompt: (request) => keyContext.passphrase(request), log },
      );
      const rendererDir = resolve(fileURLToPath(new URL('../renderer/', import.meta.url)));
      let host;
      try {
        host = await startHttpHost({
          core,
          host: o.host,
          port,
          rendererDir,
          log,
          ...(o.tlsCert && o.tlsKey ? { tls: { certFile: o.tlsCert, keyFile: o.tlsKey } } : {}),
        });
      } catch (error) {
        await core.close();
        throw error;
      }
      const lines = [`Clearline is serving site "${core.ready.siteName}" at ${host.url}`];
      lines.push(
        core.ready.engineRole === 'owner'
          ? 'Engine: this process owns the engine.'
          : "Engine: standby (another process owns this site's engine; this one takes over if it stops).",
      );
      if (core.ready.setupToken)
        lines.push(`First run: open the URL and create the first administrator with this one-time setup token:\n  ${core.ready.setupToken}`);
      process.stdout.write(`${lines.join('\n')}\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.stdout.write('Stopping…\n');
          void host
            .close()
            .then(() => core.close())
            .then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
