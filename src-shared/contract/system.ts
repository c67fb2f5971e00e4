import { z } from 'zod';
import { op } from './op';

export const SystemStatus = z.object({
  siteId: z.string(),
  siteName: z.string(),
  version: z.string(),
  engine: z.object({ role: z.enum(['owner', 'standby', 'stopped']), fence: z.number().int().nullable() }),
});

export const systemOps = {
  'system.status': op({
    input: z.object({}).strict(),
    output: SystemStatus,
    access: 'session',
    mutation: false,
    summary: 'site, version and engine ownership of this process',
  }),
} as const;
