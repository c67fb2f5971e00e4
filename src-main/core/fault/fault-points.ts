/**
 * Named crash points for the crash-safety tests: when CLEARLINE_FAULT names the point the
 * process kills itself with SIGKILL right there, exactly as a power cut would stop it. The
 * variable is read, never set, by production code; without it these calls do nothing.
 */
export function faultPoint(name: string): void {
  if (process.env.CLEARLINE_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
