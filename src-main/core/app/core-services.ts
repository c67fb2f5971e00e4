import type { z } from 'zod';
import type { SystemStatus } from '@shared/contract/system';
import type { AuditService } from '../audit/audit-service';
import type { SessionService } from '../auth/session-service';
import type { SetupService } from '../auth/setup-service';
import type { TokenService } from '../auth/token-service';
import type { UserService } from '../auth/user-service';

/** The services the handlers call; built once by the composition root. */
export interface CoreServices {
  siteName: string;
  setup: SetupService;
  sessions: SessionService;
  users: UserService;
  tokens: TokenService;
  audit: AuditService;
  status(): z.infer<typeof SystemStatus>;
}
