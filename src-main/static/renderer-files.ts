import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The built renderer as both hosts serve it (the desktop's app:// protocol and `serve`'s
 * HTTP): which file a path names, its content type and how long it may be cached. One
 * place, so that the two hosts cannot drift on what they let out of the renderer folder.
 */

const CONTENT_TYPES: Record<string, string> = {
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

export type ResolvedFile = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'not-found' };

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps a URL path (still percent-encoded) to a file inside the renderer folder, and only
 * there: an undecodable path, a NUL byte or anything that normalizes outside the folder
 * (`..`, encoded slashes or backslashes) is refused. A path without an extension is a
 * client-side route and gets index.html.
 */
export async function resolveRendererPath(root: string, encodedPath: string): Promise<ResolvedFile> {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return { kind: 'refused' };
  }
  if (path.includes('\0')) return { kind: 'refused' };
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const candidate = normalize(join(base, path));
  if (candidate !== base && !candidate.startsWith(base)) return { kind: 'refused' };
  if (await isFile(candidate)) return { kind: 'file', path: candidate };
  if (extname(path) === '' && (await isFile(join(base, 'index.html')))) return { kind: 'file', path: join(base, 'index.html') };
  return { kind: 'not-found' };
}

/** The content type and caching of a resolved file. */
export function rendererFileHeaders(path: string): { 'content-type': string; 'cache-control': string } {
  return {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    // Hashed bundles never change under one name; index.html must always be fresh after an upgrade.
    'cache-control': path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store',
  };
}
