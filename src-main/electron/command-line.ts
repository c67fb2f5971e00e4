/** What the desktop binary was asked to do, read from its command line. */
export interface DesktopCommandLine {
  /** `clearline-app --cli <command…>`: the CLI's own arguments; null for the desktop console. */
  cli: string[] | null;
  /** `--data-dir <dir>` or `--data-dir=<dir>`; CLEARLINE_DATA_DIR and the default apply without it. */
  dataDir: string | undefined;
}

export const CLI_SWITCH = '--cli';
const DATA_DIR = '--data-dir';

/**
 * Reads the desktop's switches. Everything after `--cli` belongs to the CLI, untouched (so
 * Chromium switches such as `--ozone-platform=headless` go before it). The shape of argv
 * differs between `electron .` (binary, app path, …) and a packaged app (binary, …), so
 * switches are found by name, never by position.
 */
export function parseCommandLine(argv: readonly string[]): DesktopCommandLine {
  const cliAt = argv.indexOf(CLI_SWITCH);
  if (cliAt >= 0) return { cli: argv.slice(cliAt + 1), dataDir: undefined };
  return { cli: null, dataDir: dataDirSwitch(argv) };
}

function dataDirSwitch(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith(`${DATA_DIR}=`)) found = arg.slice(DATA_DIR.length + 1);
    else if (arg === DATA_DIR && i + 1 < argv.length) found = argv[i + 1];
  });
  return found || undefined;
}
