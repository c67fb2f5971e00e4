import { runCli } from '../cli/run-cli';

/**
 * `clearline-app --cli <command…>`: the CLI inside the desktop binary. Production ships one
 * native build (its modules rebuilt for Electron's ABI) and the RunAsNode fuse stays off, so
 * the CLI cannot run under `ELECTRON_RUN_AS_NODE`; it runs here instead, with no window, no
 * single-instance lock and no core thread of the shell's own.
 */
export async function runCliMode(args: readonly string[], exit: (code: number) => void): Promise<void> {
  // runCli reads argv the way Node lays it out: binary, script, then the arguments.
  const code = await runCli([process.execPath, 'clearline', ...args]);
  // Electron's exit does not wait for pending writes, and pipes are asynchronous on Windows.
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  exit(code);
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
