import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const dir = mkdtempSync(join(tmpdir(), 'clearline-startup-'));
const argv = process.argv;
afterAll(() => {
  process.argv = argv;
  rmSync(dir, { recursive: true, force: true });
});

describe('the desktop app on a data folder with no site', () => {
  it('hardens the app before it is ready, then explains `clearline init` and quits without opening a window', async () => {
    fakeElectron.app.whenReady.mockImplementation(() => Promise.resolve());
    process.argv = ['/opt/Clearline/clearline-app', '--data-dir', join(dir, 'empty')];
    await import('../../../src-main/electron/main');
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());

    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalled();
    for (const beforeReady of [fakeElectron.protocol.registerSchemesAsPrivileged, fakeElectron.app.enableSandbox, fakeElectron.app.setPath]) {
      expect(beforeReady.mock.invocationCallOrder[0]).toBeLessThan(fakeElectron.app.whenReady.mock.invocationCallOrder[0]!);
    }
    expect(fakeElectron.app.setPath).toHaveBeenCalledWith('sessionData', join('/fake/userData', 'Chromium'));
    expect(fakeElectron.app.listenerCount('web-contents-created')).toBe(1);
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalled();

    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [options] = fakeElectron.dialog.showMessageBox.mock.calls[0] as unknown as [{ message: string; detail: string }];
    expect(options.message).toContain('no Clearline site');
    expect(options.detail).toContain(join(dir, 'empty'));
    expect(options.detail).toContain('init --key-provider');
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
  });
});
