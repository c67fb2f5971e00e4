import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron';
import { secureWebPreferences } from '../../../src-main/electron/web-preferences';
import { createMainWindow } from '../../../src-main/electron/main-window';
import { APP_ENTRY_URL } from '../../../src-main/electron/app-origin';
import { applicationMenuTemplate } from '../../../src-main/electron/application-menu';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  preload: '/app/out/preload/preload.cjs',
};

describe('windows', () => {
  it('get exactly the hardened web preferences, nothing more', () => {
    expect(secureWebPreferences('/app/out/preload/preload.cjs')).toStrictEqual(HARDENED);
  });

  it('are created with those preferences and load the app:// entry page, shown once painted', () => {
    const before = FakeBrowserWindow.created.length;
    createMainWindow('/app/out/preload/preload.cjs');
    const window = FakeBrowserWindow.created[before]!;
    expect(FakeBrowserWindow.created).toHaveLength(before + 1);
    expect(window.options.webPreferences).toStrictEqual(HARDENED);
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('the application menu', () => {
  const items = (template: ReturnType<typeof applicationMenuTemplate>): Record<string, unknown>[] =>
    template.flatMap((item) => [item as Record<string, unknown>, ...(Array.isArray(item.submenu) ? (item.submenu as Record<string, unknown>[]) : [])]);

  it('has no help menu, no links and no click handlers (nothing that opens a remote page)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const all = items(applicationMenuTemplate(platform, true));
      expect(all.some((item) => item.role === 'help' || item.click !== undefined || item.label === 'Help')).toBe(false);
    }
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(items(applicationMenuTemplate('linux', true)).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(items(applicationMenuTemplate('linux', false)).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
