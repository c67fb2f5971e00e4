import type { ApiErrorBody } from './op';

/**
 * Free of zod and of anything else heavy: the sandboxed preload bundles this file.
 *
 * What the desktop app's preload exposes as `window.clearline` (contextBridge), and
 * nothing more. Results come back as envelopes because errors thrown across the context
 * bridge lose their fields.
 */
export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface ClearlineBridge {
  invoke(op: string, input: unknown): Promise<InvokeResult>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}

/** The one IPC channel for calls, and the one for pushed events. */
export const IPC_INVOKE_CHANNEL = 'clearline:invoke';
export const IPC_EVENT_CHANNEL = 'clearline:event';

/** The error every call gets while the desktop host waits for the site passphrase. */
export const SITE_LOCKED = { status: 503, code: 'site_locked', message: 'Enter the site passphrase to open this site.' } as const;
