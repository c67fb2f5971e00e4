import { hostname, userInfo } from 'node:os';
import type { AuditActor } from '@shared/domain/audit';

/** Maintenance from the command line is audited with the operating-system user who ran it. */
export function osActor(): AuditActor {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    osUser = process.env.USER ?? process.env.USERNAME ?? `uid:${process.getuid?.() ?? 'unknown'}`;
  }
  return { kind: 'cli', osUser, host: hostname() };
}
