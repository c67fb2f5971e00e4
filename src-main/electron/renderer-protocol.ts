import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { rendererFileHeaders, resolveRendererPath, type ResolvedFile } from '../static/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from '@shared/security/response-headers';

/**
 * Registers app:// before the app is ready (Chromium fixes scheme privileges at start-up).
 * `standard` gives it real origins, relative URLs and web storage; `secure` makes it a
 * secure context like https. `supportFetchAPI` lets the page fetch its own assets
 * (CORS stays off, so no other origin can read them); nothing else is granted: no CSP
 * bypass, no service workers.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer under app://clearline/ (call once the app is ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request));
}

/** Maps an app:// URL to a file inside the renderer folder; another scheme or host is refused. */
export async function resolveRendererFile(root: string, url: string): Promise<ResolvedFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused' };
  return resolveRendererPath(root, parsed.pathname);
}

/** The response for one app:// request, always with the security headers. */
export async function rendererResponse(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const resolved = await resolveRendererFile(root, request.url);
  if (resolved.kind === 'refused') return plain(403, 'Forbidden');
  if (resolved.kind === 'not-found') return plain(404, 'Not found');
  const body = request.method === 'HEAD' ? null : await readFile(resolved.path);
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, ...rendererFileHeaders(resolved.path) } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
