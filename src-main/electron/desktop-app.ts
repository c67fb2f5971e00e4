import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, webContents } from 'electron';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@shared/contract/bridge';
import { CoreThread } from '../core/worker/core-thread';
import { DEFAULT_OWNERSHIP } from '../core/lease/engine-ownership';
import { applicationMenuTemplate } from './application-menu';
import { CoreSupervisor } from './core-supervisor';
import { createInvokeHandler } from './invoke-handler';
import { createMainWindow } from './main-window';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { installSessionGuards } from './session-guards';
import { checkSite, noSiteMessage } from './site-check';
import { installWebContentsGuards } from './web-contents-guards';
import { WindowSessions, type WindowEvent } from './window-sessions';

export interface DesktopOptions {
  dataDir: string;
  /** The built files, located by the entry module beside which they are emitted. */
  coreWorker: URL;
  preload: string;
  rendererDir: string;
}

/** How long quitting waits for the core to close the store and release the engine lease. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const log = (message: string): void => {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
};

/**
 * The desktop console: one window per app instance on the site in `dataDir`, served from
 * app://, talking to the core thread through one IPC channel. This wires the parts; each
 * policy lives in its own module.
 */
export function startDesktop(options: DesktopOptions): void {
  // A second launch focuses the running window: two engines on one site would contend for
  // its lease, and two windows would hold two sessions for one person at one desk.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before ready, as Chromium fixes these at start-up: the app:// scheme; the OS sandbox for
  // every renderer, whatever its web preferences say; and the browser profile (caches,
  // local storage) in a subfolder rather than beside the site's files.
  registerAppScheme(protocol);
  app.enableSandbox();
  app.setPath('sessionData', join(app.getPath('userData'), 'Chromium'));
  app.on('web-contents-created', (_event, contents) => installWebContentsGuards(contents, log));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => openConsole(options));
}

async function openConsole(options: DesktopOptions): Promise<void> {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.isPackaged)));
  const site = checkSite(options.dataDir);
  if (site.kind === 'missing') {
    const text = noSiteMessage(options.dataDir, {
      packaged: app.isPackaged,
      platform: process.platform,
      resourcesPath: process.resourcesPath,
      appImage: process.env.APPIMAGE,
    });
    await dialog.showMessageBox({ type: 'info', buttons: ['Quit'], ...text });
    app.quit();
    return;
  }
  if (site.kind === 'invalid') return fatal(site.message);

  installSessionGuards(session.defaultSession, log);
  serveRenderer(protocol, options.rendererDir);
  const core = new CoreSupervisor(
    (prompt) => CoreThread.start(options.coreWorker, { dataDir: options.dataDir, ownership: DEFAULT_OWNERSHIP, issueSetupToken: false }, { prompt, log }),
    log,
  );
  const sessions = new WindowSessions(core, sendEvent);
  core.subscribe((event) => void sessions.deliver(event));
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeHandler({ windows: () => BrowserWindow.getAllWindows(), sessions, site: core, log }));
  closeCleanly(core, sessions);

  const window = createMainWindow(options.preload);
  const windowId = window.webContents.id;
  window.on('closed', () => void sessions.end(windowId));
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // A passphrase site waits for the window's unlock screen; any other starts now.
  if (!site.needsPassphrase) core.startUnattended().catch((error: Error) => fatal(error.message));
}

function sendEvent(windowId: number, event: WindowEvent): void {
  const contents = webContents.fromId(windowId);
  if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
}

/** Quitting ends the windows' sessions and closes the core before the process exits. */
function closeCleanly(core: CoreSupervisor, sessions: WindowSessions): void {
  let shutdown: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (shutdown) return;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref());
    shutdown = Promise.race([sessions.endAll().then(() => core.close()), timeout])
      .catch((error: Error) => {
        log(`shutting down: ${error.message}`);
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function fatal(message: string): void {
  log(`cannot open the site: ${message}`);
  dialog.showErrorBox('Clearline cannot open this site', message);
  app.quit();
}
