import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from '@shared/security/response-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

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

export type ResolvedFile = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'not-found' };

/**
 * Maps an app:// URL to a file inside the renderer folder, and only there: another host,
 * an undecodable path, a NUL byte or anything that normalizes outside the folder
 * (`..`, encoded slashes or backslashes) is refused. A path without an extension is a
 * client-side route and gets index.html.
 */
export async function resolveRendererFile(root: string, url: string): Promise<ResolvedFile> {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || path.includes('\0')) return { kind: 'refused' };
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const candidate = normalize(join(base, path));
  if (candidate !== base && !candidate.startsWith(base)) return { kind: 'refused' };
  if (await isFile(candidate)) return { kind: 'file', path: candidate };
  if (extname(path) === '' && (await isFile(join(base, 'index.html')))) return { kind: 'file', path: join(base, 'index.html') };
  return { kind: 'not-found' };
}

/** The response for one app:// request, always with the security headers. */
export async function rendererResponse(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const resolved = await resolveRendererFile(root, request.url);
  if (resolved.kind === 'refused') return plain(403, 'Forbidden');
  if (resolved.kind === 'not-found') return plain(404, 'Not found');
  const body = request.method === 'HEAD' ? null : await readFile(resolved.path);
  // Hashed bundles never change under one name; index.html must always be fresh after an upgrade.
  const cache = resolved.path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store';
  return new Response(body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': TYPES[extname(resolved.path)] ?? 'application/octet-stream', 'cache-control': cache },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
