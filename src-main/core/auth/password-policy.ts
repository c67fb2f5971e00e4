import { PASSWORD_MIN_LENGTH } from '@shared/domain/users';
import { verifyPassword } from './passwords';

/**
 * The password policy, after NIST SP 800-63B: length (the shared schema enforces the
 * minimum), no password from a blocklist of the most common ones, none that contains the
 * username or display name, no single repeated character or keyboard run, and none of the
 * user's last five passwords.
 */
export const PASSWORD_HISTORY = 5;

const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiop123',
  '123456789012',
  '1234567890123',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'administrator',
  'administrator1',
  'changeme1234',
  'changemenow1',
  'trustno11234',
  'football1234',
  'baseball1234',
  'monkey123456',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'abc123456789',
  'qwerty123456',
  'passw0rd1234',
  'p@ssw0rd1234',
  'p@ssword1234',
  'summer202620',
  'winter202620',
  'clearline123',
  'clearline1234',
  'bankpassword',
]);

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export function policyProblems(password: string, person: { username: string; displayName?: string }): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (COMMON.has(lower)) problems.push('is one of the most common passwords; choose another');
  if (/^(.)\1+$/.test(password)) problems.push('must not be one character repeated');
  if (RUNS.some((run) => run.includes(lower) || run.split('').reverse().join('').includes(lower))) problems.push('must not be a keyboard or alphabet run');
  const names = [person.username, ...(person.displayName ?? '').split(/\s+/)].map((n) => n.toLowerCase()).filter((n) => n.length >= 3);
  if (names.some((n) => lower.includes(n))) problems.push('must not contain your username or name');
  return problems;
}

/** True when the password equals one of the given earlier hashes. */
export async function reusesRecent(password: string, recentHashes: readonly string[]): Promise<boolean> {
  for (const hash of recentHashes) if (await verifyPassword(password, hash)) return true;
  return false;
}
