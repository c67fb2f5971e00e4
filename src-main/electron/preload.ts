import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ClearlineBridge, type InvokeResult } from '@shared/contract/bridge';

/**
 * The whole surface the page gets: `window.clearline` with `invoke` and `subscribe`, both
 * plain functions over fixed channels. ipcRenderer itself, its events (whose `sender` is
 * ipcRenderer) and any channel name chosen by the page never cross the context bridge.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

// One listener for all topics; the page's listeners get the payload only.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { topic, payload } = message as { topic?: unknown; payload?: unknown };
  if (typeof topic !== 'string') return;
  for (const listener of listeners.get(topic) ?? []) listener(payload);
});

const bridge: ClearlineBridge = {
  invoke(op: string, input: unknown): Promise<InvokeResult> {
    return (ipcRenderer.invoke(IPC_INVOKE_CHANNEL, op, input) as Promise<InvokeResult>).catch(() => ({
      ok: false,
      error: { status: 503, code: 'host_unavailable', message: 'The desktop host did not answer; restart Clearline.' },
    }));
  },
  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    const forTopic = listeners.get(topic) ?? new Set();
    listeners.set(topic, forTopic);
    // Wrapped so that subscribing one function twice gives two independent subscriptions.
    const entry = (payload: unknown) => listener(payload);
    forTopic.add(entry);
    return () => {
      forTopic.delete(entry);
      if (forTopic.size === 0 && listeners.get(topic) === forTopic) listeners.delete(topic);
    };
  },
};

contextBridge.exposeInMainWorld('clearline', bridge);
