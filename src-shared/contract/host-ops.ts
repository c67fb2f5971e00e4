import { z } from 'zod';

/**
 * Operations the desktop host answers itself, before the core exists: unlocking a site
 * whose data key is wrapped by the operator passphrase. Under `clearline serve` the
 * passphrase is asked on the server's terminal instead, never in a web page.
 */
export const HOST_OPS = {
  'host.unlockSite': { input: z.object({ passphrase: z.string().min(1, { message: 'is required' }) }).strict() },
} as const;
