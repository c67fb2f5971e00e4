import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';
import { registerAppScheme, rendererResponse, resolveRendererFile, serveRenderer } from '../../../src-main/electron/renderer-protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clearline</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  // A secret beside the renderer folder, which no app:// URL may reach.
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  writeFileSync(join(dir, 'renderer-evil.txt'), 'SECRET');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string) => rendererResponse(root, { url, method: 'GET' });

describe('the app:// scheme', () => {
  it('is registered as standard and secure, without CSP bypass, CORS or service workers', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: Record<string, boolean> }[]]];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const privileges = schemes[0]!.privileges;
    for (const name of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'allowExtensions']) expect(privileges[name]).toBeFalsy();
  });

  it('is handled by the renderer response', async () => {
    const protocol = { handle: vi.fn() };
    serveRenderer(protocol, root);
    const handler = protocol.handle.mock.calls[0]![1] as (request: { url: string; method: string }) => Promise<Response>;
    expect(protocol.handle.mock.calls[0]![0]).toBe('app');
    expect((await handler({ url: 'app://clearline/index.html', method: 'GET' })).status).toBe(200);
  });
});

describe('renderer responses', () => {
  it('serve the built files with the CSP and the security headers', async () => {
    const response = await get('app://clearline/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Clearline</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');

    const script = await get('app://clearline/assets/index-abc123.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('give index.html for client-side routes, and 404 for a missing file', async () => {
    expect(await (await get('app://clearline/queues/approvals')).text()).toContain('<title>Clearline</title>');
    expect(await (await get('app://clearline/')).text()).toContain('<title>Clearline</title>');
    const missing = await get('app://clearline/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuse path traversal, encoded or not, and other hosts', async () => {
    for (const url of [
      'app://clearline/..%2fsecret.txt',
      'app://clearline/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://clearline/assets/..%2f..%2fsecret.txt',
      'app://clearline/%2e%2e%2fsecret.txt',
      'app://clearline/..%5csecret.txt',
      'app://clearline/..%2frenderer-evil.txt',
      'app://clearline/index.html%00.js',
      'app://clearline/%E0%A4%A',
      'app://evil/index.html',
      'app://clearline.evil/index.html',
    ]) {
      const response = await get(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('SECRET');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(await resolveRendererFile(root, 'app://clearline/..%2fsecret.txt')).toEqual({ kind: 'refused' });
    expect(await resolveRendererFile(root, 'app://evil/index.html')).toEqual({ kind: 'refused' });
  });

  it('serve only GET and HEAD', async () => {
    expect((await rendererResponse(root, { url: 'app://clearline/index.html', method: 'POST' })).status).toBe(405);
    const head = await rendererResponse(root, { url: 'app://clearline/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
