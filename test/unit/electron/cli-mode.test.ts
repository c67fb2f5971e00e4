import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';
import { parseCommandLine } from '../../../src-main/electron/command-line';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const argv = process.argv;
afterAll(() => {
  process.argv = argv;
});

describe('clearline-app --cli', () => {
  it("runs the real CLI on the arguments after --cli, creates no window, and exits with the CLI's code", async () => {
    // Kept off the test's output, but written (callbacks called) as a real stream would.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((...args: unknown[]) => {
      (args.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
      return true;
    });
    process.argv = ['/opt/Clearline/clearline-app', '--ozone-platform=headless', '--cli', 'no-such-command'];
    await import('../../../src-main/electron/main');
    await vi.waitFor(() => expect(fakeElectron.app.exit).toHaveBeenCalled(), { timeout: 10_000 });
    const written = stderr.mock.calls.map(([text]) => String(text)).join('');
    stderr.mockRestore();
    // Commander saw `no-such-command` as the command (exit code 2, usage), so the CLI got exactly the arguments after --cli.
    expect(fakeElectron.app.exit).toHaveBeenCalledWith(2);
    expect(written).toContain("unknown command 'no-such-command'");
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fakeElectron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('the desktop command line', () => {
  it('gives everything after --cli to the CLI, in a packaged app or under `electron .`', () => {
    expect(parseCommandLine(['/opt/Clearline/clearline-app', '--cli', 'user', 'list'])).toEqual({ cli: ['user', 'list'], dataDir: undefined });
    expect(parseCommandLine(['electron', '.', '--cli'])).toEqual({ cli: [], dataDir: undefined });
  });

  it('reads --data-dir in both forms, and nothing without it', () => {
    expect(parseCommandLine(['Clearline.exe', '--data-dir', 'D:\\sites\\north'])).toEqual({ cli: null, dataDir: 'D:\\sites\\north' });
    expect(parseCommandLine(['clearline-app', '--data-dir=/srv/site'])).toEqual({ cli: null, dataDir: '/srv/site' });
    expect(parseCommandLine(['clearline-app', '--data-dir'])).toEqual({ cli: null, dataDir: undefined });
    expect(parseCommandLine(['clearline-app'])).toEqual({ cli: null, dataDir: undefined });
  });
});
