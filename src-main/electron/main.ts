import { app } from 'electron';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../core/site/data-dir';
import { runCliMode } from './cli-mode';
import { parseCommandLine } from './command-line';
import { startDesktop } from './desktop-app';

/**
 * Entry of the desktop binary: either the CLI (`--cli`) or the console. The built files are
 * located here, in the entry module, because only its URL is known to sit in out/main.
 */
const commandLine = parseCommandLine(process.argv);
if (commandLine.cli) {
  void runCliMode(commandLine.cli, (code) => app.exit(code));
} else {
  startDesktop({
    dataDir: resolveDataDir(commandLine.dataDir),
    coreWorker: new URL('./core-worker.js', import.meta.url),
    preload: fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)),
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
  });
}
