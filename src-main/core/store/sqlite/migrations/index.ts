import m001 from './001-site-and-lease';
import m002 from './002-audit-chain';
import m003 from './003-identity';
import m004 from './004-engine';
import m005 from './005-human-work';
import m006 from './006-scheduler';
import m007 from './007-audit-evidence';
import m008 from './008-task-indexes';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];

for (const [i, m] of MIGRATIONS.entries()) {
  if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
}
