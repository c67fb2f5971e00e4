import { Command, CommanderError } from 'commander';
import { registerInit } from './commands/init';
import { registerDoctor } from './commands/doctor';
import { registerBackupRestore } from './commands/backup-restore';
import { registerKeyCommands } from './commands/keys';
import { registerServe } from './commands/serve';
import { registerUserCommands } from './commands/users';
import { registerAuditCommands } from './commands/audit';
import { registerEngineCommands } from './commands/engine';
import { registerScheduleCommands } from './commands/schedules';
import { registerReportCommands } from './commands/reports';
import { EXIT, exitCodeFor } from './exit-codes';

export function buildProgram(): Command {
  const program = new Command('clearline')
    .description('Clearline — governed workflow console for financial back offices')
    .option('--data-dir <dir>', "the site's data folder (default: $CLEARLINE_DATA_DIR, else the platform's user-data folder)")
    .option('--passphrase-file <path>', 'passphrase provider: read the site passphrase from this file (else CLEARLINE_PASSPHRASE, else a prompt)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 error, 2 usage, 3 check failed, 4 key unavailable, 5 site in use, 6 refused, 7 denied (see docs/cli.md).',
  );
  registerInit(program);
  registerDoctor(program);
  registerBackupRestore(program);
  registerKeyCommands(program);
  registerServe(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerEngineCommands(program);
  registerScheduleCommands(program);
  registerReportCommands(program);
  const override = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(override);
  };
  override(program);
  return program;
}

/** Runs one CLI invocation and returns its exit code; errors are printed as one clear line, never a stack. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`clearline: ${(error as Error).message}\n`);
    if (process.env.CLEARLINE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return exitCodeFor(error);
  }
}
