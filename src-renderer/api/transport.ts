import type { ClearlineBridge } from '@shared/contract/bridge';
import type { Transport } from '@shared/contract/client';
import { HttpTransport } from './http-transport';
import { IpcTransport } from './ipc-transport';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload through contextBridge). */
    clearline?: ClearlineBridge;
  }
}

export type TransportKind = 'ipc' | 'http';

/** The desktop preload exposes `window.clearline`; anywhere else we are under `clearline serve`. */
export function chooseTransport(): { kind: TransportKind; transport: Transport } {
  const bridge = window.clearline;
  return bridge ? { kind: 'ipc', transport: new IpcTransport(bridge) } : { kind: 'http', transport: new HttpTransport() };
}
