import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportJob, ReportRequest, ReportVerification } from '@shared/contract/evidence';
import { ControlReport } from '@shared/contract/evidence';
import { asUser, withUserAuth } from '../signed-in';
import { EXIT, UsageError } from '../exit-codes';
import { printJson } from '../output';

/** How often the CLI looks at a running export. */
const POLL_MS = 200;

function readText(file: string | undefined, what: string): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${what} ${file} cannot be read: ${(error as Error).message}`);
  }
}

interface ExportOptions {
  instance?: string;
  period?: boolean;
  control?: string;
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  workflow?: string;
  text?: string;
  output?: string;
  json?: boolean;
}

/** The request from the command line; the contract's schema then checks it and names any wrong field. */
function requestOf(o: ExportOptions): ReportRequest {
  const kinds = [o.instance !== undefined && 'instance', o.period && 'period', o.control !== undefined && 'control'].filter(Boolean);
  if (kinds.length !== 1) throw new UsageError('give exactly one of --instance <id>, --period, --control <name>');
  if (o.control !== undefined && !ControlReport.safeParse(o.control).success)
    throw new UsageError(`--control must be one of ${ControlReport.options.join(', ')}`);
  const filters = {
    ...(o.action ? { action: o.action } : {}),
    ...(o.actor ? { actor: o.actor } : {}),
    ...(o.workflow ? { workflow: o.workflow } : {}),
    ...(o.text ? { text: o.text } : {}),
  };
  const period = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
  const target = o.output ? { targetDir: resolve(o.output) } : {};
  if (o.instance !== undefined) return { kind: 'instance', instanceId: o.instance, ...target } as ReportRequest;
  if (o.control !== undefined) return { kind: 'control', control: o.control, ...period, ...target } as ReportRequest;
  return { kind: 'period', ...period, ...(Object.keys(filters).length ? { filters } : {}), ...target } as ReportRequest;
}

/** One line that rewrites itself on a terminal, and a line per phase otherwise. */
function progressPrinter(): { show: (job: ReportJob) => void; end: () => void } {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  return {
    show(job) {
      const amount = job.total ? `${job.done} of ${job.total} (${Math.floor((job.done / Math.max(job.total, 1)) * 100)}%)` : `${job.done}`;
      const text = `exporting: ${job.phase} ${amount}`;
      if (tty) process.stderr.write(`\r${text}\x1b[K`);
      else if (job.phase !== lastPhase) process.stderr.write(`exporting: ${job.phase}\n`);
      lastPhase = job.phase;
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

function printVerification(v: ReportVerification): void {
  for (const c of v.checks) process.stdout.write(`${c.ok ? 'OK    ' : 'FAILED'} ${c.name}: ${c.detail}\n`);
  process.stdout.write(v.ok ? 'VERIFIED: every check passed\n' : `NOT VERIFIED: ${v.checks.filter((c) => !c.ok).length} checks failed\n`);
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('signed report exports');

  withUserAuth(
    report
      .command('export')
      .description('export a signed report (PDF, CSV, JSON evidence, signed manifest) and wait for it, showing progress (needs report.export)')
      .option('--instance <id>', 'an instance evidence report: the whole decision chain of one instance')
      .option('--period', 'a period report: every event from --from to --to, optionally filtered')
      .option('--control <name>', `a control report for --from..--to: ${ControlReport.options.join(', ')}`)
      .option('--from <timestamp>', 'start of the period (UTC, e.g. 2026-11-01T00:00:00.000Z)')
      .option('--to <timestamp>', 'end of the period (UTC)')
      .option('--action <action>', 'period report: only this action (or prefix ending in ".")')
      .option('--actor <actor>', 'period report: only this actor')
      .option('--workflow <key>', "period report: only this workflow's events")
      .option('--text <text>', 'period report: only events with these words')
      .option('--output <folder>', "write the report here (new or empty); default: a new folder under the site's reports/")
      .option('--json', 'print the finished job as JSON'),
  ).action(async (_o, cmd: Command) => {
    const o = cmd.opts<ExportOptions>();
    const request = requestOf(o);
    await asUser(cmd, async ({ call }) => {
      const started = await call('reports.export', request);
      const printer = progressPrinter();
      let job = await call('reports.get', { jobId: started.jobId });
      while (job.status === 'running') {
        printer.show(job);
        await new Promise((r) => setTimeout(r, POLL_MS));
        job = await call('reports.get', { jobId: started.jobId });
      }
      printer.end();
      if (o.json) printJson(job);
      else if (job.status === 'done') {
        process.stdout.write(
          `Report written to ${job.folder}: ${job.eventCount} events, checkpoint of ${job.checkpoint?.treeSize} events by key ${job.checkpoint?.keyId}\n`,
        );
        for (const f of job.files) process.stdout.write(`  ${f.sha256}  ${f.name} (${f.bytes} bytes)\n`);
      } else process.stdout.write(`Export ${job.status}: ${job.error ?? 'see the audit trail'}\n`);
      if (job.status !== 'done') process.exitCode = EXIT.error;
    });
  });

  withUserAuth(
    report
      .command('verify <folder>')
      .description('check a report folder: manifest signature, file hashes, PDF signature and chain, events, checkpoint and proof; exits 3 if any check fails')
      .option('--public-key <base64>', "the site's Ed25519 key as obtained from the site (else the folder's manifest-key.pem)")
      .option('--ca <file>', "the site CA certificate (PEM) as obtained from the site (else the folder's site-ca.pem)")
      .option('--json', 'print the checks as JSON'),
  ).action(async (folder: string, _o, cmd: Command) => {
    const o = cmd.opts<{ publicKey?: string; ca?: string; json?: boolean }>();
    const caCertificatePem = readText(o.ca, 'the CA file');
    await asUser(cmd, async ({ call }) => {
      const result = await call('reports.verify', {
        folder: resolve(folder),
        ...(o.publicKey ? { publicKey: o.publicKey } : {}),
        ...(caCertificatePem ? { caCertificatePem } : {}),
      });
      if (o.json) printJson(result);
      else printVerification(result);
      if (!result.ok) process.exitCode = EXIT.checkFailed;
    });
  });
}
