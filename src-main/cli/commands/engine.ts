import type { Command } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { WorkflowDefinition } from '@shared/domain/workflow/definition';
import { formatProblem } from '@shared/domain/problems';
import type { DeployResult } from '@shared/contract/engine';
import { evaluateTable, importDmn, parseDecisionTable } from '../../core/decisions';
import { systemClock } from '../../core/clock/clocks';
import { asUser, withUserAuth, type SignedInCli } from '../signed-in';
import { EXIT, UsageError } from '../exit-codes';
import { printJson } from '../output';

function readJson(file: string | undefined, what: string): Record<string, unknown> {
  if (!file) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${what} ${file} is not readable JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${what} ${file} must hold a JSON object`);
  return value as Record<string, unknown>;
}

function printDeploy(result: DeployResult): void {
  for (const p of result.problems) process.stdout.write(`${formatProblem(p)}\n`);
  for (const d of result.deployed)
    process.stdout.write(`${result.outcome === 'deployed' ? 'deployed' : 'unchanged'}: ${d.kind} ${d.key} v${d.version} (${d.contentHash.slice(0, 12)})\n`);
  if (result.outcome === 'invalid') process.exitCode = EXIT.checkFailed;
}

/** The activation holding an incident on a step, for `retry --step` and `skip --step`. */
async function activationOf(call: SignedInCli['call'], instanceId: string, step: string): Promise<string> {
  const detail = await call('instances.get', { instanceId });
  const open = detail.incidents.find((i) => i.step === step && i.status === 'open');
  if (!open) throw new UsageError(`step "${step}" of instance ${instanceId} is not held by an open incident`);
  return open.activationId;
}

export function registerEngineCommands(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of workflow definitions (for editors)')
    .option('--output <file>', 'write it to a file instead')
    .action((_o, cmd: Command) => {
      const schema = JSON.stringify(z.toJSONSchema(WorkflowDefinition, { io: 'input', unrepresentable: 'any' }), null, 2);
      const output = cmd.opts<{ output?: string }>().output;
      if (output) writeFileSync(output, `${schema}\n`);
      else process.stdout.write(`${schema}\n`);
    });

  withUserAuth(
    program
      .command('deploy <files...>')
      .description('validate and deploy workflows (YAML/JSON) and decision tables (YAML/JSON/DMN); exits 3 if a file is invalid'),
  ).action(async (files: string[], _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      for (const file of files) printDeploy(await call('workflows.deploy', { file: basename(file), text: readFileSync(file, 'utf8') }));
    });
  });

  withUserAuth(
    program
      .command('decide <table>')
      .description('evaluate a decision table — a local .yaml/.json/.dmn file, or a deployed table key — and print the result and the rules that matched')
      .requiredOption('--input <file>', 'JSON object with the input values')
      .option('--table-version <n>', 'a deployed version (default: latest)'),
  ).action(async (table: string, _o, cmd: Command) => {
    const o = cmd.opts<{ input: string; tableVersion?: string }>();
    const input = readJson(o.input, 'input') as Record<string, never>;
    if (existsSync(table)) {
      const text = readFileSync(table, 'utf8');
      const parsed = /\.dmn$/i.test(table)
        ? importDmn(text, basename(table))
        : (({ table: t, problems }) => ({ tables: t ? [t] : [], problems }))(parseDecisionTable(text, basename(table)));
      for (const p of parsed.problems) process.stderr.write(`${formatProblem(p)}\n`);
      const compiled = parsed.tables[0];
      if (!compiled) {
        process.exitCode = EXIT.checkFailed;
        return;
      }
      printJson({ table: compiled.model.id, contentHash: compiled.contentHash, ...evaluateTable(compiled, input) });
      return;
    }
    await asUser(cmd, async ({ call }) =>
      printJson(await call('decisions.evaluate', { table, input, ...(o.tableVersion ? { version: Number(o.tableVersion) } : {}) })),
    );
  });

  withUserAuth(
    program
      .command('start <workflow>')
      .description('start an instance')
      .option('--input <file>', 'JSON object with the instance input')
      .option('--workflow-version <n>', 'a deployed version (default: latest)'),
  ).action(async (workflow: string, _o, cmd: Command) => {
    const o = cmd.opts<{ input?: string; workflowVersion?: string }>();
    const input = readJson(o.input, 'input') as Record<string, never>;
    await asUser(cmd, async ({ call, core }) => {
      const started = await call('instances.start', { workflow, input, ...(o.workflowVersion ? { version: Number(o.workflowVersion) } : {}) });
      process.stdout.write(`${started.instanceId}\n`);
      const lease = await core.site.store.read((tx) => tx.lease.get());
      // The CLI only queues work; the engine owner (a console or `serve`) runs it.
      if (!lease || lease.expiresAt <= systemClock.now())
        process.stderr.write(
          'note: no engine owner is running on this data folder, so the instance is queued and will not run until a console or `clearline serve` starts\n',
        );
    });
  });

  withUserAuth(
    program
      .command('instances')
      .description('list instances, newest first')
      .option('--status <status>', 'running, waiting, incident, suspended, completed, failed or cancelled')
      .option('--workflow <key>', 'only this workflow')
      .option('--business-key <key>', 'only this business key')
      .option('--limit <n>', 'at most this many', '50'),
  ).action(async (_o, cmd: Command) => {
    const o = cmd.opts<{ status?: string; workflow?: string; businessKey?: string; limit: string }>();
    await asUser(cmd, async ({ call }) => {
      const page = await call('instances.search', {
        limit: Number(o.limit),
        ...(o.status ? { status: o.status as never } : {}),
        ...(o.workflow ? { workflow: o.workflow } : {}),
        ...(o.businessKey ? { businessKey: o.businessKey } : {}),
      });
      for (const i of page.items)
        process.stdout.write(`${i.id}  ${i.status.padEnd(9)}  ${i.workflowKey} v${i.workflowVersion}  ${i.businessKey ?? ''}  ${i.startedAt}\n`);
    });
  });

  withUserAuth(
    program
      .command('instance <id>')
      .description('one instance: status, step states, incidents, variables (JSON; sensitive values masked, their paths in maskedPaths)')
      .option('--unmask <path...>', 'show these masked variables in clear (needs sensitive.unmask; each viewing is audited)'),
  ).action(async (instanceId: string, _o, cmd: Command) => {
    const unmask = cmd.opts<{ unmask?: string[] }>().unmask ?? [];
    await asUser(cmd, async ({ call }) => {
      const detail = await call('instances.get', { instanceId });
      const inClear: Record<string, unknown> = {};
      for (const path of unmask) inClear[path] = (await call('instances.unmask', { instanceId, path })).value;
      printJson({
        instance: detail.instance,
        steps: detail.steps,
        incidents: detail.incidents,
        variables: detail.variables,
        maskedPaths: detail.maskedPaths,
        ...(unmask.length > 0 ? { unmasked: inClear } : {}),
      });
    });
  });

  withUserAuth(
    program
      .command('signal <name>')
      .description('deliver a signal or message to the instances waiting for it')
      .option('--key <correlationKey>', 'the correlation key')
      .option('--payload <file>', 'JSON payload'),
  ).action(async (name: string, _o, cmd: Command) => {
    const o = cmd.opts<{ key?: string; payload?: string }>();
    await asUser(cmd, async ({ call }) => {
      const result = await call('signals.send', { name, correlationKey: o.key ?? null, payload: o.payload ? (readJson(o.payload, 'payload') as never) : null });
      process.stdout.write(`delivered to ${result.delivered} instance(s)\n`);
    });
  });

  withUserAuth(
    program
      .command('cancel <instance>')
      .description('cancel an instance (completed steps with a compensation are undone)')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(async (instanceId: string, _o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => {
      const result = await call('instances.cancel', { instanceId, reason: cmd.opts<{ reason: string }>().reason });
      process.stdout.write(`cancel requested: ${result.id} (${result.status})\n`);
    });
  });

  withUserAuth(
    program
      .command('retry <instance>')
      .description('retry the step held by an incident')
      .requiredOption('--step <step>', 'the step id')
      .requiredOption('--reason <text>', 'why (kept in the audit trail)'),
  ).action(async (instanceId: string, _o, cmd: Command) => {
    const o = cmd.opts<{ step: string; reason: string }>();
    await asUser(cmd, async ({ call }) => {
      const result = await call('instances.retry', { instanceId, activationId: await activationOf(call, instanceId, o.step), reason: o.reason });
      process.stdout.write(`retry requested: ${result.id} (${result.status})\n`);
    });
  });

  const connector = program.command('connector').description('connector instances of this site');
  withUserAuth(connector.command('list').description('list connector instances (credentials are never shown)')).action(async (_o, cmd: Command) => {
    await asUser(cmd, async ({ call }) => printJson((await call('connectors.list', {})).items));
  });
  withUserAuth(
    connector
      .command('save <name>')
      .description('create or change a connector instance')
      .requiredOption('--type <type>', 'http or echo')
      .requiredOption('--config <file>', 'JSON configuration (see docs/connectors.md)')
      .option('--secret <name=file...>', 'a credential read from a file, e.g. token=/run/secrets/bank-token'),
  ).action(async (name: string, _o, cmd: Command) => {
    const o = cmd.opts<{ type: string; config: string; secret?: string[] }>();
    const secrets: Record<string, string> = {};
    for (const entry of o.secret ?? []) {
      const [secretName, file] = entry.split('=');
      if (!secretName || !file) throw new UsageError(`--secret takes name=file, got "${entry}"`);
      secrets[secretName] = readFileSync(file, 'utf8').trim();
    }
    await asUser(cmd, async ({ call }) => {
      const saved = await call('connectors.save', { name, type: o.type, config: readJson(o.config, 'config') as never, secrets });
      process.stdout.write(`saved connector ${saved.name} (${saved.type}${saved.idempotent ? ', idempotent' : ''}); actions: ${saved.actions.join(', ')}\n`);
    });
  });
}
