import type { InvokeResult } from '@shared/contract/bridge';
import { HOST_OPS } from '@shared/contract/host-ops';
import type { ApiErrorBody } from '@shared/contract/op';
import type { DispatchCall, DispatchResult } from '../core/dispatch/dispatcher';
import { isTrustedSender, type FrameIdentity, type SenderFrame } from './trusted-sender';
import { WindowSessions } from './window-sessions';

/** The parts of an IPC invoke event the handler reads. */
export interface InvokeEvent {
  senderFrame: SenderFrame | null;
  sender: { id: number };
}

export interface InvokeHandlerDeps {
  /** Every window of the app, to recognise the sender's frame. */
  windows(): Iterable<{ webContents: { mainFrame: FrameIdentity } }>;
  sessions: WindowSessions;
  site: { call(call: DispatchCall): Promise<DispatchResult>; unlock(passphrase: string): Promise<InvokeResult> };
  log(message: string): void;
}

const MAX_OP_LENGTH = 100;

/**
 * The one `ipcMain.handle` behind `window.clearline.invoke`. It refuses a sender that is not
 * the console's top frame, checks the arguments' shape, answers host operations itself and
 * passes the rest to the core with the window's session credential, applying the session
 * directive here. The result is always an envelope (thrown errors lose their fields when
 * they cross the context bridge) and never carries the session token.
 */
export function createInvokeHandler(deps: InvokeHandlerDeps): (event: InvokeEvent, op: unknown, input: unknown) => Promise<InvokeResult> {
  return async (event, op, input) => {
    if (!isTrustedSender(event.senderFrame, deps.windows())) {
      deps.log(`refused an IPC call from an untrusted sender (web contents ${event.sender.id}, frame ${event.senderFrame?.url ?? 'gone'})`);
      return failure({ status: 403, code: 'untrusted_sender', message: 'Calls are accepted only from the Clearline console itself.' });
    }
    if (typeof op !== 'string' || op.length === 0 || op.length > MAX_OP_LENGTH) {
      return failure({ status: 400, code: 'invalid_operation', message: `The operation must be a name of 1 to ${MAX_OP_LENGTH} characters.` });
    }
    const windowId = event.sender.id;
    try {
      if (op === 'host.unlockSite') return await unlockSite(deps, input);
      const result = await deps.site.call({ op, input, credential: deps.sessions.credential(windowId), origin: WindowSessions.origin(windowId) });
      await deps.sessions.apply(windowId, result.session);
      // Rebuilt field by field: the session directive (with its token) stays in this process.
      return result.ok ? { ok: true, value: result.value } : failure(result.error);
    } catch (error) {
      deps.log(`IPC call ${op} from window ${windowId} failed: ${(error as Error).stack ?? String(error)}`);
      return failure({ status: 500, code: 'internal', message: 'Something went wrong in the desktop host; see its log.' });
    }
  };
}

async function unlockSite(deps: InvokeHandlerDeps, input: unknown): Promise<InvokeResult> {
  const parsed = HOST_OPS['host.unlockSite'].input.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
    return failure({ status: 400, code: 'invalid_input', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
  }
  return deps.site.unlock(parsed.data.passphrase);
}

function failure(error: ApiErrorBody): InvokeResult {
  return { ok: false, error };
}
