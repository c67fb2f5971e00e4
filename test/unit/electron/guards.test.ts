import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron';
import { installWebContentsGuards } from '../../../src-main/electron/web-contents-guards';
import { installSessionGuards } from '../../../src-main/electron/session-guards';

function guarded() {
  const contents = new FakeWebContents();
  const log = vi.fn();
  installWebContentsGuards(contents as unknown as WebContents, log);
  return { contents, log };
}

describe('web contents guards', () => {
  for (const event of ['will-navigate', 'will-redirect'] as const) {
    it(`${event}: prevented to any other origin, allowed within app://clearline`, () => {
      const { contents, log } = guarded();
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:4780/',
        'file:///etc/passwd',
        'app://evil/index.html',
        'app://clearline.evil/x',
        'app://user@clearline/',
        'javascript:alert(1)',
        'data:text/html,hi',
        'not a url',
      ]) {
        const details = fakeEvent({ url });
        contents.emit(event, details, url);
        expect(details.defaultPrevented(), url).toBe(true);
      }
      expect(log).toHaveBeenCalled();
      const inApp = fakeEvent({ url: 'app://clearline/queues' });
      contents.emit(event, inApp, inApp.url);
      expect(inApp.defaultPrevented()).toBe(false);
    });
  }

  it('denies every new window, whatever its URL', () => {
    const { contents } = guarded();
    for (const url of ['https://example.com/', 'app://clearline/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('session guards', () => {
  function guardedSession() {
    const session = new FakeSession();
    installSessionGuards(session as unknown as Session, vi.fn());
    return session;
  }

  it('deny every permission request', () => {
    const session = guardedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({ id: 1 }, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answer every permission check and device request with no', () => {
    const session = guardedSession();
    expect(session.permissionCheckHandler?.(null, 'media', 'app://clearline', {})).toBe(false);
    expect(session.permissionCheckHandler?.(null, 'clipboard-read', 'app://clearline', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://clearline' })).toBe(false);
  });

  it('cancel every download', () => {
    const session = guardedSession();
    const event = fakeEvent();
    session.emit('will-download', event, { getURL: () => 'app://clearline/assets/report.pdf' });
    expect(event.defaultPrevented()).toBe(true);
  });
});
