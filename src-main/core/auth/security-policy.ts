/** Session and sign-in limits. Sites will tune them in Admin; these are the defaults. */
export interface SecurityPolicy {
  /** Consecutive failed sign-ins that lock an account until an admin unlocks it. */
  maxFailedSignIns: number;
  /** A session ends after this long without a call. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, whatever happens. */
  sessionMaxHours: number;
  /** The UI locks itself after this long without input; unlocking needs the password. */
  idleLockMinutes: number;
  /** How long the one-time setup token printed by init/serve stays valid. */
  setupTokenHours: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  maxFailedSignIns: 5,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  idleLockMinutes: 10,
  setupTokenHours: 24,
};
