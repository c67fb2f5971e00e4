import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * fakeElectron: a stand-in for the `electron` module, which cannot be downloaded (so cannot
 * run) on these machines. It records what the shell asks of Electron; it implements no
 * behaviour of its own. Used only through `vi.mock('electron', …)`.
 */
export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  constructor(url = 'app://clearline/index.html') {
    super();
    this.mainFrame = fakeFrame({ url, processId: 100 + this.id, frameToken: `frame-${this.id}` });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
}

export interface FakeFrame {
  url: string;
  processId: number;
  frameToken: string;
  parent: FakeFrame | null;
  detached: boolean;
}

export function fakeFrame(fields: Partial<FakeFrame> & Pick<FakeFrame, 'url' | 'processId' | 'frameToken'>): FakeFrame {
  return { parent: null, detached: false, ...fields };
}

/** An event as Electron passes it to listeners: preventDefault is recorded. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { ...fields, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((contents: { id: number }, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) });
vi.spyOn(ipcRenderer, 'on');

export const fakeElectron = {
  app: Object.assign(new EventEmitter(), {
    exit: vi.fn(),
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>(() => {})),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    isPackaged: false,
  }),
  BrowserWindow: FakeBrowserWindow,
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer,
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: new FakeSession() },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  webContents: { fromId: vi.fn() },
};
