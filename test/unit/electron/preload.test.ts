import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ClearlineBridge } from '@shared/contract/bridge';
import { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let bridge: ClearlineBridge;

beforeAll(async () => {
  await import('../../../src-main/electron/preload');
  bridge = fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as ClearlineBridge;
});

const emit = (message: unknown) => fakeElectron.ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: fakeElectron.ipcRenderer }, message);

describe('the preload', () => {
  it('exposes window.clearline with exactly invoke and subscribe, and nothing else', () => {
    expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('clearline');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
  });

  it('invokes over the one invoke channel and returns the envelope', async () => {
    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { siteName: 'S' } });
    expect(await bridge.invoke('setup.status', {})).toEqual({ ok: true, value: { siteName: 'S' } });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_INVOKE_CHANNEL, 'setup.status', {});
  });

  it('turns a failed IPC round trip into an error envelope rather than a throw', async () => {
    fakeElectron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    expect(await bridge.invoke('setup.status', {})).toMatchObject({ ok: false, error: { status: 503, code: 'host_unavailable' } });
  });

  it('listens once on the event channel and fans out by topic, handing listeners the payload only', () => {
    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function));
    const ended = vi.fn();
    const changed = vi.fn();
    const stopEnded = bridge.subscribe('session.ended', ended);
    bridge.subscribe('users.changed', changed);
    emit({ topic: 'session.ended', payload: { reason: 'signed-out' } });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended.mock.calls[0]).toEqual([{ reason: 'signed-out' }]);
    expect(changed).not.toHaveBeenCalled();

    stopEnded();
    emit({ topic: 'session.ended', payload: { reason: 'expired' } });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledTimes(1);
  });

  it('ignores malformed event messages', () => {
    const listener = vi.fn();
    bridge.subscribe('users.changed', listener);
    for (const message of [null, 'users.changed', { payload: 1 }, { topic: 7 }]) emit(message);
    expect(listener).not.toHaveBeenCalled();
  });
});
