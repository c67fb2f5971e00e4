/** Exit codes of every `clearline` command; documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** Unexpected failure; the message says what happened. */
  error: 1,
  /** Wrong command line: unknown option, missing argument, invalid value. */
  usage: 2,
  /** A check failed: doctor found a problem, a verification did not pass. */
  checkFailed: 3,
  /** No usable key: provider unreachable, wrong passphrase, wrong recovery key, key rejected by the database. */
  keyUnavailable: 4,
  /** The site is in use or owned by another process, and the command needs it to itself. */
  siteInUse: 5,
  /** The command was refused for the state the site is in (no site, site exists, backup of another site). */
  refused: 6,
  /** Sign-in failed or the signed-in user lacks the permission. */
  denied: 7,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_ERROR_NAME: Record<string, ExitCode> = {
  KeyUnavailableError: EXIT.keyUnavailable,
  KeyRejectedError: EXIT.keyUnavailable,
  RecoveryKeyFormatError: EXIT.keyUnavailable,
  UnsealError: EXIT.keyUnavailable,
  SiteInUseError: EXIT.siteInUse,
  StoreBusyError: EXIT.siteInUse,
  SiteConfigError: EXIT.refused,
  SiteExistsError: EXIT.refused,
  RestoreRefusedError: EXIT.refused,
  BackupFormatError: EXIT.refused,
  SchemaTooNewError: EXIT.refused,
  UsageError: EXIT.usage,
};

export function exitCodeFor(error: unknown): ExitCode {
  const own = (error as { exitCode?: unknown })?.exitCode;
  if (typeof own === 'number') return own as ExitCode;
  return BY_ERROR_NAME[(error as Error)?.name ?? ''] ?? EXIT.error;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
